import StructPack
import Testing

/// The README's usage example, kept compiling and correct.
@Suite("README example")
struct ReadmeExampleTests {
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
        for i in 0..<1000 {
            try packer.pack((UInt32(i), 1, 2, UInt64(i) << 8, 0.5), into: &buffer, at: i * 24)
        }
        #expect(try record.unpack(from: buffer, at: 999 * 24, as: (UInt32, UInt16, UInt16, UInt64, Double).self) == (999, 1, 2, 999 << 8, 0.5))

        let values = try Struct.unpack(">h3s?", [0xFF, 0xFE, 0x61, 0x62, 0x63, 0x01])
        #expect(values == [.int(-2), .bytes([0x61, 0x62, 0x63]), .bool(true)])

        do {
            _ = try Struct.pack("B", 256)
            Issue.record("expected an error")
        } catch {
            #expect("\(error.code) \(error.message)" == "integerOutOfRange 'B' format requires 0 <= number <= 255")
        }
    }
}
