import StreamFramer
import StructPack
import Testing

@Suite("Encoders")
struct EncoderTests {
    @Test func lengthFieldEncodesHeaderPlusPayload() throws {
        let encoder = try LengthFieldEncoder(LengthFieldConfiguration(header: "!I"))
        // struct.pack('!I', 5) + b'hello'
        #expect(try encoder.encode(Array(utf8: "hello")) == [0, 0, 0, 5, 0x68, 0x65, 0x6C, 0x6C, 0x6F])
        #expect(try encoder.header(payloadCount: 258) == [0, 0, 1, 2])
        let little = try LengthFieldEncoder(LengthFieldConfiguration(header: "<H"))
        #expect(try little.header(payloadCount: 258) == [2, 1])  // struct.pack('<H', 258)
    }

    @Test func postgresHeaderFromATemplate() throws {
        let configuration = try LengthFieldConfiguration(header: "!cI", lengthAdjustment: -4)
        let template = try Struct("!cI").pack([.bytes([0x51]), .int(0)])
        let encoder = try LengthFieldEncoder(configuration, headerTemplate: template)
        let query = Array(utf8: "SELECT 1") + [0]
        #expect(try encoder.encode(query) == [0x51, 0, 0, 0, 0x0D] + query)
        // Answering with a received frame's header as the template keeps its type byte.
        var framer = LengthFieldFramer(configuration)
        framer.append([0x5A, 0, 0, 0, 5, 0x49])
        let frame = try #require(try framer.next())
        var header = [UInt8](repeating: 0xEE, count: 5)
        let written = try header.withUnsafeMutableBytes { destination in
            try frame.header.withUnsafeBytes { template in
                try encoder.writeHeader(payloadCount: 2, into: destination, template: template)
            }
        }
        #expect(written == 5)
        #expect(header == [0x5A, 0, 0, 0, 6])
    }

