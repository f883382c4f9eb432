/// Reading and writing one value at a ``ValueSlot``, shared by the typed and dynamic APIs.
///
/// Every function here trusts that the slot lies inside the span (``Struct`` checks the whole
/// packed range before it makes slots), which is what makes the unchecked loads and stores safe.
///
/// Package-wide: StreamFramer's length-field cutter reads its field with ``loadUnsigned(_:_:)``.
@usableFromInline
package enum ScalarCoding {
    // MARK: Loading

    /// The slot's bytes as an unsigned integer in host order. Sizes are 1, 2, 4 or 8.
    @inlinable @inline(__always)
    package static func loadUnsigned(_ bytes: RawSpan, _ slot: ValueSlot) -> UInt64 {
        // safe because Struct checked slot.offset + slot.size <= bytes.byteCount.
        switch slot.size {
        case 1:
            return UInt64(bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: slot.offset, as: UInt8.self))
        case 2:
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: slot.offset, as: UInt16.self)
            return UInt64(slot.swapsBytes ? raw.byteSwapped : raw)
        case 4:
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: slot.offset, as: UInt32.self)
            return UInt64(slot.swapsBytes ? raw.byteSwapped : raw)
        default:
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: slot.offset, as: UInt64.self)
            return slot.swapsBytes ? raw.byteSwapped : raw
        }
    }

    /// The slot's integer, sign-extended for signed codes.
    @inlinable
    static func loadInteger(_ bytes: RawSpan, _ slot: ValueSlot) -> Int128 {
        let raw = loadUnsigned(bytes, slot)
        guard slot.code.kind == .signedInteger else { return Int128(raw) }
        let unusedBits = UInt64(64 &- slot.size &* 8)
        return Int128(Int64(bitPattern: raw << unusedBits) >> unusedBits)
    }

    /// The slot's integer widened to `Int128`, out of line: the typed API's path for a code
    /// narrower than the Swift type.
    @inlinable @inline(never)
    static func loadWidenedInteger(_ bytes: RawSpan, _ slot: ValueSlot) -> Int128 {
        loadInteger(bytes, slot)
    }

    /// The slot's floating-point value (`e`, `f` or `d`) widened exactly to `Double`.
    @inlinable @inline(__always)
    static func loadDouble(_ bytes: RawSpan, _ slot: ValueSlot) -> Double {
        if slot.code == .double {
            // safe because Struct checked the slot lies inside bytes.
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: slot.offset, as: UInt64.self)
            return Double(bitPattern: slot.swapsBytes ? raw.byteSwapped : raw)
        }
        return loadNarrowFloat(bytes, slot)
    }

    /// `e` and `f` widened exactly, out of line.
    @inlinable @inline(never)
    static func loadNarrowFloat(_ bytes: RawSpan, _ slot: ValueSlot) -> Double {
        let raw = loadUnsigned(bytes, slot)
        switch slot.code {
        case .half: return HalfFloat.double(fromBits: UInt16(truncatingIfNeeded: raw))
        case .float: return Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw)))
        default: return Double(bitPattern: raw)
        }
    }

    /// Where the bytes of an `s`, `p` or `c` slot's value lie: all of `s` and `c`; for `p`, as
    /// many as the length byte says but never more than `size - 1`, after the length byte.
    @inlinable @inline(__always)
    static func byteRange(_ bytes: RawSpan, _ slot: ValueSlot) -> Range<Int> {
        guard slot.code == .pascalString else { return slot.offset..<(slot.offset &+ slot.size) }
        guard slot.size > 0 else { return slot.offset..<slot.offset }
        // safe because Struct checked slot.offset + slot.size <= bytes.byteCount, and size > 0.
        let length = Int(bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: slot.offset, as: UInt8.self))
        let start = slot.offset &+ 1
        return start..<(start &+ min(length, slot.size &- 1))
    }

    /// A copy of the bytes an `s`, `p` or `c` slot holds (see ``byteRange(_:_:)``).
    @usableFromInline
    static func loadBytes(_ bytes: RawSpan, _ slot: ValueSlot) -> [UInt8] {
        let range = byteRange(bytes, slot)
        return bytes.withUnsafeBytes { buffer in
            // safe because range lies inside the slot, inside the checked range.
            Array(UnsafeRawBufferPointer(rebasing: buffer[range]))
        }
    }

    // MARK: Storing

    /// Stores the low `slot.size` bytes of `value` in the slot's byte order.
    @inlinable @inline(__always)
    static func storeUnsigned(_ value: UInt64, into bytes: inout MutableRawSpan, _ slot: ValueSlot) {
        // safe because Struct checked slot.offset + slot.size <= bytes.byteCount.
        switch slot.size {
        case 1:
            bytes.storeBytes(
                of: UInt8(truncatingIfNeeded: value), toUncheckedByteOffset: slot.offset, as: UInt8.self)
        case 2:
            let raw = UInt16(truncatingIfNeeded: value)
            bytes.storeBytes(
                of: slot.swapsBytes ? raw.byteSwapped : raw, toUncheckedByteOffset: slot.offset, as: UInt16.self)
        case 4:
            let raw = UInt32(truncatingIfNeeded: value)
            bytes.storeBytes(
                of: slot.swapsBytes ? raw.byteSwapped : raw, toUncheckedByteOffset: slot.offset, as: UInt32.self)
        default:
            bytes.storeBytes(
                of: slot.swapsBytes ? value.byteSwapped : value, toUncheckedByteOffset: slot.offset,
                as: UInt64.self)
        }
    }

    /// Stores an integer in an integer slot after CPython's range check.
    ///
    /// - Throws: `.integerOutOfRange` with `'X' format requires MIN <= number <= MAX`, or for
    ///   `P` (which accepts -2^63 ... 2^64-1) `int too large to convert`; the slot is unchanged
    ///   then, except as ``storeOverflowRemnant(lowBits:isNegative:into:_:)`` says.
    @inlinable
    static func storeInteger(_ value: Int128, into bytes: inout MutableRawSpan, _ slot: ValueSlot)
        throws(StructError)
    {
        guard isInRange(value, slot) else {
            storeOverflowRemnant(lowBits: UInt64(truncatingIfNeeded: value), isNegative: value < 0, into: &bytes, slot)
            throw StructError.integerOutOfRange(slot.code, size: slot.size)
        }
        storeUnsigned(UInt64(truncatingIfNeeded: value), into: &bytes, slot)
    }

    /// What CPython 3.13 leaves in a slot when an int is out of range: nothing, except for
    /// big-endian standard-size `q` and `Q` (`>q`, `!Q`, …), whose converters write the int's low
    /// 8 bytes (two's complement) before they report the error. A negative int for `Q` is
    /// refused before anything is written. So `struct.pack_into('>q', buf, 0, -2**63 - 1)` raises
    /// and leaves `7f ff ff ff ff ff ff ff` in `buf`.
    @inlinable
    static func storeOverflowRemnant(lowBits: UInt64, isNegative: Bool, into bytes: inout MutableRawSpan, _ slot: ValueSlot) {
        guard takesOverflowRemnant(slot), slot.code == .longLong || !isNegative else { return }
        storeUnsigned(lowBits, into: &bytes, slot)
    }

    /// Whether an out-of-range int leaves bytes in `slot` (see
    /// ``storeOverflowRemnant(lowBits:isNegative:into:_:)``).
    @inlinable
    static func takesOverflowRemnant(_ slot: ValueSlot) -> Bool {
        slot.size == 8 && !slot.byteOrder.usesNativeSizes && slot.byteOrder.isBigEndian
            && (slot.code == .longLong || slot.code == .unsignedLongLong)
    }

    @inlinable @inline(__always)
    static func isInRange(_ value: Int128, _ slot: ValueSlot) -> Bool {
        let bits = slot.size &* 8
        switch slot.code.kind {
        case .signedInteger:
            let bound = Int128(1) << (bits &- 1)
            return value >= -bound && value < bound
        case _ where slot.code == .pointer:
            return value >= Int128(Int64.min) && value <= Int128(UInt64.max)
        default:
            return value >= 0 && value < Int128(1) << bits
        }
    }

    /// Stores a number in an `e`, `f` or `d` slot.
    ///
    /// - Throws: `.floatTooLarge` when a finite value overflows `e`, or `f` under a standard
    ///   prefix; native `f` stores infinity instead, as C's conversion does.
    @inlinable
    static func storeDouble(_ value: Double, into bytes: inout MutableRawSpan, _ slot: ValueSlot)
        throws(StructError)
    {
        switch slot.code {
        case .half:
            guard let bits = HalfFloat.bits(from: value) else { throw StructError.floatTooLarge(.half) }
            storeUnsigned(UInt64(bits), into: &bytes, slot)
        case .float:
            let narrowed = Float(value)
            if narrowed.isInfinite && value.isFinite && !slot.byteOrder.usesNativeSizes {
                throw StructError.floatTooLarge(.float)
            }
            storeUnsigned(UInt64(narrowed.bitPattern), into: &bytes, slot)
        default:
            storeUnsigned(value.bitPattern, into: &bytes, slot)
        }
    }

    /// Stores bytes in an `s`, `p` or `c` slot: `s` truncates or zero-pads to its size; `p`
    /// writes a length byte of min(count, size - 1, 255) and then the bytes, zero-padded; `c`
    /// requires exactly one byte.
    ///
    /// - Throws: `.charLength` for `c` given other than one byte.
    @usableFromInline
    static func storeBytes(_ source: UnsafeRawBufferPointer, into bytes: inout MutableRawSpan, _ slot: ValueSlot)
        throws(StructError)
    {
        if slot.code == .char {
            guard source.count == 1 else { throw .charLength }
            storeUnsigned(UInt64(source[0]), into: &bytes, slot)
            return
        }
        let isPascal = slot.code == .pascalString
        guard slot.size > 0 else {
            // CPython writes a `0p`'s length byte (0) at its offset even though the value has no
            // bytes: visible only at the end of a record packed into a longer buffer. It is
            // written only when that byte lies inside the destination.
            if isPascal && slot.offset < bytes.byteCount {
                // safe because 0 <= slot.offset < bytes.byteCount.
                bytes.storeBytes(of: 0 as UInt8, toUncheckedByteOffset: slot.offset, as: UInt8.self)
            }
            return
        }
        bytes.withUnsafeMutableBytes { target in
            // safe because slot.offset + slot.size <= target.count, checked by Struct, and size > 0.
            storeByteString(
                source, to: target.baseAddress.unsafelyUnwrapped + slot.offset, size: slot.size, isPascal: isPascal)
        }
    }

    // MARK: Byte strings at a pointer (the direct paths)

    /// Where an `s` (all of its `size` bytes) or `p` (as many bytes as its length byte says, but
    /// at most `size - 1`, after the length byte) value at `source` lies, relative to `source`.
    /// `size` is more than 0 and `size` bytes are readable at `source`.
    @inlinable @inline(__always)
    static func byteStringRange(at source: UnsafeRawPointer, size: Int, isPascal: Bool) -> Range<Int> {
        guard isPascal else { return 0..<size }
        let length = Int(source.load(as: UInt8.self))
        return 1..<(1 &+ min(length, size &- 1))
    }

    /// Stores `source` as an `s` or `p` value of `size` bytes (more than 0, all writable) at
    /// `target`: `s` truncates or zero-pads to its size; `p` writes a length byte of
    /// min(count, size - 1, 255), then that many bytes (up to size - 1), zero-padded.
    @inlinable @inline(__always)
    static func storeByteString(
        _ source: UnsafeRawBufferPointer, to target: UnsafeMutableRawPointer, size: Int, isPascal: Bool
    ) {
        let dataStart = isPascal ? 1 : 0
        let room = size &- dataStart
        let copied = min(source.count, room)
        if isPascal { target.storeBytes(of: UInt8(truncatingIfNeeded: min(copied, 255)), as: UInt8.self) }
        if copied > 0, let sourceBase = source.baseAddress {
            (target + dataStart).copyMemory(from: sourceBase, byteCount: copied)
        }
        if copied < room {
            (target + (dataStart &+ copied)).initializeMemory(as: UInt8.self, repeating: 0, count: room &- copied)
        }
    }
}
