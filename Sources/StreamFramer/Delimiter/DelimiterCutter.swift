/// Cuts frames that end with a delimiter: lines (`\n`, `\r\n`), NUL-terminated records, or any
/// byte strings. See ``DelimiterConfiguration`` for the matching rule and the options.
///
/// ```
///   scanning --delimiter found, frame <= maximum--> frame returned, scanning
///   scanning --frame certainly > maximum--> error; then failed (.fail)
///                                             or discarding (.skipToNextDelimiter)
///   discarding --delimiter found--> scanning (the bytes up to it are dropped)
/// ```
///
/// Scanning resumes where it stopped, so a frame arriving one byte at a time costs linear
/// time. While discarding, only the last `L - 1` bytes are kept (L the longest delimiter), so
/// memory stays bounded however long the over-long frame is.
///
/// After an error with ``DelimiterConfiguration/OverlongFrames/fail`` (and after an error at
/// the end of the stream) the framer is failed: it discards appended bytes and throws the same
/// error again. With ``DelimiterConfiguration/OverlongFrames/skipToNextDelimiter`` the over-long
/// frame's error is thrown once and ``FramingEngine/next()`` then returns the frames after the
/// next delimiter.
///
/// Non-copyable; `Sendable`; no heap allocation per frame.
public typealias DelimiterFramer = FramingEngine<DelimiterCutter>

extension FramingEngine where Cutter == DelimiterCutter {
    /// Creates a framer for one or more delimiters given as bytes.
    ///
    /// - Throws: ``FramingError/Code/invalidConfiguration``, as
    ///   ``DelimiterConfiguration/init(delimiters:keepsDelimiter:maximumFrameLength:endOfStream:overlongFrames:)``.
    public init(
        delimiters: [[UInt8]], keepsDelimiter: Bool = false,
        maximumFrameLength: Int = DelimiterConfiguration.defaultMaximumFrameLength,
        endOfStream: DelimiterConfiguration.EndOfStream = .error,
        overlongFrames: DelimiterConfiguration.OverlongFrames = .fail
    ) throws(FramingError) {
        self.init(
            try DelimiterConfiguration(
                delimiters: delimiters, keepsDelimiter: keepsDelimiter, maximumFrameLength: maximumFrameLength,
                endOfStream: endOfStream, overlongFrames: overlongFrames))
    }
}

/// The cutter of ``DelimiterFramer``: a resumable search for the first delimiter that ends in
/// the buffered bytes.
public struct DelimiterCutter: FrameCutter {
    /// True: every layout is within the maximum by construction.
    @inlinable
    public static var _describesCheckedLayouts: Bool { true }

    /// The options of ``DelimiterFramer``.
    public typealias Configuration = DelimiterConfiguration

    @usableFromInline let matcher: DelimiterMatcher
    @usableFromInline let maximumContentLength: Int
    @usableFromInline let longestDelimiter: Int
    @usableFromInline let keepsDelimiter: Bool
    @usableFromInline let skipsOverlongFrames: Bool
    @usableFromInline let deliversFinalFrame: Bool
    /// How many buffered bytes, from the start, are known to end no delimiter.
    @usableFromInline var scannedCount = 0
    /// Whether the bytes are the rest of an over-long frame, dropped up to the next delimiter.
    @usableFromInline var discarding = false
    /// Bytes examined by searches so far: each byte once, however the stream is chunked.
    public private(set) var bytesScanned = 0

    /// The cutter for `configuration`.
    public init(_ configuration: DelimiterConfiguration) {
        self.matcher = DelimiterMatcher(delimitersLongestFirst: configuration.delimitersLongestFirst)
        self.maximumContentLength = configuration.maximumFrameLength
        self.longestDelimiter = configuration.longestDelimiter
        self.keepsDelimiter = configuration.keepsDelimiter
        self.skipsOverlongFrames = configuration.overlongFrames == .skipToNextDelimiter
        self.deliversFinalFrame = configuration.endOfStream == .finalFrame
    }

    /// The maximum frame length plus the longest delimiter.
    public var maximumFrameLength: Int { maximumContentLength + longestDelimiter }

