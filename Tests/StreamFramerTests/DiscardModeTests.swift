import StreamFramer
import Testing

/// `overlongFrames: .discard` for length-field and varint framings (SPEC §3.11): an over-long
/// frame is reported once, as soon as its header is complete, with its claimed length, skipped
/// as its bytes arrive without buffering them, and the frames before and after are delivered in
/// order, for every chunking.
@Suite("Discard mode")
struct DiscardModeTests {
    /// Events of a whole stream fed in `chunking`, drained with `nextEvent()`: payloads as hex,
    /// discards as `-L HEADER`, then `end` or the error.
    static func run<C: FrameCutter>(_ configuration: C.Configuration, _ type: C.Type, _ stream: [UInt8], _ chunking: Chunking)
        -> [String]
    {
        var framer = FramingEngine<C>(configuration)
        var events: [String] = []
        var offset = 0
        do {
            for size in chunking.chunkSizes(total: stream.count) {
                framer.append(stream[offset..<(offset + size)])
                offset += size
                while let event = try framer.nextEvent() {
                    switch event {
                    case .frame(let frame): events.append(frame.payload.hex)
                    case .discarded(let discarded): events.append("-\(discarded.claimedLength) \(discarded.header.hex)")
                    }
                }
            }
            while let frame = try framer.finish() { events.append(frame.payload.hex) }
            events.append("end")
        } catch {
            events.append("error: \(error.message)")
        }
        return events
    }

