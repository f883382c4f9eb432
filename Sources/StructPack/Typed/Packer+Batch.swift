// Packing a whole collection per call: the array's or span's room is made and checked once, and
// the packer's path is chosen once, so each record costs its stores (and, for a record type, the
// check of each value against the record's size), not a call's checks.

extension Struct.Packer {
    /// Appends every value of `values` to `bytes`, packed one record after another (what a
    /// loop of ``pack(_:appendingTo:)-(_,[UInt8])`` appends, without its per-call checks: the
    /// array's uniqueness and capacity are checked once). On error the array is unchanged.
    ///
    /// ```swift
    /// var bytes: [UInt8] = []
    /// try Header.layout.packer.pack(contentsOf: headers, appendingTo: &bytes)
    /// ```
    ///
    /// - Throws: `.allocationLimit` when `values.count × format.size` bytes exceed the
    ///   allocation limit, or the first failing value's error: its value index counts within
    ///   its record, its byte offset is in the array, so `(byteOffset − count before the call) /
    ///   format.size` is the failing value's position in `values`.
    /// - Complexity: O(*n* × `format.size`) for *n* values, amortised.
    @inlinable @inline(__always)
    public func pack(contentsOf values: some Collection<Shape._Value>, appendingTo bytes: inout [UInt8])
        throws(StructError)
    {
        guard plan.path != .failed else { throw plan.failure }
        let count = values.count
        // appendRecord refuses more than the allocation limit before allocating.
        let total = Struct.batchByteCount(count, plan.size)
        try Struct.appendRecord(size: total, to: &bytes) { (raw, start) throws(StructError) in
            try _RecordEngine.writeAll(Shape.self, values, count: count, plan, into: &raw, at: start)
        }
    }

    /// Appends every value of `values` to an output span, packed one record after another; on
    /// error it is unchanged. No heap allocation.
    ///
    /// - Throws: `.bufferTooSmall` when fewer than `values.count × format.size` bytes are free,
    ///   or the first failing value's error (its byte offset is in the span's buffer).
    /// - Complexity: O(*n* × `format.size`) for *n* values.
    @inlinable @inline(__always)
    public func pack(contentsOf values: some Collection<Shape._Value>, appendingTo output: inout OutputRawSpan)
        throws(StructError)
    {
        guard plan.path != .failed else { throw plan.failure }
        let count = values.count
        let total = Struct.batchByteCount(count, plan.size)
        try Struct.appendRecord(size: total, to: &output) { (raw, start) throws(StructError) in
            try _RecordEngine.writeAll(Shape.self, values, count: count, plan, into: &raw, at: start)
        }
    }
}

extension Struct {
    /// The bytes of `count` records of `size` bytes, or `Int.max` when that overflows (more than
    /// any allocation limit or span allows, so the append refuses it).
    @inlinable
    static func batchByteCount(_ count: Int, _ size: Int) -> Int {
        let (total, overflow) = count.multipliedReportingOverflow(by: size)
        return overflow ? Int.max : total
    }
}