    /// Looks for the current frame's delimiter in the bytes not searched yet (or, discarding,
    /// for the delimiter that ends the over-long frame).
    ///
    /// The over-long check does not depend on how the stream was chunked: a frame whose first
    /// `maximum + L` bytes end no delimiter is reported as such, whether the framer is still
    /// waiting or the delimiter arrived later in the same chunk; a delimiter ending within them
    /// after more than `maximum` bytes is reported with the frame's exact length.
    ///
    /// - Throws: ``FramingError/Code/frameTooLong`` as soon as the frame is certainly longer
    ///   than the maximum (with `.skipToNextDelimiter` thrown once, the framer going on).
    public mutating func cut(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        try bytes.withUnsafeBytes { (buffer) throws(FramingError) -> FrameCut in
            discarding ? skipDiscardedBytes(buffer) : try scan(buffer)
        }
    }

    mutating func scan(_ bytes: UnsafeRawBufferPointer) throws(FramingError) -> FrameCut {
        let buffered = bytes.count
        // safe because maximumFrameLength <= Int.max - longestDelimiter (checked by the configuration).
        let certainty = maximumContentLength + longestDelimiter
        let match = matcher.firstMatch(in: bytes, scanningFrom: scannedCount)
        bytesScanned &+= (match?.end ?? buffered) - scannedCount
        guard let match else {
            scannedCount = buffered
            // Every delimiter still to come ends after the buffered bytes, so once `certainty`
            // bytes hold none, the frame is longer than the maximum.
            guard buffered >= certainty else { return .needMore(1) }
            let error = FramingError.noDelimiter(within: certainty, maximum: maximumContentLength)
            guard skipsOverlongFrames else { throw error }
            // No delimiter yet: discard until one arrives, keeping what could start it.
            discarding = true
            let kept = Swift.min(buffered, longestDelimiter - 1)
            scannedCount = kept
            throw error.resuming(afterSkipping: buffered - kept)
        }
        scannedCount = 0
        guard match.start <= maximumContentLength else {
            let error =
                match.end > certainty
                ? FramingError.noDelimiter(within: certainty, maximum: maximumContentLength)
                : FramingError.delimitedFrameTooLong(length: match.start, maximum: maximumContentLength)
            guard skipsOverlongFrames else { throw error }
            throw error.resuming(afterSkipping: match.end)
        }
        return .frame(
            FrameLayout(
                payloadLength: match.start, trailerLength: match.end - match.start, includesTrailer: keepsDelimiter))
    }

    /// Discarding: drops the bytes up to and including the next delimiter, or all but the last
    /// `L - 1` bytes while none has arrived.
    mutating func skipDiscardedBytes(_ bytes: UnsafeRawBufferPointer) -> FrameCut {
        let buffered = bytes.count
        let match = matcher.firstMatch(in: bytes, scanningFrom: scannedCount)
        bytesScanned &+= (match?.end ?? buffered) - scannedCount
        if let match {
            scannedCount = 0
            discarding = false
            return .skip(match.end)
        }
        let kept = Swift.min(buffered, longestDelimiter - 1)
        scannedCount = kept
        return kept < buffered ? .skip(buffered - kept) : .needMore(1)
    }

    /// The unterminated tail at the end of the stream: dropped while discarding (the over-long
    /// frame was reported), else a final frame or an error per the configuration.
    ///
    /// - Throws: ``FramingError/Code/unterminatedFrame`` for an unterminated tail (by default),
    ///   or ``FramingError/Code/frameTooLong`` for a final frame over the maximum.
    public mutating func cutAtEndOfStream(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        let buffered = bytes.byteCount
        scannedCount = 0
        if discarding { return .skip(buffered) }
        guard deliversFinalFrame else { throw .unterminatedFrame(buffered: buffered) }
        guard buffered <= maximumContentLength else {
            throw .delimitedFrameTooLong(length: buffered, maximum: maximumContentLength)
        }
        return .frame(FrameLayout(payloadLength: buffered))
    }
}
