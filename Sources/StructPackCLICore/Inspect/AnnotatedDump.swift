/// `structpack inspect --annotate`: the inspected bytes in xxd's layout (an offset, 16 bytes,
/// the ASCII column), with a `|` wherever a row of the table starts or the data ends, and, after
/// the ASCII column, the code and value of each row that starts on the line.
///
/// ```
/// format '@BxI2s?': 11 bytes, 4 values; native byte order (little-endian), native sizes and alignment
/// 00000000:|07|00|00 00|2a 00 00 00|61 62|01|                ....*...ab.       B 7  x (pad)  (alignment)  I 42  2s b'ab'  ? True
/// ```
///
/// Lines are at offsets that are multiples of 16 in the input, so a record read at an offset
/// starts inside its first line; bytes outside the inspected ones are blank. With colours, each
/// value's bytes, characters and label share a colour (``TerminalStyle/palette`` in turn),
/// padding and alignment are dim, and the row the data ends in is bold red. With `--iter` the
/// first label of each record starts with `#N`. Values longer than ``valueLimit`` characters
/// are cut with `…`.
///
/// Memory: one line; a long field is written line by line as its bytes are placed.
struct AnnotatedDump: InspectionReport {
    /// The longest value shown in a label.
    static let valueLimit = 40

    let output: any OutputSink
    let summary: String
    let style: TerminalStyle

    /// The current line's offset, a multiple of 16; `nil` before the first byte.
    private var lineStart: Int?
    /// The current line's bytes and their colours.
    private var slots: [(byte: UInt8, color: TerminalStyle.Color?)?] = Array(repeating: nil, count: 16)
    /// Boundaries at the current line's positions 0...16 (16: after its last byte).
    private var marks = [Bool](repeating: false, count: 17)
    /// The labels of the rows that start on the current line.
    private var labels: [String] = []
    /// The next colour of the palette.
    private var nextColor = 0

    init(output: any OutputSink, summary: String, style: TerminalStyle) {
        self.output = output
        self.summary = summary
        self.style = style
    }

    func begin() throws(ToolError) {
        try output.write(summary + "\n")
    }

    mutating func record(_ inspection: Inspection, index: Int?) throws(ToolError) {
        for (position, row) in inspection.rows.enumerated() {
            let color: TerminalStyle.Color?
            if !row.isComplete {
                color = .alarm
            } else if row.kind == .value {
                color = TerminalStyle.palette[nextColor % TerminalStyle.palette.count]
                nextColor += 1
            } else {
                color = .dim
            }
            var label = row.kind == .alignment ? "(alignment)" : row.code
            if row.kind != .alignment || !row.isComplete { label += " " + Self.cut(row.valueText) }
            if let index, position == 0 { label = "#\(index) " + label }
            try place(row.offset, row.bytes, color: color, label: label)
        }
    }

    mutating func trailing(_ trailing: RecordReader.Trailing) throws(ToolError) {
        try place(trailing.offset, trailing.prefix[...], color: .alarm, label: trailing.valueText)
    }

    mutating func end(error: ToolError?) throws(ToolError) {
        try flushLine()
    }

    // MARK: Lines

    /// Places a row's bytes from `offset` on, marking where it starts and ends.
    private mutating func place(_ offset: Int, _ bytes: ArraySlice<UInt8>, color: TerminalStyle.Color?, label: String)
        throws(ToolError)
    {
        try moveToLine(of: offset)
        mark(offset)
        labels.append(style.paint(label, color))
        var position = offset
        for byte in bytes {
            try moveToLine(of: position)
            slots[position % 16] = (byte, color)
            position += 1
        }
        mark(position)
    }

    /// Marks a boundary before the byte at `offset` (on the current line, or after its last
    /// byte).
    private mutating func mark(_ offset: Int) {
        guard let lineStart, offset >= lineStart, offset <= lineStart + 16 else { return }
        marks[offset - lineStart] = true
    }

    /// Makes the line holding `offset` current, writing out the line before it. A boundary at
    /// the end of the old line is also the start of the next.
    private mutating func moveToLine(of offset: Int) throws(ToolError) {
        let start = offset - offset % 16
        if let lineStart, lineStart == start { return }
        let carried = lineStart.map { $0 + 16 == start && marks[16] } ?? false
        try flushLine()
        lineStart = start
        marks[0] = carried
    }

    /// Writes the current line, if any, and clears it.
    private mutating func flushLine() throws(ToolError) {
        guard let lineStart else { return }
        var hex = ""
        var ascii = ""
        for position in 0..<16 {
            hex += marks[position] ? style.paint("|", .dim) : " "
            if let slot = slots[position] {
                hex += style.paint(HexEncoder.encode(CollectionOfOne(slot.byte)), slot.color)
                let character = (0x20...0x7E).contains(slot.byte) ? String(UnicodeScalar(slot.byte)) : "."
                ascii += style.paint(character, slot.color)
            } else {
                hex += "  "
                ascii += " "
            }
        }
        hex += marks[16] ? style.paint("|", .dim) : " "
        var line = Self.offsetText(lineStart) + ":" + hex + " " + ascii
        if !labels.isEmpty { line += "  " + labels.joined(separator: "  ") }
        while line.last == " " { line.removeLast() }
        try output.write(line + "\n")
        self.lineStart = nil
        slots = Array(repeating: nil, count: 16)
        marks = [Bool](repeating: false, count: 17)
        labels = []
    }

    /// The offset as xxd writes it: at least 8 lowercase hex digits.
    static func offsetText(_ offset: Int) -> String {
        let digits = String(offset, radix: 16)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    /// A value cut to ``valueLimit`` characters.
    static func cut(_ text: String) -> String {
        text.count <= valueLimit ? text : String(text.prefix(valueLimit - 1)) + "…"
    }
}
