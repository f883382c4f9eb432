import StructPack

/// A record type of ``RecordCheck``: the record engine's paths are chosen per type at compile
/// time, so the check has a fixed set of them, each able to say which dynamic values it stands
/// for and to unpack its equivalent tuple.
protocol FuzzRecord: StructRecord {
    /// Another format with the same values (another byte order or alignment), which the record
    /// type only meets through a plan made for the call.
    static var otherFormat: String { get }
    /// The `StructValue`s that pack exactly as the fields do, in format order.
    var dynamicValues: [StructValue] { get }
    /// An arbitrary record, edge cases often.
    static func arbitrary(_ input: inout FuzzInput) -> Self
    /// The index of the first value that no record can hold (an enum's unknown raw value), for
    /// unpacked `values`; `nil` when the record can hold them all.
    static func firstInvalidValue(_ values: [StructValue]) -> Int?
    /// `format.unpack(bytes, as: Tuple.self)` with the tuple of the record's values, as dynamic
    /// values.
    static func unpackTuple(_ format: Struct, _ bytes: UnsafeRawBufferPointer) throws(StructError) -> [StructValue]
}

extension FuzzRecord {
    static func firstInvalidValue(_ values: [StructValue]) -> Int? { nil }
}

/// The record types ``RecordCheck`` picks from. (Immutable; the fuzzer runs on one thread.)
nonisolated(unsafe) let fuzzRecordTypes: [any FuzzRecord.Type] = [
    ContiguousRecord.self, SwappedRecord.self, AlignedRecord.self, PlannedRecord.self, NestedRecord.self,
]

/// '<IHHQd': every field the code's own type, back to back (the contiguous path).
struct ContiguousRecord: FuzzRecord {
    static let layout = StructLayout<ContiguousRecord>("<IHHQd")
    static let otherFormat = ">IHHQd"
    var a: UInt32 = 0
    var b: UInt16 = 0
    var c: UInt16 = 0
    var d: UInt64 = 0
    var e: Double = 0

    mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&a); try field(&b); try field(&c); try field(&d); try field(&e)
    }

    var dynamicValues: [StructValue] { [a.dynamicValue, b.dynamicValue, c.dynamicValue, d.dynamicValue, e.dynamicValue] }

    static func arbitrary(_ input: inout FuzzInput) -> Self {
        Self(a: .arbitrary(&input), b: .arbitrary(&input), c: .arbitrary(&input), d: .arbitrary(&input), e: .arbitrary(&input))
    }

    static func unpackTuple(_ format: Struct, _ bytes: UnsafeRawBufferPointer) throws(StructError) -> [StructValue] {
        let t = try format.unpack(bytes, as: (UInt32, UInt16, UInt16, UInt64, Double).self)
        return [t.0.dynamicValue, t.1.dynamicValue, t.2.dynamicValue, t.3.dynamicValue, t.4.dynamicValue]
    }
}

/// '>iHqbB?': big-endian, every field the code's own type (the byte-swapped path).
struct SwappedRecord: FuzzRecord {
    static let layout = StructLayout<SwappedRecord>(">iHqbB?")
    static let otherFormat = "<iHqbB?"
    var i: Int32 = 0
    var h: UInt16 = 0
    var q: Int64 = 0
    var b: Int8 = 0
    var u: UInt8 = 0
    var flag = false

    mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&i); try field(&h); try field(&q); try field(&b); try field(&u); try field(&flag)
    }

    var dynamicValues: [StructValue] {
        [i.dynamicValue, h.dynamicValue, q.dynamicValue, b.dynamicValue, u.dynamicValue, flag.dynamicValue]
    }

    static func arbitrary(_ input: inout FuzzInput) -> Self {
        Self(
            i: .arbitrary(&input), h: .arbitrary(&input), q: .arbitrary(&input), b: .arbitrary(&input),
            u: .arbitrary(&input), flag: .arbitrary(&input))
    }

    static func unpackTuple(_ format: Struct, _ bytes: UnsafeRawBufferPointer) throws(StructError) -> [StructValue] {
        let t = try format.unpack(bytes, as: (Int32, UInt16, Int64, Int8, UInt8, Bool).self)
        return [
            t.0.dynamicValue, t.1.dynamicValue, t.2.dynamicValue, t.3.dynamicValue, t.4.dynamicValue, t.5.dynamicValue,
        ]
    }
}

/// '@bhiq?d': a native C struct with alignment padding after `b` and after `?` (the aligned
/// path); the other format, '=bhiq?d', has none.
struct AlignedRecord: FuzzRecord {
    static let layout = StructLayout<AlignedRecord>("@bhiq?d")
    static let otherFormat = "=bhiq?d"
    var b: Int8 = 0
    var h: Int16 = 0
    var i: Int32 = 0
    var q: Int64 = 0
    var flag = false
    var d: Double = 0

    mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&b); try field(&h); try field(&i); try field(&q); try field(&flag); try field(&d)
    }

    var dynamicValues: [StructValue] {
        [b.dynamicValue, h.dynamicValue, i.dynamicValue, q.dynamicValue, flag.dynamicValue, d.dynamicValue]
    }

    static func arbitrary(_ input: inout FuzzInput) -> Self {
        Self(
            b: .arbitrary(&input), h: .arbitrary(&input), i: .arbitrary(&input), q: .arbitrary(&input),
            flag: .arbitrary(&input), d: .arbitrary(&input))
    }

    static func unpackTuple(_ format: Struct, _ bytes: UnsafeRawBufferPointer) throws(StructError) -> [StructValue] {
        let t = try format.unpack(bytes, as: (Int8, Int16, Int32, Int64, Bool, Double).self)
        return [
            t.0.dynamicValue, t.1.dynamicValue, t.2.dynamicValue, t.3.dynamicValue, t.4.dynamicValue, t.5.dynamicValue,
        ]
    }
}

/// A `StructConvertible` enum: raw values other than 1, 2 and 3 are not records' values.
enum FuzzKind: UInt16, StructConvertible, CaseIterable {
    case one = 1
    case two = 2
    case three = 3
}

/// '>H5s3p3hqBe': an enum, a copied `s`, a viewed `p`, an InlineArray, and fields wider than
/// their codes (`q` as Int128, `B` as Int, `e` as Double), so packing can fail (the planned
/// path). Big-endian, so an out-of-range `q` leaves its low 8 bytes, as in CPython.
struct PlannedRecord: FuzzRecord {
    static let layout = StructLayout<PlannedRecord>(">H5s3p3hqBe")
    static let otherFormat = "<H5s3p3hqBe"
    var kind: FuzzKind = .one
    var name: [UInt8] = []
    var tag: ArraySlice<UInt8> = []
    var samples: InlineArray<3, Int16> = .init(repeating: 0)
    var big: Int128 = 0
    var small: Int = 0
    var half: Double = 0

    mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&kind); try field(&name); try field(&tag); try field(&samples)
        try field(&big); try field(&small); try field(&half)
    }

    var dynamicValues: [StructValue] {
        [kind.rawValue.dynamicValue, .bytes(name), .bytes(Array(tag))]
            + (0..<3).map { samples[$0].dynamicValue }
            + [big.dynamicValue, small.dynamicValue, half.dynamicValue]
    }

    static func arbitrary(_ input: inout FuzzInput) -> Self {
        var record = Self()
        record.kind = FuzzKind.allCases[input.int(in: 0...2)]
        record.name = input.bytes(input.int(in: 0...7))
        record.tag = input.bytes(input.int(in: 0...4))[...]
        for index in 0..<3 { record.samples[index] = .arbitrary(&input) }
        record.big = .arbitrary(&input)
        // Mostly in 'B''s range, sometimes any Int.
        record.small = input.bool() ? Int(input.byte()) : .arbitrary(&input)
        record.half = .arbitrary(&input)
        return record
    }

    static func firstInvalidValue(_ values: [StructValue]) -> Int? {
        guard case .int(let raw) = values[0], let raw = UInt16(exactly: raw.value), FuzzKind(rawValue: raw) != nil else {
            return 0
        }
        return nil
    }

    static func unpackTuple(_ format: Struct, _ bytes: UnsafeRawBufferPointer) throws(StructError) -> [StructValue] {
        let t = try format.unpack(
            bytes, as: (FuzzKind, [UInt8], ArraySlice<UInt8>, Int16, Int16, Int16, Int128, Int, Double).self)
        return [
            t.0.rawValue.dynamicValue, .bytes(t.1), .bytes(Array(t.2)), t.3.dynamicValue, t.4.dynamicValue,
            t.5.dynamicValue, t.6.dynamicValue, t.7.dynamicValue, t.8.dynamicValue,
        ]
    }
}

/// Two coordinates as a nested group.
struct FuzzPoint: StructFieldGroup {
    var x: Int16 = 0
    var y: Int16 = 0

    mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&x); try field(&y)
    }
}

/// '<hhB2I': a nested group, then a byte and an array of two (the planned path); the other
/// format, '@hhB2I', pads the array to its alignment.
struct NestedRecord: FuzzRecord {
    static let layout = StructLayout<NestedRecord>("<hhB2I")
    static let otherFormat = "@hhB2I"
    var at = FuzzPoint()
    var flags: UInt8 = 0
    var pair: [UInt32] = [0, 0]

    mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&at); try field(&flags); try field(&pair)
    }

    var dynamicValues: [StructValue] { [at.x.dynamicValue, at.y.dynamicValue, flags.dynamicValue] + pair.map(\.dynamicValue) }

    static func arbitrary(_ input: inout FuzzInput) -> Self {
        Self(
            at: FuzzPoint(x: .arbitrary(&input), y: .arbitrary(&input)), flags: .arbitrary(&input),
            pair: [.arbitrary(&input), .arbitrary(&input)])
    }

    static func unpackTuple(_ format: Struct, _ bytes: UnsafeRawBufferPointer) throws(StructError) -> [StructValue] {
        let t = try format.unpack(bytes, as: (Int16, Int16, UInt8, UInt32, UInt32).self)
        return [t.0.dynamicValue, t.1.dynamicValue, t.2.dynamicValue, t.3.dynamicValue, t.4.dynamicValue]
    }
}
