/// The options of ``VarintFramer``: each frame is a varint length (unsigned LEB128) followed by
/// that many bytes, as protobuf's `writeDelimitedTo` / `parseDelimitedFrom` streams.
///
/// ```
///  +----+----+----------------- 300 bytes -----------------+----+------ 5 bytes -----+
///  | ac | 02 | payload                                     | 05 | payload            |
///  +----+----+---------------------------------------------+----+--------------------+
/// ```
public struct VarintConfiguration: Sendable, Hashable {
    /// The default ``maximumFrameLength``: 16 MiB.
    public static let defaultMaximumFrameLength = 16 << 20

    /// The longest payload accepted, varint not counted.
    public let maximumFrameLength: Int
    /// Whether delivered frames start with the varint (``Frame/header`` holds it either way).
    public let keepsHeader: Bool
    /// Whether non-minimal varints (`80 00` for 0) are accepted, as protobuf's parsers do; by
    /// default they are ``FramingError/Code/overlongVarint``.
    public let allowsNonMinimalEncoding: Bool

    /// Validates varint options.
    ///
    /// - Throws: ``FramingError/Code/invalidConfiguration`` for a negative maximum (or one so
    ///   large that adding the 10-byte varint overflows `Int`).
    public init(
        maximumFrameLength: Int = VarintConfiguration.defaultMaximumFrameLength, keepsHeader: Bool = false,
        allowsNonMinimalEncoding: Bool = false
    ) throws(FramingError) {
        guard maximumFrameLength >= 0 && maximumFrameLength <= Int.max - Varint.maximumByteCount else {
            throw .invalidConfiguration(
                "maximum frame length \(maximumFrameLength) is out of range 0...\(Int.max - Varint.maximumByteCount)")
        }
        self.maximumFrameLength = maximumFrameLength
        self.keepsHeader = keepsHeader
        self.allowsNonMinimalEncoding = allowsNonMinimalEncoding
    }
}

/// Cuts frames announced by a varint length (see ``VarintConfiguration``).
///
/// ```
///   waitingForHeader --varint complete, length <= maximum--> waitingForFrame(header, length)
///          ^                                                        |
///          +------------------ body complete: frame returned -------+
///   any state --overlong, overflowing or too long--> failed (sticky)
/// ```
///
/// A varint is at most 10 bytes, so the length is checked after at most 10 buffered bytes.
/// After an error the framer is failed: it discards appended bytes, releases its buffer, and
/// throws the same error again.
///
/// Non-copyable; `Sendable`; no heap allocation per frame.
public struct VarintFramer: ~Copyable, FrameDecoder, Sendable {
    /// The options the framer was created with.
    public let configuration: VarintConfiguration

    @usableFromInline var buffer: FrameBuffer
    @usableFromInline var state: State
    @usableFromInline var failure: FramingError?
    @usableFromInline let maximumFrameLength: Int
    @usableFromInline let keepsHeader: Bool
    @usableFromInline let allowsNonMinimal: Bool

    @usableFromInline
    enum State: Sendable, Equatable {
        case waitingForHeader
        case waitingForFrame(headerLength: Int, bodyLength: Int)
        case failed
    }

    /// Creates a framer with an empty buffer; nothing is allocated until the first append.
    public init(_ configuration: VarintConfiguration) {
        self.configuration = configuration
        self.maximumFrameLength = configuration.maximumFrameLength
        self.keepsHeader = configuration.keepsHeader
        self.allowsNonMinimal = configuration.allowsNonMinimalEncoding
        self.buffer = FrameBuffer(frameLimit: configuration.maximumFrameLength + Varint.maximumByteCount)
        self.state = .waitingForHeader
        self.failure = nil
    }

    /// Creates a framer from options.
    ///
    /// - Throws: as ``VarintConfiguration/init(maximumFrameLength:keepsHeader:allowsNonMinimalEncoding:)``.
    public init(
        maximumFrameLength: Int = VarintConfiguration.defaultMaximumFrameLength, keepsHeader: Bool = false,
        allowsNonMinimalEncoding: Bool = false
    ) throws(FramingError) {
        self.init(
            try VarintConfiguration(
                maximumFrameLength: maximumFrameLength, keepsHeader: keepsHeader,
                allowsNonMinimalEncoding: allowsNonMinimalEncoding))
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
    /// - Throws: ``FramingError/Code/overlongVarint``, ``FramingError/Code/varintOverflow`` or
    ///   ``FramingError/Code/frameTooLong`` as soon as the varint is complete (or 10 bytes
    ///   long); the same error again on every later call.
    @inlinable
    public mutating func next() throws(FramingError) -> Frame? {
        let headerLength: Int
        let bodyLength: Int
        switch state {
        case .waitingForFrame(let header, let body):
            headerLength = header
            bodyLength = body
        case .waitingForHeader:
            guard let (header, body) = try decodeHeader() else {
                buffer.releaseIfIdle()
                return nil
            }
            headerLength = header
            bodyLength = body
            state = .waitingForFrame(headerLength: header, bodyLength: body)
            buffer.expectFrame(length: header &+ body)
        case .failed:
            throw failure ?? FramingError(.invalidConfiguration, "framer failed")
        }
        // safe because bodyLength <= maximumFrameLength <= Int.max - 10.
        let wireLength = headerLength &+ bodyLength
        guard buffer.count >= wireLength else { return nil }
        let start = buffer.readIndex
        let frame = Frame(
            storage: buffer.storage, wireStart: start, payloadStart: start &+ headerLength,
            payloadEnd: start &+ wireLength, wireEnd: start &+ wireLength, includesHeader: keepsHeader,
            includesDelimiter: false)
        buffer.consume(wireLength)
        state = .waitingForHeader
        return frame
    }

    /// Ends the stream: returns buffered complete frames one per call, then `nil` at a clean
    /// end (the framer is then empty and reusable).
    ///
    /// - Throws: ``FramingError/Code/truncatedFrame`` when the stream ended inside a varint or
    ///   a payload; the framer is failed afterwards.
    public mutating func finish() throws(FramingError) -> Frame? {
        if let frame = try next() { return frame }
        let buffered = buffer.count
        guard buffered > 0 else { return nil }
        switch state {
        case .waitingForFrame(let header, let body):
            throw fail(.truncatedFrame(buffered: buffered, expected: header + body))
        case .waitingForHeader, .failed:
            throw fail(
                FramingError(
                    .truncatedFrame, "stream ended inside a varint length: \(buffered) bytes buffered",
                    bufferedByteCount: buffered))
        }
    }

    /// Reads the varint at the read index: (varint length, payload length), or `nil` if it is
    /// not complete yet.
    @inlinable
    mutating func decodeHeader() throws(FramingError) -> (Int, Int)? {
        let available = UnsafeRawBufferPointer(
            start: buffer.readPointer, count: Swift.min(buffer.count, Varint.maximumByteCount))
        let decoded: Varint.Decoded
        do {
            decoded = try Varint.decode(available, allowsNonMinimal: allowsNonMinimal)
        } catch {
            throw fail(error)
        }
        switch decoded {
        case .incomplete:
            return nil
        case .value(let value, let byteCount):
            guard value <= UInt64(maximumFrameLength) else {
                throw fail(.frameTooLong(length: Int128(value), maximum: maximumFrameLength))
            }
            return (byteCount, Int(value))
        }
    }

    /// Enters the failed state, releasing the buffer, and returns `error` to throw.
    @usableFromInline
    mutating func fail(_ error: FramingError) -> FramingError {
        state = .failed
        failure = error
        buffer.close()
        return error
    }
}
