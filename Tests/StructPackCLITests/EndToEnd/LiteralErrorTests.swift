import Testing

/// Malformed VALUE literals and HEX get structpack's own messages (worded as Python's
/// SyntaxError where Python has one), exit status 1, and nothing on stdout.
@Suite("Malformed VALUE and HEX (end to end)")
struct LiteralErrorTests {
    static let notALiteral = "not a Python literal; expected an integer, a float, True, False or bytes such as b'ab'"
    static let leadingZeros =
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"

    @Test(arguments: [
        (value: "01", message: "invalid VALUE 1 '01': \(leadingZeros)"),
        (value: "0_7", message: "invalid VALUE 1 '0_7': \(leadingZeros)"),
        (value: "1__0", message: "invalid VALUE 1 '1__0': invalid decimal literal"),
        (value: "1_", message: "invalid VALUE 1 '1_': invalid decimal literal"),
        (value: "1e", message: "invalid VALUE 1 '1e': invalid decimal literal"),
        (value: "1._5", message: "invalid VALUE 1 '1._5': invalid decimal literal"),
        (value: "12abc", message: "invalid VALUE 1 '12abc': invalid decimal literal"),
        (value: "0x", message: "invalid VALUE 1 '0x': invalid hexadecimal literal"),
        (value: "0x__1", message: "invalid VALUE 1 '0x__1': invalid hexadecimal literal"),
        (value: "0b102", message: "invalid VALUE 1 '0b102': invalid digit '2' in binary literal"),
        (value: "0o19", message: "invalid VALUE 1 '0o19': invalid digit '9' in octal literal"),
        (value: "1j", message: "invalid VALUE 1 '1j': \(notALiteral)"),
        (value: "None", message: "invalid VALUE 1 'None': \(notALiteral)"),
        (value: "true", message: "invalid VALUE 1 'true': \(notALiteral)"),
        (value: "-True", message: "invalid VALUE 1 '-True': \(notALiteral)"),
        (value: "+-5", message: "invalid VALUE 1 '+-5': \(notALiteral)"),
        (value: "", message: "invalid VALUE 1 '': empty value"),
        (value: "'ab'", message: "invalid VALUE 1 \"'ab'\": a str literal is not bytes; write a bytes literal such as b'ab'"),
        (value: "f'a'", message: "invalid VALUE 1 \"f'a'\": \(notALiteral)"),
        (value: "b'ab", message: "invalid VALUE 1 \"b'ab\": unterminated bytes literal"),
        (value: "rb'\\'", message: "invalid VALUE 1 \"rb'\\\\'\": unterminated bytes literal"),
        (value: "b'a\nb'", message: "invalid VALUE 1 \"b'a\\nb'\": unterminated bytes literal"),
        (value: "b'\\q'", message: "invalid VALUE 1 \"b'\\\\q'\": invalid escape sequence '\\q'"),
        (value: "b'\\u1234'", message: "invalid VALUE 1 \"b'\\\\u1234'\": invalid escape sequence '\\u'"),
        (value: "b'\\777'", message: "invalid VALUE 1 \"b'\\\\777'\": invalid octal escape sequence '\\777'"),
        (value: "b'ab\\x1'", message: "invalid VALUE 1 \"b'ab\\\\x1'\": invalid \\x escape at position 2"),
        (value: "b'\\n\\xG0'", message: "invalid VALUE 1 \"b'\\\\n\\\\xG0'\": invalid \\x escape at position 2"),
        (value: "b'\u{e9}'", message: "invalid VALUE 1 \"b'\u{e9}'\": bytes can only contain ASCII literal characters"),
        (value: "b'''a'''", message: "invalid VALUE 1 \"b'''a'''\": triple-quoted bytes literals are not supported"),
        (value: "b'a' b'b'", message: "invalid VALUE 1 \"b'a' b'b'\": unexpected text after the closing quote"),
    ])
    func malformedValue(value: String, message: String) throws {
        expectFailure(try ToolRunner.run(["pack", "<4s", value]), message: message)
    }

    @Test func theFailingValueIsNumberedAndLongOnesAreCut() throws {
        expectFailure(try ToolRunner.run(["pack", "<iii", "1", "2", "x"]), message: "invalid VALUE 3 'x': \(Self.notALiteral)")
        let long = String(repeating: "1", count: 4301)
        expectFailure(
            try ToolRunner.run(["pack", "<q", long]),
            message: "invalid VALUE 1 '\(String(repeating: "1", count: 57))…': decimal integer literal has 4301 "
                + "digits, more than Python's limit of 4300; write it in hexadecimal")
    }

    @Test func malformedLiteralsAreReportedBeforeTheFormat() throws {
        // Python evaluates the arguments before struct.pack compiles the format.
        expectFailure(try ToolRunner.run(["pack", "<z", "01"]), message: "invalid VALUE 1 '01': \(Self.leadingZeros)")
    }

    @Test(arguments: [
        (hex: ["0z"], message: "invalid HEX: expected a hexadecimal digit at position 1, found 'z'"),
        (hex: ["012"], message: "invalid HEX: expected a hexadecimal digit at position 3, found end of input (odd number of digits)"),
        (hex: ["0 1"], message: "invalid HEX: expected a hexadecimal digit at position 1, found ' '"),
        (hex: ["01", "2"], message: "invalid HEX: expected a hexadecimal digit at position 4, found end of input (odd number of digits)"),
        (hex: ["01\u{1c}"], message: "invalid HEX: expected a hexadecimal digit at position 2, found '\\x1c'"),
        (hex: ["0x01"], message: "invalid HEX: expected a hexadecimal digit at position 1, found 'x'"),
        (hex: ["\u{e9}"], message: "invalid HEX: expected a hexadecimal digit at position 0, found '\u{e9}'"),
    ])
    func malformedHex(hex: [String], message: String) throws {
        expectFailure(try ToolRunner.run(["unpack", "<I"] + hex), message: message)
    }

    @Test func malformedHexIsReportedBeforeTheFormat() throws {
        // Python evaluates bytes.fromhex(HEX) before struct.unpack compiles the format.
        expectFailure(
            try ToolRunner.run(["unpack", "<z", "0"]),
            message: "invalid HEX: expected a hexadecimal digit at position 1, found end of input (odd number of digits)")
    }
}
