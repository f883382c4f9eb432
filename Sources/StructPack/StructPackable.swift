/// A Swift type that can be packed into a format's value slot by the typed API.
///
/// Each conforming type follows the Python type it stands for, with CPython's errors:
///
/// | Swift type | Behaves as | Accepted by |
/// |------------|------------|-------------|
/// | `Int`, `UInt8`, …, `Int128`, `UInt128` | `int` | integer codes (range-checked), `e f d`, `?` |
/// | `Bool` | `bool` | integer codes, `e f d`, `?` |
/// | `Double`, `Float`, `Float16` | `float` | `e f d`, `?` |
/// | `[UInt8]`, `ArraySlice<UInt8>` | `bytes` | `s`, `p`, `c` (length 1), `?` |
/// | ``StructValue`` | its case | as its case |
///
/// ```swift
/// let header = try Struct("!HI")
/// let bytes = try header.pack(UInt16(1), 300)     // [0x00, 0x01, 0x00, 0x00, 0x01, 0x2c]
/// ```
public protocol StructPackable {
    /// Writes `self` into `slot` of `bytes`, or throws CPython's error for this value and code.
    ///
    /// - Parameters:
    ///   - bytes: The destination; `slot.offset..<slot.offset + slot.size` lies inside it.
    ///   - slot: Where and how to write.
    /// - Throws: ``StructError`` such as `.integerOutOfRange` or `.notAnInteger`.
    func pack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError)
}
