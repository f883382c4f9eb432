import StreamFramer
import StructPack
import Testing

/// Every expected byte here is derived by hand from the wire diagrams in SPEC.md's framing
/// chapter (the Python expression that produces the same bytes is noted where one exists).
@Suite("LengthFieldFramer")
struct LengthFieldFramerTests {
    static func config(
        _ header: String = "!I", index: Int? = nil, adjustment: Int = 0, maximum: Int = 1 << 24, keepsHeader: Bool = false
    ) throws -> LengthFieldConfiguration {
        try LengthFieldConfiguration(
            header: header, lengthFieldIndex: index, lengthAdjustment: adjustment, maximumFrameLength: maximum,
            keepsHeader: keepsHeader)
    }

    @Test func networkOrderHeaderFramesHelloEmptyAndBinaryPayloads() throws {
        // struct.pack('!I', 5) + b'hello' + struct.pack('!I', 0) + struct.pack('!I', 2) + b'\xab\xcd'
        let stream: [UInt8] = [0, 0, 0, 5, 0x68, 0x65, 0x6C, 0x6C, 0x6F, 0, 0, 0, 0, 0, 0, 0, 2, 0xAB, 0xCD]
        let outcome = run(LengthFieldFramer.self, try Self.config(), stream)
        #expect(outcome == Outcome(frames: [Array(utf8: "hello"), [], [0xAB, 0xCD]]))
    }

    @Test(arguments: [
        // (header, stream, payload)
        ("<H", [0x03, 0x00, 0x61, 0x62, 0x63] as [UInt8], [0x61, 0x62, 0x63] as [UInt8]),  // pack('<H', 3)
        (">H", [0x00, 0x03, 0x61, 0x62, 0x63], [0x61, 0x62, 0x63]),  // pack('>H', 3)
        (">Q", [0, 0, 0, 0, 0, 0, 0, 2, 0x78, 0x79], [0x78, 0x79]),  // pack('>Q', 2)
        ("<q", [2, 0, 0, 0, 0, 0, 0, 0, 0x78, 0x79], [0x78, 0x79]),  // pack('<q', 2)
        ("B", [1, 0x7A], [0x7A]),  // pack('B', 1)
        ("!b", [1, 0x7A], [0x7A]),  // pack('!b', 1)
        ("!h", [0x01, 0x00] + [UInt8](repeating: 0x55, count: 256), [UInt8](repeating: 0x55, count: 256)),
    ])
    func headerFormats(header: String, stream: [UInt8], payload: [UInt8]) throws {
        #expect(run(LengthFieldFramer.self, try Self.config(header), stream) == Outcome(frames: [payload]))
    }

    @Test func nativeIntHeaderIsTheHostsInt() throws {
        // Python's struct.pack('i', 3): 4 bytes in host order; on little-endian hosts 03 00 00 00.
        let three: [UInt8] = UInt16(littleEndian: 1) == 1 ? [3, 0, 0, 0] : [0, 0, 0, 3]
        let outcome = run(LengthFieldFramer.self, try Self.config("i"), three + [0x61, 0x62, 0x63])
        #expect(outcome == Outcome(frames: [[0x61, 0x62, 0x63]]))
    }

