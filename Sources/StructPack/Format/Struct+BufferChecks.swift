// CPython's buffer-size checks of `unpack`, `unpack_from` and `iter_unpack`, answered from a
// byte count alone: a caller reading a large file can learn which bytes a record needs (or
// CPython's exact error) before reading any of them.

extension Struct {
    /// Checks a buffer of `byteCount` bytes as ``unpack(_:)-(RawSpan)`` does, without the buffer.
    ///
    /// - Parameter byteCount: The length of the buffer that would be unpacked.
    /// - Throws: `.wrongBufferSize` (`unpack requires a buffer of N bytes`) unless `byteCount`
    ///   equals ``size``.
    public func checkUnpackSize(_ byteCount: Int) throws(StructError) {
        guard byteCount == size else { throw .unpackSize(size) }
    }

    /// The bytes ``unpack(from:at:)-(RawSpan,_)`` reads from a buffer of `bufferCount` bytes at
    /// `offset` (negative offsets count from the end), checked as CPython's `unpack_from`
    /// checks them, without the buffer.
    ///
    /// ```swift
    /// let range = try Struct("<IH").byteRange(unpackingFrom: 100, at: -6)   // 94..<100
    /// ```
    ///
    /// - Parameters:
    ///   - bufferCount: The length of the buffer; must not be negative.
    ///   - offset: The offset as given to `unpack_from`.
    /// - Returns: The ``size`` bytes the record occupies, inside `0..<bufferCount`.
    /// - Throws: `.bufferTooSmall` or `.offsetOutOfRange` with CPython's messages, exactly as
    ///   ``unpack(from:at:)-(RawSpan,_)`` throws for a buffer of that length.
    public func byteRange(unpackingFrom bufferCount: Int, at offset: Int = 0) throws(StructError) -> Range<Int> {
        let start = try resolvedOffset(offset, bufferCount: max(0, bufferCount), packing: false)
        return start..<(start + size)
    }

    /// The number of records ``iterUnpack(_:)-([UInt8])`` yields for a buffer of `byteCount`
    /// bytes, checked as CPython's `iter_unpack` checks it, without the buffer.
    ///
    /// - Throws: `.zeroSizeIteration` when ``size`` is 0, `.wrongBufferSize` when `byteCount`
    ///   is not a multiple of ``size``.
    public func recordCount(iterating byteCount: Int) throws(StructError) -> Int {
        try recordCount(byteCount: byteCount)
    }
}
