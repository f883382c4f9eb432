/// One line of an ``DumpLayout/xxd`` or ``DumpLayout/offsetColumn`` dump, taken apart: its
/// offset and bytes, a `*` repeat mark, or nothing. The ASCII column is never read.
///
/// ```
/// 00000010: 6c6c 6f20 776f  llo wo      xxd: bytes end at two spaces
/// 00000010  6c 6c 6f 20 77  |llo w|     offset column: bytes end at a '|' …
/// 0010   6c 6c 6f 20 77   llo w         … or at three spaces
/// 00000029                              an offset alone: the dump's length
/// *                                     the line before repeats up to the next offset
/// ```
enum DumpLine: Equatable {
    /// Only whitespace.
    case blank
    /// `*`: the line before repeats until the next line's offset.
    case repeatMark
    /// An offset and the bytes after it (none for an offset alone).
    case data(offset: Int, bytes: [UInt8])

    /// Parses one line (without its `\n`; a `\r` and trailing whitespace are ignored).
    ///
    /// - Parameters:
    ///   - line: The line's UTF-8 bytes.
    ///   - layout: ``DumpLayout/xxd`` or ``DumpLayout/offsetColumn``.
    ///   - lineNumber: For errors.
    /// - Throws: ``DumpError`` for a line that does not have the layout's shape.
    /// - Complexity: O(line length).
    static func parse(_ line: ArraySlice<UInt8>, layout: DumpLayout, lineNumber: Int) throws(DumpError) -> DumpLine {
        var end = line.endIndex
        while end > line.startIndex && PythonLiteralParser.isWhitespace(line[end - 1]) { end -= 1 }
        let text = line[line.startIndex..<end]
        if text.isEmpty { return .blank }
        if text.count == 1 && text.first == UInt8(ascii: "*") { return .repeatMark }
        var index = text.startIndex
        let offset = try parseOffset(text, at: &index, lineNumber: lineNumber)
        let bytes: [UInt8]
        switch layout {
        case .xxd: bytes = try xxdBytes(text, after: index, lineNumber: lineNumber)
        default: bytes = try columnBytes(text, after: index, lineNumber: lineNumber)
        }
        return .data(offset: offset, bytes: bytes)
    }

    /// Reads the hex digits of the offset at the start of the line.
    private static func parseOffset(_ text: ArraySlice<UInt8>, at index: inout Int, lineNumber: Int) throws(DumpError)
        -> Int
    {
        var value: UInt64 = 0
        var digits = 0
        while index < text.endIndex, let digit = PythonLiteralParser.digitValue(text[index], radix: 16) {
            digits += 1
            guard digits <= DumpLayout.offsetDigits.upperBound else {
                throw DumpError(line: lineNumber, reason: "the offset has more than 16 digits")
            }
            value = value << 4 | UInt64(digit)
            index += 1
        }
        guard digits > 0 else {
            throw .unexpected(text, at: index, lineNumber: lineNumber, expected: "an offset (hexadecimal digits)")
        }
        guard let offset = Int(exactly: value) else {
            throw DumpError(line: lineNumber, reason: "offset 0x\(String(value, radix: 16)) is too large")
        }
        return offset
    }

    /// xxd: `: ` then groups of hex pairs separated by single spaces, up to two spaces.
    private static func xxdBytes(_ text: ArraySlice<UInt8>, after start: Int, lineNumber: Int) throws(DumpError)
        -> [UInt8]
    {
        var index = start
        guard index < text.endIndex else { return [] }
        guard text[index] == UInt8(ascii: ":") else {
            throw .unexpected(text, at: index, lineNumber: lineNumber, expected: "':' after the offset")
        }
        index += 1
        var bytes: [UInt8] = []
        // Each group is preceded by exactly one space; two spaces start the ASCII column.
        while index < text.endIndex {
            // Only the first pass can meet something else: a group always ends at a space.
            guard text[index] == UInt8(ascii: " ") else {
                throw .unexpected(text, at: index, lineNumber: lineNumber, expected: "a space after the colon")
            }
            index += 1
            if index == text.endIndex || text[index] == UInt8(ascii: " ") { break }
            let groupStart = index
            var high: UInt8?
            while index < text.endIndex, let digit = PythonLiteralParser.digitValue(text[index], radix: 16) {
                if let pending = high {
                    bytes.append(pending << 4 | digit)
                    high = nil
                } else {
                    high = digit
                }
                index += 1
            }
            if index == groupStart {
                throw .unexpected(text, at: index, lineNumber: lineNumber, expected: "a hexadecimal digit")
            }
            if index < text.endIndex && text[index] != UInt8(ascii: " ") {
                throw .unexpected(text, at: index, lineNumber: lineNumber, expected: "a hexadecimal digit or a space")
            }
            if high != nil {
                throw DumpError(
                    line: lineNumber,
                    column: groupStart - text.startIndex + 1,
                    reason:
                        "the group '\(String(decoding: text[groupStart..<index], as: UTF8.self))' has an odd number of digits"
                )
            }
        }
        return bytes
    }

    /// Offset column: two or more spaces, then two-digit bytes separated by one or two spaces,
    /// up to three spaces, a `|` or the end of the line.
    private static func columnBytes(_ text: ArraySlice<UInt8>, after start: Int, lineNumber: Int) throws(DumpError)
        -> [UInt8]
    {
        var index = start
        guard index < text.endIndex else { return [] }
        var spaces = 0
        while index < text.endIndex && text[index] == UInt8(ascii: " ") {
            spaces += 1
            index += 1
        }
        guard spaces >= 2 else {
            throw .unexpected(text, at: index, lineNumber: lineNumber, expected: "two spaces after the offset")
        }
        var bytes: [UInt8] = []
        while index < text.endIndex && text[index] != UInt8(ascii: "|") {
            guard let high = PythonLiteralParser.digitValue(text[index], radix: 16),
                index + 1 < text.endIndex, let low = PythonLiteralParser.digitValue(text[index + 1], radix: 16)
            else {
                let bad = PythonLiteralParser.digitValue(text[index], radix: 16) == nil ? index : index + 1
                throw .unexpected(text, at: bad, lineNumber: lineNumber, expected: "a byte (two hexadecimal digits)")
            }
            bytes.append(high << 4 | low)
            index += 2
            guard index < text.endIndex else { break }
            guard text[index] == UInt8(ascii: " ") else {
                throw .unexpected(text, at: index, lineNumber: lineNumber, expected: "a space after a byte")
            }
            spaces = 0
            while index < text.endIndex && text[index] == UInt8(ascii: " ") {
                spaces += 1
                index += 1
            }
            if spaces >= 3 { break }
        }
        return bytes
    }
}
