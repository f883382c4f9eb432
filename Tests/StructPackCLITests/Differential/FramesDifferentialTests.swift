import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `structpack frames` against streams Python builds with `struct.pack(header, len(p)) + p`,
/// a delimiter after each payload, or a LEB128 varint before it, cut at a random point: the
/// tool must print exactly the payloads of the frames wholly before the cut, and fail (exit 1,
/// one error line) exactly when the cut falls inside a frame. Skipped without `python3`.
///
/// The seed is `$STRUCTPACK_DIFF_SEED` or a fixed default, so a failure can be replayed.
@Suite("frames against Python-built streams", .enabled(if: AnyPython3.path != nil, "needs python3"))
struct FramesDifferentialTests {
    static let seed = Int(ProcessInfo.processInfo.environment["STRUCTPACK_DIFF_SEED"] ?? "") ?? 20_250_601

    /// Prints one JSON object per case: the options, the stream in hex, the expected lines and
    /// whether the cut fell inside a frame.
    static let generator = #"""
        import json, random, struct, sys

        def varint(n):
            out = bytearray()
            while True:
                low = n & 0x7F
                n >>= 7
                if n:
                    out.append(low | 0x80)
                else:
                    out.append(low)
                    return bytes(out)

        def payload(rng):
            # Now and then one larger than the tool's 64 KiB reads.
            if rng.random() < 0.03:
                return rng.randbytes(rng.randrange(65000, 140000))
            return rng.randbytes(rng.choice([0, 1, 2, 5, 17, 255, 256, rng.randrange(0, 600)]))

        FRAMINGS = [
            ([], lambda p: struct.pack('!I', len(p)) + p),
            (['--header', '<H'], lambda p: struct.pack('<H', len(p)) + p),
            (['--header', 'i'], lambda p: struct.pack('i', len(p)) + p),
            (['--header', '>Q'], lambda p: struct.pack('>Q', len(p)) + p),
            (['--header', '<h'], lambda p: struct.pack('<h', len(p)) + p),
            (['--header', '@bq'], lambda p: struct.pack('@bq', 7, len(p)) + p),
            (['--header', '!cI', '--length-adjustment', '-4'], lambda p: struct.pack('!cI', b'D', len(p) + 4) + p),
            (['--length-adjustment', '-4'], lambda p: struct.pack('!I', len(p) + 4) + p),
            (['--varint'], lambda p: varint(len(p)) + p),
            (['--delimiter', '0a'], b'\n'),
            (['--delimiter', '0d0a'], b'\r\n'),
            (['--delimiter', '00ff00'], b'\x00\xff\x00'),
        ]

        seed, count = int(sys.argv[1]), int(sys.argv[2])
        rng = random.Random(seed)
        for _ in range(count):
            args, frame = rng.choice(FRAMINGS)
            limit = 32767 if args[-1:] == ['<h'] else 65535 if args[-1:] == ['<H'] else None
            stream, ends, payloads = b'', [], []
            for _ in range(rng.choice([0, 1, 2, 3, 8, 40])):
                p = payload(rng)
                if limit is not None:
                    p = p[:limit]
                if isinstance(frame, bytes):
                    # A payload ends at its delimiter only if no delimiter ends earlier: drop
                    # every byte that could start one, or cut the payload before the first.
                    if rng.random() < 0.5:
                        p = p.replace(frame[:1], b'')
                    while (p + frame).find(frame) != len(p):
                        p = p[:(p + frame).find(frame)]
                    wire = p + frame
                else:
                    wire = frame(p)
                stream += wire
                ends.append(len(stream))
                payloads.append(p)
            cut = len(stream) if rng.random() < 0.5 else rng.randrange(0, len(stream) + 1)
            lines = ''.join(p.hex() + '\n' for p, end in zip(payloads, ends) if end <= cut)
            clean = cut == 0 or cut in ends
            print(json.dumps({'args': args, 'stream': stream[:cut].hex(), 'stdout': lines, 'clean': clean}))
        """#

    struct Case: Decodable {
        let args: [String]
        let stream: String
        let stdout: String
        let clean: Bool
    }

    @Test func randomStreams() async throws {
        let python = try #require(AnyPython3.path)
        let count = 240
        let generated = try ToolRunner.run(
            executable: URL(fileURLWithPath: python), ["-c", Self.generator, String(Self.seed), String(count)])
        try #require(generated.status == 0, "the generator failed: \(generated.stderr)")
        let cases = try generated.stdout.split(separator: "\n").map {
            try JSONDecoder().decode(Case.self, from: Data($0.utf8))
        }
        #expect(cases.count == count)
        let failures = try await ConcurrentChecks.failures(of: cases) { try Self.check($0, index: $1) }
        #expect(
            failures.isEmpty,
            "seed \(Self.seed): \(failures.count) of \(count) differ:\n\(failures.prefix(10).joined(separator: "\n"))")
    }

    /// Runs one case, its stream given as a path, a regular file on stdin or a pipe in turn.
    static func check(_ oracle: Case, index: Int) throws -> String? {
        let bytes = try HexDecoderForTests.decode(oracle.stream)
        let result: ToolResult
        switch index % 3 {
        case 0:
            let path = ToolRunner.temporaryFile(bytes)
            defer { try? FileManager.default.removeItem(atPath: path) }
            result = try ToolRunner.run(["frames"] + oracle.args + [path])
        case 1:
            result = try ToolRunner.run(["frames"] + oracle.args, stdin: .file(bytes))
        default:
            result = try ToolRunner.run(["frames"] + oracle.args + ["-"], stdin: .pipe(bytes))
        }
        let errorLines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        let errorIsOneLine = errorLines.count == 2 && errorLines[0].hasPrefix("structpack: error: ")
        let matches =
            result.stdout == oracle.stdout
            && (oracle.clean ? result.status == 0 && result.stderr.isEmpty : result.status == 1 && errorIsOneLine)
        if matches { return nil }
        let expected = oracle.clean ? "success" : "failure"
        return "case \(index) frames \(oracle.args) on \(bytes.count) bytes: expected \(expected) "
            + "with \(oracle.stdout.count) characters of output, got \(result.status), "
            + "\(result.stdout.count) characters (\(result.stdout == oracle.stdout ? "same" : "different")), "
            + "stderr \(result.stderr.debugDescription)"
    }
}

/// Any Python 3: `struct.pack` of lengths is the same in every version, so unlike the
/// CPython 3.13 oracle, these streams need no particular one.
enum AnyPython3 {
    /// The first `python3` on `PATH` (pyenv shims included), else the usual places; `nil` when
    /// there is none.
    static let path: String? = {
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = searchPath.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        return directories.map { $0 + "/python3" }.first { access($0, X_OK) == 0 }
    }()
}

/// Hex decoding for test data, independent of the tool's decoder.
enum HexDecoderForTests {
    static func decode(_ text: String) throws -> [UInt8] {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { throw RunnerError("odd hex") }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else {
                throw RunnerError("bad hex")
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
