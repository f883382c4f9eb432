extension StructValue: StructPackable {
    /// Packs the value as Python packs the matching type (`int`, `bool`, `float`, `bytes`).
    ///
    /// - Throws: ``StructError`` as CPython raises for that type and code, or `.bufferTooSmall`
    ///   when the slot does not lie inside `bytes`.
    @inlinable
    public func pack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        guard slot.lies(inside: bytes.byteCount) else { throw StructError.slotOutside(slot, byteCount: bytes.byteCount) }
        try _unsafePack(into: &bytes, at: slot)
    }

    /// Packs the value into a slot checked by the caller.
    ///
    /// - Throws: ``StructError`` as CPython raises for that type and code.
    @inlinable
    public func _unsafePack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        switch self {
        case .int(let integer):
            try PackSemantics.packInteger(integer.value, into: &bytes, slot)
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
    ///
    /// - Throws: `.bufferTooSmall` or `.typeMismatch` for a slot outside `bytes` or of `x`.
    @inlinable
    public static func unpack(from bytes: RawSpan, at slot: ValueSlot) throws(StructError) -> StructValue {
        try checkUnpacking(from: bytes, at: slot)
        return _unsafeUnpack(from: bytes, at: slot, owner: nil)
    }

    /// Every value of StructValue's is valid.
    @inlinable
    public static var _unpackingCannotFail: Bool { true }

    /// The value of a slot checked by the caller.
    @inlinable
    public static func _unsafeUnpack(from bytes: RawSpan, at slot: ValueSlot, owner: ArraySlice<UInt8>?) -> StructValue {
        switch slot.code.kind {
        case .signedInteger, .unsignedInteger:
            return .int(Integer(ScalarCoding.loadInteger(bytes, slot)))
        case .bool:
            return .bool(ScalarCoding.loadUnsigned(bytes, slot) != 0)
        case .floatingPoint:
            return .double(ScalarCoding.loadDouble(bytes, slot))
        case .char, .string, .pascalString, .padding:
            return .bytes(ScalarCoding.loadBytes(bytes, slot))
        }
    }
}
