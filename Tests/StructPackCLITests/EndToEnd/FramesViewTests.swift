import Foundation
import Testing

/// `frames --header-values`, `--unpack FMT [--iter]`, `--json` and `--dump` on hand-built
/// streams (SPEC §2.5): each stream is written out byte by byte; header tuples, values and
/// errors are CPython's (struct.unpack('!cI', b'Q\x00\x00\x00\x0d') == (b'Q', 13),
/// struct.unpack('<HH', b'\x00\x01\xff') raises "unpack requires a buffer of 4 bytes").
/// FramesViewDifferentialTests checks the same views on random streams against CPython.
@Suite("frames: header values, unpacked payloads, JSON, dumps (end to end)")
struct FramesViewTests {
    /// PostgreSQL: Query 'Q' "SELECT 1\0" (length 13), ReadyForQuery 'Z' 'I' (5), Sync 'S' (4, empty).
    static let postgres: [UInt8] =
        [0x51, 0x00, 0x00, 0x00, 0x0D, 0x53, 0x45, 0x4C, 0x45, 0x43, 0x54, 0x20, 0x31, 0x00]
        + [0x5A, 0x00, 0x00, 0x00, 0x05, 0x49]
        + [0x53, 0x00, 0x00, 0x00, 0x04]
    static let postgresOptions = ["--header", "!cI", "--length-adjustment", "-4"]

    func frames(_ arguments: [String], _ bytes: [UInt8]) throws -> ToolResult {
        try ToolRunner.run(["frames"] + arguments, stdin: .pipe(bytes))
    }

    @Test func headerValues() throws {
        expectSuccess(
            try frames(Self.postgresOptions + ["--header-values"], Self.postgres),
            stdout: "(b'Q', 13) 53454c454354203100\n(b'Z', 5) 49\n(b'S', 4)\n")
        // With --unpack the values follow the header tuple; a varint's header is its length.
        expectSuccess(
            try frames(Self.postgresOptions + ["--header-values", "--unpack", "c"], Array(Self.postgres[14..<20])),
            stdout: "(b'Z', 5) (b'I',)\n")
        expectSuccess(try frames(["--varint", "--header-values"], [0x03, 0x61, 0x62, 0x63, 0x00]), stdout: "(3,) 616263\n(0,)\n")
    }

    @Test func unpackedPayloadsAndErrorLines() throws {
        // '!I' frames: 01 00 02 00 (4 bytes), then 00 01 ff (3 bytes), then 05 00 06 00.
        let stream: [UInt8] =
            [0, 0, 0, 4, 0x01, 0x00, 0x02, 0x00] + [0, 0, 0, 3, 0x00, 0x01, 0xFF] + [0, 0, 0, 4, 0x05, 0x00, 0x06, 0x00]
        let result = try frames(["--unpack", "<HH"], stream)
        #expect(result.status == 1)
        #expect(result.stdout == "(1, 2)\nerror: unpack requires a buffer of 4 bytes\n(5, 6)\n")
        #expect(result.stderr == "structpack: error: 1 of 3 frames did not unpack with '<HH'\n")
        // --iter: every payload as back-to-back records.
        let iterated = try frames(["--unpack", "<H", "--iter"], stream)
        #expect(iterated.stdout == "[(1,), (2,)]\nerror: iterative unpacking requires a buffer of a multiple of 2 bytes\n[(5,), (6,)]\n")
        #expect(iterated.stderr == "structpack: error: 1 of 3 frames did not unpack with '<H'\n")
        expectSuccess(try frames(["--unpack", "<H", "--iter"], [0, 0, 0, 0]), stdout: "[]\n")
    }

    @Test func aFramingErrorAfterUnpackErrorsIsTheOneReported() throws {
        let stream: [UInt8] = [0, 0, 0, 1, 0xFF] + [0, 0, 0, 9, 0x61]
        let result = try frames(["--unpack", "<H"], stream)
        #expect(result.status == 1)
        #expect(result.stdout == "error: unpack requires a buffer of 2 bytes\n")
        #expect(result.stderr == "structpack: error: stream ended inside a frame: 5 of 13 bytes buffered\n")
    }

