import StructPack

extension Inspection {
    /// The JSON document of `structpack inspect --json`: the format's facts, then one object
    /// per row with every key always present (`null` where it does not apply).
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
    ///     {"kind": "value", "index": 0, "offset": 0, "size": 4, "code": "I", "hex": "01000000", "type": "int", "value": 1, "repr": "1"},
    ///     {"kind": "value", "index": 1, "offset": 4, "size": 2, "code": "H", "hex": "0200", "type": "int", "value": 2, "repr": "2"}
    ///   ]
    /// }
    /// ```
    ///
    /// `value` is a JSON number for ints and finite floats (the float's Python repr), `true` or
    /// `false` for bools, `null` for infinite and NaN floats, and a hex string for bytes;
    /// `repr` is always Python's repr.
    ///
    /// - Complexity: O(rows + record size).
    public func jsonLines() -> [String] {
        var lines = [
            "{",
            "  \"format\": \(Self.jsonString(format.format)),",
            "  \"prefix\": \(Self.jsonString(String(format.byteOrder.character))),",
            "  \"byteOrder\": \"\(format.byteOrder.isBigEndian ? "big" : "little")\",",
            "  \"size\": \(format.size),",
            "  \"valueCount\": \(format.valueCount),",
            "  \"offset\": \(start),",
        ]
        if rows.isEmpty {
            lines.append("  \"fields\": []")
        } else {
            lines.append("  \"fields\": [")
            for (index, row) in rows.enumerated() {
                lines.append("    " + Self.jsonObject(row) + (index == rows.count - 1 ? "" : ","))
            }
            lines.append("  ]")
        }
        lines.append("}")
        return lines
    }

    /// One row as a single-line JSON object.
    private static func jsonObject(_ row: Row) -> String {
        let (type, value) = row.value.map(jsonTypeAndValue) ?? ("null", "null")
        let members: [(String, String)] = [
            ("kind", jsonString(row.kind.rawValue)),
            ("index", row.valueIndex.map(String.init) ?? "null"),
            ("offset", String(row.offset)),
            ("size", String(row.size)),
            ("code", row.kind == .alignment ? "null" : jsonString(row.code)),
            ("hex", jsonString(HexEncoder.encode(row.bytes))),
            ("type", type),
            ("value", value),
            ("repr", row.value.map { jsonString(PythonRepr.value($0)) } ?? "null"),
        ]
        return "{" + members.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// The JSON `type` string and `value` of an unpacked value.
    private static func jsonTypeAndValue(_ value: StructValue) -> (String, String) {
        switch value {
        case .int(let integer): ("\"int\"", String(integer))
        case .bool(let flag): ("\"bool\"", flag ? "true" : "false")
        case .double(let number): ("\"float\"", number.isFinite ? PythonRepr.float(number) : "null")
        case .bytes(let bytes): ("\"bytes\"", jsonString(HexEncoder.encode(bytes)))
        }
    }

    /// A JSON string literal: `"`, `\` and control characters escaped, everything else as is.
    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
