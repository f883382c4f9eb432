extension Struct {
    /// Resolves a Python-style offset for `unpack_from` / `pack_into`: negative offsets count
    /// from the end, and the `size` bytes from the offset must lie inside the buffer.
    ///
    /// - Throws: `.bufferTooSmall` or `.offsetOutOfRange` with CPython's messages.
    @_transparent @usableFromInline
    func resolvedOffset(_ offset: Int, bufferCount: Int, packing: Bool) throws(StructError) -> Int {
        try Self.resolvedOffset(offset, size: size, bufferCount: bufferCount, packing: packing)
    }

    /// ``resolvedOffset(_:bufferCount:packing:)`` for a record of `size` bytes, for callers that
    /// keep the size next to them rather than the whole format.
    ///
    /// - Throws: `.bufferTooSmall` or `.offsetOutOfRange` with CPython's messages.
    @_transparent @usableFromInline
    static func resolvedOffset(_ offset: Int, size: Int, bufferCount: Int, packing: Bool) throws(StructError) -> Int {
        // The usual case, 0 <= offset <= bufferCount - size, in one unsigned comparison against a
        // loop-invariant bound (a negative offset is a huge unsigned number); the first test is
        // loop-invariant too. bufferCount - size cannot overflow: both are non-negative.
        if _fastPath(bufferCount >= size) {
            if _fastPath(UInt(bitPattern: offset) <= UInt(bitPattern: bufferCount &- size)) { return offset }
        }
        return try resolvedOffsetSlowly(offset, size: size, bufferCount: bufferCount, packing: packing)
    }

    /// ``resolvedOffset(_:size:bufferCount:packing:)`` for negative offsets and errors.
    ///
    /// Inlinable, not out of line: values a caller loaded from its own memory (a packed
    /// record's arrays) must outlive every call on the path that may release memory, and the
    /// compiler retains them around an opaque call. Here the only opaque calls are the error
    /// messages', on paths that throw.
    ///
    /// - Throws: `.bufferTooSmall` or `.offsetOutOfRange` with CPython's messages.
    @inlinable
    static func resolvedOffsetSlowly(_ offset: Int, size: Int, bufferCount: Int, packing: Bool) throws(StructError)
        -> Int
    {
        var offset = offset
        if offset < 0 {
            // offset < 0 <= size and bufferCount, so neither sum can overflow.
            if offset + size > 0 {
                throw StructError.negativeOffsetTooClose(packing: packing, size: size, offset: offset)
            }
            if offset + bufferCount < 0 {
                throw StructError.offsetOutOfRange(offset, bufferCount: bufferCount)
            }
            offset += bufferCount
        }
        if bufferCount - offset < size {
            throw StructError.bufferTooSmall(packing: packing, size: size, offset: offset, bufferCount: bufferCount)
        }
        return offset
    }

    /// The public slot for value slot `slot` of a record starting at `base`.
    @inlinable @inline(__always)
    func valueSlot(_ slot: Slot, base: Int) -> ValueSlot {
        ValueSlot(
            code: slot.code, offset: base &+ slot.offset, size: slot.size, byteOrder: byteOrder,
            swapsBytes: swapsBytes)
    }

    /// The public slot for item `index` of `field` in a record starting at `base`.
    @inlinable
    func valueSlot(_ field: Field, item index: Int, base: Int) -> ValueSlot {
        let isString = field.code == .string || field.code == .pascalString
        return ValueSlot(
            code: field.code, offset: base + field.offset + index * field.itemSize,
            size: isString ? field.count : field.itemSize, byteOrder: byteOrder, swapsBytes: swapsBytes)
    }

    /// Throws `.allocationLimit` when `count` items of `stride` bytes exceed ``allocationLimit``.
    @usableFromInline
    static func checkAllocation(count: Int, stride: Int) throws(StructError) {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: stride)
        if overflow || bytes > allocationLimit {
            throw StructError.allocationLimit(overflow ? Int.max : bytes, limit: allocationLimit)
        }
    }
}
