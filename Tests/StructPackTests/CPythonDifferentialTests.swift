import Foundation
import StructPack
import TestSupport
import Testing

/// Seeded random formats, values and buffers, run through StructPack and a live CPython 3.13 in
/// one batch; every result must agree exactly. Skipped (and reported as skipped) when no CPython
/// 3.13 is installed: TestSupport's `PythonOracle` accepts no other version.
///
/// The seed is `$STRUCTPACK_DIFF_SEED` and the number of cases `$STRUCTPACK_DIFF_CASES`, or
/// fixed defaults, so a failure can be replayed and a longer campaign run without editing code.
@Suite("Live differential test against CPython 3.13", .enabled(if: PythonOracle.isAvailable, "needs CPython 3.13"))
struct CPythonDifferentialTests {
    static let caseCount = environmentInteger("STRUCTPACK_DIFF_CASES").map { max($0, 100) } ?? 4_000
    static let seed =
        environmentInteger("STRUCTPACK_DIFF_SEED").map { UInt64(truncatingIfNeeded: $0) } ?? 0x5354_5255_4354

    static func environmentInteger(_ name: String) -> Int? {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0) }
    }

    @Test func randomCasesAgreeWithCPython() throws {
        var generator = SplitMix64(seed: Self.seed)
        let cases = (0..<Self.caseCount).map { _ in RandomCase.make(using: &generator) }
        let input = try JSONSerialization.data(withJSONObject: cases.map(\.json))
        let output = try PythonOracle.run(["-c", Self.oracleScript], input: Array(input))
        try #require(output.status == 0, "python failed: \(output.stderrText)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout)) as? [[String: Any]])
        try #require(results.count == cases.count)

        var failures: [String] = []
        var errors = 0
        for (testCase, expected) in zip(cases, results) {
            if expected["error"] != nil { errors += 1 }
            if let failure = testCase.compare(with: expected) { failures.append(failure) }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(cases.count) disagree:\n\(failures.prefix(10).joined(separator: "\n"))")
        // Both outcomes must be well represented, or the test proves little.
        #expect(errors > Self.caseCount / 10 && errors < Self.caseCount * 9 / 10, "\(errors) errors")
        print(
            "differential: \(cases.count) cases (seed \(Self.seed), \(errors) errors) compared with CPython "
                + "\(PythonOracle.interpreter?.version ?? "?"): \(failures.count) disagree")
    }

    /// Evaluates each case with CPython's struct and prints the results as JSON.
    static let oracleScript = #"""
        import json, struct, sys
        def dec(v):
            k, x = next(iter(v.items()))
            return {"int": int, "bool": bool, "float": lambda h: struct.unpack(">d", bytes.fromhex(h))[0],
                    "bytes": bytes.fromhex}[k](x)
        def enc(v):
            if isinstance(v, bool): return {"bool": v}
            if isinstance(v, int): return {"int": str(v)}
            if isinstance(v, float): return {"float": struct.pack(">d", v).hex()}
            return {"bytes": bytes(v).hex()}
        out = []
        for c in json.load(sys.stdin):
            r = {}
            try:
                s = struct.Struct(c["format"])
                op = c["op"]
                if op == "pack":
                    r["bytes"] = s.pack(*[dec(v) for v in c["values"]]).hex()
                elif op == "unpack":
                    r["values"] = [enc(v) for v in s.unpack(bytes.fromhex(c["bytes"]))]
                elif op == "unpack_from":
                    r["values"] = [enc(v) for v in s.unpack_from(bytes.fromhex(c["bytes"]), c["offset"])]
                elif op == "pack_into":
                    buf = bytearray.fromhex(c["bytes"])
                    try:
                        s.pack_into(buf, c["offset"], *[dec(v) for v in c["values"]])
                    finally:
                        r["buffer"] = buf.hex()
                elif op == "iter_unpack":
                    r["records"] = [[enc(v) for v in rec] for rec in s.iter_unpack(bytes.fromhex(c["bytes"]))]
            except Exception as e:
                r["error"] = str(e)
            out.append(r)
        json.dump(out, sys.stdout)
        """#
}

/// One random operation with its inputs, able to run itself through StructPack.
struct RandomCase {
    let op: String
    let format: String
    var values: [StructValue] = []
    var bytes: [UInt8] = []
    var offset = 0

    var json: [String: Any] {
        ["op": op, "format": format, "values": values.map(Self.encode), "bytes": Hex.encode(bytes), "offset": offset]
    }

    static func encode(_ value: StructValue) -> [String: Any] {
        switch value {
        case .int(let v): ["int": "\(v)"]
        case .bool(let v): ["bool": v]
        case .double(let v): ["float": String(format: "%016llx", v.bitPattern)]
        case .bytes(let v): ["bytes": Hex.encode(v)]
        }
    }

    static func decode(_ object: Any) -> StructValue? {
        guard let dictionary = object as? [String: Any], let (key, raw) = dictionary.first else { return nil }
        switch key {
        case "int": return (raw as? String).flatMap { Int128($0) }.map(StructValue.int)
        case "bool": return (raw as? Bool).map(StructValue.bool)
        case "float": return (raw as? String).flatMap { UInt64($0, radix: 16) }.map { .double(Double(bitPattern: $0)) }
        case "bytes": return (raw as? String).flatMap(Hex.decode).map(StructValue.bytes)
        default: return nil
        }
    }

    // MARK: Generation

    static let codes = Array("xcbB?hHiIlLqQefdsp")
    static let nativeCodes = Array("nNP")

    static func make(using rng: inout SplitMix64) -> RandomCase {
        let prefix = ["", "@", "=", "<", ">", "!"].randomElement(using: &rng)!
        var format = prefix
        let native = prefix.isEmpty || prefix == "@"
        for _ in 0..<Int.random(in: 1...5, using: &rng) {
            if Int.random(in: 0..<4, using: &rng) == 0 { format += String(Int.random(in: 0...4, using: &rng)) }
            var pool = codes + (native ? nativeCodes : [])
            if Int.random(in: 0..<60, using: &rng) == 0 { pool += Array("zZ\u{e9} ") }  // rare bad characters
            format.append(pool.randomElement(using: &rng)!)
        }
        let op = ["pack", "pack", "unpack", "unpack_from", "pack_into", "iter_unpack"].randomElement(using: &rng)!
        var testCase = RandomCase(op: op, format: format)
        let compiled = try? Struct(format)
        let size = compiled?.size ?? 4
        switch op {
        case "pack", "pack_into":
            testCase.values = compiled.map { randomValues(for: $0, using: &rng) } ?? []
            if Int.random(in: 0..<25, using: &rng) == 0 { testCase.values.append(.int(1)) }  // wrong count
            if op == "pack_into" {
                testCase.bytes = randomBytes(size + Int.random(in: -2...6, using: &rng), using: &rng)
                testCase.offset = Int.random(in: -(size + 8)...(size + 8), using: &rng)
            }
        case "unpack":
            testCase.bytes = randomBytes(Int.random(in: 0..<8, using: &rng) == 0 ? size + 1 : size, using: &rng)
        case "unpack_from":
            testCase.bytes = randomBytes(size + Int.random(in: -2...6, using: &rng), using: &rng)
            testCase.offset = Int.random(in: -(size + 8)...(size + 8), using: &rng)
        default:
            testCase.bytes = randomBytes(size * Int.random(in: 0...4, using: &rng) + (Bool.random(using: &rng) ? 0 : 1), using: &rng)
        }
        return testCase
    }

    static func randomBytes(_ count: Int, using rng: inout SplitMix64) -> [UInt8] {
        (0..<max(0, count)).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }

    /// Mostly values of the right type near the code's range, sometimes deliberately wrong.
    static func randomValues(for format: Struct, using rng: inout SplitMix64) -> [StructValue] {
        (0..<format.valueCount).compactMap { index in
            guard let slot = try? format.slot(ofValue: index) else { return nil }
            if Int.random(in: 0..<12, using: &rng) == 0 { return anyValue(using: &rng) }
            switch slot.code.kind {
            case .signedInteger, .unsignedInteger:
                let bits = slot.size * 8
                let magnitude = Int128(1) << (bits - (slot.code.kind == .signedInteger ? 1 : 0))
                let low = slot.code.kind == .signedInteger ? -magnitude : 0
                let edge = [low, low - 1, magnitude - 1, magnitude, 0, -1].randomElement(using: &rng)!
                return Bool.random(using: &rng)
                    ? .int(edge) : .int(Int128(Int64.random(in: .min ... .max, using: &rng)) >> Int.random(in: 0...63, using: &rng))
            case .bool:
                return anyValue(using: &rng)
            case .floatingPoint:
                // Often exactly halfway between two values of the code's width: packing must round
                // the tie to even, as CPython does.
                if Int.random(in: 0..<3, using: &rng) == 0, let tie = roundingTie(for: slot.code, using: &rng) {
                    return .double(tie)
                }
                return randomDouble(using: &rng)
            case .char:
                return .bytes(randomBytes(Int.random(in: 0..<8, using: &rng) == 0 ? 2 : 1, using: &rng))
            case .string, .pascalString:
                return .bytes(randomBytes(Int.random(in: 0...(slot.size + 3), using: &rng), using: &rng))
            case .padding:
                return nil
            }
        }
    }

    static func randomDouble(using rng: inout SplitMix64) -> StructValue {
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: return .double(Double(bitPattern: rng.next()))
        case 1: return .double([0.0, -0.0, .infinity, -.infinity, .nan, 65504, 65520, 3.4028235677973366e38].randomElement(using: &rng)!)
        case 2: return .int(Int128(Int64.random(in: -70000...70000, using: &rng)))
        default:
            let exponent = Int.random(in: -30...40, using: &rng)
            return .double(Double(sign: .plus, exponent: exponent, significand: Double.random(in: 1..<2, using: &rng)))
        }
    }

    /// A double exactly halfway between two adjacent finite values of `e` (binary16) or `f`
    /// (binary32), either sign, subnormals included; `nil` for `d`. The midpoint needs one more
    /// significant bit than the narrow format has, so it is exact in a double.
    static func roundingTie(for code: FormatCode, using rng: inout SplitMix64) -> Double? {
        let sign: Double = Bool.random(using: &rng) ? -1 : 1
        switch code {
        case .half:
            let bits = Int.random(in: 0..<0x7BFF, using: &rng)  // below the largest finite half
            return sign * (halfValue(bits) + halfValue(bits + 1)) / 2
        case .float:
            let bits = UInt32.random(in: 0..<0x7F7F_FFFF, using: &rng)  // below the largest finite float
            return sign * (Double(Float(bitPattern: bits)) + Double(Float(bitPattern: bits + 1))) / 2
        default:
            return nil
        }
    }

    /// The value of positive finite binary16 `bits`, from IEEE 754's definition (written here
    /// rather than taken from the library): `fraction × 2^-24` below exponent 1, else
    /// `(1024 + fraction) × 2^(exponent - 25)`.
    static func halfValue(_ bits: Int) -> Double {
        let exponent = bits >> 10
        let fraction = bits & 0x3FF
        if exponent == 0 { return Double(fraction) * 0x1p-24 }
        return Double(1024 + fraction) * Double(sign: .plus, exponent: exponent - 25, significand: 1)
    }

    static func anyValue(using rng: inout SplitMix64) -> StructValue {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: .int(Int128(Int32.random(in: .min ... .max, using: &rng)))
        case 1: .bool(Bool.random(using: &rng))
        case 2: randomDouble(using: &rng)
        default: .bytes(randomBytes(Int.random(in: 0...3, using: &rng), using: &rng))
        }
    }

    // MARK: Comparison

    /// Runs the case through StructPack; returns a description of any disagreement.
    func compare(with expected: [String: Any]) -> String? {
        let expectedError = expected["error"] as? String
        do {
            let compiled = try Struct(format)
            switch op {
            case "pack":
                let packed = try compiled.pack(values)
                return check(expectedError, Hex.encode(packed) == expected["bytes"] as? String, "bytes \(Hex.encode(packed))")
            case "unpack":
                return check(expectedError, matches(try compiled.unpack(bytes), expected["values"]), "values")
            case "unpack_from":
                return check(expectedError, matches(try compiled.unpack(from: bytes, at: offset), expected["values"]), "values")
            case "pack_into":
                var buffer = bytes
                var message: String? = nil
                do { try compiled.pack(into: &buffer, at: offset, values) } catch { message = error.message }
                if message != expectedError { return "\(self): error \(message ?? "none"), CPython \(expectedError ?? "none")" }
                return Hex.encode(buffer) == expected["buffer"] as? String ? nil : "\(self): buffer \(Hex.encode(buffer))"
            default:
                // Walked with the iterator and compared whole: a skipped or extra record differs.
                let records = iterated(try compiled.iterUnpack(bytes)).map(Array.init)
                let expectedRecords = expected["records"] as? [Any] ?? []
                let same = records.count == expectedRecords.count
                    && zip(records, expectedRecords).allSatisfy { matches($0, $1) }
                return check(expectedError, same, "\(records.count) records")
            }
        } catch {
            return error.message == expectedError ? nil : "\(self): error \(error.message), CPython \(expectedError ?? "none")"
        }
    }

    private func check(_ expectedError: String?, _ same: Bool, _ what: String) -> String? {
        if let expectedError { return "\(self): succeeded, CPython raised \(expectedError)" }
        return same ? nil : "\(self): \(what) differ"
    }

    private func matches(_ values: [StructValue], _ expected: Any?) -> Bool {
        guard let expected = expected as? [Any] else { return false }
        let decoded = expected.compactMap(Self.decode)
        return decoded.count == expected.count && sameValues(values, decoded)
    }
}

extension RandomCase: CustomStringConvertible {
    var description: String {
        "\(op)(\"\(format)\", values: [\(show(values))], bytes: \(Hex.encode(bytes)), offset: \(offset))"
    }
}
