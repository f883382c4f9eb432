import StructPack
import Testing

/// `pack` with an array literal of integers, floats and bools, which type-checks as
/// `[_StructScalar]` (the overloads for literals without byte strings), against the same values
/// as a `[StructValue]` and against CPython 3.13: every expected buffer and message below was
/// printed by `struct.pack` / `struct.pack_into`.
@Suite("Dynamic pack with scalar array literals")
struct ScalarLiteralPackTests {
    /// struct.pack('<IHHQd', 7, 1, 2, 1 << 40, 0.5)
    static let record = "07000000010002000000000000010000000000000000e03f"

    @Test func everyEntryPointPacksCPythonsBytes() throws {
        let format = try Struct("<IHHQd")
        let id: UInt32 = 7
        let length: UInt64 = 1 << 40
        #expect(Hex.encode(try format.pack([.int(id), 1, 2, .int(length), 0.5])) == Self.record)
        #expect(Hex.encode(try Struct.pack("<IHHQd", [.int(id), 1, 2, .int(length), 0.5])) == Self.record)

        // struct.pack_into('<IHHQd', buf, 24, …), buf = 50 bytes of 0xee
        let expected = String(repeating: "ee", count: 24) + Self.record + "eeee"
        var array = [UInt8](repeating: 0xEE, count: 50)
        try format.pack(into: &array, at: 24, [.int(id), 1, 2, .int(length), 0.5])
        #expect(Hex.encode(array) == expected)
        array = [UInt8](repeating: 0xEE, count: 50)
        try Struct.pack("<IHHQd", into: &array, at: 24, [.int(id), 1, 2, .int(length), 0.5])
        #expect(Hex.encode(array) == expected)
        array = [UInt8](repeating: 0xEE, count: 50)
        try array.withUnsafeMutableBytes { buffer in
            try format.pack(into: buffer, at: 24, [.int(id), 1, 2, .int(length), 0.5])
        }
        #expect(Hex.encode(array) == expected)
        array = [UInt8](repeating: 0xEE, count: 50)
        do {
            var span = array.mutableSpan
            var bytes = span.mutableBytes
            try format.pack(into: &bytes, at: -26, [.int(id), 1, 2, .int(length), 0.5])
        }
        #expect(Hex.encode(array) == expected)

        var appended: [UInt8] = [0xEE]
        try format.pack(appendingTo: &appended, [.int(id), 1, 2, .int(length), 0.5])
        #expect(Hex.encode(appended) == "ee" + Self.record)
        let output = try [UInt8](unsafeUninitializedCapacity: 24) { buffer, count in
            var span = OutputRawSpan(buffer: UnsafeMutableRawBufferPointer(buffer), initializedCount: 0)
            try format.pack(appendingTo: &span, [.int(id), 1, 2, .int(length), 0.5])
            count = span.finalize(for: UnsafeMutableRawBufferPointer(buffer))
        }
        #expect(Hex.encode(output) == Self.record)
    }

    @Test func literalsAndStructValuesAgree() throws {
        // struct.pack('<?Iefd', 1, True, 0.5, 1, True): ints, bools and floats converted as
        // Python converts them, by the general path.
        let literal = try Struct("<?Iefd").pack([1, true, 0.5, 1, true])
        let values: [StructValue] = [1, true, 0.5, 1, true]
        #expect(Hex.encode(literal) == "010100000000380000803f000000000000f03f")
        #expect(try Struct("<?Iefd").pack(values) == literal)
        // struct.pack('<Qq', 2**64 - 1, -2**63), from literals and from `.int` of any integer.
        #expect(Hex.encode(try Struct("<Qq").pack([18_446_744_073_709_551_615, -9_223_372_036_854_775_808])) == "ffffffffffffffff0000000000000080")
        #expect(Hex.encode(try Struct("<Qq").pack([.int(UInt64.max), .int(Int64.min)])) == "ffffffffffffffff0000000000000080")
        // struct.pack('@bhiq', -1, 2, -3, 4): native sizes and alignment.
        #expect(Hex.encode(try Struct("@bhiq").pack([-1, 2, -3, 4])) == "ff000200fdffffff0400000000000000")
        // struct.pack_into('<Hd', buf, -10, 513, -0.0), buf = 12 bytes of 0xee
        var buffer = [UInt8](repeating: 0xEE, count: 12)
        try Struct("<Hd").pack(into: &buffer, at: -10, [513, -0.0])
        #expect(Hex.encode(buffer) == "eeee01020000000000000080")
    }

    @Test func errorsAndTheBufferAFailureLeaves() throws {
        // struct.pack_into('>bq', buf, 1, -129, 5), buf = 12 bytes of 0xee
        var buffer = [UInt8](repeating: 0xEE, count: 12)
        let range = #expect(throws: StructError.self) { try Struct(">bq").pack(into: &buffer, at: 1, [-129, 5]) }
        #expect(range?.message == "'b' format requires -128 <= number <= 127")
        #expect(range?.valueIndex == 0 && range?.byteOffset == 1)
        #expect(Hex.encode(buffer) == "ee000000000000000000eeee")
        // struct.pack_into('>hq', buf, 1, 5, 2**63): CPython leaves the value's low 64 bits.
        buffer = [UInt8](repeating: 0xEE, count: 12)
        let wide = #expect(throws: StructError.self) {
            try Struct(">hq").pack(into: &buffer, at: 1, [5, .int(Int128(1) << 63)])
        }
        #expect(wide?.message == "'q' format requires -9223372036854775808 <= number <= 9223372036854775807")
        #expect(wide?.valueIndex == 1 && wide?.byteOffset == 3)
        #expect(Hex.encode(buffer) == "ee00058000000000000000ee")

        #expect(throws: StructError(.notAnInteger, "required argument is not an integer")) {
            try Struct("<h").pack([1.5])
        }
        #expect(throws: StructError(.itemCount, "pack expected 2 items for packing (got 1)")) {
            try Struct("<II").pack([1])
        }
        #expect(throws: StructError(.notBytes, "argument for 's' must be a bytes object")) {
            try Struct("<s").pack([1])
        }
        var appended: [UInt8] = [1, 2]
        #expect(throws: StructError.self) { try Struct("<Bh").pack(appendingTo: &appended, [7, 70_000]) }
        #expect(appended == [1, 2])
    }

    @Test func literalsWithBytesAndValuesStillPackAsStructValues() throws {
        // A byte string, a string literal or a StructValue variable makes the literal a
        // [StructValue]: struct.pack('<2sH', b'hi', 7) either way.
        let seven: StructValue = 7
        #expect(Hex.encode(try Struct("<2sH").pack([.bytes([0x68, 0x69]), 7])) == "68690700")
        #expect(Hex.encode(try Struct("<2sH").pack(["hi", seven])) == "68690700")
    }
}
