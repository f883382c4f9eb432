import StreamFramer
import StructPack
import Testing

/// ``Framing``: the run-time choice the `structpack frames` command builds from its options.
@Suite("Framing options")
struct FramingTests {
    @Test func defaultsToABigEndianUInt32LengthWith16MiBMaximum() throws {
        guard case .lengthField(let options) = try Framing() else {
            Issue.record("expected a length field")
            return
        }
        #expect(options.header.format == "!I")
        #expect(options.maximumFrameLength == 16 << 20)
        #expect(options.lengthAdjustment == 0)
        #expect(!options.keepsHeader)
    }

    @Test func headerAdjustmentAndMaximum() throws {
        let framing = try Framing(header: "!cI", lengthAdjustment: -4, maximumFrameLength: 100)
        var framer = Framer(framing)
        framer.append([0x5A, 0, 0, 0, 5, 0x49, 0x5A, 0, 0, 0, 200])
        #expect(try framer.next().map { $0.payload.hex } == "49")
        #expect(throws: FramingError(.frameTooLong, "frame length 196 exceeds the maximum of 100 bytes")) { try framer.next() }
    }

    @Test func delimiterHexAndVarintSelectTheOtherFramings() throws {
        guard case .delimiter(let lines) = try Framing(maximumFrameLength: 10, delimiterHex: "0d0a,0A") else {
            Issue.record("expected delimiters")
            return
        }
        #expect(lines.delimiters == [[0x0D, 0x0A], [0x0A]])
        #expect(lines.maximumFrameLength == 10)
        #expect(try Framing(varint: true) == .varint(try VarintConfiguration()))
        #expect(try Framing(fixedLength: 8) == .fixedLength(try FixedLengthConfiguration(frameLength: 8)))
        #expect(try Framing(delimiterHex: "0x00") == .delimiter(try DelimiterConfiguration(delimiter: [0])))
    }

    @Test func invalidCombinationsAndValues() {
        #expect(throws: FramingError(.invalidConfiguration, "choose one framing: a header, a delimiter, a varint length or a fixed length")) {
            try Framing(header: "!I", varint: true)
        }
        #expect(throws: FramingError(.invalidConfiguration, "a length adjustment applies only to a header's length field")) {
            try Framing(lengthAdjustment: 4, delimiterHex: "0a")
        }
        #expect(throws: FramingError(.invalidConfiguration, "invalid hexadecimal '0g': not a hexadecimal digit")) {
            try Framing(delimiterHex: "0g")
        }
        #expect(throws: FramingError(.invalidConfiguration, "invalid hexadecimal 'abc': odd number of digits")) {
            try Framing(delimiterHex: "abc")
        }
        #expect(throws: FramingError(.invalidConfiguration, "a delimiter cannot be empty")) {
            try Framing(delimiterHex: "0a,")
        }
        #expect(throws: FramingError(.invalidConfiguration, "maximum frame length -5 is out of range 0...9223372036854775803")) {
            try Framing(maximumFrameLength: -5)
        }
        #expect(throws: FramingError(.invalidConfiguration, "invalid header format '!Q!': bad char in struct format")) {
            try Framing(header: "!Q!")
        }
    }

    @Test func errorCodesHaveStableNames() {
        #expect(FramingError.Code.frameTooLong.description == "frameTooLong")
        #expect(FramingError(.truncatedFrame, "x").description == "x")
    }
}
