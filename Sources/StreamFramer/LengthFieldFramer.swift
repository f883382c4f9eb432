public import StructPack

/// Cuts frames announced by a length field in a fixed-size header described by a struct format
/// (`'!I'`, `'<H'`, `'>Q'`, PostgreSQL's `'!cI'` …): the framing of Python's classic
/// `sock.sendall(struct.pack('!I', len(data)) + data)`.
///
/// ```
///  one frame on the wire, header '!I':
///  +----+----+----+----+----+----+----+----+----+
///  | 00 | 00 | 00 | 05 | 68 | 65 | 6c | 6c | 6f |      -> payload "hello"
///  +----+----+----+----+----+----+----+----+----+
///  |<-- length = 5 --->|<-------- body -------->|
/// ```
///
/// State machine (as swift-nio's length-field decoder):
///
/// ```
///   waitingForHeader --header complete, length valid--> waitingForFrame(length)
///          ^                                                   |
///          +-------------- body complete: frame returned ------+
///   any state --bad header (negative, too long)--> failed (sticky)
/// ```
///
/// ```swift
/// var framer = try LengthFieldFramer(header: "!I")
/// framer.append(chunk)
/// while let frame = try framer.next() {
///     print(frame.payload.hex)
/// }
/// ```
///
/// After an error the framer is failed: it discards appended bytes, releases its buffer, and
/// ``next()`` and ``finish()`` throw the same error again. Frames returned earlier stay valid.
///
/// Non-copyable; `Sendable`. No heap allocation per frame: each ``Frame`` is a view of the
/// framer's buffer (see ``Frame`` for its lifetime).
public struct LengthFieldFramer: ~Copyable, FrameDecoder, Sendable {
    /// The options the framer was created with.
    public let configuration: LengthFieldConfiguration

    @usableFromInline var buffer: FrameBuffer
    @usableFromInline var state: State
    @usableFromInline var failure: FramingError?
    // Copies of the configuration's scalars, read on every frame.
    @usableFromInline let headerSize: Int
    @usableFromInline let lengthSlot: ValueSlot
    @usableFromInline let lengthIsSigned: Bool
    @usableFromInline let lengthAdjustment: Int
    @usableFromInline let maximumFrameLength: Int
    @usableFromInline let keepsHeader: Bool

    @usableFromInline
    enum State: Sendable, Equatable {
        case waitingForHeader
        case waitingForFrame(bodyLength: Int)
        case failed
    }

    /// Creates a framer with an empty buffer; nothing is allocated until the first append.
    public init(_ configuration: LengthFieldConfiguration) {
        self.configuration = configuration
        self.headerSize = configuration.headerSize
        self.lengthSlot = configuration.lengthSlot
        self.lengthIsSigned = configuration.lengthIsSigned
        self.lengthAdjustment = configuration.lengthAdjustment
        self.maximumFrameLength = configuration.maximumFrameLength
        self.keepsHeader = configuration.keepsHeader
        self.buffer = FrameBuffer(frameLimit: configuration.headerSize + configuration.maximumFrameLength)
        self.state = .waitingForHeader
        self.failure = nil
    }

    /// Creates a framer from a header format and options.
    ///
    /// - Throws: ``FramingError/Code/invalidConfiguration``, as
    ///   ``LengthFieldConfiguration/init(header:lengthFieldIndex:lengthAdjustment:maximumFrameLength:keepsHeader:)-(String,_,_,_,_)``.
    public init(
        header: String = "!I", lengthFieldIndex: Int? = nil, lengthAdjustment: Int = 0,
        maximumFrameLength: Int = LengthFieldConfiguration.defaultMaximumFrameLength, keepsHeader: Bool = false
    ) throws(FramingError) {
        self.init(
            try LengthFieldConfiguration(
                header: header, lengthFieldIndex: lengthFieldIndex, lengthAdjustment: lengthAdjustment,
                maximumFrameLength: maximumFrameLength, keepsHeader: keepsHeader))
    }

    /// The number of bytes buffered and not yet returned in a frame.
    @inlinable
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
    /// - Throws: ``FramingError`` with code ``FramingError/Code/negativeLength`` or
    ///   ``FramingError/Code/frameTooLong`` as soon as a header is complete and bad; the same
    ///   error again on every later call.
    @inlinable @inline(__always)
    public mutating func next() throws(FramingError) -> Frame? {
        let bodyLength: Int
        switch state {
        case .waitingForFrame(let length):
            bodyLength = length
        case .waitingForHeader:
            guard buffer.count >= headerSize else {
                buffer.releaseIfIdle()
                return nil
            }
            bodyLength = try decodeBodyLength()
        case .failed:
            throw repeatedFailure()
        }
        // safe because bodyLength <= maximumFrameLength <= Int.max - headerSize.
        let wireLength = headerSize &+ bodyLength
        guard buffer.count >= wireLength else {
            // Remember the length: growth stops at what the frame needs (it never causes growth).
            state = .waitingForFrame(bodyLength: bodyLength)
            buffer.expectFrame(length: wireLength)
            return nil
        }
        let start = buffer.readIndex
        let frame = Frame(
            storage: buffer.storage, wireStart: start, payloadStart: start &+ headerSize,
            payloadEnd: start &+ wireLength, wireEnd: start &+ wireLength, includesHeader: keepsHeader,
            includesDelimiter: false)
        buffer.consume(wireLength)
        state = .waitingForHeader
        return frame
    }

