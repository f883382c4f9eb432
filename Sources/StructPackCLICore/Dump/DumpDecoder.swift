/// Turns hex-dump text (SPEC §2.7) back into the bytes it shows, a piece of text at a time, so a
/// dump of any size is decoded in bounded memory and a dump arriving through a pipe is decoded
/// line by line as it comes.
///
/// ```
/// 00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|
/// *                                                            → 16 zero bytes × 6
/// 00000060  00 00 00 00 61 62                                 |....ab|
/// 00000066                                                     → the length, checked
/// ```
///
/// The first non-blank line fixes the ``DumpLayout``. Lines of the offset layouts are held
/// whole (at most ``maximumLineLength`` characters) and checked against the offsets: each
/// line's offset must be the first line's plus the bytes decoded before it. Bare lines are
/// decoded character by character, so a single line of hex may be any length. A `*` line's
/// repetitions are produced lazily (a repeat of a gigabyte costs one line of memory).
public struct DumpDecoder {
    /// The longest line of an offset layout (real dumps have fewer than 100 characters).
    public static let maximumLineLength = 1 << 16

    /// Decoded bytes, in order: runs of bytes, and lines repeated by `*`.
    public enum Piece: Sendable, Hashable {
        /// Bytes as they were written.
        case bytes([UInt8])
        /// `pattern` written `count` times.
        case repeated([UInt8], count: Int)
    }

    /// The layout, once the first non-blank line has shown it.
    public private(set) var layout: DumpLayout?
    /// The line being read, counting from 1.
    private var lineNumber = 1
    /// The current line so far: while the layout is unknown, and for offset layouts.
    private var line: [UInt8] = []
    /// Bare layout: the high digit of a pair in progress, and the current line's length.
    private var pendingHigh: UInt8?
    private var column = 0
    /// Offset layouts: the offset the next line must have (`nil` before the first line), the
    /// bytes of the last line with bytes, and the line of a `*` awaiting the next offset.
    private var expectedOffset: Int?
    private var lastLine: [UInt8] = []
    private var repeatMarkLine: Int?
    /// Bare layout: whether the current line has had a digit.
    private var lineHasDigits = false
    /// Before the layout is known: whether the current line has had anything but whitespace.
    private var lineHasContent = false
    /// Bytes decoded in the current call, not yet handed out as a piece.
    private var run: [UInt8] = []

    /// A decoder at the start of a dump.
    public init() {}

    /// Decodes the next piece of text, appending what it completes to `pieces`.
    ///
    /// - Parameters:
    ///   - text: UTF-8 text, cut anywhere.
    ///   - pieces: Where decoded bytes go, in order.
    /// - Throws: ``DumpError`` at the first line that is not part of a dump of the layout.
    /// - Complexity: O(`text.count`), plus O(line length) per line of an offset layout.
    public mutating func decode(_ text: some Collection<UInt8>, into pieces: inout [Piece]) throws(DumpError) {
        defer { flushRun(into: &pieces) }
        for byte in text {
            if layout == .bare {
                try decodeBare(byte)
                continue
            }
            if byte == UInt8(ascii: "\n") {
                try endLine(into: &pieces)
                continue
            }
            guard line.count < Self.maximumLineLength else {
                throw DumpError(
                    line: lineNumber,
                    reason: "the line is longer than \(Self.maximumLineLength) characters"
                )
            }
            line.append(byte)
            guard layout == nil else { continue }
            lineHasContent = lineHasContent || !PythonLiteralParser.isWhitespace(byte)
            if lineHasContent, let decided = DumpLayout.classify(line, isWholeLine: false) {
                try choose(decided)
            }
        }
    }

    /// Ends the dump: decodes a last line without a line break and checks that nothing is left
    /// unfinished (half a byte, a `*` with no offset after it).
    ///
    /// - Throws: ``DumpError``.
    public mutating func finish(into pieces: inout [Piece]) throws(DumpError) {
        defer { flushRun(into: &pieces) }
        if layout == .bare {
            try endBareLine()
        } else if !line.isEmpty {
            try endLine(into: &pieces)
        }
        if let repeatMarkLine {
            throw DumpError(
                line: repeatMarkLine,
                reason: "the dump ends with '*': no offset follows to say how far the line repeats"
            )
        }
    }

    // MARK: Choosing the layout

    /// Fixes the layout and replays the buffered start of the first line through it.
    private mutating func choose(_ decided: DumpLayout) throws(DumpError) {
        layout = decided
        guard decided == .bare else { return }
        let buffered = line
        line = []
        for byte in buffered { try decodeBare(byte) }
    }

