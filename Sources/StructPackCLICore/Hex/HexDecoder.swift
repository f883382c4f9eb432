/// Decodes `HEX` arguments as Python's `bytes.fromhex` does: pairs of hexadecimal digits (either
/// case), with ASCII whitespace allowed between pairs but not inside one.
public enum HexDecoder {
    /// Decodes hex text.
    ///
    /// - Parameter text: Text such as `"01 00 00 00 0200"`; several `HEX` arguments are joined
    ///   with single spaces before decoding.
    /// - Returns: The bytes.
    /// - Throws: ``HexError`` at the first position where a digit was expected, counted in
    ///   characters as Python counts them.
    /// - Complexity: O(*n*) in the length of `text`.
    public static func decode(_ text: String) throws(HexError) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count / 2)
        var high: UInt8?
        for (position, scalar) in text.unicodeScalars.enumerated() {
            let digit = scalar.isASCII ? PythonLiteralParser.digitValue(UInt8(scalar.value), radix: 16) : nil
            if let pending = high {
                guard let digit else { throw HexError(position: position, found: scalar) }
                result.append(pending << 4 | digit)
                high = nil
            } else if let digit {
                high = digit
            } else if !(scalar.isASCII && PythonLiteralParser.isWhitespace(UInt8(scalar.value))) {
                throw HexError(position: position, found: scalar)
            }
        }
        if high != nil { throw HexError(position: text.unicodeScalars.count, found: nil) }
        return result
    }
}

/// Where hex text stops being hex: the position (in characters) where a digit was expected.
public struct HexError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The position in characters, counting from 0, as Python's `fromhex` error counts it.
    public let position: Int
    /// The character found there, or `nil` at the end of the text (an odd number of digits).
    public let found: Unicode.Scalar?

    /// Creates an error.
    public init(position: Int, found: Unicode.Scalar?) {
        self.position = position
        self.found = found
    }

    /// `expected a hexadecimal digit at position 3, found 'z'`, or `… found end of input (odd
    /// number of digits)`.
    public var description: String {
        let what: String
        if let found {
            what = PythonRepr.string(String(Character(found)))
        } else {
            what = "end of input (odd number of digits)"
        }
        return "expected a hexadecimal digit at position \(position), found \(what)"
    }
}
