import Workloads

/// Hand-written loops in the shape of StructPack's one-record-per-call forms into and from a
/// `[UInt8]`: each record borrows the array's memory anew (`withUnsafeBytes` /
/// `withUnsafeMutableBytes` inside the loop, as a helper function called per record would) or
/// appends its values one by one. They are not limits — the ratios stay taken against the simplest
/// loop — but they show what the form itself costs: a mutable borrow of an array checks its
/// uniqueness (a call the compiler does not move out of the loop) on every record.
enum HandWrittenPerCall {
    static func cases() -> [BenchmarkCase] {
        [
            BenchmarkCase(.unpack, "hand-written per record: withUnsafeBytes + loadUnaligned", .alternative) { inputs in
                let packed = inputs.standard.packed
                return .folding { unpackStandardPerRecord(packed) }
            },
            BenchmarkCase(.pack, "hand-written per record: withUnsafeMutableBytes + storeBytes", .alternative) { inputs in
                let records = inputs.standard.records
                let output = Box([UInt8](repeating: 0xEE, count: inputs.standard.packed.count))
                return .writing({ packStandardPerRecord(records, into: &output.value) }, output: { output.value })
            },
            BenchmarkCase(.pack, "hand-written per value: append(contentsOf:)", .alternative) { inputs in
                let records = inputs.standard.records
                let output = Box([UInt8](repeating: 0xEE, count: inputs.standard.packed.count))
                return .writing({ appendStandard(records, to: &output.value) }, output: { output.value })
            },
            BenchmarkCase(.pack, "hand-written per record: append zeros + storeBytes", .alternative) { inputs in
                let records = inputs.standard.records
                let output = Box([UInt8](repeating: 0xEE, count: inputs.standard.packed.count))
                return .writing({ appendStandardZeroed(records, to: &output.value) }, output: { output.value })
            },
            BenchmarkCase(.nativePack, "hand-written per record: withUnsafeMutableBytes + storeBytes", .alternative) {
                inputs in
                let records = inputs.native.records
                let output = Box([UInt8](repeating: 0xEE, count: inputs.native.packed.count))
                return .writing({ packNativePerRecord(records, into: &output.value) }, output: { output.value })
            },
        ]
    }

    @inline(never)
    static func unpackStandardPerRecord(_ packed: [UInt8]) -> UInt64 {
        var fold = RecordChecksum()
        var offset = 0
        while offset < packed.count {
            packed.withUnsafeBytes { raw in
                HandWrittenRecords.foldStandard(raw, at: offset, into: &fold)
            }
            offset &+= 24
        }
        return fold.value
    }

    @inline(never)
    static func packStandardPerRecord(_ records: [Record], into output: inout [UInt8]) -> UInt64 {
        var offset = 0
        for record in records {
            output.withUnsafeMutableBytes { raw in
                HandWrittenRecords.storeStandard(record, into: raw, at: offset)
            }
            offset &+= 24
        }
        return UInt64(offset)
    }

    /// Appends each value's bytes; the capacity was kept from the last pass.
    @inline(never)
    static func appendStandard(_ records: [Record], to output: inout [UInt8]) -> UInt64 {
        output.removeAll(keepingCapacity: true)
        for record in records {
            withUnsafeBytes(of: record.a.littleEndian) { output.append(contentsOf: $0) }
            withUnsafeBytes(of: record.b.littleEndian) { output.append(contentsOf: $0) }
            withUnsafeBytes(of: record.c.littleEndian) { output.append(contentsOf: $0) }
            withUnsafeBytes(of: record.d.littleEndian) { output.append(contentsOf: $0) }
            withUnsafeBytes(of: record.e.bitPattern.littleEndian) { output.append(contentsOf: $0) }
        }
        return UInt64(output.count)
    }

    /// Grows the array by a record's size, then stores into the new bytes; the capacity was kept
    /// from the last pass.
    @inline(never)
    static func appendStandardZeroed(_ records: [Record], to output: inout [UInt8]) -> UInt64 {
        output.removeAll(keepingCapacity: true)
        for record in records {
            let offset = output.count
            output.append(contentsOf: repeatElement(0, count: 24))
            output.withUnsafeMutableBytes { raw in
                HandWrittenRecords.storeStandard(record, into: raw, at: offset)
            }
        }
        return UInt64(output.count)
    }

    @inline(never)
    static func packNativePerRecord(_ records: [NativeRecord], into output: inout [UInt8]) -> UInt64 {
        var offset = 0
        for record in records {
            output.withUnsafeMutableBytes { raw in
                HandWrittenRecords.storeNative(record, into: raw, at: offset)
            }
            offset &+= 16
        }
        return UInt64(offset)
    }
}
