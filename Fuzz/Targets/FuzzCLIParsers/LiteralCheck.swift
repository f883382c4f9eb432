import StructPack
import StructPackCLICore

/// Checks of `PythonLiteralParser`, `PythonInteger`, `LiteralPacker` and `PythonRepr`.
enum LiteralCheck {
    /// Formats of one value of every code, under a native and a standard prefix.
    static let singleValueFormats: [Struct] = {
        var formats: [Struct] = []
        for text in ["c", "b", "B", "?", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "e", "f", "d", "3s", "3p", "P",
            "<e", "<f", "!d", "<Q", ">b", "=?"]
        {
            do { formats.append(try Struct(text)) } catch { invariantFailure("format \(text): \(error)") }
        }
        return formats
    }()

    /// Parses arbitrary text; checks what it accepts.
    static func parse(_ text: String) {
        let literal: PythonLiteral
        do {
            literal = try PythonLiteralParser.parse(text)
        } catch {
            let reason = error.description
            invariant(!reason.isEmpty && !reason.contains("\n"), "literal error '\(reason)'")
            return
        }
        switch literal {
        case .integer(let integer):
            checkDecimal(text, integer)
        case .float(let number):
            invariant(!number.isFinite || !text.isEmpty, "float from nothing")
        case .bool, .bytes:
            break
        }
        // Every code either packs the literal or reports CPython's error: never a trap.
        for format in singleValueFormats {
            do {
                let packed = try LiteralPacker.pack([literal], as: format)
                invariant(packed.count == format.size, "\(format): packed \(packed.count) bytes")
            } catch {
                invariant(!error.message.isEmpty, "\(format): empty error")
            }
        }
        if case .bytes(let bytes) = literal { checkBytesRepr(bytes) }
    }

    /// A plain decimal literal (sign, digits, underscores) against the standard library.
    private static func checkDecimal(_ text: String, _ integer: PythonInteger) {
        var trimmed = Substring(text)
        while let first = trimmed.first, first.isWhitespace && first.isASCII { trimmed.removeFirst() }
        while let last = trimmed.last, last.isWhitespace && last.isASCII { trimmed.removeLast() }
        var sign = ""
        if let first = trimmed.first, first == "-" || first == "+" {
            sign = first == "-" ? "-" : ""
            trimmed.removeFirst()
            while let next = trimmed.first, next == " " || next == "\t" { trimmed.removeFirst() }
        }
        guard let first = trimmed.first, first.isASCII && first.isNumber,
            !trimmed.hasPrefix("0x") && !trimmed.hasPrefix("0X") && !trimmed.hasPrefix("0o") && !trimmed.hasPrefix("0O")
                && !trimmed.hasPrefix("0b") && !trimmed.hasPrefix("0B")
        else { return }
        let digits = sign + trimmed.filter { $0 != "_" }
        if let exact = Int128(digits) {
            invariant(integer.exactInt128 == exact, "'\(text)' is \(String(describing: integer.exactInt128)), expected \(exact)")
        } else {
            invariant(integer.exactInt128 == nil, "'\(text)' fits Int128 but the standard library says no")
        }
        // Swift's decimal conversion is correctly rounded, as Python's float(int) is.
        if let nearest = Double(digits) {
            invariant(
                integer.nearestDouble.bitPattern == nearest.bitPattern || (nearest == 0 && integer.nearestDouble == 0),
                "'\(text)': nearest double \(integer.nearestDouble), expected \(nearest)")
        }
    }

    /// Python's reprs of values made from the fuzzer's bytes read back as the same values.
    static func reprRoundTrip(_ input: inout FuzzInput) {
        let number = Double(bitPattern: input.uint64())
        let repr = PythonRepr.float(number)
        do {
            guard case .float(let parsed) = try PythonLiteralParser.parse(repr) else {
                invariantFailure("repr \(repr) of \(number) is not a float literal")
            }
            invariant(
                number.isNaN ? parsed.isNaN : parsed.bitPattern == number.bitPattern,
                "repr \(repr) of \(number.bitPattern) read back as \(parsed.bitPattern)")
        } catch {
            invariantFailure("repr \(repr) of \(number) does not parse: \(error)")
        }

        let integer = Int128(bitPattern: input.uint128()) >> Int128(input.byte() % 128)
        do {
            let text = PythonRepr.value(.int(integer))
            guard case .integer(let parsed) = try PythonLiteralParser.parse(text) else {
                invariantFailure("repr \(text) is not an integer literal")
            }
            invariant(parsed.exactInt128 == integer, "repr \(text) read back as \(String(describing: parsed.exactInt128))")
        } catch {
            invariantFailure("repr of \(integer) does not parse: \(error)")
        }

        checkBytesRepr(input.bytes(input.int(in: 0...64)))
        let text = String(decoding: input.rest(), as: UTF8.self)
        let quoted = PythonRepr.string(text)
        invariant(
            !quoted.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F },
            "str repr \(quoted) has a control character")
        _ = PythonRepr.tuple([.int(integer), .double(number), .bytes(Array(text.utf8.prefix(8))), .bool(true)])
    }

    /// `parse(repr(bytes)) == bytes`, and the repr is printable ASCII.
    static func checkBytesRepr(_ bytes: [UInt8]) {
        let repr = PythonRepr.bytes(bytes)
        invariant(repr.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }, "bytes repr \(repr) is not printable ASCII")
        do {
            let parsed = try PythonLiteralParser.parse(repr)
            invariant(parsed == .bytes(bytes), "bytes repr \(repr) read back as \(parsed)")
        } catch {
            invariantFailure("bytes repr \(repr) does not parse: \(error)")
        }
    }
}
