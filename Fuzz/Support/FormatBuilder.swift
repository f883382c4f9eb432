import StructPack

/// Builds a valid format from fuzzer bytes: a prefix, then items drawn from the dictionary of
/// codes, counts and separators, so every input exercises packing and unpacking rather than
/// the parser's error paths (FuzzFormat covers those).
///
/// ```
///  byte 0: prefix (none @ = < > !)   byte 1: number of items
///  per item: code byte, count byte (+ a byte for long string counts), separator bit
/// ```
enum FormatBuilder {
    /// The prefixes, none first.
    static let prefixes = ["", "@", "=", "<", ">", "!"]
    /// Every code; native-only codes are replaced under a standard prefix.
    static let codes = Array("xcbB?hHiIlLqQnNefdspP".utf8)
    /// Codes that exist under every prefix.
    static let standardCodes = Array("xcbB?hHiIlLqQefdsp".utf8)

    /// A format of at most `maximumItems` items.
    ///
    /// Numeric codes get counts up to 16, `s`, `p` and `x` up to 300 (so `p` meets its 255-byte
    /// length clamp), which keeps records small enough for millions of executions.
    static func build(_ input: inout FuzzInput, maximumItems: Int) -> String {
        let prefix = input.pick(prefixes)
        let native = prefix.isEmpty || prefix == "@"
        let itemCount = input.int(in: 0...maximumItems)
        var text = prefix
        for _ in 0..<itemCount {
            let codeByte = input.byte()
            let code = native ? codes[Int(codeByte) % codes.count] : standardCodes[Int(codeByte) % standardCodes.count]
            let isBytes = code == UInt8(ascii: "s") || code == UInt8(ascii: "p") || code == UInt8(ascii: "x")
            let countByte = input.byte()
            switch countByte % 8 {
            case 0, 1, 2: break  // no count: 1
            case 3: text += "0"
            case 4: text += String(1 + Int(countByte >> 3) % 4)
            case 5: text += "0" + String(Int(countByte >> 3) % 10)  // a leading zero: "02i"
            case 6: text += String(Int(countByte >> 3) % 17)
            default: text += String(isBytes ? Int(input.byte()) + Int(countByte >> 3) % 46 : 1 + Int(countByte >> 3) % 8)
            }
            text.unicodeScalars.append(Unicode.Scalar(code))
            if codeByte & 0x80 != 0 { text += input.pick([" ", "\t", "\n", "\u{0B}", "\u{0C}", "\r"]) }
        }
        return text
    }
}
