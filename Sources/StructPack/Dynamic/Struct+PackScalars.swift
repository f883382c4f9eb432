// The pack functions again, for an array literal without byte strings: the same code as Python's
// `s.pack_into(buf, off, id, 1, 2, length, 0.5)` ports to,
// `s.pack(into: &buf, at: off, [.int(id), 1, 2, .int(length), 0.5])`, type-checks its literal as
// `[_StructScalar]` and calls these (the `[StructValue]` forms are disfavoured). Same bytes, same
// errors; the literal needs no element-by-element destruction after the call.

extension Struct {
    /// Packs an array literal of integers, floats and bools into a new array (Python's
    /// `Struct.pack`); as ``pack(_:)-([StructValue])``.
    ///
    /// - Throws: as ``pack(_:)-([StructValue])``.
    /// - Complexity: O(``size``).
    @inlinable
    public func pack(_ values: [_StructScalar]) throws(StructError) -> [UInt8] {
        try packIntoNewArray(values)
    }

    /// Packs an array literal of integers, floats and bools into `bytes` at `offset` (Python's
    /// `Struct.pack_into`); as ``pack(into:at:_:)-(MutableRawSpan,_,[StructValue])``.
    ///
    /// - Throws: as ``pack(into:at:_:)-(MutableRawSpan,_,[StructValue])``.
    /// - Complexity: O(``size``).
    @inlinable @inline(__always)
    public func pack(into bytes: inout MutableRawSpan, at offset: Int = 0, _ values: [_StructScalar])
        throws(StructError)
    {
        try packInPlace(into: &bytes, at: offset, values)
    }

    /// Packs an array literal of integers, floats and bools into an existing array at `offset`,
    /// in place.
    ///
    /// - Throws: as ``pack(into:at:_:)-(MutableRawSpan,_,[StructValue])``.
    @inlinable @inline(__always)
    public func pack(into bytes: inout [UInt8], at offset: Int = 0, _ values: [_StructScalar]) throws(StructError) {
        var span = bytes.mutableSpan
        var raw = span.mutableBytes
        try packInPlace(into: &raw, at: offset, values)
    }

    /// Packs an array literal of integers, floats and bools into a buffer at `offset`, in place.
    ///
    /// - Throws: as ``pack(into:at:_:)-(MutableRawSpan,_,[StructValue])``.
    @inlinable @inline(__always)
    public func pack(into bytes: UnsafeMutableRawBufferPointer, at offset: Int = 0, _ values: [_StructScalar])
        throws(StructError)
    {
        var raw = bytes.mutableBytes
        try packInPlace(into: &raw, at: offset, values)
    }

    /// Appends an array literal of integers, floats and bools, packed, to an array; on error the
    /// array is unchanged.
    ///
    /// - Throws: as ``pack(_:)-([StructValue])``.
    /// - Complexity: O(``size``), amortised.
    @inlinable
    public func pack(appendingTo bytes: inout [UInt8], _ values: [_StructScalar]) throws(StructError) {
        try packAppending(to: &bytes, values)
    }

    /// Appends an array literal of integers, floats and bools, packed, to an output span; on
    /// error it is unchanged.
    ///
    /// - Throws: as ``pack(appendingTo:_:)-(OutputRawSpan,[StructValue])``.
    @inlinable
    public func pack(appendingTo output: inout OutputRawSpan, _ values: [_StructScalar]) throws(StructError) {
        try packAppending(to: &output, values)
    }

    /// Packs an array literal of integers, floats and bools (Python's
    /// `struct.pack(format, *values)`).
    ///
    /// - Throws: the format's compile error, or as ``pack(_:)-([StructValue])``.
    public static func pack(_ format: String, _ values: [_StructScalar]) throws(StructError) -> [UInt8] {
        try FormatCache.compiled(format).pack(values)
    }

    /// Packs an array literal of integers, floats and bools into an array at `offset` (Python's
    /// `struct.pack_into`).
    ///
    /// - Throws: the format's compile error, or as
    ///   ``pack(into:at:_:)-(MutableRawSpan,_,[StructValue])``.
    public static func pack(_ format: String, into bytes: inout [UInt8], at offset: Int, _ values: [_StructScalar])
        throws(StructError)
    {
        try FormatCache.compiled(format).pack(into: &bytes, at: offset, values)
    }
}
