extension Bool: StructPackable, StructUnpackable {
    /// Packs the value as Python packs a `bool`: `?` stores it, integer codes store 0 or 1,
    /// float codes store 0.0 or 1.0.
    ///
    /// - Throws: `.charLength` for `c`, `.notBytes` for `s` and `p`, `.bufferTooSmall` when the
    ///   slot does not lie inside `bytes`.
    @inlinable
    public func pack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        guard slot.lies(inside: bytes.byteCount) else { throw StructError.slotOutside(slot, byteCount: bytes.byteCount) }
        try _unsafePack(into: &bytes, at: slot)
    }

    /// Packs the value into a slot checked by the caller.
    ///
    /// - Throws: as ``pack(into:at:)``.
    @inlinable @inline(__always)
    public func _unsafePack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        if slot.code == .bool {
            // safe because the caller checked the slot lies inside bytes.
            bytes.storeBytes(of: self ? 1 : 0, toUncheckedByteOffset: slot.offset, as: UInt8.self)
            return
        }
        try PackSemantics.packInteger(self ? 1 : 0, into: &bytes, slot)
    }

    /// `?` only.
    @inlinable @inline(__always)
    public static func canUnpack(_ code: FormatCode, size: Int) -> Bool {
        code == .bool
    }

    /// Reads the byte; any nonzero byte is `true`.
    ///
    /// - Throws: `.bufferTooSmall` or `.typeMismatch` for a slot outside `bytes` or not `?`.
    @inlinable
    public static func unpack(from bytes: RawSpan, at slot: ValueSlot) throws(StructError) -> Bool {
        try checkUnpacking(from: bytes, at: slot)
        return ScalarCoding.loadUnsigned(bytes, slot) != 0
    }

    /// Reads the byte from a slot checked by the caller.
    @inlinable @inline(__always)
    public static func _unsafeUnpack(from bytes: RawSpan, at slot: ValueSlot, owner: ArraySlice<UInt8>?) -> Bool {
        ScalarCoding.loadUnsigned(bytes, slot) != 0
    }

    /// Unpacking an accepted code cannot fail.
    @inlinable
    public static var _unpackingCannotFail: Bool { true }

    /// `?`.
    @inlinable @inline(__always)
    public static var _directLayout: _DirectLayout { _DirectLayout(kind: .bool, size: 1) }

    /// One byte load; any nonzero byte is `true`.
    @inlinable @inline(__always)
    public static func _unsafeLoad(from source: UnsafeRawPointer, swapsBytes: Bool) -> Bool {
        source.load(as: UInt8.self) != 0
    }

    /// Stores 1 or 0.
    @inlinable @inline(__always)
    public func _unsafeStore(to target: UnsafeMutableRawPointer, swapsBytes: Bool) {
        target.storeBytes(of: self ? 1 : 0, as: UInt8.self)
    }
}
