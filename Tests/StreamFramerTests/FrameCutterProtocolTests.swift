import StreamFramer
import Testing

/// The engine's promises to every cutter (SPEC §3.10): it checks each answer and turns one
/// that breaks the protocol into an `invalidCut` error that fails the framer, after the frames
/// before it, instead of trapping or reading out of bounds.
@Suite("FrameCutter protocol")
struct FrameCutterProtocolTests {
    /// A cutter that frames 1-byte records `01` and answers `answer` when it sees `ff`.
    struct Scripted: FrameCutter {
        var answer: FrameCut
        var maximumFrameLength: Int { 8 }

        func cut(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
            bytes.unsafeLoad(fromByteOffset: 0, as: UInt8.self) == 0xFF ? answer : .frame(FrameLayout(payloadLength: 1))
        }
    }

    static let badAnswers: [(FrameCut, String)] = [
        (.frame(FrameLayout(payloadLength: 9)), "invalid cut: the cutter described a frame of 0 + 9 + 0 bytes; frames are 1 to 8 bytes"),
        (.frame(FrameLayout(headerLength: -1, payloadLength: 2)), "invalid cut: the cutter described a frame of -1 + 2 + 0 bytes; frames are 1 to 8 bytes"),
        (.frame(FrameLayout(payloadLength: 0)), "invalid cut: the cutter described a frame of 0 + 0 + 0 bytes; frames are 1 to 8 bytes"),
        (.frame(FrameLayout(headerLength: Int.max, payloadLength: 2)), "invalid cut: the cutter described a frame of 9223372036854775807 + 2 + 0 bytes; frames are 1 to 8 bytes"),
        (.needMore(0), "invalid cut: the cutter asked for 0 more bytes with 2 buffered; its maximum frame length is 8 bytes"),
        (.needMore(7), "invalid cut: the cutter asked for 7 more bytes with 2 buffered; its maximum frame length is 8 bytes"),
        (.skip(3), "invalid cut: the cutter skipped 3 bytes with 2 buffered"),
        (.skip(0), "invalid cut: the cutter skipped 0 bytes with 2 buffered"),
        (.discard(headerLength: 3, payloadLength: 1), "invalid cut: the cutter discarded a frame with a 3-byte header and a 1-byte payload with 2 bytes buffered"),
        (.discard(headerLength: 1, payloadLength: -1), "invalid cut: the cutter discarded a frame with a 1-byte header and a -1-byte payload with 2 bytes buffered"),
        // Header + payload beyond Int128: an invalid cut, not an overflow trap.
        (.discard(headerLength: 2, payloadLength: .max), "invalid cut: the cutter discarded a frame with a 2-byte header and a 170141183460469231731687303715884105727-byte payload with 2 bytes buffered"),
    ]

    @Test(arguments: 0..<badAnswers.count)
    func badAnswersFailTheFramerAfterTheEarlierFrames(index: Int) throws {
        let (answer, message) = Self.badAnswers[index]
        var framer = FramingEngine(Scripted(answer: answer))
        framer.append([0x01, 0x01, 0xFF, 0x01])
        #expect(try framer.next().map { Array($0.payload) } == [0x01])
        #expect(try framer.next().map { Array($0.payload) } == [0x01])
        let error = FramingError(.invalidCut, message)
        #expect(throws: error) { try framer.next() }
        // Failed: the same error again, input refused, nothing buffered.
        framer.append([0x01])
        #expect(framer.bufferedByteCount == 0)
        #expect(throws: error) { try framer.next() }
        #expect(throws: error) { try framer.finish() }
    }

