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

    /// The kind and size of value that holds exactly `Self`'s bits, which
    /// ``unpackDirectly(from:at:swapsBytes:)`` reads with one load; must be accepted by
    /// ``canUnpack(_:size:)``. The default is `nil` (no direct path).
    static var directUnpackLayout: DirectLayout? { get }

    /// Reads a value of ``directUnpackLayout`` at `offset`, with no checks. Types with a layout
    /// must implement it; the default (never called for a type without one) reads one byte
    /// through ``unpack(from:at:)``.
    static func unpackDirectly(from bytes: RawSpan, at offset: Int, swapsBytes: Bool) -> Self
}

extension StructUnpackable {
    /// `nil`: no direct path unless a type provides one.
    @inlinable @inline(__always)
    public static var directUnpackLayout: DirectLayout? { nil }

    /// The size of ``directUnpackLayout``, or 0.
    @inlinable @inline(__always)
    public static var directUnpackSize: Int { directUnpackLayout?.size ?? 0 }

    /// Whether a value of `code` in `size` bytes can be read with ``unpackDirectly(from:at:swapsBytes:)``.
    @inlinable @inline(__always)
    public static func canUnpackDirectly(_ code: FormatCode, size: Int) -> Bool {
        directUnpackLayout?.matches(code, size: size) ?? false
    }

    /// Unreachable for types without a direct path; reads one byte through ``unpack(from:at:)``.
    @inlinable @inline(__always)
    public static func unpackDirectly(from bytes: RawSpan, at offset: Int, swapsBytes: Bool) -> Self {
        unpack(from: bytes, at: ValueSlot(code: .unsignedChar, offset: offset, size: 1, byteOrder: .native, swapsBytes: false))
    }
}
