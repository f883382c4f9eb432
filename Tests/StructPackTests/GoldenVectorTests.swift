import Testing
import StructPack

/// Every golden case CPython 3.13 produced, run through StructPack: the dynamic API for every
/// case, the typed API and every input form where a case has one value.
@Suite("Golden vectors from CPython")
struct GoldenVectorTests {

    /// Every category of CPython's Lib/test/test_struct.py the issue names, plus our own.
    static let categories = [
        "calcsize", "consistence", "nN_code", "alignment", "trailing_zero_count", "integers", "1530559",
        "new_features", "transitiveness", "bool", "char", "s_code", "p_code", "floats", "half_float",
        "count_overflow", "trailing_counter", "issue35714", "bad_char", "non_ascii", "item_count", "unpack_from",
        "pack_into", "boundary_error_message", "pack_into_partial", "iterate", "random_roundtrip",
    ]

    @Test func fixtureComesFromCPython313AndCoversEveryCategory() throws {
        let fixture = try VectorFixture.load()
        #expect(fixture.python.hasPrefix("3.13"))
        let present = Set(fixture.cases.map(\.category))
        #expect(present == Set(Self.categories))
        #expect(fixture.cases.count > 20_000)
    }

    @Test func nativeLayoutOfThisHostMatchesTheFixture() throws {
        // On any LP64 little-endian host (x86_64, arm64 Linux and macOS) this must hold; native
        // vectors would be skipped silently otherwise.
        #if arch(x86_64) || arch(arm64)
        let fixture = try VectorFixture.load()
        let matches = fixture.nativeMatchesHost
        #expect(matches, "native sizes/alignments differ from the fixture's host \(fixture.host.native)")
        #endif
    }

