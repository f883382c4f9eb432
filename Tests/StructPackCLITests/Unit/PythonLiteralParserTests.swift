import StructPack
import StructPackCLICore
import Testing

/// The literal parser alone. Every expected value is what `ast.literal_eval` (or `float()`
/// for the inf/nan words) returns in CPython 3.13.
@Suite("PythonLiteralParser")
struct PythonLiteralParserTests {
    @Test(arguments: [
        ("0", Int128(0)), ("-0", 0), ("00", 0), ("0_0", 0), ("42", 42), ("+42", 42), ("- 42", -42), (" 7\n", 7),
        ("1_000_000", 1_000_000), ("0x_ff", 255), ("0XFF", 255), ("-0x80", -128), ("0o17", 15), ("0O1_7", 15),
        ("0b1010", 10), ("0B_1", 1), ("170141183460469231731687303715884105727", Int128.max),
        ("-170141183460469231731687303715884105728", Int128.min),
        ("-0x8000_0000_0000_0000_0000_0000_0000_0000", Int128.min),
    ])
    func integers(text: String, value: Int128) throws {
        guard case .integer(let integer) = try PythonLiteralParser.parse(text) else {
            Issue.record("not an integer")
            return
        }
        #expect(integer.exactInt128 == value)
    }

    @Test(arguments: [
        ("1.5", 1.5), ("-0.0", -0.0), (".5", 0.5), ("5.", 5.0), ("1.e5", 100_000.0), ("1E5", 100_000.0),
        ("1_0.5e-3_0", 10.5e-30), ("09.5", 9.5), ("0e0", 0.0), ("1e400", .infinity), ("-1e400", -.infinity),
        ("1e-400", 0.0), ("inf", .infinity), ("-Infinity", -.infinity), ("+INF", .infinity),
        ("0.1", 0.1), ("2.2250738585072014e-308", 2.2250738585072014e-308),
    ])
    func floats(text: String, value: Double) throws {
        #expect(try PythonLiteralParser.parse(text) == .float(value))
        if case .float(let parsed) = try PythonLiteralParser.parse(text) {
            #expect(parsed.sign == value.sign, "the sign of \(text)")
        }
    }

    @Test func nanKeepsItsSign() throws {
        guard case .float(let nan) = try PythonLiteralParser.parse("nan"),
            case .float(let negative) = try PythonLiteralParser.parse("-NaN")
        else {
            Issue.record("not floats")
            return
        }
        // struct.pack('>d', float('nan')) == b'\x7f\xf8\0\0\0\0\0\0'; float('-nan') sets the sign.
        #expect(nan.bitPattern == 0x7FF8_0000_0000_0000)
        #expect(negative.bitPattern == 0xFFF8_0000_0000_0000)
    }

    @Test(arguments: [
        ("b''", [UInt8]()), ("b'ab'", Array("ab".utf8)), ("B\"it's\"", Array("it's".utf8)),
        ("b'it\\'s'", Array("it's".utf8)), ("b'\\x00\\xFf'", [0, 255]), ("b'\\101\\0\\7\\08'", [65, 0, 7, 0, 56]),
        ("b'\\1234'", [83, 52]), ("b'\\a\\b\\f\\n\\r\\t\\v'", [7, 8, 12, 10, 13, 9, 11]),
        ("b'\\\\\\'\\\"'", [92, 39, 34]), ("b'a\\\nb'", Array("ab".utf8)), ("rb'\\d'", Array("\\d".utf8)),
        ("Rb'\\''", Array("\\'".utf8)), ("bR\"\\x\"", Array("\\x".utf8)), ("b'\t\u{7f}'", [9, 127]),
    ])
    func bytes(text: String, value: [UInt8]) throws {
        #expect(try PythonLiteralParser.parse(text) == .bytes(value))
    }

    @Test func booleans() throws {
        #expect(try PythonLiteralParser.parse("True") == .bool(true))
        #expect(try PythonLiteralParser.parse(" False ") == .bool(false))
    }

