// Constructors for every StructError, one per failure, carrying CPython 3.13's exact text.
// They are not inlinable so that building a message never bloats an inlined hot path.

extension StructError {
    @usableFromInline
    static let badCharacter = StructError(.badCharacter, "bad char in struct format")

    @usableFromInline
    static let repeatCountWithoutFormat = StructError(
        .repeatCountWithoutFormat, "repeat count given without format specifier")

    @usableFromInline
    static let sizeTooLong = StructError(.sizeTooLong, "total struct size too long")

    @usableFromInline
    static let embeddedNull = StructError(.embeddedNull, "embedded null character")

    @usableFromInline
    static let notAnInteger = StructError(.notAnInteger, "required argument is not an integer")

    @usableFromInline
    static let notAFloat = StructError(.notAFloat, "required argument is not a float")

    /// CPython's text when an `int` overflows while being packed outside an integer range check:
    /// `P` beyond -2^63 ... 2^64-1, or `e` beyond the largest half.
    @usableFromInline
    static let intTooLargeToConvert = StructError(.integerOutOfRange, "int too large to convert")

    @usableFromInline
    static let charLength = StructError(.charLength, "char format requires a bytes object of length 1")

    @usableFromInline
    static let zeroSizeIteration = StructError(
        .zeroSizeIteration, "cannot iteratively unpack with a struct of length 0")

    /// CPython's `UnicodeEncodeError` text for the run of non-ASCII scalars `start..<end`
    /// (positions counted in Unicode scalars, as Python counts code points).
    @usableFromInline
    static func nonASCIIFormat(_ scalars: [Unicode.Scalar], start: Int, end: Int) -> StructError {
        let detail: String
        if end - start == 1 {
            detail = "character '\(pythonEscape(scalars[start]))' in position \(start)"
        } else {
            detail = "characters in position \(start)-\(end - 1)"
        }
        return StructError(
            .nonASCIIFormat, "'ascii' codec can't encode \(detail): ordinal not in range(128)")
    }

    /// Python's repr escape for one non-ASCII code point: `\xe9`, `\u20ac`, `\U0001f600`.
    private static func pythonEscape(_ scalar: Unicode.Scalar) -> String {
        let value = scalar.value
        let (prefix, width) = value < 0x100 ? ("\\x", 2) : value < 0x10000 ? ("\\u", 4) : ("\\U", 8)
        let hex = String(value, radix: 16)
        return prefix + String(repeating: "0", count: max(0, width - hex.count)) + hex
    }

    @usableFromInline
    static func itemCount(_ operation: String, expected: Int, got: Int) -> StructError {
        StructError(.itemCount, "\(operation) expected \(expected) items for packing (got \(got))")
    }

    /// The range error for an integer code of `size` bytes; `'P'` has its own text.
    @usableFromInline
    static func integerOutOfRange(_ code: FormatCode, size: Int) -> StructError {
        if code == .pointer { return intTooLargeToConvert }
        let bits = size * 8
        let range: String
        if code.kind == .signedInteger {
            let max = (Int128(1) << (bits - 1)) - 1
            range = "\(-max - 1) <= number <= \(max)"
        } else {
            range = "0 <= number <= \((UInt128(1) << bits) - 1)"
        }
        return StructError(.integerOutOfRange, "'\(code.character)' format requires \(range)")
    }

    @usableFromInline
    static func floatTooLarge(_ code: FormatCode) -> StructError {
        StructError(.floatTooLarge, "float too large to pack with \(code.character) format")
    }

    @usableFromInline
    static func notBytes(_ code: FormatCode) -> StructError {
        StructError(.notBytes, "argument for '\(code.character)' must be a bytes object")
    }

    @usableFromInline
    static func unpackSize(_ size: Int) -> StructError {
        StructError(.wrongBufferSize, "unpack requires a buffer of \(size) bytes")
    }

    @usableFromInline
    static func iterationSize(_ size: Int) -> StructError {
        StructError(.wrongBufferSize, "iterative unpacking requires a buffer of a multiple of \(size) bytes")
    }

    /// The errors of `unpack_from` (`packing == false`) and `pack_into` (`packing == true`)
    /// when the buffer is too short after a non-negative offset.
    @usableFromInline
    static func bufferTooSmall(packing: Bool, size: Int, offset: Int, bufferCount: Int) -> StructError {
        // CPython prints the requirement as size_t, so it cannot overflow for any Int inputs.
        let required = UInt(size) + UInt(offset)
        let operation = packing ? "pack_into" : "unpack_from"
        let verb = packing ? "packing" : "unpacking"
        return StructError(
            .bufferTooSmall,
            "\(operation) requires a buffer of at least \(required) bytes for \(verb) \(size) bytes "
                + "at offset \(offset) (actual buffer size is \(bufferCount))")
    }

