import StructPack
import Workloads

/// StructPack's typed and dynamic paths on the record workloads, and format compilation.
enum StructPackCases {
    typealias Standard = (UInt32, UInt16, UInt16, UInt64, Double)
    typealias Native = (Int8, Int16, Int32, Int64)
    typealias Strings = (UInt32, [UInt8], [UInt8], UInt16)

    // Formats and packers are made once, outside the measured passes, as an application makes
    // them (a packer allocates its storage once); unpackers, which allocate nothing, per pass.
    static let standard = try! Struct("<IHHQd")
    static let native = try! Struct("@bhiq")
    static let strings = try! Struct("<I16s8pH")
    static let standardPacker = try! standard.packer(for: Standard.self)
    static let nativePacker = try! native.packer(for: Native.self)
    static let stringsPacker = try! strings.packer(for: Strings.self)

    static func cases() -> [BenchmarkCase] {
        [
            // W1
            BenchmarkCase(.unpack, "StructPack typed unpacker(for:)", .typed) { inputs in
                let packed = inputs.standard.packed
                return .folding { unpackWithUnpacker(packed) }
            },
            BenchmarkCase(.unpack, "StructPack typed iterUnpack(_:as:)", .typed) { inputs in
                let packed = inputs.standard.packed
                return .folding { unpackWithIterUnpack(packed) }
            },
            BenchmarkCase(.unpack, "StructPack typed unpack(from:at:as:)", .typed) { inputs in
                let packed = inputs.standard.packed
                return .folding { unpackPerCall(packed) }
            },
            BenchmarkCase(.unpack, "StructPack dynamic iterUnpack(_:)", .dynamic) { inputs in
                let packed = inputs.standard.packed
                return .folding { unpackDynamic(packed) }
            },
            // W2
            BenchmarkCase(.pack, "StructPack typed packer(for:)", .typed) { inputs in
                let records = inputs.standard.records
                let output = Box([UInt8](repeating: 0, count: inputs.standard.packed.count))
                return .writing({ packWithPacker(records, into: &output.value) }, output: { output.value })
            },
            BenchmarkCase(.pack, "StructPack typed pack(into:at:_:...)", .typed) { inputs in
                let records = inputs.standard.records
                let output = Box([UInt8](repeating: 0, count: inputs.standard.packed.count))
                return .writing({ packPerCall(records, into: &output.value) }, output: { output.value })
            },
            BenchmarkCase(.pack, "StructPack dynamic pack(into:at:_:)", .dynamic) { inputs in
                let records = inputs.standard.records
                let output = Box([UInt8](repeating: 0, count: inputs.standard.packed.count))
                return .writing({ packDynamic(records, into: &output.value) }, output: { output.value })
            },
            // Native '@bhiq'
            BenchmarkCase(.nativeUnpack, "StructPack typed unpacker(for:)", .typed) { inputs in
                let packed = inputs.native.packed
                return .folding { unpackNative(packed) }
            },
            BenchmarkCase(.nativeUnpack, "StructPack typed iterUnpack(_:as:)", .typed) { inputs in
                let packed = inputs.native.packed
                return .folding { unpackNativeIterating(packed) }
            },
            BenchmarkCase(.nativeUnpack, "StructPack dynamic iterUnpack(_:)", .dynamic) { inputs in
                let packed = inputs.native.packed
                return .folding { unpackNativeDynamic(packed) }
            },
            BenchmarkCase(.nativePack, "StructPack typed packer(for:)", .typed) { inputs in
                let records = inputs.native.records
                let output = Box([UInt8](repeating: 0xEE, count: inputs.native.packed.count))
                return .writing({ packNative(records, into: &output.value) }, output: { output.value })
            },
            BenchmarkCase(.nativePack, "StructPack dynamic pack(into:at:_:)", .dynamic) { inputs in
                let records = inputs.native.records
                let output = Box([UInt8](repeating: 0xEE, count: inputs.native.packed.count))
                return .writing({ packNativeDynamic(records, into: &output.value) }, output: { output.value })
            },
            // Strings '<I16s8pH'
            BenchmarkCase(.stringsUnpack, "StructPack typed unpacker(for:)", .typed) { inputs in
                let packed = inputs.strings.packed
                return .folding { unpackStrings(packed) }
            },
            BenchmarkCase(.stringsUnpack, "StructPack dynamic iterUnpack(_:)", .dynamic) { inputs in
                let packed = inputs.strings.packed
                return .folding { unpackStringsDynamic(packed) }
            },
            BenchmarkCase(.stringsPack, "StructPack typed packer(for:)", .typed) { inputs in
                let records = inputs.strings.records
                let output = Box([UInt8](repeating: 0xEE, count: inputs.strings.packed.count))
                return .writing({ packStrings(records, into: &output.value) }, output: { output.value })
            },
            BenchmarkCase(.stringsPack, "StructPack dynamic pack(into:at:_:)", .dynamic) { inputs in
                let records = inputs.strings.records
                let output = Box([UInt8](repeating: 0xEE, count: inputs.strings.packed.count))
                return .writing({ packStringsDynamic(records, into: &output.value) }, output: { output.value })
            },
            // Compilation
            BenchmarkCase(.compile, "StructPack Struct(_:)", .typed) { inputs in
                let count = inputs.scale.formatsCompiled
                return .folding { compile(count: count) }
            },
        ]
    }

