import Foundation
import Testing

/// Dump text as input (SPEC §2.7) through the built executable: dumps made live by the real
/// `xxd`, `hexdump` and `od` (each test skipped when its tool is not installed), the committed
/// golden dumps, and the rules that keep plain hex and raw files as they were.
///
/// Records are CPython's: struct.pack('<IHHQd', 7, 1, 2, 1 << 40, 0.5) is `record`, and
/// struct.unpack of it prints `recordTuple`.
@Suite("Dump input (end to end)")
struct DumpInputTests {
    /// struct.pack('<IHHQd', 7, 1, 2, 1 << 40, 0.5): 24 bytes, two lines of a dump.
    static let record: [UInt8] = [
        0x07, 0x00, 0x00, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xE0, 0x3F,
    ]
    static let recordTuple = "(7, 1, 2, 1099511627776, 0.5)\n"

    /// Runs `TOOL ARGS FILE | structpack ARGUMENTS` in a shell, the record in FILE.
    func pipe(_ tool: [String], into arguments: [String], bytes: [UInt8] = record) throws -> ToolResult {
        let path = ToolRunner.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let executable = ToolRunner.executable else { throw RunnerError("no executable") }
        let quoted = (tool + [path]).map(Self.shellQuote).joined(separator: " ")
        let command = quoted + " | " + ([executable.path] + arguments).map(Self.shellQuote).joined(separator: " ")
        return try ToolRunner.run(executable: URL(fileURLWithPath: "/bin/sh"), ["-c", command])
    }

    /// The text `TOOL ARGS FILE` prints for `bytes`.
    func dump(_ tool: [String], _ bytes: [UInt8] = record) throws -> String {
        let path = ToolRunner.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try ToolRunner.run(executable: URL(fileURLWithPath: "/usr/bin/env"), tool + [path])
        guard result.status == 0 else { throw RunnerError("\(tool) failed: \(result.stderr)") }
        return result.stdout
    }

    static func shellQuote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    // MARK: Live tools

    @Test(.enabled(if: InstalledTool.exists("xxd"), "needs xxd"), arguments: [["xxd"], ["xxd", "-g1"], ["xxd", "-u", "-c", "8"]])
    func xxdThroughStandardInputAndAsAnArgument(tool: [String]) throws {
        expectSuccess(try pipe(tool, into: ["unpack", "--dump", "--file", "-", "<IHHQd"]), stdout: Self.recordTuple)
        // As an argument the dump is recognized without --dump (xxd's colon is not hex).
        expectSuccess(try ToolRunner.run(["unpack", "<IHHQd", try dump(tool)]), stdout: Self.recordTuple)
        expectSuccess(try ToolRunner.run(["unpack", "--dump", "<IHHQd", try dump(tool)]), stdout: Self.recordTuple)
    }

    @Test(.enabled(if: InstalledTool.exists("hexdump"), "needs hexdump"))
    func hexdumpCanonical() throws {
        expectSuccess(try pipe(["hexdump", "-C"], into: ["unpack", "--dump", "--file", "-", "<IHHQd"]), stdout: Self.recordTuple)
        expectSuccess(try ToolRunner.run(["unpack", "<IHHQd", try dump(["hexdump", "-C"])]), stdout: Self.recordTuple)
        // 48 zero bytes then ff: hexdump writes one line of zeros, '*', then offset 0x30.
        let zeros = [UInt8](repeating: 0, count: 48) + [0xFF]
        expectSuccess(
            try pipe(["hexdump", "-C"], into: ["unpack", "--dump", "--file", "-", "--offset", "-2", "<H"], bytes: zeros),
            stdout: "(65280,)\n")
    }

    @Test(.enabled(if: InstalledTool.exists("od"), "needs od"))
    func odWithoutOffsets() throws {
        expectSuccess(try pipe(["od", "-An", "-tx1"], into: ["unpack", "--dump", "--file", "-", "<IHHQd"]), stdout: Self.recordTuple)
        // od -An's text is plain hex already: no --dump needed for an argument.
        expectSuccess(try ToolRunner.run(["unpack", "<IHHQd", try dump(["od", "-An", "-tx1"])]), stdout: Self.recordTuple)
        // Without -v, od shortens repeated lines to '*', which no offset measures.
        let zeros = [UInt8](repeating: 0, count: 48) + [0xFF]
        expectFailure(
            try pipe(["od", "-An", "-tx1"], into: ["unpack", "--dump", "--file", "-", "49s"], bytes: zeros),
            message: "invalid dump: line 2, column 1: '*' stands for repeated lines, but a dump without offsets "
                + "cannot say how many (od shortens repeats unless run with -v)")
        expectSuccess(
            try pipe(["od", "-v", "-An", "-tx1"], into: ["unpack", "--dump", "--file", "-", "--offset", "47", "<H"], bytes: zeros),
            stdout: "(65280,)\n")
    }

    @Test(.enabled(if: InstalledTool.exists("xxd"), "needs xxd"))
    func inspectAndIterReadDumpsToo() throws {
        let three = Self.record + Self.record + Self.record
        let lines = try pipe(["xxd"], into: ["unpack", "--iter", "--dump", "--file", "-", "<IHHQd"], bytes: three)
        expectSuccess(lines, stdout: Self.recordTuple + Self.recordTuple + Self.recordTuple)
        let json = try pipe(["xxd"], into: ["inspect", "--json", "--dump", "--file", "-", "<IHHQd"])
        #expect(json.status == 0, "\(json)")
        #expect(json.stdout.contains("\"repr\": \"1099511627776\""))
    }

    // MARK: Golden dumps (always)

    static let dumps = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Dumps")

