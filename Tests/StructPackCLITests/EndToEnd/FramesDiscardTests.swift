import Foundation
import Testing

/// `structpack frames --discard-overlong` (SPEC.md §2.5): a frame over `--max-frame` is skipped
/// and reported by a line in its place. Streams are written out by hand from SPEC.md §3.3 and §3.6.
@Suite("frames --discard-overlong (end to end)")
struct FramesDiscardTests {
    func frames(_ arguments: [String], _ bytes: [UInt8]) throws -> ToolResult {
        try ToolRunner.run(["frames"] + arguments, stdin: .pipe(bytes))
    }

    @Test func lengthFieldFramesAroundAnOverLongOne() throws {
        // '!I' "hi", a 5-byte frame over --max-frame 4, "" : 6869, the report, an empty line.
        let stream: [UInt8] = [0, 0, 0, 2, 0x68, 0x69, 0, 0, 0, 5, 1, 2, 3, 4, 5, 0, 0, 0, 0]
        expectSuccess(
            try frames(["--max-frame", "4", "--discard-overlong"], stream),
            stdout: "6869\ndiscarded frame of length 5\n\n")
        // Without the option the same stream fails after "hi".
        let failed = try frames(["--max-frame", "4"], stream)
        #expect(failed.status == 1 && failed.stdout == "6869\n")
    }

    @Test func varintAndTheStreamEndingInsideTheDiscardedFrame() throws {
        // varint 3 "abc", then 0x81 0x01 (129) over 100 with only 2 of its bytes sent.
        let stream: [UInt8] = [0x03, 0x61, 0x62, 0x63, 0x81, 0x01, 0xEE, 0xEE]
        expectSuccess(
            try frames(["--varint", "--max-frame", "100", "--discard-overlong"], stream),
            stdout: "616263\ndiscarded frame of length 129\n")
    }

    @Test func jsonReportsTheDiscardedFrameInPlace() throws {
        // '!I' "hi" (wire bytes 0..<6), a 5-byte frame over --max-frame 4 (4 + 5 = 9 bytes at
        // offset 6), "z" at offset 15: indexes count frames and the discard together.
        let stream: [UInt8] = [0, 0, 0, 2, 0x68, 0x69, 0, 0, 0, 5, 1, 2, 3, 4, 5, 0, 0, 0, 1, 0x7A]
        let nulls = "\"delimiter\": null"
        let tail = "\"values\": null, \"repr\": null, \"error\": null, \"discarded\": false}"
        expectSuccess(
            try frames(["--max-frame", "4", "--discard-overlong", "--json"], stream),
            stdout: "{\"index\": 0, \"offset\": 0, \"size\": 6, \"header\": \"00000002\", \"headerValues\": [2], "
                + "\"headerRepr\": \"(2,)\", \(nulls), \"payload\": \"6869\", \(tail)\n"
                + "{\"index\": 1, \"offset\": 6, \"size\": 9, \"discarded\": true, \"claimedLength\": 5}\n"
                + "{\"index\": 2, \"offset\": 15, \"size\": 5, \"header\": \"00000001\", \"headerValues\": [1], "
                + "\"headerRepr\": \"(1,)\", \(nulls), \"payload\": \"7a\", \(tail)\n")
    }

    @Test func aDiscardedFrameIsNotCountedAsAFrameThatDidNotUnpack() throws {
        // "hi" unpacks with '<H' (26984), the 5-byte frame is discarded, "z" is 1 byte short.
        let stream: [UInt8] = [0, 0, 0, 2, 0x68, 0x69, 0, 0, 0, 5, 1, 2, 3, 4, 5, 0, 0, 0, 1, 0x7A]
        let result = try frames(["--max-frame", "4", "--discard-overlong", "--unpack", "<H", "--header-values"], stream)
        #expect(result.status == 1)
        #expect(
            result.stdout
                == "(2,) (26984,)\ndiscarded frame of length 5\n(1,) error: unpack requires a buffer of 2 bytes\n")
        #expect(result.stderr == "structpack: error: 1 of 2 frames did not unpack with '<H'\n")
    }

    @Test func notWithDelimiters() throws {
        let result = try frames(["--delimiter", "0a", "--discard-overlong"], [])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("structpack: error: --discard-overlong cannot be combined with --delimiter\n"))
    }
}
