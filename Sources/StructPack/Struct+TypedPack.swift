// The typed pack API: Swift values packed with Python's rules, no heap allocation when packing
// into existing memory.

extension Struct {
    /// Packs Swift values into a new array of ``size`` bytes.
    ///
    /// ```swift
    /// let bytes = try Struct("!HI").pack(UInt16(1), 300)   // 00 01 00 00 01 2c
    /// ```
    ///
    /// - Throws: `.itemCount` (`pack expected N items for packing (got M)`), per-value errors as
    ///   CPython raises them (see ``StructPackable``), or `.allocationLimit`.
    /// - Complexity: O(``size``); one allocation, the result.
    @inlinable
    public func pack<each T: StructPackable>(_ values: repeat each T) throws(StructError) -> [UInt8] {
        try checkPackCount("pack", repeat each values)
        try Self.checkAllocation(count: size, stride: 1)
        var result = [UInt8](repeating: 0, count: size)
        var span = result.mutableSpan
        var bytes = span.mutableBytes
        try packUnchecked(into: &bytes, at: 0, repeat each values)
        return result
    }

    /// Packs Swift values into `bytes` at `offset` (Python's `pack_into`); a negative offset
    /// counts from the end. No heap allocation.
    ///
    /// On error the destination range holds what CPython leaves there: zeros, except the values
    /// packed before the failing one.
    ///
    /// - Throws: `.itemCount` (`pack_into expected …`), `.bufferTooSmall`, `.offsetOutOfRange`,
    ///   or a per-value error.
    /// - Complexity: O(``size``).
    @inlinable
    public func pack<each T: StructPackable>(into bytes: inout MutableRawSpan, at offset: Int = 0, _ values: repeat each T)
        throws(StructError)
    {
        try checkPackCount("pack_into", repeat each values)
        let start = try resolvedOffset(offset, bufferCount: bytes.byteCount, packing: true)
        try packUnchecked(into: &bytes, at: start, repeat each values)
    }

    /// Packs Swift values into an existing array at `offset`, in place.
    ///
    /// - Throws: as ``pack(into:at:_:)-(MutableRawSpan,_,_)``.
    @inlinable
    public func pack<each T: StructPackable>(into bytes: inout [UInt8], at offset: Int = 0, _ values: repeat each T)
        throws(StructError)
    {
        var span = bytes.mutableSpan
        var raw = span.mutableBytes
        try pack(into: &raw, at: offset, repeat each values)
    }

    /// Packs Swift values into a buffer at `offset`, in place.
    ///
    /// - Throws: as ``pack(into:at:_:)-(MutableRawSpan,_,_)``.
    @inlinable
    public func pack<each T: StructPackable>(
        into bytes: UnsafeMutableRawBufferPointer, at offset: Int = 0, _ values: repeat each T
    ) throws(StructError) {
        var raw = bytes.mutableBytes
        try pack(into: &raw, at: offset, repeat each values)
    }

    /// Appends the packed values to an array; on error the array is unchanged.
    ///
    /// - Throws: as ``pack(_:)-(_)``.
    /// - Complexity: O(``size``), amortised.
    @inlinable
    public func pack<each T: StructPackable>(appendingTo bytes: inout [UInt8], _ values: repeat each T)
        throws(StructError)
    {
        try checkPackCount("pack", repeat each values)
        try Self.checkAllocation(count: size, stride: 1)
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: size))
        do throws(StructError) {
            var span = bytes.mutableSpan
            var raw = span.mutableBytes
            try packUnchecked(into: &raw, at: start, repeat each values)
        } catch {
            bytes.removeSubrange(start...)
            throw error
        }
    }

    /// Appends the packed values to an output span; on error it is unchanged. No heap
    /// allocation.
    ///
    /// - Throws: `.bufferTooSmall` when fewer than ``size`` bytes are free, or as
    ///   ``pack(_:)-(_)``.
    @inlinable
    public func pack<each T: StructPackable>(appendingTo output: inout OutputRawSpan, _ values: repeat each T)
        throws(StructError)
    {
        try checkPackCount("pack", repeat each values)
        let start = try reserve(in: &output)
        do throws(StructError) {
            var raw = output.mutableBytes
            try packUnchecked(into: &raw, at: start, repeat each values)
        } catch {
            output.removeLast(size)
            throw error
        }
    }

    /// - Throws: `.itemCount` when the number of values is not ``valueCount``, `.typeMismatch`
    ///   when the format has more values than ``typedValueLimit``.
    @inlinable
    func checkPackCount<each T>(_ operation: String, _ values: repeat each T) throws(StructError) {
        var count = 0
        for _ in repeat each values { count += 1 }
        guard count == valueCount else {
            throw StructError.itemCount(operation, expected: valueCount, got: count)
        }
        guard slots.count == valueCount else {
            throw typeMismatch(typeNames: [], mismatch: nil)
        }
    }

    /// Packs into the record at `base` (already bounds- and count-checked), leaving CPython's
    /// state on error.
    @inlinable
    func packUnchecked<each T: StructPackable>(into bytes: inout MutableRawSpan, at base: Int, _ values: repeat each T)
        throws(StructError)
    {
        if hasPadding { zero(&bytes, at: base) }
        var index = 0
        do throws(StructError) {
            for value in repeat each values {
                try value.pack(into: &bytes, at: valueSlot(slots[index], base: base))
                index &+= 1
            }
        } catch {
            restoreAfterFailure(into: &bytes, at: base, packed: index, repeat each values)
            throw error
        }
    }

    /// Rebuilds CPython's state after value `packed` failed: a zeroed record holding the
    /// values before it.
    @usableFromInline
    func restoreAfterFailure<each T: StructPackable>(
        into bytes: inout MutableRawSpan, at base: Int, packed: Int, _ values: repeat each T
    ) {
        zero(&bytes, at: base)
        var index = 0
        for value in repeat each values {
            if index < packed {
                try? value.pack(into: &bytes, at: valueSlot(slots[index], base: base))
            }
            index += 1
        }
    }
}
