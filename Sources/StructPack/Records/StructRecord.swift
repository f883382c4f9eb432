/// A type whose stored fields are visited in format order: the body of a record, and what a
/// record can nest.
///
/// ```swift
/// struct Point: StructFieldGroup {
///     var x: Int32 = 0
///     var y: Int32 = 0
///
///     mutating func fields(_ field: inout some StructFields) throws(StructError) {
///         try field(&x); try field(&y)
///     }
/// }
/// ```
public protocol StructFieldGroup {
    /// A value to unpack into: every field at a placeholder value (the synthesized `init()`
    /// when every stored property has a default).
    init()

    /// Visits every field, in the order the format lists their values: one `try field(&x)` per
    /// field. The same declaration serves unpacking (the visitor assigns each field), packing
    /// (it reads each field) and the type check. It must visit the same fields in the same order
    /// every time; a record that does not is reported as a type mismatch, never read or written
    /// out of bounds.
    ///
    /// - Throws: whatever the visitor throws; rethrow it.
    mutating func fields(_ field: inout some StructFields) throws(StructError)
}

/// A Swift type with its own struct format: declare the format once and visit the fields in
/// order, and the type packs and unpacks itself with every typed operation, one checked pass per
/// record and no allocation (Benchmarks/ measures each operation against hand-written loads and
/// stores).
///
/// ```swift
/// struct Header: StructRecord {
///     static let layout = StructLayout<Header>("<IHHQd")    // checked against the fields once
///
///     var id: UInt32 = 0
///     var kind: Kind = .data                 // enum Kind: UInt16, StructConvertible
///     var flags: UInt16 = 0
///     var length: UInt64 = 0
///     var ratio: Double = 0
///
///     mutating func fields(_ field: inout some StructFields) throws(StructError) {
///         try field(&id); try field(&kind); try field(&flags); try field(&length); try field(&ratio)
///     }
/// }
///
/// let header = try Header(unpacking: bytes)                   // struct.unpack
/// let packed = try header.packed()                            // struct.pack
/// for header in try Header.iterUnpack(buffer) { … }           // struct.iter_unpack, in place
/// ```
///
/// The fields are checked against the format when ``layout`` is first used: each field's type
/// must hold every value of its code (``StructUnpackable``), and the fields must use up the
/// format's values exactly. A mismatch is ``StructError/Code/typeMismatch`` naming the value, its
/// code and the Swift type, thrown by every operation. The same type also works with any other
/// format whose values it matches: `try Struct(">IHHQd").unpack(bytes, as: Header.self)`.
public protocol StructRecord: StructFieldGroup, _StructDecoding, _StructEncoding where _Value == Self {
    /// The record's format, compiled and checked against ``StructFieldGroup/fields(_:)`` once:
    /// `static let layout = StructLayout<Self>("<IHHQd")`.
    static var layout: StructLayout<Self> { get }
}

extension StructRecord {
    /// Unpacks by assigning each field in turn.
    ///
    /// - Throws: the visitor's error.
    @inlinable @inline(__always)
    public static func _read<Visitor: StructFieldVisitor & ~Copyable>(_ visitor: inout Visitor) throws(StructError)
        -> Self
    {
        var record = Self()
        try record.fields(&visitor)
        return record
    }

    /// Packs by reading each field in turn.
    ///
    /// - Throws: the visitor's error.
    @inlinable @inline(__always)
    public static func _write<Visitor: StructFieldVisitor & ~Copyable>(_ value: Self, _ visitor: inout Visitor)
        throws(StructError)
    {
        var record = value
        try record.fields(&visitor)
    }

    /// Checks the fields' types.
    ///
    /// - Throws: the first mismatch.
    @inlinable
    public static func _visitTypes<Visitor: StructFieldVisitor & ~Copyable>(_ visitor: inout Visitor)
        throws(StructError)
    {
        var record = Self()
        try record.fields(&visitor)
    }

    /// Notes the fields' types for packing; records check them as for unpacking.
    ///
    /// - Throws: the first mismatch.
    @inlinable
    public static func _visitPackingTypes<Visitor: StructFieldVisitor & ~Copyable>(_ visitor: inout Visitor)
        throws(StructError)
    {
        var record = Self()
        try record.fields(&visitor)
    }

    /// The type's name, for messages.
    @inlinable
    public static var _typeName: String { "\(Self.self)" }

    /// Records are planned through their layout, not a signature.
    @inlinable
    public static var _signature: _LayoutSignature? { nil }

    /// A record's visits are user code: its direct paths check each value's bounds.
    @inlinable
    public static var _visitsAreFixed: Bool { false }
}
