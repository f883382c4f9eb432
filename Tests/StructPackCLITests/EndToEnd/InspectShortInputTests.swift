import Foundation
import Testing

/// `inspect` on input that does not fit the format (SPEC §2.4): the complete rows, the row the
/// data ends in, or the trailing bytes, then CPython's error (exit status 1). The errors are
/// CPython 3.13's for the same bytes, e.g. struct.unpack('<IH', bytes.fromhex('0100000002'))
/// raises "unpack requires a buffer of 6 bytes"; the values of complete rows are CPython's
/// unpack of their own bytes (struct.unpack('<I', bytes.fromhex('01000000')) == (1,)). Each
/// case runs with the bytes as HEX, as a file, and piped (the stream paths).
@Suite("inspect on short and long input (end to end)")
struct InspectShortInputTests {
    static let ways: [InputWay] = [.hex, .file, .pipe]

    func inspect(_ options: [String], _ format: String, _ hex: String, way: InputWay) throws -> ToolResult {
        try way.run(["inspect"] + options + [format], hex: hex)
    }

    /// Checks a run that showed `stdout` and then failed with `message`.
    func expectShownThenFailed(
        _ result: ToolResult, stdout: String, message: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == 1, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stdout == stdout, sourceLocation: sourceLocation)
        #expect(result.stderr == "structpack: error: \(message)\n", sourceLocation: sourceLocation)
    }

    @Test(arguments: ways)
    func dataEndsInsideAValue(way: InputWay) throws {
        expectShownThenFailed(
            try inspect([], "<IH", "0100000002", way: way),
            stdout: """
                format '<IH': 6 bytes, 2 values; little-endian, standard sizes, no alignment
                offset  size  code  bytes     value
                     0     4  I     01000000  1
                     4     2  H     02        (data ends: 1 of 2 bytes)

                """,
            message: "unpack requires a buffer of 6 bytes")
    }

    @Test(arguments: ways)
    func dataEndsInsideAlignmentAStringOrBetweenFields(way: InputWay) throws {
        // '@BI': B at 0, 3 bytes of alignment, I at 4.
        expectShownThenFailed(
            try inspect([], "@BI", "0700", way: way),
            stdout: """
                format '@BI': 8 bytes, 2 values; native byte order (little-endian), native sizes and alignment
                offset  size  code  bytes  value
                     0     1  B     07     7
                     1     3        00     (data ends: 1 of 3 bytes)

                """,
            message: "unpack requires a buffer of 8 bytes")
        // A string field holds its present bytes and no value.
        expectShownThenFailed(
            try inspect([], "<H10s", "0100686921", way: way),
            stdout: """
                format '<H10s': 12 bytes, 2 values; little-endian, standard sizes, no alignment
                offset  size  code  bytes   value
                     0     2  H     0100    1
                     2    10  10s   686921  (data ends: 3 of 10 bytes)

                """,
            message: "unpack requires a buffer of 12 bytes")
        // Ending exactly between two values: the next row has none of its bytes.
        expectShownThenFailed(
            try inspect([], ">hhh", "0001fffe", way: way),
            stdout: """
                format '>hhh': 6 bytes, 3 values; big-endian, standard sizes, no alignment
                offset  size  code  bytes  value
                     0     2  h     0001   1
                     2     2  h     fffe   -2
                     4     2  h            (data ends: 0 of 2 bytes)

                """,
            message: "unpack requires a buffer of 6 bytes")
    }

    @Test(arguments: ways)
    func trailingBytesAfterTheRecord(way: InputWay) throws {
        expectShownThenFailed(
            try inspect([], "<IH", "0100000002000506", way: way),
            stdout: """
                format '<IH': 6 bytes, 2 values; little-endian, standard sizes, no alignment
                offset  size  code  bytes     value
                     0     4  I     01000000  1
                     4     2  H     0200      2
                     6     2        0506      (trailing: 2 bytes after the record)

                """,
            message: "unpack requires a buffer of 6 bytes")
        // Only the first 16 trailing bytes are shown (and read), all 20 counted.
        let twenty = (0..<20).map { String(format: "%02x", $0) }.joined()
        expectShownThenFailed(
            try inspect([], "<B", "07" + twenty, way: way),
            stdout: """
                format '<B': 1 bytes, 1 value; little-endian, standard sizes, no alignment
                offset  size  code  bytes                              value
                     0     1  B     07                                 7
                     1    20        000102030405060708090a0b0c0d0e0f…  (trailing: 20 bytes after the record)

                """,
            message: "unpack requires a buffer of 1 bytes")
    }

    @Test(arguments: ways)
    func offsets(way: InputWay) throws {
        expectShownThenFailed(
            try inspect(["--offset", "4"], "<I", "000000000100", way: way),
            stdout: """
                format '<I': 4 bytes, 1 value; little-endian, standard sizes, no alignment; record at offset 4
                offset  size  code  bytes  value
                     4     4  I     0100   (data ends: 2 of 4 bytes)

                """,
            message: "unpack_from requires a buffer of at least 8 bytes for unpacking 4 bytes at offset 4 (actual buffer size is 6)")
        expectShownThenFailed(
            try inspect(["--offset", "-1"], "<H", "000000000000", way: way),
            stdout: """
                format '<H': 2 bytes, 1 value; little-endian, standard sizes, no alignment; record at offset 5
                offset  size  code  bytes  value
                     5     2  H     00     (data ends: 1 of 2 bytes)

                """,
            message: "not enough data to unpack 2 bytes at offset -1")
        // A record starting at the very end: none of its bytes.
        expectShownThenFailed(
            try inspect(["--offset", "6"], "<H", "000000000000", way: way),
            stdout: """
                format '<H': 2 bytes, 1 value; little-endian, standard sizes, no alignment; record at offset 6
                offset  size  code  bytes  value
                     6     2  H            (data ends: 0 of 2 bytes)

                """,
            message: "unpack_from requires a buffer of at least 8 bytes for unpacking 2 bytes at offset 6 (actual buffer size is 6)")
        // A record starting outside the input: nothing to show, only the error.
        expectFailure(
            try inspect(["--offset", "7"], "<H", "000000000000", way: way),
            message: "unpack_from requires a buffer of at least 9 bytes for unpacking 2 bytes at offset 7 (actual buffer size is 6)")
        expectFailure(
            try inspect(["--offset", "-7"], "<H", "000000000000", way: way), message: "offset -7 out of range for 6-byte buffer")
        // And a record that fits at an offset is shown and succeeds, as before.
        expectSuccess(
            try inspect(["--offset", "-2"], "<H", "000000000100", way: way),
            stdout: """
                format '<H': 2 bytes, 1 value; little-endian, standard sizes, no alignment; record at offset 4
                offset  size  code  bytes  value
                     4     2  H     0100   1

                """)
    }

    @Test(arguments: ways)
    func hugeFormatsShowWhatIsThere(way: InputWay) throws {
        // A 2 TB format: only the 6 bytes present are read and shown.
        expectShownThenFailed(
            try inspect([], "<I2000000000000s", "010000006869", way: way),
            stdout: """
                format '<I2000000000000s': 2000000000004 bytes, 2 values; little-endian, standard sizes, no alignment
                offset           size  code            bytes     value
                     0              4  I               01000000  1
                     4  2000000000000  2000000000000s  6869      (data ends: 2 of 2000000000000 bytes)

                """,
            message: "unpack requires a buffer of 2000000000004 bytes")
    }

    @Test func jsonCarriesTheRowsTheTrailingBytesAndTheError() throws {
        let short = try ToolRunner.run(["inspect", "--json", "<IH", "0100000002"])
        #expect(short.status == 1)
        #expect(short.stderr == "structpack: error: unpack requires a buffer of 6 bytes\n")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(short.stdoutBytes)) as? [String: Any])
        #expect(document["error"] as? String == "unpack requires a buffer of 6 bytes")
        #expect(document["trailing"] is NSNull)
        let fields = try #require(document["fields"] as? [[String: Any]])
        #expect(fields.count == 2)
        #expect(fields[1]["size"] as? Int == 2 && fields[1]["present"] as? Int == 1 && fields[1]["hex"] as? String == "02")
        #expect(fields[1]["value"] is NSNull && fields[1]["repr"] is NSNull && fields[1]["type"] is NSNull)
        #expect(fields[1]["index"] as? Int == 1 && fields[1]["code"] as? String == "H")

        let long = try ToolRunner.run(["inspect", "--json", "<IH", "0100000002000506"])
        #expect(long.status == 1)
        let longDocument = try #require(try JSONSerialization.jsonObject(with: Data(long.stdoutBytes)) as? [String: Any])
        let trailing = try #require(longDocument["trailing"] as? [String: Any])
        #expect(trailing["offset"] as? Int == 6 && trailing["size"] as? Int == 2 && trailing["hex"] as? String == "0506")

        // Outside the input: no document, the error alone.
        expectFailure(
            try ToolRunner.run(["inspect", "--json", "--offset", "9", "<H", "00"]),
            message: "unpack_from requires a buffer of at least 11 bytes for unpacking 2 bytes at offset 9 (actual buffer size is 1)")
    }
}
