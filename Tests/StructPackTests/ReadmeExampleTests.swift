import StructPack
import Testing

/// The README's usage example, kept compiling and correct.
@Suite("README example")
struct ReadmeExampleTests {
    enum Kind: UInt16, StructConvertible { case data = 1, ack = 2 }

    struct Header: StructRecord {
        static let layout = StructLayout<Header>("<IHHQd")

        var id: UInt32 = 0
        var kind: Kind = .data
        var flags: UInt16 = 0
        var length: UInt64 = 0
        var ratio: Double = 0

        @inline(__always)
        mutating func fields(_ field: inout some StructFields) throws(StructError) {
            try field(&id); try field(&kind); try field(&flags); try field(&length); try field(&ratio)
        }
    }

    @Test func recordExampleWorksAsDocumented() throws {
        let bytes = try Header(id: 7, kind: .ack, flags: 0, length: 1 << 40, ratio: 0.5).packed()
        // struct.pack('<IHHQd', 7, 2, 0, 1 << 40, 0.5)
        #expect(bytes == [7, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xE0, 0x3F])
        let header = try Header(unpacking: bytes)
        #expect(header.id == 7 && header.kind == .ack && header.length == 1 << 40 && header.ratio == 0.5)
        var stream = [UInt8]()
        for i in 0..<1000 {
            try Header(id: UInt32(i), length: UInt64(i)).pack(appendingTo: &stream)
        }
        #expect(stream.count == 24_000)
        let headers = (0..<1000).map { Header(id: UInt32($0), kind: .ack) }
        try Header.layout.packer.pack(contentsOf: headers, appendingTo: &stream)
        #expect(stream.count == 48_000)
        // struct.pack('<IHHQd', 999, 2, 0, 0, 0.0): the last record of the batch.
        #expect(stream.suffix(24) == [0xE7, 0x03, 0, 0, 2, 0] + [UInt8](repeating: 0, count: 18))
        var seen: UInt32 = 0
        for header in try Header.iterUnpack(stream) {
            let i = seen % 1000
            #expect(header.id == i && header.kind == (seen < 1000 ? .data : .ack))
            #expect(header.length == (seen < 1000 ? UInt64(i) : 0))
            seen += 1
        }
        #expect(seen == 2000)
        let tenth = try Header(unpacking: stream, at: 9 * 24)
        #expect(tenth.id == 9)

        do {
            _ = try Header(unpacking: [7, 0, 0, 0, 9, 0] + [UInt8](repeating: 0, count: 18))
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "value 1 of format '<IHHQd' at byte offset 4: 9 is not a valid Kind")
            #expect(error.code == .invalidValue && error.valueIndex == 1 && error.byteOffset == 4)
        }
    }

    @Test func usageExampleWorksAsDocumented() throws {
        let record = try Struct("<IHHQd")
        #expect(record.size == 24)
        let bytes = try record.pack(UInt32(7), UInt16(1), UInt16(2), UInt64(1 << 40), 0.5)
        let (id, major, minor, length, ratio) =
            try record.unpack(bytes, as: (UInt32, UInt16, UInt16, UInt64, Double).self)
        #expect(id == 7 && major == 1 && minor == 2 && length == 1 << 40 && ratio == 0.5)

        var seen = 0
        for (id, _, _, _, ratio) in try record.iterUnpack(bytes, as: (UInt32, UInt16, UInt16, UInt64, Double).self) {
            #expect(id == 7 && ratio == 0.5)
            seen += 1
        }
        #expect(seen == 1)

        let packer = try record.packer(for: (UInt32, UInt16, UInt16, UInt64, Double).self)
        var buffer = [UInt8](repeating: 0, count: 24 * 1000)
        do {
            var span = buffer.mutableSpan
            var memory = span.mutableBytes
            for i in 0..<1000 {
                try packer.pack((UInt32(i), 1, 2, UInt64(i) << 8, 0.5), into: &memory, at: i * 24)
            }
        }
        #expect(try record.unpack(from: buffer, at: 999 * 24, as: (UInt32, UInt16, UInt16, UInt64, Double).self) == (999, 1, 2, 999 << 8, 0.5))

        let values = try Struct.unpack(">h3s?", [0xFF, 0xFE, 0x61, 0x62, 0x63, 0x01])
        #expect(values == [.int(-2), .bytes([0x61, 0x62, 0x63]), .bool(true)])
        // CPython 3.13: list(struct.pack('<IHHQd', 7, 1, 2, 1 << 40, 0.5)), as pack_into leaves b[24:48]
        try record.pack(into: &buffer, at: 24, [.int(id), 1, 2, .int(length), 0.5])
        #expect(buffer[24..<48] == [7, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 224, 63])

        do {
            _ = try Struct.pack("B", 256)
            Issue.record("expected an error")
        } catch {
            #expect("\(error.code) \(error.message)" == "integerOutOfRange 'B' format requires 0 <= number <= 255")
        }
    }
}
