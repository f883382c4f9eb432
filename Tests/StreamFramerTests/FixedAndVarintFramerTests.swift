import StreamFramer
import Testing

@Suite("FixedLengthFramer")
struct FixedLengthFramerTests {
    @Test func cutsEqualRecords() throws {
        let outcome = run(FixedLengthFramer.self, try FixedLengthConfiguration(frameLength: 3), Array(utf8: "abcdef"), .bytes)
        #expect(outcome == Outcome(frames: [Array(utf8: "abc"), Array(utf8: "def")]))
    }

    @Test func partialRecordAtEndOfStream() throws {
        let outcome = run(FixedLengthFramer.self, try FixedLengthConfiguration(frameLength: 3), Array(utf8: "abcde"))
        #expect(outcome.frames == [Array(utf8: "abc")])
        #expect(outcome.error == FramingError(.truncatedFrame, "stream ended inside a frame: 2 of 3 bytes buffered"))
        #expect(outcome.error?.expectedByteCount == 3)
    }

    @Test func failureAfterEndOfStreamIsSticky() throws {
        var framer = try FixedLengthFramer(frameLength: 2)
        framer.append([1])
        #expect(throws: FramingError.self) { try framer.finish() }
        framer.append([2, 3])
        #expect(throws: FramingError(.truncatedFrame, "stream ended inside a frame: 1 of 2 bytes buffered")) {
            try framer.next()
        }
    }

    @Test func zeroOrNegativeLengthIsRejected() {
        #expect(throws: FramingError(.invalidConfiguration, "fixed frame length 0 must be at least 1")) {
            try FixedLengthConfiguration(frameLength: 0)
        }
        #expect(throws: FramingError.self) { try FixedLengthConfiguration(frameLength: -3) }
    }
}

@Suite("Varint")
struct VarintTests {
    /// Hand-derived LEB128 (7 bits a byte, low group first, high bit = more).
    static let vectors: [(UInt64, [UInt8])] = [
        (0, [0x00]), (1, [0x01]), (127, [0x7F]), (128, [0x80, 0x01]), (300, [0xAC, 0x02]),
        (16_383, [0xFF, 0x7F]), (16_384, [0x80, 0x80, 0x01]), (1 << 28, [0x80, 0x80, 0x80, 0x80, 0x01]),
        (UInt64(Int64.max), [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]),
        (UInt64.max, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
    ]

    @Test func encodesAndDecodesHandDerivedVectors() throws {
        for (value, bytes) in Self.vectors {
            #expect(Varint.encode(value) == bytes, "\(value)")
            #expect(Varint.byteCount(of: value) == bytes.count)
            let decoded = try bytes.withUnsafeBytes { try Varint.decode($0) }
            #expect(decoded == .value(value, byteCount: bytes.count))
            let partial = try bytes.dropLast().withUnsafeBytes { try Varint.decode(UnsafeRawBufferPointer($0)) }
            #expect(partial == .incomplete)
        }
    }

    @Test func rejectsOverlongAndOverflowingVarints() throws {
        let eleven: [UInt8] = Array(repeating: 0xFF, count: 10) + [0x01]
        #expect(throws: FramingError(.overlongVarint, "overlong varint length: more than 10 bytes")) {
            try eleven.withUnsafeBytes { try Varint.decode($0) }
        }
        let overflowing: [UInt8] = Array(repeating: 0xFF, count: 9) + [0x02]
        #expect(throws: FramingError(.varintOverflow, "varint length overflows 64 bits")) {
            try overflowing.withUnsafeBytes { try Varint.decode($0) }
        }
        let padded: [UInt8] = [0x85, 0x80, 0x00]
        #expect(throws: FramingError(.overlongVarint, "overlong varint length: 5 encoded in 3 bytes (non-minimal encoding)")) {
            try padded.withUnsafeBytes { try Varint.decode($0) }
        }
        #expect(try padded.withUnsafeBytes { try Varint.decode($0, allowsNonMinimal: true) } == .value(5, byteCount: 3))
    }
}

@Suite("VarintFramer")
struct VarintFramerTests {
    @Test func framesVarintPrefixedPayloads() throws {
        let big = [UInt8].random(count: 300, seed: 9)
        let stream: [UInt8] = [0x03, 0x61, 0x62, 0x63, 0x00, 0xAC, 0x02] + big
        for chunking in allChunkings {
            let outcome = run(VarintFramer.self, try VarintConfiguration(), stream, chunking)
            #expect(outcome == Outcome(frames: [Array(utf8: "abc"), [], big]), "\(chunking)")
        }
    }

    @Test func keepsHeader() throws {
        var framer = try VarintFramer(keepsHeader: true)
        framer.append([0x02, 0x61, 0x62])
        let frame = try #require(try framer.next())
        #expect(Array(frame.bytes) == [0x02, 0x61, 0x62])
        #expect(Array(frame.header) == [0x02])
        #expect(Array(frame.payload) == [0x61, 0x62])
    }

    @Test func lengthOverTheMaximum() throws {
        let outcome = run(VarintFramer.self, try VarintConfiguration(maximumFrameLength: 299), [0x01, 0x61, 0xAC, 0x02])
        #expect(outcome.frames == [[0x61]])
        #expect(outcome.error == FramingError(.frameTooLong, "frame length 300 exceeds the maximum of 299 bytes"))
    }

    @Test func malformedVarintsStopTheFramerAfterEarlierFrames() throws {
        let overlong = run(VarintFramer.self, try VarintConfiguration(), [0x00] + Array(repeating: 0x80, count: 12), .bytes)
        #expect(overlong.frames == [[]])
        #expect(overlong.error?.code == .overlongVarint)
        let overflow = run(VarintFramer.self, try VarintConfiguration(), Array(repeating: 0xFF, count: 9) + [0x7F])
        #expect(overflow.error?.code == .varintOverflow)
        let nonMinimal = run(VarintFramer.self, try VarintConfiguration(), [0x81, 0x00, 0x61])
        #expect(nonMinimal.error?.code == .overlongVarint)
        let allowed = run(VarintFramer.self, try VarintConfiguration(allowsNonMinimalEncoding: true), [0x81, 0x00, 0x61])
        #expect(allowed == Outcome(frames: [[0x61]]))
    }

    @Test func configurationErrors() {
        #expect(throws: FramingError(.invalidConfiguration, "maximum frame length -1 is out of range 0...9223372036854775797")) {
            try VarintConfiguration(maximumFrameLength: -1)
        }
    }

    @Test func partialVarintOrPayloadAtEndOfStream() throws {
        let inVarint = run(VarintFramer.self, try VarintConfiguration(), [0xAC])
        #expect(inVarint.error == FramingError(.truncatedFrame, "stream ended inside a varint length: 1 bytes buffered"))
        let inPayload = run(VarintFramer.self, try VarintConfiguration(), [0x03, 0x61])
        #expect(inPayload.error == FramingError(.truncatedFrame, "stream ended inside a frame: 2 of 4 bytes buffered"))
    }
}