    @Test(arguments: categories)
    func category(_ category: String) throws {
        let cases = try VectorFixture.load().runnableCases(category)
        #expect(cases.count > 0, "no runnable cases for \(category)")
        var failures: [String] = []
        for vector in cases {
            if let failure = GoldenCaseRunner.run(vector) {
                failures.append("\(vector): \(failure)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(cases.count) failed:\n\(failures.prefix(15).joined(separator: "\n"))")
    }
}

/// Runs one golden case; returns a description of the first disagreement, or nil.
enum GoldenCaseRunner {
    static func run(_ vector: VectorCase) -> String? {
        let compiled: Struct
        do {
            compiled = try vector.compile()
        } catch {
            return check(error: error, against: vector)
        }
        switch vector.op {
        case "calcsize": return calcsize(compiled, vector)
        case "pack": return pack(compiled, vector)
        case "unpack": return unpack(compiled, vector)
        case "unpack_from": return unpackFrom(compiled, vector)
        case "pack_into": return packInto(compiled, vector)
        case "iter_unpack": return iterUnpack(compiled, vector)
        default: return "unknown op"
        }
    }

    static func check(error: StructError, against vector: VectorCase) -> String? {
        guard let expected = vector.error else { return "unexpected error \(error.code): \(error.message)" }
        if error.message != expected.message { return "message \"\(error.message)\", CPython \"\(expected.message)\"" }
        if error.pythonExceptionType != expected.type {
            return "exception \(error.pythonExceptionType), CPython \(expected.type)"
        }
        return nil
    }

    static func calcsize(_ compiled: Struct, _ vector: VectorCase) -> String? {
        guard vector.error == nil else { return "compiled, but CPython raised \(vector.error!.message)" }
        if compiled.size != vector.size { return "size \(compiled.size), CPython \(vector.size ?? -1)" }
        if let format = vector.format, (try? Struct.calcsize(format)) != vector.size { return "Struct.calcsize differs" }
        let fieldBytes = compiled.fields.reduce(0) { $0 + $1.alignmentPadding + $1.byteCount }
        if fieldBytes != compiled.size { return "fields cover \(fieldBytes) bytes of \(compiled.size)" }
        return nil
    }

    static func pack(_ compiled: Struct, _ vector: VectorCase) -> String? {
        let values = (vector.values ?? []).map(\.value)
        let expected = vector.bytes?.bytes
        do {
            let packed = try compiled.pack(values)
            guard vector.error == nil else { return "packed \(Hex.encode(packed)), CPython raised" }
            if packed != expected { return "packed \(Hex.encode(packed)), CPython \(vector.bytes?.hex ?? "")" }
        } catch {
            if let failure = check(error: error, against: vector) { return failure }
        }
        // Appending must produce the same bytes after existing content, or leave it unchanged.
        var appended: [UInt8] = [0xAB]
        do {
            try compiled.pack(appendingTo: &appended, values)
            if Array(appended.dropFirst()) != expected ?? [] { return "pack(appendingTo:) differs" }
        } catch {
            if appended != [0xAB] { return "pack(appendingTo:) changed the array on error" }
            if let failure = check(error: error, against: vector) { return "appending: \(failure)" }
        }
        if values.count == 1 { return packTyped(compiled, values[0], vector, expected) }
        return nil
    }

    /// The typed API must agree with the dynamic one: both as StructValue and as the Swift type
    /// the value stands for.
    static func packTyped(_ compiled: Struct, _ value: StructValue, _ vector: VectorCase, _ expected: [UInt8]?)
        -> String?
    {
        let attempts: [(String, () throws(StructError) -> [UInt8])] = [
            ("StructValue", { () throws(StructError) in try compiled.pack(value) }),
            ("Swift type", { () throws(StructError) in
                switch value {
                case .int(let v): try compiled.pack(v.value)
                case .bool(let v): try compiled.pack(v)
                case .double(let v): try compiled.pack(v)
                case .bytes(let v): try compiled.pack(v)
                }
            }),
        ]
        for (name, attempt) in attempts {
            do {
                let packed = try attempt()
                if packed != expected { return "typed (\(name)) packed \(Hex.encode(packed))" }
            } catch {
                if let failure = check(error: error, against: vector) { return "typed (\(name)): \(failure)" }
            }
        }
        return nil
    }

    static func unpack(_ compiled: Struct, _ vector: VectorCase) -> String? {
        let bytes = vector.bytes?.bytes ?? []
        let expected = (vector.values ?? []).map(\.value)
        let attempts: [(String, () throws(StructError) -> [StructValue])] = [
            ("array", { () throws(StructError) in try compiled.unpack(bytes) }),
            ("slice", { () throws(StructError) in try compiled.unpack(([0xEE] + bytes + [0xEE])[1..<(bytes.count + 1)]) }),
            ("pointer", { () throws(StructError) in
                try bytes.span.bytes.withUnsafeBytes { (raw) throws(StructError) in try compiled.unpack(raw) }
            }),
        ]
        for (name, attempt) in attempts {
            do {
                let values = try attempt()
                guard vector.error == nil else { return "\(name): unpacked, CPython raised" }
                if !sameValues(values, expected) { return "\(name): [\(show(values))], CPython [\(show(expected))]" }
            } catch {
                if let failure = check(error: error, against: vector) { return "\(name): \(failure)" }
            }
        }
        if expected.count == 1 { return unpackTyped(compiled, bytes, expected[0], vector) }
        return nil
    }

    /// Single-value cases through the typed API, as StructValue and as the natural Swift type.
    static func unpackTyped(_ compiled: Struct, _ bytes: [UInt8], _ expected: StructValue, _ vector: VectorCase)
        -> String?
    {
        do {
            let value = try compiled.unpack(bytes, as: StructValue.self)
            if !sameValue(value, expected) { return "typed StructValue \(value)" }
            let natural: StructValue
            switch expected {
            case .int: natural = .int(try compiled.unpack(bytes, as: Int128.self))
            case .bool: natural = .bool(try compiled.unpack(bytes, as: Bool.self))
            case .double: natural = .double(try compiled.unpack(bytes, as: Double.self))
            case .bytes: natural = .bytes(try compiled.unpack(bytes, as: [UInt8].self))
            }
            if !sameValue(natural, expected) { return "typed natural \(natural)" }
        } catch {
            return "typed: unexpected \(error.message)"
        }
        return nil
    }

    static func unpackFrom(_ compiled: Struct, _ vector: VectorCase) -> String? {
        let bytes = vector.bytes?.bytes ?? []
        let offset = vector.offset ?? 0
        do {
            let values = try compiled.unpack(from: bytes, at: offset)
            guard vector.error == nil else { return "unpacked, CPython raised" }
            let expected = (vector.values ?? []).map(\.value)
            if !sameValues(values, expected) { return "[\(show(values))]" }
            if expected.count == 1 {
                let typed = try compiled.unpack(from: bytes, at: offset, as: StructValue.self)
                if !sameValue(typed, expected[0]) { return "typed \(typed)" }
            }
        } catch {
            if let failure = check(error: error, against: vector) { return failure }
        }
        return nil
    }

    static func packInto(_ compiled: Struct, _ vector: VectorCase) -> String? {
        let values = (vector.values ?? []).map(\.value)
        let expected = vector.result?.bytes ?? []
        var buffer = vector.buffer?.bytes ?? []
        do {
            try compiled.pack(into: &buffer, at: vector.offset ?? 0, values)
            guard vector.error == nil else { return "packed, CPython raised" }
        } catch {
            if let failure = check(error: error, against: vector) { return failure }
        }
        if buffer != expected { return "buffer \(Hex.encode(buffer)), CPython \(vector.result?.hex ?? "")" }
        // The typed API leaves the same bytes, including after an error.
        var typedBuffer = vector.buffer?.bytes ?? []
        if values.count == 1 {
            do {
                try compiled.pack(into: &typedBuffer, at: vector.offset ?? 0, values[0])
            } catch {
                if let failure = check(error: error, against: vector) { return "typed: \(failure)" }
            }
            if typedBuffer != expected { return "typed buffer \(Hex.encode(typedBuffer))" }
        }
        return nil
    }

    static func iterUnpack(_ compiled: Struct, _ vector: VectorCase) -> String? {
        let bytes = vector.bytes?.bytes ?? []
        do {
            let records = try compiled.iterUnpack(bytes)
            guard vector.error == nil else { return "iterated, CPython raised" }
            let expected = (vector.records ?? []).map { $0.map(\.value) }
            // The iterator and the subscripts must each give exactly CPython's records.
            let walked = iterated(records).map(Array.init)
            if !sameRecords(walked, expected) { return "iterated \(describe(walked)), CPython \(describe(expected))" }
            let indexed = records.indices.map { Array(records[$0]) }
            if !sameRecords(indexed, expected) { return "indexed \(describe(indexed)), CPython \(describe(expected))" }
            if compiled.valueCount == 1 {
                // The typed collection's own iterator, for one-value records.
                let typed = iterated(try compiled.iterUnpack(bytes, as: StructValue.self)).map { [$0] }
                if !sameRecords(typed, expected) { return "typed iterated \(describe(typed)), CPython \(describe(expected))" }
            }
        } catch {
            if let failure = check(error: error, against: vector) { return failure }
        }
        return nil
    }

    /// Records for a failure message.
    static func describe(_ records: [[StructValue]]) -> String {
        "\(records.count) records [" + records.map { "[\(show($0))]" }.joined(separator: ", ") + "]"
    }
}
