import Foundation
import StructPackCLICore
import Testing

/// `DumpDecoder` and `DumpByteSource` on dumps written by the real tools (committed in
/// `Dumps/`, written by `Dumps/generate_dumps.sh`), on Wireshark copies typed out by hand from
/// Wireshark's layout, and on broken dumps (SPEC §2.7).
@Suite("Dump text (in process)")
struct DumpDecoderTests {
    /// The bytes every golden dump shows: 00…ff, 64 zero bytes, "Dump's end.".
    static let sample: [UInt8] = (0...255).map { UInt8($0) } + [UInt8](repeating: 0, count: 64) + Array("Dump's end.".utf8)

    static let dumps = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Dumps")

    static func golden(_ name: String) throws -> String {
        try String(contentsOf: dumps.appendingPathComponent(name), encoding: .utf8)
    }

    /// Decodes `text` through a `DumpByteSource`, whole.
    static func decode(_ text: String) throws(ToolError) -> [UInt8] {
        try DumpByteSource(text: MemoryByteSource(Array(text.utf8))).readNext(upTo: Int.max)
    }

    /// Decodes `text` fed to the decoder in pieces of `size` bytes.
    static func decode(_ text: String, inPiecesOf size: Int) throws(DumpError) -> [UInt8] {
        var decoder = DumpDecoder()
        var pieces: [DumpDecoder.Piece] = []
        let utf8 = Array(text.utf8)
        var start = 0
        while start < utf8.count {
            try decoder.decode(utf8[start..<min(start + size, utf8.count)], into: &pieces)
            start += size
        }
        try decoder.finish(into: &pieces)
        return pieces.flatMap { (piece) -> [UInt8] in
            switch piece {
            case .bytes(let bytes): bytes
            case .repeated(let pattern, let count): Array([[UInt8]](repeating: pattern, count: count).joined())
            }
        }
    }

    @Test(arguments: [
        (file: "xxd.txt", layout: DumpLayout.xxd, start: 0),
        (file: "xxd-g1-u.txt", layout: .xxd, start: 0),
        (file: "xxd-c24-g4.txt", layout: .xxd, start: 0),
        (file: "xxd-a.txt", layout: .xxd, start: 0),
        (file: "xxd-s130.txt", layout: .xxd, start: 0x130),
        (file: "xxd-p.txt", layout: .bare, start: 0),
        (file: "hexdump-C.txt", layout: .offsetColumn, start: 0),
        (file: "od-v.txt", layout: .bare, start: 0),
    ])
    func goldenDumpsGiveTheSampleBack(file: String, layout: DumpLayout, start: Int) throws {
        let text = try Self.golden(file)
        let expected = Array(Self.sample[start...])
        #expect(try Self.decode(text) == expected)
        for size in [1, 7, 100] {
            #expect(try Self.decode(text, inPiecesOf: size) == expected, "pieces of \(size)")
        }
        var decoder = DumpDecoder()
        var pieces: [DumpDecoder.Piece] = []
        try decoder.decode(Array(text.utf8), into: &pieces)
        #expect(decoder.layout == layout)
        // Text bytes.fromhex refuses is recognized as a dump; xxd -p and od -v are plain hex.
        let isPlainHex = (try? HexDecoder.decode(text)) != nil
        #expect(isPlainHex == (layout == .bare))
        #expect(isPlainHex || DumpLayout.isRecognizable(text))
    }

