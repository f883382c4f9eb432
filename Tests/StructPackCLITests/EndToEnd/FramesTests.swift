import Foundation
import Testing

/// `structpack frames` on hand-built streams: every stream below is written out byte by byte
/// from the framing's definition (SPEC.md §3.3, §3.4, §3.6), and every expected line is the
/// payload written in hex by hand; error lines are the messages SPEC.md §3 specifies.
@Suite("frames (end to end)")
struct FramesTests {
    // MARK: Streams

    /// Three '!I' frames: "hello", an empty payload, 00 ff 0a.
    static let bangI: [UInt8] =
        [0x00, 0x00, 0x00, 0x05, 0x68, 0x65, 0x6C, 0x6C, 0x6F]
        + [0x00, 0x00, 0x00, 0x00]
        + [0x00, 0x00, 0x00, 0x03, 0x00, 0xFF, 0x0A]
    static let bangILines = "68656c6c6f\n\n00ff0a\n"

    /// Runs `frames ARGUMENTS` with `bytes` on standard input through a pipe.
    func frames(_ arguments: [String], _ bytes: [UInt8]) throws -> ToolResult {
        try ToolRunner.run(["frames"] + arguments, stdin: .pipe(bytes))
    }

    /// Checks a run that printed `stdout` and then failed with exactly one error line.
    func expectFrameError(
        _ result: ToolResult, stdout: String, message: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == 1, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stdout == stdout, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr == "structpack: error: \(message)\n", "\(result)", sourceLocation: sourceLocation)
    }

    // MARK: Length-field headers

    @Test func defaultHeaderIsBigEndianUInt32() throws {
        expectSuccess(try frames([], Self.bangI), stdout: Self.bangILines)
        expectSuccess(try frames(["--header", "!I"], Self.bangI), stdout: Self.bangILines)
        // The same bytes read as little-endian: 00 00 00 05 is 0x05000000 = 83886080.
        expectFrameError(
            try frames(["--header", "<I"], Self.bangI), stdout: "",
            message: "frame length 83886080 exceeds the maximum of 16777216 bytes")
    }

    @Test(arguments: [
        // '<H': 03 00 "abc", 01 00 "z", 00 00 (empty)
        (header: "<H", stream: [0x03, 0x00, 0x61, 0x62, 0x63, 0x01, 0x00, 0x7A, 0x00, 0x00] as [UInt8],
         lines: "616263\n7a\n\n"),
        // 'i': native int, little-endian on every supported host (x86-64, arm64), 4 bytes.
        (header: "i", stream: [0x02, 0x00, 0x00, 0x00, 0x68, 0x69, 0x01, 0x00, 0x00, 0x00, 0xFF], lines: "6869\nff\n"),
        // '>Q': 8-byte big-endian length: "xy", then an empty payload.
        (header: ">Q", stream: [0, 0, 0, 0, 0, 0, 0, 0x02, 0x78, 0x79, 0, 0, 0, 0, 0, 0, 0, 0], lines: "7879\n\n"),
        // '>BH': the last integer value (H) is the length; the B byte is part of the header.
        (header: ">BH", stream: [0x07, 0x00, 0x02, 0xAB, 0xCD], lines: "abcd\n"),
        // '@bq': native alignment puts 7 padding bytes between b and the 8-byte q (little-endian).
        (header: "@bq", stream: [0x01, 0, 0, 0, 0, 0, 0, 0, 0x01, 0, 0, 0, 0, 0, 0, 0, 0x42], lines: "42\n"),
    ])
    func otherHeaders(header: String, stream: [UInt8], lines: String) throws {
        expectSuccess(try frames(["--header", header], stream), stdout: lines)
    }

    @Test func postgresHeaderWithLengthAdjustment() throws {
        // Query 'Q' "SELECT 1\0" (length 13 counts its own 4 bytes), ReadyForQuery 'Z' 'I'
        // (length 5), Sync 'S' (length 4: empty body).
        let stream: [UInt8] =
            [0x51, 0x00, 0x00, 0x00, 0x0D, 0x53, 0x45, 0x4C, 0x45, 0x43, 0x54, 0x20, 0x31, 0x00]
            + [0x5A, 0x00, 0x00, 0x00, 0x05, 0x49]
            + [0x53, 0x00, 0x00, 0x00, 0x04]
        let lines = "53454c454354203100\n49\n\n"
        expectSuccess(try frames(["--header", "!cI", "--length-adjustment", "-4"], stream), stdout: lines)
        expectSuccess(try frames(["--header=!cI", "--length-adjustment=-4"], stream), stdout: lines)
        // Python integer literals are accepted, as for unpack --offset.
        expectSuccess(try frames(["--header", "!cI", "--length-adjustment", "-0x4"], stream), stdout: lines)
        // Without the adjustment the Query frame takes 13 bytes of body: its 9 and the first 4
        // of ReadyForQuery (5a 00 00 00). The next header is then 05 | 49 53 00 00: a length
        // of 0x49530000 = 1230176256.
        expectFrameError(
            try frames(["--header", "!cI"], stream), stdout: "53454c4543542031005a000000\n",
            message: "frame length 1230176256 exceeds the maximum of 16777216 bytes")
    }

    @Test func lengthAdjustmentAppliesToTheDefaultHeader() throws {
        // '!I' lengths that count the header itself: 6 = 4 + "hi".
        expectSuccess(
            try frames(["--length-adjustment", "-4"], [0x00, 0x00, 0x00, 0x06, 0x68, 0x69]), stdout: "6869\n")
        // And a positive adjustment: a field of 0 announces a 2-byte body.
        expectSuccess(try frames(["--length-adjustment", "2"], [0x00, 0x00, 0x00, 0x00, 0x68, 0x69]), stdout: "6869\n")
    }

    // MARK: Delimiters and varints

    @Test func newlineDelimiter() throws {
        // "one\ntwo\n\n": the last line is empty.
        let stream: [UInt8] = [0x6F, 0x6E, 0x65, 0x0A, 0x74, 0x77, 0x6F, 0x0A, 0x0A]
        expectSuccess(try frames(["--delimiter", "0a"], stream), stdout: "6f6e65\n74776f\n\n")
        expectSuccess(try frames(["--delimiter", "0A"], stream), stdout: "6f6e65\n74776f\n\n")
    }

    @Test func crlfDelimiter() throws {
        // "a\r\nb\nc\r\n": with only \r\n as delimiter, the lone \n stays in the payload.
        let stream: [UInt8] = [0x61, 0x0D, 0x0A, 0x62, 0x0A, 0x63, 0x0D, 0x0A]
        expectSuccess(try frames(["--delimiter", "0d0a"], stream), stdout: "61\n620a63\n")
        expectSuccess(try frames(["--delimiter", "0d 0a"], stream), stdout: "61\n620a63\n")
        // With both, each ends a frame; \r\n wins over \n where both end.
        expectSuccess(try frames(["--delimiter", "0d0a,0a"], stream), stdout: "61\n62\n63\n")
    }

    @Test func varintLengths() throws {
        // 03 "abc", 00 (empty), ac 02 = 300, then 300 bytes 00 01 … ff 00 01 … 2b.
        let long = (0..<300).map { UInt8($0 % 256) }
        let stream: [UInt8] = [0x03, 0x61, 0x62, 0x63, 0x00, 0xAC, 0x02] + long
        expectSuccess(try frames(["--varint"], stream), stdout: "616263\n\n" + hex(long) + "\n")
    }

    // MARK: Inputs

    @Test func fileDashAndDefaultStandardInputAgree() throws {
        let path = ToolRunner.temporaryFile(Self.bangI)
        defer { try? FileManager.default.removeItem(atPath: path) }
        expectSuccess(try ToolRunner.run(["frames", path]), stdout: Self.bangILines)
        expectSuccess(try ToolRunner.run(["frames", "--", path]), stdout: Self.bangILines)
        expectSuccess(try ToolRunner.run(["frames", "-"], stdin: .pipe(Self.bangI)), stdout: Self.bangILines)
        expectSuccess(try ToolRunner.run(["frames", "-"], stdin: .file(Self.bangI)), stdout: Self.bangILines)
        expectSuccess(try ToolRunner.run(["frames"], stdin: .file(Self.bangI)), stdout: Self.bangILines)
        expectSuccess(try ToolRunner.run(["frames"], stdin: .pipe(Self.bangI)), stdout: Self.bangILines)
    }

    @Test(arguments: [[], ["--header", "<H"], ["--delimiter", "0a"], ["--varint"]])
    func emptyInputPrintsNothing(arguments: [String]) throws {
        expectSuccess(try frames(arguments, []), stdout: "")
        expectSuccess(try ToolRunner.run(["frames"] + arguments, stdin: .none), stdout: "")
    }

    @Test func aFrameLargerThanOneReadAndOneHexChunk() throws {
        // 200,000 bytes: more than the 64 KiB read and the 32 KiB hex chunk.
        let payload = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }
        let stream: [UInt8] = [0x00, 0x03, 0x0D, 0x40] + payload + [0x00, 0x00, 0x00, 0x01, 0xEE]
        expectSuccess(try frames([], stream), stdout: hex(payload) + "\nee\n")
        let path = ToolRunner.temporaryFile(stream)
        defer { try? FileManager.default.removeItem(atPath: path) }
        expectSuccess(try ToolRunner.run(["frames", path]), stdout: hex(payload) + "\nee\n")
    }

    @Test func fileErrorsReadAsForUnpack() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("structpack-missing-\(UUID())").path
        expectFailure(
            try ToolRunner.run(["frames", missing]), message: "cannot open '\(missing)': No such file or directory")
        let unpack = try ToolRunner.run(["unpack", "<I", "--file", missing])
        #expect(try ToolRunner.run(["frames", missing]).stderr == unpack.stderr)
        let directory = FileManager.default.temporaryDirectory.path
        expectFailure(try ToolRunner.run(["frames", directory]), message: "cannot read '\(directory)': Is a directory")
    }

    // MARK: Frame errors: the frames before are printed, then one error line

    @Test func partialFrameAtTheEnd() throws {
        // "hi", then a header announcing 9 bytes of which 3 arrive: 4 + 3 of 4 + 9 buffered.
        let stream: [UInt8] = [0x00, 0x00, 0x00, 0x02, 0x68, 0x69, 0x00, 0x00, 0x00, 0x09, 0x61, 0x62, 0x63]
        expectFrameError(
            try frames([], stream), stdout: "6869\n", message: "stream ended inside a frame: 7 of 13 bytes buffered")
        // Two bytes of the next header.
        expectFrameError(
            try frames([], [0x00, 0x00, 0x00, 0x02, 0x68, 0x69, 0x00, 0x00]), stdout: "6869\n",
            message: "stream ended inside a frame header: 2 of 4 header bytes buffered")
        // A delimiter stream whose last line has no delimiter: "one\ntw".
        expectFrameError(
            try frames(["--delimiter", "0a"], [0x6F, 0x6E, 0x65, 0x0A, 0x74, 0x77]), stdout: "6f6e65\n",
            message: "stream ended with 2 bytes after the last delimiter and no delimiter")
        // A varint frame of 5 bytes of which 2 arrive: 1 + 2 of 1 + 5 buffered.
        expectFrameError(
            try frames(["--varint"], [0x03, 0x61, 0x62, 0x63, 0x05, 0x61, 0x62]), stdout: "616263\n",
            message: "stream ended inside a frame: 3 of 6 bytes buffered")
        // A varint cut inside its length: 80 announces more length bytes.
        expectFrameError(
            try frames(["--varint"], [0x01, 0x61, 0x80]), stdout: "61\n",
            message: "stream ended inside a varint length: 1 bytes buffered")
    }

    @Test func lengthOverTheMaximum() throws {
        // --max-frame 4: "abcd" fits; the next header announces 5.
        let stream: [UInt8] =
            [0x00, 0x00, 0x00, 0x04, 0x61, 0x62, 0x63, 0x64] + [0x00, 0x00, 0x00, 0x05, 0x61, 0x62, 0x63, 0x64, 0x65]
        expectFrameError(
            try frames(["--max-frame", "4"], stream), stdout: "61626364\n",
            message: "frame length 5 exceeds the maximum of 4 bytes")
        expectSuccess(try frames(["--max-frame", "5"], stream), stdout: "61626364\n6162636465\n")
        // The default maximum is 16 MiB = 16777216: 01 00 00 00 is one byte more, and is
        // refused from the header alone (no body follows).
        expectFrameError(
            try frames([], [0x01, 0x00, 0x00, 0x01]), stdout: "",
            message: "frame length 16777217 exceeds the maximum of 16777216 bytes")
        expectFrameError(
            try frames([], [0x01, 0x00, 0x00, 0x00]), stdout: "",
            message: "stream ended inside a frame: 4 of 16777220 bytes buffered")
        // --max-frame 0 allows only empty payloads.
        expectFrameError(
            try frames(["--max-frame", "0"], [0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01]), stdout: "\n",
            message: "frame length 1 exceeds the maximum of 0 bytes")
        // Varint: 03 announces 3 bytes, over a maximum of 2.
        expectFrameError(
            try frames(["--varint", "--max-frame", "2"], [0x02, 0x61, 0x62, 0x03, 0x61, 0x62, 0x63]), stdout: "6162\n",
            message: "frame length 3 exceeds the maximum of 2 bytes")
        // Delimiter, maximum 3, delimiter of 1 byte: "abcd" then no delimiter within 3 + 1
        // bytes of the frame's start.
        expectFrameError(
            try frames(["--delimiter", "0a", "--max-frame", "3"], Array("abc\nabcd\n".utf8)),
            stdout: "616263\n",
            message: "frame length exceeds the maximum of 3 bytes: no delimiter in the first 4 bytes")
    }

    @Test func negativeLengths() throws {
        // '<h': 02 00 "hi", then ff ff = -1.
        expectFrameError(
            try frames(["--header", "<h"], [0x02, 0x00, 0x68, 0x69, 0xFF, 0xFF, 0x00]), stdout: "6869\n",
            message: "negative frame length -1 in length field 0 ('h')")
        // '>q' holding -2^63.
        expectFrameError(
            try frames(["--header", ">q"], [0x80, 0, 0, 0, 0, 0, 0, 0]), stdout: "",
            message: "negative frame length -9223372036854775808 in length field 0 ('q')")
        // An unsigned field made negative by the adjustment: 3 - 4 = -1.
        expectFrameError(
            try frames(["--length-adjustment", "-4"], [0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x03]), stdout: "\n",
            message: "length field value 3 with length adjustment -4 gives a negative frame length (-1)")
    }

    // MARK: Option errors

    static let maxFrameNeeds = "--max-frame needs an integer from 0 to 9223372036854775807,"
    static let badDelimiter = "invalid --delimiter HEX: expected a hexadecimal digit"

    @Test(arguments: [
        (arguments: ["--varint", "--header", "!I"], message: "--varint cannot be combined with --header"),
        (arguments: ["--delimiter", "0a", "--varint"], message: "--varint cannot be combined with --delimiter"),
        (arguments: ["--header", "!I", "--delimiter", "0a"], message: "--delimiter cannot be combined with --header"),
        (arguments: ["--delimiter", "0a", "--length-adjustment", "1"],
         message: "--length-adjustment cannot be combined with --delimiter"),
        (arguments: ["--varint", "--length-adjustment", "0"],
         message: "--length-adjustment cannot be combined with --varint"),
        (arguments: ["--max-frame", "-1"], message: "\(FramesTests.maxFrameNeeds) not '-1'"),
        (arguments: ["--max-frame", "lots"], message: "\(FramesTests.maxFrameNeeds) not 'lots'"),
        (arguments: ["--max-frame", "1.5"], message: "\(FramesTests.maxFrameNeeds) not '1.5'"),
        (arguments: ["--max-frame", "9223372036854775808"],
         message: "--max-frame needs an integer from 0 to 9223372036854775807, not '9223372036854775808'"),
        (arguments: ["--max-frame", ""], message: "--max-frame needs an integer from 0 to 9223372036854775807, not ''"),
        (arguments: ["--length-adjustment", "x"],
         message: "--length-adjustment needs an integer from -9223372036854775808 to 9223372036854775807, not 'x'"),
        (arguments: ["--max-frame"], message: "option --max-frame needs a value N"),
        (arguments: ["--header"], message: "option --header needs a value FMT"),
        (arguments: ["--varint=1"], message: "option --varint takes no value"),
        (arguments: ["--varint", "--varint"], message: "option --varint given more than once"),
        (arguments: ["--file", "x"], message: "unknown option '--file'"),
        (arguments: ["--bogus"], message: "unknown option '--bogus'"),
        (arguments: ["a", "b"], message: "frames takes at most one FILE"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        expectFailure(try frames(arguments, Self.bangI), message: message, status: 2)
    }

    @Test(arguments: [
        // CPython's struct messages for the header format, as calcsize prints them.
        (arguments: ["--header", "z"], message: "bad char in struct format"),
        (arguments: ["--header", "<3"], message: "repeat count given without format specifier"),
        // StreamFramer's configuration messages.
        (arguments: ["--header", "4s"], message: "header format '4s' has no integer field for the length"),
        (arguments: ["--header", ""], message: "header format '' has no integer field for the length"),
        (arguments: ["--header", "<H65535x"], message: "header format '<H65535x' is 65537 bytes; the maximum is 65536"),
        (arguments: ["--max-frame", "9223372036854775807"],
         message: "maximum frame length 9223372036854775807 is out of range 0...9223372036854775803"),
        (arguments: ["--varint", "--max-frame", "9223372036854775807"],
         message: "maximum frame length 9223372036854775807 is out of range 0...9223372036854775797"),
        (arguments: ["--delimiter", ""], message: "a delimiter cannot be empty"),
        (arguments: ["--delimiter", "0a,"], message: "a delimiter cannot be empty"),
        // --delimiter HEX reads as bytes.fromhex reads HEX; positions count the whole value.
        (arguments: ["--delimiter", "0g"], message: "\(FramesTests.badDelimiter) at position 1, found 'g'"),
        (arguments: ["--delimiter", "0a,0"],
         message: "\(FramesTests.badDelimiter) at position 4, found end of input (odd number of digits)"),
        (arguments: ["--delimiter", "0x0a"], message: "\(FramesTests.badDelimiter) at position 1, found 'x'"),
    ])
    func optionFailures(arguments: [String], message: String) throws {
        expectFailure(try frames(arguments, Self.bangI), message: message)
    }

    @Test func optionErrorsComeBeforeOpeningTheFile() throws {
        expectFailure(
            try ToolRunner.run(["frames", "--header", "z", "/nonexistent/x"]), message: "bad char in struct format")
        expectFailure(
            try ToolRunner.run(["frames", "--max-frame", "-1", "/nonexistent/x"]),
            message: "--max-frame needs an integer from 0 to 9223372036854775807, not '-1'", status: 2)
    }
}

/// Lowercase hex of `bytes`, written independently of the tool's encoder.
func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    var text = ""
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
        text.append(digits[Int(byte / 16)])
        text.append(digits[Int(byte % 16)])
    }
    return text
}
