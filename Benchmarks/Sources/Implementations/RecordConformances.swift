import StructPack
import Workloads

// The workloads' Swift types as a StructPack user declares them, as the README shows: the format
// once, one line per field, and `@inline(__always)` on fields(_:), which lets the compiler fuse
// the fields into the caller's loop. The benchmark rows for "records" use these; the rows
// "record, plain fields(_:)" use PlainRecord, the same record declared without the attribute.

/// W1/W2's record declared without `@inline(__always)` on `fields(_:)`.
struct PlainRecord: StructRecord {
    static let layout = StructLayout<PlainRecord>("<IHHQd")
    var a: UInt32 = 0
    var b: UInt16 = 0
    var c: UInt16 = 0
    var d: UInt64 = 0
    var e: Double = 0

    init() {}

    init(_ record: Record) {
        (a, b, c, d, e) = (record.a, record.b, record.c, record.d, record.e)
    }

    mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&a); try field(&b); try field(&c); try field(&d); try field(&e)
    }
}

extension Record: StructRecord {
    public static let layout = StructLayout<Record>("<IHHQd")

    @inline(__always) public mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&a); try field(&b); try field(&c); try field(&d); try field(&e)
    }
}

extension NativeRecord: StructRecord {
    public static let layout = StructLayout<NativeRecord>("@bhiq")

    @inline(__always) public mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&b); try field(&h); try field(&i); try field(&q)
    }
}

extension StringRecord: StructRecord {
    public static let layout = StructLayout<StringRecord>("<I16s8pH")

    @inline(__always) public mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&a); try field(&s); try field(&p); try field(&h)
    }
}

/// `'<I16s8pH'` with its strings as views of the unpacked array (W6v).
struct StringView: StructRecord {
    static let layout = StructLayout<StringView>("<I16s8pH")
    var a: UInt32 = 0
    var s: ArraySlice<UInt8> = []
    var p: ArraySlice<UInt8> = []
    var h: UInt16 = 0

    @inline(__always) mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&a); try field(&s); try field(&p); try field(&h)
    }
}

extension WideRecord: StructRecord {
    public static let layout = StructLayout<WideRecord>("<16I16H16Q16d")

    @inline(__always) public mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&i); try field(&h); try field(&q); try field(&d)
    }
}
