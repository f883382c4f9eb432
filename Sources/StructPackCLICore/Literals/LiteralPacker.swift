public import StructPack

/// Packs literals as Python's `struct.pack(format, *values)` packs the values they denote,
/// with CPython's first error.
public enum LiteralPacker {
    /// Packs one literal per value of `format`.
    ///
    /// CPython checks the number of values first, then packs value by value and stops at the
    /// first failure; this does the same even where a literal's error is decided here rather
    /// than by StructPack (integers beyond `Int128` packed into float codes).
    ///
    /// - Parameters:
    ///   - literals: The parsed `VALUE` arguments.
    ///   - format: The compiled format.
    /// - Returns: The packed bytes.
    /// - Throws: `StructError` with CPython's message for the first failing value.
    /// - Complexity: O(fields + values + ``Struct/size``).
    public static func pack(_ literals: [PythonLiteral], as format: Struct) throws(StructError) -> [UInt8] {
        guard literals.count == format.valueCount else {
            return try format.pack(literals.map(\.approximateValue))  // throws the item-count error
        }
        let codes = valueCodes(of: format, count: literals.count)
        var values: [StructValue] = []
        values.reserveCapacity(literals.count)
        for (literal, code) in zip(literals, codes) {
            switch literal.structValue(for: code, byteOrder: format.byteOrder) {
            case .success(let value):
                values.append(value)
            case .failure(let error):
                // Values before this one fail first if any of them fails; the rest are replaced
                // by values that always pack.
                let probe = values + codes[values.count...].map(harmlessValue)
                _ = try format.pack(probe)
                throw error
            }
        }
        return try format.pack(values)
    }

    /// The code of each of the first `count` values of `format`, in order.
    ///
    /// - Complexity: O(fields + `count`).
    static func valueCodes(of format: Struct, count: Int) -> [FormatCode] {
        var codes: [FormatCode] = []
        codes.reserveCapacity(count)
        for field in format.fields where field.valueCount > 0 {
            let needed = min(field.valueCount, count - codes.count)
            codes += repeatElement(field.code, count: needed)
            if codes.count == count { break }
        }
        return codes
    }

    /// A value that packs into `code` without error.
    static func harmlessValue(for code: FormatCode) -> StructValue {
        switch code.kind {
        case .floatingPoint: .double(0)
        case .char: .bytes([0])
        case .string, .pascalString: .bytes([])
        case .bool: .bool(false)
        case .padding, .signedInteger, .unsignedInteger: .int(0)
        }
    }
}
