/// Lowercase hexadecimal without separators, as Python's `bytes.hex()` writes it.
public enum HexEncoder {
    private static let digits = Array("0123456789abcdef".utf8)

    /// The hex text of `bytes`, such as `"0100ff"`.
    ///
    /// - Complexity: O(*n*).
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: encodedUTF8(bytes), as: UTF8.self)
    }

    /// The hex text of `bytes` as UTF-8, ready to write.
    ///
    /// - Complexity: O(*n*).
    public static func encodedUTF8(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            result.append(digits[Int(byte >> 4)])
            result.append(digits[Int(byte & 0x0F)])
        }
        return result
    }
}
