import StructPack
import StructPackCLICore
import Testing

/// Python's reprs and bytes.fromhex, in process. Expected texts are CPython 3.13's repr().
@Suite("PythonRepr and hex")
struct ReprAndHexTests {
    static let floats: [(Double, String)] = [
        (1e16, "1e+16"), (1e-4, "0.0001"), (1e-5, "1e-05"), (1234567890123456.0, "1234567890123456.0"),
        (12345678901234567.0, "1.2345678901234568e+16"), (9999999999999998.0, "9999999999999998.0"),
        (0.1, "0.1"), (1e22, "1e+22"), (1.5e300, "1.5e+300"), (Double.leastNonzeroMagnitude, "5e-324"), (123456789.0, "123456789.0"),
        (1.0, "1.0"), (-0.0, "-0.0"), (0.0, "0.0"), (.infinity, "inf"), (-.infinity, "-inf"), (.nan, "nan"),
        (-.nan, "nan"), (0.00012, "0.00012"), (1.7976931348623157e308, "1.7976931348623157e+308"), (-2.5e-7, "-2.5e-07"),
    ]

    @Test(arguments: floats)
    func float(value: Double, repr: String) {
        #expect(PythonRepr.float(value) == repr)
    }

    @Test(arguments: [
        ([UInt8](), "b''"), (Array("ab".utf8), "b'ab'"), (Array("'".utf8), "b\"'\""), (Array("\"".utf8), "b'\"'"),
        (Array("'\"".utf8), "b'\\'\"'"), ([0x5C], "b'\\\\'"), ([0, 9, 10, 13, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xFF],
        "b'\\x00\\t\\n\\r\\x1f ~\\x7f\\x80\\xff'"),
    ])
    func bytes(value: [UInt8], repr: String) {
        #expect(PythonRepr.bytes(value) == repr)
    }

    @Test func tuples() {
        #expect(PythonRepr.tuple([]) == "()")
        #expect(PythonRepr.tuple([.int(7)]) == "(7,)")
        #expect(PythonRepr.tuple([.int(1), .int(-2), .bytes([0x61, 0x62, 0]), .double(1.5), .bool(true)])
            == "(1, -2, b'ab\\x00', 1.5, True)")
    }

    @Test func strings() {
        #expect(PythonRepr.string("ab") == "'ab'")
        #expect(PythonRepr.string("it's") == "\"it's\"")
        #expect(PythonRepr.string("a\nb\u{1}") == "'a\\nb\\x01'")
    }

    @Test func hex() throws {
        #expect(try HexDecoder.decode(" 01 00\n02\t0304\u{0b}05\u{0c}06\r0aFF ") == [1, 0, 2, 3, 4, 5, 6, 10, 255])
        #expect(try HexDecoder.decode("") == [])
        #expect(throws: HexError(position: 3, found: nil)) { try HexDecoder.decode("012") }
        #expect(throws: HexError(position: 1, found: " ")) { try HexDecoder.decode("0 1") }
        #expect(throws: HexError(position: 0, found: "\u{1c}")) { try HexDecoder.decode("\u{1c}01") }
        #expect(HexEncoder.encode([0, 0xAB, 0xFF]) == "00abff")
    }
}
