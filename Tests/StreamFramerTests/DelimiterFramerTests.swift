import StreamFramer
import Testing

@Suite("DelimiterFramer")
struct DelimiterFramerTests {
    static let newline: [UInt8] = [0x0A]
    static let crlf: [UInt8] = [0x0D, 0x0A]

    static func lines(_ texts: String...) -> [[UInt8]] { texts.map { Array($0.utf8) } }

    @Test func newlineStrippedByDefault() throws {
        let outcome = run(DelimiterFramer.self, try DelimiterConfiguration(), Array(utf8: "one\n\ntwo\n"))
        #expect(outcome == Outcome(frames: Self.lines("one", "", "two")))
    }

    @Test func keepsDelimiterWhenAsked() throws {
        let configuration = try DelimiterConfiguration(delimiters: [Self.newline, Self.crlf], keepsDelimiter: true)
        let outcome = run(DelimiterFramer.self, configuration, Array(utf8: "one\r\ntwo\n"))
        #expect(outcome == Outcome(frames: Self.lines("one\r\n", "two\n")))
    }

    @Test func newlineAndCRLFTogetherTheLongestWinsAtTheSameEnd() throws {
        var framer = try DelimiterFramer(delimiters: [Self.newline, Self.crlf])
        framer.append(Array(utf8: "one\r\ntwo\nthree\r\n"))
        let one = try #require(try framer.next())
        #expect(Array(one.payload) == Array(utf8: "one"))
        #expect(Array(one.delimiter) == Self.crlf)
        #expect(one.wireCount == 5)
        let two = try #require(try framer.next())
        #expect(Array(two.payload) == Array(utf8: "two"))
        #expect(Array(two.delimiter) == Self.newline)
        let three = try #require(try framer.next())
        #expect(Array(three.payload) == Array(utf8: "three"))
        #expect(try framer.next() == nil)
    }

    @Test func theDelimiterThatEndsFirstWins() throws {
        // "bc" ends at byte 4 of "xabcd", before "abcd" ends at byte 5.
        let configuration = try DelimiterConfiguration(delimiters: [Array(utf8: "abcd"), Array(utf8: "bc")])
        let outcome = run(DelimiterFramer.self, configuration, Array(utf8: "xabcdyz-abcd"), finish: false)
        #expect(outcome.frames == Self.lines("xa", "dyz-a"))
        // CR alone and CRLF: CR ends first, so the LF starts the next frame.
        let crFirst = run(DelimiterFramer.self, try DelimiterConfiguration(delimiters: [[0x0D], Self.crlf]), Array(utf8: "a\r\nb\r"))
        #expect(crFirst.frames == Self.lines("a", "\nb"))
    }

    @Test func delimitersDoNotOverlapThePreviousDelimiter() throws {
        let configuration = try DelimiterConfiguration(delimiter: Array(utf8: "aa"))
        let outcome = run(DelimiterFramer.self, configuration, Array(utf8: "aaaaxaa"), .bytes)
        #expect(outcome == Outcome(frames: Self.lines("", "", "x")))
        let odd = run(DelimiterFramer.self, configuration, Array(utf8: "aaa"))
        #expect(odd.frames == Self.lines(""))
        #expect(odd.error == FramingError(.unterminatedFrame, "stream ended with 1 bytes after the last delimiter and no delimiter"))
    }

    /// Scanning resumes where the last call stopped: fed one byte at a time, every byte of a
    /// long line is examined once, not once per call.
    @Test func scanningResumesWhereItStopped() throws {
        var framer = try DelimiterFramer(delimiters: [Self.newline, Self.crlf])
        let stream = [UInt8](repeating: 0x61, count: 3000) + Self.crlf + Array(utf8: "b\n")
        var frames: [[UInt8]] = []
        for byte in stream {
            framer.append([byte])
            while let frame = try framer.next() { frames.append(Array(frame.payload)) }
        }
        #expect(frames == [[UInt8](repeating: 0x61, count: 3000), Array(utf8: "b")])
        #expect(framer.statistics.bytesScanned == 3004)  // 3000 + CR LF + "b" + LF
    }

    @Test func arbitraryBinaryDelimiter() throws {
        let configuration = try DelimiterConfiguration(delimiter: [0x00, 0xFF, 0x00])
        let stream: [UInt8] = [1, 0, 2, 0, 0xFF, 0, 0xFF, 0, 0xFF, 0x00]
        let outcome = run(DelimiterFramer.self, configuration, stream, .bytes)
        #expect(outcome == Outcome(frames: [[1, 0, 2], [0xFF]]))
    }

