extension StructValue: StructPackable {
    /// Packs the value as Python packs the matching type (`int`, `bool`, `float`, `bytes`).
    ///
    /// - Throws: ``StructError`` as CPython raises for that type and code.
    @inlinable
    public func pack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        switch self {
        case .int(let value):
            try PackSemantics.packInteger(value, into: &bytes, slot)
        case .bool(let value):
            try PackSemantics.packInteger(value ? 1 : 0, into: &bytes, slot)
        case .double(let value):
            try PackSemantics.packDouble(value, into: &bytes, slot)
        case .bytes(let value):
            try value.span.bytes.withUnsafeBytes { (source) throws(StructError) in
                try PackSemantics.packBytes(source, into: &bytes, slot)
            }
        }
    }
}

extension StructValue: StructUnpackable {
    /// Every code that has a value.
    @inlinable
    public static func canUnpack(_ code: FormatCode, size: Int) -> Bool {
        code != .padByte
    }

    /// The value Python's `unpack` returns for the slot: `.int`, `.bool`, `.double` or `.bytes`.
    @inlinable
    public static func unpack(from bytes: RawSpan, at slot: ValueSlot) -> StructValue {
        switch slot.code.kind {
        case .signedInteger, .unsignedInteger:
            return .int(ScalarCoding.loadInteger(bytes, slot))
        case .bool:
            return .bool(ScalarCoding.loadUnsigned(bytes, slot) != 0)
        case .floatingPoint:
            return .double(ScalarCoding.loadDouble(bytes, slot))
        case .char, .string, .pascalString, .padding:
            return .bytes(ScalarCoding.loadBytes(bytes, slot))
        }
    }
}
