/// A Swift type that can be packed into a format's value by the typed API: the element type of
/// typed tuples and record fields.
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
/// | a ``StructConvertible`` type | its representation | as its representation |
///
/// ```swift
/// let header = try Struct("!HI")
/// let bytes = try header.pack(UInt16(1), 300)     // [0x00, 0x01, 0x00, 0x00, 0x01, 0x2c]
/// ```
///
/// To add a type of your own, conform it to ``StructConvertible`` or implement ``pack(into:at:)``;
/// the underscored requirements have defaults.
public protocol StructPackable: _StructDirectCoding {
    /// Writes `self` into `slot` of `bytes`, or throws CPython's error for this value and code.
    ///
    /// - Throws: ``StructError`` such as `.integerOutOfRange` or `.notAnInteger`, or
    ///   `.bufferTooSmall` when the slot does not lie inside `bytes`.
    func pack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError)

    /// Writes `self` into `slot`, which the typed API has checked lies inside `bytes`. The
    /// default calls ``pack(into:at:)``.
    ///
    /// - Throws: as ``pack(into:at:)``.
    func _unsafePack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError)
}

extension StructPackable {
    /// Calls ``pack(into:at:)``: a type of yours writes with its own checked code.
    @inlinable
    public func _unsafePack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        try pack(into: &bytes, at: slot)
    }
}

/// A type that can be both packed and unpacked: what a record's fields (``StructRecord``) are.
public typealias StructElement = StructPackable & StructUnpackable