    @Test func maximumLengthIsInclusiveAndCheckedWhenTheDelimiterArrives() throws {
        // With "\r\n" configured (L = 2), a "\n" ending the 7th byte is within maximum + L bytes,
        // so the exact length is known and reported, however the stream is chunked.
        let configuration = try DelimiterConfiguration(delimiters: [Self.newline, Self.crlf], maximumFrameLength: 5)
        #expect(run(DelimiterFramer.self, configuration, Array(utf8: "12345\n")) == Outcome(frames: Self.lines("12345")))
        for chunking in allChunkings {
            let over = run(DelimiterFramer.self, configuration, Array(utf8: "ok\n123456\nlater\n"), chunking)
            #expect(over.frames == Self.lines("ok"))
            #expect(over.error == FramingError(.frameTooLong, "frame length 6 exceeds the maximum of 5 bytes"))
        }
        // A delimiter ending after maximum + L bytes: reported as no delimiter in time, whether
        // it came in the same chunk or later.
        for chunking in allChunkings {
            let late = run(DelimiterFramer.self, configuration, Array(utf8: "1234567\n"), chunking)
            #expect(late.error == FramingError(.frameTooLong, "frame length exceeds the maximum of 5 bytes: no delimiter in the first 7 bytes"))
        }
    }

    @Test func overLongFrameFailsAsSoonAsItIsCertain() throws {
        var framer = try DelimiterFramer(delimiters: [Self.newline], maximumFrameLength: 5)
        framer.append(Array(utf8: "12345"))
        #expect(try framer.next() == nil)
        framer.append(Array(utf8: "6"))
        #expect(throws: FramingError(.frameTooLong, "frame length exceeds the maximum of 5 bytes: no delimiter in the first 6 bytes")) {
            try framer.next()
        }
        // With "\r\n" a sixth byte may be the '\r' of a delimiter ending the 5-byte frame.
        var crlf = try DelimiterFramer(delimiters: [Self.crlf], maximumFrameLength: 5)
        crlf.append(Array(utf8: "123456"))
        #expect(try crlf.next() == nil)
        crlf.append(Array(utf8: "7"))
        #expect(throws: FramingError(.frameTooLong, "frame length exceeds the maximum of 5 bytes: no delimiter in the first 7 bytes")) {
            try crlf.next()
        }
        var exact = try DelimiterFramer(delimiters: [Self.crlf], maximumFrameLength: 5)
        exact.append(Array(utf8: "12345\r"))
        #expect(try exact.next() == nil)
        exact.append(Self.newline)
        #expect(try exact.next().map { Array($0.payload) } == Array(utf8: "12345"))
    }

    @Test func failModeIsSticky() throws {
        var framer = try DelimiterFramer(delimiters: [Self.newline], maximumFrameLength: 2)
        framer.append(Array(utf8: "abc\nd\n"))
        let error = FramingError(.frameTooLong, "frame length exceeds the maximum of 2 bytes: no delimiter in the first 3 bytes")
        #expect(throws: error) { try framer.next() }
        #expect(throws: error) { try framer.next() }
        framer.append(Array(utf8: "e\n"))
        #expect(framer.bufferedByteCount == 0)
        #expect(throws: error) { try framer.finish() }
    }

    @Test func skipModeResynchronisesAtTheNextDelimiter() throws {
        let configuration = try DelimiterConfiguration(maximumFrameLength: 4, overlongFrames: .skipToNextDelimiter)
        for chunking in allChunkings {
            var framer = DelimiterFramer(configuration)
            let stream = Array(utf8: "ok\n" + String(repeating: "x", count: 100) + "\nnext\n" + "toolong\n" + "end\n")
            var frames: [[UInt8]] = []
            var errors: [FramingError] = []
            var offset = 0
            for size in chunking.chunkSizes(total: stream.count) {
                framer.append(stream[offset..<(offset + size)])
                offset += size
                while true {
                    do {
                        guard let frame = try framer.next() else { break }
                        frames.append(Array(frame.payload))
                    } catch {
                        errors.append(error)
                    }
                }
                #expect(framer.bufferedByteCount <= 4 + size, "discarding keeps memory bounded (\(chunking))")
            }
            #expect(try framer.finish() == nil)
            #expect(frames == Self.lines("ok", "next", "end"), "\(chunking)")
            #expect(errors.count == 2, "\(chunking)")
            #expect(errors.allSatisfy { $0.code == .frameTooLong })
        }
    }

    @Test func discardingStateBuffersAtMostTheLongestDelimiterMinusOne() throws {
        var framer = try DelimiterFramer(
            delimiters: [Array(utf8: "END!")], maximumFrameLength: 8, overlongFrames: .skipToNextDelimiter)
        framer.append([UInt8](repeating: 0x78, count: 20))
        #expect(throws: FramingError.self) { try framer.next() }
        for _ in 0..<1000 {
            framer.append([UInt8](repeating: 0x79, count: 50))
            #expect(try framer.next() == nil)
            #expect(framer.bufferedByteCount == 3)
        }
        framer.append(Array(utf8: "EN"))
        framer.append(Array(utf8: "D!ok"))
        #expect(try framer.next() == nil)
        framer.append(Array(utf8: "END!"))
        #expect(try framer.next().map { Array($0.payload) } == Array(utf8: "ok"))
    }

    /// The chunk that makes a frame over-long may end with the start of a delimiter: discarding
    /// keeps its last `L - 1` bytes from the start, so the delimiter completed by the next chunk
    /// still ends the discarded frame.
    @Test func delimiterSplitAcrossTheChunkThatStartsDiscarding() throws {
        var framer = try DelimiterFramer(
            delimiters: [Array(utf8: "END!")], maximumFrameLength: 8, overlongFrames: .skipToNextDelimiter)
        // 12 = maximum + L bytes and no delimiter: over-long; "END" may begin one.
        framer.append(Array(utf8: "xxxxxxxxxEND"))
        let message = "frame length exceeds the maximum of 8 bytes: no delimiter in the first 12 bytes"
        #expect(throws: FramingError(.frameTooLong, message)) { try framer.next() }
        #expect(framer.bufferedByteCount == 3)
        framer.append(Array(utf8: "!okEND!"))
        #expect(try framer.next().map { Array($0.payload) } == Array(utf8: "ok"))
        #expect(try framer.next() == nil)
    }

    @Test func unterminatedTailIsAnErrorByDefault() throws {
        let outcome = run(DelimiterFramer.self, try DelimiterConfiguration(), Array(utf8: "a\nbcd"))
        #expect(outcome.frames == Self.lines("a"))
        let error = try #require(outcome.error)
        #expect(error == FramingError(.unterminatedFrame, "stream ended with 3 bytes after the last delimiter and no delimiter"))
        #expect(error.bufferedByteCount == 3)
    }

    @Test func unterminatedTailAsFinalFrame() throws {
        let configuration = try DelimiterConfiguration(keepsDelimiter: true, endOfStream: .finalFrame)
        var framer = DelimiterFramer(configuration)
        framer.append(Array(utf8: "a\nbcd"))
        #expect(try framer.finish().map { Array($0.bytes) } == Array(utf8: "a\n"))
        let last = try #require(try framer.finish())
        #expect(Array(last.bytes) == Array(utf8: "bcd"))
        #expect(last.delimiter.isEmpty)
        #expect(try framer.finish() == nil)
        // A clean end needs nothing buffered; the framer is reusable.
        framer.append(Array(utf8: "e\n"))
        #expect(try framer.next().map { Array($0.payload) } == Array(utf8: "e"))
    }

    @Test func finalFrameOverTheMaximumIsAnError() throws {
        let configuration = try DelimiterConfiguration(delimiters: [Self.crlf], maximumFrameLength: 3, endOfStream: .finalFrame)
        // 4 bytes: not yet certainly too long while a "\r\n" could follow, certain at the end.
        let outcome = run(DelimiterFramer.self, configuration, Array(utf8: "abcd"))
        #expect(outcome.error == FramingError(.frameTooLong, "frame length 4 exceeds the maximum of 3 bytes"))
    }

    @Test func configurationErrors() throws {
        #expect(throws: FramingError(.invalidConfiguration, "at least one delimiter is required")) {
            try DelimiterConfiguration(delimiters: [])
        }
        #expect(throws: FramingError(.invalidConfiguration, "a delimiter cannot be empty")) {
            try DelimiterConfiguration(delimiters: [[0x0A], []])
        }
        #expect(throws: FramingError(.invalidConfiguration, "a delimiter of 4097 bytes is longer than the maximum of 4096")) {
            try DelimiterConfiguration(delimiter: [UInt8](repeating: 1, count: 4097))
        }
        #expect(throws: FramingError.self) { try DelimiterConfiguration(maximumFrameLength: -1) }
    }
}
