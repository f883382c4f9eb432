// The dynamic pack API: Python's `pack` and `pack_into`, taking StructValues.

extension Struct {
    /// Packs values into a new array of ``size`` bytes (Python's `Struct.pack`).
    ///
    /// - Parameter values: One value per value of the format.
    /// - Returns: The packed bytes.
    /// - Throws: `.itemCount` (`pack expected N items for packing (got M)`), any per-value
    ///   error (`.integerOutOfRange`, `.notAnInteger`, …), or `.allocationLimit` when ``size``
    ///   exceeds ``allocationLimit``.
    /// - Complexity: O(``size``).
    public func pack(_ values: [StructValue]) throws(StructError) -> [UInt8] {
        guard values.count == valueCount else {
            throw .itemCount("pack", expected: valueCount, got: values.count)
        }
        try Self.checkAllocation(count: size, stride: 1)
        var result = [UInt8](repeating: 0, count: size)
        var span = result.mutableSpan
        var bytes = span.mutableBytes
        try packValues(values, into: &bytes, at: 0)
        return result
    }

    /// Packs values into `bytes` at `offset` (Python's `Struct.pack_into`); a negative offset
    /// counts from the end.
    ///
    /// On error the destination range holds what CPython leaves there: zeros, except the values
    /// packed before the failing one.
    ///
    /// - Throws: `.itemCount` (`pack_into expected …`), `.bufferTooSmall`, `.offsetOutOfRange`,
    ///   or any per-value error.
    /// - Complexity: O(``size``).
    public func pack(into bytes: inout MutableRawSpan, at offset: Int = 0, _ values: [StructValue])
        throws(StructError)
    {
        guard values.count == valueCount else {
            throw .itemCount("pack_into", expected: valueCount, got: values.count)
        }
        let start = try resolvedOffset(offset, bufferCount: bytes.byteCount, packing: true)
        try packValues(values, into: &bytes, at: start)
    }

    /// Packs values into an existing array at `offset`, in place.
    ///
    /// - Throws: as ``pack(into:at:_:)-(MutableRawSpan,_,[StructValue])``.
    public func pack(into bytes: inout [UInt8], at offset: Int = 0, _ values: [StructValue]) throws(StructError) {
        var span = bytes.mutableSpan
        var raw = span.mutableBytes
        try pack(into: &raw, at: offset, values)
    }

    /// Packs values into a buffer at `offset`, in place.
    ///
    /// - Throws: as ``pack(into:at:_:)-(MutableRawSpan,_,[StructValue])``.
    public func pack(into bytes: UnsafeMutableRawBufferPointer, at offset: Int = 0, _ values: [StructValue])
        throws(StructError)
    {
        var raw = bytes.mutableBytes
        try pack(into: &raw, at: offset, values)
    }

    /// Appends the packed values to an array; on error the array is unchanged.
    ///
    /// - Throws: as ``pack(_:)-([StructValue])``.
    /// - Complexity: O(``size``), amortised.
    public func pack(appendingTo bytes: inout [UInt8], _ values: [StructValue]) throws(StructError) {
        guard values.count == valueCount else {
            throw .itemCount("pack", expected: valueCount, got: values.count)
        }
        let start = bytes.count
        try Self.checkAllocation(count: size, stride: 1)
        bytes.append(contentsOf: repeatElement(0, count: size))
        do {
            var span = bytes.mutableSpan
            var raw = span.mutableBytes
            try packValues(values, into: &raw, at: start)
        } catch {
            bytes.removeSubrange(start...)
            throw error
        }
    }

    /// Appends the packed values to an output span; on error it is unchanged.
    ///
    /// - Throws: `.bufferTooSmall` when fewer than ``size`` bytes of capacity are free, or as
    ///   ``pack(_:)-([StructValue])``.
    public func pack(appendingTo output: inout OutputRawSpan, _ values: [StructValue]) throws(StructError) {
        guard values.count == valueCount else {
            throw .itemCount("pack", expected: valueCount, got: values.count)
        }
        let start = try reserve(in: &output)
        do {
            var raw = output.mutableBytes
            try packValues(values, into: &raw, at: start)
        } catch {
            output.removeLast(size)
            throw error
        }
    }

    /// Appends ``size`` zero bytes to `output` and returns where they start.
    ///
    /// - Throws: `.bufferTooSmall` when the free capacity is less than ``size``.
    @inlinable
    func reserve(in output: inout OutputRawSpan) throws(StructError) -> Int {
        let start = output.byteCount
        guard output.freeCapacity >= size else {
            throw StructError.bufferTooSmall(
                packing: true, size: size, offset: start, bufferCount: output.byteCount + output.freeCapacity)
        }
        output.append(repeating: 0, count: size, as: UInt8.self)
        return start
    }

    /// Packs every value into the record at `base` (already bounds-checked), leaving CPython's
    /// state on error.
    func packValues(_ values: [StructValue], into bytes: inout MutableRawSpan, at base: Int) throws(StructError) {
        if hasPadding { zero(&bytes, at: base) }
        var index = 0
        do {
            if slots.count == valueCount {
                // One switch per value; values of another type or out of range take the general
                // path, which packs them or throws CPython's error.
                for slot in slots {
                    let value = values[index]
                    if !Self.packDynamicValue(value, slot, base: base, swapsBytes: swapsBytes, into: &bytes) {
                        try value.pack(into: &bytes, at: valueSlot(slot, base: base))
                    }
                    index += 1
                }
                return
            }
            for field in fields where field.code != .padByte {
                let items = field.code == .string || field.code == .pascalString ? 1 : field.count
                for item in 0..<items {
                    try values[index].pack(into: &bytes, at: valueSlot(field, item: item, base: base))
                    index += 1
                }
            }
        } catch {
            // CPython zeroes the record before packing, so what precedes the failing value
            // stays packed and everything else is zero, except what the failing value's own
            // conversion wrote before it failed: packing it again leaves that too.
            zero(&bytes, at: base)
            var repacked = 0
            for field in fields where field.code != .padByte && repacked <= index {
                let items = field.code == .string || field.code == .pascalString ? 1 : field.count
                for item in 0..<items where repacked <= index {
                    try? values[repacked].pack(into: &bytes, at: valueSlot(field, item: item, base: base))
                    repacked += 1
                }
            }
            throw error
        }
    }

    /// Zeroes the ``size`` bytes of the record at `base`.
    @inlinable @inline(never)
    func zero(_ bytes: inout MutableRawSpan, at base: Int) {
        bytes.withUnsafeMutableBytes { buffer in
            // safe because base + size <= buffer.count, checked by the caller.
            _ = UnsafeMutableRawBufferPointer(rebasing: buffer[base..<(base + size)])
                .initializeMemory(as: UInt8.self, repeating: 0)
        }
    }
}