    /// PostgreSQL messages: type byte, then a big-endian length that counts itself but not the
    /// type byte, so the body is length - 4.
    @Test func postgresMessagesWithTypeByteAndSelfCountingLength() throws {
        // Query 'Q' "SELECT 1\0": 9 body bytes, length 4 + 9 = 13 = 0x0d.
        let query: [UInt8] = [0x51, 0, 0, 0, 0x0D] + Array(utf8: "SELECT 1") + [0]
        // ReadyForQuery 'Z' status 'I': length 5.
        let ready: [UInt8] = [0x5A, 0, 0, 0, 5, 0x49]
        // An empty-bodied message, e.g. Sync 'S': length 4.
        let sync: [UInt8] = [0x53, 0, 0, 0, 4]
        let configuration = try Self.config("!cI", adjustment: -4)
        var framer = LengthFieldFramer(configuration)
        framer.append(query + ready + sync)
        let first = try #require(try framer.next())
        #expect(Array(first.payload) == Array(utf8: "SELECT 1") + [0])
        #expect(Array(first.bytes) == Array(first.payload))
        #expect(Array(first.header) == [0x51, 0, 0, 0, 0x0D])
        #expect(try configuration.headerValues(of: first) == [.bytes([0x51]), .int(13)])
        #expect(try configuration.headerValue(0, of: first, as: UInt8.self) == 0x51)
        #expect(try configuration.headerValue(1, of: first, as: UInt32.self) == 13)
        let second = try #require(try framer.next())
        #expect(Array(second.payload) == [0x49])
        #expect(try configuration.headerValue(0, of: second, as: UInt8.self) == 0x5A)
        let third = try #require(try framer.next())
        #expect(third.payload.isEmpty)
        #expect(try configuration.headerValue(0, of: third, as: UInt8.self) == 0x53)
        #expect(try framer.next() == nil)
        #expect(try framer.finish() == nil)
    }

    @Test func keepsHeaderDeliversTheWholeMessage() throws {
        let ready: [UInt8] = [0x5A, 0, 0, 0, 5, 0x49]
        let outcome = run(LengthFieldFramer.self, try Self.config("!cI", adjustment: -4, keepsHeader: true), ready)
        #expect(outcome == Outcome(frames: [ready]))
    }

    @Test func explicitLengthFieldIndexPicksAnEarlierField() throws {
        // '!HI': length is value 0 (H = 2), value 1 is a 4-byte tag.
        let stream: [UInt8] = [0, 2, 0xDE, 0xAD, 0xBE, 0xEF, 0x61, 0x62]
        #expect(run(LengthFieldFramer.self, try Self.config("!HI", index: 0), stream) == Outcome(frames: [[0x61, 0x62]]))
        // By default the last integer value (the I = 0xdeadbeef) would be the length: too long.
        let defaulted = run(LengthFieldFramer.self, try Self.config("!HI"), stream)
        #expect(defaulted.error?.code == .frameTooLong)
        #expect(defaulted.error?.message == "frame length 3735928559 exceeds the maximum of 16777216 bytes")
    }

    @Test func defaultLengthFieldIsTheLastIntegerValueSkippingOtherCodes() throws {
        let configuration = try Self.config("!Ic3sd?")
        #expect(configuration.lengthFieldIndex == 0)
    }

    @Test func adjustmentForALengthThatCountsTheWholeHeader() throws {
        // '!I' counting itself: 7 = 4 + 3.
        let stream: [UInt8] = [0, 0, 0, 7, 0x61, 0x62, 0x63]
        #expect(run(LengthFieldFramer.self, try Self.config(adjustment: -4), stream) == Outcome(frames: [[0x61, 0x62, 0x63]]))
    }

    @Test func positiveAdjustment() throws {
        // 'B' + 1: a length of 0 means one body byte.
        let stream: [UInt8] = [0, 0x61, 2, 0x62, 0x63, 0x64]
        let outcome = run(LengthFieldFramer.self, try Self.config("B", adjustment: 1), stream)
        #expect(outcome == Outcome(frames: [[0x61], [0x62, 0x63, 0x64]]))
    }

    @Test func maximumIsInclusive() throws {
        let configuration = try Self.config("B", maximum: 3)
        #expect(run(LengthFieldFramer.self, configuration, [3, 1, 2, 3]) == Outcome(frames: [[1, 2, 3]]))
        let over = run(LengthFieldFramer.self, configuration, [2, 1, 2, 4, 1, 2, 3, 4])
        #expect(over.frames == [[1, 2]])
        #expect(over.error == FramingError(.frameTooLong, "frame length 4 exceeds the maximum of 3 bytes"))
    }

