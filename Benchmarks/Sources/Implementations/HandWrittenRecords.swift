import Workloads

/// The limit of each record workload: the simplest fast loop a Swift performance engineer writes
/// for that one format — `withUnsafeBytes` with `loadUnaligned` / `storeBytes`, wrapping offset
/// arithmetic, byte-order conversion, nothing else in the loop but the workload's light fold. If a
/// simpler loop beats one of these, the baseline is wrong.
enum HandWrittenRecords {
    static func cases() -> [BenchmarkCase] {
        [
            BenchmarkCase(.unpack, "hand-written loadUnaligned", .limit) { inputs in
                let packed = inputs.standard.packed
                return .folding { unpackStandard(packed) }
            },
            BenchmarkCase(.pack, "hand-written storeBytes", .limit) { inputs in
                let records = inputs.standard.records
                let output = Box([UInt8](repeating: 0, count: inputs.standard.packed.count))
                return .writing({ packStandard(records, into: &output.value) }, output: { output.value })
            },
            BenchmarkCase(.nativeUnpack, "hand-written loadUnaligned", .limit) { inputs in
                let packed = inputs.native.packed
                return .folding { unpackNative(packed) }
            },
            BenchmarkCase(.nativePack, "hand-written storeBytes", .limit) { inputs in
                let records = inputs.native.records
                let output = Box([UInt8](repeating: 0xEE, count: inputs.native.packed.count))
                return .writing({ packNative(records, into: &output.value) }, output: { output.value })
            },
            BenchmarkCase(.stringsUnpack, "hand-written loadUnaligned + Array", .limit) { inputs in
                let packed = inputs.strings.packed
                return .folding { unpackStrings(packed) }
            },
            BenchmarkCase(.stringsViews, "hand-written loadUnaligned + ArraySlice views", .limit) { inputs in
                let packed = inputs.strings.packed
                return .folding { unpackStringViews(packed) }
            },
            BenchmarkCase(.stringsPack, "hand-written storeBytes + copyMemory", .limit) { inputs in
                let records = inputs.strings.records
                let output = Box([UInt8](repeating: 0xEE, count: inputs.strings.packed.count))
                return .writing({ packStrings(records, into: &output.value) }, output: { output.value })
            },
            BenchmarkCase(.wideUnpack, "hand-written loadUnaligned", .limit) { inputs in
                let packed = inputs.wide.packed
                return .folding { unpackWide(packed) }
            },
            BenchmarkCase(.widePack, "hand-written storeBytes", .limit) { inputs in
                let records = inputs.wide.records
                let output = Box([UInt8](repeating: 0xEE, count: inputs.wide.packed.count))
                return .writing({ packWide(records, into: &output.value) }, output: { output.value })
            },
        ]
    }

