import StructPack
import Testing

/// Inputs found by the fuzzers (Fuzz/, issue 5), each held as the byte literal that broke an
/// invariant, with the invariant it broke. The same inputs are kept in Fuzz/FailCases/ and
/// replayed by `Fuzz/run.sh --regressions`.
@Suite("Fuzz regressions (StructPack)")
struct FuzzRegressionTests {
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