    @Test func defaultMaximumIs16MiB() throws {
        #expect(try LengthFieldConfiguration().maximumFrameLength == 16_777_216)
        #expect(try LengthFieldConfiguration().header.format == "!I")
        var framer = try LengthFieldFramer()
        framer.append([0x01, 0x00, 0x00, 0x00])  // 16 MiB exactly: accepted, waits for the body
        #expect(try framer.next() == nil)
        var over = try LengthFieldFramer()
        over.append([0x01, 0x00, 0x00, 0x01])
        #expect(throws: FramingError(.frameTooLong, "frame length 16777217 exceeds the maximum of 16777216 bytes")) {
            try over.next()
        }
    }

    @Test func negativeLengthInASignedHeaderAfterEarlierFrames() throws {
        // pack('!i', 1) + b'a' + pack('!i', -1)
        let stream: [UInt8] = [0, 0, 0, 1, 0x61, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0]
        for chunking in allChunkings {
            let outcome = run(LengthFieldFramer.self, try Self.config("!i"), stream, chunking)
            #expect(outcome.frames == [[0x61]], "\(chunking)")
            #expect(outcome.error == FramingError(.negativeLength, "negative frame length -1 in length field 0 ('i')"))
        }
    }

    @Test func adjustmentBelowZeroIsAnError() throws {
        let outcome = run(LengthFieldFramer.self, try Self.config(adjustment: -4), [0, 0, 0, 2])
        #expect(
            outcome.error
                == FramingError(
                    .negativeLength, "length field value 2 with length adjustment -4 gives a negative frame length (-2)"))
    }

    @Test func hugeUnsignedLengthsAndAdjustmentsNeverOverflow() throws {
        let maximumQ: [UInt8] = Array(repeating: 0xFF, count: 8)
        let plain = run(LengthFieldFramer.self, try Self.config(">Q"), maximumQ)
        #expect(plain.error == FramingError(.frameTooLong, "frame length 18446744073709551615 exceeds the maximum of 16777216 bytes"))
        let adjusted = run(LengthFieldFramer.self, try Self.config(">Q", adjustment: Int.max, maximum: Int.max - 8), maximumQ)
        // 2^64 - 1 + 2^63 - 1
        #expect(adjusted.error?.message == "frame length 27670116110564327422 exceeds the maximum of 9223372036854775799 bytes")
        let lowest = run(LengthFieldFramer.self, try Self.config(">q", adjustment: Int.min), [0, 0, 0, 0, 0, 0, 0, 1])
        #expect(lowest.error?.message == "length field value 1 with length adjustment -9223372036854775808 gives a negative frame length (-9223372036854775807)")
    }

    @Test func oversizedHeaderIsRejectedBeforeAnyBodyIsBufferedOrReserved() throws {
        var framer = try LengthFieldFramer(maximumFrameLength: 1 << 20)
        framer.append([0x7F, 0xFF, 0xFF, 0xFF])
        #expect(throws: FramingError.self) { try framer.next() }
        #expect(framer.bufferedByteCount == 0)
        // The first append takes the eager reservation (SPEC §3.2: E = 32 KiB, plus the chunk),
        // whatever the header says; the failed framer then releases it.
        #expect(framer.statistics.peakCapacity <= (32 << 10) + 4)
        #expect(framer.statistics.capacity == 0)
    }

    @Test func failureIsStickyAndFurtherInputIsRefused() throws {
        var framer = try LengthFieldFramer(header: "!i")
        framer.append([0xFF, 0xFF, 0xFF, 0xFE])
        let error = FramingError(.negativeLength, "negative frame length -2 in length field 0 ('i')")
        #expect(throws: error) { try framer.next() }
        framer.append([0, 0, 0, 1, 0x61])
        #expect(framer.bufferedByteCount == 0)
        #expect(throws: error) { try framer.next() }
        #expect(throws: error) { try framer.finish() }
        let written = framer.appendWithUnsafeMutableBytes(maximumByteCount: 100) { $0.count }
        #expect(written == 0)
    }

    /// One, two or three bytes of a '!I' header after a complete frame: the stream ended inside
    /// a header, however little of it arrived.
    @Test(arguments: 1...3)
    func partialHeaderAtEndOfStream(headerBytes: Int) throws {
        let stream: [UInt8] = [0, 0, 0, 1, 0x61] + [UInt8](repeating: 0, count: headerBytes)
        let outcome = run(LengthFieldFramer.self, try Self.config(), stream)
        #expect(outcome.frames == [[0x61]])
        let error = try #require(outcome.error)
        #expect(
            error
                == FramingError(
                    .truncatedFrame, "stream ended inside a frame header: \(headerBytes) of 4 header bytes buffered"))
        #expect(error.bufferedByteCount == headerBytes)
        #expect(error.expectedByteCount == 4)
    }

    @Test func partialBodyAtEndOfStream() throws {
        let outcome = run(LengthFieldFramer.self, try Self.config(), [0, 0, 0, 5, 0x68, 0x65, 0x6C])
        let error = try #require(outcome.error)
        #expect(error == FramingError(.truncatedFrame, "stream ended inside a frame: 7 of 9 bytes buffered"))
        #expect(error.bufferedByteCount == 7)
        #expect(error.expectedByteCount == 9)
    }

    @Test func finishDeliversPendingFramesThenEndsCleanlyAndTheFramerIsReusable() throws {
        var framer = try LengthFieldFramer(header: "B")
        framer.append([1, 0x61, 1, 0x62])
        #expect(try framer.finish().map { Array($0.payload) } == [0x61])
        #expect(try framer.finish().map { Array($0.payload) } == [0x62])
        #expect(try framer.finish() == nil)
        #expect(try framer.finish() == nil)
        framer.append([1, 0x63])
        #expect(try framer.next().map { Array($0.payload) } == [0x63])
    }

    @Test func frameViewsDescribeTheWireLayout() throws {
        var framer = try LengthFieldFramer(header: "!H")
        framer.append([0, 3, 0x61, 0x62, 0x63])
        let frame = try #require(try framer.next())
        #expect(frame.wireCount == 5)
        #expect(frame.header.hex == "0003")
        #expect(frame.payload.hex == "616263")
        #expect(frame.bytes.hex == "616263")
        #expect(frame.delimiter.isEmpty)
        #expect(frame.description == "616263")
        #expect(frame.payload == [0x61, 0x62, 0x63])
        #expect(frame.payload[1] == 0x62)
    }

    @Test func heldFramesStayIntactAcrossAppendsAndCompactions() throws {
        var framer = try LengthFieldFramer(header: "!H")
        var held: [(Frame, [UInt8])] = []
        for index in 0..<2000 {
            let payload = [UInt8].random(count: index % 300, seed: UInt64(index))
            framer.append([UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)] + payload)
            let frame = try #require(try framer.next())
            if index % 7 == 0 { held.append((frame, payload)) }
        }
        for (frame, payload) in held { #expect(Array(frame.payload) == payload) }
        #expect(framer.statistics.allocations > 1, "holding frames must have forced fresh allocations")
    }

    @Test func configurationErrors() throws {
        #expect(throws: FramingError(.invalidConfiguration, "invalid header format '!Z': bad char in struct format")) {
            try LengthFieldConfiguration(header: "!Z")
        }
        #expect(throws: FramingError(.invalidConfiguration, "header format '!d' has no integer field for the length")) {
            try LengthFieldConfiguration(header: "!d")
        }
        #expect(
            throws: FramingError(
                .invalidConfiguration, "length field index 2 is out of range: header format '!cI' has 2 values")
        ) { try LengthFieldConfiguration(header: "!cI", lengthFieldIndex: 2) }
        #expect(throws: FramingError(.invalidConfiguration, "length field 0 of header format '!cI' is 'c', not an integer")) {
            try LengthFieldConfiguration(header: "!cI", lengthFieldIndex: 0)
        }
        #expect(throws: FramingError(.invalidConfiguration, "maximum frame length -1 is out of range 0...9223372036854775803")) {
            try LengthFieldConfiguration(maximumFrameLength: -1)
        }
        #expect(throws: FramingError(.invalidConfiguration, "header format '!65537xI' is 65541 bytes; the maximum is 65536")) {
            try LengthFieldConfiguration(header: "!65537xI")
        }
    }
}
