public import StructPack

/// A record taken apart field by field, for `structpack inspect`: every byte of the record
/// belongs to exactly one row, in order.
///
/// ```
/// '@BxI2s?'  →  B (value) · x (pad) · 2 bytes alignment · I (value) · 2s (value) · ? (value)
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
        /// The number of bytes.
        public let size: Int
        /// The code as it applies to the row: `I` for one value of `3I`, `10s`, `2x`; empty for
        /// alignment.
        public let code: String
        /// The raw bytes.
        public let bytes: ArraySlice<UInt8>
        /// The value's index in the unpacked tuple, for value rows.
        public let valueIndex: Int?
        /// The unpacked value, for value rows.
        public let value: StructValue?
    }

    /// The format.
    public let format: Struct
    /// Where the record starts in the input.
    public let start: Int
    /// The rows, covering the record's bytes in order.
    public let rows: [Row]

    /// Unpacks `record` and lays out its rows.
    ///
    /// - Parameters:
    ///   - format: The format.
    ///   - record: Exactly ``Struct/size`` bytes.
    ///   - start: The record's offset in the input, added to every row's offset.
    /// - Throws: `StructError` from unpacking (a wrong size, or the allocation limit).
    /// - Complexity: O(fields + values).
    public init(format: Struct, record: [UInt8], start: Int) throws(StructError) {
        let values = try format.unpack(record)
        self.format = format
        self.start = start
        var rows: [Row] = []
        rows.reserveCapacity(values.count + format.fields.count)
        var valueIndex = 0
        func row(_ kind: RowKind, _ offset: Int, _ size: Int, _ code: String, _ index: Int?) -> Row {
            Row(
                kind: kind, offset: start + offset, size: size, code: code,
                bytes: record[offset..<(offset + size)], valueIndex: index, value: index.map { values[$0] })
        }
        for field in format.fields {
            if field.alignmentPadding > 0 {
                rows.append(row(.alignment, field.offset - field.alignmentPadding, field.alignmentPadding, "", nil))
            }
            let counted = field.count == 1 ? String(field.code.character) : "\(field.count)\(field.code.character)"
            switch field.code.kind {
            case .padding:
                rows.append(row(.pad, field.offset, field.count, counted, nil))
            case .string, .pascalString:
                rows.append(row(.value, field.offset, field.count, counted, valueIndex))
                valueIndex += 1
            default:
                for item in 0..<field.count {
                    rows.append(
                        row(.value, field.offset + item * field.itemSize, field.itemSize,
                            String(field.code.character), valueIndex))
                    valueIndex += 1
                }
            }
        }
        self.rows = rows
    }

    /// How the format lays bytes out, in words: `little-endian, standard sizes, no alignment`.
    public var layoutDescription: String {
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
