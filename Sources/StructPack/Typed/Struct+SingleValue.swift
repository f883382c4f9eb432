// Reading or writing one value of a record without touching the others: the typed API for a
// length field in a header, a flag in a table row, and for patching a header in place.

extension Struct {
    /// The slot of value `index` (counting values, not fields: `x` has none, `3i` has three)
    /// of a record starting at `base`.
    ///
    /// - Throws: `.valueIndexOutOfRange` when `index` is not in `0..<valueCount`.
    /// - Complexity: O(1) for formats within 1,024 values, O(fields) otherwise.
    @inlinable
    public func slot(ofValue index: Int, recordOffset base: Int = 0) throws(StructError) -> ValueSlot {
        guard index >= 0 && index < valueCount else {
            throw StructError.valueIndexOutOfRange(index, format: format, valueCount: valueCount)
        }
        if index < slots.count { return valueSlot(slots[index], base: base) }
        return slotByWalkingFields(index, base: base)
    }

    @usableFromInline
    func slotByWalkingFields(_ index: Int, base: Int) -> ValueSlot {
        var remaining = index
        for field in fields where field.valueCount > 0 {
            if remaining < field.valueCount { return valueSlot(field, item: remaining, base: base) }
            remaining -= field.valueCount
        }
        // Unreachable: index < valueCount was checked by the caller.
        return valueSlot(fields[fields.count - 1], item: 0, base: base)
    }

    /// Unpacks only value `index` of the record at `offset` (negative offsets count from the
    /// end, as for `unpack_from`).
    ///
    /// ```swift
    /// let header = try Struct("!cI")                              // PostgreSQL message header
    /// let length = try header.unpackValue(at: 1, from: bytes, as: UInt32.self)
    /// ```
    ///
    /// - Throws: `.bufferTooSmall` / `.offsetOutOfRange` (the whole record must fit, as for
    ///   `unpack_from`), `.valueIndexOutOfRange`, or `.typeMismatch` when `T` cannot hold the
    ///   value's code.
    /// - Complexity: O(1) for formats within 1,024 values; no heap allocation
    ///   unless `T` allocates.
    @inlinable
    public func unpackValue<T: StructUnpackable>(at index: Int, from bytes: RawSpan, at offset: Int = 0, as type: T.Type)
        throws(StructError) -> T
    {
        let start = try resolvedOffset(offset, bufferCount: bytes.byteCount, packing: false)
        let slot = try slot(ofValue: index, recordOffset: start)
        guard T.canUnpack(slot.code, size: slot.size) else {
            throw StructError.valueTypeMismatch(index, slot: slot, format: format, typeName: "\(T.self)")
        }
        return try T._unsafeUnpack(from: bytes, at: slot, owner: nil)
    }

    /// Unpacks only value `index` of the record at `offset` of an array.
    ///
    /// - Throws: as ``unpackValue(at:from:at:as:)-(_,RawSpan,_,_)``.
    @inlinable
    public func unpackValue<T: StructUnpackable>(at index: Int, from bytes: [UInt8], at offset: Int = 0, as type: T.Type)
        throws(StructError) -> T
    {
        try unpackValue(at: index, from: bytes.span.bytes, at: offset, as: type)
    }

    /// Packs only value `index` of the record at `offset`, leaving every other byte alone.
    ///
    /// ```swift
    /// try header.packValue(UInt32(payload.count + 4), at: 1, into: &frame)   // patch a length
    /// ```
    ///
    /// - Throws: `.bufferTooSmall` / `.offsetOutOfRange` (the whole record must fit, as for
    ///   `pack_into`), `.valueIndexOutOfRange`, or the value's own error (see
    ///   ``StructPackable``); on error no byte is changed.
    @inlinable
    public func packValue<T: StructPackable>(_ value: T, at index: Int, into bytes: inout MutableRawSpan, at offset: Int = 0)
        throws(StructError)
    {
        let start = try resolvedOffset(offset, bufferCount: bytes.byteCount, packing: true)
        let slot = try slot(ofValue: index, recordOffset: start)
        if slot.size == 0 {
            // A `0p` writes its length byte just past its empty slot when the buffer extends
            // there (CPython's pack_into, §1.7); that byte belongs to another value or to no
            // record, and this API writes only value `index`: put it back.
            guard slot.offset < bytes.byteCount else {
                try value._unsafePack(into: &bytes, at: slot)
                return
            }
            let saved = bytes.unsafeLoad(fromByteOffset: slot.offset, as: UInt8.self)
            defer { bytes.storeBytes(of: saved, toByteOffset: slot.offset, as: UInt8.self) }
            try value._unsafePack(into: &bytes, at: slot)
            return
        }
        guard ScalarCoding.takesOverflowRemnant(slot) else {
            try value._unsafePack(into: &bytes, at: slot)
            return
        }
        // An out-of-range int leaves its low bytes in a big-endian `q`/`Q` slot, as CPython's
        // pack_into does; this API promises to change nothing on error, so put them back.
        let saved = bytes.unsafeLoadUnaligned(fromByteOffset: slot.offset, as: UInt64.self)
        do {
            try value._unsafePack(into: &bytes, at: slot)
        } catch {
            bytes.storeBytes(of: saved, toByteOffset: slot.offset, as: UInt64.self)
            throw error
        }
    }

    /// Packs only value `index` of the record at `offset` of an array, in place.
    ///
    /// - Throws: as ``packValue(_:at:into:at:)-(_,_,MutableRawSpan,_)``.
    @inlinable
    public func packValue<T: StructPackable>(_ value: T, at index: Int, into bytes: inout [UInt8], at offset: Int = 0)
        throws(StructError)
    {
        var span = bytes.mutableSpan
        var raw = span.mutableBytes
        try packValue(value, at: index, into: &raw, at: offset)
    }
}
