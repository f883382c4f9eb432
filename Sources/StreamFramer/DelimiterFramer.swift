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
/// frame's error is thrown once and ``next()`` then returns the frames after the next
/// delimiter.
///
/// Non-copyable; `Sendable`; no heap allocation per frame.
public struct DelimiterFramer: ~Copyable, FrameDecoder, Sendable {
    /// The options the framer was created with.
    public let configuration: DelimiterConfiguration

    @usableFromInline var buffer: FrameBuffer
    @usableFromInline var state: State
    @usableFromInline var failure: FramingError?
    /// How many buffered bytes, from the read index, are known to end no delimiter.
    @usableFromInline var scannedCount: Int
    @usableFromInline let matcher: DelimiterMatcher
    @usableFromInline let maximumFrameLength: Int
    @usableFromInline let longestDelimiter: Int
    @usableFromInline let keepsDelimiter: Bool

    @usableFromInline
    enum State: Sendable, Equatable {
        case scanning
        case discarding
        case failed
    }

    /// Creates a framer with an empty buffer; nothing is allocated until the first append.
    public init(_ configuration: DelimiterConfiguration) {
        self.configuration = configuration
        self.matcher = DelimiterMatcher(delimitersLongestFirst: configuration.delimitersLongestFirst)
        self.maximumFrameLength = configuration.maximumFrameLength
        self.longestDelimiter = configuration.longestDelimiter
        self.keepsDelimiter = configuration.keepsDelimiter
        self.buffer = FrameBuffer(frameLimit: configuration.maximumFrameLength + configuration.longestDelimiter)
        self.state = .scanning
        self.failure = nil
        self.scannedCount = 0
    }

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

    /// The number of bytes buffered and not yet returned in a frame.
    public var bufferedByteCount: Int { buffer.count }

    /// Counters about the framer's buffer.
    public var statistics: FramerStatistics { buffer.statistics }