    @Test(arguments: [
        ("", LiteralError.empty), ("01", .invalidNumber(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")),
        ("1__0", .invalidNumber("invalid decimal literal")), ("1.5_", .invalidNumber("invalid decimal literal")),
        ("0b", .invalidNumber("invalid binary literal")), ("0b12", .invalidNumber("invalid digit '2' in binary literal")),
        ("0x1g", .invalidNumber("invalid hexadecimal literal")), ("1j", .notALiteral), ("_1", .notALiteral),
        ("--5", .notALiteral), ("'a'", .textString), ("u'a'", .textString), ("b'a", .unterminatedBytes),
        ("b'\\x1'", .invalidHexEscape(position: 0)), ("b'\\400'", .invalidOctalEscape("\\400")),
        ("b'\\N{x}'", .invalidEscape("\\N")), ("b'''a'''", .tripleQuotedBytes), ("b'a'b'b'", .textAfterBytes),
        ("b'\u{e9}'", .nonASCIIInBytes),
    ])
    func errors(text: String, error: LiteralError) {
        #expect(throws: error) { try PythonLiteralParser.parse(text) }
    }

    @Test func decimalDigitLimitIsPythons() throws {
        // ast.literal_eval accepts 4300 digits and refuses 4301; zeros and hex are unlimited.
        #expect(throws: Never.self) { try PythonLiteralParser.parse(String(repeating: "9", count: 4300)) }
        #expect(throws: LiteralError.tooManyDigits(4301)) {
            try PythonLiteralParser.parse(String(repeating: "9", count: 4301))
        }
        #expect(throws: LiteralError.tooManyDigits(4301)) {
            try PythonLiteralParser.parse(String(repeating: "1_", count: 4300) + "1")
        }
        #expect(try PythonLiteralParser.parse(String(repeating: "0", count: 5000)) == .integer(PythonInteger(0)))
        #expect(throws: Never.self) { try PythonLiteralParser.parse("0x" + String(repeating: "f", count: 20_000)) }
    }
}

/// Arbitrary-size integers: exactness in Int128, clamping, and Python's int-to-float rounding.
@Suite("PythonInteger")
struct PythonIntegerTests {
    static func integer(_ text: String) throws -> PythonInteger {
        guard case .integer(let value) = try PythonLiteralParser.parse(text) else { throw RunnerError("not an int") }
        return value
    }

    @Test func int128Boundaries() throws {
        #expect(try Self.integer("0x7fff_ffff_ffff_ffff_ffff_ffff_ffff_ffff").exactInt128 == .max)
        #expect(try Self.integer("0x8000_0000_0000_0000_0000_0000_0000_0000").exactInt128 == nil)
        #expect(try Self.integer("0x8000_0000_0000_0000_0000_0000_0000_0000").clampedInt128 == .max)
        #expect(try Self.integer("-0x8000_0000_0000_0000_0000_0000_0000_0001").clampedInt128 == .min)
        #expect(try Self.integer("-0").isNegative == false)
    }

    static func zeros(_ count: Int) -> String { String(repeating: "0", count: count) }
    static func fs(_ count: Int) -> String { String(repeating: "f", count: count) }

    /// float(n) in CPython 3.13 for each n (printed by CPython as float.hex()).
    static let roundings: [(String, Double)] = [
        ("0x1" + zeros(50), 0x1p200),
        ("0x1" + zeros(13) + "8" + zeros(18), 0x1p128),  // 2**128 + 2**75: a tie, to even
        ("0x1" + zeros(13) + "8" + zeros(17) + "1", 0x1.0000000000001p128),
        ("0x1" + zeros(12) + "18" + zeros(18), 0x1.0000000000002p128),  // 2**128 + 3 * 2**75: a tie, up to even
        ("-0x1" + zeros(50), -0x1p200),
        ("0x" + fs(256), Double.infinity),  // 2**1024 - 1 rounds past the largest double
        ("0x" + fs(13) + "bf" + fs(241), Double.greatestFiniteMagnitude),  // 2**1024 - 2**970 - 1
        ("0x" + fs(13) + "c" + zeros(242), Double.infinity),  // 2**1024 - 2**970
        ("12345678901234567890123", 1.2345678901234568e+22),
        ("9007199254740993", 9007199254740992.0),
    ]

    @Test(arguments: roundings)
    func nearestDouble(text: String, value: Double) throws {
        #expect(try Self.integer(text).nearestDouble == value)
    }
}
