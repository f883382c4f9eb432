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
                + "which \(typeName) cannot hold")
    }

    @usableFromInline
    static func allocationLimit(_ bytes: Int, limit: Int) -> StructError {
        StructError(
            .allocationLimit,
            "cannot allocate \(bytes) bytes: StructPack refuses allocations over \(limit) bytes")
    }
}
