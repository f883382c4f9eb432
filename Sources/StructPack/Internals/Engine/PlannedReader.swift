/// Reads a record value by value through the format's fields (``_FieldCursor``), with each
/// type's conversions and its check: strings, arrays, padding, narrower codes, converted types.
@usableFromInline
struct _PlannedReader: StructFieldVisitor, ~Copyable {
    /// The whole buffer (slots are made absolute by ``base``).
    @usableFromInline let buffer: UnsafeRawBufferPointer
    @usableFromInline let base: Int
    @usableFromInline var cursor: _FieldCursor
    /// The array the buffer belongs to, when there is one (views share it), through a pointer to
    /// the caller's borrowed value, as ``_DirectReader`` holds it: a view is then made from the
    /// caller's owner, and needs no retain where the caller's loop drops it.
    @usableFromInline let owner: UnsafePointer<ArraySlice<UInt8>?>

    @inlinable @inline(__always)
    init(buffer: UnsafeRawBufferPointer, base: Int, cursor: _FieldCursor, owner: UnsafePointer<ArraySlice<UInt8>?>) {
        self.buffer = buffer
        self.base = base
        self.cursor = cursor
        self.owner = owner
    }

    /// The number of values read so far.
    @inlinable
    var index: Int { cursor.valueIndex }

    @inlinable @inline(__always)
    mutating func _next<T: StructUnpackable>(_ type: T.Type) throws(StructError) -> T {
        let index = cursor.valueIndex
        guard let relative = cursor.next() else { throw StructError.fieldsChangedMarker }
        guard T.canUnpack(relative.code, size: relative.size) else { throw StructError.fieldsChangedMarker }
        let slot = relative.advanced(by: base)
        do {
            // safe because the slot lies inside the record, which the caller checked lies inside
            // the buffer, and T accepts its code.
            return try T._unsafeUnpack(from: buffer.bytes, at: slot, owner: owner.pointee)
        } catch {
            throw error.located(valueIndex: index, byteOffset: slot.offset)
        }
    }

    @inlinable @inline(__always)
    mutating func callAsFunction<T: StructPackable & StructUnpackable>(_ value: inout T) throws(StructError) {
        value = try _next(T.self)
    }

    @inlinable
    mutating func _visitRepeated<T: StructPackable & StructUnpackable>(_ values: inout [T]) throws(StructError) {
        if T.self == UInt8.self, let code = cursor.nextCode, code == .string || code == .pascalString {
            guard let bytes = try _next([UInt8].self) as? [T] else { throw StructError.fieldsChangedMarker }
            values = bytes
            return
        }
        let count = cursor.remainingInItem
        var result: [T] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try _next(T.self)) }
        values = result
    }

    @available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *)
    @inlinable
    mutating func callAsFunction<let count: Int, T: StructPackable & StructUnpackable>(
        _ values: inout InlineArray<count, T>
    ) throws(StructError) {
        for position in 0..<count { values[position] = try _next(T.self) }
    }

    @inlinable
    mutating func _put<T: StructPackable>(_ value: T) throws(StructError) {
        throw StructError.fieldsChangedMarker
    }

    @inlinable
    mutating func _expect<T: StructUnpackable>(_ type: T.Type) throws(StructError) {
        throw StructError.fieldsChangedMarker
    }

    @inlinable
    mutating func _expectPacking<T: StructPackable>(_ type: T.Type) throws(StructError) {
        throw StructError.fieldsChangedMarker
    }
}
