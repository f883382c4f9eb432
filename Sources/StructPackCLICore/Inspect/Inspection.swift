public import StructPack

/// A record taken apart field by field, for `structpack inspect`: every byte of the record
/// belongs to exactly one row, in order. When the input ends inside the record, the rows stop
/// at the row the data ends in, which holds the bytes present and no value.
///
/// ```
/// '@BxI2s?'  →  B (value) · x (pad) · 2 bytes alignment · I (value) · 2s (value) · ? (value)
/// '<IH' on 01000000 02  →  I (value, 1) · H (2 bytes, 1 present: the data ends)
/// ```
///
/// Repeated numeric codes (`3i`) give one row per value; `s`, `p` and `x` give one row for
/// the whole field; native alignment padding gets a row of its own.
public struct Inspection: Sendable {
    /// What a row holds.
    public enum RowKind: String, Sendable, Hashable {
        /// One value of the format.
        case value
        /// `x` pad bytes.
        case pad
        /// Zero bytes inserted before a field to align it (native mode only).
        case alignment
    }

    /// One row: a run of bytes of the record and what they mean.
    public struct Row: Sendable, Hashable {
        /// What the bytes are.
        public let kind: RowKind
        /// The offset of the first byte in the input (the record's start plus the offset in
        /// the record).
        public let offset: Int
        /// The number of bytes the row spans in a whole record.
        public let size: Int
        /// The code as it applies to the row: `I` for one value of `3I`, `10s`, `2x`; empty for
        /// alignment.
        public let code: String
        /// The row's bytes that the input holds: all ``size`` of them, except in the row where
        /// the data ends.
        public let bytes: ArraySlice<UInt8>
        /// The value's index in the unpacked tuple, for value rows.
        public let valueIndex: Int?
        /// The unpacked value, for value rows whose bytes are all present.
        public let value: StructValue?

        /// Whether all the row's bytes are present.
        public var isComplete: Bool { bytes.count == size }
    }

    /// The format.
    public let format: Struct
    /// Where the record starts in the input.
    public let start: Int
    /// The rows, covering the record's bytes in order; the last one is incomplete when the
    /// data ends inside the record.
    public let rows: [Row]

    /// Whether the input holds the whole record.
    public var isComplete: Bool { rows.last?.isComplete ?? true }

    /// Lays out the rows of a record, or of the part of it the input holds.
    ///
    /// A whole record is unpacked at once; in a partial record each complete value is unpacked
    /// from its own bytes with a one-code format of the same byte order (a value depends only
    /// on its own bytes), and the rows stop at the first row the data ends in.
    ///
    /// - Parameters:
    ///   - format: The format.
    ///   - record: The record's first bytes, at most ``Struct/size`` of them (all of them for a
    ///     whole record).
    ///   - start: The record's offset in the input, added to every row's offset.
    /// - Throws: ``ToolError`` with StructPack's message if a value cannot be unpacked (not
    ///   expected: the bytes are the format's own).
    /// - Complexity: O(rows shown + bytes); a partial record costs rows only up to its end,
    ///   whatever the format's repeat counts.
    public init(format: Struct, record: [UInt8], start: Int) throws(ToolError) {
        self.format = format
        self.start = start
        let values: [StructValue]?
        do {
            values = record.count == format.size ? try format.unpack(record) : nil
        } catch {
            throw ToolError(error)
        }
        var decoder = SingleValueDecoder(byteOrder: format.byteOrder)
        var rows: [Row] = []
        var valueIndex = 0
        /// Appends a row; returns `false` once the data has ended inside it.
        func append(_ kind: RowKind, _ offset: Int, _ size: Int, _ code: String, _ index: Int?) throws(ToolError)
            -> Bool
        {
            let presentEnd = min(record.count, offset + size)
            let bytes = record[min(offset, record.count)..<presentEnd]
            var value: StructValue?
            if let index, bytes.count == size {
                if let values {
                    value = values[index]
                } else {
                    value = try decoder.value(code: code, bytes: bytes)
                }
            }
            rows.append(
                Row(
                    kind: kind,
                    offset: start + offset,
                    size: size,
                    code: code,
                    bytes: bytes,
                    valueIndex: index,
                    value: value
                )
            )
            return bytes.count == size
        }
        fieldLoop: for field in format.fields {
            if field.alignmentPadding > 0 {
                let padding = field.alignmentPadding
                guard try append(.alignment, field.offset - padding, padding, "", nil) else { break }
            }
            let counted = field.count == 1 ? String(field.code.character) : "\(field.count)\(field.code.character)"
            switch field.code.kind {
            case .padding:
                guard try append(.pad, field.offset, field.count, counted, nil) else { break fieldLoop }
            case .string, .pascalString:
                guard try append(.value, field.offset, field.count, counted, valueIndex) else { break fieldLoop }
                valueIndex += 1
            default:
                let code = String(field.code.character)
                for item in 0..<field.count {
                    guard try append(.value, field.offset + item * field.itemSize, field.itemSize, code, valueIndex)
                    else { break fieldLoop }
                    valueIndex += 1
                }
            }
        }
        self.rows = rows
    }
}
