/// A Swift type that a format's value can be unpacked into: the element type of typed tuples and
/// record fields.
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
/// | `[UInt8]` | `s p c` (a copy of the bytes) |
/// | `ArraySlice<UInt8>` | `s p c` (a view of an array's bytes: no copy when unpacking from `[UInt8]` or `ArraySlice<UInt8>`) |
/// | ``StructValue`` | every code |
/// | a ``StructConvertible`` type (your enums, option sets) | what its representation accepts |
///
/// A mismatch is reported before anything is read, as ``StructError/Code/typeMismatch``.
///
/// To add a type of your own, conform it to ``StructConvertible`` (a conversion from a type above)
/// or implement the two requirements here; the underscored requirements have defaults.
public protocol StructUnpackable: _StructDirectCoding {
    /// Whether every value of `code` stored in `size` bytes can be represented by `Self`.
    static func canUnpack(_ code: FormatCode, size: Int) -> Bool

    /// Reads the value in `slot` of `bytes`.
    ///
    /// - Throws: ``StructError`` when the slot does not lie inside `bytes` or `Self` cannot hold
    ///   the slot's code (StructPack's own types), or when the bytes are not a valid `Self`
    ///   (``StructError/Code/invalidValue``).
    static func unpack(from bytes: RawSpan, at slot: ValueSlot) throws(StructError) -> Self

    /// Reads the value in `slot`, which the typed API has checked lies inside `bytes` and holds
    /// a code ``canUnpack(_:size:)`` accepts. `owner` is the array the bytes belong to, when
    /// there is one (views use it to share the storage). The default calls
    /// ``unpack(from:at:)``.
    ///
    /// - Throws: as ``unpack(from:at:)``.
    static func _unsafeUnpack(from bytes: RawSpan, at slot: ValueSlot, owner: ArraySlice<UInt8>?) throws(StructError)
        -> Self
}

extension StructUnpackable {
    /// Calls ``unpack(from:at:)``: a type of yours reads with its own checked code.
    @inlinable
    public static func _unsafeUnpack(from bytes: RawSpan, at slot: ValueSlot, owner: ArraySlice<UInt8>?)
        throws(StructError) -> Self
    {
        try unpack(from: bytes, at: slot)
    }

    /// Checks what StructPack's own `unpack(from:at:)` implementations require before they read
    /// unchecked: the slot lies inside `bytes` and `Self` can hold its code.
    ///
    /// - Throws: `.bufferTooSmall` or `.typeMismatch`.
    @inlinable
    static func checkUnpacking(from bytes: RawSpan, at slot: ValueSlot) throws(StructError) {
        guard slot.lies(inside: bytes.byteCount) else { throw StructError.slotOutside(slot, byteCount: bytes.byteCount) }
        guard canUnpack(slot.code, size: slot.size) else {
            throw StructError.slotTypeMismatch(slot, typeName: "\(Self.self)")
        }
    }
}
