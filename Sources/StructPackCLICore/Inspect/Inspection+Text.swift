public import StructPack

/// The words `inspect` prints around the values, shared by the table and the annotated dump.
extension Inspection {
    /// The first line of the table and of the annotated dump:
    ///
    /// ```
    /// format '<IH': 6 bytes, 2 values; little-endian, standard sizes, no alignment
    /// format '<IH': 6 bytes, 2 values; little-endian, standard sizes, no alignment; record at offset 4
    /// format '<IH': 6 bytes, 2 values; little-endian, standard sizes, no alignment; 2 records and 2 more bytes in 14 bytes
    /// ```
    ///
    /// - Parameters:
    ///   - format: The format.
    ///   - start: The record's offset (one record), or `nil` with `--iter`.
    ///   - iteration: With `--iter`, the input's length and its whole records.
    public static func summaryLine(format: Struct, start: Int?, iteration: RecordIteration?) -> String {
        var summary = "format \(PythonRepr.string(format.format)): \(format.size) bytes, "
        summary += "\(format.valueCount) value\(format.valueCount == 1 ? "" : "s"); \(layoutDescription(of: format))"
        if let start, start != 0 { summary += "; record at offset \(start)" }
        if let iteration {
            let records = "\(iteration.recordCount) record\(iteration.recordCount == 1 ? "" : "s")"
            let leftover = iteration.leftoverCount
            let more = leftover == 0 ? "" : " and \(leftover) more byte\(leftover == 1 ? "" : "s")"
            summary += "; \(records)\(more) in \(iteration.inputCount) byte\(iteration.inputCount == 1 ? "" : "s")"
        }
        return summary
    }

    /// How the format lays bytes out, in words: `little-endian, standard sizes, no alignment`.
    public var layoutDescription: String {
        Self.layoutDescription(of: format)
    }

    /// How `format` lays bytes out, in words.
    static func layoutDescription(of format: Struct) -> String {
        let host = ByteOrder.native.isBigEndian ? "big-endian" : "little-endian"
        switch format.byteOrder {
        case .native: return "native byte order (\(host)), native sizes and alignment"
        case .nativeOrder: return "native byte order (\(host)), standard sizes, no alignment"
        case .littleEndian: return "little-endian, standard sizes, no alignment"
        case .bigEndian: return "big-endian, standard sizes, no alignment"
        case .network: return "network byte order (big-endian), standard sizes, no alignment"
        }
    }
}

extension Inspection.Row {
    /// The value column: the value's repr, `(pad)`, `(alignment)`, or for the row the data ends
    /// in, `(data ends: 1 of 2 bytes)`.
    public var valueText: String {
        guard isComplete else { return "(data ends: \(bytes.count) of \(size) byte\(size == 1 ? "" : "s"))" }
        switch kind {
        case .value: return value.map(PythonRepr.value) ?? ""
        case .pad: return "(pad)"
        case .alignment: return "(alignment)"
        }
    }
}

extension RecordReader.Trailing {
    /// The value column of the trailing row: `(trailing: 2 bytes after the record)`.
    public var valueText: String {
        "(trailing: \(count) byte\(count == 1 ? "" : "s") after the record)"
    }
}
