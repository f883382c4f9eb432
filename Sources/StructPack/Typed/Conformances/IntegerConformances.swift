// Fixed-width integers behave as Python ints when packed and accept every integer code whose
// whole range they can hold when unpacked.

extension StructPackable where Self: FixedWidthInteger & BitwiseCopyable {
    /// Packs the integer as Python packs an `int`.
    ///
    /// - Throws: `.integerOutOfRange` outside the code's range, `int too large to convert` for
    ///   an `e` overflow, `.charLength` for `c`, `.notBytes` for `s` and `p`, `.bufferTooSmall`
    ///   when the slot does not lie inside `bytes`.
    @inlinable
    public func pack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        guard slot.lies(inside: bytes.byteCount) else { throw StructError.slotOutside(slot, byteCount: bytes.byteCount) }
        try _unsafePack(into: &bytes, at: slot)
    }

    /// Packs the integer into a slot checked by the caller.
    ///
    /// - Throws: as ``pack(into:at:)``.
    @inlinable @inline(__always)
    public func _unsafePack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        if Self._directLayout.matches(slot.code, size: slot.size) {
            // safe because the caller checked the slot lies inside bytes.
            bytes.storeBytes(
                of: slot.swapsBytes ? byteSwapped : self, toUncheckedByteOffset: slot.offset, as: Self.self)
            return
        }
        try PackSemantics.packInteger(self, into: &bytes, slot)
    }
}

extension StructUnpackable where Self: FixedWidthInteger & BitwiseCopyable {
    /// Integer codes whose whole range fits in `Self`; `c` (one byte) when a byte fits.
    @inlinable @inline(__always)
    public static func canUnpack(_ code: FormatCode, size: Int) -> Bool {
        let bits = size &* 8
        switch code.kind {
        case .signedInteger: return isSigned && bitWidth >= bits
        case .unsignedInteger, .char: return bitWidth >= (isSigned ? bits &+ 1 : bits)
        default: return false
        }
    }

    /// Reads the integer, sign-extending signed codes.
    ///
    /// - Throws: `.bufferTooSmall` or `.typeMismatch` for a slot outside `bytes` or a code
    ///   ``canUnpack(_:size:)`` rejects.
    @inlinable
    public static func unpack(from bytes: RawSpan, at slot: ValueSlot) throws(StructError) -> Self {
        try checkUnpacking(from: bytes, at: slot)
        return try _unsafeUnpack(from: bytes, at: slot, owner: nil)
    }

    /// Reads the integer from a slot checked by the caller.
    @inlinable @inline(__always)
    public static func _unsafeUnpack(from bytes: RawSpan, at slot: ValueSlot, owner: ArraySlice<UInt8>?)
        throws(StructError) -> Self
    {
        if slot.size == MemoryLayout<Self>.size {
            // Same width and canUnpack held, so the signedness matches (or the code is `c`).
            // safe because the caller checked the slot lies inside bytes.
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: slot.offset, as: Self.self)
            return slot.swapsBytes ? raw.byteSwapped : raw
        }
        return Self(truncatingIfNeeded: ScalarCoding.loadWidenedInteger(bytes, slot))
    }

    /// Unpacking an accepted code cannot fail.
    @inlinable
    public static var _unpackingCannotFail: Bool { true }

    /// An integer code of exactly this type's width and signedness (none for 16-byte integers:
    /// no code is that wide, and direct paths move at most 8 bytes per value).
    @inlinable @inline(__always)
    public static var _directLayout: _DirectLayout {
        MemoryLayout<Self>.size > 8
            ? .none : _DirectLayout(kind: isSigned ? .signedInteger : .unsignedInteger, size: MemoryLayout<Self>.size)
    }

    /// One unaligned load, byte-swapped if needed.
    @inlinable @inline(__always)
    public static func _unsafeLoad(from source: UnsafeRawPointer, swapsBytes: Bool) -> Self {
        let raw = source.loadUnaligned(as: Self.self)
        return swapsBytes ? raw.byteSwapped : raw
    }

    /// One unaligned store, byte-swapped if needed.
    @inlinable @inline(__always)
    public func _unsafeStore(to target: UnsafeMutableRawPointer, swapsBytes: Bool) {
        target.storeBytes(of: swapsBytes ? byteSwapped : self, as: Self.self)
    }
}

extension Int: StructPackable, StructUnpackable {}
extension Int8: StructPackable, StructUnpackable {}
extension Int16: StructPackable, StructUnpackable {}
extension Int32: StructPackable, StructUnpackable {}
extension Int64: StructPackable, StructUnpackable {}
extension UInt: StructPackable, StructUnpackable {}
extension UInt8: StructPackable, StructUnpackable {}
extension UInt16: StructPackable, StructUnpackable {}
extension UInt32: StructPackable, StructUnpackable {}
extension UInt64: StructPackable, StructUnpackable {}
extension Int128: StructPackable, StructUnpackable {}
extension UInt128: StructPackable, StructUnpackable {}