    // MARK: W1

    @inline(never)
    static func unpackWithUnpacker(_ packed: [UInt8]) -> UInt64 {
        let unpacker = try! standard.unpacker(for: Standard.self)
        let bytes = packed.span.bytes
        var fold = RecordChecksum()
        var offset = 0
        while offset < bytes.byteCount {
            let (a, b, c, d, e) = try! unpacker.unpack(from: bytes, at: offset)
            fold.add(a, b, c, d, e)
            offset += 24
        }
        return fold.value
    }

    @inline(never)
    static func unpackWithIterUnpack(_ packed: [UInt8]) -> UInt64 {
        var fold = RecordChecksum()
        for (a, b, c, d, e) in try! standard.iterUnpack(packed, as: Standard.self) {
            fold.add(a, b, c, d, e)
        }
        return fold.value
    }

    @inline(never)
    static func unpackPerCall(_ packed: [UInt8]) -> UInt64 {
        let format = standard
        let bytes = packed.span.bytes
        var fold = RecordChecksum()
        var offset = 0
        while offset < bytes.byteCount {
            let (a, b, c, d, e) = try! format.unpack(from: bytes, at: offset, as: Standard.self)
            fold.add(a, b, c, d, e)
            offset += 24
        }
        return fold.value
    }

    @inline(never)
    static func unpackDynamic(_ packed: [UInt8]) -> UInt64 {
        var fold = RecordChecksum()
        for values in try! standard.iterUnpack(packed) {
            guard case .int(let a) = values[0], case .int(let b) = values[1], case .int(let c) = values[2],
                case .int(let d) = values[3], case .double(let e) = values[4]
            else { fatalError("unexpected value kinds") }
            fold.add(
                UInt32(truncatingIfNeeded: a), UInt16(truncatingIfNeeded: b), UInt16(truncatingIfNeeded: c),
                UInt64(truncatingIfNeeded: d), e)
        }
        return fold.value
    }

    // MARK: W2

    @inline(never)
    static func packWithPacker(_ records: [Record], into output: inout [UInt8]) -> UInt64 {
        let packer = standardPacker
        var span = output.mutableSpan
        var bytes = span.mutableBytes
        var offset = 0
        for record in records {
            try! packer.pack((record.a, record.b, record.c, record.d, record.e), into: &bytes, at: offset)
            offset += 24
        }
        return UInt64(offset)
    }

    @inline(never)
    static func packPerCall(_ records: [Record], into output: inout [UInt8]) -> UInt64 {
        let format = standard
        var span = output.mutableSpan
        var bytes = span.mutableBytes
        var offset = 0
        for record in records {
            try! format.pack(into: &bytes, at: offset, record.a, record.b, record.c, record.d, record.e)
            offset += 24
        }
        return UInt64(offset)
    }

    @inline(never)
    static func packDynamic(_ records: [Record], into output: inout [UInt8]) -> UInt64 {
        let format = standard
        var span = output.mutableSpan
        var bytes = span.mutableBytes
        var values: [StructValue] = [0, 0, 0, 0, 0.0]
        var offset = 0
        for record in records {
            values[0] = .int(Int128(record.a))
            values[1] = .int(Int128(record.b))
            values[2] = .int(Int128(record.c))
            values[3] = .int(Int128(record.d))
            values[4] = .double(record.e)
            try! format.pack(into: &bytes, at: offset, values)
            offset += 24
        }
        return UInt64(offset)
    }

    // MARK: Native

