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

    /// Whether `self`'s type stores into `code` in `size` bytes as exactly its own bits, for every
    /// value, so that ``packDirectly(into:at:)`` cannot fail. The default is `false`.
    static func canPackDirectly(_ code: FormatCode, size: Int) -> Bool

    /// Writes `self` at `offset` of a slot for which ``canPackDirectly(_:size:)`` returned `true`,
    /// with no checks. Types that return `true` must implement it; the default (never called for
    /// a type whose ``canPackDirectly(_:size:)`` is always `false`) writes nothing.
    func packDirectly(into bytes: inout MutableRawSpan, at offset: Int, swapsBytes: Bool)
}

extension StructPackable {
    /// `false`: no direct path unless a type provides one.
    @inlinable @inline(__always)
    public static func canPackDirectly(_ code: FormatCode, size: Int) -> Bool {
        false
    }

    /// Unreachable for types without a direct path; writes nothing.
    @inlinable @inline(__always)
    public func packDirectly(into bytes: inout MutableRawSpan, at offset: Int, swapsBytes: Bool) {}
}