    /// Folds the `'<IHHQd'` record at `offset`: one `loadUnaligned` per value.
    @inline(__always)
    static func foldStandard(_ raw: UnsafeRawBufferPointer, at offset: Int, into fold: inout RecordChecksum) {
        fold.add(
            UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)),
            UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset &+ 4, as: UInt16.self)),
            UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset &+ 6, as: UInt16.self)),
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset &+ 8, as: UInt64.self)),
            Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset &+ 16, as: UInt64.self))))
    }

    /// Stores `record` as `'<IHHQd'` at `offset`: one `storeBytes` per value.
    @inline(__always)
    static func storeStandard(_ record: Record, into raw: UnsafeMutableRawBufferPointer, at offset: Int) {
        raw.storeBytes(of: record.a.littleEndian, toByteOffset: offset, as: UInt32.self)
        raw.storeBytes(of: record.b.littleEndian, toByteOffset: offset &+ 4, as: UInt16.self)
        raw.storeBytes(of: record.c.littleEndian, toByteOffset: offset &+ 6, as: UInt16.self)
        raw.storeBytes(of: record.d.littleEndian, toByteOffset: offset &+ 8, as: UInt64.self)
        raw.storeBytes(of: record.e.bitPattern.littleEndian, toByteOffset: offset &+ 16, as: UInt64.self)
    }

    /// Stores `record` as `'@bhiq'` at `offset`, its pad byte zeroed.
    @inline(__always)
    static func storeNative(_ record: NativeRecord, into raw: UnsafeMutableRawBufferPointer, at offset: Int) {
        raw.storeBytes(of: record.b, toByteOffset: offset, as: Int8.self)
        raw.storeBytes(of: 0, toByteOffset: offset &+ 1, as: UInt8.self)
        raw.storeBytes(of: record.h, toByteOffset: offset &+ 2, as: Int16.self)
        raw.storeBytes(of: record.i, toByteOffset: offset &+ 4, as: Int32.self)
        raw.storeBytes(of: record.q, toByteOffset: offset &+ 8, as: Int64.self)
    }

    @inline(never)
    static func unpackStandard(_ packed: [UInt8]) -> UInt64 {
        packed.withUnsafeBytes { raw in
            var fold = RecordChecksum()
            var offset = 0
            while offset < raw.count {
                foldStandard(raw, at: offset, into: &fold)
                offset &+= 24
            }
            return fold.value
        }
    }

    @inline(never)
    static func packStandard(_ records: [Record], into output: inout [UInt8]) -> UInt64 {
        output.withUnsafeMutableBytes { raw in
            var offset = 0
            for record in records {
                storeStandard(record, into: raw, at: offset)
                offset &+= 24
            }
            return UInt64(offset)
        }
    }

    @inline(never)
    static func unpackNative(_ packed: [UInt8]) -> UInt64 {
        packed.withUnsafeBytes { raw in
            var fold = NativeChecksum()
            var offset = 0
            while offset < raw.count {
                fold.add(
                    raw.loadUnaligned(fromByteOffset: offset, as: Int8.self),
                    raw.loadUnaligned(fromByteOffset: offset &+ 2, as: Int16.self),
                    raw.loadUnaligned(fromByteOffset: offset &+ 4, as: Int32.self),
                    raw.loadUnaligned(fromByteOffset: offset &+ 8, as: Int64.self))
                offset &+= 16
            }
            return fold.value
        }
    }

    @inline(never)
    static func packNative(_ records: [NativeRecord], into output: inout [UInt8]) -> UInt64 {
        output.withUnsafeMutableBytes { raw in
            var offset = 0
            for record in records {
                storeNative(record, into: raw, at: offset)
                offset &+= 16
            }
            return UInt64(offset)
        }
    }

    /// Reads the strings into arrays, as the copying rows must deliver them.
    @inline(never)
    static func unpackStrings(_ packed: [UInt8]) -> UInt64 {
        packed.withUnsafeBytes { raw in
            var fold = StringChecksum()
            var offset = 0
            while offset < raw.count {
                let a = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                let s = Array(UnsafeRawBufferPointer(rebasing: raw[(offset &+ 4)..<(offset &+ 20)]))
                let length = min(Int(raw[offset &+ 20]), 7)
                let p = Array(UnsafeRawBufferPointer(rebasing: raw[(offset &+ 21)..<(offset &+ 21 &+ length)]))
                let h = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset &+ 28, as: UInt16.self))
                fold.add(a, s, p, h)
                offset &+= 30
            }
            return fold.value
        }
    }

    /// Reads the strings as views of the array (slices sharing its storage), as the view rows
    /// deliver them.
    @inline(never)
    static func unpackStringViews(_ packed: [UInt8]) -> UInt64 {
        packed.withUnsafeBytes { raw in
            var fold = StringChecksum()
            var offset = 0
            while offset < raw.count {
                let a = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                let s = packed[(offset &+ 4)..<(offset &+ 20)]
                let length = min(Int(raw[offset &+ 20]), 7)
                let p = packed[(offset &+ 21)..<(offset &+ 21 &+ length)]
                let h = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset &+ 28, as: UInt16.self))
                fold.add(a, s, p, h)
                offset &+= 30
            }
            return fold.value
        }
    }

    @inline(never)
    static func packStrings(_ records: [StringRecord], into output: inout [UInt8]) -> UInt64 {
        output.withUnsafeMutableBytes { raw in
            var offset = 0
            for record in records {
                raw.storeBytes(of: record.a.littleEndian, toByteOffset: offset, as: UInt32.self)
                record.s.withUnsafeBytes { s in
                    let count = min(s.count, 16)
                    (raw.baseAddress! + (offset &+ 4)).copyMemory(from: s.baseAddress!, byteCount: count)
                    (raw.baseAddress! + (offset &+ 4 &+ count)).initializeMemory(as: UInt8.self, repeating: 0, count: 16 - count)
                }
                let length = min(record.p.count, 7)
                raw[offset &+ 20] = UInt8(length)
                record.p.withUnsafeBytes { p in
                    if length > 0 { (raw.baseAddress! + (offset &+ 21)).copyMemory(from: p.baseAddress!, byteCount: length) }
                }
                (raw.baseAddress! + (offset &+ 21 &+ length)).initializeMemory(as: UInt8.self, repeating: 0, count: 7 - length)
                raw.storeBytes(of: record.h.littleEndian, toByteOffset: offset &+ 28, as: UInt16.self)
                offset &+= 30
            }
            return UInt64(offset)
        }
    }

    @inline(never)
    static func unpackWide(_ packed: [UInt8]) -> UInt64 {
        packed.withUnsafeBytes { raw in
            var fold = WideChecksum()
            var offset = 0
            while offset < raw.count {
                for k in 0..<16 {
                    fold.add(integer: UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset &+ 4 &* k, as: UInt32.self))))
                }
                for k in 0..<16 {
                    fold.add(integer: UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset &+ 64 &+ 2 &* k, as: UInt16.self))))
                }
                for k in 0..<16 {
                    fold.add(integer: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset &+ 96 &+ 8 &* k, as: UInt64.self)))
                }
                for k in 0..<16 {
                    fold.add(double: Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset &+ 224 &+ 8 &* k, as: UInt64.self))))
                }
                offset &+= 352
            }
            return fold.value
        }
    }

    @inline(never)
    static func packWide(_ records: [WideRecord], into output: inout [UInt8]) -> UInt64 {
        output.withUnsafeMutableBytes { raw in
            var offset = 0
            for record in records {
                for k in 0..<16 { raw.storeBytes(of: record.i[k].littleEndian, toByteOffset: offset &+ 4 &* k, as: UInt32.self) }
                for k in 0..<16 { raw.storeBytes(of: record.h[k].littleEndian, toByteOffset: offset &+ 64 &+ 2 &* k, as: UInt16.self) }
                for k in 0..<16 { raw.storeBytes(of: record.q[k].littleEndian, toByteOffset: offset &+ 96 &+ 8 &* k, as: UInt64.self) }
                for k in 0..<16 {
                    raw.storeBytes(of: record.d[k].bitPattern.littleEndian, toByteOffset: offset &+ 224 &+ 8 &* k, as: UInt64.self)
                }
                offset &+= 352
            }
            return UInt64(offset)
        }
    }
}
