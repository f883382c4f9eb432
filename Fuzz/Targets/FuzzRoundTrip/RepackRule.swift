import StructPack

/// What `pack(unpack(b))` must give for a record `b`: the round-trip property of SPEC.md §1.11.
///
/// The bytes are reproduced exactly except where the format does not carry them:
///
/// | Bytes | After `pack(unpack(b))` |
/// |-------|-------------------------|
/// | `x` pad bytes, native alignment padding | zero |
/// | `?` | `01` if the byte was nonzero, else `00` |
/// | `p` (count n > 0) | length byte `min(b[0], n - 1)`, then that many bytes of `b`, then zeros |
/// | `e` NaN | `7e00` with the sign bit kept (payload dropped) |
/// | `f` NaN | the same bits with the quiet bit (`0x00400000`) set |
/// | everything else (`c s b B h H i I l L q Q n N P d`, `e`/`f` non-NaN, `d` NaN) | unchanged |
enum RepackRule {
    /// The bytes `pack(unpack(record))` must produce.
    static func expected(_ format: Struct, record: UnsafeRawBufferPointer) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: format.size)
        let bigEndian = isBigEndian(format.byteOrder)
        for field in format.fields {
            let start = field.offset
            switch field.code {
            case .padByte:
                continue
            case .bool:
                for index in 0..<field.count { output[start + index] = record[start + index] != 0 ? 1 : 0 }
            case .pascalString:
                guard field.count > 0 else { continue }
                let length = min(Int(record[start]), field.count - 1)
                output[start] = UInt8(length)
                for index in 0..<length { output[start + 1 + index] = record[start + 1 + index] }
            case .half:
                for item in 0..<field.count {
                    let at = start + 2 * item
                    var bits = load(record, at: at, size: 2, bigEndian: bigEndian)
                    if bits & 0x7C00 == 0x7C00 && bits & 0x03FF != 0 { bits = bits & 0x8000 | 0x7E00 }
                    store(bits, into: &output, at: at, size: 2, bigEndian: bigEndian)
                }
            case .float:
                for item in 0..<field.count {
                    let at = start + 4 * item
                    var bits = load(record, at: at, size: 4, bigEndian: bigEndian)
                    if bits & 0x7F80_0000 == 0x7F80_0000 && bits & 0x007F_FFFF != 0 { bits |= 0x0040_0000 }
                    store(bits, into: &output, at: at, size: 4, bigEndian: bigEndian)
                }
            default:
                for index in 0..<field.byteCount { output[start + index] = record[start + index] }
            }
        }
        return output
    }

    /// Whether values of `byteOrder` are big-endian on this host.
    static func isBigEndian(_ byteOrder: ByteOrder) -> Bool {
        switch byteOrder {
        case .bigEndian, .network: true
        case .littleEndian: false
        default: 1.bigEndian == 1
        }
    }

    private static func load(_ bytes: UnsafeRawBufferPointer, at offset: Int, size: Int, bigEndian: Bool) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<size {
            let byte = UInt64(bytes[offset + index])
            value |= byte << UInt64(8 * (bigEndian ? size - 1 - index : index))
        }
        return value
    }

    private static func store(_ value: UInt64, into bytes: inout [UInt8], at offset: Int, size: Int, bigEndian: Bool) {
        for index in 0..<size {
            bytes[offset + index] = UInt8(truncatingIfNeeded: value >> UInt64(8 * (bigEndian ? size - 1 - index : index)))
        }
    }
}

/// Whether two dynamic value lists are identical, floats compared bit for bit (so NaN payloads
/// and the sign of zero count).
func sameValues(_ left: [StructValue], _ right: [StructValue]) -> Bool {
    left.count == right.count && zip(left, right).allSatisfy(sameValue)
}

/// Whether two dynamic values are identical, floats compared bit for bit.
func sameValue(_ left: StructValue, _ right: StructValue) -> Bool {
    if case .double(let a) = left, case .double(let b) = right { return a.bitPattern == b.bitPattern }
    return left == right
}
