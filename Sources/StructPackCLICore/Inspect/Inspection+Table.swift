import StructPack

extension Inspection {
    /// The most raw bytes the table shows in one row before cutting it short with `…`.
    public static let tableBytesLimit = 16

    /// The annotated table `structpack inspect` prints, one line per row after a summary and
    /// column headers:
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
    /// - Complexity: O(rows + bytes shown).
    public func tableLines() -> [String] {
        let shownBytes = rows.map { row in
            let shown = HexEncoder.encode(row.bytes.prefix(Self.tableBytesLimit))
            return row.bytes.count > Self.tableBytesLimit ? shown + "…" : shown
        }
        let offsetWidth = max(6, rows.map { String($0.offset).count }.max() ?? 0)
        let sizeWidth = max(4, rows.map { String($0.size).count }.max() ?? 0)
        let codeWidth = max(4, rows.map(\.code.count).max() ?? 0)
        let bytesWidth = max(5, shownBytes.map(\.count).max() ?? 0)

        var summary = "format \(PythonRepr.string(format.format)): \(format.size) bytes, "
        summary += "\(format.valueCount) value\(format.valueCount == 1 ? "" : "s"); \(layoutDescription)"
        if start != 0 { summary += "; record at offset \(start)" }
        var lines = [
            summary,
            Self.padLeft("offset", offsetWidth) + "  " + Self.padLeft("size", sizeWidth) + "  "
                + Self.padRight("code", codeWidth) + "  " + Self.padRight("bytes", bytesWidth) + "  value",
        ]
        for (row, bytes) in zip(rows, shownBytes) {
            let value: String
            switch row.kind {
            case .value: value = row.value.map(PythonRepr.value) ?? ""
            case .pad: value = "(pad)"
            case .alignment: value = "(alignment)"
            }
            lines.append(
                Self.padLeft(String(row.offset), offsetWidth) + "  " + Self.padLeft(String(row.size), sizeWidth) + "  "
                    + Self.padRight(row.code, codeWidth) + "  " + Self.padRight(bytes, bytesWidth) + "  " + value)
        }
        return lines
    }

    private static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private static func padRight(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
