public import StructPack

/// The pieces of the JSON that `inspect --json` and `frames --json` write, by hand (the tool
/// uses no Foundation): string literals, single-line objects and arrays, and unpacked values.
///
/// ```
/// JSONText.string("a\"b")                          "a\"b"
/// JSONText.object([("index", "0"), ("hex", …)])    {"index": 0, "hex": "…"}
/// JSONText.value(.double(.infinity))               null   (JSON has no infinity)
/// ```
public enum JSONText {
    /// A JSON string literal: `"`, `\` and control characters escaped, everything else as is.
    ///
    /// - Complexity: O(*n*).
    public static func string(_ text: String) -> String {
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

    /// A single-line object of already encoded members, in order: `{"a": 1, "b": null}`.
    public static func object(_ members: [(key: String, value: String)]) -> String {
        "{" + members.map { string($0.key) + ": " + $0.value }.joined(separator: ", ") + "}"
    }

    /// A single-line array of already encoded items: `[1, "ab"]`.
    public static func array(_ items: [String]) -> String {
        "[" + items.joined(separator: ", ") + "]"
    }

    /// An optional encoded value, or `null`.
    public static func orNull(_ encoded: String?) -> String {
        encoded ?? "null"
    }

    /// An unpacked value as typed JSON: an int as a number (exact, any size), a bool as
    /// `true`/`false`, a finite float as a number written as Python's repr, an infinite or NaN
    /// float as `null`, bytes as a string of lowercase hex.
    public static func value(_ value: StructValue) -> String {
        switch value {
        case .int(let integer): integer.description
        case .bool(let flag): flag ? "true" : "false"
        case .double(let number): number.isFinite ? PythonRepr.float(number) : "null"
        case .bytes(let bytes): string(HexEncoder.encode(bytes))
        }
    }

    /// The name of a value's Python type: `int`, `bool`, `float` or `bytes`.
    public static func typeName(_ value: StructValue) -> String {
        switch value {
        case .int: "int"
        case .bool: "bool"
        case .double: "float"
        case .bytes: "bytes"
        }
    }

    /// An array of typed values: `[1, true, "6162"]`.
    public static func values(_ values: some Collection<StructValue>) -> String {
        array(values.map(value))
    }
}
