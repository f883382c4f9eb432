/// Frames payloads for a ``DelimiterFramer`` with the same configuration: payload + delimiter,
/// or a check of the payload so the delimiter can follow it in a gather write.
///
/// A payload is rejected when decoding payload + delimiter would not give it back: when it
/// contains a delimiter, or when its end and the written delimiter together form another
/// delimiter that ends sooner or is longer (payload ending in `\r` before `\n`, with `\r\n`
/// also configured).
///
/// ```swift
/// let encoder = try DelimiterEncoder(DelimiterConfiguration(delimiter: Array("\r\n".utf8)))
/// try encoder.encode(Array("hello".utf8))    // 68 65 6c 6c 6f 0d 0a
/// ```
public struct DelimiterEncoder: FrameEncoder {
    /// The framing the encoder writes.
    public let configuration: DelimiterConfiguration
    /// The delimiter written after each payload.
    public let delimiter: [UInt8]
    @usableFromInline let matcher: DelimiterMatcher

    /// Creates an encoder that writes `delimiter`, by default the configuration's first.
    ///
    /// - Throws: ``FramingError/Code/invalidConfiguration`` when `delimiter` is not one of the
    ///   configuration's delimiters.
    public init(_ configuration: DelimiterConfiguration, delimiter: [UInt8]? = nil) throws(FramingError) {
        let chosen = delimiter ?? configuration.delimiters[0]
        guard configuration.delimiters.contains(chosen) else {
            throw .invalidConfiguration("the encoder's delimiter is not one of the configured delimiters")
        }
        self.configuration = configuration
        self.delimiter = chosen
        self.matcher = DelimiterMatcher(delimitersLongestFirst: configuration.delimitersLongestFirst)
    }

    /// Checks that `payload` followed by ``delimiter`` decodes back to `payload`.
    ///
    /// - Throws: ``FramingError/Code/payloadTooLong`` beyond the maximum frame length;
    ///   ``FramingError/Code/payloadContainsDelimiter`` (with the offset of the first delimiter
    ///   found) otherwise.
    /// - Complexity: O(payload).
    public func validate(_ payload: UnsafeRawBufferPointer) throws(FramingError) {
        guard payload.count <= configuration.maximumFrameLength else {
            throw .payloadTooLong(payload.count, maximum: configuration.maximumFrameLength)
        }
        if let match = matcher.firstMatch(in: payload, scanningFrom: 0) {
            throw .payloadContainsDelimiter(at: match.start)
        }
        // Only the payload's last bytes can combine with the delimiter.
        let tailCount = Swift.min(payload.count, configuration.longestDelimiter - 1)
        var boundary = Array(UnsafeRawBufferPointer(rebasing: payload[(payload.count - tailCount)...]))
        boundary += delimiter
        let match = boundary.withUnsafeBytes { matcher.firstMatch(in: $0, scanningFrom: 0) }
        guard let match, match.start == tailCount, match.end == boundary.count else {
            throw .payloadContainsDelimiter(at: payload.count - tailCount + (match?.start ?? 0))
        }
    }

    /// Checks an array payload; see ``validate(_:)-(UnsafeRawBufferPointer)``.
    ///
    /// - Throws: as ``validate(_:)-(UnsafeRawBufferPointer)``.
    public func validate(_ payload: [UInt8]) throws(FramingError) {
        try payload.span.bytes.withUnsafeBytes { (buffer) throws(FramingError) in try validate(buffer) }
    }

    /// Appends payload + delimiter to `output`.
    ///
    /// - Throws: as ``validate(_:)-(UnsafeRawBufferPointer)``; `output` is unchanged on error.
    /// - Complexity: O(payload).
    public func encode(_ payload: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(FramingError) {
        try validate(payload)
        output.append(contentsOf: payload)
        output.append(contentsOf: delimiter)
    }
}
