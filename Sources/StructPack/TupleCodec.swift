/// How the typed API reads one tuple shape, such as `(UInt32, Double)`.
///
/// You never implement or name this protocol yourself: the typed API's overloads for 1 to
/// ``Struct/typedTupleLimit`` values pick the generated `TupleCodecN` type for the tuple you
/// write, so that every element access is resolved at compile time and inlined. (Swift 6.3 does
/// not yet specialize parameter packs across modules, which would make a variadic version
/// twenty times slower.)
public protocol TupleDecoding {
    /// The tuple type, or the single type for one value.
    associatedtype Tuple
    /// The format's slots, one per value, copied out of the format so that a loop over records
    /// keeps them in registers or on the stack.
    associatedtype Plan: Sendable

    /// The number of values.
    static var arity: Int { get }

    /// The slots of a format that has exactly ``arity`` values, relative to a record's start.
    static func plan(for format: Struct) -> Plan

    /// The element types' names, for error messages.
    static var typeNames: [String] { get }

    /// The index of the first element whose type cannot hold its value's code in `format`, or
    /// `nil`. Called only when `format` has exactly ``arity`` values.
    static func firstMismatch(in format: Struct) -> Int?

    /// Reads the tuple from the record at `base`; the caller has checked bounds and types.
    static func decode(_ plan: Plan, from bytes: RawSpan, at base: Int) -> Tuple

    /// Whether every value of the plan can be read with one load (see
    /// ``StructUnpackable/canUnpackDirectly(_:size:)``); implies the types match.
    static func isDirect(_ plan: Plan) -> Bool

    /// Reads the tuple with one load per value; the caller checked bounds and ``isDirect(_:)``.
    /// `swapsBytes` is the format's; callers pass it as a constant per branch so each copy
    /// compiles without a per-value test.
    static func decodeDirect(_ plan: Plan, from bytes: RawSpan, at base: Int, swapsBytes: Bool) -> Tuple

    /// The signature of a format whose values lie back to back with exactly the element types'
    /// direct layouts; a compile-time constant.
    static var contiguousSignature: LayoutSignature { get }

    /// Reads the tuple at compile-time offsets; the caller checked bounds and that the format's
    /// signature equals ``contiguousSignature``.
    static func decodeContiguous(from bytes: RawSpan, at base: Int, swapsBytes: Bool) -> Tuple
}

/// How the typed API writes one tuple shape; see ``TupleDecoding``.
public protocol TupleEncoding {
    /// The tuple type, or the single type for one value.
    associatedtype Tuple
    /// The format's slots; see ``TupleDecoding/Plan``.
    associatedtype Plan: Sendable

    /// The number of values.
    static var arity: Int { get }

    /// The slots of a format that has exactly ``arity`` values, relative to a record's start.
    static func plan(for format: Struct) -> Plan

    /// Writes the first `limit` values of `tuple` into the record at `base` (bounds checked by
    /// the caller), counting in `packed` how many succeeded.
    ///
    /// - Throws: the first value's ``StructError``.
    static func encode(
        _ tuple: Tuple, _ plan: Plan, into bytes: inout MutableRawSpan, at base: Int, limit: Int, packed: inout Int
    ) throws(StructError)

    /// Whether every value can be stored with one store and no check (see
    /// ``StructPackable/canPackDirectly(_:size:)``).
    static func isDirect(_ plan: Plan) -> Bool

    /// Writes the tuple with one store per value; the caller checked bounds and ``isDirect(_:)``.
    static func encodeDirect(_ tuple: Tuple, _ plan: Plan, into bytes: inout MutableRawSpan, at base: Int, swapsBytes: Bool)

    /// The signature of a format whose values lie back to back with exactly the element types'
    /// direct layouts; a compile-time constant.
    static var contiguousSignature: LayoutSignature { get }

    /// Writes the tuple at compile-time offsets; the caller checked bounds and that the format's
    /// signature equals ``contiguousSignature``.
    static func encodeContiguous(_ tuple: Tuple, into bytes: inout MutableRawSpan, at base: Int, swapsBytes: Bool)
}

extension Struct {
    /// The most values the typed tuple API takes: 12. Use ``StructValue`` arrays (or split the
    /// format) beyond that.
    public static let typedTupleLimit = 12  // keep equal to MAX_ARITY in Generated/generate_typed_arities.py

    /// The slot of value `index` relative to a record's start; the caller checked `index`.
    @inlinable @inline(__always)
    public func planSlot(_ index: Int) -> ValueSlot {
        valueSlot(slots[index], base: 0)
    }

    /// Whether value `index` can be unpacked as `T`.
    @inlinable @inline(__always)
    func accepts<T: StructUnpackable>(_ type: T.Type, value index: Int) -> Bool {
        T.canUnpack(slots[index].code, size: slots[index].size)
    }
}

/// Which of a codec's paths a format allows, decided once per format and tuple shape.
@usableFromInline
enum TupleAccess: Sendable {
    /// Direct values at compile-time offsets (no padding, each value as wide as its type).
    case contiguous
    /// Direct values at the plan's offsets.
    case direct
    /// Conversions or range checks needed: the general path.
    case general
}

