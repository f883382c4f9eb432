// The dynamic unpack API: Python's `unpack` and `unpack_from`, returning StructValues.

extension Struct {
    /// Unpacks a buffer of exactly ``size`` bytes (Python's `Struct.unpack`).
    ///
    /// - Returns: One ``StructValue`` per value of the format.
    /// - Throws: `.wrongBufferSize` (`unpack requires a buffer of N bytes`), or
    ///   `.allocationLimit` when the values would need more than ``allocationLimit`` bytes.
    /// - Complexity: O(``size``).
    public func unpack(_ bytes: RawSpan) throws(StructError) -> [StructValue] {
        guard bytes.byteCount == size else { throw .unpackSize(size) }
        return try values(in: bytes, at: 0)
    }

    /// Unpacks an array of exactly ``size`` bytes without copying it.
    ///
    /// - Throws: as ``unpack(_:)-(RawSpan)``.
    public func unpack(_ bytes: [UInt8]) throws(StructError) -> [StructValue] {
        try unpack(bytes.span.bytes)
    }

    /// Unpacks a slice of exactly ``size`` bytes without copying it.
    ///
    /// - Throws: as ``unpack(_:)-(RawSpan)``.
    public func unpack(_ bytes: ArraySlice<UInt8>) throws(StructError) -> [StructValue] {
        try unpack(bytes.span.bytes)
    }

    /// Unpacks a buffer of exactly ``size`` bytes in place.
    ///
    /// - Throws: as ``unpack(_:)-(RawSpan)``.
    public func unpack(_ bytes: UnsafeRawBufferPointer) throws(StructError) -> [StructValue] {
        try unpack(bytes.bytes)
    }

    /// Unpacks ``size`` bytes starting at `offset` (Python's `Struct.unpack_from`); a negative
    /// offset counts from the end of the buffer.
    ///
    /// - Throws: `.bufferTooSmall` or `.offsetOutOfRange` with CPython's messages, or
    ///   `.allocationLimit`.
    /// - Complexity: O(``size``).
    public func unpack(from bytes: RawSpan, at offset: Int = 0) throws(StructError) -> [StructValue] {
        let start = try resolvedOffset(offset, bufferCount: bytes.byteCount, packing: false)
        return try values(in: bytes, at: start)
    }

    /// Unpacks ``size`` bytes of an array starting at `offset`, in place.
    ///
    /// - Throws: as ``unpack(from:at:)-(RawSpan,_)``.
    public func unpack(from bytes: [UInt8], at offset: Int = 0) throws(StructError) -> [StructValue] {
        try unpack(from: bytes.span.bytes, at: offset)
    }

    /// Unpacks ``size`` bytes of a slice starting at `offset` (relative to the slice's start).
    ///
    /// - Throws: as ``unpack(from:at:)-(RawSpan,_)``.
    public func unpack(from bytes: ArraySlice<UInt8>, at offset: Int = 0) throws(StructError) -> [StructValue] {
        try unpack(from: bytes.span.bytes, at: offset)
    }

    /// Unpacks ``size`` bytes of a buffer starting at `offset`, in place.
    ///
    /// - Throws: as ``unpack(from:at:)-(RawSpan,_)``.
    public func unpack(from bytes: UnsafeRawBufferPointer, at offset: Int = 0) throws(StructError)
        -> [StructValue]
    {
        try unpack(from: bytes.bytes, at: offset)
    }

    /// Reads every value of one record at `base`, which the caller has bounds-checked, into a new
    /// array (as Python's `unpack` returns a new tuple).
    ///
    /// - Throws: `.allocationLimit` when the values would need more than ``allocationLimit`` bytes.
    func values(in bytes: RawSpan, at base: Int) throws(StructError) -> [StructValue] {
        guard slots.count == valueCount else {
            try Self.checkAllocation(count: valueCount, stride: MemoryLayout<StructValue>.stride)
            return valuesByWalkingFields(in: bytes, at: base)
        }
        // A per-value table exists only for formats of at most 1,024 values: far below the limit.
        // Appended to reserved storage: Array(repeating:count:) and
        // Array(unsafeUninitializedCapacity:) look the storage type up at run time.
        var values: [StructValue] = []
        values.reserveCapacity(slots.count)
        slots.withUnsafeBufferPointer { slots in
            for slot in slots {
                values.append(
                    Self.dynamicValue(bytes, slot, base: base, byteOrder: byteOrder, swapsBytes: swapsBytes))
            }
        }
        return values
    }

    /// Every value of the record at `base` (bounds checked by the caller) by walking the fields:
    /// for formats too large for a per-value table, whose allocation the caller checked.
    func valuesByWalkingFields(in bytes: RawSpan, at base: Int) -> [StructValue] {
        var values: [StructValue] = []
        values.reserveCapacity(valueCount)
        for field in fields where field.code != .padByte {
            let items = field.code == .string || field.code == .pascalString ? 1 : field.count
            for index in 0..<items {
                values.append(StructValue._unsafeUnpack(from: bytes, at: valueSlot(field, item: index, base: base), owner: nil))
            }
        }
        return values
    }
}
