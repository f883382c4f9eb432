import StructPackCLICore
import Testing

/// Seeded random argument vectors run in process: the tool never traps, exits 0, 1 or 2,
/// and a failure leaves standard output empty and writes exactly the error line (plus the
/// usage line for status 2).
@Suite("Robustness on random arguments")
struct RobustnessTests {
    static let tokens = [
        "pack", "unpack", "calcsize", "inspect", "help", "--raw", "--iter", "--json", "--offset", "--file", "--",
        "-h", "-", "<IH", "@BxI2s?", "3s", "p", "0p", "e", "<e", "f", "d", "?", "c", "P", "<P", "99999999999999999999i",
        "3000000000x", "70000x", "3", "z", "", " ", "1", "-1", "0x7f", "0b", "1e400", "-nan", "inf", "True", "b'ab'", "b'\\x0'",
        "rb'\\'", "'s'", "01", "00", "0100000002 00", "0z", "012", "ff ff", "-2", "-9223372036854775808",
        "170141183460469231731687303715884105728", "0x" + String(repeating: "f", count: 300), "é", "\u{0}", "=",
        "!3h", "--offset=-1", "--file=-", "1_000", "0.5", "b\"'\"",
    ]

    @Test func randomArgumentVectors() {
        var generator = SeededGenerator(seed: 0xC0FFEE)
        var statuses: Set<Int32> = []
        for _ in 0..<6_000 {
            let count = Int(generator.next() % 6)
            let arguments = (0..<count).map { _ in Self.tokens[Int(generator.next() % UInt64(Self.tokens.count))] }
            let output = MemoryOutput()
            let errors = MemoryOutput()
            let stdin = (0..<Int(generator.next() % 12)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let context = ToolContext(
                output: output,
                openInput: { (path) throws(ToolError) in
                    guard path == "-" else { throw .failure("no files in this test") }
                    return MemoryStreamSource(stdin)
                },
                memoryLimit: 1 << 16)
            let status = StructPackTool.run(arguments, context: context, errorOutput: errors)
            statuses.insert(status)
            #expect([0, 1, 2].contains(status), "\(arguments)")
            if status != 0 {
                #expect(output.bytes.isEmpty, "\(arguments)")
                let lines = errors.text.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(errors.text.hasPrefix("structpack: error: "), "\(arguments)")
                #expect(lines.count == (status == 1 ? 2 : 3), "\(arguments): \(errors.text)")
            } else {
                #expect(errors.bytes.isEmpty, "\(arguments)")
            }
        }
        #expect(statuses == [0, 1, 2])
    }
}
