/// The options of ``FixedLengthFramer``: every frame is exactly ``frameLength`` bytes.
///
/// ```
///  frameLength 3:  +----+----+----+----+----+----+
///                  | a  | b  | c  | d  | e  | f  |   -> "abc", "def"
///                  +----+----+----+----+----+----+
/// ```
public struct FixedLengthConfiguration: Sendable, Hashable {
    /// The length of every frame, in bytes.
    public let frameLength: Int

    /// Validates the frame length.
    ///
    /// - Throws: ``FramingError/Code/invalidConfiguration`` unless `frameLength` is at least 1
    ///   (a zero-length frame would repeat forever without consuming a byte).
    public init(frameLength: Int) throws(FramingError) {
        guard frameLength >= 1 else {
            throw .invalidConfiguration("fixed frame length \(frameLength) must be at least 1")
        }
        self.frameLength = frameLength
    }
}

/// Cuts a stream into frames of one fixed length (records of a struct format, for instance:
/// `FixedLengthFramer(frameLength: Struct("<IHd").size)`).
///
/// A partial frame at the end of the stream is ``FramingError/Code/truncatedFrame``; the
/// framer is failed afterwards (it discards appended bytes and throws the same error again).
///
/// Non-copyable; `Sendable`; no heap allocation per frame.
public struct FixedLengthFramer: ~Copyable, FrameDecoder, Sendable {
    /// The options the framer was created with.
    public let configuration: FixedLengthConfiguration

    @usableFromInline var buffer: FrameBuffer
    @usableFromInline var failure: FramingError?
    @usableFromInline let frameLength: Int

    /// Creates a framer with an empty buffer; nothing is allocated until the first append.
    public init(_ configuration: FixedLengthConfiguration) {
        self.configuration = configuration
        self.frameLength = configuration.frameLength
        self.buffer = FrameBuffer(frameLimit: configuration.frameLength)
        self.failure = nil
    }

    /// Creates a framer for frames of `frameLength` bytes.
    ///
    /// - Throws: ``FramingError/Code/invalidConfiguration`` unless `frameLength >= 1`.
    public init(frameLength: Int) throws(FramingError) {
        self.init(try FixedLengthConfiguration(frameLength: frameLength))
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
    /// - Throws: Only the error that failed the framer at the end of a stream, again.
    @inlinable
    public mutating func next() throws(FramingError) -> Frame? {
        if let failure { throw failure }
        guard buffer.count >= frameLength else {
            buffer.expectFrame(length: frameLength)
            buffer.releaseIfIdle()
            return nil
        }
        let start = buffer.readIndex
        let frame = Frame(
            storage: buffer.storage, wireStart: start, payloadStart: start, payloadEnd: start &+ frameLength,
            wireEnd: start &+ frameLength, includesHeader: false, includesDelimiter: false)
        buffer.consume(frameLength)
        return frame
    }

    /// Ends the stream: returns buffered complete frames one per call, then `nil` at a clean
    /// end (the framer is then empty and reusable).
    ///
    /// - Throws: ``FramingError/Code/truncatedFrame``
    ///   (`stream ended inside a frame: 2 of 3 bytes buffered`) when bytes of a partial frame
    ///   remain; the framer is failed afterwards.
    public mutating func finish() throws(FramingError) -> Frame? {
        if let frame = try next() { return frame }
        let buffered = buffer.count
        guard buffered > 0 else { return nil }
        let error = FramingError.truncatedFrame(buffered: buffered, expected: frameLength)
        failure = error
        buffer.close()
        throw error
    }
}