    /// The sample of Dumps/generate_dumps.sh: struct.unpack('<4I', sample[:16]),
    /// struct.unpack_from('11s', sample, 320) and struct.unpack_from('>Q', sample, 0x130).
    @Test(arguments: ["xxd.txt", "xxd-g1-u.txt", "xxd-c24-g4.txt", "xxd-a.txt", "xxd-p.txt", "hexdump-C.txt", "od-v.txt"])
    func goldenDumpsAsFiles(file: String) throws {
        let path = Self.dumps.appendingPathComponent(file).path
        expectSuccess(
            try ToolRunner.run(["unpack", "--dump", "--file", path, "--offset", "0", "<4I"]),
            stdout: "(50462976, 117835012, 185207048, 252579084)\n")
        expectSuccess(try ToolRunner.run(["unpack", "--dump", "--file", path, "--offset", "320", "11s"]), stdout: "(b\"Dump's end.\",)\n")
        expectSuccess(try ToolRunner.run(["unpack", "--dump", "--file", path, "--offset", "-27", ">Q"]), stdout: "(0,)\n")
        // Read whole, the sample is 331 bytes.
        expectFailure(try ToolRunner.run(["unpack", "--dump", "--file", path, "<I"]), message: "unpack requires a buffer of 4 bytes")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        expectSuccess(try ToolRunner.run(["unpack", "--dump", "--offset", "320", "11s", text]), stdout: "(b\"Dump's end.\",)\n")
    }

    // MARK: What stays as it was

    @Test func rawFilesStayRawUnlessDumpIsGiven() throws {
        // A file holding the text "00000000: 4142  AB" is those 18 bytes, read raw.
        let text = Array("00000000: 4142  AB".utf8)
        let path = ToolRunner.temporaryFile(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        expectSuccess(try ToolRunner.run(["unpack", "18s", "--file", path]), stdout: "(b'00000000: 4142  AB',)\n")
        expectSuccess(try ToolRunner.run(["unpack", "2s", "--file", path, "--dump"]), stdout: "(b'AB',)\n")
        expectSuccess(try ToolRunner.run(["unpack", "18s", "--file", "-"], stdin: .pipe(text)), stdout: "(b'00000000: 4142  AB',)\n")
        expectSuccess(try ToolRunner.run(["unpack", "2s", "--file", "-", "--dump"], stdin: .pipe(text)), stdout: "(b'AB',)\n")
    }

    @Test func eachPastedLineMayBeItsOwnArgument() throws {
        // `xxd` of `record`, one quoted argument per line (hand-copied from `xxd`'s output): the
        // second line starts a line of its own, rather than falling into the first line's ASCII
        // column (which dropped its 8 bytes and failed with "requires a buffer of 24 bytes").
        let first = "00000000: 0700 0000 0100 0200 0000 0000 0001 0000  ................"
        let second = "00000010: 0000 0000 0000 e03f                      .......?"
        expectSuccess(try ToolRunner.run(["unpack", "<IHHQd", first, second]), stdout: Self.recordTuple)
        expectSuccess(try ToolRunner.run(["unpack", "--dump", "<IHHQd", first, second]), stdout: Self.recordTuple)
        // Lines out of order are still caught by their offsets.
        expectFailure(
            try ToolRunner.run(["unpack", "--dump", "<IHHQd", second, first]),
            message: "invalid dump: line 2: offset 0x0 does not continue the dump (expected 0x18)")
        // Plain hex in several arguments is unchanged.
        expectSuccess(try ToolRunner.run(["unpack", "<IH", "0100000002", "00"]), stdout: "(1, 2)\n")
    }

    @Test func plainHexIsNeverReadAsADump() throws {
        // Wireshark's hex-only copy is valid hex: its offsets are read as bytes without --dump.
        let wireshark = "0000   01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10\n0010   11 12\n"
        expectSuccess(try ToolRunner.run(["unpack", "--offset", "0", "4B", wireshark]), stdout: "(0, 0, 1, 2)\n")
        expectSuccess(try ToolRunner.run(["unpack", "--dump", "--offset", "0", "4B", wireshark]), stdout: "(1, 2, 3, 4)\n")
        expectSuccess(try ToolRunner.run(["unpack", "--dump", "--offset", "-2", "2B", wireshark]), stdout: "(17, 18)\n")
        // Text that is neither keeps the hex error it always had.
        expectFailure(
            try ToolRunner.run(["unpack", "<IB", "0100000002 0z"]),
            message: "invalid HEX: expected a hexadecimal digit at position 12, found 'z'")
        expectFailure(
            try ToolRunner.run(["unpack", "<IB", "0100:00"]), message: "invalid HEX: expected a hexadecimal digit at position 4, found ':'")
    }

    @Test func malformedDumpsAreReportedBeforeTheFormat() throws {
        // As malformed HEX is (arguments are evaluated first): the dump's error, not the format's.
        expectFailure(
            try ToolRunner.run(["unpack", "<z", "00000000: 0102  ..\n00000003: 03  ."]),
            message: "invalid dump: line 2: offset 0x3 does not continue the dump (expected 0x2)")
        // From a file the dump is a stream, read after the format is compiled.
        let path = ToolRunner.temporaryFile(Array("00000000: 01zz  ..".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        expectFailure(try ToolRunner.run(["unpack", "<z", "--dump", "--file", path]), message: "bad char in struct format")
        expectFailure(
            try ToolRunner.run(["unpack", "<H", "--dump", "--file", path]),
            message: "invalid dump: line 1, column 13: expected a hexadecimal digit or a space, found 'z'")
    }
}

/// A command-line tool on `PATH`, for tests that need one.
enum InstalledTool {
    static func exists(_ name: String) -> Bool {
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return (searchPath.split(separator: ":").map(String.init) + ["/usr/bin", "/bin"])
            .contains { FileManager.default.isExecutableFile(atPath: $0 + "/" + name) }
    }
}
