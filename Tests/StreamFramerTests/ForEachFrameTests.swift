import StreamFramer
import Testing

/// `forEachFrame(_:)`: the drain loop as one call, for the run-time ``Framer`` (which chooses
/// its framing once per call) and for the concrete framers (the protocol's default). Streams
/// and payloads are written out by hand from SPEC chapter 3.
@Suite("forEachFrame")
struct ForEachFrameTests {
    /// One stream per framing: two whole frames (the second empty where the framing allows it)
    /// and then the first bytes of a third, with those bytes' count.
    static let cases: [(framing: Framing, stream: [UInt8], payloads: [String], partial: Int)] = {
        let hi: [UInt8] = [0x68, 0x69]
        return [
            // '!I': length 2 "hi", length 0, then 3 bytes of a header.
            (try! Framing(), [0, 0, 0, 2] + hi + [0, 0, 0, 0] + [0, 0, 0], ["6869", ""], 3),
            // '\n': "hi\n", "\n", then "h".
            (try! Framing(delimiterHex: "0a"), hi + [0x0A, 0x0A, 0x68], ["6869", ""], 1),
            // 2-byte frames: "hi", "hi", then "h".
            (try! Framing(fixedLength: 2), hi + hi + [0x68], ["6869", "6869"], 1),
            // varint 2 "hi", varint 0, then a varint's continuation byte.
            (try! Framing(varint: true), [0x02] + hi + [0x00, 0x80], ["6869", ""], 1),
        ]
    }()

    @Test(arguments: 0..<4)
    func runTimeFramerHandsOverEveryCompleteFrameInOrder(index: Int) throws {
        let (framing, stream, payloads, partial) = Self.cases[index]
        var framer = Framer(framing)
        framer.append(stream)
        var seen: [String] = []
        try framer.forEachFrame { seen.append($0.payload.hex) }
        #expect(seen == payloads)
        #expect(framer.bufferedByteCount == partial)
        // Nothing left: a second call hands over nothing.
        try framer.forEachFrame { seen.append($0.payload.hex) }
        #expect(seen == payloads)
    }

    @Test func concreteFramersUseTheNextLoop() throws {
        var lengths = try LengthFieldFramer(header: "<H")
        lengths.append([3, 0, 0x61, 0x62, 0x63, 1, 0, 0x64, 9])
        var seen: [String] = []
        try lengths.forEachFrame { seen.append($0.payload.hex) }
        #expect(seen == ["616263", "64"])
        #expect(lengths.bufferedByteCount == 1)

        var lines = try DelimiterFramer(delimiters: [[0x0D, 0x0A]])
        lines.append([0x61, 0x0D, 0x0A, 0x0D, 0x0A, 0x62])
        seen = []
        try lines.forEachFrame { seen.append($0.payload.hex) }
        #expect(seen == ["61", ""])
        #expect(lines.bufferedByteCount == 1)
    }

    @Test func framingErrorComesAfterEveryEarlierFrame() throws {
        // '!i': length 1 "a", length 2 "bc", then length -1.
        var framer = Framer(try Framing(header: "!i"))
        framer.append([0, 0, 0, 1, 0x61, 0, 0, 0, 2, 0x62, 0x63, 0xFF, 0xFF, 0xFF, 0xFF])
        var seen: [String] = []
        do {
            try framer.forEachFrame { seen.append($0.payload.hex) }
            Issue.record("expected a negative-length error")
        } catch let error as FramingError {
            #expect(error.code == .negativeLength)
        }
        #expect(seen == ["61", "6263"])
    }

    struct Stop: Error {}

    @Test(arguments: 0..<4)
    func bodyErrorStopsTheLoopAndLeavesTheLaterFramesBuffered(index: Int) throws {
        let (framing, stream, payloads, _) = Self.cases[index]
        var framer = Framer(framing)
        framer.append(stream)
        var seen: [String] = []
        #expect(throws: Stop.self) {
            try framer.forEachFrame { frame in
                seen.append(frame.payload.hex)
                throw Stop()
            }
        }
        #expect(seen == [payloads[0]])
        // The next call goes on with the second frame.
        try framer.forEachFrame { seen.append($0.payload.hex) }
        #expect(seen == payloads)
    }
}
