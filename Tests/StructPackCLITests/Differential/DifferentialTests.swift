import Foundation
import StructPack
import StructPackCLICore
import TestSupport
import Testing

/// structpack against CPython 3.13 on seeded random cases: skipped (and reported as skipped)
/// when no CPython 3.13 is installed.
///
/// The seed is `$STRUCTPACK_DIFF_SEED` or a fixed default, so a failure can be replayed.
@Suite("Differential against CPython 3.13", .enabled(if: PythonOracle.isAvailable, "needs CPython 3.13"))
struct DifferentialTests {
    static let seed = Int(ProcessInfo.processInfo.environment["STRUCTPACK_DIFF_SEED"] ?? "") ?? 20_250_601

    /// One generated case and CPython's answer.
    struct OracleCase: Decodable {
        let args: [String]
        let stdin: String?
        let stdout: String?
        let stderr: String?
        let status: Int32
        let tuple: String?
        let hex: String?
        let start: Int?
        let trailing: Int?
        let records: [String]?
        let partial: Partial?

        /// inspect --iter: the left-over bytes' complete values and hex.
        struct Partial: Decodable {
            let tuple: String
            let hex: String
        }
    }

    /// Random pack, unpack (hex, --file -, --offset, --iter), inspect --json (whole, short,
    /// long, at offsets, --iter) and calcsize command lines, each run through the executable.
    @Test func randomCommandLines() async throws {
        let count = 600
        let text = try PythonOracle.oracle(["generate", String(Self.seed), String(count)])
        let cases = try text.split(separator: "\n").map {
            try JSONDecoder().decode(OracleCase.self, from: Data($0.utf8))
        }
        #expect(cases.count == count)
        let failures = try await ConcurrentChecks.failures(of: cases) { oracle, _ in try Self.check(oracle) }
        #expect(failures.isEmpty, "seed \(Self.seed), CPython \(PythonOracle.interpreter?.version ?? "?"): \(failures.count) of \(count) differ:\n\(failures.prefix(10).joined(separator: "\n"))")
    }

    /// Runs one case; returns a description of the difference, or `nil`.
    static func check(_ oracle: OracleCase) throws -> String? {
        let stdin = oracle.stdin.flatMap { try? HexDecoder.decode($0) }
        // Alternate between a pipe and a regular file on standard input: they take different paths.
        let input: StandardInput = stdin.map { $0.count % 2 == 0 ? .pipe($0) : .file($0) } ?? .none
        let result = try ToolRunner.run(oracle.args, stdin: input)
        if oracle.tuple != nil || oracle.records != nil {
            return checkInspection(oracle, result)
        }
        if result.status != oracle.status || result.stdout != oracle.stdout || result.stderr != oracle.stderr {
            return "\(oracle.args)\n  CPython: \(oracle.status) \(oracle.stdout ?? "") \(oracle.stderr ?? "")\n  structpack: \(result)"
        }
        return nil
    }