    /// Copies `bytes` into the buffer (discarded once the framer has failed).
    ///
    /// - Complexity: O(`bytes.count`) amortised.
    @inlinable
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(bytes)
    }

    /// Lets `body` write up to `maximumByteCount` bytes straight into the buffer; see
    /// ``FrameDecoder/appendWithUnsafeMutableBytes(maximumByteCount:_:)``.
    @inlinable
    public mutating func appendWithUnsafeMutableBytes<E: Error>(
        maximumByteCount: Int, _ body: (UnsafeMutableRawBufferPointer) throws(E) -> Int
    ) throws(E) -> Int {
        try buffer.appendWithUnsafeMutableBytes(maximumByteCount: maximumByteCount, body)
    }

    /// The next complete frame, or `nil` until more bytes arrive.
    ///
    /// - Throws: ``FramingError/Code/frameTooLong`` as soon as the current frame is certainly
    ///   longer than the maximum.
    /// - Complexity: O(bytes scanned since the last call) amortised.
    public mutating func next() throws(FramingError) -> Frame? {
        while true {
            switch state {
            case .failed:
                throw failure ?? FramingError(.invalidConfiguration, "framer failed")
            case .discarding:
                guard skipDiscardedBytes() else {
                    buffer.releaseIfIdle()
                    return nil
                }
            case .scanning:
                guard let frame = try scanForFrame() else {
                    buffer.releaseIfIdle()
                    return nil
                }
                return frame
            }
        }
    }

    /// Ends the stream: returns buffered complete frames one per call, then the unterminated
    /// tail as a final frame if the configuration says so, then `nil` (the framer is then empty
    /// and reusable). An over-long frame being discarded when the stream ends has been
    /// reported already and ends the stream cleanly.
    ///
    /// - Throws: ``FramingError/Code/unterminatedFrame`` for an unterminated tail (by default),
    ///   or ``FramingError/Code/frameTooLong`` for a final frame over the maximum; the framer
    ///   is failed afterwards.
    public mutating func finish() throws(FramingError) -> Frame? {
        if let frame = try next() { return frame }
        let buffered = buffer.count
        if state == .discarding || buffered == 0 {
            buffer.consume(buffered)
            buffer.releaseIfIdle()
            state = .scanning
            scannedCount = 0
            return nil
        }
        guard configuration.endOfStream == .finalFrame else { throw fail(.unterminatedFrame(buffered: buffered)) }
        guard buffered <= maximumFrameLength else {
            throw fail(.delimitedFrameTooLong(length: buffered, maximum: maximumFrameLength))
        }
        let start = buffer.readIndex
        let frame = Frame(
            storage: buffer.storage, wireStart: start, payloadStart: start, payloadEnd: start + buffered,
            wireEnd: start + buffered, includesHeader: false, includesDelimiter: false)
        buffer.consume(buffered)
        scannedCount = 0
        return frame
    }

    /// Looks for the current frame's delimiter in the unscanned bytes.
    ///
    /// The over-long check does not depend on how the stream was chunked: a frame whose first
    /// `maximum + L` bytes end no delimiter is reported as such, whether the framer is still
    /// waiting or the delimiter arrived later in the same chunk; a delimiter ending within them
    /// after more than `maximum` bytes is reported with the frame's exact length.
    @usableFromInline
    mutating func scanForFrame() throws(FramingError) -> Frame? {
        let buffered = buffer.count
        let bytes = UnsafeRawBufferPointer(start: buffer.readPointer, count: buffered)
        // safe because maximumFrameLength <= Int.max - longestDelimiter (checked by the configuration).
        let certainty = maximumFrameLength + longestDelimiter
        let match = matcher.firstMatch(in: bytes, scanningFrom: scannedCount)
        buffer.statistics.bytesScanned &+= (match?.end ?? buffered) - scannedCount
        guard let match else {
            scannedCount = buffered
            // Every delimiter still to come ends after the buffered bytes, so once `certainty`
            // bytes hold none, the frame is longer than the maximum.
            if buffered >= certainty {
                throw overlong(.noDelimiter(within: certainty, maximum: maximumFrameLength))
            }
            return nil
        }
        scannedCount = 0
        guard match.start <= maximumFrameLength else {
            buffer.consume(match.end)
            if match.end > certainty {
                throw overlong(.noDelimiter(within: certainty, maximum: maximumFrameLength))
            }
            throw overlong(.delimitedFrameTooLong(length: match.start, maximum: maximumFrameLength))
        }
        let start = buffer.readIndex
        let frame = Frame(
            storage: buffer.storage, wireStart: start, payloadStart: start, payloadEnd: start + match.start,
            wireEnd: start + match.end, includesHeader: false, includesDelimiter: keepsDelimiter)
        buffer.consume(match.end)
        return frame
    }

    /// In the discarding state: drops bytes up to and including the next delimiter and returns
    /// `true`, or drops all but the last `longest - 1` bytes and returns `false`.
    @usableFromInline
    mutating func skipDiscardedBytes() -> Bool {
        let buffered = buffer.count
        let bytes = UnsafeRawBufferPointer(start: buffer.readPointer, count: buffered)
        let match = matcher.firstMatch(in: bytes, scanningFrom: scannedCount)
        buffer.statistics.bytesScanned &+= (match?.end ?? buffered) - scannedCount
        if let match {
            buffer.consume(match.end)
            scannedCount = 0
            state = .scanning
            return true
        }
        let kept = Swift.min(buffered, longestDelimiter - 1)
        buffer.consume(buffered - kept)
        scannedCount = kept
        return false
    }

    /// Handles an over-long frame per the configuration and returns the error to throw.
    @usableFromInline
    mutating func overlong(_ error: FramingError) -> FramingError {
        guard configuration.overlongFrames == .skipToNextDelimiter else { return fail(error) }
        if state == .scanning && scannedCount > 0 {
            // No delimiter yet: discard until one arrives.
            state = .discarding
            _ = skipDiscardedBytes()
        }
        return error
    }

    /// Enters the failed state, releasing the buffer, and returns `error` to throw.
    @usableFromInline
    mutating func fail(_ error: FramingError) -> FramingError {
        state = .failed
        failure = error
        scannedCount = 0
        buffer.close()
        return error
    }
}
