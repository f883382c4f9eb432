import StructPack
import Testing

/// What a failed `pack_into` leaves when an int is out of range: zeros, except that CPython
/// 3.13's big-endian standard `q` and `Q` converters write the int's low 8 bytes before they
/// raise. Every expected buffer was printed by CPython 3.13:
/// `buf = bytearray(b'\xee' * 10); struct.pack_into(fmt, buf, 1, value)`.
@Suite("pack_into after an out-of-range int")
struct PackIntoOverflowTests {
    static let qMessage = "'q' format requires -9223372036854775808 <= number <= 9223372036854775807"
    static let uqMessage = "'Q' format requires 0 <= number <= 18446744073709551615"

    /// One format and out-of-range int, and the buffer CPython leaves.
    struct Case: Sendable, CustomStringConvertible {
        let format: String
        let value: Int128
        let buffer: String
        let message: String

        var description: String { "\(format) \(value)" }
    }

    static let belowQ = -(Int128(1) << 63) - 1  // -2**63 - 1
    static let cases: [Case] = [
        Case(format: ">q", value: Int128(1) << 63, buffer: "ee8000000000000000ee", message: qMessage),
        Case(format: ">q", value: belowQ, buffer: "ee7fffffffffffffffee", message: qMessage),
        Case(format: "!q", value: (Int128(1) << 64) + 5, buffer: "ee0000000000000005ee", message: qMessage),
        Case(format: ">q", value: -(Int128(1) << 64) - 3, buffer: "eefffffffffffffffdee", message: qMessage),
        Case(format: ">Q", value: (Int128(1) << 64) + 5, buffer: "ee0000000000000005ee", message: uqMessage),
        // A negative int for Q is refused before anything is written.
        Case(format: ">Q", value: -1, buffer: "ee0000000000000000ee", message: uqMessage),
        // Little-endian and native converters check before writing.
        Case(format: "<q", value: belowQ, buffer: "ee0000000000000000ee", message: qMessage),
        Case(format: "=q", value: belowQ, buffer: "ee0000000000000000ee", message: qMessage),
        Case(format: "@q", value: belowQ, buffer: "ee0000000000000000ee", message: qMessage),
        Case(format: "<Q", value: (Int128(1) << 64) + 5, buffer: "ee0000000000000000ee", message: uqMessage),
    ]

    @Test(arguments: cases)
    func oneValue(_ testCase: Case) throws {
        let format = try Struct(testCase.format)
        var dynamic = [UInt8](repeating: 0xEE, count: 10)
        let error = #expect(throws: StructError.self) { try format.pack(into: &dynamic, at: 1, [.int(testCase.value)]) }
        #expect(error?.message == testCase.message)
        #expect(Hex.encode(dynamic) == testCase.buffer, "dynamic")
        var typed = [UInt8](repeating: 0xEE, count: 10)
        #expect(throws: StructError.self) { try format.pack(into: &typed, at: 1, testCase.value) }
        #expect(Hex.encode(typed) == testCase.buffer, "typed")
    }

    @Test func valuesAroundTheFailingOneAsCPythonLeavesThem() throws {
        // struct.pack_into('>bqh', buf, 2, 1, -2**63 - 1, 7), buf = 16 bytes of 0xee
        let expected = "eeee017fffffffffffffff0000eeeeee"
        let format = try Struct(">bqh")
        var dynamic = [UInt8](repeating: 0xEE, count: 16)
        #expect(throws: StructError(.integerOutOfRange, Self.qMessage)) {
            try format.pack(into: &dynamic, at: 2, [1, .int(Self.belowQ), 7])
        }
        #expect(Hex.encode(dynamic) == expected)
        var typed = [UInt8](repeating: 0xEE, count: 16)
        #expect(throws: StructError.self) { try format.pack(into: &typed, at: 2, Int8(1), Self.belowQ, Int16(7)) }
        #expect(Hex.encode(typed) == expected)
        var prepared = [UInt8](repeating: 0xEE, count: 16)
        let packer = try format.packer(for: (Int8, Int128, Int16).self)
        #expect(throws: StructError.self) { try packer.pack((1, Self.belowQ, 7), into: &prepared, at: 2) }
        #expect(Hex.encode(prepared) == expected)
    }

    @Test func swiftTypesBeyondTheCodeLeaveTheirLowBytes() throws {
        // struct.pack_into('>q', buf, 1, 2**63) and struct.pack_into('!Q', buf, 1, 2**127 + 5)
        var signed = [UInt8](repeating: 0xEE, count: 10)
        #expect(throws: StructError(.integerOutOfRange, Self.qMessage)) {
            try Struct(">q").pack(into: &signed, at: 1, UInt64(1) << 63)
        }
        #expect(Hex.encode(signed) == "ee8000000000000000ee")
        var unsigned = [UInt8](repeating: 0xEE, count: 10)
        #expect(throws: StructError(.integerOutOfRange, Self.uqMessage)) {
            try Struct("!Q").pack(into: &unsigned, at: 1, (UInt128(1) << 127) + 5)
        }
        #expect(Hex.encode(unsigned) == "ee0000000000000005ee")
    }

    @Test func theSingleValueAPIChangesNothingOnError() throws {
        var bytes = [UInt8](repeating: 0xEE, count: 9)
        #expect(throws: StructError(.integerOutOfRange, Self.qMessage)) {
            try Struct(">cq").packValue(UInt64(1) << 63, at: 1, into: &bytes)
        }
        #expect(bytes == [UInt8](repeating: 0xEE, count: 9))
    }

    @Test func theSingleValueAPIWritesNoLengthByteForAZeroCountP() throws {
        // '>0pe': the 0p's slot is empty at offset 0, and the e's two bytes follow it. A whole
        // pack_into writes 0x00 there first and then the e; packValue writes value 0 only.
        var bytes: [UInt8] = [0x9A, 0x00]
        try Struct(">0pe").packValue(StructValue.bytes([]), at: 0, into: &bytes)
        try Struct(">0pe").packValue([UInt8](), at: 0, into: &bytes)
        #expect(bytes == [0x9A, 0x00])
        // Its error still comes through, and leaves the byte alone too.
        #expect(throws: StructError(.notBytes, "argument for 'p' must be a bytes object")) {
            try Struct(">0pe").packValue(StructValue.int(1), at: 0, into: &bytes)
        }
        #expect(bytes == [0x9A, 0x00])
        // A trailing 0p of a whole record writes its byte when the buffer extends (CPython:
        // b = bytearray(b'\xaa\xaa'); pack_into('<0p', b, 0, b'') leaves 00aa).
        var trailing: [UInt8] = [0xAA, 0xAA]
        try Struct("<0p").pack(into: &trailing, at: 0, StructValue.bytes([]))
        #expect(trailing == [0x00, 0xAA])
    }
}
