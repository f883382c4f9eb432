/// CPython's rules for packing each Python type into each kind of format code, shared by every
/// ``StructPackable`` conformance so the Swift types and ``StructValue`` behave identically.
@usableFromInline
enum PackSemantics {
    /// A Python `int` (or `bool`): integer codes range-check it, `?` packs its truthiness,
    /// float codes convert it (correctly rounded), `c`, `s` and `p` reject it.
    ///
    /// As in CPython, an overflow while packing an `int` into a float code is reported as
    /// `int too large to convert` rather than as the float's `OverflowError`.
    @inlinable
    static func packInteger<T: BinaryInteger>(_ value: T, into bytes: inout MutableRawSpan, _ slot: ValueSlot)
        throws(StructError)
    {
        switch slot.code.kind {
        case .signedInteger, .unsignedInteger:
            guard let wide = Int128(exactly: value) else {
                ScalarCoding.storeOverflowRemnant(
                    lowBits: UInt64(truncatingIfNeeded: value), isNegative: value < 0, into: &bytes, slot)
                throw StructError.integerOutOfRange(slot.code, size: slot.size)
            }
            try ScalarCoding.storeInteger(wide, into: &bytes, slot)
        case .bool:
            ScalarCoding.storeUnsigned(value != 0 ? 1 : 0, into: &bytes, slot)
        case .floatingPoint:
            do {
                try ScalarCoding.storeDouble(Double(value), into: &bytes, slot)
            } catch {
                throw StructError.intTooLargeToConvert
            }
        case .char:
            throw StructError.charLength
        case .string, .pascalString:
            throw StructError.notBytes(slot.code)
        case .padding:
            return
        }
    }

    /// A Python `float`: integer codes reject it, `?` packs `value != 0` (NaN is true), float
    /// codes store it, `c`, `s` and `p` reject it.
    @inlinable @inline(never)
    static func packDouble(_ value: Double, into bytes: inout MutableRawSpan, _ slot: ValueSlot)
        throws(StructError)
    {
        switch slot.code.kind {
        case .signedInteger, .unsignedInteger:
            throw StructError.notAnInteger
        case .bool:
            ScalarCoding.storeUnsigned(value != 0 ? 1 : 0, into: &bytes, slot)
        case .floatingPoint:
            try ScalarCoding.storeDouble(value, into: &bytes, slot)
        case .char:
            throw StructError.charLength
        case .string, .pascalString:
            throw StructError.notBytes(slot.code)
        case .padding:
            return
        }
    }

    /// A Python `bytes`: integer and float codes reject it, `?` packs whether it is non-empty,
    /// `c` needs exactly one byte, `s` and `p` store it.
    @inlinable
    static func packBytes(_ source: UnsafeRawBufferPointer, into bytes: inout MutableRawSpan, _ slot: ValueSlot)
        throws(StructError)
    {
        switch slot.code.kind {
        case .signedInteger, .unsignedInteger:
            throw StructError.notAnInteger
        case .floatingPoint:
            throw StructError.notAFloat
        case .bool:
            ScalarCoding.storeUnsigned(source.isEmpty ? 0 : 1, into: &bytes, slot)
        case .char, .string, .pascalString:
            try ScalarCoding.storeBytes(source, into: &bytes, slot)
        case .padding:
            return
        }
    }
}
