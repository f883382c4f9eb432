import Foundation
import Testing

/// `structpack frames` following a live stream through pipes: each frame's line must come out
/// while standard input is still open (no block buffering), and input arriving one byte per
/// `write` must give the same output as input arriving at once.
@Suite("frames streaming through pipes (end to end)")
struct FramesStreamingTests {
    /// How long a line may take to come back on a loaded machine. A tool that buffered its
    /// output would never send it before the end of input, so the wait always ends in failure.
    static let lineTimeout = 20.0

    /// Two frames of each framing, sent one at a time.
    @Test(arguments: [
        (arguments: [String](), first: [0x00, 0x00, 0x00, 0x02, 0x68, 0x69] as [UInt8],
         second: [0x00, 0x00, 0x00, 0x00] as [UInt8]),
        (arguments: ["--delimiter", "0d0a"], first: [0x68, 0x69, 0x0D, 0x0A], second: [0x0D, 0x0A]),
        (arguments: ["--varint"], first: [0x02, 0x68, 0x69], second: [0x00]),
    ])
    func eachLineArrivesBeforeTheInputEnds(arguments: [String], first: [UInt8], second: [UInt8]) throws {
        let tool = try StreamingTool(["frames"] + arguments)
        try tool.write(first)
        #expect(tool.waitForLines(1, timeout: Self.lineTimeout), "no line for the first frame while stdin is open")
        #expect(tool.output == Array("6869\n".utf8))
        try tool.write(second)
        #expect(tool.waitForLines(2, timeout: Self.lineTimeout), "no line for the second frame while stdin is open")
        #expect(tool.output == Array("6869\n\n".utf8))
        let result = try tool.finish(timeout: Self.lineTimeout)
        expectSuccess(result, stdout: "6869\n\n")
    }

    /// The views of issue 12 stream too: each frame's JSON object (or unpacked line) comes out
    /// as soon as the frame is complete, also when the input is dump text.
    @Test(arguments: [
        (arguments: ["--json", "--unpack", "<H"], dump: false,
         first: "{\"index\": 0, \"offset\": 0, \"size\": 6, \"header\": \"00000002\", \"headerValues\": [2], "
            + "\"headerRepr\": \"(2,)\", \"delimiter\": null, \"payload\": \"0100\", \"values\": [1], \"repr\": \"(1,)\", "
            + "\"error\": null, \"discarded\": false}\n"),
        (arguments: ["--header-values", "--unpack", "<H", "--dump"], dump: true, first: "(2,) (1,)\n"),
    ])
    func viewsArriveBeforeTheInputEnds(arguments: [String], dump: Bool, first: String) throws {
        let tool = try StreamingTool(["frames"] + arguments)
        let frame: [UInt8] = [0x00, 0x00, 0x00, 0x02, 0x01, 0x00]
        // As dump text, one xxd line per frame: the line is decoded when its newline arrives.
        try tool.write(dump ? Array("00000000: 0000 0002 0100                           ......\n".utf8) : frame)
        #expect(tool.waitForLines(1, timeout: Self.lineTimeout), "no line for the first frame while stdin is open")
        #expect(String(decoding: tool.output, as: UTF8.self) == first)
        let result = try tool.finish(timeout: Self.lineTimeout)
        expectSuccess(result, stdout: first)
    }

    @Test func aFrameSplitAcrossWritesIsPrintedWhenItsLastByteArrives() throws {
        let tool = try StreamingTool(["frames", "--header", "<H"])
        // 05 00 "hello", all but the last byte.
        try tool.write([0x05, 0x00, 0x68, 0x65, 0x6C, 0x6C])
        #expect(!tool.waitForLines(1, timeout: 0.3), "a line before the frame was complete: \(tool.output)")
        try tool.write([0x6F])
        #expect(tool.waitForLines(1, timeout: Self.lineTimeout))
        expectSuccess(try tool.finish(timeout: Self.lineTimeout), stdout: "68656c6c6f\n")
    }

    @Test func anErrorAfterLiveFramesKeepsTheirLines() throws {
        let tool = try StreamingTool(["frames", "--max-frame", "3"])
        try tool.write([0x00, 0x00, 0x00, 0x01, 0x61])
        #expect(tool.waitForLines(1, timeout: Self.lineTimeout))
        try tool.write([0x00, 0x00, 0x00, 0x04])
        let result = try tool.finish(timeout: Self.lineTimeout)
        #expect(result.status == 1)
        #expect(result.stdout == "61\n")
        #expect(result.stderr == "structpack: error: frame length 4 exceeds the maximum of 3 bytes\n")
    }

    /// One-byte writes with a pause after each, so the tool's reads mostly return one byte.
    @Test(arguments: [
        (arguments: [String](), stream: FramesTests.bangI, stdout: FramesTests.bangILines, stderr: ""),
        (arguments: ["--header", "!cI", "--length-adjustment", "-4"],
         stream: [0x5A, 0x00, 0x00, 0x00, 0x05, 0x49] + [0x53, 0x00, 0x00, 0x00, 0x04]
            + [0x51, 0x00, 0x00, 0x00, 0x06, 0x61, 0x62],
         stdout: "49\n\n6162\n", stderr: ""),
        (arguments: ["--delimiter", "0d0a,0a"], stream: Array("one\r\ntwo\n\r\nx\r\r\n".utf8),
         stdout: "6f6e65\n74776f\n\n780d\n", stderr: ""),
        (arguments: ["--varint"], stream: [0x03, 0x61, 0x62, 0x63, 0x00, 0x01, 0xFF], stdout: "616263\n\nff\n",
         stderr: ""),
        (arguments: [String](), stream: [0x00, 0x00, 0x00, 0x02, 0x68, 0x69, 0x00, 0x00, 0x00, 0x09, 0x61, 0x62, 0x63],
         stdout: "6869\n", stderr: "structpack: error: stream ended inside a frame: 7 of 13 bytes buffered\n"),
    ])
    func oneByteWritesGiveTheSameOutput(arguments: [String], stream: [UInt8], stdout: String, stderr: String) throws {
        let tool = try StreamingTool(["frames"] + arguments)
        try tool.write(stream, pieceSize: 1, pause: 0.002)
        let result = try tool.finish(timeout: Self.lineTimeout)
        #expect(result.status == (stderr.isEmpty ? 0 : 1), "\(result)")
        #expect(result.stdout == stdout)
        #expect(result.stderr == stderr)
        // And the same stream delivered at once.
        let whole = try ToolRunner.run(["frames"] + arguments, stdin: .pipe(stream))
        #expect(whole.stdout == stdout)
        #expect(whole.stderr == stderr)
    }
}
