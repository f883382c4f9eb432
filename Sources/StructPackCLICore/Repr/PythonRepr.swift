public import StructPack

/// Python's `repr` of the values `struct.unpack` returns, character for character.
///
/// ```
/// (1, -2, b'ab\x00', 1.5, True)    repr of a tuple
/// (7,)  ()                         one item, none
/// 1e-05  0.0001  1e+16  -0.0  nan  floats
/// b"it's"  b'\\\''                 bytes, with Python's quote choice
/// ```
public enum PythonRepr {
    /// `repr(tuple(values))`: `(1, 2)`, `(7,)` or `()`.
    ///
    /// - Complexity: O(total length of the reprs).
    public static func tuple(_ values: some Collection<StructValue>) -> String {
        var text = "("
        for (index, value) in values.enumerated() {
            if index > 0 { text += ", " }
            text += self.value(value)
        }
        return text + (values.count == 1 ? ",)" : ")")
    }

    /// The repr of one value: `int`, `bool` (`True`/`False`), `float` or `bytes`.
    public static func value(_ value: StructValue) -> String {
        switch value {
        case .int(let integer): integer.description
        case .bool(let flag): flag ? "True" : "False"
        case .double(let number): float(number)
        case .bytes(let bytes): self.bytes(bytes)
        }
    }

    /// `repr(float)`: the shortest digits that round-trip, in fixed notation when the decimal
    /// exponent is between -4 and 15 (`0.0001`, `1234567890123456.0`) and in scientific
    /// notation otherwise (`1e-05`, `1e+16`), with at least two exponent digits; `inf`,
    /// `-inf`, `nan` (never `-nan`).
    public static func float(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let (digits, pointPosition) = shortestDigits(value.magnitude)
        let sign = value.sign == .minus ? "-" : ""
        // Python's float_repr_style 'short' rule (Python/pystrtod.c, format_float_short).
        if pointPosition <= -4 || pointPosition > 16 {
            let exponent = pointPosition - 1
            var mantissa = String(digits.prefix(1))
            if digits.count > 1 { mantissa += "." + String(digits.dropFirst()) }
            let exponentDigits = String(exponent.magnitude)
            let padded = exponentDigits.count < 2 ? "0" + exponentDigits : exponentDigits
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + padded
        }
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
        }
        if pointPosition >= digits.count {
            return sign + digits + String(repeating: "0", count: pointPosition - digits.count) + ".0"
        }
        let split = digits.index(digits.startIndex, offsetBy: pointPosition)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// The shortest round-trip decimal digits of a finite, non-negative `value`, without leading
    /// or trailing zeros ("0" for zero), and where the decimal point goes: the value is
    /// `0.DIGITS × 10^pointPosition`.
    ///
    /// Swift's `description` already chooses the shortest digits that round-trip, and the
    /// closest of them to the exact value, as Python's `repr` does; only its layout differs, so
    /// it is taken apart here.
    static func shortestDigits(_ value: Double) -> (digits: String, pointPosition: Int) {
        let text = value.description
        var mantissa = Substring(text)
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<marker]
            exponent = Int(text[text.index(after: marker)...]) ?? 0
        }
        let integerPart: Substring
        let fractionPart: Substring
        if let point = mantissa.firstIndex(of: ".") {
            integerPart = mantissa[..<point]
            fractionPart = mantissa[mantissa.index(after: point)...]
        } else {
            integerPart = mantissa
            fractionPart = ""
        }
        var digits = Array(integerPart + fractionPart)
        var pointPosition = integerPart.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        if digits.isEmpty { return ("0", 1) }
        return (String(digits), pointPosition)
    }

    /// `repr(bytes)`: single quotes unless the bytes contain `'` and no `"`; `\\`, the quote,
    /// `\t`, `\n`, `\r` escaped; other bytes below 0x20 or from 0x7f as `\xhh`.
    ///
    /// - Complexity: O(*n*).
    public static func bytes(_ bytes: some Collection<UInt8>) -> String {
        let quote: UInt8 =
            bytes.contains(UInt8(ascii: "'")) && !bytes.contains(UInt8(ascii: "\"")) ? UInt8(ascii: "\"") : UInt8(ascii: "'")
        var text: [UInt8] = [UInt8(ascii: "b"), quote]
        text.reserveCapacity(bytes.count + 3)
        for byte in bytes {
            switch byte {
            case quote, UInt8(ascii: "\\"): text += [UInt8(ascii: "\\"), byte]
            case 0x09: text += Array("\\t".utf8)
            case 0x0A: text += Array("\\n".utf8)
            case 0x0D: text += Array("\\r".utf8)
            case 0x20..<0x7F: text.append(byte)
            default: text += hexEscape(byte)
            }
        }
        text.append(quote)
        return String(decoding: text, as: UTF8.self)
    }

    /// `repr(str)`, for quoting the user's text in messages: quotes as for bytes, control
    /// characters escaped, so the result is always one line.
    public static func string(_ text: String) -> String {
        let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var result = String(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case _ where Character(scalar) == quote: result += "\\" + String(quote)
            case _ where scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value):
                result += String(decoding: hexEscape(UInt8(scalar.value)), as: UTF8.self)
            default: result.unicodeScalars.append(scalar)
            }
        }
        result.append(quote)
        return result
    }

    /// `\xhh` for a byte.
    private static func hexEscape(_ byte: UInt8) -> [UInt8] {
        [UInt8(ascii: "\\"), UInt8(ascii: "x")] + HexEncoder.encodedUTF8(CollectionOfOne(byte))
    }
}