    @Test func odShortensRepeatsWhichCannotBeCounted() throws {
        // od.txt line 17 is '*' (lines 16 to 19 of od -v are identical).
        #expect(throws: ToolError.failure(
            "invalid dump: line 18, column 1: '*' stands for repeated lines, but a dump without offsets "
                + "cannot say how many (od shortens repeats unless run with -v)")
        ) { try Self.decode(try Self.golden("od.txt")) }
        #expect(DumpLayout.isRecognizable(try Self.golden("od.txt")))
    }

    // MARK: Wireshark

    /// Bytes 51 00 00 00 0d "SELECT 1" 00 (PostgreSQL's Query), 5a 00 00 00 05 49
    /// (ReadyForQuery): 20 bytes.
    static let postgres: [UInt8] =
        [0x51, 0x00, 0x00, 0x00, 0x0D] + Array("SELECT 1".utf8) + [0x00, 0x5A, 0x00, 0x00, 0x00, 0x05, 0x49]

    /// Wireshark's "Copy Bytes as Hex + ASCII Dump" of `postgres`, written out from its layout:
    /// a 4-digit offset, two spaces, " xx" per byte, three spaces, the ASCII column (printable
    /// ASCII as itself, other bytes as '.'); the last line padded by three spaces per missing
    /// byte so its ASCII column lines up.
    static let wiresharkHexAndASCII =
        "0000   51 00 00 00 0d 53 45 4c 45 43 54 20 31 00 5a 00   Q....SELECT 1.Z.\n"
        + "0010   00 00 05 49" + String(repeating: " ", count: 3 + 12 * 3) + "...I\n"

    /// Wireshark's "…as Hex Dump": the same without the ASCII column.
    static let wiresharkHex =
        "0000   51 00 00 00 0d 53 45 4c 45 43 54 20 31 00 5a 00\n"
        + "0010   00 00 05 49\n"

    /// The older two-column layout (an extra space after eight bytes), as Wireshark's
    /// "Export Packet Bytes as text" and many pasted examples show it.
    static let wiresharkTwoColumns =
        "0000  51 00 00 00 0d 53 45 4c  45 43 54 20 31 00 5a 00   Q....SELECT 1.Z.\n"
        + "0010  00 00 05 49                                        ...I\n"

    @Test(arguments: [wiresharkHexAndASCII, wiresharkHex, wiresharkTwoColumns])
    func wiresharkCopies(text: String) throws {
        #expect(try Self.decode(text) == Self.postgres)
        #expect(try Self.decode(text, inPiecesOf: 3) == Self.postgres)
    }

    @Test func wiresharkWithASCIIIsRecognizedButHexOnlyIsPlainHex() throws {
        // With the ASCII column the text is not hex ("Q....SELECT"): recognized as a dump.
        #expect((try? HexDecoder.decode(Self.wiresharkHexAndASCII)) == nil)
        #expect(DumpLayout.isRecognizable(Self.wiresharkHexAndASCII))
        // Without it, it is valid hex (the offsets read as bytes): only --dump reads it as a dump.
        #expect(try HexDecoder.decode(Self.wiresharkHex).prefix(4) == [0x00, 0x00, 0x51, 0x00])
    }

    // MARK: Shapes

    @Test func hexLikeASCIIColumnsAreIgnored() throws {
        // The ASCII of 61 62 20 63 64 is "ab cd": hex digits, after the layout's gap.
        let bytes: [UInt8] = [0x61, 0x62, 0x20, 0x63, 0x64]
        #expect(try Self.decode("00000000: 6162 2063 64                             ab cd\n") == bytes)
        #expect(try Self.decode("00000000  61 62 20 63 64                                    |ab cd|\n00000005\n") == bytes)
        #expect(try Self.decode("0000   61 62 20 63 64" + String(repeating: " ", count: 36) + "ab cd") == bytes)
    }

    @Test func crlfBlankLinesAndNoFinalNewline() throws {
        #expect(try Self.decode("\n\r\n00000000: 0102 03  ...\r\n\r\n00000003: 04  .") == [1, 2, 3, 4])
        #expect(try Self.decode(" 01 02\r\n\n 03") == [1, 2, 3])
        #expect(try Self.decode("") == [])
        #expect(try Self.decode("\n  \n") == [])
    }

    @Test func aHugeRepeatIsExpandedOnlyAsItIsRead() throws {
        // '*' repeating a 16-byte line up to offset 2^40: a terabyte, read 64 bytes at a time.
        let text = "00000000  00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f  |................|\n*\n"
            + "10000000000  ff                                                 |.|\n"
        let source = DumpByteSource(text: MemoryByteSource(Array(text.utf8)))
        let first = try source.readNext(upTo: 40)
        #expect(first == (0..<40).map { UInt8($0 % 16) })
        var buffer = [UInt8](repeating: 0xEE, count: 8)
        let count = try buffer.withUnsafeMutableBytes { (raw) throws(ToolError) in try source.readAvailable(into: raw) }
        #expect(count == 8)
        #expect(buffer == [8, 9, 10, 11, 12, 13, 14, 15])
    }

    // MARK: Errors

    @Test(arguments: [
        // xxd with its second line removed: the third line's offset skips 16 bytes.
        (text: "00000000: 0001  ..\n00000012: 0203  ..\n", error: "line 2: offset 0x12 does not continue the dump (expected 0x2)"),
        // hexdump's length line must be the number of bytes.
        (text: "00000000  01 02  |..|\n00000003\n", error: "line 2: offset 0x3 does not continue the dump (expected 0x2)"),
        (text: "00000000  01 02 03 04  |....|\n*\n00000006  ff  |.|\n",
         error: "line 3: offset 0x6 is not a whole number of repeats of the 4 bytes that '*' on line 2 repeats from 0x4"),
        (text: "00000000  01 02 03 04  |....|\n*\n00000002  ff  |.|\n",
         error: "line 3: offset 0x2 is not a whole number of repeats of the 4 bytes that '*' on line 2 repeats from 0x4"),
        (text: "00000000  01 02  |..|\n*\n", error: "line 2: the dump ends with '*': no offset follows to say how far the line repeats"),
        (text: "*\n00000000: 00", error: "line 1, column 1: '*' stands for repeated lines, but a dump without offsets cannot say how many (od shortens repeats unless run with -v)"),
        // An offset alone has no bytes for '*' to repeat.
        (text: "00000000: 01  .\n00000001:\n*\n00000020: 00", error: "line 3: '*' has no line of bytes before it to repeat"),
        (text: "00000000: 01  .\n00000001:02", error: "line 2, column 10: expected a space after the colon, found '0'"),
        (text: "00000000: 010 2  ...", error: "line 1, column 11: the group '010' has an odd number of digits"),
        (text: "00000000: 0102 0g  ..", error: "line 1, column 17: expected a hexadecimal digit or a space, found 'g'"),
        (text: "00000000: 0102\n 03 04\n", error: "line 2, column 1: expected an offset (hexadecimal digits), found ' '"),
        (text: "00000000: 0102\n00000002  03\n", error: "line 2, column 9: expected ':' after the offset, found ' '"),
        (text: "00000000  01 0z  |..|", error: "line 1, column 15: expected a byte (two hexadecimal digits), found 'z'"),
        (text: "00000000  01 023  |..|", error: "line 1, column 16: expected a space after a byte, found '3'"),
        (text: "00000000  01\n00000001 02\n", error: "line 2, column 10: expected two spaces after the offset, found '0'"),
        (text: "00000000  01\n12345678901234567  02\n", error: "line 2: the offset has more than 16 digits"),
        (text: "00000000  01\n8000000000000000  02\n", error: "line 2: offset 0x8000000000000000 is too large"),
        (text: "01 02\n03 0\n", error: "line 2, column 5: expected a hexadecimal digit, found the end of the line"),
        (text: " 01 02 é", error: "line 1, column 8: expected a hexadecimal digit, found byte 0xc3"),
        (text: " 01 0 2", error: "line 1, column 6: expected a hexadecimal digit, found ' '"),
    ])
    func brokenDumps(text: String, error: String) {
        #expect(throws: ToolError.failure("invalid dump: " + error)) { try Self.decode(text) }
        // Fed a byte at a time, the same error.
        #expect(throws: DumpError.self) { try Self.decode(text, inPiecesOf: 1) }
    }

    @Test func linesOfOffsetLayoutsAreBounded() throws {
        let long = "00000000: " + String(repeating: "00", count: DumpDecoder.maximumLineLength)
        #expect(throws: ToolError.failure("invalid dump: line 1: the line is longer than 65536 characters")) {
            try Self.decode(long)
        }
        // Bare lines are decoded as they come and may be any length.
        let bare = String(repeating: "ab", count: DumpDecoder.maximumLineLength)
        #expect(try Self.decode(bare).count == DumpDecoder.maximumLineLength)
    }
}
