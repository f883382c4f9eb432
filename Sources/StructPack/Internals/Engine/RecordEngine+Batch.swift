// Writing many records per call: the plan's path is chosen once and the bounds of the whole
// batch are checked once, so each record costs its stores (and a record type's per-value
// checks), not a call's checks.

extension _RecordEngine {
    /// Writes the first `count` values of `values` one record after another from `start` of
    /// `bytes`; the caller checked that `count × plan.size` bytes lie there. A collection that
    /// yields fewer than `count` values (one that breaks `Collection`'s contract) leaves the
    /// rest of the batch zeroed; values after the `count`th are not read.
    ///
    /// - Throws: the plan's failure, or the first failing value's error (located in `bytes`);
    ///   the records before it are written.
    @inlinable @inline(__always)
    static func writeAll<C: _StructEncoding>(
        _ coding: C.Type, _ values: some Collection<C._Value>, count: Int, _ plan: _RecordPlan,
        into bytes: inout MutableRawSpan, at start: Int
    ) throws(StructError) {
        let end: Int
        if plan.path == .contiguousNative {
            end = try writeAllDirect(
                coding, _HostOrder.self, _Unaligned.self, values, count: count, plan, into: &bytes, at: start)
        } else if plan.path == .contiguousSwapped {
            end = try writeAllDirect(
                coding, _SwappedOrder.self, _Unaligned.self, values, count: count, plan, into: &bytes, at: start)
        } else if plan.path == .aligned {
            end = try writeAllDirect(
                coding, _HostOrder.self, _NaturallyAligned.self, values, count: count, plan, into: &bytes, at: start)
        } else {
            end = try writeAllPlanned(coding, values, count: count, plan.context, into: &bytes, at: start)
        }
        let batchEnd = start &+ count &* plan.size
        if end < batchEnd { zero(&bytes, from: end, to: batchEnd) }
    }

    /// The direct paths' loop; returns where the last record written ends.
    @inlinable @inline(__always)
    static func writeAllDirect<C: _StructEncoding, Order: _ByteOrderMarker, Aligned: _AlignmentMarker>(
        _ coding: C.Type, _ order: Order.Type, _ alignment: Aligned.Type, _ values: some Collection<C._Value>,
        count: Int, _ plan: _RecordPlan, into bytes: inout MutableRawSpan, at start: Int
    ) throws(StructError) -> Int {
        let slotTable = plan.slotTable
        return try forEachRecord(values, count: count, size: plan.size, from: start) {
            (value, offset) throws(StructError) in
            try writeDirect(coding, order, alignment, value, plan, slotTable, into: &bytes, at: offset)
        }
    }

    /// The planned path's loop, out of line as the one-record planned path is.
    @inlinable @inline(never)
    static func writeAllPlanned<C: _StructEncoding>(
        _ coding: C.Type, _ values: some Collection<C._Value>, count: Int, _ context: _RecordContext?,
        into bytes: inout MutableRawSpan, at start: Int
    ) throws(StructError) -> Int {
        guard let context, context.failure == nil else { throw _RecordPlan.failure(of: context) }
        let format = context.format
        return try format.withFieldCursor { (cursor) throws(StructError) -> Int in
            try forEachRecord(values, count: count, size: format.size, from: start) {
                (value, offset) throws(StructError) in
                try writePlanned(
                    coding, value, size: format.size, valueCount: format.valueCount, context: context, cursor: cursor,
                    hasPadding: format.hasPadding, format: nil, into: &bytes, at: offset)
            }
        }
    }

    /// Calls `body` with each of the first `count` values and its record's offset, `size` bytes
    /// apart from `start`; returns where the last record ends.
    ///
    /// - Throws: what `body` throws, after the records before it.
    @inlinable @inline(__always)
    static func forEachRecord<Value>(
        _ values: some Collection<Value>, count: Int, size: Int, from start: Int,
        _ body: (Value, Int) throws(StructError) -> Void
    ) throws(StructError) -> Int {
        var offset = start
        var remaining = count
        for value in values {
            if remaining == 0 { break }
            try body(value, offset)
            offset &+= size
            remaining &-= 1
        }
        return offset
    }

    /// Zeroes `bytes[from..<to]`, which the caller checked lie inside it.
    @usableFromInline @inline(never)
    static func zero(_ bytes: inout MutableRawSpan, from: Int, to: Int) {
        bytes.withUnsafeMutableBytes { raw in
            _ = UnsafeMutableRawBufferPointer(rebasing: raw[from..<to]).initializeMemory(as: UInt8.self, repeating: 0)
        }
    }
}
