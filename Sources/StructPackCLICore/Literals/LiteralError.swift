/// Why a `VALUE` argument is not a Python literal structpack accepts.
///
/// The descriptions follow the wording of Python's own `SyntaxError`s where Python has one
/// (`leading zeros in decimal integer literals are not permitted; …`).
public enum LiteralError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The argument is empty or only whitespace.
    case empty
    /// The argument is no literal structpack knows (`None`, `xyz`, `1j`, `(1, 2)`).
    case notALiteral
    /// A `str` literal (`'ab'`), which `struct` never accepts where bytes are needed.
    case textString
    /// A malformed number; the associated text is Python's wording, such as
    /// `invalid decimal literal` or `invalid digit '8' in octal literal`.
    case invalidNumber(String)
    /// A decimal integer with more digits than Python converts (4300 by default).
    case tooManyDigits(Int)
    /// A bytes literal without its closing quote (or with a raw newline inside).
    case unterminatedBytes
    /// A triple-quoted bytes literal, which structpack does not accept.
    case tripleQuotedBytes
    /// Text after the closing quote (including implicit concatenation, `b'a' b'b'`).
    case textAfterBytes
    /// A character outside ASCII inside a bytes literal.
    case nonASCIIInBytes
    /// `\x` not followed by two hexadecimal digits; the position of the backslash in the
    /// literal's body, as Python reports it.
    case invalidHexEscape(position: Int)
    /// An octal escape above `\377`, which Python only warns about.
    case invalidOctalEscape(String)
    /// An escape Python does not define in bytes (`\q`, `\u`, `\N`), which Python only warns
    /// about.
    case invalidEscape(String)

    /// The largest number of digits Python converts in a decimal integer literal
    /// (`sys.get_int_max_str_digits()`'s default).
    public static let maximumDecimalDigits = 4300

    /// The reason, in words.
    public var description: String {
        switch self {
        case .empty:
            "empty value"
        case .notALiteral:
            "not a Python literal; expected an integer, a float, True, False or bytes such as b'ab'"
        case .textString:
            "a str literal is not bytes; write a bytes literal such as b'ab'"
        case .invalidNumber(let reason):
            reason
        case .tooManyDigits(let count):
            "decimal integer literal has \(count) digits, more than Python's limit of "
                + "\(Self.maximumDecimalDigits); write it in hexadecimal"
        case .unterminatedBytes:
            "unterminated bytes literal"
        case .tripleQuotedBytes:
            "triple-quoted bytes literals are not supported"
        case .textAfterBytes:
            "unexpected text after the closing quote"
        case .nonASCIIInBytes:
            "bytes can only contain ASCII literal characters"
        case .invalidHexEscape(let position):
            "invalid \\x escape at position \(position)"
        case .invalidOctalEscape(let escape):
            "invalid octal escape sequence '\(escape)'"
        case .invalidEscape(let escape):
            "invalid escape sequence '\(escape)'"
        }
    }
}