    /// Ends the stream: returns buffered complete frames one per call, then `nil` at a clean
    /// end (the framer is then empty and reusable).
    ///
    /// - Throws: ``FramingError/Code/truncatedFrame`` when the stream ended inside a header
    ///   (`stream ended inside a frame header: 2 of 4 header bytes buffered`) or a body
    ///   (`stream ended inside a frame: 7 of 12 bytes buffered`, counting the header); the
    ///   framer is failed afterwards.
    public mutating func finish() throws(FramingError) -> Frame? {
        if let frame = try next() { return frame }
        let buffered = buffer.count
        guard buffered > 0 else { return nil }
        switch state {
        case .waitingForFrame(let bodyLength):
            throw fail(.truncatedFrame(buffered: buffered, expected: headerSize + bodyLength))
        case .waitingForHeader, .failed:
            throw fail(.truncatedHeader(buffered: buffered, headerSize: headerSize))
        }
    }

    /// Reads and checks the length of the header at the read index (which is complete): one
    /// load of the field's width and `Int` arithmetic, inlined; lengths that need more (fields
    /// of 2^63 and over, overflowing adjustments) and bad lengths take the `Int128` path.
    @inlinable @inline(__always)
    mutating func decodeBodyLength() throws(FramingError) -> Int {
        let raw = readLengthField()
        // Negative here: a negative signed field, or an unsigned one of 2^63 and over.
        let value = Int64(bitPattern: raw)
        if value >= 0 {
            let (length, overflow) = Int(value).addingReportingOverflow(lengthAdjustment)
            if !overflow && length >= 0 && length <= maximumFrameLength { return length }
        }
        return try decodeBodyLengthWidely(raw)
    }

    /// ``decodeBodyLength()`` in `Int128`, where no field value and no adjustment overflows.
    ///
    /// - Throws: ``FramingError`` for a negative or too long length (the framer fails).
    @inlinable @inline(never)
    mutating func decodeBodyLengthWidely(_ raw: UInt64) throws(FramingError) -> Int {
        let value = lengthIsSigned ? Int128(Int64(bitPattern: raw)) : Int128(raw)
        let length = value &+ Int128(lengthAdjustment)
        guard value >= 0, length >= 0, length <= Int128(maximumFrameLength) else {
            throw badLength(value: value, length: length)
        }
        return Int(truncatingIfNeeded: length)
    }

    /// The length field of the header at the read index as 64 bits, sign-extended for signed
    /// codes.
    @inlinable @inline(__always)
    func readLengthField() -> UInt64 {
        // safe because the whole header is buffered and lengthSlot lies inside it (Struct made it);
        // integer codes are 1, 2, 4 or 8 bytes.
        let field = buffer.readPointer + lengthSlot.offset
        let swaps = lengthSlot.swapsBytes
        let raw: UInt64
        switch lengthSlot.size {
        case 1:
            raw = UInt64(field.load(as: UInt8.self))
        case 2:
            let bits = field.loadUnaligned(as: UInt16.self)
            raw = UInt64(swaps ? bits.byteSwapped : bits)
        case 4:
            let bits = field.loadUnaligned(as: UInt32.self)
            raw = UInt64(swaps ? bits.byteSwapped : bits)
        default:
            let bits = field.loadUnaligned(as: UInt64.self)
            raw = swaps ? bits.byteSwapped : bits
        }
        guard lengthIsSigned else { return raw }
        let unusedBits = UInt64(64 &- lengthSlot.size &* 8)
        return UInt64(bitPattern: Int64(bitPattern: raw << unusedBits) >> unusedBits)
    }

    @usableFromInline
    mutating func badLength(value: Int128, length: Int128) -> FramingError {
        if value < 0 {
            let field = configuration.lengthFieldIndex
            return fail(.negativeLengthField(value, field: field, code: lengthSlot.code.character))
        }
        if length < 0 {
            return fail(.negativeAdjustedLength(value: value, adjustment: lengthAdjustment, result: length))
        }
        return fail(.frameTooLong(length: length, maximum: maximumFrameLength))
    }

    /// Enters the failed state, releasing the buffer, and returns `error` to throw.
    @usableFromInline
    mutating func fail(_ error: FramingError) -> FramingError {
        state = .failed
        failure = error
        buffer.close()
        return error
    }

    @usableFromInline
    func repeatedFailure() -> FramingError {
        failure ?? FramingError(.invalidConfiguration, "framer failed")
    }
}
