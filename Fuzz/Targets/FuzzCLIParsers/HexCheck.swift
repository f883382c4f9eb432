import StreamFramer
import StructPackCLICore

/// Checks of `HexDecoder` (`bytes.fromhex`), `HexEncoder` and `Framing.bytes(fromHex:)`.
enum HexCheck {
    /// Decodes arbitrary text.
    static func decode(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        let digits = scalars.filter { $0.isASCII && $0.properties.isASCIIHexDigit }.count
        do {
            let bytes = try HexDecoder.decode(text)
            invariant(bytes.count * 2 == digits, "'\(text)': \(bytes.count) bytes from \(digits) digits")
            let encoded = HexEncoder.encode(bytes)
            invariant(
                encoded == String(String.UnicodeScalarView(scalars.filter { $0.properties.isASCIIHexDigit })).lowercased(),
                "'\(text)' re-encodes as \(encoded)")
            invariant((try? HexDecoder.decode(encoded)) == bytes, "'\(encoded)' does not decode back")
        } catch {
            invariant(error.position >= 0 && error.position <= scalars.count, "'\(text)': error at \(error.position)")
            if let found = error.found {
                invariant(error.position < scalars.count && scalars[error.position] == found, "'\(text)': \(error)")
            } else {
                invariant(error.position == scalars.count && digits % 2 == 1, "'\(text)': \(error)")
            }
            invariant(!error.description.contains("\n"), "hex error is not one line: \(error)")
        }
        checkFramingHex(text)
    }

    /// The frames command's hex: no whitespace, an optional `0x`. Where neither is involved it
    /// must agree with `bytes.fromhex`; it never traps.
    static func checkFramingHex(_ text: String) {
        let strict = try? Framing.bytes(fromHex: text)
        let hasPrefix = text.hasPrefix("0x") || text.hasPrefix("0X")
        let plain = !hasPrefix && !text.unicodeScalars.contains { $0.isASCII && $0.properties.isWhitespace }
        guard plain else { return }
        let loose = try? HexDecoder.decode(text)
        invariant(strict == loose, "'\(text)': frames hex \(String(describing: strict)), fromhex \(String(describing: loose))")
    }

    /// Bytes encode to hex that decodes back, with whitespace between pairs.
    static func encodeRoundTrip(_ bytes: [UInt8], spacing: UInt8) {
        let encoded = HexEncoder.encode(bytes)
        invariant(encoded.utf8.count == 2 * bytes.count, "hex of \(bytes.count) bytes is \(encoded.utf8.count) digits")
        let separators = [" ", "\t", "\n", "\u{0B}", "\u{0C}", "\r", "  "]
        var spaced = ""
        for (index, pair) in stride(from: 0, to: encoded.utf8.count, by: 2).enumerated() {
            let start = encoded.utf8.index(encoded.startIndex, offsetBy: pair)
            let end = encoded.utf8.index(start, offsetBy: 2)
            if index > 0 && (Int(spacing) + index) % 3 == 0 { spaced += separators[(Int(spacing) + index) % separators.count] }
            spaced += encoded[start..<end].uppercased()
        }
        invariant((try? HexDecoder.decode(spaced)) == bytes, "'\(spaced)' does not decode to \(hex(bytes))")
        invariant((try? Framing.bytes(fromHex: encoded)) == bytes, "frames hex '\(encoded)' does not decode")
        invariant((try? Framing.bytes(fromHex: "0x" + encoded)) == bytes, "frames hex '0x\(encoded)' does not decode")
    }
}
