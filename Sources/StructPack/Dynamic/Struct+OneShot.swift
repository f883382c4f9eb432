// One-shot functions mirroring Python's module-level `struct.pack`, `struct.unpack`, … so
// Python code ports line by line: `struct.pack('<I', n)` becomes `Struct.pack("<I", n)`.
// Formats are compiled once and cached, as CPython does. The typed one-shot forms are generated
// with the rest of the typed API in Generated/TypedArities.swift.

extension Struct {
    /// The packed size of `format` (Python's `struct.calcsize`).
    ///
    /// - Throws: the format's compile error.
    public static func calcsize(_ format: String) throws(StructError) -> Int {
        try FormatCache.compiled(format).size
    }

    /// Packs dynamic values (Python's `struct.pack(format, *values)`).
    ///
    /// - Throws: the format's compile error, or as ``pack(_:)-([StructValue])``.
    @_disfavoredOverload
    public static func pack(_ format: String, _ values: [StructValue]) throws(StructError) -> [UInt8] {
        try FormatCache.compiled(format).pack(values)
    }

    /// Packs dynamic values into an array at `offset` (Python's `struct.pack_into`).
    ///
    /// - Throws: the format's compile error, or as ``pack(into:at:_:)-(MutableRawSpan,_,[StructValue])``.
    @_disfavoredOverload
    public static func pack(_ format: String, into bytes: inout [UInt8], at offset: Int, _ values: [StructValue])
        throws(StructError)
    {
        try FormatCache.compiled(format).pack(into: &bytes, at: offset, values)
    }

    /// Unpacks exactly `calcsize(format)` bytes into dynamic values (Python's `struct.unpack`).
    ///
    /// - Throws: the format's compile error, or as ``unpack(_:)-(RawSpan)``.
    public static func unpack(_ format: String, _ bytes: [UInt8]) throws(StructError) -> [StructValue] {
        try FormatCache.compiled(format).unpack(bytes)
    }

    /// Unpacks dynamic values at `offset` (Python's `struct.unpack_from(format, buffer, offset)`).
    ///
    /// - Throws: the format's compile error, or as ``unpack(from:at:)-(RawSpan,_)``.
    public static func unpack(_ format: String, from bytes: [UInt8], at offset: Int = 0) throws(StructError)
        -> [StructValue]
    {
        try FormatCache.compiled(format).unpack(from: bytes, at: offset)
    }

    /// Unpacks back-to-back records lazily (Python's `struct.iter_unpack`).
    ///
    /// - Throws: the format's compile error, or as ``iterUnpack(_:)-([UInt8])``.
    public static func iterUnpack(_ format: String, _ bytes: [UInt8]) throws(StructError) -> Records {
        try FormatCache.compiled(format).iterUnpack(bytes)
    }

    /// The cached compiled format, for the inlinable one-shot functions.
    ///
    /// - Throws: the format's compile error.
    @usableFromInline
    static func compiled(_ format: String) throws(StructError) -> Struct {
        try FormatCache.compiled(format)
    }
}
