import Foundation
import Testing

/// `inspect --annotate` (SPEC §2.4): xxd's layout with `|` at every row boundary and each row's
/// code and value after the ASCII column, coloured on a terminal. Every expected line below is
/// laid out by hand from the SPEC's columns: `OFFSET:`, then for each of 16 positions a mark
/// column (`|` or a space) and two hex digits (or two spaces), a 17th mark column, a space, 16
/// ASCII characters (`.` for bytes outside 0x20…0x7e, a space where there is no byte), two
/// spaces and the labels; trailing spaces are dropped. Values are CPython's
/// (struct.unpack_from('<HI', b, 14) == (1, 2)).
@Suite("inspect --annotate (end to end)")
struct AnnotatedDumpTests {
    static func spaces(_ count: Int) -> String { String(repeating: " ", count: count) }

    @Test func theSpecExample() throws {
        // B, x, 2 bytes of alignment, I, 2s, ? on one line; the data ends at position 11.
        expectSuccess(
            try ToolRunner.run(["inspect", "--annotate", "@BxI2s?", "07", "00", "0000", "2a000000", "6162", "01"]),
            stdout: "format '@BxI2s?': 11 bytes, 4 values; native byte order (little-endian), native sizes and alignment\n"
                + "00000000:|07|00|00 00|2a 00 00 00|61 62|01|" + Self.spaces(2 + 4 * 3 + 1 + 1) + "....*...ab."
                + Self.spaces(5 + 2) + "B 7  x (pad)  (alignment)  I 42  2s b'ab'  ? True\n")
    }

    @Test func aRecordAtAnOffsetCrossingALine() throws {
        // Bytes 0…13 are not inspected (blank); H at 14, I at 16 on the next line.
        let hex = String(repeating: "00", count: 14) + "0100" + "02000000"
        expectSuccess(
            try ToolRunner.run(["inspect", "--annotate", "--offset", "14", "<HI", hex]),
            stdout: "format '<HI': 6 bytes, 2 values; little-endian, standard sizes, no alignment; record at offset 14\n"
                // 14 blank positions of 3 columns, then |01 00| (the boundary at 16 ends the line).
                + "00000000:" + Self.spaces(42) + "|01 00|" + " " + Self.spaces(14) + ".." + "  H 1\n"
                // The boundary at 16 also starts the next line; I ends at 20, position 4.
                + "00000010:|02 00 00 00|" + Self.spaces(2 + 11 * 3 + 1 + 1) + "...." + Self.spaces(12 + 2) + "I 2\n")
    }

    @Test func aLongFieldSpansLinesWithOneLabel() throws {
        expectSuccess(
            try ToolRunner.run(["inspect", "--annotate", "20s", String(repeating: "41", count: 20)]),
            stdout: "format '20s': 20 bytes, 1 value; native byte order (little-endian), native sizes and alignment\n"
                + "00000000:|41" + String(repeating: " 41", count: 15) + "  " + String(repeating: "A", count: 16)
                + "  20s b'AAAAAAAAAAAAAAAAAAAA'\n"
                + "00000010: 41 41 41 41|" + Self.spaces(2 + 11 * 3 + 1 + 1) + "AAAA\n")
        // Values over 40 characters are cut.
        let long = try ToolRunner.run(["inspect", "--annotate", "50s", String(repeating: "61", count: 50)])
        #expect(long.status == 0)
        #expect(long.stdout.contains("  50s b'" + String(repeating: "a", count: 37) + "…\n"))
    }

    @Test func whereTheDataEndsAndTrailingBytes() throws {
        let short = try ToolRunner.run(["inspect", "--annotate", "<IH", "0100000002"])
        #expect(short.status == 1)
        #expect(short.stderr == "structpack: error: unpack requires a buffer of 6 bytes\n")
        #expect(
            short.stdout == "format '<IH': 6 bytes, 2 values; little-endian, standard sizes, no alignment\n"
                + "00000000:|01 00 00 00|02|" + Self.spaces(2 + 10 * 3 + 1 + 1) + "....." + Self.spaces(11 + 2)
                + "I 1  H (data ends: 1 of 2 bytes)\n")
        let long = try ToolRunner.run(["inspect", "--annotate", "<B", "07", "0506"])
        #expect(long.status == 1)
        #expect(
            long.stdout == "format '<B': 1 bytes, 1 value; little-endian, standard sizes, no alignment\n"
                + "00000000:|07|05 06|" + Self.spaces(2 + 12 * 3 + 1 + 1) + "..." + Self.spaces(13 + 2)
                + "B 7  (trailing: 2 bytes after the record)\n")
    }

    @Test func recordsAreNumberedWithIter() throws {
        let result = try ToolRunner.run(["inspect", "--annotate", "--iter", "<HB", "0100020200030300"])
        #expect(result.status == 1)
        #expect(
            result.stdout
                == "format '<HB': 3 bytes, 2 values; little-endian, standard sizes, no alignment; 2 records and 2 more bytes in 8 bytes\n"
                + "00000000:|01 00|02|02 00|03|03 00|" + Self.spaces(2 + 7 * 3 + 1 + 1) + "........" + Self.spaces(8 + 2)
                + "#0 H 1  B 2  #1 H 2  B 3  #2 H 3  B (data ends: 0 of 1 byte)\n")
    }

    @Test func colourAlways() throws {
        let escape = "\u{1B}["
        let bar = escape + "2m|" + escape + "0m"
        expectSuccess(
            try ToolRunner.run(["inspect", "--annotate", "--color", "always", "<BxB", "010002"]),
            stdout: "format '<BxB': 3 bytes, 2 values; little-endian, standard sizes, no alignment\n"
                + "00000000:" + bar + escape + "36m01" + escape + "0m" + bar + escape + "2m00" + escape + "0m" + bar + escape
                + "33m02" + escape + "0m" + bar + Self.spaces(2 + 12 * 3 + 1 + 1) + escape + "36m." + escape + "0m" + escape
                + "2m." + escape + "0m" + escape + "33m." + escape + "0m" + Self.spaces(13 + 2) + escape + "36mB 1"
                + escape + "0m  " + escape + "2mx (pad)" + escape + "0m  " + escape + "33mB 2" + escape + "0m\n")
        let never = try ToolRunner.run(["inspect", "--annotate", "--color=never", "<BxB", "010002"])
        #expect(!never.stdout.contains("\u{1B}"))
        // Piped (as here), auto means no colour.
        #expect(!(try ToolRunner.run(["inspect", "--annotate", "<BxB", "010002"])).stdout.contains("\u{1B}"))
    }

    /// On a terminal (a pseudo-terminal made by `script`), colours are on unless NO_COLOR is
    /// set to something non-empty (https://no-color.org).
    @Test(.enabled(if: InstalledTool.exists("script"), "needs script (util-linux)"))
    func colourOnATerminalUnlessNoColor() throws {
        guard let executable = ToolRunner.executable else { throw RunnerError("no executable") }
        func onTerminal(_ environment: String) throws -> String {
            let command = "env -u NO_COLOR \(environment) '\(executable.path)' inspect --annotate '<B' 07"
            let result = try ToolRunner.run(executable: URL(fileURLWithPath: "/usr/bin/env"), ["script", "-qec", command, "/dev/null"])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("B 7"), "\(result)")
            return result.stdout
        }
        #expect(try onTerminal("").contains("\u{1B}[36m07\u{1B}[0m"))
        #expect(try onTerminal("NO_COLOR=").contains("\u{1B}[36m07"), "an empty NO_COLOR does not count")
        #expect(!(try onTerminal("NO_COLOR=1")).contains("\u{1B}[36m"))
    }
}