    /// A negative offset that leaves fewer than `size` bytes before the end of the buffer.
    @usableFromInline
    static func negativeOffsetTooClose(packing: Bool, size: Int, offset: Int) -> StructError {
        let text =
            packing
            ? "no space to pack \(size) bytes at offset \(offset)"
            : "not enough data to unpack \(size) bytes at offset \(offset)"
        return StructError(.bufferTooSmall, text)
    }

    @usableFromInline
    static func offsetOutOfRange(_ offset: Int, bufferCount: Int) -> StructError {
        StructError(.offsetOutOfRange, "offset \(offset) out of range for \(bufferCount)-byte buffer")
    }

    @usableFromInline
    static func valueIndexOutOfRange(_ index: Int, format: String, valueCount: Int) -> StructError {
        StructError(
            .valueIndexOutOfRange,
            "value index \(index) out of range for format '\(format)' with \(valueCount) values")
    }

    @usableFromInline
    static func valueTypeMismatch(_ index: Int, slot: ValueSlot, format: String, typeName: String) -> StructError {
        StructError(
            .typeMismatch,
            "value \(index) of format '\(format)' is '\(slot.code.character)' (\(slot.size) bytes), "
                + "which \(typeName) cannot hold", valueIndex: index)
    }

    /// A converted type's representation that stands for no value: `7 is not a valid Kind`.
    /// The typed API adds where the value lies: its index, byte offset and the format.
    ///
    /// - Parameters:
    ///   - representation: The representation as text, such as `7`.
    ///   - typeName: The converted type's name.
    public static func invalidValue(_ representation: String, of typeName: String) -> StructError {
        StructError(.invalidValue, "\(representation) is not a valid \(typeName)")
    }

    /// This error with the value's place in `format` put in front of an ``Code/invalidValue``
    /// message (`value 1 of format '<IB' at byte offset 4: 7 is not a valid Kind`); other errors
    /// keep CPython's text and only gain the location fields.
    @usableFromInline
    func locatedInvalidValue(index: Int, offset: Int, format: String) -> StructError {
        guard code == .invalidValue, valueIndex == nil else { return located(valueIndex: index, byteOffset: offset) }
        return StructError(
            code, "value \(index) of format '\(format)' at byte offset \(offset): \(message)", valueIndex: index,
            byteOffset: offset)
    }

    /// A slot passed to an element's public `pack(into:at:)` or `unpack(from:at:)` that does not
    /// lie inside the span it was given.
    @usableFromInline
    static func slotOutside(_ slot: ValueSlot, byteCount: Int) -> StructError {
        StructError(
            .bufferTooSmall,
            "a '\(slot.code.character)' value of \(slot.size) bytes at offset \(slot.offset) does not fit in a "
                + "buffer of \(byteCount) bytes", byteOffset: slot.offset)
    }

    /// An element type asked to unpack a code it cannot hold, through its public `unpack(from:at:)`.
    @usableFromInline
    static func slotTypeMismatch(_ slot: ValueSlot, typeName: String) -> StructError {
        StructError(
            .typeMismatch, "'\(slot.code.character)' (\(slot.size) bytes) is not a value \(typeName) can hold",
            byteOffset: slot.offset)
    }

    /// A direct load asked of a type without a direct layout: unreachable through StructPack's
    /// plans, which only take direct paths for direct types.
    @usableFromInline
    static func noDirectLayout(_ typeName: String) -> StructError {
        StructError(.typeMismatch, "\(typeName) has no direct layout")
    }

    /// A record type whose `fields(_:)` visited a different number of values, or different
    /// types, than when it was checked against the format.
    @usableFromInline
    static func fieldsChanged(typeName: String, format: String) -> StructError {
        StructError(
            .typeMismatch,
            "the fields of \(typeName) did not match format '\(format)' as when they were checked: "
                + "fields(_:) must visit the same fields, in the same order, every time")
    }

    /// A typed tuple or record whose number of values differs from the format's.
    @usableFromInline
    static func valueCountMismatch(typeName: String, visited: Int, format: String, valueCount: Int, isTuple: Bool)
        -> StructError
    {
        let given = isTuple ? "\(visited) types were given" : "the fields of \(typeName) hold \(visited)"
        return StructError(.typeMismatch, "format '\(format)' has \(valueCount) values but \(given)")
    }

    @usableFromInline
    static func allocationLimit(_ bytes: Int, limit: Int) -> StructError {
        StructError(
            .allocationLimit,
            "cannot allocate \(bytes) bytes: StructPack refuses allocations over \(limit) bytes")
    }
}

extension StructError {
    /// Thrown by the typed API's visitors when a shape's visits no longer match its plan; the
    /// engine replaces it with ``fieldsChanged(typeName:format:)``.
    @usableFromInline
    static let fieldsChangedMarker = StructError(.typeMismatch, "a record's fields changed after they were checked")
}

extension StructError {
    /// `error` located at value `index` (and `offset`); out of line for inlined callers.
    @usableFromInline @inline(never)
    static func locate(_ error: StructError, index: Int, offset: Int?) -> StructError {
        error.located(valueIndex: index, byteOffset: offset)
    }
}
