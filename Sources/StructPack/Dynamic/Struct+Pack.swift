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
    @inlinable @_disfavoredOverload
    public func pack(_ values: [StructValue]) throws(StructError) -> [UInt8] {
        try packIntoNewArray(values)
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
    @inlinable @inline(__always) @_disfavoredOverload
    public func pack(into bytes: inout MutableRawSpan, at offset: Int = 0, _ values: [StructValue])
        throws(StructError)
    {
        try packInPlace(into: &bytes, at: offset, values)
    }

    /// Packs values into an existing array at `offset`, in place.
    ///
    /// - Throws: as ``pack(into:at:_:)-(MutableRawSpan,_,[StructValue])``.
    @inlinable @inline(__always) @_disfavoredOverload
    public func pack(into bytes: inout [UInt8], at offset: Int = 0, _ values: [StructValue]) throws(StructError) {
        var span = bytes.mutableSpan
        var raw = span.mutableBytes
        try packInPlace(into: &raw, at: offset, values)
    }

    /// Packs values into a buffer at `offset`, in place.
    ///
    /// - Throws: as ``pack(into:at:_:)-(MutableRawSpan,_,[StructValue])``.
    @inlinable @inline(__always) @_disfavoredOverload
    public func pack(into bytes: UnsafeMutableRawBufferPointer, at offset: Int = 0, _ values: [StructValue])
        throws(StructError)
    {
        var raw = bytes.mutableBytes
        try packInPlace(into: &raw, at: offset, values)
    }

    /// Appends the packed values to an array; on error the array is unchanged.
    ///
    /// - Throws: as ``pack(_:)-([StructValue])``.
    /// - Complexity: O(``size``), amortised.
    @inlinable @_disfavoredOverload
    public func pack(appendingTo bytes: inout [UInt8], _ values: [StructValue]) throws(StructError) {
        try packAppending(to: &bytes, values)
    }

    /// Appends the packed values to an output span; on error it is unchanged.
    ///
    /// - Throws: `.bufferTooSmall` when fewer than ``size`` bytes of capacity are free, or as
    ///   ``pack(_:)-([StructValue])``.
    @inlinable @_disfavoredOverload
    public func pack(appendingTo output: inout OutputRawSpan, _ values: [StructValue]) throws(StructError) {
        try packAppending(to: &output, values)
    }
}

