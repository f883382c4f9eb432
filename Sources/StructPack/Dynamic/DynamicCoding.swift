// The dynamic API's per-value fast paths: one switch on a kind decided when the format was
// compiled, then a load, or a range check and a store. Everything the fast paths do not take
// (half and single floats, `c`, conversions between types, out-of-range values, and unpacking
// byte values) goes through StructValue's general coding, so results and errors are those of
// CPython either way.

/// A value's code family and width, when the dynamic API can move it with one load or store.
@usableFromInline
enum ScalarKind: Sendable, Hashable {
    case unsigned8, unsigned16, unsigned32, unsigned64
    case signed8, signed16, signed32, signed64
    case bool
    case double
    /// `s`: packing copies the bytes and zero-pads them.
    case string
    /// `p` of at least one byte: packing writes a length byte, then the bytes zero-padded.
    case pascalString
    /// `e`, `f`, `c`, `0p`: the general path.
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
        case (.string, _): self = .string
        case (.pascalString, 1...): self = .pascalString
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
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: UInt8.self)
            return .int(.init(unsigned: UInt64(raw)))
        case .unsigned16:
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: UInt16.self)
            return .int(.init(unsigned: UInt64(swaps ? raw.byteSwapped : raw)))
        case .unsigned32:
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: UInt32.self)
            return .int(.init(unsigned: UInt64(swaps ? raw.byteSwapped : raw)))
        case .unsigned64:
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: UInt64.self)
            return .int(.init(unsigned: UInt64(swaps ? raw.byteSwapped : raw)))
        case .signed8:
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: Int8.self)
            return .int(.init(signed: Int64(raw)))
        case .signed16:
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: Int16.self)
            return .int(.init(signed: Int64(swaps ? raw.byteSwapped : raw)))
        case .signed32:
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: Int32.self)
            return .int(.init(signed: Int64(swaps ? raw.byteSwapped : raw)))
        case .signed64:
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: Int64.self)
            return .int(.init(signed: Int64(swaps ? raw.byteSwapped : raw)))
        case .bool:
            return .bool(bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: UInt8.self) != 0)
        case .double:
            let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: UInt64.self)
            return .double(Double(bitPattern: swaps ? raw.byteSwapped : raw))
        case .string, .pascalString, .other:
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

    /// Packs values from `start` on into the record at `record` with one switch each, and stops
    /// at the first value that is not its code's own type (a Python `int` for an integer code,
    /// `bool` for `?`, `float` for `d`, `bytes` for `s` and `p`) or is out of range: the general
    /// path packs that one, or throws CPython's error for it.
    ///
    /// - Parameters:
    ///   - values: One value per slot.
    ///   - record: The record's first byte; the caller checked that the record lies in memory
    ///     it may write.
    /// - Returns: The index of the first value not packed; `slots.count` when all were.
    @inlinable @inline(__always)
    static func packScalars<Element: _DynamicPackElement, Order: _ByteOrderMarker>(
        _ values: UnsafeBufferPointer<Element>, from start: Int, _ slots: UnsafeBufferPointer<Slot>,
        into record: UnsafeMutableRawPointer, _ order: Order.Type
    ) -> Int {
        let swaps = Order.swapsBytes
        var index = start
        while index < slots.count {
            let slot = slots[index]
            // safe because each slot lies inside the record, which the caller checked.
            let target = record + slot.offset
            switch slot.scalar {
            case .unsigned8:
                guard let v = values[index].packedInteger?.exactUInt64, v <= UInt8.max else { return index }
                target.storeBytes(of: UInt8(truncatingIfNeeded: v), as: UInt8.self)
            case .unsigned16:
                guard let v = values[index].packedInteger?.exactUInt64, v <= UInt16.max else { return index }
                let raw = UInt16(truncatingIfNeeded: v)
                target.storeBytes(of: swaps ? raw.byteSwapped : raw, as: UInt16.self)
            case .unsigned32:
                guard let v = values[index].packedInteger?.exactUInt64, v <= UInt32.max else { return index }
                let raw = UInt32(truncatingIfNeeded: v)
                target.storeBytes(of: swaps ? raw.byteSwapped : raw, as: UInt32.self)
            case .unsigned64:
                guard let v = values[index].packedInteger?.exactUInt64 else { return index }
                let raw = UInt64(truncatingIfNeeded: v)
                target.storeBytes(of: swaps ? raw.byteSwapped : raw, as: UInt64.self)
            case .signed8:
                guard let v = values[index].packedInteger?.exactInt64, v >= Int8.min && v <= Int8.max else {
                    return index
                }
                target.storeBytes(of: Int8(truncatingIfNeeded: v), as: Int8.self)
            case .signed16:
                guard let v = values[index].packedInteger?.exactInt64, v >= Int16.min && v <= Int16.max else {
                    return index
                }
                let raw = Int16(truncatingIfNeeded: v)
                target.storeBytes(of: swaps ? raw.byteSwapped : raw, as: Int16.self)
            case .signed32:
                guard let v = values[index].packedInteger?.exactInt64, v >= Int32.min && v <= Int32.max else {
                    return index
                }
                let raw = Int32(truncatingIfNeeded: v)
                target.storeBytes(of: swaps ? raw.byteSwapped : raw, as: Int32.self)
            case .signed64:
                guard let v = values[index].packedInteger?.exactInt64 else {
                    return index
                }
                let raw = Int64(truncatingIfNeeded: v)
                target.storeBytes(of: swaps ? raw.byteSwapped : raw, as: Int64.self)
            case .bool:
                guard let flag = values[index].packedBool else { return index }
                target.storeBytes(of: flag ? 1 : 0, as: UInt8.self)
            case .double:
                guard let number = values[index].packedDouble else { return index }
                let raw = number.bitPattern
                target.storeBytes(of: swaps ? raw.byteSwapped : raw, as: UInt64.self)
            case .string:
                guard values[index].withPackedBytes({ storeString($0, size: slot.size, at: target) }) else {
                    return index
                }
            case .pascalString:
                guard values[index].withPackedBytes({ storePascalString($0, size: slot.size, at: target) }) else {
                    return index
                }
            case .other:
                return index
            }
            index &+= 1
        }
        return index
    }

    /// An `s` of `size` bytes: the first `size` bytes of `source`, zero-padded (CPython's rule;
    /// ``ScalarCoding/storeBytes(_:into:_:)`` is the general path's copy of it).
    @inlinable
    static func storeString(_ source: [UInt8], size: Int, at target: UnsafeMutableRawPointer) {
        let copied = min(source.count, size)
        source.withUnsafeBytes { source in
            // safe because copied <= source.count and copied <= size, the slot's length.
            if copied > 0 { target.copyMemory(from: source.baseAddress!, byteCount: copied) }
        }
        if copied < size { (target + copied).initializeMemory(as: UInt8.self, repeating: 0, count: size &- copied) }
    }

    /// A `p` of `size` (at least 1) bytes: a length byte of min(count, size - 1, 255), then the
    /// bytes, zero-padded.
    @inlinable
    static func storePascalString(_ source: [UInt8], size: Int, at target: UnsafeMutableRawPointer) {
        let copied = min(source.count, size &- 1)
        target.storeBytes(of: UInt8(truncatingIfNeeded: min(copied, 255)), as: UInt8.self)
        storeString(source, size: size &- 1, at: target + 1)
    }
}
