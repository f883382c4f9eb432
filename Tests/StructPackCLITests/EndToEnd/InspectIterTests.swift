import Foundation
import Testing

/// `inspect --iter` (SPEC §2.4): every record with its index and offset, the left-over bytes as
/// the start of one more record, then CPython's iter_unpack error. Values are CPython's:
/// list(struct.iter_unpack('<HB', bytes.fromhex('010002020003'))) == [(1, 2), (2, 3)], and with
/// two more bytes iter_unpack raises "iterative unpacking requires a buffer of a multiple of 3
/// bytes".
@Suite("inspect --iter (end to end)")
struct InspectIterTests {
    @Test func wholeRecordsSucceed() throws {
        expectSuccess(
            try ToolRunner.run(["inspect", "--iter", "<HB", "010002", "020003"]),
            stdout: """
                format '<HB': 3 bytes, 2 values; little-endian, standard sizes, no alignment; 2 records in 6 bytes
                record  offset  size  code  bytes  value
                     0       0     2  H     0100   1
                     0       2     1  B     02     2
                     1       3     2  H     0200   2
                     1       5     1  B     03     3

                """)
        expectSuccess(
            try ToolRunner.run(["inspect", "--iter", "<H", ""]),
            stdout: """
                format '<H': 2 bytes, 1 value; little-endian, standard sizes, no alignment; 0 records in 0 bytes
                record  offset  size  code  bytes  value

                """)
    }

    @Test(arguments: [InputWay.hex, .file, .pipe])
    func leftOverBytesAreTheStartOfOneMoreRecord(way: InputWay) throws {
        let result = try way.run(["inspect", "--iter", "<HB"], hex: "0100020200030300")
        #expect(result.status == 1)
        #expect(
            result.stdout == """
                format '<HB': 3 bytes, 2 values; little-endian, standard sizes, no alignment; 2 records and 2 more bytes in 8 bytes
                record  offset  size  code  bytes  value
                     0       0     2  H     0100   1
                     0       2     1  B     02     2
                     1       3     2  H     0200   2
                     1       5     1  B     03     3
                     2       6     2  H     0300   3
                     2       8     1  B            (data ends: 0 of 1 byte)

                """)
        #expect(result.stderr == "structpack: error: iterative unpacking requires a buffer of a multiple of 3 bytes\n")
    }

    @Test func zeroSizeFormatsCannotIterate() throws {
        expectFailure(
            try ToolRunner.run(["inspect", "--iter", "0s", "0102"]), message: "cannot iteratively unpack with a struct of length 0")
    }

    @Test func jsonListsTheRecords() throws {
        let result = try ToolRunner.run(["inspect", "--iter", "--json", "<HB", "0100020200030300"])
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any])
        #expect(Set(document.keys) == ["format", "prefix", "byteOrder", "size", "valueCount", "records", "error"])
        #expect(document["error"] as? String == "iterative unpacking requires a buffer of a multiple of 3 bytes")
        let records = try #require(document["records"] as? [[String: Any]])
        #expect(records.map { $0["index"] as? Int } == [0, 1, 2])
        #expect(records.map { $0["offset"] as? Int } == [0, 3, 6])
        let reprs = records.map { (record) in
            ((record["fields"] as? [[String: Any]]) ?? []).map { ($0["repr"] as? String) ?? "-" }
        }
        #expect(reprs == [["1", "2"], ["2", "3"], ["3", "-"]])
        let last = try #require((records[2]["fields"] as? [[String: Any]])?.last)
        #expect(last["present"] as? Int == 0 && last["size"] as? Int == 1 && last["offset"] as? Int == 8)
        // One record per line.
        #expect(result.stdout.split(separator: "\n").filter { $0.hasPrefix("    {\"index\": ") }.count == 3)

        let whole = try ToolRunner.run(["inspect", "--iter", "--json", "<H", ""])
        #expect(whole.status == 0)
        let empty = try #require(try JSONSerialization.jsonObject(with: Data(whole.stdoutBytes)) as? [String: Any])
        #expect((empty["records"] as? [Any])?.isEmpty == true && empty["error"] is NSNull)
    }

    @Test(arguments: [InputWay.file, .pipe])
    func aLargeInputIsReadInBatches(way: InputWay) throws {
        // 300,000 '<I' records (1.2 MB, past the 1 MiB batches) and one byte more.
        let count = 300_000
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 4 + 1)
        for value in 0..<UInt32(count) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        bytes.append(0xAB)
        let result = try way.run(["inspect", "--iter", "<I"], bytes: bytes)
        #expect(result.status == 1)
        #expect(result.stderr == "structpack: error: iterative unpacking requires a buffer of a multiple of 4 bytes\n")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 + count + 1 + 1)
        #expect(lines[0].hasSuffix("; 300000 records and 1 more byte in 1200001 bytes"))
        #expect(lines[1] == "record   offset  size  code  bytes     value")
        #expect(lines[2 + 262_144] == "262144  1048576     4  I     00000400  262144")
        #expect(lines[2 + count] == "300000  1200000     4  I     ab        (data ends: 1 of 4 bytes)")
    }
}

/// How a test hands the same bytes to the tool: as HEX, as a file path, or piped to `--file -`.
enum InputWay: CustomStringConvertible {
    case hex, file, pipe

    var description: String { self == .hex ? "HEX" : self == .file ? "--file PATH" : "--file - (pipe)" }

    /// Runs `ARGUMENTS` with `hex`'s bytes given this way.
    func run(_ arguments: [String], hex: String) throws -> ToolResult {
        self == .hex ? try ToolRunner.run(arguments + [hex]) : try run(arguments, bytes: try HexDecoderForTests.decode(hex))
    }

    /// Runs `ARGUMENTS` with `bytes` given as a file or a pipe.
    func run(_ arguments: [String], bytes: [UInt8]) throws -> ToolResult {
        switch self {
        case .hex:
            return try ToolRunner.run(arguments + [StructPackCLITests.hex(bytes)])
        case .file:
            let path = ToolRunner.temporaryFile(bytes)
            defer { try? FileManager.default.removeItem(atPath: path) }
            return try ToolRunner.run(arguments + ["--file", path])
        case .pipe:
            return try ToolRunner.run(arguments + ["--file", "-"], stdin: .pipe(bytes))
        }
    }
}
