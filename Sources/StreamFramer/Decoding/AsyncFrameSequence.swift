/// The frames of an asynchronous sequence of byte chunks: sockets, files, or any other
/// library's stream, reframed.
///
/// ```swift
/// for try await frame in chunks.frames(try LengthFieldConfiguration(header: "!I")) {
///     handle(frame.payload)
/// }
/// ```
///
/// Each iterator owns a fresh framer. When the chunks end, the iterator ends the framer's
/// stream (``FrameDecoder/finish()``): a partial frame throws ``FramingError``. Iteration
/// checks for cancellation before awaiting each chunk and throws `CancellationError` when the
/// task is cancelled. After throwing, the iterator returns `nil`.
///
/// Frames share the framer's storage (see ``Frame``); holding them is safe and costs no copy.
public struct AsyncFrameSequence<Base: AsyncSequence, Decoder: FrameDecoder & ~Copyable>: AsyncSequence
where Base.Element: Sequence<UInt8> {
    /// Each element is a complete frame.
    public typealias Element = Frame
    /// The chunks' errors, ``FramingError``, or `CancellationError`.
    public typealias Failure = any Error

    @usableFromInline let base: Base
    @usableFromInline let configuration: Decoder.Configuration

    /// Frames `base` with a framer made from `configuration`.
    @inlinable
    public init(_ base: Base, configuration: Decoder.Configuration) {
        self.base = base
        self.configuration = configuration
    }

    /// A new iterator with its own framer.
    public func makeAsyncIterator() -> Iterator {
        Iterator(base: base.makeAsyncIterator(), framer: FramerBox(Decoder(configuration)))
    }

    /// Pulls chunks from the base sequence into a framer and returns frames one at a time.
    public struct Iterator: AsyncIteratorProtocol {
        @usableFromInline var base: Base.AsyncIterator
        @usableFromInline let framer: FramerBox<Decoder>
        @usableFromInline var chunksEnded = false
        @usableFromInline var done = false

        @usableFromInline
        init(base: Base.AsyncIterator, framer: FramerBox<Decoder>) {
            self.base = base
            self.framer = framer
        }

        /// The next frame, `nil` after the last.
        ///
        /// - Throws: the chunks' errors, ``FramingError``, `CancellationError`.
        public mutating func next() async throws -> Frame? {
            try await next(isolation: nil)
        }

        /// The next frame, `nil` after the last, running the base sequence on `actor`.
        ///
        /// - Throws: the chunks' errors, ``FramingError``, `CancellationError`.
        public mutating func next(isolation actor: isolated (any Actor)?) async throws -> Frame? {
            guard !done else { return nil }
            do {
                while true {
                    if chunksEnded {
                        let frame = try framer.framer.finish()
                        if frame == nil { done = true }
                        return frame
                    }
                    if let frame = try framer.framer.next() { return frame }
                    try Task.checkCancellation()
                    guard let chunk = try await base.next(isolation: actor) else {
                        chunksEnded = true
                        continue
                    }
                    framer.framer.append(contentsOf: chunk)
                }
            } catch {
                done = true
                throw error
            }
        }
    }
}

extension AsyncFrameSequence: Sendable where Base: Sendable {}

/// Holds an iterator's non-copyable framer.
@usableFromInline
final class FramerBox<Decoder: FrameDecoder & ~Copyable> {
    @usableFromInline var framer: Decoder

    @usableFromInline
    init(_ framer: consuming Decoder) {
        self.framer = framer
    }
}

extension AsyncSequence where Element: Sequence<UInt8> {
    /// The frames of these chunks, cut by a framer of type `decoder`.
    ///
    /// - Complexity: O(1); framing happens as the result is iterated.
    public func frames<D: FrameDecoder & ~Copyable>(using decoder: D.Type, _ configuration: D.Configuration)
        -> AsyncFrameSequence<Self, D>
    {
        AsyncFrameSequence(self, configuration: configuration)
    }

    /// The frames of these chunks with a length-field framing.
    public func frames(_ configuration: LengthFieldConfiguration) -> AsyncFrameSequence<Self, LengthFieldFramer> {
        AsyncFrameSequence(self, configuration: configuration)
    }

    /// The frames of these chunks with a delimiter framing.
    public func frames(_ configuration: DelimiterConfiguration) -> AsyncFrameSequence<Self, DelimiterFramer> {
        AsyncFrameSequence(self, configuration: configuration)
    }

    /// The frames of these chunks with a fixed length.
    public func frames(_ configuration: FixedLengthConfiguration) -> AsyncFrameSequence<Self, FixedLengthFramer> {
        AsyncFrameSequence(self, configuration: configuration)
    }

    /// The frames of these chunks with a varint length.
    public func frames(_ configuration: VarintConfiguration) -> AsyncFrameSequence<Self, VarintFramer> {
        AsyncFrameSequence(self, configuration: configuration)
    }

    /// The frames of these chunks with a framing chosen at run time.
    public func frames(_ configuration: Framing) -> AsyncFrameSequence<Self, Framer> {
        AsyncFrameSequence(self, configuration: configuration)
    }

    /// The frames of these chunks cut by a framing of your own (a cutter that is its own
    /// configuration); each iterator gets a copy of `cutter`.
    public func frames<Cutter: FrameCutter>(cutBy cutter: Cutter) -> AsyncFrameSequence<Self, FramingEngine<Cutter>>
    where Cutter.Configuration == Cutter {
        AsyncFrameSequence(self, configuration: cutter)
    }
}
