/// A type of yours stored as one of StructPack's element types and converted on the way in and
/// out: an enum over its raw value, an option set, a unit wrapper. Conversions that fail throw,
/// so an unknown raw value in the bytes is an error naming where it lies, never a wrong value.
///
/// A `RawRepresentable` type whose raw value is an element type needs nothing but the
/// conformance:
///
/// ```swift
/// enum MessageKind: UInt8, StructConvertible {
///     case query = 0x51, ready = 0x5A
/// }
/// struct Flags: OptionSet, StructConvertible {
///     let rawValue: UInt16
/// }
/// ```
///
/// Unpacking a byte that is no `MessageKind` throws ``StructError/Code/invalidValue``, e.g.
/// `value 0 of format '!BI' at byte offset 0: 7 is not a valid MessageKind`. A converted type
/// moves as fast as its representation: one load or store, plus the conversion.
public protocol StructConvertible: StructPackable, StructUnpackable {
    /// The element type the value is stored as.
    associatedtype StructRepresentation: StructPackable & StructUnpackable

    /// The value for a representation read from the bytes.
    ///
    /// - Throws: ``StructError/Code/invalidValue`` (see ``StructError/invalidValue(_:of:)``) when
    ///   `structRepresentation` stands for no value.
    init(structRepresentation: StructRepresentation) throws(StructError)

    /// The representation to write.
    var structRepresentation: StructRepresentation { get }
}

extension StructConvertible {
    /// What the representation accepts.
    @inlinable @inline(__always)
    public static func canUnpack(_ code: FormatCode, size: Int) -> Bool {
        StructRepresentation.canUnpack(code, size: size)
    }

    /// Reads the representation and converts it.
    ///
    /// - Throws: as the representation's `unpack(from:at:)`, or the conversion's error.
    @inlinable
    public static func unpack(from bytes: RawSpan, at slot: ValueSlot) throws(StructError) -> Self {
        try Self(structRepresentation: StructRepresentation.unpack(from: bytes, at: slot))
    }

    /// Reads the representation unchecked and converts it.
    ///
    /// - Throws: the conversion's error.
    @inlinable @inline(__always)
    public static func _unsafeUnpack(from bytes: RawSpan, at slot: ValueSlot, owner: ArraySlice<UInt8>?)
        throws(StructError) -> Self
    {
        try Self(structRepresentation: StructRepresentation._unsafeUnpack(from: bytes, at: slot, owner: owner))
    }

    /// Packs the representation.
    ///
    /// - Throws: as the representation's `pack(into:at:)`.
    @inlinable
    public func pack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        try structRepresentation.pack(into: &bytes, at: slot)
    }

    /// Packs the representation unchecked.
    ///
    /// - Throws: as the representation's `pack(into:at:)`.
    @inlinable @inline(__always)
    public func _unsafePack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        try structRepresentation._unsafePack(into: &bytes, at: slot)
    }

    /// The representation's direct layout.
    @inlinable @inline(__always)
    public static var _directLayout: _DirectLayout { StructRepresentation._directLayout }

    /// Loads the representation and converts it.
    ///
    /// - Throws: the conversion's error.
    @inlinable @inline(__always)
    public static func _unsafeLoad(from source: UnsafeRawPointer, swapsBytes: Bool) throws(StructError) -> Self {
        try Self(structRepresentation: StructRepresentation._unsafeLoad(from: source, swapsBytes: swapsBytes))
    }

    /// Stores the representation.
    @inlinable @inline(__always)
    public func _unsafeStore(to target: UnsafeMutableRawPointer, swapsBytes: Bool) {
        structRepresentation._unsafeStore(to: target, swapsBytes: swapsBytes)
    }

    /// Loads the representation's byte string and converts it.
    ///
    /// - Throws: the conversion's error.
    @inlinable @inline(__always)
    public static func _unsafeLoadBytes(
        from source: UnsafeRawPointer, size: Int, isPascal: Bool, position: Int, owner: ArraySlice<UInt8>?
    ) throws(StructError) -> Self {
        try Self(
            structRepresentation: StructRepresentation._unsafeLoadBytes(
                from: source, size: size, isPascal: isPascal, position: position, owner: owner))
    }

    /// Stores the representation's byte string.
    @inlinable @inline(__always)
    public func _unsafeStoreBytes(to target: UnsafeMutableRawPointer, size: Int, isPascal: Bool) {
        structRepresentation._unsafeStoreBytes(to: target, size: size, isPascal: isPascal)
    }
}

extension StructConvertible where Self: RawRepresentable, RawValue: StructPackable & StructUnpackable {
    /// The case (or value) with this raw value.
    ///
    /// - Throws: ``StructError/Code/invalidValue`` when no case has it.
    @inlinable
    public init(structRepresentation: RawValue) throws(StructError) {
        guard let value = Self(rawValue: structRepresentation) else {
            throw StructError.invalidValue("\(structRepresentation)", of: "\(Self.self)")
        }
        self = value
    }

    /// The raw value.
    @inlinable
    public var structRepresentation: RawValue { rawValue }
}
