/// What a record's ``StructFieldGroup/fields(_:)`` is given: call it once per field, in format
/// order, with the field's address (`try field(&id)`). StructPack's visitors read the value into
/// the field when unpacking, write it when packing, and check its type against the format once,
/// when the record is prepared.
///
/// You never implement a visitor or name its type: write the parameter as
/// `inout some StructFields` (``StructFields`` is `StructFieldVisitor & ~Copyable`). Visitors are
/// non-copyable, so they cannot outlive the call.
///
/// What one call consumes:
/// - a single element (`UInt32`, `Bool`, a ``StructConvertible`` enum, `[UInt8]` for `s`/`p`/`c`):
///   one value;
/// - an array `[T]`: every remaining value of the current format item (all of `4H`), each as `T`;
///   `[UInt8]` at an `s` or `p` item is that string's bytes;
/// - an `InlineArray<n, T>`: the next `n` values, each as `T`;
/// - a nested ``StructFieldGroup``: its own fields, in order.
public protocol StructFieldVisitor: ~Copyable {
    /// Reads, writes or checks one field that holds one value.
    ///
    /// - Throws: ``StructError``: the value's pack error, an unpacked converted value's
    ///   ``StructError/Code/invalidValue``, or a type mismatch found by the check.
    mutating func callAsFunction<T: StructPackable & StructUnpackable>(_ value: inout T) throws(StructError)

    /// Reads, writes or checks one field that holds the rest of a repeated format item: what
    /// `field(&array)` calls.
    ///
    /// - Throws: as for a single value; packing an array whose count differs from the item's
    ///   throws ``StructError/Code/itemCount``.
    mutating func _visitRepeated<T: StructPackable & StructUnpackable>(_ values: inout [T]) throws(StructError)

    /// Reads, writes or checks `count` consecutive values.
    ///
    /// - Throws: as for a single value.
    @available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *)
    mutating func callAsFunction<let count: Int, T: StructPackable & StructUnpackable>(
        _ values: inout InlineArray<count, T>
    ) throws(StructError)

    /// Reads the next value as `T`: how typed tuples read, element by element.
    ///
    /// - Throws: as for a single value.
    mutating func _next<T: StructUnpackable>(_ type: T.Type) throws(StructError) -> T

    /// Writes the next value: how typed tuples write, element by element.
    ///
    /// - Throws: as for a single value.
    mutating func _put<T: StructPackable>(_ value: T) throws(StructError)

    /// Checks that the next value can be unpacked as `T`, without reading: how a tuple's types
    /// are checked.
    ///
    /// - Throws: the type mismatch.
    mutating func _expect<T: StructUnpackable>(_ type: T.Type) throws(StructError)

    /// Notes that the next value will be packed from a `T`: how a tuple is planned for packing.
    ///
    /// - Throws: when the format has no next value.
    mutating func _expectPacking<T: StructPackable>(_ type: T.Type) throws(StructError)
}

/// The parameter type of ``StructFieldGroup/fields(_:)``: `inout some StructFields`.
public typealias StructFields = StructFieldVisitor & ~Copyable

extension StructFieldVisitor where Self: ~Copyable {
    /// Reads, writes or checks one field that holds the rest of a repeated format item (`4H`
    /// into `[UInt16]`); `[UInt8]` at an `s` or `p` item is that string's bytes.
    ///
    /// - Throws: as for a single value; packing an array whose count differs from the item's
    ///   throws ``StructError/Code/itemCount``.
    @inlinable @inline(__always)
    public mutating func callAsFunction<T: StructPackable & StructUnpackable>(_ values: inout [T]) throws(StructError) {
        try _visitRepeated(&values)
    }

    /// Reads, writes or checks a nested group of fields: its fields, in order, at this point of
    /// the format.
    ///
    /// - Throws: as its fields' visits.
    @inlinable @inline(__always)
    public mutating func callAsFunction<Group: StructFieldGroup>(_ group: inout Group) throws(StructError) {
        try group.fields(&self)
    }
}