/// The path a prepared ``Struct/Packer`` takes for every record, decided once when it is made.
@usableFromInline
enum PackPath: Sendable {
    /// Stores at compile-time offsets in host byte order (no padding).
    case contiguousNative
    /// Stores at compile-time offsets, byte-swapped (no padding).
    case contiguousSwapped
    /// Padding zeroed by mask, then stores at the plan's offsets in host byte order.
    case directNative
    /// Padding zeroed by mask, then byte-swapped stores at the plan's offsets.
    case directSwapped
    /// Conversions or range checks needed, or padding beyond the mask: value by value.
    case general
}

extension Struct {
    /// Zeroes the padding bytes of the record at `base` given by `mask` (``paddingMask``): one
    /// byte store per padding byte. The caller checked bounds.
    @inlinable @inline(__always)
    static func zeroPadding(_ bytes: inout MutableRawSpan, at base: Int, mask: UInt64) {
        var remaining = mask
        while remaining != 0 {
            // safe because every padding byte lies inside the record, which the caller checked.
            bytes.storeBytes(
                of: 0 as UInt8, toUncheckedByteOffset: base &+ remaining.trailingZeroBitCount, as: UInt8.self)
            remaining &= remaining &- 1
        }
    }
}

extension TupleDecoding {
    /// The fastest path `format` allows; `plan` is the format's.
    @inlinable @inline(__always)
    static func access(_ plan: Plan, format: Struct) -> TupleAccess {
        format.contiguousSignature == contiguousSignature ? .contiguous : isDirect(plan) ? .direct : .general
    }

    /// Reads the record at `base` by the path `access` chose; the caller checked bounds and types.
    @inlinable @inline(__always)
    static func read(_ plan: Plan, _ access: TupleAccess, from bytes: RawSpan, at base: Int, swapsBytes: Bool)
        -> Tuple
    {
        switch access {
        case .contiguous:
            return swapsBytes
                ? decodeContiguous(from: bytes, at: base, swapsBytes: true)
                : decodeContiguous(from: bytes, at: base, swapsBytes: false)
        case .direct:
            return swapsBytes
                ? decodeDirect(plan, from: bytes, at: base, swapsBytes: true)
                : decodeDirect(plan, from: bytes, at: base, swapsBytes: false)
        case .general:
            return readGeneral(plan, from: bytes, at: base)
        }
    }

    /// The general path, out of line so that loops over records stay small.
    @inlinable @inline(never)
    static func readGeneral(_ plan: Plan, from bytes: RawSpan, at base: Int) -> Tuple {
        decode(plan, from: bytes, at: base)
    }
}

extension TupleEncoding {
    /// The fastest path `format` allows; `plan` is the format's.
    @inlinable @inline(__always)
    static func access(_ plan: Plan, format: Struct) -> TupleAccess {
        format.contiguousSignature == contiguousSignature ? .contiguous : isDirect(plan) ? .direct : .general
    }

    /// Writes the record at `base` (bounds checked by the caller) by the path `access` chose,
    /// zeroing padding first; on error leaves CPython's state.
    ///
    /// - Throws: the first failing value's ``StructError`` (general path only).
    @inlinable @inline(__always)
    static func write(
        _ tuple: Tuple, _ plan: Plan, _ access: TupleAccess, format: Struct, into bytes: inout MutableRawSpan,
        at base: Int
    ) throws(StructError) {
        switch access {
        case .contiguous:
            if format.hasPadding { format.zero(&bytes, at: base) }
            if format.swapsBytes {
                encodeContiguous(tuple, into: &bytes, at: base, swapsBytes: true)
            } else {
                encodeContiguous(tuple, into: &bytes, at: base, swapsBytes: false)
            }
        case .direct:
            if format.hasPadding { format.zero(&bytes, at: base) }
            if format.swapsBytes {
                encodeDirect(tuple, plan, into: &bytes, at: base, swapsBytes: true)
            } else {
                encodeDirect(tuple, plan, into: &bytes, at: base, swapsBytes: false)
            }
        case .general:
            try writeGeneral(tuple, plan, format: format, into: &bytes, at: base)
        }
    }

    /// The general path: zero the record's padding, pack value by value, and on a failure leave
    /// what CPython leaves (zeros, except the values before the failing one and what the
    /// failing one's conversion wrote before it failed).
    ///
    /// - Throws: the first failing value's ``StructError``.
    @inlinable @inline(never)
    static func writeGeneral(_ tuple: Tuple, _ plan: Plan, format: Struct, into bytes: inout MutableRawSpan, at base: Int)
        throws(StructError)
    {
        if format.hasPadding { format.zero(&bytes, at: base) }
        var packed = 0
        do throws(StructError) {
            try encode(tuple, plan, into: &bytes, at: base, limit: arity, packed: &packed)
        } catch {
            format.zero(&bytes, at: base)
            var again = 0
            // Through the failing value, which fails again the same way.
            try? encode(tuple, plan, into: &bytes, at: base, limit: packed + 1, packed: &again)
            throw error
        }
    }
}
