import StructPack

/// The annotated table `structpack inspect` prints: a summary line, column headers, one line per
/// row; with `--iter`, a first column numbering the records.
///
/// ```
/// format '@BxI': 8 bytes, 2 values; native byte order (little-endian), native sizes and alignment
/// offset  size  code  bytes     value
///      0     1  B     07        7
///      1     1  x     00        (pad)
///      2     2        0000      (alignment)
///      4     4  I     2a000000  42
/// ```
///
/// Numbers are right-aligned; the bytes column shows at most ``bytesLimit`` bytes, then `…`.
/// One record's columns fit its rows; with `--iter`, they are fixed before the first record
/// from the format and the input's length, so the rows of every record line up.
struct InspectionTable: InspectionReport {
    /// The most raw bytes a row shows before cutting it short with `…`.
    static let bytesLimit = 16

    /// The columns' widths.
    struct Widths {
        /// The record column's, with `--iter`.
        var record: Int?
        var offset = 6
        var size = 4
        var code = 4
        var bytes = 5
    }

    let output: any OutputSink
    let summary: String
    let widths: Widths

    func begin() throws(ToolError) {
        var header = ""
        if let record = widths.record { header += Self.padRight("record", record) + "  " }
        header += Self.padLeft("offset", widths.offset) + "  " + Self.padLeft("size", widths.size) + "  "
        header += Self.padRight("code", widths.code) + "  " + Self.padRight("bytes", widths.bytes) + "  value"
        try output.write(summary + "\n" + header + "\n")
    }

    func record(_ inspection: Inspection, index: Int?) throws(ToolError) {
        for row in inspection.rows {
            try line(
                record: index,
                offset: row.offset,
                size: row.size,
                code: row.code,
                bytes: row.bytes,
                value: row.valueText
            )
        }
    }

    func trailing(_ trailing: RecordReader.Trailing) throws(ToolError) {
        try line(
            record: nil,
            offset: trailing.offset,
            size: trailing.count,
            code: "",
            bytes: trailing.prefix[...],
            value: trailing.valueText,
            cut: trailing.count > trailing.prefix.count
        )
    }

    func end(error: ToolError?) {}

    /// Writes one row's line.
    private func line(
        record: Int?,
        offset: Int,
        size: Int,
        code: String,
        bytes: ArraySlice<UInt8>,
        value: String,
        cut: Bool = false
    ) throws(ToolError) {
        var text = ""
        if let width = widths.record { text += Self.padLeft(record.map(String.init) ?? "", width) + "  " }
        text += Self.padLeft(String(offset), widths.offset) + "  " + Self.padLeft(String(size), widths.size) + "  "
        text += Self.padRight(code, widths.code) + "  "
        text += Self.padRight(Self.shownBytes(bytes, cut: cut), widths.bytes) + "  " + value + "\n"
        try output.write(text)
    }

    // MARK: Widths

    /// Widths that fit the rows of one record and its trailing row.
    static func widths(for inspection: Inspection, trailing: RecordReader.Trailing?) -> Widths {
        var widths = Widths()
        for row in inspection.rows {
            widths.fit(offset: row.offset, size: row.size, code: row.code, bytes: shownBytes(row.bytes).count)
        }
        if let trailing {
            let cut = trailing.count > trailing.prefix.count
            widths.fit(
                offset: trailing.offset,
                size: trailing.count,
                code: "",
                bytes: shownBytes(trailing.prefix[...], cut: cut).count
            )
        }
        return widths
    }

    /// Widths that fit every row of every record of an iteration: from the format's fields,
    /// the input's length and the number of records.
    static func widths(for format: Struct, iteration: RecordIteration) -> Widths {
        var widths = Widths()
        let records = iteration.recordCount + (iteration.leftoverCount > 0 ? 1 : 0)
        widths.record = max(6, String(max(0, records - 1)).count)
        widths.fit(offset: iteration.inputCount, size: 0, code: "", bytes: 0)
        for field in format.fields {
            if field.alignmentPadding > 0 {
                widths.fit(offset: 0, size: field.alignmentPadding, code: "", bytes: shownWidth(field.alignmentPadding))
            }
            let counted = field.count == 1 ? 1 : String(field.count).count + 1
            switch field.code.kind {
            case .padding, .string, .pascalString:
                widths.fit(
                    offset: 0,
                    size: field.count,
                    code: String(repeating: " ", count: counted),
                    bytes: shownWidth(field.count)
                )
            default:
                widths.fit(offset: 0, size: field.itemSize, code: " ", bytes: shownWidth(field.itemSize))
            }
        }
        return widths
    }

    /// The bytes column of a row: hex of its first ``bytesLimit`` bytes, `…` if there are more.
    static func shownBytes(_ bytes: ArraySlice<UInt8>, cut: Bool = false) -> String {
        let shown = HexEncoder.encode(bytes.prefix(bytesLimit))
        return bytes.count > bytesLimit || cut ? shown + "…" : shown
    }

    /// The width of the bytes column of a whole row of `size` bytes.
    private static func shownWidth(_ size: Int) -> Int {
        2 * min(size, bytesLimit) + (size > bytesLimit ? 1 : 0)
    }

    private static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private static func padRight(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}

extension InspectionTable.Widths {
    /// Widens the columns to fit a row.
    mutating func fit(offset: Int, size: Int, code: String, bytes: Int) {
        self.offset = max(self.offset, String(offset).count)
        self.size = max(self.size, String(size).count)
        self.code = max(self.code, code.count)
        self.bytes = max(self.bytes, bytes)
    }
}
