/// The three shapes of hex-dump text structpack reads, told apart by the dump's first non-blank
/// line (SPEC §2.7).
///
/// ```
/// xxd            00000010: 6c6c 6f20 776f 726c  llo worl          OFFSET ':' groups, 2 spaces, ASCII
/// offsetColumn   00000010  6c 6c 6f 20 77 6f  |llo wo|           hexdump -C
///                0010   6c 6c 6f 20 77 6f   llo wo                Wireshark "Copy as Hex Dump"
/// bare            6c 6c 6f 20 77 6f 72 6c                         od -An -tx1, xxd -p, plain hex
/// ```
public enum DumpLayout: Sendable, Hashable, CustomStringConvertible {
    /// `xxd` (default output, and `-g`, `-c`, `-u`, `-a`, `-s`): an offset and a colon, then
    /// groups of hexadecimal pairs separated by single spaces, then two spaces and the ASCII
    /// column.
    case xxd
    /// `hexdump -C` (`hd`) and Wireshark's "Copy Bytes as Hex + ASCII Dump" and "…as Hex
    /// Dump": an offset, two or more spaces, then bytes of two digits separated by one or two
    /// spaces, then three or more spaces or a `|` and the ASCII column.
    case offsetColumn
    /// No offsets (`od -An -tx1`, `xxd -p`, plain hex): each line is read as
    /// `bytes.fromhex` reads it.
    case bare

    /// The fewest and most digits of the offset that starts the first line of an offset layout.
    static let offsetDigits = 4...16
    /// The most spaces between the offset and the first byte (hexdump has 2, Wireshark 3).
    static let maximumSeparatorSpaces = 16

    /// The layout of a dump whose first non-blank line starts with `prefix`, or `nil` when the
    /// prefix does not decide it yet (more of the line is needed).
    ///
    /// - Parameters:
    ///   - prefix: The start of the line, without its line break.
    ///   - isWholeLine: Whether `prefix` is the whole line.
    /// - Returns: ``xxd`` for 4 to 16 hex digits, `: ` and a hex digit; ``offsetColumn`` for 4
    ///   to 16 hex digits, two or more spaces and a hex digit; ``bare`` for anything else.
    /// - Complexity: O(1): at most the offset's 16 digits, a colon and 16 spaces are read.
    static func classify(_ prefix: some Collection<UInt8>, isWholeLine: Bool) -> DumpLayout? {
        var digits = 0
        var iterator = prefix.makeIterator()
        var next = iterator.next()
        while let byte = next, PythonLiteralParser.digitValue(byte, radix: 16) != nil {
            digits += 1
            if digits > offsetDigits.upperBound { return .bare }
            next = iterator.next()
        }
        guard let separator = next else { return isWholeLine ? .bare : nil }
        guard offsetDigits.contains(digits) else { return .bare }
        let candidate: DumpLayout
        var spaces = 0
        if separator == UInt8(ascii: ":") {
            candidate = .xxd
            next = iterator.next()
        } else {
            candidate = .offsetColumn
        }
        while let byte = next, byte == UInt8(ascii: " ") {
            spaces += 1
            if spaces > maximumSeparatorSpaces { return .bare }
            next = iterator.next()
        }
        guard let first = next else { return isWholeLine ? .bare : nil }
        let spacesFit = candidate == .xxd ? spaces == 1 : spaces >= 2
        return spacesFit && PythonLiteralParser.digitValue(first, radix: 16) != nil ? candidate : .bare
    }

    /// Whether `text` reads as a dump without `--dump`: its first non-blank line starts an
    /// ``xxd`` line (`00000010: 6c…`) or an ``offsetColumn`` line (`00000010  6c…`), or a line
    /// is `*` alone (a dump's mark for repeated
    /// lines). Only text that `bytes.fromhex` refuses is asked.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    public static func isRecognizable(_ text: String) -> Bool {
        var sawContent = false
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let trimmed = line.drop { PythonLiteralParser.isWhitespace($0) }
            if trimmed.first == UInt8(ascii: "*") && trimmed.dropFirst().allSatisfy(PythonLiteralParser.isWhitespace) {
                return true
            }
            if !sawContent && !trimmed.isEmpty {
                sawContent = true
                if classify(line, isWholeLine: true) != .bare { return true }
            }
        }
        return false
    }

    /// `xxd`, `offset column` or `bare`.
    public var description: String {
        switch self {
        case .xxd: "xxd"
        case .offsetColumn: "offset column"
        case .bare: "bare"
        }
    }
}
