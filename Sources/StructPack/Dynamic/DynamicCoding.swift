// The dynamic API's per-value fast paths: one switch on a kind decided when the format was
// compiled, then a load or a range check and a store. Everything the fast paths do not take
// (half and single floats, strings, conversions, out-of-range values) goes through
// StructValue's general coding, so results and errors are those of CPython either way.

/// A value's code family and width, when the dynamic API can move it with one load or store.
@usableFromInline
enum ScalarKind: UInt8, Sendable, Hashable {
    case unsigned8, unsigned16, unsigned32, unsigned64
    case signed8, signed16, signed32, signed64
    case bool
    case double
    /// `e`, `f`, `c`, `s`, `p`: the general path.
    case other

    @inlinable
    init(code: FormatCode, size: Int) {
        switch (code.kind, size) {
        case (.unsignedInteger, 1): self = .unsigned8
        case (.unsignedInteger, 2): self = .unsigned16
        case (.unsignedInteger, 4): self = .unsigned32
        case (.unsignedInteger, 8): self = .unsigned64
        case (.signedInteger, 1): self = .signed8
        case (.signedInteger, 2): self = .signed16
        case (.signedInteger, 4): self = .signed32
        case (.signedInteger, 8): self = .signed64
        case (.bool, 1): self = .bool
        case (.floatingPoint, 8) where code == .double: self = .double
        default: self = .other
        }
    }
}

extension Struct {
    /// The value Python's `unpack` returns for `slot` of the record at `base` (bounds checked by
    /// the caller), in a format of `byteOrder`. Static, so loops pass two scalars rather than the
    /// whole format.
    @inlinable @inline(__always)
    static func dynamicValue(
        _ bytes: RawSpan, _ slot: Slot, base: Int, byteOrder: ByteOrder, swapsBytes swaps: Bool
    ) -> StructValue {
        let offset = base &+ slot.offset
        // safe because the caller checked the record lies inside bytes, and the slot inside it.
        switch slot.scalar {
        case .unsigned8:
            return .int(Int128(bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: UInt8.self)))
        case .unsigned16:
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: UInt16.self)
            return .int(Int128(swaps ? raw.byteSwapped : raw))
        case .unsigned32:
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: UInt32.self)
            return .int(Int128(swaps ? raw.byteSwapped : raw))
        case .unsigned64:
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: UInt64.self)
            return .int(Int128(swaps ? raw.byteSwapped : raw))
        case .signed8:
            return .int(Int128(bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: Int8.self)))
        case .signed16:
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: Int16.self)
            return .int(Int128(swaps ? raw.byteSwapped : raw))
        case .signed32:
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: Int32.self)
            return .int(Int128(swaps ? raw.byteSwapped : raw))
        case .signed64:
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: Int64.self)
            return .int(Int128(swaps ? raw.byteSwapped : raw))
        case .bool:
            return .bool(bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: UInt8.self) != 0)
        case .double:
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: UInt64.self)
            return .double(Double(bitPattern: swaps ? raw.byteSwapped : raw))
        case .other:
            return dynamicValueSlowly(bytes, slot, base: base, byteOrder: byteOrder, swapsBytes: swaps)
        }
    }

    /// ``dynamicValue(_:_:base:byteOrder:swapsBytes:)`` for `e`, `f`, `c`, `s` and `p`, out of
    /// line so that the common codes' switch stays small where it is inlined.
    @usableFromInline @inline(never)
    static func dynamicValueSlowly(
        _ bytes: RawSpan, _ slot: Slot, base: Int, byteOrder: ByteOrder, swapsBytes swaps: Bool
    ) -> StructValue {
        StructValue._unsafeUnpack(
            from: bytes,
            at: ValueSlot(code: slot.code, offset: base &+ slot.offset, size: slot.size, byteOrder: byteOrder, swapsBytes: swaps),
            owner: nil)
    }

    /// Stores `value` in `slot` of the record at `base` (bounds checked by the caller) when it is
    /// the value's own type and in range for every code of the slot's family and width.
    ///
    /// - Returns: `false`, having written nothing, when the general path must pack it.
    @inlinable @inline(__always)
    static func packDynamicValue(
        _ value: StructValue, _ slot: Slot, base: Int, swapsBytes swaps: Bool, into bytes: inout MutableRawSpan
    ) -> Bool {
        let offset = base &+ slot.offset
        // safe because the caller checked the record lies inside bytes, and the slot inside it.
        switch (slot.scalar, value) {
        case (.unsigned8, .int(let v)) where v >= 0 && v <= Int128(UInt8.max):
            bytes.storeBytes(of: UInt8(truncatingIfNeeded: v), toUncheckedByteOffset: offset, as: UInt8.self)
        case (.unsigned16, .int(let v)) where v >= 0 && v <= Int128(UInt16.max):
            let raw = UInt16(truncatingIfNeeded: v)
            bytes.storeBytes(of: swaps ? raw.byteSwapped : raw, toUncheckedByteOffset: offset, as: UInt16.self)
        case (.unsigned32, .int(let v)) where v >= 0 && v <= Int128(UInt32.max):
            let raw = UInt32(truncatingIfNeeded: v)
            bytes.storeBytes(of: swaps ? raw.byteSwapped : raw, toUncheckedByteOffset: offset, as: UInt32.self)
        case (.unsigned64, .int(let v)) where v >= 0 && v <= Int128(UInt64.max):
            let raw = UInt64(truncatingIfNeeded: v)
            bytes.storeBytes(of: swaps ? raw.byteSwapped : raw, toUncheckedByteOffset: offset, as: UInt64.self)
        case (.signed8, .int(let v)) where v >= Int128(Int8.min) && v <= Int128(Int8.max):
            bytes.storeBytes(of: Int8(truncatingIfNeeded: v), toUncheckedByteOffset: offset, as: Int8.self)
        case (.signed16, .int(let v)) where v >= Int128(Int16.min) && v <= Int128(Int16.max):
            let raw = Int16(truncatingIfNeeded: v)
            bytes.storeBytes(of: swaps ? raw.byteSwapped : raw, toUncheckedByteOffset: offset, as: Int16.self)
        case (.signed32, .int(let v)) where v >= Int128(Int32.min) && v <= Int128(Int32.max):
            let raw = Int32(truncatingIfNeeded: v)
            bytes.storeBytes(of: swaps ? raw.byteSwapped : raw, toUncheckedByteOffset: offset, as: Int32.self)
        case (.signed64, .int(let v)) where v >= Int128(Int64.min) && v <= Int128(Int64.max):
            let raw = Int64(truncatingIfNeeded: v)
            bytes.storeBytes(of: swaps ? raw.byteSwapped : raw, toUncheckedByteOffset: offset, as: Int64.self)
        case (.bool, .bool(let flag)):
            bytes.storeBytes(of: flag ? 1 : 0, toUncheckedByteOffset: offset, as: UInt8.self)
        case (.double, .double(let number)):
            let raw = number.bitPattern
            bytes.storeBytes(of: swaps ? raw.byteSwapped : raw, toUncheckedByteOffset: offset, as: UInt64.self)
        default:
            return false
        }
        return true
    }
}
