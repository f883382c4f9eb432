// Appending one record to an array or an output span: the record is written straight into the
// new capacity, which becomes part of the output only when the write succeeds, so an error
// leaves the output unchanged with nothing to undo.

extension Struct {
    /// Appends one record of `size` bytes to `bytes`: `write` gets a span that ends where the
    /// record ends and the record's offset in it, and must initialize every byte of the record
    /// (every writer of a whole record does: values, strings' zero padding, pad bytes), unless
    /// `zeroFirst` zeroes them first. On error the array is unchanged, and the error's byte offset
    /// is in the array.
    ///
    /// - Throws: `.allocationLimit`, or `write`'s error.
    /// - Complexity: O(`size`), amortised: the array grows geometrically.
    @inlinable @inline(__always)
    static func appendRecord(
        size: Int, to bytes: inout [UInt8], zeroFirst: Bool = false,
        _ write: (inout MutableRawSpan, Int) throws(StructError) -> Void
    ) throws(StructError) {
        try checkAllocation(count: size, stride: 1)
        // The new capacity's offsets start at 0; an error's byte offset is in the array.
        let base = bytes.count
        do throws(StructError) {
            try bytes.append(addingCapacity: size) { (output: inout OutputSpan<UInt8>) throws(StructError) in
                try output.withUnsafeMutableBufferPointer { (buffer, count) throws(StructError) in
                    try writeRecord(size: size, into: UnsafeMutableRawBufferPointer(buffer), count: &count, zeroFirst, write)
                }
            }
        } catch {
            throw error.offset(by: base)
        }
    }

    /// Appends one record of `size` bytes to `output` (see
    /// ``appendRecord(size:to:zeroFirst:_:)-([UInt8])``); on error it is unchanged.
    ///
    /// - Throws: `.bufferTooSmall` when fewer than `size` bytes of capacity are free, or
    ///   `write`'s error.
    @inlinable @inline(__always)
    static func appendRecord(
        size: Int, to output: inout OutputRawSpan, zeroFirst: Bool = false,
        _ write: (inout MutableRawSpan, Int) throws(StructError) -> Void
    ) throws(StructError) {
        guard output.freeCapacity >= size else {
            throw StructError.bufferTooSmall(
                packing: true, size: size, offset: output.byteCount, bufferCount: output.byteCount + output.freeCapacity)
        }
        try output.withUnsafeMutableBytes { (buffer, count) throws(StructError) in
            try writeRecord(size: size, into: buffer, count: &count, zeroFirst, write)
        }
    }

    /// Writes the record at `count` of `buffer` and counts it once written.
    @inlinable @inline(__always)
    static func writeRecord(
        size: Int, into buffer: UnsafeMutableRawBufferPointer, count: inout Int, _ zeroFirst: Bool,
        _ write: (inout MutableRawSpan, Int) throws(StructError) -> Void
    ) throws(StructError) {
        // safe because the caller made room: count + size <= buffer.count.
        let record = UnsafeMutableRawBufferPointer(rebasing: buffer[..<(count &+ size)])
        if zeroFirst {
            UnsafeMutableRawBufferPointer(rebasing: record[count...]).initializeMemory(as: UInt8.self, repeating: 0)
        }
        var span = record.mutableBytes
        try write(&span, count)
        count &+= size
    }
}
