// Byte arrays behave as Python bytes: the values of `s`, `p` and `c`.

extension Array: StructPackable where Element == UInt8 {
    /// Packs the bytes as Python packs a `bytes` object.
    ///
    /// - Throws: `.notAnInteger` for integer codes, `.notAFloat` for float codes,
    ///   `.charLength` for `c` unless the array has exactly one byte.
    @inlinable
    public func pack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        try self.span.bytes.withUnsafeBytes { (source) throws(StructError) in
            try PackSemantics.packBytes(source, into: &bytes, slot)
        }
    }
}

extension Array: StructUnpackable where Element == UInt8 {
    /// `s`, `p` and `c`.
    @inlinable
    public static func canUnpack(_ code: FormatCode, size: Int) -> Bool {
        code == .string || code == .pascalString || code == .char
    }

    /// Copies the value's bytes into a new array (for `p`, only the bytes its length byte
    /// covers).
    ///
    /// - Complexity: O(*n*) in the slot's size.
    @inlinable
    public static func unpack(from bytes: RawSpan, at slot: ValueSlot) -> [UInt8] {
        ScalarCoding.loadBytes(bytes, slot)
    }
}

extension ArraySlice: StructPackable where Element == UInt8 {
    /// Packs the bytes as Python packs a `bytes` object.
    ///
    /// - Throws: as `Array`'s `pack(into:at:)`.
    @inlinable
    public func pack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        try self.span.bytes.withUnsafeBytes { (source) throws(StructError) in
            try PackSemantics.packBytes(source, into: &bytes, slot)
        }
    }
}
