extension Bool: StructPackable, StructUnpackable {
    /// Packs the value as Python packs a `bool`: `?` stores it, integer codes store 0 or 1,
    /// float codes store 0.0 or 1.0.
    ///
    /// - Throws: `.charLength` for `c`, `.notBytes` for `s` and `p`.
    @inlinable
    public func pack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        try PackSemantics.packInteger(self ? 1 : 0, into: &bytes, slot)
    }

    /// `?` only.
    @inlinable
    public static func canUnpack(_ code: FormatCode, size: Int) -> Bool {
        code == .bool
    }

    /// Reads the byte; any nonzero byte is `true`.
    @inlinable
    public static func unpack(from bytes: RawSpan, at slot: ValueSlot) -> Bool {
        ScalarCoding.loadUnsigned(bytes, slot) != 0
    }
}
