/// Writes a record value by value through the format's fields, each with CPython's checks and
/// errors. With a ``limit`` and ``ignoresErrors`` it replays the values before a failure (see
/// ``_RecordEngine``), which is how a failed pack leaves exactly what CPython leaves.
@usableFromInline
struct _PlannedWriter: StructFieldVisitor, ~Copyable {
    @usableFromInline let buffer: UnsafeMutableRawBufferPointer
    @usableFromInline let base: Int
    @usableFromInline var cursor: _FieldCursor
    /// Values after this many are not written (the replay after a failure).
    @usableFromInline let limit: Int
    /// Whether a value's error is swallowed (the replay) rather than thrown.
    @usableFromInline let ignoresErrors: Bool
    /// Values announced so far, including any past the format's end.
    @usableFromInline var visited = 0

    @inlinable
    init(buffer: UnsafeMutableRawBufferPointer, base: Int, cursor: _FieldCursor, limit: Int = .max, ignoresErrors: Bool = false) {
        self.buffer = buffer
        self.base = base
        self.cursor = cursor
        self.limit = limit
        self.ignoresErrors = ignoresErrors
    }

    @inlinable
    mutating func _put<T: StructPackable>(_ value: T) throws(StructError) {
        let index = visited
        visited += 1
        guard let relative = cursor.next() else {
            if ignoresErrors { return }
            throw StructError.fieldsChangedMarker
        }
        guard index < limit else { return }
        let slot = relative.advanced(by: base)
        var bytes = buffer.mutableBytes
        do {
            // safe because the slot lies inside the record, which the caller checked lies inside
            // the buffer.
            try value._unsafePack(into: &bytes, at: slot)
        } catch {
            if ignoresErrors { return }
            throw error.located(valueIndex: index, byteOffset: slot.offset)
        }
    }

    @inlinable
    mutating func callAsFunction<T: StructPackable & StructUnpackable>(_ value: inout T) throws(StructError) {
        try _put(value)
    }

    @inlinable
    mutating func _visitRepeated<T: StructPackable & StructUnpackable>(_ values: inout [T]) throws(StructError) {
        if T.self == UInt8.self, let code = cursor.nextCode, code == .string || code == .pascalString,
            let bytes = values as? [UInt8]
        {
            try _put(bytes)
            return
        }
        let expected = cursor.remainingInItem
        guard values.count == expected || ignoresErrors else {
            throw StructError.itemCount("pack", expected: expected, got: values.count).located(
                valueIndex: visited, byteOffset: nil)
        }
        for value in values.prefix(expected) { try _put(value) }
    }

    @available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *)
    @inlinable
    mutating func callAsFunction<let count: Int, T: StructPackable & StructUnpackable>(
        _ values: inout InlineArray<count, T>
    ) throws(StructError) {
        for position in 0..<count { try _put(values[position]) }
    }

    @inlinable
    mutating func _next<T: StructUnpackable>(_ type: T.Type) throws(StructError) -> T {
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
