import Foundation
import FuzzChecks
import StructPack
import Testing

/// Inputs found by the fuzzers (Fuzz/, issue 5). Every file under `Fuzz/FailCases/TARGET/` is
/// replayed through the same check the fuzz target runs (`Fuzz/run.sh --regressions` replays
/// them too, under the sanitizers), so a new fail case is covered as soon as it is saved there.
@Suite("Fuzz regressions (StructPack)")
struct FuzzRegressionTests {
    /// `Fuzz/FailCases`, found from this file's path.
    static let failCases = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/FailCases")

    /// The fuzz targets whose check `swift test` can run, by folder name. A folder of fail cases
    /// for any other target fails ``everyFailCaseFolderHasAReplay()``.
    static let replayable: Set<String> = ["FuzzFormat"]

    /// The fail case files of `target`, as `run.sh` replays them: every file but hidden ones and
    /// notes (`*.md`), in name order.
    static func failCaseFiles(of target: String) throws -> [URL] {
        let folder = failCases.appendingPathComponent(target)
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") && $0.pathExtension != "md" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test func everyFailCaseFolderHasAReplay() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.failCases.path)
            .filter { !$0.hasPrefix(".") }
        #expect(!folders.isEmpty, "no fail case folders under \(Self.failCases.path)")
        for folder in folders where !Self.replayable.contains(folder) {
            Issue.record("Fuzz/FailCases/\(folder) has no replay in FuzzRegressionTests; add its target's check")
        }
    }

    /// Each FuzzFormat fail case through `checkFormat`, in a child process (an exit test): a
    /// broken invariant aborts there and fails this test, which then records the invariant's
    /// report.
    @Test func fuzzFormatFailCasesPassTheTargetsCheck() async throws {
        let files = try Self.failCaseFiles(of: "FuzzFormat")
        #expect(!files.isEmpty)
        for file in files {
            let input = try [UInt8](Data(contentsOf: file))
            let name = "Fuzz/FailCases/FuzzFormat/\(file.lastPathComponent)"
            let passed = await #expect(processExitsWith: .success, "\(name)") { [input = input as [UInt8]] in
                input.withUnsafeBytes { checkFormat($0) }
            }
            guard passed == nil else { continue }
            // Once more, to show what broke (`FUZZ INVARIANT BROKEN` and the details).
            let failure = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
                [input = input as [UInt8]] in
                input.withUnsafeBytes { checkFormat($0) }
            }
            Issue.record("\(name): \(String(decoding: failure?.standardErrorContent ?? [], as: UTF8.self))")
        }
    }

    /// FuzzFormat, `p9223372036154775808sq`: rounding a string's offset up to its "alignment"
    /// (its whole size, near Int.max) overflowed while the direct paths were being looked for.
    /// Sizes from CPython 3.13's struct.calcsize.
    @Test func hugeStringsCompileWithoutOverflow() throws {
        #expect(try Struct("p9223372036154775808sq").size == 9_223_372_036_154_775_824)
        #expect(try Struct("@9223372036854775000sq").size == 9_223_372_036_854_775_008)
        #expect(try Struct("<9223372036854775799sq").size == 9_223_372_036_854_775_807)
    }

    /// FuzzFormat, `9s\n\n`: `Field.itemSize` is documented as the bytes per value, the whole
    /// count for `s` and `p`, but was the code's size (1).
    @Test func stringFieldItemSizeIsTheWholeString() throws {
        let input: [UInt8] = [0x39, 0x73, 0x0A, 0x0A]
        let format = try Struct(formatBytes: input)
        #expect(format.fields.map(\.itemSize) == [9])
        #expect(format.fields.map(\.byteCount) == [9])
        #expect(try Struct("<3p0s2x4h").fields.map(\.itemSize) == [3, 0, 1, 2])
    }
}
