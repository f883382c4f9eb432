/// The framing engine: one framer for every framing. It owns the buffer, the memory policy
/// (SPEC §3.2), the failed state and the statistics, and asks its ``FrameCutter`` how long the
/// next frame is. ``LengthFieldFramer``, ``VarintFramer``, ``DelimiterFramer``,
/// ``FixedLengthFramer`` and the run-time ``Framer`` are this engine with the built-in cutters;
/// any other framing is a cutter away.
///
/// ```
///  append(chunk) ─► buffer ─► cut(bytes from the next frame) ─► Frame (a view of the buffer)
///                     ▲                  │
///                     └── needMore(n) ◄──┘   discard: skip as the bytes arrive
/// ```
///
/// ```swift
/// var framer = FramingEngine(MyCutter())        // or LengthFieldFramer(header: "!I"), …
/// framer.append(chunk)
/// while let frame = try framer.next() {
///     handle(frame.payload)
/// }
/// ```
///
/// After an error the framer is failed: it discards appended bytes, releases its buffer, and
/// ``next()`` and ``finish()`` throw the same error again. Frames returned earlier stay valid.
/// The delimiter framing's skip mode throws an over-long frame's error once without failing.
///
/// Non-copyable; `Sendable`. No heap allocation per frame: each ``Frame`` is a view of the
/// buffer (see ``Frame`` for its lifetime).
public struct FramingEngine<Cutter: FrameCutter>: ~Copyable, FrameDecoder, Sendable {
    /// The framing's options.
    public typealias Configuration = Cutter.Configuration

    /// The options the framer was created with.
    public let configuration: Configuration
    /// The framing.
    @usableFromInline var cutter: Cutter
    /// The bytes, the memory policy and the counters.
    @usableFromInline var buffer: FrameBuffer
    /// The cutter is asked again only once this many bytes are buffered (at least 1): the
    /// bytes its last `.needMore` asked for, or a pending frame's wire length.
    @usableFromInline var awaitedCount: Int
    /// Whether ``pendingLayout`` is a frame whose bytes are still arriving.
    @usableFromInline var hasPendingFrame: Bool
    /// The layout the cutter gave for the frame at the read index (when ``hasPendingFrame``).
    @usableFromInline var pendingLayout: FrameLayout
    /// The longest wire frame, from the cutter.
    @usableFromInline let maximumFrameLength: Int
    /// The error that failed the framer.
    @usableFromInline var failure: FramingError?
    /// The discard report ``nextEvent()`` returns next.
    @usableFromInline var pendingDiscard: DiscardedFrame?

    /// Creates a framer with an empty buffer; nothing is allocated until the first append.
    @inlinable
    public init(_ configuration: Configuration) {
        self.init(configuration: configuration)
    }

    /// Creates a framer with an empty buffer.
    @inlinable
    init(configuration: Configuration) {
        let cutter = Cutter(configuration)
        self.configuration = configuration
        self.cutter = cutter
        self.maximumFrameLength = Swift.max(cutter.maximumFrameLength, 0)
        self.buffer = FrameBuffer(frameLimit: Swift.max(cutter.maximumFrameLength, 0))
        self.awaitedCount = 1
        self.hasPendingFrame = false
        self.pendingLayout = FrameLayout(payloadLength: 0)
        self.failure = nil
        self.pendingDiscard = nil
    }

    /// Creates a framer for a framing of your own: `FramingEngine(MyCutter())`.
    @inlinable
    public init(_ cutter: Cutter) where Cutter.Configuration == Cutter {
        self.init(configuration: cutter)
    }

    /// The number of bytes buffered and not yet returned in a frame.
    @inlinable
    public var bufferedByteCount: Int { buffer.count }

    /// Counters about the framer's buffer.
    public var statistics: FramerStatistics {
        var statistics = buffer.statistics
        statistics.bytesScanned &+= cutter.bytesScanned
        return statistics
    }

    /// The most capacity an empty buffer keeps between frames: when ``next()`` finds nothing to
    /// return and the buffer is empty, storage larger than this is released (SPEC §3.2).
    /// 1 MiB by default; raise it to keep a large frame's buffer for the next one on a busy
    /// connection, lower it (down to 0) to give memory back as soon as a connection is idle.
    public var retainedCapacity: Int {
        get { buffer.retainedCapacity }
        set { buffer.retainedCapacity = Swift.max(newValue, 0) }
    }

    /// Copies `bytes` into the buffer (discarded once the framer has failed; skipped while a
    /// discarded frame's bytes arrive).
    ///
    /// - Complexity: O(`bytes.count`) amortised.
    @inlinable @inline(__always)
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

