extension Bool: StructPackable, StructUnpackable {
    /// Packs the value as Python packs a `bool`: `?` stores it, integer codes store 0 or 1,
    /// float codes store 0.0 or 1.0.
    ///
    /// - Throws: `.charLength` for `c`, `.notBytes` for `s` and `p`.
    @inlinable @inline(__always)
    public func pack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        if slot.code == .bool {
            packDirectly(into: &bytes, at: slot.offset, swapsBytes: slot.swapsBytes)
            return
        }
        try PackSemantics.packInteger(self ? 1 : 0, into: &bytes, slot)
    }

    /// `?`.
    @inlinable @inline(__always)
    public static var directPackLayout: DirectLayout? { DirectLayout(kind: .bool, size: 1) }

    /// Stores 1 or 0.
    @inlinable @inline(__always)
    public func packDirectly(into bytes: inout MutableRawSpan, at offset: Int, swapsBytes: Bool) {
        // safe because Struct checked the slot lies inside bytes.
        bytes.storeBytes(of: self ? 1 : 0, toUncheckedByteOffset: offset, as: UInt8.self)
    }

    /// `?`.
    @inlinable @inline(__always)
    public static var directUnpackLayout: DirectLayout? { DirectLayout(kind: .bool, size: 1) }

    /// One byte load; any nonzero byte is `true`.
    @inlinable @inline(__always)
    public static func unpackDirectly(from bytes: RawSpan, at offset: Int, swapsBytes: Bool) -> Bool {
        // safe because Struct checked the slot lies inside bytes.
        bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: UInt8.self) != 0
    }

    /// `?` only.
    @inlinable @inline(__always)
    public static func canUnpack(_ code: FormatCode, size: Int) -> Bool {
        code == .bool
    }

    /// Reads the byte; any nonzero byte is `true`.
    @inlinable @inline(__always)
    public static func unpack(from bytes: RawSpan, at slot: ValueSlot) -> Bool {
        ScalarCoding.loadUnsigned(bytes, slot) != 0
    }
}