    @Test func headerAloneForAGatherWriteWithoutAllocation() throws {
        let encoder = try LengthFieldEncoder(LengthFieldConfiguration(header: ">Q"))
        var destination = [UInt8](repeating: 0xEE, count: 10)
        let written = try destination.withUnsafeMutableBytes { try encoder.writeHeader(payloadCount: 1, into: $0) }
        #expect(written == 8)
        #expect(destination == [0, 0, 0, 0, 0, 0, 0, 1, 0xEE, 0xEE])
        var small = [UInt8](repeating: 0, count: 7)
        #expect(throws: FramingError(.destinationTooSmall, "destination of 7 bytes is smaller than the 8-byte header")) {
            try small.withUnsafeMutableBytes { try encoder.writeHeader(payloadCount: 1, into: $0) }
        }
    }

    @Test func payloadTooBigForTheFieldIsAnErrorNotATruncation() throws {
        let short = try LengthFieldEncoder(LengthFieldConfiguration(header: "!H"))
        #expect(try short.header(payloadCount: 65_535) == [0xFF, 0xFF])
        #expect(
            throws: FramingError(.payloadTooLong, "payload of 65536 bytes needs length field value 65536, outside 'H' range 0...65535")
        ) { try short.header(payloadCount: 65_536) }
        let signed = try LengthFieldEncoder(LengthFieldConfiguration(header: "b"))
        #expect(throws: FramingError(.payloadTooLong, "payload of 128 bytes needs length field value 128, outside 'b' range 0...127")) {
            try signed.header(payloadCount: 128)
        }
        let counted = try LengthFieldEncoder(LengthFieldConfiguration(header: "B", lengthAdjustment: -1))
        #expect(try counted.header(payloadCount: 254) == [255])
        #expect(throws: FramingError.self) { try counted.header(payloadCount: 255) }
        let positive = try LengthFieldEncoder(LengthFieldConfiguration(header: "B", lengthAdjustment: 10))
        #expect(throws: FramingError(.payloadTooLong, "payload of 3 bytes needs length field value -7, outside 'B' range 0...255")) {
            try positive.header(payloadCount: 3)
        }
        let bounded = try LengthFieldEncoder(LengthFieldConfiguration(maximumFrameLength: 10))
        #expect(throws: FramingError(.payloadTooLong, "payload of 11 bytes exceeds the maximum frame length of 10 bytes")) {
            try bounded.header(payloadCount: 11)
        }
        #expect(throws: FramingError(.negativeLength, "payload count -1 is negative")) {
            try bounded.header(payloadCount: -1)
        }
        var output: [UInt8] = [7]
        #expect(throws: FramingError.self) { try bounded.encode([UInt8](repeating: 0, count: 11), appendingTo: &output) }
        #expect(output == [7])
    }

    @Test func templateMustMatchTheHeaderSize() {
        #expect(
            throws: FramingError(.invalidConfiguration, "header template of 3 bytes does not match the 5-byte header '!cI'")
        ) { try LengthFieldEncoder(LengthFieldConfiguration(header: "!cI"), headerTemplate: [1, 2, 3]) }
    }

    @Test func varintEncoder() throws {
        let encoder = VarintEncoder(try VarintConfiguration(maximumFrameLength: 1000))
        #expect(try encoder.encode(Array(utf8: "abc")) == [0x03, 0x61, 0x62, 0x63])
        #expect(try encoder.header(payloadCount: 300) == [0xAC, 0x02])
        #expect(throws: FramingError(.payloadTooLong, "payload of 1001 bytes exceeds the maximum frame length of 1000 bytes")) {
            try encoder.header(payloadCount: 1001)
        }
        var one = [UInt8](repeating: 0, count: 1)
        #expect(throws: FramingError(.destinationTooSmall, "destination of 1 bytes is smaller than the 2-byte header")) {
            try one.withUnsafeMutableBytes { try encoder.writeHeader(payloadCount: 300, into: $0) }
        }
    }

    @Test func delimiterEncoderRefusesPayloadsThatWouldSplit() throws {
        let configuration = try DelimiterConfiguration(delimiters: [[0x0A], [0x0D, 0x0A]])
        let encoder = try DelimiterEncoder(configuration)
        #expect(encoder.delimiter == [0x0A])
        #expect(try encoder.encode(Array(utf8: "hi")) == Array(utf8: "hi\n"))
        #expect(throws: FramingError(.payloadContainsDelimiter, "payload contains a delimiter at offset 1")) {
            try encoder.encode(Array(utf8: "a\nb"))
        }
        // "a\r" + "\n" would decode as "a" ended by "\r\n".
        #expect(throws: FramingError(.payloadContainsDelimiter, "payload contains a delimiter at offset 1")) {
            try encoder.encode(Array(utf8: "a\r"))
        }
        let crlf = try DelimiterEncoder(configuration, delimiter: [0x0D, 0x0A])
        #expect(try crlf.encode(Array(utf8: "a\r")) == Array(utf8: "a\r\r\n"))
        #expect(throws: FramingError.self) { try DelimiterEncoder(configuration, delimiter: [0x00]) }
        let bounded = try DelimiterEncoder(DelimiterConfiguration(maximumFrameLength: 2))
        #expect(throws: FramingError(.payloadTooLong, "payload of 3 bytes exceeds the maximum frame length of 2 bytes")) {
            try bounded.encode(Array(utf8: "abc"))
        }
    }

    @Test func fixedLengthEncoder() throws {
        let encoder = FixedLengthEncoder(try FixedLengthConfiguration(frameLength: 2))
        #expect(try encoder.encode([1, 2]) == [1, 2])
        #expect(throws: FramingError(.payloadLengthMismatch, "payload of 3 bytes does not match the fixed frame length of 2")) {
            try encoder.encode([1, 2, 3])
        }
    }

    /// Random payloads, encoded then decoded in random chunks, come back unchanged.
    @Test(arguments: ["!I", "<H", ">Q", "i", "!cI", "!B"])
    func lengthFieldRoundTrip(header: String) throws {
        let configuration = try LengthFieldConfiguration(header: header, maximumFrameLength: 255)
        let encoder = try LengthFieldEncoder(configuration)
        var generator = SplitMix64(seed: 42)
        let payloads = (0..<200).map { index in
            [UInt8].random(count: Int.random(in: 0...255, using: &generator), seed: UInt64(index))
        }
        var stream: [UInt8] = []
        for payload in payloads { try encoder.encode(payload, appendingTo: &stream) }
        for chunking in allChunkings {
            #expect(run(LengthFieldFramer.self, configuration, stream, chunking) == Outcome(frames: payloads))
        }
    }

    @Test func varintAndDelimiterRoundTrips() throws {
        var generator = SplitMix64(seed: 7)
        let payloads = (0..<200).map { index in
            [UInt8].random(count: Int.random(in: 0...400, using: &generator), seed: UInt64(index))
        }
        let varint = try VarintConfiguration()
        var varintStream: [UInt8] = []
        for payload in payloads { try VarintEncoder(varint).encode(payload, appendingTo: &varintStream) }
        #expect(run(VarintFramer.self, varint, varintStream, .random(seed: 5, maximum: 64)) == Outcome(frames: payloads))

        let lines = try DelimiterConfiguration(delimiter: [0xFF, 0x00])
        let encoder = try DelimiterEncoder(lines)
        var lineStream: [UInt8] = []
        var accepted: [[UInt8]] = []
        for payload in payloads where (try? encoder.validate(payload)) != nil {
            try encoder.encode(payload, appendingTo: &lineStream)
            accepted.append(payload)
        }
        #expect(accepted.count > 100)
        #expect(run(DelimiterFramer.self, lines, lineStream, .random(seed: 6, maximum: 64)) == Outcome(frames: accepted))
    }
}
