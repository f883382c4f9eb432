// Constructors for every FramingError, one per failure. They are not inlinable so building a
// message never bloats an inlined hot path.

extension FramingError {
    @usableFromInline
    static func invalidConfiguration(_ message: String) -> FramingError {
        FramingError(.invalidConfiguration, message)
    }

    @usableFromInline
    static func frameTooLong(length: Int128, maximum: Int) -> FramingError {
        FramingError(.frameTooLong, "frame length \(length) exceeds the maximum of \(maximum) bytes")
    }

    /// A delimited frame with no delimiter ending in its first `examined` (maximum + longest
    /// delimiter) bytes, so certainly longer than the maximum.
    @usableFromInline
    static func noDelimiter(within examined: Int, maximum: Int) -> FramingError {
        FramingError(
            .frameTooLong,
            "frame length exceeds the maximum of \(maximum) bytes: no delimiter in the first \(examined) bytes")
    }

    @usableFromInline
    static func delimitedFrameTooLong(length: Int, maximum: Int) -> FramingError {
        FramingError(.frameTooLong, "frame length \(length) exceeds the maximum of \(maximum) bytes")
    }

    @usableFromInline
    static func negativeLengthField(_ value: Int128, field: Int, code: Character) -> FramingError {
        FramingError(.negativeLength, "negative frame length \(value) in length field \(field) ('\(code)')")
    }

    @usableFromInline
    static func negativeAdjustedLength(value: Int128, adjustment: Int, result: Int128) -> FramingError {
        FramingError(
            .negativeLength,
            "length field value \(value) with length adjustment \(adjustment) gives a negative frame length (\(result))")
    }

    @usableFromInline
    static func truncatedHeader(buffered: Int, headerSize: Int) -> FramingError {
        FramingError(
            .truncatedFrame,
            "stream ended inside a frame header: \(buffered) of \(headerSize) header bytes buffered",
            bufferedByteCount: buffered, expectedByteCount: headerSize)
    }

    @usableFromInline
    static func truncatedFrame(buffered: Int, expected: Int) -> FramingError {
        FramingError(
            .truncatedFrame, "stream ended inside a frame: \(buffered) of \(expected) bytes buffered",
            bufferedByteCount: buffered, expectedByteCount: expected)
    }

    /// The end of a stream inside a frame whose length is not known (a custom framing's default).
    @usableFromInline
    static func truncatedFrame(buffered: Int) -> FramingError {
        FramingError(
            .truncatedFrame, "stream ended inside a frame: \(buffered) bytes buffered", bufferedByteCount: buffered)
    }

    @usableFromInline
    static func needMoreBeyondMaximum(_ byteCount: Int, buffered: Int, maximum: Int) -> FramingError {
        .invalidCut(
            "the cutter asked for \(byteCount) more bytes with \(buffered) buffered; its maximum frame length is "
                + "\(maximum) bytes")
    }

    @usableFromInline
    static func invalidCut(_ message: String) -> FramingError {
        FramingError(.invalidCut, "invalid cut: \(message)")
    }

    @usableFromInline
    static func unterminatedFrame(buffered: Int) -> FramingError {
        FramingError(
            .unterminatedFrame, "stream ended with \(buffered) bytes after the last delimiter and no delimiter",
            bufferedByteCount: buffered)
    }

    @usableFromInline
    static func varintTooManyBytes() -> FramingError {
        FramingError(.overlongVarint, "overlong varint length: more than 10 bytes")
    }

    @usableFromInline
    static func varintNonMinimal(byteCount: Int, value: UInt64) -> FramingError {
        FramingError(
            .overlongVarint,
            "overlong varint length: \(value) encoded in \(byteCount) bytes (non-minimal encoding)")
    }

    @usableFromInline
    static func varintOverflow() -> FramingError {
        FramingError(.varintOverflow, "varint length overflows 64 bits")
    }

    @usableFromInline
    static func payloadTooLong(_ count: Int, maximum: Int) -> FramingError {
        FramingError(.payloadTooLong, "payload of \(count) bytes exceeds the maximum frame length of \(maximum) bytes")
    }

    @usableFromInline
    static func payloadOutOfFieldRange(_ count: Int, fieldValue: Int128, code: Character, range: String)
        -> FramingError
    {
        FramingError(
            .payloadTooLong,
            "payload of \(count) bytes needs length field value \(fieldValue), outside '\(code)' range \(range)")
    }

    @usableFromInline
    static func payloadContainsDelimiter(at offset: Int) -> FramingError {
        FramingError(.payloadContainsDelimiter, "payload contains a delimiter at offset \(offset)")
    }

    @usableFromInline
    static func payloadLengthMismatch(_ count: Int, frameLength: Int) -> FramingError {
        FramingError(
            .payloadLengthMismatch, "payload of \(count) bytes does not match the fixed frame length of \(frameLength)")
    }

    @usableFromInline
    static func destinationTooSmall(_ count: Int, needed: Int) -> FramingError {
        FramingError(.destinationTooSmall, "destination of \(count) bytes is smaller than the \(needed)-byte header")
    }

    @usableFromInline
    static func negativePayloadCount(_ count: Int) -> FramingError {
        FramingError(.negativeLength, "payload count \(count) is negative")
    }
}
