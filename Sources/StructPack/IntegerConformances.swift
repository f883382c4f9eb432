// Fixed-width integers behave as Python ints when packed and accept every integer code whose
// whole range they can hold when unpacked.

extension StructPackable where Self: FixedWidthInteger & BitwiseCopyable {
    /// Packs the integer as Python packs an `int`.
    ///
    /// - Throws: `.integerOutOfRange` outside the code's range, `int too large to convert` for
    ///   an `e` overflow, `.charLength` for `c`, `.notBytes` for `s` and `p`.
    @inlinable @inline(__always)
    public func pack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        if Self.canPackDirectly(slot.code, size: slot.size) {
            packDirectly(into: &bytes, at: slot.offset, swapsBytes: slot.swapsBytes)
            return
        }
        try PackSemantics.packInteger(self, into: &bytes, slot)
    }

    /// An integer code of this type's width and signedness: every value fits, no range check.
    @inlinable @inline(__always)
    public static var directPackLayout: DirectLayout? {
        DirectLayout(kind: isSigned ? .signedInteger : .unsignedInteger, size: MemoryLayout<Self>.size)
    }

    /// Stores the integer's bytes in the slot's byte order.
    @inlinable @inline(__always)
    public func packDirectly(into bytes: inout MutableRawSpan, at offset: Int, swapsBytes: Bool) {
        // safe because Struct checked the slot lies inside bytes.
        bytes.storeBytes(of: swapsBytes ? byteSwapped : self, toUncheckedByteOffset: offset, as: Self.self)
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
    @inlinable @inline(__always)
    public static func unpack(from bytes: RawSpan, at slot: ValueSlot) -> Self {
        if slot.size == MemoryLayout<Self>.size {
            // Same width and canUnpack held, so the signedness matches.
            return unpackDirectly(from: bytes, at: slot.offset, swapsBytes: slot.swapsBytes)
        }
        return Self(truncatingIfNeeded: ScalarCoding.loadWidenedInteger(bytes, slot))
    }

    /// An integer code of exactly this type's width and signedness.
    @inlinable @inline(__always)
    public static var directUnpackLayout: DirectLayout? {
        DirectLayout(kind: isSigned ? .signedInteger : .unsignedInteger, size: MemoryLayout<Self>.size)
    }

    /// One unaligned load, byte-swapped if needed.
    @inlinable @inline(__always)
    public static func unpackDirectly(from bytes: RawSpan, at offset: Int, swapsBytes: Bool) -> Self {
        // safe because Struct checked the slot lies inside bytes.
        let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: Self.self)
        return swapsBytes ? raw.byteSwapped : raw
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
