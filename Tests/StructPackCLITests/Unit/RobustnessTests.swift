import StructPackCLICore
import TestSupport
import Testing

/// Seeded random argument vectors run in process: the tool never traps, exits 0, 1 or 2,
/// and a failure leaves standard output empty (but for the frames `frames` printed before a
/// bad one, and what `inspect` shows of a record that does not fit) and writes exactly the
/// error line (plus the usage line for status 2).
@Suite("Robustness on random arguments")
struct RobustnessTests {
    static let tokens = [
        "pack", "unpack", "calcsize", "inspect", "help", "--raw", "--iter", "--json", "--offset", "--file", "--",
        "--dump", "--annotate", "--color", "always", "00000000: 0102  ..", "0000  01 02  |..|\n*\n0010", "*",
        "-h", "-", "<IH", "@BxI2s?", "3s", "p", "0p", "e", "<e", "f", "d", "?", "c", "P", "<P", "99999999999999999999i",
        "3000000000x", "70000x", "3", "z", "", " ", "1", "-1", "0x7f", "0b", "1e400", "-nan", "inf", "True", "b'ab'", "b'\\x0'",
        "rb'\\'", "'s'", "01", "00", "0100000002 00", "0z", "012", "ff ff", "-2", "-9223372036854775808",
        "170141183460469231731687303715884105728", "0x" + String(repeating: "f", count: 300), "é", "\u{0}", "=",
        "!3h", "--offset=-1", "--file=-", "1_000", "0.5", "b\"'\"",
        "frames", "--header", "--length-adjustment", "--max-frame", "--delimiter", "--varint", "0a", "0d0a,0a", "<h",
        "!cI", "-4", "--max-frame=2",
    ]

    @Test func randomArgumentVectors() {
        var generator = SplitMix64(seed: 0xC0FFEE)
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
                if arguments.first == "frames" && status == 1 {
                    // frames prints the frames before a bad one: whole lines (of lowercase hex
                    // unless a view option asks for more).
                    #expect(Self.isFramesOutput(output.text, arguments: arguments), "\(arguments)")
                } else if arguments.first == "inspect" && status == 1 {
                    // inspect shows what the input holds of a record that does not fit: a table
                    // or a whole JSON document, then the error.
                    let shown = output.text
                    #expect(
                        shown.isEmpty || ((shown.hasPrefix("format '") || (shown.hasPrefix("{\n") && shown.hasSuffix("}\n")))
                            && shown.hasSuffix("\n")), "\(arguments): \(shown)")
                } else {
                    #expect(output.bytes.isEmpty, "\(arguments)")
                }
                let lines = errors.text.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(errors.text.hasPrefix("structpack: error: "), "\(arguments)")
                #expect(lines.count == (status == 1 ? 2 : 3), "\(arguments): \(errors.text)")
            } else {
                #expect(errors.bytes.isEmpty, "\(arguments)")
            }
        }
        #expect(statuses == [0, 1, 2])
    }

    static let framesTokens = [
        "--header", "--length-adjustment", "--max-frame", "--delimiter", "--varint", "--", "-", "-h", "!I", "<H", "<h",
        "i", ">Q", "!cI", "@bq", "4s", "z", "", "0", "1", "2", "-4", "-1", "0x10", "9223372036854775807", "1e3", "0a",
        "0d0a", "0d0a,0a", "00ff00", "0g", ",", "0a,", "--max-frame=3", "--varint=1", "extra",
        "--header-values", "--unpack", "--iter", "--json", "--dump", "<H", "0s", "c",
    ]

    /// What frames may print: whole lines; lowercase hex unless `--json`, `--unpack` or
    /// `--header-values` asks for more; JSON objects with `--json`.
    static func isFramesOutput(_ text: String, arguments: [String]) -> Bool {
        guard text.isEmpty || text.hasSuffix("\n") else { return false }
        if arguments.contains("--json") {
            return text.split(separator: "\n").allSatisfy { $0.hasPrefix("{\"index\": ") && $0.hasSuffix("}") }
        }
        if arguments.contains("--unpack") || arguments.contains("--header-values") { return true }
        return text.allSatisfy { "0123456789abcdef\n".contains($0) }
    }

    /// `frames` on random options and random short streams (bytes biased towards small
    /// lengths, delimiters and varint continuation bits): it never traps; whatever it prints
    /// is whole lines of lowercase hex, and a failure adds exactly one error line.
    @Test func randomFramesInvocations() {
        var generator = SplitMix64(seed: 0xF4A3E5)
        var statuses: Set<Int32> = []
        var failedAfterPrinting = 0
        let likely: [UInt8] = [0x00, 0x01, 0x02, 0x03, 0x04, 0x0A, 0x0D, 0x80, 0xFF]
        for _ in 0..<4_000 {
            let count = Int(generator.next() % 5)
            let arguments = ["frames"]
                + (0..<count).map { _ in Self.framesTokens[Int(generator.next() % UInt64(Self.framesTokens.count))] }
            let stdin = (0..<Int(generator.next() % 40)).map { _ in
                let random = generator.next()
                let pick = likely[Int(random / 2 % UInt64(likely.count))]
                return random % 2 == 0 ? pick : UInt8(truncatingIfNeeded: random >> 8)
            }
            let output = MemoryOutput()
            let errors = MemoryOutput()
            let context = ToolContext(
                output: output,
                openInput: { (path) throws(ToolError) in
                    guard path == "-" else { throw .failure("no files in this test") }
                    return MemoryStreamSource(stdin)
                })
            let status = StructPackTool.run(arguments, context: context, errorOutput: errors)
            statuses.insert(status)
            #expect([0, 1, 2].contains(status), "\(arguments)")
            let isHelp = arguments.contains("-h") && status == 0
            #expect(isHelp || Self.isFramesOutput(output.text, arguments: arguments), "\(arguments)")
            let errorLines = errors.text.split(separator: "\n", omittingEmptySubsequences: false)
            switch status {
            case 0: #expect(errors.bytes.isEmpty, "\(arguments)")
            case 1:
                #expect(errors.text.hasPrefix("structpack: error: ") && errorLines.count == 2, "\(arguments)")
                if !output.bytes.isEmpty { failedAfterPrinting += 1 }
            default:
                #expect(output.bytes.isEmpty, "\(arguments)")
                #expect(errors.text.hasPrefix("structpack: error: ") && errorLines.count == 3, "\(arguments)")
            }
        }
        #expect(statuses == [0, 1, 2])
        #expect(failedAfterPrinting > 0, "some streams fail after complete frames")
    }
}
