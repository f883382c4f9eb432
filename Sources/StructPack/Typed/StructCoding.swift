/// How the typed API reads one shape of value: a user's ``StructRecord``, or a tuple through a
/// generated adapter. Machinery: you never implement or name it.
public protocol _StructDecoding {
    /// What an unpack returns: the record, or the tuple.
    associatedtype _Value

    /// Reads the value, one `visitor._next` (tuples) or field visit (records) per value.
    ///
    /// - Throws: the visitor's error.
    static func _read<Visitor: StructFieldVisitor & ~Copyable>(_ visitor: inout Visitor) throws(StructError) -> _Value

    /// Announces every value's type to a checking visitor (`visitor._expect`).
    ///
    /// - Throws: the first mismatch.
    static func _visitTypes<Visitor: StructFieldVisitor & ~Copyable>(_ visitor: inout Visitor) throws(StructError)

    /// The shape's name for messages, such as `Header` or `(UInt32, Double)`.
    static var _typeName: String { get }

    /// The direct layouts of a tuple's elements (a compile-time constant), or `nil` for a record.
    static var _signature: _LayoutSignature? { get }

    /// Whether the values visited are fixed by the type (tuples: generated code) rather than by
    /// user code (records), so that a checked plan needs no per-value bounds check.
    static var _visitsAreFixed: Bool { get }
}

/// How the typed API writes one shape of value; see ``_StructDecoding``.
public protocol _StructEncoding {
    /// What a pack takes: the record, or the tuple.
    associatedtype _Value

    /// Writes the value, one `visitor._put` (tuples) or field visit (records) per value.
    ///
    /// - Throws: the visitor's error: the first value's pack error.
    static func _write<Visitor: StructFieldVisitor & ~Copyable>(_ value: _Value, _ visitor: inout Visitor)
        throws(StructError)

    /// Announces every value's type to a planning visitor (`visitor._expectPacking`).
    ///
    /// - Throws: when the count does not match.
    static func _visitPackingTypes<Visitor: StructFieldVisitor & ~Copyable>(_ visitor: inout Visitor) throws(StructError)

    /// The shape's name for messages.
    static var _typeName: String { get }

    /// The direct layouts of a tuple's elements, or `nil` for a record.
    static var _signature: _LayoutSignature? { get }

    /// Whether the values visited are fixed by the type; see ``_StructDecoding/_visitsAreFixed``.
    static var _visitsAreFixed: Bool { get }
}
