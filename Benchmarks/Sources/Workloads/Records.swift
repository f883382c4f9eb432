// The record workloads' inputs: Swift values and the same values packed by a plain loop (not by
// the library under test), for '<IHHQd' (W1, W2), native '@bhiq' and '<I16s8pH'.
//
// The types' `init()` is `@inlinable` and sets every field itself: a user's record lives in the
// module that unpacks it, where the compiler sees its `init()` (the placeholder record a
// `StructRecord` unpacks into) and its fields' initial values; here the types live in this module
// and the loops in another. A field's initial value written at its declaration is compiled into
// a function of this module, which an inlinable `init()` calls (for `[UInt8]` and `InlineArray`
// fields, a call per field per record, measured: W11 four calls, W6 two).

/// One `'<IHHQd'` record (24 bytes packed).
public struct Record: Sendable {
    public var a: UInt32
    public var b: UInt16
    public var c: UInt16
    public var d: UInt64
    public var e: Double

    @inlinable public init() {
        (a, b, c, d, e) = (0, 0, 0, 0, 0)
    }

    public init(a: UInt32, b: UInt16, c: UInt16, d: UInt64, e: Double) {
        (self.a, self.b, self.c, self.d, self.e) = (a, b, c, d, e)
    }
}

/// One native `'@bhiq'` record: `b` at 0, a pad byte, `h` at 2, `i` at 4, `q` at 8 (16 bytes).
public struct NativeRecord: Sendable {
    public var b: Int8
    public var h: Int16
    public var i: Int32
    public var q: Int64

    @inlinable public init() {
        (b, h, i, q) = (0, 0, 0, 0)
    }

    public init(b: Int8, h: Int16, i: Int32, q: Int64) {
        (self.b, self.h, self.i, self.q) = (b, h, i, q)
    }
}

/// One `'<I16s8pH'` record (30 bytes): a 16-byte string and a Pascal string of 0 to 7 bytes.
public struct StringRecord: Sendable {
    public var a: UInt32
    public var s: [UInt8]
    public var p: [UInt8]
    public var h: UInt16

    @inlinable public init() {
        (a, s, p, h) = (0, [], [], 0)
    }

    public init(a: UInt32, s: [UInt8], p: [UInt8], h: UInt16) {
        (self.a, self.s, self.p, self.h) = (a, s, p, h)
    }
}

/// One `'<16I16H16Q16d'` record (352 bytes, 64 values): the wide record.
public struct WideRecord: Sendable {
    public var i: InlineArray<16, UInt32>
    public var h: InlineArray<16, UInt16>
    public var q: InlineArray<16, UInt64>
    public var d: InlineArray<16, Double>

    @inlinable public init() {
        i = InlineArray(repeating: 0)
        h = InlineArray(repeating: 0)
        q = InlineArray(repeating: 0)
        d = InlineArray(repeating: 0)
    }
}

/// Records and their packed bytes, with the checksum every implementation must reproduce.
public struct RecordSet<Element: Sendable>: Sendable {
    /// The format, as Python and StructPack spell it.
    public let format: String
    /// The packed size of one record.
    public let recordSize: Int
    /// The records as Swift values (what packing starts from).
    public let records: [Element]
    /// The records packed back to back (what unpacking starts from).
    public let packed: [UInt8]
    /// The fold of every record (see Checksums.swift).
    public let checksum: UInt64

    /// The number of records.
    public var count: Int { records.count }
}

extension RecordSet where Element == Record {
    /// W1 and W2: `count` records of `'<IHHQd'` from seed 1.
    public static func standard(count: Int) -> RecordSet<Record> {
        var generator = SplitMix64(seed: 1)
        var records: [Record] = []
        records.reserveCapacity(count)
        var fold = RecordChecksum()
        for _ in 0..<count {
            let r = generator.next()
            // Doubles with 53 significant bits scaled by 2^-20: finite, never NaN, exact in Python.
            let record = Record(
                a: UInt32(truncatingIfNeeded: r), b: UInt16(truncatingIfNeeded: r >> 32),
                c: UInt16(truncatingIfNeeded: r >> 48), d: generator.next(),
                e: Double(generator.next() >> 11) * 0x1p-20)
            fold.add(record.a, record.b, record.c, record.d, record.e)
            records.append(record)
        }
        var packed = [UInt8](repeating: 0, count: count * 24)
        packed.withUnsafeMutableBytes { out in
            for (index, record) in records.enumerated() {
                let base = index * 24
                out.storeBytes(of: record.a.littleEndian, toByteOffset: base, as: UInt32.self)
                out.storeBytes(of: record.b.littleEndian, toByteOffset: base + 4, as: UInt16.self)
                out.storeBytes(of: record.c.littleEndian, toByteOffset: base + 6, as: UInt16.self)
                out.storeBytes(of: record.d.littleEndian, toByteOffset: base + 8, as: UInt64.self)
                out.storeBytes(of: record.e.bitPattern.littleEndian, toByteOffset: base + 16, as: UInt64.self)
            }
        }
        return RecordSet(format: "<IHHQd", recordSize: 24, records: records, packed: packed, checksum: fold.value)
    }
}

