/// A framer whose framing is chosen at run time (see ``Framing``): one type for every framing,
/// dispatching each call with one `switch`. Use the specific framers where the framing is
/// known when compiling; they inline better.
///
/// ```swift
/// var framer = Framer(try Framing(delimiterHex: "0a"))
/// framer.append(Array("one\ntwo\n".utf8))
/// while let frame = try framer.next() { print(frame.payload.hex) }
/// ```
///
/// Behaviour after errors, lifetime of frames and memory bounds are those of the underlying
/// framer. Non-copyable; `Sendable`.
public struct Framer: ~Copyable, FrameDecoder, Sendable {
    /// The framing the framer was created with.
    public let configuration: Framing
    fileprivate var decoder: Decoder

    fileprivate enum Decoder: ~Copyable, Sendable {
        case lengthField(LengthFieldFramer)
        case delimiter(DelimiterFramer)
        case fixedLength(FixedLengthFramer)
        case varint(VarintFramer)
    }

    /// Creates a framer with an empty buffer.
    public init(_ configuration: Framing) {
        self.configuration = configuration
        switch configuration {
        case .lengthField(let options): decoder = .lengthField(LengthFieldFramer(options))
        case .delimiter(let options): decoder = .delimiter(DelimiterFramer(options))
        case .fixedLength(let options): decoder = .fixedLength(FixedLengthFramer(options))
        case .varint(let options): decoder = .varint(VarintFramer(options))
        }
    }

    /// The number of bytes buffered and not yet returned in a frame.
    public var bufferedByteCount: Int {
        switch decoder {
        case .lengthField(let framer): framer.bufferedByteCount
        case .delimiter(let framer): framer.bufferedByteCount
        case .fixedLength(let framer): framer.bufferedByteCount
        case .varint(let framer): framer.bufferedByteCount
        }
    }

    /// Counters about the framer's buffer.
    public var statistics: FramerStatistics {
        switch decoder {
        case .lengthField(let framer): framer.statistics
        case .delimiter(let framer): framer.statistics
        case .fixedLength(let framer): framer.statistics
        case .varint(let framer): framer.statistics
        }
    }

    /// Copies `bytes` into the buffer; see ``FrameDecoder/append(_:)-(UnsafeRawBufferPointer)``.
    ///
    /// - Complexity: O(`bytes.count`) amortised.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        decoder.append(bytes)
    }

    /// Lets `body` write straight into the buffer; see
    /// ``FrameDecoder/appendWithUnsafeMutableBytes(maximumByteCount:_:)``.
    public mutating func appendWithUnsafeMutableBytes<E: Error>(
        maximumByteCount: Int, _ body: (UnsafeMutableRawBufferPointer) throws(E) -> Int
    ) throws(E) -> Int {
        try decoder.appendWithUnsafeMutableBytes(maximumByteCount: maximumByteCount, body)
    }

    /// The next complete frame, or `nil` until more bytes arrive.
    ///
    /// - Throws: the underlying framer's ``FramingError``.
    public mutating func next() throws(FramingError) -> Frame? {
        try decoder.next()
    }

    /// Ends the stream; see ``FrameDecoder/finish()``.
    ///
    /// - Throws: the underlying framer's ``FramingError``.
    public mutating func finish() throws(FramingError) -> Frame? {
        try decoder.finish()
    }
}

// Each call consumes the enum, forwards to the framer inside and puts it back.
extension Framer.Decoder {
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        switch consume self {
        case .lengthField(var framer):
            framer.append(bytes)
            self = .lengthField(framer)
        case .delimiter(var framer):
            framer.append(bytes)
            self = .delimiter(framer)
        case .fixedLength(var framer):
            framer.append(bytes)
            self = .fixedLength(framer)
        case .varint(var framer):
            framer.append(bytes)
            self = .varint(framer)
        }
    }

    mutating func appendWithUnsafeMutableBytes<E: Error>(
        maximumByteCount: Int, _ body: (UnsafeMutableRawBufferPointer) throws(E) -> Int
    ) throws(E) -> Int {
        let result: Result<Int, E>
        switch consume self {
        case .lengthField(var framer):
            result = Result { () throws(E) in
                try framer.appendWithUnsafeMutableBytes(maximumByteCount: maximumByteCount, body)
            }
            self = .lengthField(framer)
        case .delimiter(var framer):
            result = Result { () throws(E) in
                try framer.appendWithUnsafeMutableBytes(maximumByteCount: maximumByteCount, body)
            }
            self = .delimiter(framer)
        case .fixedLength(var framer):
            result = Result { () throws(E) in
                try framer.appendWithUnsafeMutableBytes(maximumByteCount: maximumByteCount, body)
            }
            self = .fixedLength(framer)
        case .varint(var framer):
            result = Result { () throws(E) in
                try framer.appendWithUnsafeMutableBytes(maximumByteCount: maximumByteCount, body)
            }
            self = .varint(framer)
        }
        return try result.get()
    }

    mutating func next() throws(FramingError) -> Frame? {
        let result: Result<Frame?, FramingError>
        switch consume self {
        case .lengthField(var framer):
            result = Result { () throws(FramingError) in try framer.next() }
            self = .lengthField(framer)
        case .delimiter(var framer):
            result = Result { () throws(FramingError) in try framer.next() }
            self = .delimiter(framer)
        case .fixedLength(var framer):
            result = Result { () throws(FramingError) in try framer.next() }
            self = .fixedLength(framer)
        case .varint(var framer):
            result = Result { () throws(FramingError) in try framer.next() }
            self = .varint(framer)
        }
        return try result.get()
    }

    mutating func finish() throws(FramingError) -> Frame? {
        let result: Result<Frame?, FramingError>
        switch consume self {
        case .lengthField(var framer):
            result = Result { () throws(FramingError) in try framer.finish() }
            self = .lengthField(framer)
        case .delimiter(var framer):
            result = Result { () throws(FramingError) in try framer.finish() }
            self = .delimiter(framer)
        case .fixedLength(var framer):
            result = Result { () throws(FramingError) in try framer.finish() }
            self = .fixedLength(framer)
        case .varint(var framer):
            result = Result { () throws(FramingError) in try framer.finish() }
            self = .varint(framer)
        }
        return try result.get()
    }
}
