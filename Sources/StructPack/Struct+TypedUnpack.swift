// The typed unpack API, generic over a tuple codec. The public entry points, one per tuple
// size, are generated in Generated/TypedArities.swift and forward here.

extension Struct {
    /// Unpacks exactly ``size`` bytes into a tuple described by `codec`.
    ///
    /// - Throws: `.wrongBufferSize` (`unpack requires a buffer of N bytes`) or `.typeMismatch`.
    @inlinable @inline(__always)
    public func unpack<C: TupleDecoding>(_ bytes: RawSpan, codec: C.Type) throws(StructError) -> C.Tuple {
        guard bytes.byteCount == size else { throw StructError.unpackSize(size) }
        return try decodeChecked(bytes, at: 0, codec: codec)
    }

    /// Unpacks ``size`` bytes at `offset` (Python's `unpack_from`; negative offsets count from
    /// the end) into a tuple described by `codec`.
    ///
    /// - Throws: `.bufferTooSmall`, `.offsetOutOfRange` or `.typeMismatch`.
    @inlinable @inline(__always)
    public func unpack<C: TupleDecoding>(from bytes: RawSpan, at offset: Int, codec: C.Type) throws(StructError)
        -> C.Tuple
    {
        let start = try resolvedOffset(offset, bufferCount: bytes.byteCount, packing: false)
        return try decodeChecked(bytes, at: start, codec: codec)
    }

    /// Checks the codec's types against the format and reads the record at `base` (bounds
    /// already checked): one load per value when every value is direct.
    ///
    /// - Throws: `.typeMismatch`.
    @inlinable @inline(__always)
    func decodeChecked<C: TupleDecoding>(_ bytes: RawSpan, at base: Int, codec: C.Type) throws(StructError)
        -> C.Tuple
    {
        if contiguousSignature == C.contiguousSignature {
            return swapsBytes
                ? C.decodeContiguous(from: bytes, at: base, swapsBytes: true)
                : C.decodeContiguous(from: bytes, at: base, swapsBytes: false)
        }
        return try decodeCheckedSlowly(bytes, at: base, codec: codec)
    }

    /// ``decodeChecked(_:at:codec:)`` for formats that are not back to back with the codec's
    /// direct layouts, out of line so the fast path inlines into loops.
    ///
    /// - Throws: `.typeMismatch`.
    @inlinable @inline(never)
    func decodeCheckedSlowly<C: TupleDecoding>(_ bytes: RawSpan, at base: Int, codec: C.Type) throws(StructError)
        -> C.Tuple
    {
        guard C.arity == valueCount, slots.count == valueCount else {
            throw typeMismatch(typeNames: C.typeNames, mismatch: nil)
        }
        let plan = C.plan(for: self)
        let access = C.access(plan, format: self)
        if access == .general, let index = C.firstMismatch(in: self) {
            throw typeMismatch(typeNames: C.typeNames, mismatch: index)
        }
        return C.read(plan, access, from: bytes, at: base, swapsBytes: swapsBytes)
    }

    /// Checks that the codec's types match the format's values one to one.
    ///
    /// - Throws: `.typeMismatch` naming the count or the first mismatching value.
    @inlinable @inline(__always)
    public func checkTypes<C: TupleDecoding>(_ codec: C.Type) throws(StructError) {
        guard C.arity == valueCount, slots.count == valueCount else {
            throw typeMismatch(typeNames: C.typeNames, mismatch: nil)
        }
        if let index = C.firstMismatch(in: self) {
            throw typeMismatch(typeNames: C.typeNames, mismatch: index)
        }
    }

    /// The typed API's own error (CPython has no typed API): a count or type mismatch.
    @usableFromInline
    func typeMismatch(typeNames: [String], mismatch: Int?) -> StructError {
        if let index = mismatch, index < slots.count, index < typeNames.count {
            return StructError.valueTypeMismatch(
                index, slot: valueSlot(slots[index], base: 0), format: format, typeName: typeNames[index])
        }
        return StructError(
            .typeMismatch,
            "format '\(format)' has \(valueCount) values but \(typeNames.count) types were given")
    }
}