    /// inspect --json: the reprs of the rows whose bytes are all present must form CPython's
    /// tuple, the rows' bytes must be the record's bytes present, and the run must end with
    /// CPython's error, if any.
    static func checkInspection(_ oracle: OracleCase, _ result: ToolResult) -> String? {
        guard result.status == oracle.status, result.stderr == (oracle.stderr ?? ""),
            let document = try? JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any]
        else { return "\(oracle.args): \(result)" }
        /// The tuple of complete values and the bytes of a record object's rows.
        func shown(_ fields: [[String: Any]]) -> (tuple: String, hex: String) {
            let reprs = fields.filter { $0["present"] as? Int == $0["size"] as? Int }.compactMap { $0["repr"] as? String }
            let tuple = "(" + reprs.joined(separator: ", ") + (reprs.count == 1 ? ",)" : ")")
            return (tuple, fields.compactMap { $0["hex"] as? String }.joined())
        }
        if let records = oracle.records {
            let objects = (document["records"] as? [[String: Any]]) ?? []
            let rows = objects.map { shown(($0["fields"] as? [[String: Any]]) ?? []) }
            var expected = records
            var expectedPartial: String?
            if let partial = oracle.partial {
                expected.append(partial.tuple)
                expectedPartial = partial.hex
            }
            if rows.map(\.tuple) != expected || (expectedPartial != nil && rows.last?.hex != expectedPartial) {
                return "\(oracle.args): \(rows) vs CPython \(expected) \(expectedPartial ?? "")"
            }
            return nil
        }
        let (tuple, hex) = shown((document["fields"] as? [[String: Any]]) ?? [])
        let trailing = (document["trailing"] as? [String: Any])?["size"] as? Int
        if tuple != oracle.tuple || hex != oracle.hex || (document["offset"] as? Int) != oracle.start
            || trailing != oracle.trailing
        {
            return "\(oracle.args): \(tuple) \(hex) vs CPython \(oracle.tuple ?? "") \(oracle.hex ?? "")"
        }
        return nil
    }

    /// Python's float repr for 30,000 random bit patterns (every exponent range, subnormals,
    /// NaNs), through the in-process formatter, plus a sample through the executable.
    @Test func floatReprOfRandomBitPatterns() throws {
        var generator = SplitMix64(seed: UInt64(Self.seed))
        var requests: [String] = []
        var values: [[StructValue]] = []
        for index in 0..<30_000 {
            let format = [">d", ">f", ">e"][index % 3]
            let size = [8, 4, 2][index % 3]
            var bits = generator.next()
            if index % 5 == 0 { bits &= 0x000F_FFFF_FFFF_FFFF | (UInt64.random(in: 0...2047, using: &generator) << 52) }
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: bits >> (8 * UInt64($0))) }
            let hex = HexEncoder.encode(bytes)
            requests.append("{\"args\": [\"unpack\", \"\(format)\", \"\(hex)\"]}")
            values.append(try Struct(format).unpack(bytes))
        }
        let answers = try PythonOracle.oracle(["evaluate"], input: Array((requests.joined(separator: "\n") + "\n").utf8))
            .split(separator: "\n")
        // One answer per request, or the zip below would compare only a prefix.
        try #require(answers.count == requests.count)
        var failures: [String] = []
        for (answer, value) in zip(answers, values) {
            let expected = try JSONDecoder().decode(OracleCase.self, from: Data(answer.utf8))
            let mine = PythonRepr.tuple(value) + "\n"
            if mine != expected.stdout { failures.append("\(expected.args): CPython \(expected.stdout ?? "") vs \(mine)") }
        }
        #expect(failures.isEmpty, "\(failures.count) differ:\n\(failures.prefix(10).joined(separator: "\n"))")
        for answer in answers.prefix(60) {
            let expected = try JSONDecoder().decode(OracleCase.self, from: Data(answer.utf8))
            #expect(try Self.check(expected) == nil)
        }
    }

    /// Python's bytes repr and bytes literals for random byte strings: repr through the
    /// in-process formatter, and each repr read back as a VALUE by the executable.
    @Test func bytesReprAndLiteralsRoundTrip() throws {
        var generator = SplitMix64(seed: UInt64(Self.seed) ^ 0x5eed)
        var requests: [String] = []
        var strings: [[UInt8]] = []
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 12)
            let alphabet: [UInt8] = [0, 9, 10, 13, 0x22, 0x27, 0x5C, 0x41, 0x7F, 0x80, 0xFF]
            let bytes = (0..<length).map { _ in
                generator.next() % 2 == 0 ? alphabet[Int(generator.next() % UInt64(alphabet.count))] : UInt8(truncatingIfNeeded: generator.next())
            }
            strings.append(bytes)
            requests.append("{\"args\": [\"unpack\", \"\(length)s\", \"\(HexEncoder.encode(bytes))\"]}")
        }
        let answers = try PythonOracle.oracle(["evaluate"], input: Array((requests.joined(separator: "\n") + "\n").utf8))
            .split(separator: "\n")
        // One answer per request, or the zip below would compare only a prefix.
        try #require(answers.count == requests.count)
        var failures: [String] = []
        for (answer, bytes) in zip(answers, strings) {
            let expected = try JSONDecoder().decode(OracleCase.self, from: Data(answer.utf8))
            let mine = PythonRepr.tuple([.bytes(bytes)]) + "\n"
            if mine != expected.stdout { failures.append("CPython \(expected.stdout ?? "") vs \(mine)") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
        // The repr (CPython's, as checked above) is itself a valid literal: pack it back.
        for bytes in strings.prefix(40) {
            let literal = PythonRepr.bytes(bytes)
            expectSuccess(try ToolRunner.run(["pack", "\(bytes.count)s", literal]), stdout: HexEncoder.encode(bytes) + "\n")
        }
    }
}
