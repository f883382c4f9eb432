/// A Swift type that a format's value can be unpacked into by the typed API.
///
/// A type accepts a code only when it can hold every value the code can produce, so a typed
/// unpack never truncates:
///
/// | Swift type | Accepts |
/// |------------|---------|
/// | fixed-width integers | integer codes whose whole range fits (`H` into `UInt16`, `Int32`, `Int`, …); `c` into unsigned types and types wider than 8 bits |
/// | `Bool` | `?` |
/// | `Double` | `e f d` |
/// | `Float` | `e f` |
/// | `Float16` | `e` |
/// | `[UInt8]` | `s p c` (allocates the array) |
/// | ``StructValue`` | every code |
///
/// A mismatch is reported before anything is read, as ``StructError/Code/typeMismatch``.
public protocol StructUnpackable {
    /// Whether every value of `code` stored in `size` bytes can be represented by `Self`.
    static func canUnpack(_ code: FormatCode, size: Int) -> Bool

    /// Reads the value in `slot`; called only when ``canUnpack(_:size:)`` returned `true` for
    /// the slot's code and size.
    ///
    /// - Parameters:
    ///   - bytes: The source; `slot.offset..<slot.offset + slot.size` lies inside it.
    ///   - slot: Where and how to read.
    static func unpack(from bytes: RawSpan, at slot: ValueSlot) -> Self

    /// Whether a value of `code` stored in `size` bytes holds exactly `Self`'s bits, so that
    /// ``unpackDirectly(from:at:)`` may read it with one load. Must imply
    /// ``canUnpack(_:size:)``. The default is `false`.
    static func canUnpackDirectly(_ code: FormatCode, size: Int) -> Bool

    /// Reads a value at `offset` for which ``canUnpackDirectly(_:size:)`` returned `true`, with
    /// no checks. Types that return `true` must implement it; the default (never called for a
    /// type whose ``canUnpackDirectly(_:size:)`` is always `false`) reads one byte through
    /// ``unpack(from:at:)``.
    static func unpackDirectly(from bytes: RawSpan, at offset: Int, swapsBytes: Bool) -> Self
}

extension StructUnpackable {
    /// `false`: no direct path unless a type provides one.
    @inlinable @inline(__always)
    public static func canUnpackDirectly(_ code: FormatCode, size: Int) -> Bool {
        false
    }

    /// Unreachable for types without a direct path; reads one byte through ``unpack(from:at:)``.
    @inlinable @inline(__always)
    public static func unpackDirectly(from bytes: RawSpan, at offset: Int, swapsBytes: Bool) -> Self {
        unpack(from: bytes, at: ValueSlot(code: .unsignedChar, offset: offset, size: 1, byteOrder: .native, swapsBytes: false))
    }
}
