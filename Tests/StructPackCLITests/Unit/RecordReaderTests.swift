import StructPack
import StructPackCLICore
import Testing

/// The reader's paths for streams and sources of known size, and its memory bound, in
/// process (a small memory limit stands in for the 2 GiB one).
@Suite("RecordReader")
struct RecordReaderTests {
    static let bytes: [UInt8] = Array(0..<100)

    static func sources() -> [any ByteSource] {
        [MemoryByteSource(bytes), MemoryStreamSource(bytes)]
    }

    @Test(arguments: [nil, 0, 10, 96, -4, -100] as [Int?])
    func recordMatchesUnpackFrom(offset: Int?) throws {
        let format = try Struct(offset == nil ? "100s" : "<I")
        for source in Self.sources() {
            let record = try RecordReader(format: format).record(in: source, offset: offset)
            let expected = offset.map { try? format.unpack(from: Self.bytes, at: $0) } ?? (try? format.unpack(Self.bytes))
            #expect(try format.unpack(record.bytes) == expected)
        }
    }

    @Test(arguments: [nil, 97, -3, -101] as [Int?])
    func errorsMatchUnpackFrom(offset: Int?) throws {
        let format = try Struct("<I")
        var expected = ""
        do throws(StructError) {
            if let offset {
                _ = try format.unpack(from: Self.bytes, at: offset)
            } else {
                _ = try format.unpack(Self.bytes)
            }
        } catch {
            expected = error.message
        }
        for source in Self.sources() {
            #expect(throws: ToolError.failure(expected)) { try RecordReader(format: format).record(in: source, offset: offset) }
        }
    }

    /// Streams longer than one 64 KiB read: a record near the start is read without keeping the
    /// rest, one at a negative offset from the window of the last bytes, including when the
    /// window was trimmed right after the last read (131,072 bytes is exactly two reads).
    @Test(arguments: [0, 10, 70_000, -4, -5, -8, -70_000])
    func recordsOfLongStreams(offset: Int) throws {
        let format = try Struct("<I")
        for length in [131_072, 200_001] {
            let long = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) }
            let record = try RecordReader(format: format).record(in: MemoryStreamSource(long), offset: offset)
            let start = offset >= 0 ? offset : length + offset
            #expect(record.start == start, "length \(length)")
            #expect(record.bytes == Array(long[start..<(start + 4)]), "length \(length)")
        }
    }

    @Test func streamsBeyondTheMemoryLimitFail() throws {
        let format = try Struct("<I")
        let limited = RecordReader(format: format, memoryLimit: 64)
        let long = (0..<200_000).map { UInt8(truncatingIfNeeded: $0) }
        let message = "input stream is longer than structpack holds in memory (64 bytes); give a regular file with --file instead"
        // A negative offset reaching further back than the limit cannot be served from a long
        // stream (only a bounded window of its end is kept)…
        #expect(throws: ToolError.failure(message)) { try limited.record(in: MemoryStreamSource(long), offset: -150_000) }
        // …but the same offset works on a source of known size, and a near one on the stream.
        #expect(try limited.record(in: MemoryByteSource(long), offset: -150_000).start == 50_000)
        let near = try limited.record(in: MemoryStreamSource(long), offset: -8)
        #expect(near.start == 199_992)
        #expect(near.bytes == Array(long[199_992..<199_996]))
        // --iter over a stream longer than the limit.
        #expect(throws: ToolError.failure(message)) {
            try limited.forEachRecord(in: MemoryStreamSource(Self.bytes)) { _ in }
        }
        // A record larger than the limit.
        #expect(throws: ToolError.failure("a record of 100 bytes is more than structpack reads into memory (64 bytes)")) {
            try RecordReader(format: try Struct("100s"), memoryLimit: 64).record(in: MemoryByteSource(Self.bytes), offset: nil)
        }
    }

    @Test func iterationOfKnownSourcesIsBatched() throws {
        var seen: [[StructValue]] = []
        try RecordReader(format: try Struct("<H"), memoryLimit: 8).forEachRecord(in: MemoryByteSource(Self.bytes)) {
            seen.append($0)
        }
        #expect(seen == (try Struct("<H").iterUnpack(Self.bytes)).map { Array($0) })
    }
}

/// Splitting arguments into options and positionals.
@Suite("ArgumentParser")
struct ArgumentParserTests {
    static let options: [OptionSpec] = [.flag("raw"), .value("offset", "N")]

    @Test func optionsAnywhereAndNegativeNumbersArePositional() throws {
        let parsed = try ArgumentParser.parse(["<h", "-5", "--raw", "--offset", "-3", "-inf", "-"], options: Self.options, usage: "u")
        #expect(parsed.positionals == ["<h", "-5", "-inf", "-"])
        #expect(parsed.flags == ["raw"])
        #expect(parsed.values == ["offset": "-3"])
    }

    @Test func doubleDashEndsOptions() throws {
        let parsed = try ArgumentParser.parse(["--", "--raw", "-h"], options: Self.options, usage: "u")
        #expect(parsed.positionals == ["--raw", "-h"])
        #expect(!parsed.wantsHelp)
    }

    @Test func errors() {
        #expect(throws: ToolError.usage("unknown option '--x'", usage: "u")) {
            try ArgumentParser.parse(["--x=1"], options: Self.options, usage: "u")
        }
        #expect(throws: ToolError.usage("option --offset needs a value N", usage: "u")) {
            try ArgumentParser.parse(["--offset"], options: Self.options, usage: "u")
        }
    }

    @Test func errorLinesAreAlwaysOneLine() {
        let error = ToolError.failure("bad\nthing\u{1}\r")
        #expect(error.standardErrorText == "structpack: error: bad\\nthing\\x01\\r\n")
    }
}