    /// At the end of the stream a final frame must lie within the bytes left over (`W ≤ B`):
    /// one longer than them is `invalidCut`, which fails the framer, after the frames before it.
    @Test func finalFrameLongerThanTheBytesLeftIsAnInvalidCut() throws {
        struct Overreaching: FrameCutter {
            var maximumFrameLength: Int { 8 }
            func cut(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
                // `01` is a record; anything else waits for more.
                let first = bytes.unsafeLoad(fromByteOffset: 0, as: UInt8.self)
                return first == 0x01 ? .frame(FrameLayout(payloadLength: 1)) : .needMore(1)
            }
            func cutAtEndOfStream(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
                .frame(FrameLayout(payloadLength: bytes.byteCount + 1))
            }
        }
        var framer = FramingEngine(Overreaching())
        framer.append([0x01, 0xFF, 0x02])
        #expect(try framer.next().map { Array($0.payload) } == [0x01])
        #expect(try framer.next() == nil)
        // 2 bytes left, a final frame of 0 + 3 + 0 bytes claimed (SPEC §3.10 names the layout;
        // the rest of the message is not specified for this check).
        let error = try #require(throws: FramingError.self) { try framer.finish() }
        #expect(error.code == .invalidCut)
        #expect(error.message.hasPrefix("invalid cut: the cutter described a frame of 0 + 3 + 0 bytes"))
        #expect(framer.bufferedByteCount == 0)
        #expect(throws: error) { try framer.finish() }
    }

    /// A frame whose bytes have not all arrived is awaited without asking the cutter again, and
    /// costs no memory before they come: the layout caps growth, never causes it.
    @Test func pendingFrameIsAwaitedWithoutReservingIt() throws {
        struct Counting: FrameCutter {
            var calls = 0
            var maximumFrameLength: Int { 1 << 24 }
            mutating func cut(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
                calls += 1
                return .frame(FrameLayout(headerLength: 1, payloadLength: (1 << 24) - 1))
            }
        }
        var framer = FramingEngine(Counting())
        for _ in 0..<100 {
            framer.append([0x61])
            #expect(try framer.next() == nil)
        }
        #expect(framer.statistics.peakCapacity <= (32 << 10) + 1 + 4096)
        #expect(framer.bufferedByteCount == 100)
        #expect(throws: FramingError(.truncatedFrame, "stream ended inside a frame: 100 of 16777216 bytes buffered")) {
            try framer.finish()
        }
    }

    /// `.needMore(n)` is honoured: the cutter sees the bytes again only once n more arrived.
    @Test func needMoreIsHonouredForEveryChunking() throws {
        struct Pairs: FrameCutter {
            var maximumFrameLength: Int { 4 }
            func cut(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
                // A 2-byte length-free record; asking for exactly the missing byte.
                bytes.byteCount < 2 ? .needMore(2 - bytes.byteCount) : .frame(FrameLayout(payloadLength: 2))
            }
        }
        let stream: [UInt8] = [1, 2, 3, 4, 5, 6, 7]
        for chunk in 1...7 {
            var framer = FramingEngine(Pairs())
            var frames: [[UInt8]] = []
            var offset = 0
            while offset < stream.count {
                let end = min(offset + chunk, stream.count)
                framer.append(stream[offset..<end])
                offset = end
                while let frame = try framer.next() { frames.append(Array(frame.payload)) }
            }
            #expect(frames == [[1, 2], [3, 4], [5, 6]])
            #expect(throws: FramingError(.truncatedFrame, "stream ended inside a frame: 1 bytes buffered")) {
                try framer.finish()
            }
        }
    }

    /// A cutter's own error fails the framer after the frames before the bad bytes.
    @Test func cutterErrorsFailTheFramer() throws {
        struct Picky: FrameCutter {
            var maximumFrameLength: Int { 1 }
            func cut(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
                guard bytes.unsafeLoad(fromByteOffset: 0, as: UInt8.self) != 0 else {
                    throw FramingError(.invalidConfiguration, "zero byte")
                }
                return .frame(FrameLayout(payloadLength: 1))
            }
        }
        var framer = FramingEngine(Picky())
        framer.append([7, 0, 8])
        #expect(try framer.next().map { Array($0.payload) } == [7])
        #expect(throws: FramingError(.invalidConfiguration, "zero byte")) { try framer.next() }
        #expect(framer.bufferedByteCount == 0)
    }
}