    @Test func jsonObjects() throws {
        let result = try frames(Self.postgresOptions + ["--json", "--unpack", "9s"], Self.postgres)
        #expect(result.status == 1)
        #expect(result.stderr == "structpack: error: 2 of 3 frames did not unpack with '9s'\n")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let keys: Set<String> = [
            "index", "offset", "size", "header", "headerValues", "headerRepr", "delimiter", "payload", "values", "repr",
            "error", "discarded",
        ]
        for object in objects { #expect(Set(object.keys) == keys) }
        #expect(objects.map { $0["index"] as? Int } == [0, 1, 2])
        #expect(objects.map { $0["offset"] as? Int } == [0, 14, 20])
        #expect(objects.map { $0["size"] as? Int } == [14, 6, 5])
        #expect(objects[0]["header"] as? String == "510000000d")
        #expect(objects[0]["headerRepr"] as? String == "(b'Q', 13)")
        let header = objects[0]["headerValues"] as? [Any]
        #expect(header?.count == 2 && header?.first as? String == "51" && header?.last as? Int == 13)
        #expect(objects[0]["payload"] as? String == "53454c454354203100")
        #expect((objects[0]["values"] as? [String]) == ["53454c454354203100"])
        #expect(objects[0]["repr"] as? String == "(b'SELECT 1\\x00',)")
        #expect(objects[0]["error"] is NSNull && objects[0]["delimiter"] is NSNull)
        #expect(objects[1]["error"] as? String == "unpack requires a buffer of 9 bytes")
        #expect(objects[1]["values"] is NSNull && objects[1]["repr"] is NSNull)
        #expect(objects.allSatisfy { $0["discarded"] as? Bool == false })
        // Delimited frames: no header, the delimiter that ended each frame.
        let lines2 = try frames(["--delimiter", "0d0a,0a", "--json"], Array("one\r\ntwo\n".utf8)).stdout.split(separator: "\n")
        let delimited = try lines2.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(delimited.map { $0["delimiter"] as? String } == ["0d0a", "0a"])
        #expect(delimited.map { $0["offset"] as? Int } == [0, 5])
        #expect(delimited.allSatisfy { $0["header"] is NSNull && $0["headerValues"] is NSNull })
    }

    @Test func aLargePayloadInJSON() throws {
        // 100,000 bytes: several hex chunks inside one JSON string.
        let payload = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let result = try frames(["--json"], [0x00, 0x01, 0x86, 0xA0] + payload)
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any])
        #expect(object["payload"] as? String == hex(payload))
    }

    @Test func dumpInput() throws {
        // The PostgreSQL stream as hexdump -C shows it (25 bytes), typed out.
        let dump = """
            00000000  51 00 00 00 0d 53 45 4c  45 43 54 20 31 00 5a 00  |Q....SELECT 1.Z.|
            00000010  00 00 05 49 53 00 00 00  04                       |...IS....|
            00000019

            """
        expectSuccess(
            try frames(Self.postgresOptions + ["--dump", "--header-values"], Array(dump.utf8)),
            stdout: "(b'Q', 13) 53454c454354203100\n(b'Z', 5) 49\n(b'S', 4)\n")
        // Without --dump the text is the stream itself: '00000000  51…' read as '!cI' headers.
        #expect(try frames(Self.postgresOptions, Array(dump.utf8)).status == 1)
        expectFailure(
            try frames(["--dump"], Array("00000000  00 00 00 01 61\n00000006  62\n".utf8)),
            message: "invalid dump: line 2: offset 0x6 does not continue the dump (expected 0x5)")
    }

    @Test(.enabled(if: InstalledTool.exists("xxd"), "needs xxd"))
    func dumpInputFromXxd() throws {
        let path = ToolRunner.temporaryFile(Self.postgres)
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let executable = ToolRunner.executable else { throw RunnerError("no executable") }
        let result = try ToolRunner.run(
            executable: URL(fileURLWithPath: "/bin/sh"),
            ["-c", "xxd \"$1\" | \"$0\" frames --dump --header '!cI' --length-adjustment -4 --unpack 9s", executable.path, path])
        #expect(result.stdout == "(b'SELECT 1\\x00',)\nerror: unpack requires a buffer of 9 bytes\nerror: unpack requires a buffer of 9 bytes\n")
        #expect(result.stderr == "structpack: error: 2 of 3 frames did not unpack with '9s'\n")
    }

    @Test(arguments: [
        (arguments: ["--iter"], message: "--iter needs --unpack FMT"),
        (arguments: ["--delimiter", "0a", "--header-values"],
         message: "--header-values cannot be combined with --delimiter (delimited frames have no header)"),
        (arguments: ["--unpack"], message: "option --unpack needs a value FMT"),
        (arguments: ["--json=1"], message: "option --json takes no value"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        expectFailure(try frames(arguments, Self.postgres), message: message, status: 2)
    }

    @Test func unpackFormatErrorsComeBeforeReading() throws {
        expectFailure(try ToolRunner.run(["frames", "--unpack", "<z", "/nonexistent/x"]), message: "bad char in struct format")
        expectFailure(
            try ToolRunner.run(["frames", "--unpack", "0s", "--iter", "/nonexistent/x"]),
            message: "cannot iteratively unpack with a struct of length 0")
        // The framing's own errors come first.
        expectFailure(try ToolRunner.run(["frames", "--header", "z", "--unpack", "<z"]), message: "bad char in struct format")
    }
}