// The bodies of the pack functions, for `[StructValue]` and for literals of `_StructScalar`
// (Struct+PackScalars.swift) alike.
extension Struct {
    /// ``pack(_:)-([StructValue])`` of either element type.
    ///
    /// - Throws: as ``pack(_:)-([StructValue])``.
    @inlinable
    func packIntoNewArray<Element: _DynamicPackElement>(_ values: [Element]) throws(StructError) -> [UInt8] {
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

    /// ``pack(into:at:_:)-(MutableRawSpan,_,[StructValue])`` of either element type.
    ///
    /// - Throws: as ``pack(into:at:_:)-(MutableRawSpan,_,[StructValue])``.
    @inlinable @inline(__always)
    func packInPlace<Element: _DynamicPackElement>(
        into bytes: inout MutableRawSpan, at offset: Int, _ values: [Element]
    ) throws(StructError) {
        guard values.count == valueCount else {
            throw .itemCount("pack_into", expected: valueCount, got: values.count)
        }
        let start = try resolvedOffset(offset, bufferCount: bytes.byteCount, packing: true)
        try packValues(values, into: &bytes, at: start)
    }

    /// ``pack(appendingTo:_:)-([UInt8],[StructValue])`` of either element type.
    ///
    /// - Throws: as ``pack(appendingTo:_:)-([UInt8],[StructValue])``.
    @inlinable
    func packAppending<Element: _DynamicPackElement>(to bytes: inout [UInt8], _ values: [Element]) throws(StructError) {
        guard values.count == valueCount else {
            throw .itemCount("pack", expected: valueCount, got: values.count)
        }
        try Self.appendRecord(size: size, to: &bytes, zeroFirst: true) { (raw, start) throws(StructError) in
            try packValues(values, into: &raw, at: start)
        }
    }

    /// ``pack(appendingTo:_:)-(OutputRawSpan,[StructValue])`` of either element type.
    ///
    /// - Throws: as ``pack(appendingTo:_:)-(OutputRawSpan,[StructValue])``.
    @inlinable
    func packAppending<Element: _DynamicPackElement>(to output: inout OutputRawSpan, _ values: [Element])
        throws(StructError)
    {
        guard values.count == valueCount else {
            throw .itemCount("pack", expected: valueCount, got: values.count)
        }
        try Self.appendRecord(size: size, to: &output, zeroFirst: true) { (raw, start) throws(StructError) in
            try packValues(values, into: &raw, at: start)
        }
    }

    /// Packs every value into the record at `base` (already bounds-checked), leaving CPython's
    /// state on error: zeros, then the values before the failing one, then whatever the failing
    /// one writes in CPython (only an out-of-range big-endian `q`/`Q`).
    ///
    /// - Throws: the first failing value's error, with its value index and byte offset.
    @inlinable @inline(__always)
    func packValues<Element: _DynamicPackElement>(_ values: [Element], into bytes: inout MutableRawSpan, at base: Int)
        throws(StructError)
    {
        // Everything below reads the values through a pointer: the caller's array never escapes,
        // so an array literal written in the call can live on the stack (no allocation).
        try values.withUnsafeBufferPointer { (values) throws(StructError) in
            try packValues(values, into: &bytes, at: base)
        }
    }

    /// ``packValues(_:into:at:)`` over the values' memory.
    ///
    /// - Throws: the first failing value's error, with its value index and byte offset.
    @inlinable @inline(__always)
    func packValues<Element: _DynamicPackElement>(
        _ values: UnsafeBufferPointer<Element>, into bytes: inout MutableRawSpan, at base: Int
    )
        throws(StructError)
    {
        guard slots.count == valueCount else {
            try packValuesByWalkingFields(values, into: &bytes, at: base)
            return
        }
        if hasPadding { zero(&bytes, at: base) }
        var index = 0
        while true {
            // One switch per value while values are their codes' own types and in range; the
            // general path packs any other value, or throws CPython's error for it.
            index = packScalars(values, from: index, into: &bytes, at: base)
            if index == valueCount { return }
            do throws(StructError) {
                try packValueSlowly(values[index].structValue, slots[index], base: base, into: &bytes)
            } catch {
                throw packFailure(error, values, index: index, into: &bytes, at: base)
            }
            index &+= 1
        }
    }

    /// ``Struct/packScalars(_:from:_:into:_:)`` over the record at `base` of `bytes`.
    ///
    /// - Returns: The index of the first value not packed; ``valueCount`` when all were.
    @inlinable @inline(__always)
    func packScalars<Element: _DynamicPackElement>(
        _ values: UnsafeBufferPointer<Element>, from start: Int, into bytes: inout MutableRawSpan, at base: Int
    ) -> Int {
        bytes.withUnsafeMutableBytes { output in
            // No memory at all: the record has size 0, and its values (`0s`, `0p`) take the
            // general path.
            guard let memory = output.baseAddress else { return start }
            // safe because base + size <= output.count, checked by the caller.
            let record = memory + base
            return slots.withUnsafeBufferPointer { slots in
                // Two copies of the loop, so that neither tests the byte order per value.
                swapsBytes
                    ? Self.packScalars(values, from: start, slots, into: record, _SwappedOrder.self)
                    : Self.packScalars(values, from: start, slots, into: record, _HostOrder.self)
            }
        }
    }

    /// Leaves the record as CPython leaves it when value `index` failed with `error`: zeros, the
    /// values before it, and what the failing one writes (see
    /// ``packValues(_:into:at:)``).
    ///
    /// - Returns: `error`, located at the value's index and byte offset.
    @usableFromInline @inline(never)
    func packFailure<Element: _DynamicPackElement>(
        _ error: StructError, _ values: UnsafeBufferPointer<Element>, index: Int, into bytes: inout MutableRawSpan,
        at base: Int
    ) -> StructError {
        // CPython zeroes the record before packing, so what precedes the failing value stays
        // packed, the failing value leaves what its converter wrote, and the rest is zero.
        zero(&bytes, at: base)
        for replayed in 0...index {
            try? packValueSlowly(values[replayed].structValue, slots[replayed], base: base, into: &bytes)
        }
        return StructError.locate(error, index: index, offset: base &+ slots[index].offset)
    }

    /// One value by the general path: CPython's conversion, checks and errors.
    ///
    /// - Throws: the value's error.
    @usableFromInline @inline(never)
    func packValueSlowly(_ value: StructValue, _ slot: Slot, base: Int, into bytes: inout MutableRawSpan)
        throws(StructError)
    {
        try value._unsafePack(into: &bytes, at: valueSlot(slot, base: base))
    }

    /// ``packValues(_:into:at:)`` for formats too large for a per-value table.
    ///
    /// - Throws: the first failing value's error, located.
    @usableFromInline
    func packValuesByWalkingFields<Element: _DynamicPackElement>(
        _ values: UnsafeBufferPointer<Element>, into bytes: inout MutableRawSpan, at base: Int
    ) throws(StructError) {
        if hasPadding { zero(&bytes, at: base) }
        var index = 0
        do throws(StructError) {
            for field in fields where field.code != .padByte {
                for item in 0..<field.valueCount {
                    let slot = valueSlot(field, item: item, base: base)
                    try values[index].structValue._unsafePack(into: &bytes, at: slot)
                    index += 1
                }
            }
        } catch {
            zero(&bytes, at: base)
            var replayed = 0
            for field in fields where field.code != .padByte && replayed <= index {
                for item in 0..<field.valueCount where replayed <= index {
                    let slot = valueSlot(field, item: item, base: base)
                    try? values[replayed].structValue._unsafePack(into: &bytes, at: slot)
                    replayed += 1
                }
            }
            let offset = (try? slot(ofValue: index, recordOffset: base))?.offset
            throw StructError.locate(error, index: index, offset: offset)
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
