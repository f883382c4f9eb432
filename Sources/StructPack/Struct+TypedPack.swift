// The typed pack API, generic over a tuple codec. The public entry points, one per tuple size,
// are generated in Generated/TypedArities.swift and forward here.

extension Struct {
    /// Packs a tuple of Swift values into a new array of ``size`` bytes.
    ///
    /// - Throws: `.itemCount`, a per-value error (see ``StructPackable``), or `.allocationLimit`.
    /// - Complexity: O(``size``); one allocation, the result.
    @inlinable
    public func pack<C: TupleEncoding>(_ tuple: C.Tuple, codec: C.Type) throws(StructError) -> [UInt8] {
        try checkCount(codec, operation: "pack")
        try Self.checkAllocation(count: size, stride: 1)
        var result = [UInt8](repeating: 0, count: size)
        var span = result.mutableSpan
        var bytes = span.mutableBytes
        try packUnchecked(tuple, codec: codec, into: &bytes, at: 0)
        return result
    }

    /// Packs a tuple into `bytes` at `offset` (Python's `pack_into`; negative offsets count from
    /// the end). No heap allocation. On error the record holds what CPython leaves: zeros, except
    /// the values packed before the failing one.
    ///
    /// - Throws: `.itemCount`, `.bufferTooSmall`, `.offsetOutOfRange`, or a per-value error.
    @inlinable @inline(__always)
    public func pack<C: TupleEncoding>(_ tuple: C.Tuple, codec: C.Type, into bytes: inout MutableRawSpan, at offset: Int)
        throws(StructError)
    {
        // A matching pack signature implies the value count matches, so the count check (which
        // comes first in CPython's order) cannot fail here.
        switch packSignature.packMatch(C.contiguousSignature) {
        case .native:
            let start = try resolvedOffset(offset, bufferCount: bytes.byteCount, packing: true)
            C.encodeContiguous(tuple, into: &bytes, at: start, swapsBytes: false)
        case .swapped:
            let start = try resolvedOffset(offset, bufferCount: bytes.byteCount, packing: true)
            C.encodeContiguous(tuple, into: &bytes, at: start, swapsBytes: true)
        case .none:
            try packSlowly(tuple, codec: codec, into: &bytes, at: offset)
        }
    }

    /// ``pack(_:codec:into:at:)`` for formats without a store-only path, out of line so the fast
    /// path inlines into loops.
    ///
    /// - Throws: `.itemCount`, `.bufferTooSmall`, `.offsetOutOfRange`, or a per-value error.
    @inlinable @inline(never)
    func packSlowly<C: TupleEncoding>(_ tuple: C.Tuple, codec: C.Type, into bytes: inout MutableRawSpan, at offset: Int)
        throws(StructError)
    {
        try checkCount(codec, operation: "pack_into")
        let start = try resolvedOffset(offset, bufferCount: bytes.byteCount, packing: true)
        try packCheckedSlowly(tuple, codec: codec, into: &bytes, at: start)
    }

    /// Appends a packed tuple to an array; on error the array is unchanged.
    ///
    /// - Throws: as ``pack(_:codec:)``.
    @inlinable
    public func pack<C: TupleEncoding>(_ tuple: C.Tuple, codec: C.Type, appendingTo bytes: inout [UInt8])
        throws(StructError)
    {
        try checkCount(codec, operation: "pack")
        try Self.checkAllocation(count: size, stride: 1)
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: size))
        do throws(StructError) {
            var span = bytes.mutableSpan
            var raw = span.mutableBytes
            try packUnchecked(tuple, codec: codec, into: &raw, at: start)
        } catch {
            bytes.removeSubrange(start...)
            throw error
        }
    }

    /// Appends a packed tuple to an output span; on error it is unchanged. No heap allocation.
    ///
    /// - Throws: `.bufferTooSmall` when fewer than ``size`` bytes are free, or as
    ///   ``pack(_:codec:)``.
    @inlinable
    public func pack<C: TupleEncoding>(_ tuple: C.Tuple, codec: C.Type, appendingTo output: inout OutputRawSpan)
        throws(StructError)
    {
        try checkCount(codec, operation: "pack")
        let start = try reserve(in: &output)
        do throws(StructError) {
            var raw = output.mutableBytes
            try packUnchecked(tuple, codec: codec, into: &raw, at: start)
        } catch {
            output.removeLast(size)
            throw error
        }
    }

    /// - Throws: `.itemCount` (`pack expected N items for packing (got M)`).
    @inlinable @inline(__always)
    func checkCount<C: TupleEncoding>(_ codec: C.Type, operation: String) throws(StructError) {
        guard C.arity == valueCount, slots.count == valueCount else {
            throw StructError.itemCount(operation, expected: valueCount, got: C.arity)
        }
    }

    /// Packs into the record at `base` (bounds- and count-checked), leaving CPython's state on
    /// error.
    @inlinable @inline(__always)
    func packUnchecked<C: TupleEncoding>(_ tuple: C.Tuple, codec: C.Type, into bytes: inout MutableRawSpan, at base: Int)
        throws(StructError)
    {
        switch packSignature.packMatch(C.contiguousSignature) {
        case .native: C.encodeContiguous(tuple, into: &bytes, at: base, swapsBytes: false)
        case .swapped: C.encodeContiguous(tuple, into: &bytes, at: base, swapsBytes: true)
        case .none: try packCheckedSlowly(tuple, codec: codec, into: &bytes, at: base)
        }
    }

    /// ``packUnchecked(_:codec:into:at:)`` for formats that are not back to back with the
    /// codec's direct layouts, out of line so the fast path inlines into loops.
    ///
    /// - Throws: the first failing value's ``StructError``.
    @inlinable @inline(never)
    func packCheckedSlowly<C: TupleEncoding>(_ tuple: C.Tuple, codec: C.Type, into bytes: inout MutableRawSpan, at base: Int)
        throws(StructError)
    {
        let plan = C.plan(for: self)
        try C.write(tuple, plan, C.access(plan, format: self), format: self, into: &bytes, at: base)
    }
}
