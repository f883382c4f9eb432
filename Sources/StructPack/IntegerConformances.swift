// Fixed-width integers behave as Python ints when packed and accept every integer code whose
// whole range they can hold when unpacked.

extension StructPackable where Self: BinaryInteger {
    /// Packs the integer as Python packs an `int`.
    ///
    /// - Throws: `.integerOutOfRange` outside the code's range, `.floatTooLarge` for `e` (and
    ///   standard `f`) overflow, `.charLength` for `c`, `.notBytes` for `s` and `p`.
    @inlinable
    public func pack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        try PackSemantics.packInteger(self, into: &bytes, slot)
    }
}

extension StructUnpackable where Self: FixedWidthInteger & BitwiseCopyable {
    /// Integer codes whose whole range fits in `Self`; `c` (one byte) when a byte fits.
    @inlinable
    public static func canUnpack(_ code: FormatCode, size: Int) -> Bool {
        let bits = size &* 8
        switch code.kind {
        case .signedInteger: return isSigned && bitWidth >= bits
        case .unsignedInteger, .char: return bitWidth >= (isSigned ? bits &+ 1 : bits)
        default: return false
        }
    }

    /// Reads the integer, sign-extending signed codes.
    @inlinable
    public static func unpack(from bytes: RawSpan, at slot: ValueSlot) -> Self {
        if slot.size == MemoryLayout<Self>.size {
            // Same width and canUnpack held, so the signedness matches: load directly.
            // safe because Struct checked the slot lies inside bytes.
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: slot.offset, as: Self.self)
            return slot.swapsBytes ? raw.byteSwapped : raw
        }
        if slot.code.kind == .signedInteger {
            return Self(truncatingIfNeeded: ScalarCoding.loadInteger(bytes, slot))
        }
        return Self(truncatingIfNeeded: ScalarCoding.loadUnsigned(bytes, slot))
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