extension RecordSet where Element == NativeRecord {
    /// `count` native `'@bhiq'` records from seed 2 (x86_64 and arm64 LP64 layout).
    public static func native(count: Int) -> RecordSet<NativeRecord> {
        var generator = SplitMix64(seed: 2)
        var records: [NativeRecord] = []
        records.reserveCapacity(count)
        var fold = NativeChecksum()
        for _ in 0..<count {
            let r = generator.next()
            let record = NativeRecord(
                b: Int8(truncatingIfNeeded: r), h: Int16(truncatingIfNeeded: r >> 8),
                i: Int32(truncatingIfNeeded: r >> 24), q: Int64(bitPattern: generator.next()))
            fold.add(record.b, record.h, record.i, record.q)
            records.append(record)
        }
        var packed = [UInt8](repeating: 0, count: count * 16)
        packed.withUnsafeMutableBytes { out in
            for (index, record) in records.enumerated() {
                let base = index * 16
                out.storeBytes(of: record.b, toByteOffset: base, as: Int8.self)
                out.storeBytes(of: record.h, toByteOffset: base + 2, as: Int16.self)
                out.storeBytes(of: record.i, toByteOffset: base + 4, as: Int32.self)
                out.storeBytes(of: record.q, toByteOffset: base + 8, as: Int64.self)
            }
        }
        return RecordSet(format: "@bhiq", recordSize: 16, records: records, packed: packed, checksum: fold.value)
    }
}

extension RecordSet where Element == StringRecord {
    /// `count` `'<I16s8pH'` records from seed 3.
    public static func strings(count: Int) -> RecordSet<StringRecord> {
        var generator = SplitMix64(seed: 3)
        var records: [StringRecord] = []
        records.reserveCapacity(count)
        var fold = StringChecksum()
        for _ in 0..<count {
            let r = generator.next()
            var s = [UInt8](repeating: 0, count: 16)
            s.withUnsafeMutableBytes { generator.fill($0) }
            var p = [UInt8](repeating: 0, count: generator.next(through: 7))
            p.withUnsafeMutableBytes { generator.fill($0) }
            let record = StringRecord(a: UInt32(truncatingIfNeeded: r), s: s, p: p, h: UInt16(truncatingIfNeeded: r >> 32))
            fold.add(record.a, record.s, record.p, record.h)
            records.append(record)
        }
        var packed = [UInt8](repeating: 0, count: count * 30)
        for (index, record) in records.enumerated() {
            let base = index * 30
            packed[base] = UInt8(truncatingIfNeeded: record.a)
            packed[base + 1] = UInt8(truncatingIfNeeded: record.a >> 8)
            packed[base + 2] = UInt8(truncatingIfNeeded: record.a >> 16)
            packed[base + 3] = UInt8(truncatingIfNeeded: record.a >> 24)
            packed.replaceSubrange((base + 4)..<(base + 20), with: record.s)
            packed[base + 20] = UInt8(record.p.count)
            packed.replaceSubrange((base + 21)..<(base + 21 + record.p.count), with: record.p)
            packed[base + 28] = UInt8(truncatingIfNeeded: record.h)
            packed[base + 29] = UInt8(truncatingIfNeeded: record.h >> 8)
        }
        return RecordSet(format: "<I16s8pH", recordSize: 30, records: records, packed: packed, checksum: fold.value)
    }
}

extension RecordSet where Element == WideRecord {
    /// `count` 64-value `'<16I16H16Q16d'` records from seed 4.
    public static func wide(count: Int) -> RecordSet<WideRecord> {
        var generator = SplitMix64(seed: 4)
        var records: [WideRecord] = []
        records.reserveCapacity(count)
        var fold = WideChecksum()
        for _ in 0..<count {
            var record = WideRecord()
            for k in 0..<16 { record.i[k] = UInt32(truncatingIfNeeded: generator.next()) }
            for k in 0..<16 { record.h[k] = UInt16(truncatingIfNeeded: generator.next()) }
            for k in 0..<16 { record.q[k] = generator.next() }
            for k in 0..<16 { record.d[k] = Double(generator.next() >> 11) * 0x1p-20 }
            for k in 0..<16 { fold.add(integer: UInt64(record.i[k])) }
            for k in 0..<16 { fold.add(integer: UInt64(record.h[k])) }
            for k in 0..<16 { fold.add(integer: record.q[k]) }
            for k in 0..<16 { fold.add(double: record.d[k]) }
            records.append(record)
        }
        var packed = [UInt8](repeating: 0, count: count * 352)
        packed.withUnsafeMutableBytes { out in
            for (index, record) in records.enumerated() {
                var offset = index * 352
                for k in 0..<16 { out.storeBytes(of: record.i[k].littleEndian, toByteOffset: offset, as: UInt32.self); offset += 4 }
                for k in 0..<16 { out.storeBytes(of: record.h[k].littleEndian, toByteOffset: offset, as: UInt16.self); offset += 2 }
                for k in 0..<16 { out.storeBytes(of: record.q[k].littleEndian, toByteOffset: offset, as: UInt64.self); offset += 8 }
                for k in 0..<16 {
                    out.storeBytes(of: record.d[k].bitPattern.littleEndian, toByteOffset: offset, as: UInt64.self)
                    offset += 8
                }
            }
        }
        return RecordSet(format: "<16I16H16Q16d", recordSize: 352, records: records, packed: packed, checksum: fold.value)
    }
}
