import StreamFramer
import Testing

/// The same stream fed whole, byte by byte and in random chunks gives identical frames and the
/// identical error, for every framing.
@Suite("Split invariance")
struct SplitInvarianceTests {
    static func check<D: FrameDecoder & ~Copyable>(_ type: D.Type, _ configuration: D.Configuration, _ stream: [UInt8])
        -> Outcome
    {
        let reference = run(type, configuration, stream, .whole)
        for chunking in allChunkings.dropFirst() + (10..<20).map({ Chunking.random(seed: UInt64($0), maximum: 9) }) {
            let outcome = run(type, configuration, stream, chunking)
            #expect(outcome == reference, "\(chunking)")
        }
        return reference
    }

    static let payloads: [[UInt8]] = (0..<300).map { [UInt8].random(count: ($0 * 37) % 700, seed: UInt64($0)) }

    @Test func lengthField() throws {
        let configuration = try LengthFieldConfiguration(header: "!cI", lengthAdjustment: -4, keepsHeader: true)
        let encoder = try LengthFieldEncoder(configuration, headerTemplate: [0x44, 0, 0, 0, 0])
        var stream: [UInt8] = []
        for payload in Self.payloads { try encoder.encode(payload, appendingTo: &stream) }
        let clean = Self.check(LengthFieldFramer.self, configuration, stream)
        #expect(clean.frames.count == Self.payloads.count && clean.error == nil)
        let broken = Self.check(LengthFieldFramer.self, configuration, stream + [0x44, 0xFF, 0, 0, 0])
        #expect(broken.frames.count == Self.payloads.count && broken.error?.code == .frameTooLong)
        let truncated = Self.check(LengthFieldFramer.self, configuration, Array(stream.dropLast(3)))
        #expect(truncated.frames.count == Self.payloads.count - 1 && truncated.error?.code == .truncatedFrame)
    }

    @Test func delimiters() throws {
        var stream: [UInt8] = []
        for (index, payload) in Self.payloads.enumerated() {
            stream += payload.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
            stream += index % 3 == 0 ? [0x0D, 0x0A] : [0x0A]
        }
        let configuration = try DelimiterConfiguration(delimiters: [[0x0A], [0x0D, 0x0A]], maximumFrameLength: 500)
        let failing = Self.check(DelimiterFramer.self, configuration, stream)
        #expect(failing.error?.code == .frameTooLong)
        let skipping = try DelimiterConfiguration(
            delimiters: [[0x0A], [0x0D, 0x0A]], maximumFrameLength: 500, endOfStream: .finalFrame,
            overlongFrames: .skipToNextDelimiter)
        // Errors are skipped here, so run collects frames across them.
        let reference = Self.collectSkipping(skipping, stream + [0x41], .whole)
        #expect(reference.frames.count == Self.payloads.filter { $0.count <= 500 }.count + 1)
        for chunking in allChunkings.dropFirst() {
            #expect(Self.collectSkipping(skipping, stream + [0x41], chunking) == reference, "\(chunking)")
        }
    }

    static func collectSkipping(_ configuration: DelimiterConfiguration, _ stream: [UInt8], _ chunking: Chunking)
        -> (frames: [[UInt8]], errors: [String])
    {
        var framer = DelimiterFramer(configuration)
        var frames: [[UInt8]] = []
        var errors: [String] = []
        var offset = 0
        func drain(_ framer: inout DelimiterFramer) {
            while true {
                do {
                    guard let frame = try framer.next() else { return }
                    frames.append(Array(frame.payload))
                } catch { errors.append(error.message) }
            }
        }
        for size in chunking.chunkSizes(total: stream.count) {
            framer.append(stream[offset..<(offset + size)])
            offset += size
            drain(&framer)
        }
        do {
            while let frame = try framer.finish() { frames.append(Array(frame.payload)) }
        } catch { errors.append(error.message) }
        return (frames, errors)
    }

    @Test func varintAndFixedLength() throws {
        var stream: [UInt8] = []
        for payload in Self.payloads { try VarintEncoder(VarintConfiguration()).encode(payload, appendingTo: &stream) }
        let varint = Self.check(VarintFramer.self, try VarintConfiguration(), stream + [0x80, 0x80])
        #expect(varint.frames.count == Self.payloads.count && varint.error?.code == .truncatedFrame)
        let fixed = Self.check(FixedLengthFramer.self, try FixedLengthConfiguration(frameLength: 13), stream)
        #expect(fixed.frames.count == stream.count / 13)
    }

    @Test func runTimeFramerMatchesTheSpecificFramers() throws {
        var stream: [UInt8] = []
        for payload in Self.payloads { try VarintEncoder(VarintConfiguration()).encode(payload, appendingTo: &stream) }
        let specific = run(VarintFramer.self, try VarintConfiguration(), stream, .random(seed: 3, maximum: 100))
        let dynamic = run(Framer.self, try Framing(varint: true), stream, .random(seed: 3, maximum: 100))
        #expect(specific == dynamic)
        #expect(specific.frames == Self.payloads)
    }
}
