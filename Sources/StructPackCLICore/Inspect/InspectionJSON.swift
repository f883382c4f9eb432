import StructPack

/// The JSON document of `structpack inspect --json` (SPEC §2.4): the format's facts, then one
/// record's rows (or, with `--iter`, every record's), then what follows and the error. Rows are
/// one object per line with every key present (`null` where it does not apply); with `--iter`,
/// each record is one line.
///
/// ```
/// {
///   "format": "<IH",
///   "prefix": "<",
///   "byteOrder": "little",
///   "size": 6,
///   "valueCount": 2,
///   "offset": 0,
///   "fields": [
///     {"kind": "value", "index": 0, "offset": 0, "size": 4, "present": 4, "code": "I", "hex": "01000000", "type": "int", "value": 1, "repr": "1"},
///     {"kind": "value", "index": 1, "offset": 4, "size": 2, "present": 1, "code": "H", "hex": "02", "type": null, "value": null, "repr": null}
///   ],
///   "trailing": null,
///   "error": "unpack requires a buffer of 6 bytes"
/// }
/// ```
///
/// The document is complete even when the command fails: a script reads the rows there are and
/// the error.
struct InspectionJSON: InspectionReport {
    let output: any OutputSink
    let format: Struct
    /// Whether this is the `--iter` shape (`records`) rather than one record's (`fields`).
    let iterates: Bool
    private var recordsWritten = 0
    private var trailingRow: RecordReader.Trailing?

    init(output: any OutputSink, format: Struct, iterates: Bool) {
        self.output = output
        self.format = format
        self.iterates = iterates
    }

    func begin() throws(ToolError) {
        let lines = [
            "{",
            "  \"format\": \(JSONText.string(format.format)),",
            "  \"prefix\": \(JSONText.string(String(format.byteOrder.character))),",
            "  \"byteOrder\": \"\(format.byteOrder.isBigEndian ? "big" : "little")\",",
            "  \"size\": \(format.size),",
            "  \"valueCount\": \(format.valueCount),",
        ]
        try output.write(lines.joined(separator: "\n") + "\n" + (iterates ? "  \"records\": [" : ""))
    }

    mutating func record(_ inspection: Inspection, index: Int?) throws(ToolError) {
        if let index, iterates {
            let record = JSONText.object([
                ("index", String(index)), ("offset", String(inspection.start)),
                ("fields", JSONText.array(inspection.rows.map(Self.rowObject))),
            ])
            try output.write((recordsWritten == 0 ? "\n    " : ",\n    ") + record)
            recordsWritten += 1
            return
        }
        var text = "  \"offset\": \(inspection.start),\n"
        if inspection.rows.isEmpty {
            text += "  \"fields\": [],\n"
        } else {
            text += "  \"fields\": [\n"
            text += inspection.rows.map { "    " + Self.rowObject($0) }.joined(separator: ",\n")
            text += "\n  ],\n"
        }
        try output.write(text)
    }

    mutating func trailing(_ trailing: RecordReader.Trailing) {
        trailingRow = trailing
    }

    func end(error: ToolError?) throws(ToolError) {
        var text = ""
        if iterates {
            text += recordsWritten == 0 ? "],\n" : "\n  ],\n"
        } else {
            let trailing = trailingRow.map { (trailing) in
                JSONText.object([
                    ("offset", String(trailing.offset)), ("size", String(trailing.count)),
                    ("hex", JSONText.string(HexEncoder.encode(trailing.prefix))),
                ])
            }
            text += "  \"trailing\": \(JSONText.orNull(trailing)),\n"
        }
        text += "  \"error\": \(JSONText.orNull(error.map { JSONText.string($0.message) }))\n}\n"
        try output.write(text)
    }

    /// One row as a single-line JSON object.
    static func rowObject(_ row: Inspection.Row) -> String {
        let value = row.value
        return JSONText.object([
            ("kind", JSONText.string(row.kind.rawValue)),
            ("index", JSONText.orNull(row.valueIndex.map(String.init))),
            ("offset", String(row.offset)),
            ("size", String(row.size)),
            ("present", String(row.bytes.count)),
            ("code", row.kind == .alignment ? "null" : JSONText.string(row.code)),
            ("hex", JSONText.string(HexEncoder.encode(row.bytes))),
            ("type", JSONText.orNull(value.map { JSONText.string(JSONText.typeName($0)) })),
            ("value", JSONText.orNull(value.map(JSONText.value))),
            ("repr", JSONText.orNull(value.map { JSONText.string(PythonRepr.value($0)) })),
        ])
    }
}
