/// Unsigned LEB128 ("varint"), as protobuf writes lengths in delimited streams: 7 bits a byte,
/// least significant group first, high bit set on every byte but the last.
///
/// ```
///  300 = 0b10_0101100  ->  +----------+----------+
///                          | 1 0101100| 0 0000010|   = ac 02
///                          +----------+----------+
/// ```
public enum Varint {
    /// The most bytes a 64-bit varint takes.
    public static let maximumByteCount = 10

    /// The number of bytes `value` takes: 1 for 0...127, up to 10.
    @inlinable
    public static func byteCount(of value: UInt64) -> Int {
        let bits = 64 - value.leadingZeroBitCount
        return bits == 0 ? 1 : (bits + 6) / 7
    }

    /// Writes the minimal encoding of `value` into `destination` (at least ``byteCount(of:)``
    /// bytes) and returns the number of bytes written, or `nil` if `destination` is too small
    /// (nothing is written then).
    @inlinable
    public static func encode(_ value: UInt64, into destination: UnsafeMutableRawBufferPointer) -> Int? {
        let count = byteCount(of: value)
        guard destination.count >= count else { return nil }
        var remaining = value
        for index in 0..<count {
            let group = UInt8(truncatingIfNeeded: remaining & 0x7F)
            remaining >>= 7
            destination[index] = index == count - 1 ? group : group | 0x80
        }
        return count
    }

    /// The minimal encoding of `value`.
    public static func encode(_ value: UInt64) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: byteCount(of: value))
        _ = bytes.withUnsafeMutableBytes { encode(value, into: $0) }
        return bytes
    }

    /// The outcome of reading a varint from the start of some bytes.
    public enum Decoded: Sendable, Hashable {
        /// A complete varint: its value and its length in bytes.
        case value(UInt64, byteCount: Int)
        /// The bytes end before the varint does (and it is still valid so far).
        case incomplete
    }

    /// Reads a varint from the start of `bytes`.
    ///
    /// - Parameters:
    ///   - bytes: The bytes, starting with the varint.
    ///   - allowsNonMinimal: Whether to accept encodings longer than needed (a final `0x00`
    ///     group after others), as protobuf's parsers do.
    /// - Throws: ``FramingError/Code/overlongVarint`` for more than 10 bytes or a non-minimal
    ///   encoding; ``FramingError/Code/varintOverflow`` for a value of 2^64 or more.
    @inlinable
    public static func decode(_ bytes: UnsafeRawBufferPointer, allowsNonMinimal: Bool = false) throws(FramingError)
        -> Decoded
    {
        var value: UInt64 = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let group = UInt64(byte & 0x7F)
            if index == maximumByteCount - 1 {
                // The tenth byte holds bit 63 only.
                if byte & 0x80 != 0 { throw .varintTooManyBytes() }
                if group > 1 { throw .varintOverflow() }
            }
            value |= group << UInt64(7 * index)
            index += 1
            if byte & 0x80 == 0 {
                if byte == 0 && index > 1 && !allowsNonMinimal {
                    throw .varintNonMinimal(byteCount: index, value: value)
                }
                return .value(value, byteCount: index)
            }
        }
        return .incomplete
    }
}
