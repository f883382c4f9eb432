import Foundation
import Testing

/// `unpack` and `inspect` reading raw bytes from files and standard input (a regular file or
/// a pipe), with `--offset` and `--iter`. Expected tuples are CPython's for the same bytes:
/// struct.unpack('<IH', RECORD) == (1, 2), struct.unpack_from('<H', RECORD, -2) == (2,), …
@Suite("File and standard input (end to end)")
struct InputTests {
    /// struct.pack('<IH', 1, 2)
    static let record: [UInt8] = [0x01, 0x00, 0x00, 0x00, 0x02, 0x00]
    /// struct.pack('<3H', 1, 2, 3)
    static let records: [UInt8] = [0x01, 0x00, 0x02, 0x00, 0x03, 0x00]

    /// The three ways to give the same bytes: a file path, stdin redirected from a file, a pipe.
    enum Way: CaseIterable, CustomStringConvertible {
        case path, stdinFile, stdinPipe
        var description: String { "\(self == .path ? "--file PATH" : self == .stdinFile ? "--file - < file" : "--file - (pipe)")" }
    }

    func run(_ arguments: [String], bytes: [UInt8], way: Way) throws -> ToolResult {
        switch way {
        case .path:
            let path = ToolRunner.temporaryFile(bytes)
            defer { try? FileManager.default.removeItem(atPath: path) }
            return try ToolRunner.run(arguments + ["--file", path])
        case .stdinFile:
            return try ToolRunner.run(arguments + ["--file", "-"], stdin: .file(bytes))
        case .stdinPipe:
            return try ToolRunner.run(arguments + ["--file", "-"], stdin: .pipe(bytes))
        }
    }

    @Test(arguments: Way.allCases)
    func unpackWholeInput(way: Way) throws {
        expectSuccess(try run(["unpack", "<IH"], bytes: Self.record, way: way), stdout: "(1, 2)\n")
        expectFailure(try run(["unpack", "<I"], bytes: Self.record, way: way), message: "unpack requires a buffer of 4 bytes")
        expectFailure(try run(["unpack", "<Q"], bytes: Self.record, way: way), message: "unpack requires a buffer of 8 bytes")
        expectSuccess(try run(["unpack", ""], bytes: [], way: way), stdout: "()\n")
    }

    @Test(arguments: Way.allCases)
    func unpackFromOffsets(way: Way) throws {
        expectSuccess(try run(["unpack", "--offset", "4", "<H"], bytes: Self.record, way: way), stdout: "(2,)\n")
        expectSuccess(try run(["unpack", "--offset", "-2", "<H"], bytes: Self.record, way: way), stdout: "(2,)\n")
        expectSuccess(try run(["unpack", "--offset", "-6", "<IH"], bytes: Self.record, way: way), stdout: "(1, 2)\n")
        expectSuccess(try run(["unpack", "--offset", "0", "<I"], bytes: Self.record, way: way), stdout: "(1,)\n")
        expectFailure(
            try run(["unpack", "--offset", "5", "<H"], bytes: Self.record, way: way),
            message: "unpack_from requires a buffer of at least 7 bytes for unpacking 2 bytes at offset 5 (actual buffer size is 6)")
        expectFailure(
            try run(["unpack", "--offset", "100", "<H"], bytes: Self.record, way: way),
            message: "unpack_from requires a buffer of at least 102 bytes for unpacking 2 bytes at offset 100 (actual buffer size is 6)")
        expectFailure(
            try run(["unpack", "--offset", "-1", "<H"], bytes: Self.record, way: way),
            message: "not enough data to unpack 2 bytes at offset -1")
        expectFailure(
            try run(["unpack", "--offset", "-7", "<H"], bytes: Self.record, way: way),
            message: "offset -7 out of range for 6-byte buffer")
        expectFailure(
            try run(["unpack", "--offset", "-9223372036854775808", "<H"], bytes: Self.record, way: way),
            message: "offset -9223372036854775808 out of range for 6-byte buffer")
    }

    @Test(arguments: Way.allCases)
    func iterUnpack(way: Way) throws {
        expectSuccess(try run(["unpack", "--iter", "<H"], bytes: Self.records, way: way), stdout: "(1,)\n(2,)\n(3,)\n")
        expectSuccess(try run(["unpack", "--iter", "<HH"], bytes: [], way: way), stdout: "")
        expectFailure(
            try run(["unpack", "--iter", "<I"], bytes: Self.records, way: way),
            message: "iterative unpacking requires a buffer of a multiple of 4 bytes")
        expectFailure(
            try run(["unpack", "--iter", "0s"], bytes: Self.records, way: way),
            message: "cannot iteratively unpack with a struct of length 0")
    }

