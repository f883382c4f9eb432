import StructPack
import Testing

/// The dynamic pack API's one-switch path for `s` and `p` values, and what a failure after it
/// leaves. Every expected buffer was printed by CPython 3.13 (`struct.pack_into`, `pack`).
@Suite("Dynamic packing fast paths")
struct DynamicPackTests {
    @Test func stringsPackedByTheFastPathAsCPythonPacksThem() throws {
        let format = try Struct(">4s3pH")
        // struct.pack_into('>4s3pH', buf, 1, b'abcdefg', b'\x01\x02\x03\x04', 513)
        var buffer = [UInt8](repeating: 0xEE, count: 12)
        try format.pack(into: &buffer, at: 1, ["abcdefg", .bytes([1, 2, 3, 4]), 513])
        #expect(Hex.encode(buffer) == "ee616263640201020201eeee")
        // struct.pack_into('>4s3pH', buf, 1, b'a', b'', 7): both padded with zeros.
        buffer = [UInt8](repeating: 0xEE, count: 12)
        try format.pack(into: &buffer, at: 1, ["a", "", 7])
        #expect(Hex.encode(buffer) == "ee610000000000000007eeee")
        // struct.pack('<300p', b'q' * 400): the length byte stops at 255.
        let long = try Struct("<300p").pack([.bytes([UInt8](repeating: 0x71, count: 400))])
        #expect(long.count == 300)
        #expect(Array(long.prefix(3)) == [0xFF, 0x71, 0x71])
        #expect(long.last == 0x71)
    }

    @Test func aFailureAfterFastPathValuesLeavesCPythonsBuffer() throws {
        // struct.pack_into('>2sqh', buf, 1, b'hi', 2**64 + 5, 3), buf = 14 bytes of 0xee
        var buffer = [UInt8](repeating: 0xEE, count: 14)
        let error = #expect(throws: StructError.self) {
            try Struct(">2sqh").pack(into: &buffer, at: 1, ["hi", .int((Int128(1) << 64) + 5), 3])
        }
        #expect(error?.message == "'q' format requires -9223372036854775808 <= number <= 9223372036854775807")
        #expect(error?.valueIndex == 1)
        #expect(error?.byteOffset == 3)
        #expect(Hex.encode(buffer) == "ee686900000000000000050000ee")
        // struct.pack_into('<3pc', buf, 1, b'hi', b'ab'), buf = 8 bytes of 0xee
        buffer = [UInt8](repeating: 0xEE, count: 8)
        #expect(throws: StructError(.charLength, "char format requires a bytes object of length 1")) {
            try Struct("<3pc").pack(into: &buffer, at: 1, ["hi", "ab"])
        }
        #expect(Hex.encode(buffer) == "ee02686900eeeeee")
    }
}
