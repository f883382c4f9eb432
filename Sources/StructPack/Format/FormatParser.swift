/// Parses the text of a format into fields, following CPython 3.13's rules and error order.
///
/// The parser reads left to right and stops at the first error, so a format with several
/// problems reports the same one CPython reports. Every size computation is checked for
/// overflow, and nothing proportional to a repeat count is allocated.
enum FormatParser {
    /// The result of a successful parse.
    struct Layout {
        var byteOrder: ByteOrder
        var fields: [Struct.Field]
        var size: Int
        var valueCount: Int
    }

    /// Checks a Swift string the way CPython encodes a `str` format (ASCII, then no NUL) and
    /// parses it.
    ///
    /// - Throws: `StructError` with code `.nonASCIIFormat`, `.embeddedNull`, or any parse error.
    /// - Complexity: O(*n*) in the length of the format.
    static func parse(_ format: String) throws(StructError) -> Layout {
        var utf8 = format
        // Reads the string's UTF-8 in place (native strings are contiguous): no copy.
        let result: Result<Layout, StructError> = utf8.withUTF8 { bytes in
            if bytes.contains(where: { $0 >= 0x80 }) { return .failure(nonASCIIError(format)) }
            return Result { () throws(StructError) in try parse(bytes: bytes) }
        }
        return try result.get()
    }

    /// Parses a format given as bytes, as CPython parses a `bytes` format.
    ///
    /// - Throws: `StructError` with code `.embeddedNull`, `.badCharacter`,
    ///   `.repeatCountWithoutFormat`, or `.sizeTooLong`.
    /// - Complexity: O(*n*) in the length of the format.
    static func parse(bytes: UnsafeBufferPointer<UInt8>) throws(StructError) -> Layout {
        if bytes.contains(0) { throw .embeddedNull }

        var index = 0
        var byteOrder = ByteOrder.native
        if let first = bytes.first, let prefix = ByteOrder(rawValue: first) {
            byteOrder = prefix
            index = 1
        }

        var layout = Layout(byteOrder: byteOrder, fields: [], size: 0, valueCount: 0)
        // One allocation for the formats applications write; longer ones grow as usual.
        layout.fields.reserveCapacity(Swift.min(bytes.count, 16))
        while index < bytes.count {
            var character = bytes[index]
            index += 1
            if isWhitespace(character) { continue }

            var count = 1
            if let digit = digitValue(character) {
                count = digit
                while true {
                    guard index < bytes.count else { throw .repeatCountWithoutFormat }
                    character = bytes[index]
                    index += 1
                    guard let next = digitValue(character) else { break }
                    // count * 10 + next must stay within Int.
                    guard count <= (Int.max - next) / 10 else { throw .sizeTooLong }
                    count = count * 10 + next
                }
            }

            guard let code = FormatCode(rawValue: character), !(code.isNativeOnly && !byteOrder.usesNativeSizes)
            else { throw .badCharacter }
            try append(code, count: count, to: &layout)
        }
        return layout
    }

    /// Adds one field: aligns the running size, then grows it by the field's bytes.
    private static func append(_ code: FormatCode, count: Int, to layout: inout Layout) throws(StructError) {
        let itemSize = code.size(in: layout.byteOrder)
        let alignment = code.alignment(in: layout.byteOrder)
        var padding = 0
        if alignment > 1 && layout.size > 0 {
            padding = (alignment - layout.size % alignment) % alignment
            guard padding <= Int.max - layout.size else { throw .sizeTooLong }
        }
        let offset = layout.size + padding
        // For s, p and x the count is a byte count; otherwise it counts items of itemSize bytes.
        guard count <= (Int.max - offset) / itemSize else { throw .sizeTooLong }
        // A field's itemSize is the bytes per value: for s and p the whole string is one value.
        let isString = code.kind == .string || code.kind == .pascalString
        let field = Struct.Field(
            code: code, count: count, offset: offset, alignmentPadding: padding,
            itemSize: isString ? count : itemSize)
        layout.size = offset + field.byteCount
        // Only a format near Int.max bytes followed by `0s` items could overflow; saturate, as
        // any operation on that many values fails its buffer or allocation check anyway.
        let (values, overflow) = layout.valueCount.addingReportingOverflow(field.valueCount)
        layout.valueCount = overflow ? Int.max : values
        layout.fields.append(field)
    }

    /// Python's `Py_ISSPACE`: space, tab, newline, vertical tab, form feed, carriage return.
    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        (0x30...0x39).contains(byte) ? Int(byte - 0x30) : nil
    }

    /// The `UnicodeEncodeError` for the first run of non-ASCII scalars, as CPython reports it.
    private static func nonASCIIError(_ format: String) -> StructError {
        let scalars = Array(format.unicodeScalars)
        let start = scalars.firstIndex { !$0.isASCII } ?? 0
        var end = start
        while end < scalars.count && !scalars[end].isASCII { end += 1 }
        return .nonASCIIFormat(scalars, start: start, end: end)
    }
}