    @Test func lengthFieldFramesBeforeAndAfterAnOverLongFrame() throws {
        // '!I' with maximum 4: "ab", a 10-byte frame, "c", a 5-byte frame, "" (SPEC §3.3's layout).
        let stream: [UInt8] = [0, 0, 0, 2, 0x61, 0x62] + [0, 0, 0, 10] + Array(repeating: 0xEE, count: 10)
            + [0, 0, 0, 1, 0x63] + [0, 0, 0, 5, 1, 2, 3, 4, 5] + [0, 0, 0, 0]
        let configuration = try LengthFieldConfiguration(maximumFrameLength: 4, overlongFrames: .discard)
        for chunking in allChunkings {
            #expect(
                Self.run(configuration, LengthFieldCutter.self, stream, chunking)
                    == ["6162", "-10 0000000a", "63", "-5 00000005", "", "end"], "\(chunking)")
        }
        // next() skips the discards and counts them.
        var framer = LengthFieldFramer(configuration)
        framer.append(stream)
        var payloads: [String] = []
        while let frame = try framer.next() { payloads.append(frame.payload.hex) }
        #expect(payloads == ["6162", "63", ""])
        #expect(framer.statistics.framesDiscarded == 2)
        #expect(framer.statistics.bytesDiscarded == 14 + 9)
    }

    @Test func negativeLengthsStillFail() throws {
        let configuration = try LengthFieldConfiguration(header: "!i", maximumFrameLength: 4, overlongFrames: .discard)
        let stream: [UInt8] = [0, 0, 0, 1, 0x61, 0xFF, 0xFF, 0xFF, 0xFF]
        #expect(
            Self.run(configuration, LengthFieldCutter.self, stream, .whole)
                == ["61", "error: negative frame length -1 in length field 0 ('i')"])
    }

    /// A header claiming 2^63 bytes, then 4 MiB of its body in 64 KiB chunks: nothing is
    /// buffered, the capacity stays at the first chunk's reservation, and the frame after it
    /// still comes out once the claimed bytes have passed (checked with a smaller claim).
    @Test func aClaimOf2To63BytesCostsOnlyTheChunk() throws {
        var framer = try LengthFieldFramer(header: ">Q", maximumFrameLength: 1 << 20, overlongFrames: .discard)
        framer.append([0x80, 0, 0, 0, 0, 0, 0, 0])
        guard case .discarded(let discarded)? = try framer.nextEvent() else {
            Issue.record("expected the discard report first")
            return
        }
        #expect(discarded.claimedLength == Int128(1) << 63)
        let chunk = [UInt8](repeating: 0x42, count: 64 << 10)
        for _ in 0..<64 {
            framer.append(chunk)
            #expect(try framer.nextEvent() == nil)
            #expect(framer.bufferedByteCount == 0)
        }
        #expect(framer.statistics.peakCapacity <= (32 << 10) + 8 + 4096)
        #expect(framer.statistics.bytesDiscarded == 8 + 64 * (64 << 10))
        #expect(framer.statistics.framesDiscarded == 1)
        // Skipped bytes were still given to append.
        #expect(framer.statistics.bytesAppended == 8 + 64 * (64 << 10))
        // The stream may end inside the discarded frame: it was reported already.
        #expect(try framer.finish() == nil)
    }

    /// SPEC §3.11's example: '!I', maximum 4, frames "ab" and "c" around a 10-byte frame.
    static let specExample: [UInt8] =
        [0, 0, 0, 2, 0x61, 0x62] + [0, 0, 0, 10] + [UInt8](repeating: 0xEE, count: 10) + [0, 0, 0, 1, 0x63]

    /// The bytes of a discarded frame written straight into the buffer (as a socket read does
    /// with `appendWithUnsafeMutableBytes`) are skipped like appended ones.
    @Test func discardedBytesWrittenStraightIntoTheBufferAreSkipped() throws {
        let configuration = try LengthFieldConfiguration(maximumFrameLength: 4, overlongFrames: .discard)
        for chunking in allChunkings {
            var framer = LengthFieldFramer(configuration)
            var events: [String] = []
            var offset = 0
            for size in chunking.chunkSizes(total: Self.specExample.count) {
                let written = framer.appendWithUnsafeMutableBytes(maximumByteCount: size) { buffer in
                    buffer.copyBytes(from: Self.specExample[offset..<(offset + size)])
                    return size
                }
                #expect(written == size)
                offset += size
                while let event = try framer.nextEvent() {
                    switch event {
                    case .frame(let frame): events.append(frame.payload.hex)
                    case .discarded(let discarded): events.append("-\(discarded.claimedLength) \(discarded.header.hex)")
                    }
                }
            }
            #expect(try framer.finish() == nil)
            #expect(events == ["6162", "-10 0000000a", "63"], "\(chunking)")
            #expect(framer.statistics.bytesDiscarded == 14, "\(chunking)")
            #expect(framer.statistics.bytesAppended == Self.specExample.count, "\(chunking)")
        }
    }

    /// A report is given once, in its place: `next()` skips it for good, so a later
    /// `nextEvent()` does not bring it back after the frames that followed it.
    @Test func nextSkipsTheReportForGood() throws {
        let configuration = try LengthFieldConfiguration(maximumFrameLength: 4, overlongFrames: .discard)
        var framer = LengthFieldFramer(configuration)
        framer.append(Self.specExample)
        #expect(try framer.next().map { $0.payload.hex } == "6162")
        #expect(try framer.next().map { $0.payload.hex } == "63")
        #expect(try framer.nextEvent() == nil)
        #expect(framer.statistics.framesDiscarded == 1)
        // Mixed: the report between the frames, then nothing more.
        var mixed = LengthFieldFramer(configuration)
        mixed.append(Self.specExample)
        #expect(try mixed.next().map { $0.payload.hex } == "6162")
        guard case .discarded(let discarded)? = try mixed.nextEvent() else {
            Issue.record("expected the discard report after the first frame")
            return
        }
        #expect(discarded.claimedLength == 10 && discarded.wireCount == 14)
        #expect(try mixed.next().map { $0.payload.hex } == "63")
        #expect(try mixed.nextEvent() == nil)
    }

    /// A stream that ends inside a discarded frame ends cleanly, and the framer is then empty
    /// and reusable: the next stream's bytes are framed, not skipped as the rest of that frame.
    @Test func aCleanEndInsideADiscardedFrameLeavesTheFramerReusable() throws {
        var framer = try LengthFieldFramer(maximumFrameLength: 4, overlongFrames: .discard)
        // "ab", then a 10-byte frame of which 3 bytes arrive.
        framer.append([0, 0, 0, 2, 0x61, 0x62, 0, 0, 0, 10, 0xEE, 0xEE, 0xEE])
        #expect(try framer.finish().map { $0.payload.hex } == "6162")
        #expect(try framer.finish() == nil)
        #expect(framer.statistics.bytesDiscarded == 7)
        // A new stream: "c".
        framer.append([0, 0, 0, 1, 0x63])
        #expect(try framer.next().map { $0.payload.hex } == "63")
        #expect(framer.statistics.bytesDiscarded == 7)
        #expect(try framer.finish() == nil)
    }

    @Test func theFrameAfterAHugeDiscardArrivesWhenItsBytesHavePassed() throws {
        // '<I' claims 100,000 bytes (maximum 16), fed in 4 KiB chunks with a frame "ok" after it.
        var stream: [UInt8] = [0xA0, 0x86, 0x01, 0x00] + [UInt8](repeating: 7, count: 100_000)
        stream += [2, 0, 0, 0, 0x6F, 0x6B]
        let configuration = try LengthFieldConfiguration(header: "<I", maximumFrameLength: 16, overlongFrames: .discard)
        for chunking in [Chunking.whole, .random(seed: 9, maximum: 4096), .random(seed: 10, maximum: 70_000)] {
            #expect(Self.run(configuration, LengthFieldCutter.self, stream, chunking) == ["-100000 a0860100", "6f6b", "end"])
        }
    }

    @Test func varintDiscard() throws {
        // 300 (ac 02) over a maximum of 299, then "z".
        let stream: [UInt8] = [0x01, 0x61, 0xAC, 0x02] + [UInt8](repeating: 0, count: 300) + [0x01, 0x7A]
        let configuration = try VarintConfiguration(maximumFrameLength: 299, overlongFrames: .discard)
        for chunking in allChunkings {
            #expect(Self.run(configuration, VarintCutter.self, stream, chunking) == ["61", "-300 ac02", "7a", "end"], "\(chunking)")
        }
        // Malformed varints still fail.
        #expect(
            Self.run(configuration, VarintCutter.self, [0x81, 0x00], .whole)
                == ["error: overlong varint length: 1 encoded in 2 bytes (non-minimal encoding)"])
    }

    @Test func runTimeFramerDiscardsToo() throws {
        var framer = Framer(.lengthField(try LengthFieldConfiguration(header: "B", maximumFrameLength: 1, overlongFrames: .discard)))
        framer.append([1, 0x61, 3, 1, 2, 3, 1, 0x62])
        var seen: [String] = []
        try framer.forEachFrame { seen.append($0.payload.hex) }
        #expect(seen == ["61", "62"])
        #expect(framer.statistics.framesDiscarded == 1)
    }
}
