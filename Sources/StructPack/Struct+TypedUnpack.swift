// The typed unpack API: values come back as a tuple of Swift types, checked against the
// format once per call, with no heap allocation.

extension Struct {
    /// Unpacks exactly ``size`` bytes into a tuple of Swift types.
    ///
    /// ```swift
    /// let header = try Struct("<IHd")
    /// let (magic, version, time) = try header.unpack(bytes, as: (UInt32, UInt16, Double).self)
    /// ```
    ///
    /// Each type must be able to hold every value of its code (see ``StructUnpackable``); `x`
    /// pad bytes take no type.
    ///
    /// - Throws: `.wrongBufferSize` (`unpack requires a buffer of N bytes`), or
    ///   `.typeMismatch` when the types do not match the format's values.
    /// - Complexity: O(number of values); no heap allocation unless a type allocates (`[UInt8]`).
    @inlinable
    public func unpack<each T: StructUnpackable>(_ bytes: RawSpan, as types: (repeat each T).Type)
        throws(StructError) -> (repeat each T)
    {
        guard bytes.byteCount == size else { throw StructError.unpackSize(size) }
        try checkUnpackTypes(types)
        return unpackUnchecked(bytes, at: 0, as: repeat (each T).self)
    }

    /// Unpacks an array of exactly ``size`` bytes into a tuple, without copying it.
    ///
    /// - Throws: as ``unpack(_:as:)-(RawSpan,_)``.
    @inlinable
    public func unpack<each T: StructUnpackable>(_ bytes: [UInt8], as types: (repeat each T).Type)
        throws(StructError) -> (repeat each T)
    {
        try unpack(bytes.span.bytes, as: types)
    }

    /// Unpacks a slice of exactly ``size`` bytes into a tuple, without copying it.
    ///
    /// - Throws: as ``unpack(_:as:)-(RawSpan,_)``.
    @inlinable
    public func unpack<each T: StructUnpackable>(_ bytes: ArraySlice<UInt8>, as types: (repeat each T).Type)
        throws(StructError) -> (repeat each T)
    {
        try unpack(bytes.span.bytes, as: types)
    }

    /// Unpacks a buffer of exactly ``size`` bytes into a tuple, in place.
    ///
    /// - Throws: as ``unpack(_:as:)-(RawSpan,_)``.
    @inlinable
    public func unpack<each T: StructUnpackable>(_ bytes: UnsafeRawBufferPointer, as types: (repeat each T).Type)
        throws(StructError) -> (repeat each T)
    {
        try unpack(bytes.bytes, as: types)
    }

    /// Unpacks ``size`` bytes at `offset` into a tuple (Python's `unpack_from`); a negative
    /// offset counts from the end.
    ///
    /// - Throws: `.bufferTooSmall`, `.offsetOutOfRange` or `.typeMismatch`.
    /// - Complexity: O(number of values).
    @inlinable
    public func unpack<each T: StructUnpackable>(
        from bytes: RawSpan, at offset: Int = 0, as types: (repeat each T).Type
    ) throws(StructError) -> (repeat each T) {
        let start = try resolvedOffset(offset, bufferCount: bytes.byteCount, packing: false)
        try checkUnpackTypes(types)
        return unpackUnchecked(bytes, at: start, as: repeat (each T).self)
    }

    /// Unpacks ``size`` bytes of an array at `offset` into a tuple, in place.
    ///
    /// - Throws: as ``unpack(from:at:as:)-(RawSpan,_,_)``.
    @inlinable
    public func unpack<each T: StructUnpackable>(
        from bytes: [UInt8], at offset: Int = 0, as types: (repeat each T).Type
    ) throws(StructError) -> (repeat each T) {
        try unpack(from: bytes.span.bytes, at: offset, as: types)
    }

    /// Unpacks ``size`` bytes of a slice at `offset` (relative to the slice) into a tuple.
    ///
    /// - Throws: as ``unpack(from:at:as:)-(RawSpan,_,_)``.
    @inlinable
    public func unpack<each T: StructUnpackable>(
        from bytes: ArraySlice<UInt8>, at offset: Int = 0, as types: (repeat each T).Type
    ) throws(StructError) -> (repeat each T) {
        try unpack(from: bytes.span.bytes, at: offset, as: types)
    }

    /// Unpacks ``size`` bytes of a buffer at `offset` into a tuple, in place.
    ///
    /// - Throws: as ``unpack(from:at:as:)-(RawSpan,_,_)``.
    @inlinable
    public func unpack<each T: StructUnpackable>(
        from bytes: UnsafeRawBufferPointer, at offset: Int = 0, as types: (repeat each T).Type
    ) throws(StructError) -> (repeat each T) {
        try unpack(from: bytes.bytes, at: offset, as: types)
    }

    /// Checks that `types` has one type per value and each can hold its value's code.
    ///
    /// - Throws: `.typeMismatch` naming the first mismatch.
    @inlinable
    public func checkUnpackTypes<each T: StructUnpackable>(_ types: (repeat each T).Type) throws(StructError) {
        var index = 0
        var firstMismatch: Int? = nil
        for type in repeat (each T).self {
            if firstMismatch == nil, index < slots.count,
                !type.canUnpack(slots[index].code, size: slots[index].size)
            {
                firstMismatch = index
            }
            index += 1
        }
        if index != valueCount || slots.count != valueCount || firstMismatch != nil {
            throw typeMismatch(typeNames: typeNames(types), mismatch: firstMismatch)
        }
    }

    /// Reads the record at `base` (already bounds- and type-checked) into a tuple.
    @inlinable
    func unpackUnchecked<each T: StructUnpackable>(_ bytes: RawSpan, at base: Int, as types: repeat (each T).Type)
        -> (repeat each T)
    {
        var index = 0
        return (repeat unpackNext(each types, from: bytes, base: base, index: &index))
    }

    @inlinable @inline(__always)
    func unpackNext<T: StructUnpackable>(_ type: T.Type, from bytes: RawSpan, base: Int, index: inout Int) -> T {
        let slot = slots[index]
        index &+= 1
        return T.unpack(from: bytes, at: valueSlot(slot, base: base))
    }

    @inlinable
    func typeNames<each T>(_ types: (repeat each T).Type) -> [String] {
        var names: [String] = []
        for type in repeat (each T).self {
            names.append(String(describing: type))
        }
        return names
    }

    /// The typed API's own error (CPython has no typed API): a count or type mismatch.
    @usableFromInline
    func typeMismatch(typeNames: [String], mismatch: Int?) -> StructError {
        if valueCount > Self.typedValueLimit {
            return StructError(
                .typeMismatch,
                "format '\(format)' has \(valueCount) values; the typed API supports at most \(Self.typedValueLimit)")
        }
        guard let index = mismatch else {
            return StructError(
                .typeMismatch,
                "format '\(format)' has \(valueCount) values but \(typeNames.count) types were given")
        }
        return StructError.valueTypeMismatch(
            index, slot: valueSlot(slots[index], base: 0), format: format, typeName: typeNames[index])
    }
}
