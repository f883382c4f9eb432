/// Parses `VALUE` arguments as Python literals, with Python's grammar and Python's values.
///
/// Grammar (after trimming ASCII whitespace at both ends):
///
/// ```
/// value    := "True" | "False" | bytes | [sign] number
/// sign     := "+" | "-"                      (spaces or tabs may follow, as in Python)
/// number   := integer | float | "inf" | "infinity" | "nan"      (these three in any case)
/// integer  := decimal | "0x" hex | "0o" oct | "0b" bin          (prefix letters in any case,
///             single "_" between digits and after the prefix; no leading zeros)
/// float    := Python's pointfloat | exponentfloat ("1.", ".5", "1e5", "1_0.5e-3")
/// bytes    := ("b" | "br" | "rb") ("'" … "'" | '"' … '"')      (prefix letters in any case)
/// ```
///
/// Bytes take Python's escapes: `\\ \' \" \a \b \f \n \r \t \v`, `\ooo` (1–3 octal digits),
/// `\xhh` and backslash-newline; raw (`rb'…'`) literals keep backslashes. Escapes Python
/// only warns about (`\q`, octal above `\377`) are rejected.
public enum PythonLiteralParser {
    /// Parses one literal.
    ///
    /// - Parameter text: The argument as typed, such as `-0x_ff` or `b'\x00ab'`.
    /// - Returns: The literal's value.
    /// - Throws: ``LiteralError`` saying what is malformed.
    /// - Complexity: O(*n*) in the length of `text`, except decimal integers beyond 64 bits,
    ///   O(*n*²) with *n* at most ``LiteralError/maximumDecimalDigits``, and hexadecimal, octal
    ///   or binary integers, O(*n*²/15).
    public static func parse(_ text: String) throws(LiteralError) -> PythonLiteral {
        let bytes = Array(trimmed(Array(text.utf8)))
        guard !bytes.isEmpty else { throw .empty }
        if bytes == Array("True".utf8) { return .bool(true) }
        if bytes == Array("False".utf8) { return .bool(false) }
        if let quote = bytes.firstIndex(where: { $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\"") }),
            bytes[..<quote].allSatisfy(isLetter)
        {
            return try parseString(bytes, quoteIndex: quote)
        }
        return try parseSignedNumber(bytes)
    }

    // MARK: Numbers

    /// `[sign] number`.
    private static func parseSignedNumber(_ bytes: [UInt8]) throws(LiteralError) -> PythonLiteral {
        var index = 0
        var isNegative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            isNegative = bytes[0] == UInt8(ascii: "-")
            index = 1
            while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        }
        let body = Array(bytes[index...])
        guard let first = body.first else { throw .notALiteral }
        let word = String(decoding: body, as: UTF8.self).lowercased()
        if word == "inf" || word == "infinity" {
            return .float(isNegative ? -.infinity : .infinity)
        }
        if word == "nan" {
            // Python's float('-nan') keeps the sign bit, and so does packing it.
            return .float(isNegative ? -.nan : .nan)
        }
        let startsNumber =
            isDigit(first) || (first == UInt8(ascii: ".") && body.count > 1 && isDigit(body[1]))
        guard startsNumber else { throw .notALiteral }
        if body.count >= 2 && body[0] == UInt8(ascii: "0"), let radix = radixPrefix(body[1]) {
            return .integer(try parseRadixInteger(body, radix: radix, isNegative: isNegative))
        }
        return try parseDecimal(body, isNegative: isNegative)
    }

    /// The base and Python's name for it, for the letter after a leading `0`.
    private static func radixPrefix(_ letter: UInt8) -> (base: UInt64, name: String)? {
        switch letter | 0x20 {
        case UInt8(ascii: "x"): (16, "hexadecimal")
        case UInt8(ascii: "o"): (8, "octal")
        case UInt8(ascii: "b"): (2, "binary")
        default: nil
        }
    }

    /// `0x…`, `0o…` or `0b…`, with Python's error wording.
    private static func parseRadixInteger(
        _ body: [UInt8], radix: (base: UInt64, name: String), isNegative: Bool
    ) throws(LiteralError) -> PythonInteger {
        let invalid = LiteralError.invalidNumber("invalid \(radix.name) literal")
        var digits: [UInt8] = []
        var index = 2
        while index < body.count {
            let character = body[index]
            if character == UInt8(ascii: "_") {
                // One underscore, after the prefix or between digits, followed by a digit.
                guard index + 1 < body.count, digitValue(body[index + 1], radix: radix.base) != nil else {
                    throw invalid
                }
                index += 1
                continue
            }
            if let value = digitValue(character, radix: radix.base) {
                digits.append(value)
                index += 1
                continue
            }
            if radix.base < 10 && isDigit(character) {
                throw .invalidNumber(
                    "invalid digit '\(Character(Unicode.Scalar(character)))' in \(radix.name) literal")
            }
            throw invalid
        }
        guard !digits.isEmpty else { throw invalid }
        return PythonInteger(digits: digits, radix: radix.base, isNegative: isNegative)
    }

    /// A decimal integer or a float.
    private static func parseDecimal(_ body: [UInt8], isNegative: Bool) throws(LiteralError) -> PythonLiteral {
        let invalid = LiteralError.invalidNumber("invalid decimal literal")
        var index = 0
        let integerPart = try digitPart(body, &index)
        var isFloat = false
        var fraction: [UInt8] = []
        var exponent: [UInt8] = []
        if index < body.count && body[index] == UInt8(ascii: ".") {
            isFloat = true
            index += 1
            if index < body.count && isDigit(body[index]) { fraction = try digitPart(body, &index) }
        }
        if index < body.count && (body[index] | 0x20) == UInt8(ascii: "e") {
            isFloat = true
            index += 1
            if index < body.count && (body[index] == UInt8(ascii: "+") || body[index] == UInt8(ascii: "-")) {
                exponent.append(body[index])
                index += 1
            }
            guard index < body.count && isDigit(body[index]) else { throw invalid }
            exponent += try digitPart(body, &index)
        }
        if index < body.count {
            // `1j` is a Python literal, but a complex number, which struct never packs.
            if index == body.count - 1 && (body[index] | 0x20) == UInt8(ascii: "j") { throw .notALiteral }
            throw invalid
        }
        if isFloat {
            var text = String(decoding: integerPart, as: UTF8.self) + "." + String(decoding: fraction, as: UTF8.self)
            if !exponent.isEmpty { text += "e" + String(decoding: exponent, as: UTF8.self) }
            // Swift's conversion is correctly rounded, as Python's is; overflow gives infinity and
            // underflow zero, as in Python.
            guard let value = Double(text) else { throw invalid }
            return .float(isNegative ? -value : value)
        }
        let isAllZero = integerPart.allSatisfy { $0 == UInt8(ascii: "0") }
        if integerPart.first == UInt8(ascii: "0") && !isAllZero {
            throw .invalidNumber(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
        }
        if isAllZero { return .integer(PythonInteger(0)) }
        guard integerPart.count <= LiteralError.maximumDecimalDigits else {
            throw .tooManyDigits(integerPart.count)
        }
        let digits = integerPart.map { $0 - UInt8(ascii: "0") }
        return .integer(PythonInteger(digits: digits, radix: 10, isNegative: isNegative))
    }

    /// Python's `digitpart`: `digit (["_"] digit)*`, returned without underscores. `index` must
    /// point at a digit.
    private static func digitPart(_ body: [UInt8], _ index: inout Int) throws(LiteralError) -> [UInt8] {
        var digits: [UInt8] = []
        while index < body.count {
            let character = body[index]
            if isDigit(character) {
                digits.append(character)
                index += 1
            } else if character == UInt8(ascii: "_") {
                guard index + 1 < body.count, isDigit(body[index + 1]) else {
                    throw .invalidNumber("invalid decimal literal")
                }
                index += 1
            } else {
                break
            }
        }
        return digits
    }

    // MARK: Strings

    /// A quoted literal: bytes when its prefix is `b`, `br` or `rb`, else an error.
    private static func parseString(_ bytes: [UInt8], quoteIndex: Int) throws(LiteralError) -> PythonLiteral {
        let prefix = String(decoding: bytes[..<quoteIndex], as: UTF8.self).lowercased()
        switch prefix {
        case "b", "br", "rb":
            return .bytes(try parseBytesBody(bytes, quoteIndex: quoteIndex, isRaw: prefix.contains("r")))
        case "", "r", "u":
            throw .textString
        default:
            throw .notALiteral
        }
    }

    /// The contents of a bytes literal whose opening quote is at `quoteIndex`.
    private static func parseBytesBody(_ bytes: [UInt8], quoteIndex: Int, isRaw: Bool) throws(LiteralError) -> [UInt8] {
        let quote = bytes[quoteIndex]
        if quoteIndex + 2 < bytes.count && bytes[quoteIndex + 1] == quote && bytes[quoteIndex + 2] == quote {
            throw .tripleQuotedBytes
        }
        // Python's tokenizer rejects non-ASCII before it looks at escapes.
        if bytes[quoteIndex...].contains(where: { $0 >= 0x80 }) { throw .nonASCIIInBytes }
        let bodyStart = quoteIndex + 1
        var result: [UInt8] = []
        var index = bodyStart
        while true {
            guard index < bytes.count else { throw .unterminatedBytes }
            let character = bytes[index]
            if character == quote {
                index += 1
                break
            }
            if character == 0x0A || character == 0x0D { throw .unterminatedBytes }
            guard character == UInt8(ascii: "\\") else {
                result.append(character)
                index += 1
                continue
            }
            // A backslash always takes the next character with it, even in raw literals.
            guard index + 1 < bytes.count else { throw .unterminatedBytes }
            if isRaw {
                result += [character, bytes[index + 1]]
                index += 2
                continue
            }
            index = try appendEscape(bytes, at: index, bodyStart: bodyStart, to: &result)
        }
        guard index == bytes.count else { throw .textAfterBytes }
        return result
    }

    /// Decodes the escape whose backslash is at `index` into `result`; returns the index after it.
    private static func appendEscape(_ bytes: [UInt8], at index: Int, bodyStart: Int, to result: inout [UInt8])
        throws(LiteralError) -> Int
    {
        let escaped = bytes[index + 1]
        switch escaped {
        case 0x0A: return index + 2  // backslash-newline continues the line
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): result.append(escaped)
        case UInt8(ascii: "a"): result.append(0x07)
        case UInt8(ascii: "b"): result.append(0x08)
        case UInt8(ascii: "f"): result.append(0x0C)
        case UInt8(ascii: "n"): result.append(0x0A)
        case UInt8(ascii: "r"): result.append(0x0D)
        case UInt8(ascii: "t"): result.append(0x09)
        case UInt8(ascii: "v"): result.append(0x0B)
        case UInt8(ascii: "x"):
            guard index + 3 < bytes.count, let high = digitValue(bytes[index + 2], radix: 16),
                let low = digitValue(bytes[index + 3], radix: 16)
            else { throw .invalidHexEscape(position: index - bodyStart) }
            result.append(high << 4 | low)
            return index + 4
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var end = index + 1
            var value = 0
            while end < bytes.count && end < index + 4, let digit = digitValue(bytes[end], radix: 8) {
                value = value * 8 + Int(digit)
                end += 1
            }
            guard value <= 0o377 else {
                throw .invalidOctalEscape(String(decoding: bytes[index..<end], as: UTF8.self))
            }
            result.append(UInt8(value))
            return end
        default:
            throw .invalidEscape("\\" + String(decoding: [escaped], as: UTF8.self))
        }
        return index + 2
    }

    // MARK: Characters

    /// `bytes` without leading and trailing ASCII whitespace.
    private static func trimmed(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        var slice = bytes[...]
        while let first = slice.first, isWhitespace(first) { slice.removeFirst() }
        while let last = slice.last, isWhitespace(last) { slice.removeLast() }
        return slice
    }

    /// Python's whitespace: space, tab, newline, vertical tab, form feed, carriage return.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// The value of a digit in `radix` (2, 8, 10 or 16), or `nil`.
    static func digitValue(_ byte: UInt8, radix: UInt64) -> UInt8? {
        let value: UInt8
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): value = byte - UInt8(ascii: "A") + 10
        default: return nil
        }
        return UInt64(value) < radix ? value : nil
    }
}
