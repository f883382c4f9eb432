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
    /// Which of the framers below is the one in use.
    @usableFromInline let kind: Kind
    // Exactly the framer of `kind` is present. Separate optionals rather than an enum with
    // payloads: a call mutates the framer in place, where a non-copyable enum would move it out
    // and back (hundreds of bytes) on every call.
    @usableFromInline var lengthField: LengthFieldFramer?
    @usableFromInline var delimiter: DelimiterFramer?
    @usableFromInline var fixedLength: FixedLengthFramer?
    @usableFromInline var varint: VarintFramer?

    @usableFromInline
    enum Kind: Sendable {
        case lengthField, delimiter, fixedLength, varint
    }

    /// Creates a framer with an empty buffer.
    public init(_ configuration: Framing) {
        self.configuration = configuration
        lengthField = nil
        delimiter = nil
        fixedLength = nil
        varint = nil
        switch configuration {
        case .lengthField(let options):
            kind = .lengthField
            lengthField = LengthFieldFramer(options)
        case .delimiter(let options):
            kind = .delimiter
            delimiter = DelimiterFramer(options)
        case .fixedLength(let options):
            kind = .fixedLength
            fixedLength = FixedLengthFramer(options)
        case .varint(let options):
            kind = .varint
            varint = VarintFramer(options)
        }
    }

    // The force unwraps below cannot fail: the initializer sets the framer of `kind` and nothing
    // ever clears it.

    /// The number of bytes buffered and not yet returned in a frame.
    public var bufferedByteCount: Int {
        switch lengthField {
        case .some(let framer): return framer.bufferedByteCount
        case .none: break
        }
        switch delimiter {
        case .some(let framer): return framer.bufferedByteCount
        case .none: break
        }
        switch fixedLength {
        case .some(let framer): return framer.bufferedByteCount
        case .none: break
        }
        switch varint {
        case .some(let framer): return framer.bufferedByteCount
        case .none: return 0
        }
    }

    /// Counters about the framer's buffer.
    public var statistics: FramerStatistics {
        switch lengthField {
        case .some(let framer): return framer.statistics
        case .none: break
        }
        switch delimiter {
        case .some(let framer): return framer.statistics
        case .none: break
        }
        switch fixedLength {
        case .some(let framer): return framer.statistics
        case .none: break
        }
        switch varint {
        case .some(let framer): return framer.statistics
        case .none: return FramerStatistics()
        }
    }

    /// Copies `bytes` into the buffer; see ``FrameDecoder/append(_:)-(UnsafeRawBufferPointer)``.
    ///
    /// - Complexity: O(`bytes.count`) amortised.
    @inlinable
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        switch kind {
        case .lengthField: lengthField!.append(bytes)
        case .delimiter: delimiter!.append(bytes)
        case .fixedLength: fixedLength!.append(bytes)
        case .varint: varint!.append(bytes)
        }
    }

    /// Lets `body` write straight into the buffer; see
    /// ``FrameDecoder/appendWithUnsafeMutableBytes(maximumByteCount:_:)``.
    public mutating func appendWithUnsafeMutableBytes<E: Error>(
        maximumByteCount: Int, _ body: (UnsafeMutableRawBufferPointer) throws(E) -> Int
    ) throws(E) -> Int {
        switch kind {
        case .lengthField: try lengthField!.appendWithUnsafeMutableBytes(maximumByteCount: maximumByteCount, body)
        case .delimiter: try delimiter!.appendWithUnsafeMutableBytes(maximumByteCount: maximumByteCount, body)
        case .fixedLength: try fixedLength!.appendWithUnsafeMutableBytes(maximumByteCount: maximumByteCount, body)
        case .varint: try varint!.appendWithUnsafeMutableBytes(maximumByteCount: maximumByteCount, body)
        }
    }

    /// The next complete frame, or `nil` until more bytes arrive.
    ///
    /// - Throws: the underlying framer's ``FramingError``.
    @inlinable @inline(__always)
    public mutating func next() throws(FramingError) -> Frame? {
        switch kind {
        case .lengthField: try lengthField!.next()
        case .fixedLength: try fixedLength!.next()
        case .varint: try varint!.next()
        case .delimiter: try nextDelimited()
        }
    }

    /// `next()` of the delimiter framer, whose scanning is not inlinable: kept out of line so
    /// that the other framers' paths inline into the caller's loop.
    @usableFromInline @inline(never)
    mutating func nextDelimited() throws(FramingError) -> Frame? {
        try delimiter!.next()
    }

    /// Hands every complete buffered frame to `body`, in order, until none is left, choosing
    /// the framing once for the whole loop: the fast way to drain a run-time framer (about
    /// 1.6 times the frames per second of a `while let frame = try next()` loop on small frames,
    /// where each frame's dispatch costs a retain and release of the buffer).
    ///
    /// - Throws: The framer's ``FramingError``, after every frame before the bad bytes was
    ///   handed to `body`; or the first error `body` throws, which stops the loop with the later
    ///   frames still buffered.
    /// - Complexity: O(bytes framed), plus `body`.
    @inlinable
    public mutating func forEachFrame(_ body: (Frame) throws -> Void) throws {
        switch kind {
        case .lengthField: while let frame = try lengthField!.next() { try body(frame) }
        case .fixedLength: while let frame = try fixedLength!.next() { try body(frame) }
        case .varint: while let frame = try varint!.next() { try body(frame) }
        case .delimiter: while let frame = try delimiter!.next() { try body(frame) }
        }
    }

    /// Ends the stream; see ``FrameDecoder/finish()``.
    ///
    /// - Throws: the underlying framer's ``FramingError``.
    public mutating func finish() throws(FramingError) -> Frame? {
        switch kind {
        case .lengthField: try lengthField!.finish()
        case .delimiter: try delimiter!.finish()
        case .fixedLength: try fixedLength!.finish()
        case .varint: try varint!.finish()
        }
    }
}