    @inline(never)
    static func unpackNative(_ packed: [UInt8]) -> UInt64 {
        let unpacker = try! native.unpacker(for: Native.self)
        let bytes = packed.span.bytes
        var fold = NativeChecksum()
        var offset = 0
        while offset < bytes.byteCount {
            let (b, h, i, q) = try! unpacker.unpack(from: bytes, at: offset)
            fold.add(b, h, i, q)
            offset += 16
        }
        return fold.value
    }

    @inline(never)
    static func unpackNativeIterating(_ packed: [UInt8]) -> UInt64 {
        var fold = NativeChecksum()
        for (b, h, i, q) in try! native.iterUnpack(packed, as: Native.self) {
            fold.add(b, h, i, q)
        }
        return fold.value
    }

    @inline(never)
    static func unpackNativeDynamic(_ packed: [UInt8]) -> UInt64 {
        var fold = NativeChecksum()
        for values in try! native.iterUnpack(packed) {
            guard case .int(let b) = values[0], case .int(let h) = values[1], case .int(let i) = values[2],
                case .int(let q) = values[3]
            else { fatalError("unexpected value kinds") }
            fold.add(
                Int8(truncatingIfNeeded: b), Int16(truncatingIfNeeded: h), Int32(truncatingIfNeeded: i),
                Int64(truncatingIfNeeded: q))
        }
        return fold.value
    }

    @inline(never)
    static func packNative(_ records: [NativeRecord], into output: inout [UInt8]) -> UInt64 {
        let packer = nativePacker
        var span = output.mutableSpan
        var bytes = span.mutableBytes
        var offset = 0
        for record in records {
            try! packer.pack((record.b, record.h, record.i, record.q), into: &bytes, at: offset)
            offset += 16
        }
        return UInt64(offset)
    }

    @inline(never)
    static func packNativeDynamic(_ records: [NativeRecord], into output: inout [UInt8]) -> UInt64 {
        let format = native
        var span = output.mutableSpan
        var bytes = span.mutableBytes
        var values: [StructValue] = [0, 0, 0, 0]
        var offset = 0
        for record in records {
            values[0] = .int(Int128(record.b))
            values[1] = .int(Int128(record.h))
            values[2] = .int(Int128(record.i))
            values[3] = .int(Int128(record.q))
            try! format.pack(into: &bytes, at: offset, values)
            offset += 16
        }
        return UInt64(offset)
    }

    // MARK: Strings

    @inline(never)
    static func unpackStrings(_ packed: [UInt8]) -> UInt64 {
        let unpacker = try! strings.unpacker(for: Strings.self)
        let bytes = packed.span.bytes
        var fold = StringChecksum()
        var offset = 0
        while offset < bytes.byteCount {
            let (a, s, p, h) = try! unpacker.unpack(from: bytes, at: offset)
            fold.add(a, s, p, h)
            offset += 30
        }
        return fold.value
    }

    @inline(never)
    static func unpackStringsDynamic(_ packed: [UInt8]) -> UInt64 {
        var fold = StringChecksum()
        for values in try! strings.iterUnpack(packed) {
            guard case .int(let a) = values[0], case .bytes(let s) = values[1], case .bytes(let p) = values[2],
                case .int(let h) = values[3]
            else { fatalError("unexpected value kinds") }
            fold.add(UInt32(truncatingIfNeeded: a), s, p, UInt16(truncatingIfNeeded: h))
        }
        return fold.value
    }

    @inline(never)
    static func packStrings(_ records: [StringRecord], into output: inout [UInt8]) -> UInt64 {
        let packer = stringsPacker
        var span = output.mutableSpan
        var bytes = span.mutableBytes
        var offset = 0
        for record in records {
            try! packer.pack((record.a, record.s, record.p, record.h), into: &bytes, at: offset)
            offset += 30
        }
        return UInt64(offset)
    }

    @inline(never)
    static func packStringsDynamic(_ records: [StringRecord], into output: inout [UInt8]) -> UInt64 {
        let format = strings
        var span = output.mutableSpan
        var bytes = span.mutableBytes
        var values: [StructValue] = [0, "", "", 0]
        var offset = 0
        for record in records {
            values[0] = .int(Int128(record.a))
            values[1] = .bytes(record.s)
            values[2] = .bytes(record.p)
            values[3] = .int(Int128(record.h))
            try! format.pack(into: &bytes, at: offset, values)
            offset += 30
        }
        return UInt64(offset)
    }

    // MARK: Compilation

    @inline(never)
    static func compile(count: Int) -> UInt64 {
        var sizes: UInt64 = 0
        for index in 0..<count {
            sizes &+= UInt64(try! Struct(compiledFormats[index % compiledFormats.count]).size)
        }
        return sizes
    }
}
