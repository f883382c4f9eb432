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

    /// The kind and size of value into which every value of `Self` stores as exactly its own
    /// bits, so ``packDirectly(into:at:swapsBytes:)`` cannot fail. The default is `nil` (no
    /// direct path).
    static var directPackLayout: DirectLayout? { get }

    /// Writes `self` as a value of ``directPackLayout`` at `offset`, with no checks. Types with a
    /// layout must implement it; the default (never called for a type without one) writes
    /// nothing.
    func packDirectly(into bytes: inout MutableRawSpan, at offset: Int, swapsBytes: Bool)
}

extension StructPackable {
    /// `nil`: no direct path unless a type provides one.
    @inlinable @inline(__always)
    public static var directPackLayout: DirectLayout? { nil }

    /// The size of ``directPackLayout``, or 0.
    @inlinable @inline(__always)
    public static var directPackSize: Int { directPackLayout?.size ?? 0 }

    /// Whether `Self` stores into `code` in `size` bytes with ``packDirectly(into:at:swapsBytes:)``.
    @inlinable @inline(__always)
    public static func canPackDirectly(_ code: FormatCode, size: Int) -> Bool {
        directPackLayout?.matches(code, size: size) ?? false
    }

    /// Unreachable for types without a direct path; writes nothing.
    @inlinable @inline(__always)
    public func packDirectly(into bytes: inout MutableRawSpan, at offset: Int, swapsBytes: Bool) {}
}