    /// The next complete frame, or `nil` until more bytes arrive. Discarded frames (discard
    /// mode) are skipped and counted in ``statistics``; ``nextEvent()`` reports them.
    ///
    /// - Throws: the cutter's ``FramingError`` as soon as the bytes cannot start a valid frame
    ///   (the same error again on every later call), ``FramingError/Code/invalidCut`` for an
    ///   answer that breaks the cutter protocol; with the delimiter framing's skip mode, an
    ///   over-long frame's error once, without failing.
    @inlinable @inline(__always)
    public mutating func next() throws(FramingError) -> Frame? {
        try cutNext(reportingDiscards: false)
    }

    /// The next event: a complete frame, or the report of a frame discarded for being too long
    /// (once per frame, as soon as its header is complete, in stream order); `nil` until more
    /// bytes arrive.
    ///
    /// - Throws: as ``next()``.
    @inlinable
    public mutating func nextEvent() throws(FramingError) -> FramingEvent? {
        if let frame = try cutNext(reportingDiscards: true) { return .frame(frame) }
        if let discarded = pendingDiscard {
            pendingDiscard = nil
            return .discarded(discarded)
        }
        return nil
    }

    /// Hands every complete buffered frame to `body`, in order, until none is left.
    ///
    /// - Throws: The framer's ``FramingError``, after every frame before the bad bytes was
    ///   handed to `body`; or the first error `body` throws, which stops the loop with the later
    ///   frames still buffered.
    /// - Complexity: O(bytes framed), plus `body`.
    @inlinable @inline(__always)
    public mutating func forEachFrame(_ body: (Frame) throws -> Void) throws {
        while let frame = try cutNext(reportingDiscards: false) { try body(frame) }
    }

    /// The frame at the read index, asking the cutter if its layout is not known yet.
    ///
    /// Every frame is made at one place, ``takeFrame(_:)``: where frames from two places meet
    /// in the caller's loop, the optimiser keeps a retain and release of the storage per frame.
    @inlinable @inline(__always)
    mutating func cutNext(reportingDiscards: Bool) throws(FramingError) -> Frame? {
        while true {
            let count = buffer.count
            guard count >= awaitedCount else { return try nothingToCut(count) }
            let layout: FrameLayout
            if hasPendingFrame {
                layout = pendingLayout
            } else {
                let answer: FrameCut
                do {
                    // safe because readIndex..<writeIndex lies inside the storage, which the
                    // buffer keeps alive for the call.
                    answer = try cutter.cut(UnsafeRawBufferPointer(start: buffer.readPointer, count: count).bytes)
                } catch {
                    throw failOrResume(error, buffered: count)
                }
                guard case .frame(let cut) = answer else {
                    if try settle(answer, buffered: count, reportingDiscards: reportingDiscards) { continue }
                    return nil
                }
                let wire =
                    Cutter._describesCheckedLayouts
                    ? cut.headerLength &+ cut.payloadLength &+ cut.trailerLength : try checkedWireLength(cut)
                guard wire <= count else {
                    // Remember the layout: growth stops at what the frame needs (it never causes growth).
                    hasPendingFrame = true
                    pendingLayout = cut
                    awaitedCount = wire
                    buffer.expectFrame(length: wire)
                    return nil
                }
                layout = cut
            }
            return takeFrame(layout)
        }
    }

    /// The frame of `layout` at the read index (all its bytes are buffered), consumed.
    @inlinable @inline(__always)
    mutating func takeFrame(_ layout: FrameLayout) -> Frame {
        let start = buffer.readIndex
        let payloadStart = start &+ layout.headerLength
        let payloadEnd = payloadStart &+ layout.payloadLength
        let wireEnd = payloadEnd &+ layout.trailerLength
        let frame = Frame(
            storage: buffer.storage, wireStart: start, payloadStart: payloadStart, payloadEnd: payloadEnd,
            wireEnd: wireEnd, includesHeader: layout.includesHeader, includesDelimiter: layout.includesTrailer)
        buffer.consume(wireEnd &- start)
        hasPendingFrame = false
        awaitedCount = 1
        return frame
    }

    /// A layout's wire length, checked: every part 0 or more, the whole 1 to the maximum.
    ///
    /// - Throws: ``FramingError/Code/invalidCut`` (the framer fails).
    @inlinable @inline(__always)
    mutating func checkedWireLength(_ layout: FrameLayout) throws(FramingError) -> Int {
        let (partial, firstOverflow) = layout.headerLength.addingReportingOverflow(layout.payloadLength)
        let (wire, secondOverflow) = partial.addingReportingOverflow(layout.trailerLength)
        guard (layout.headerLength | layout.payloadLength | layout.trailerLength) >= 0, !firstOverflow,
            !secondOverflow, wire >= 1, wire <= maximumFrameLength
        else { throw invalidLayout(layout) }
        return wire
    }
}
