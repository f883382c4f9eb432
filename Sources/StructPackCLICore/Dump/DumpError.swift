/// Where and why hex-dump text could not be read: `line 3, column 12: expected …`.
public struct DumpError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line, counting from 1.
    public let line: Int
    /// The column (in characters, counting from 1), when the error is about one character.
    public let column: Int?
    /// What is wrong, such as `offset 0x20 does not continue the dump (expected 0x10)`.
    public let reason: String

    /// Creates an error.
    public init(line: Int, column: Int? = nil, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `line 3, column 12: REASON`, or `line 3: REASON`.
    public var description: String {
        "line \(line)" + (column.map { ", column \($0)" } ?? "") + ": " + reason
    }

    /// An error about the character at `index` of `line` (bytes of UTF-8 text, with every
    /// byte before `index` ASCII, so the column is `index + 1`): `expected WHAT, found 'C'`.
    static func unexpected(
        _ line: ArraySlice<UInt8>,
        at index: Int,
        lineNumber: Int,
        expected: String
    ) -> DumpError {
        DumpError(
            line: lineNumber,
            column: index - line.startIndex + 1,
            reason: "expected \(expected), found \(found(line, at: index))"
        )
    }

    /// The character at `index` quoted as Python quotes a `str`, or `the end of the line`.
    static func found(_ line: ArraySlice<UInt8>, at index: Int) -> String {
        guard index < line.endIndex else { return "the end of the line" }
        let character =
            String(decoding: line[index..<min(index + 4, line.endIndex)], as: UTF8.self).unicodeScalars
            .first.map { String(Character($0)) } ?? "?"
        return PythonRepr.string(character)
    }

    /// An offset as the message writes it: `0x1f0`.
    static func hex(_ offset: Int) -> String {
        "0x" + String(offset, radix: 16)
    }
}