    /// A line break before the layout is known (a blank line, or a first line too short to
    /// tell), or in an offset layout.
    private mutating func endLine(into pieces: inout [Piece]) throws(DumpError) {
        let text = line
        line = []
        lineHasContent = false
        if layout == nil {
            if text.allSatisfy(PythonLiteralParser.isWhitespace) {
                lineNumber += 1
                return
            }
            layout = DumpLayout.classify(text, isWholeLine: true) ?? .bare
            if layout == .bare {
                for byte in text { try decodeBare(byte) }
                try decodeBare(UInt8(ascii: "\n"))
                return
            }
        }
        let layout = self.layout ?? .bare
        switch try DumpLine.parse(text[...], layout: layout, lineNumber: lineNumber) {
        case .blank:
            break
        case .repeatMark:
            guard !lastLine.isEmpty else {
                throw DumpError(line: lineNumber, reason: "'*' has no line of bytes before it to repeat")
            }
            if repeatMarkLine == nil { repeatMarkLine = lineNumber }
        case .data(let offset, let bytes):
            try accept(offset: offset, bytes: bytes, into: &pieces)
        }
        lineNumber += 1
    }

    // MARK: Offset layouts

    /// Checks a line's offset against the bytes so far, expands a pending `*`, and appends the
    /// line's bytes.
    private mutating func accept(offset: Int, bytes: [UInt8], into pieces: inout [Piece]) throws(DumpError) {
        let expected = expectedOffset ?? offset
        if let repeatMarkLine {
            let gap = offset - expected  // both within 0...Int.max: no overflow
            guard gap >= 0, gap % lastLine.count == 0 else {
                throw DumpError(
                    line: lineNumber,
                    reason: "offset \(DumpError.hex(offset)) is not a whole number of repeats of the "
                        + "\(lastLine.count) bytes that '*' on line \(repeatMarkLine) repeats from \(DumpError.hex(expected))"
                )
            }
            if gap > 0 {
                flushRun(into: &pieces)
                pieces.append(.repeated(lastLine, count: gap / lastLine.count))
            }
            self.repeatMarkLine = nil
        } else if offset != expected {
            throw DumpError(
                line: lineNumber,
                reason:
                    "offset \(DumpError.hex(offset)) does not continue the dump (expected \(DumpError.hex(expected)))"
            )
        }
        let (next, overflow) = offset.addingReportingOverflow(bytes.count)
        guard !overflow else { throw DumpError(line: lineNumber, reason: "the offsets run past \(Int.max)") }
        expectedOffset = next
        lastLine = bytes
        run += bytes
    }

    /// Hands out the bytes decoded so far as one piece.
    private mutating func flushRun(into pieces: inout [Piece]) {
        guard !run.isEmpty else { return }
        pieces.append(.bytes(run))
        run = []
    }

    // MARK: Bare layout

    /// One character of a bare dump: pairs of hex digits, whitespace between pairs.
    private mutating func decodeBare(_ byte: UInt8) throws(DumpError) {
        if byte == UInt8(ascii: "\n") {
            try endBareLine()
            lineNumber += 1
            column = 0
            lineHasDigits = false
            return
        }
        column += 1
        if let digit = PythonLiteralParser.digitValue(byte, radix: 16) {
            lineHasDigits = true
            if let high = pendingHigh {
                run.append(high << 4 | digit)
                pendingHigh = nil
            } else {
                pendingHigh = digit
            }
            return
        }
        if pendingHigh != nil || !PythonLiteralParser.isWhitespace(byte) {
            if byte == UInt8(ascii: "*") && !lineHasDigits {
                throw DumpError(
                    line: lineNumber,
                    column: column,
                    reason: "'*' stands for repeated lines, but a dump without offsets cannot say how many "
                        + "(od shortens repeats unless run with -v)"
                )
            }
            let found = PythonLiteralParser.isWhitespace(byte) ? PythonRepr.string(String(UnicodeScalar(byte))) : nil
            throw DumpError(
                line: lineNumber,
                column: column,
                reason: "expected a hexadecimal digit, found \(found ?? Self.character(byte))"
            )
        }
    }

    /// The end of a bare line: a pair may not be cut by it.
    private func endBareLine() throws(DumpError) {
        guard pendingHigh == nil else {
            throw DumpError(
                line: lineNumber,
                column: column + 1,
                reason: "expected a hexadecimal digit, found the end of the line"
            )
        }
    }

    /// A byte of text quoted for an error; bytes of a multi-byte character show as `'\xc3'`.
    private static func character(_ byte: UInt8) -> String {
        byte < 0x80 ? PythonRepr.string(String(UnicodeScalar(byte))) : "byte 0x" + String(byte, radix: 16)
    }
}
