import StructPack
import Workloads

// The workloads' Swift types as a StructPack user declares them: the format once and one line
// per field. The benchmark rows for "records" use these.

extension Record: StructRecord {
    public static let layout = StructLayout<Record>("<IHHQd")

    public mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&a); try field(&b); try field(&c); try field(&d); try field(&e)
    }
}

extension NativeRecord: StructRecord {
    public static let layout = StructLayout<NativeRecord>("@bhiq")

    public mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&b); try field(&h); try field(&i); try field(&q)
    }
}

extension StringRecord: StructRecord {
    public static let layout = StructLayout<StringRecord>("<I16s8pH")

    public mutating func fields(_ field: inout some StructFields) throws(StructError) {
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

    mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&a); try field(&s); try field(&p); try field(&h)
    }
}

extension WideRecord: StructRecord {
    public static let layout = StructLayout<WideRecord>("<16I16H16Q16d")

    public mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&i); try field(&h); try field(&q); try field(&d)
    }
}
