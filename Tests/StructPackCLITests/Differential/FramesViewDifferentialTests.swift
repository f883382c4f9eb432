import Foundation
import TestSupport
import Testing

/// `frames --header-values`, `--unpack FMT [--iter]` and `--json` on streams CPython 3.13 builds
/// (`cli_oracle.py generate-frames`): every line, header tuple, unpacked repr, struct error and
/// JSON object must be exactly what the oracle computes with CPython's struct, repr and json
/// (SPEC §2.5). Skipped (and reported as skipped) without CPython 3.13.
///
/// The seed is `$STRUCTPACK_DIFF_SEED` or a fixed default, so a failure can be replayed.
@Suite("frames' views against CPython 3.13", .enabled(if: PythonOracle.isAvailable, "needs CPython 3.13"))
struct FramesViewDifferentialTests {
    struct Case: Decodable {
        let args: [String]
        let stream: String
        let stdout: String
        let stderr: String
        let status: Int32
    }

    @Test func randomStreamsAndViews() async throws {
        let count = 300
        let text = try PythonOracle.oracle(["generate-frames", String(DifferentialTests.seed), String(count)])
        let cases = try text.split(separator: "\n").map { try JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
        #expect(cases.count == count)
        // Every view is exercised.
        for option in ["--header-values", "--unpack", "--iter", "--json"] {
            #expect(cases.contains { $0.args.contains(option) }, "no case with \(option)")
        }
        #expect(cases.contains { $0.status == 1 }, "no payload that does not fit")
        let failures = try await ConcurrentChecks.failures(of: cases) { try Self.check($0, index: $1) }
        #expect(
            failures.isEmpty,
            "seed \(DifferentialTests.seed): \(failures.count) of \(count) differ:\n\(failures.prefix(5).joined(separator: "\n"))")
    }

    /// Runs one case with its stream piped, or in a regular file on standard input.
    static func check(_ oracle: Case, index: Int) throws -> String? {
        let bytes = try HexDecoderForTests.decode(oracle.stream)
        let result = try ToolRunner.run(oracle.args, stdin: index % 2 == 0 ? .pipe(bytes) : .file(bytes))
        if result.status == oracle.status && result.stdout == oracle.stdout && result.stderr == oracle.stderr {
            return nil
        }
        return "case \(index) \(oracle.args) on \(oracle.stream):\n  CPython: \(oracle.status) \(oracle.stdout.debugDescription) "
            + "\(oracle.stderr.debugDescription)\n  structpack: \(result)"
    }
}