    @Test func iterUnpackOfAFileLargerThanOneBatch() throws {
        // 300,000 records of '<I' (1.2 MB) cross the reader's 1 MiB batches.
        let count = 300_000
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 4)
        for value in 0..<UInt32(count) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        let path = ToolRunner.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try ToolRunner.run(["unpack", "--iter", "<I", "--file", path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == count)
        #expect(lines.first == "(0,)")
        #expect(lines.last == "(299999,)")
        #expect(lines[262_144] == "(262144,)")
    }

    @Test func standardInputIsReadFromItsCurrentPosition() throws {
        // A shell `{ head -c 2 >/dev/null; structpack …; } < file` leaves stdin at offset 2.
        let path = ToolRunner.temporaryFile(Self.records)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let script = "{ dd bs=1 count=2 of=/dev/null 2>/dev/null; \"$0\" unpack --iter '<H' --file -; } < \"$1\""
        guard let executable = ToolRunner.executable else { throw RunnerError("no executable") }
        let result = try ToolRunner.run(
            executable: URL(fileURLWithPath: "/bin/sh"), ["-c", script, executable.path, path])
        expectSuccess(result, stdout: "(2,)\n(3,)\n")
    }

    @Test func hugeFormatsFailWithoutReadingEverything() throws {
        // Python: unpack requires a buffer of 2000000000000 bytes. structpack checks a
        // regular file's size first and reads nothing.
        let path = ToolRunner.temporaryFile(Self.record)
        defer { try? FileManager.default.removeItem(atPath: path) }
        expectFailure(
            try ToolRunner.run(["unpack", "2000000000000x", "--file", path]),
            message: "unpack requires a buffer of 2000000000000 bytes")
        expectFailure(
            try ToolRunner.run(["unpack", "--offset", "3", "9000000000000000000x", "--file", path]),
            message: "unpack_from requires a buffer of at least 9000000000000000003 bytes for unpacking "
                + "9000000000000000000 bytes at offset 3 (actual buffer size is 6)")
        expectFailure(
            try ToolRunner.run(["unpack", "2000000000000x", "--file", "-"], stdin: .pipe(Self.record)),
            message: "unpack requires a buffer of 2000000000000 bytes")
    }

    @Test func fileErrors() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("structpack-missing-\(UUID())").path
        expectFailure(
            try ToolRunner.run(["unpack", "<I", "--file", missing]),
            message: "cannot open '\(missing)': No such file or directory")
        let directory = FileManager.default.temporaryDirectory.path
        expectFailure(
            try ToolRunner.run(["unpack", "<I", "--file", directory]),
            message: "cannot read '\(directory)': Is a directory")
    }

    @Test(arguments: Way.allCases)
    func inspectReadsTheSameInputs(way: Way) throws {
        let result = try run(["inspect", "--json", "--offset", "-2", "<H"], bytes: Self.record, way: way)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("\"offset\": 4,"))
        #expect(result.stdout.contains("{\"kind\": \"value\", \"index\": 0, \"offset\": 4, \"size\": 2, \"present\": 2, \"code\": \"H\", \"hex\": \"0200\", \"type\": \"int\", \"value\": 2, \"repr\": \"2\"}"))
    }

    @Test func packRawWritesTheBytesThemselves() throws {
        let result = try ToolRunner.run(["pack", "--raw", "<IH", "1", "2"])
        #expect(result.status == 0)
        #expect(result.stdoutBytes == Self.record)
        #expect(result.stderr.isEmpty)
        let empty = try ToolRunner.run(["pack", "--raw", ""])
        #expect(empty.status == 0 && empty.stdoutBytes.isEmpty)
        expectFailure(
            try ToolRunner.run(["pack", "--raw", "<h", "40000"]), message: "'h' format requires -32768 <= number <= 32767")
        // The bytes round-trip through a file.
        let path = ToolRunner.temporaryFile(result.stdoutBytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        expectSuccess(try ToolRunner.run(["unpack", "<IH", "--file", path]), stdout: "(1, 2)\n")
    }
}
