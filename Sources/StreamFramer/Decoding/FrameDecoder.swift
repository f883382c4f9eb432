/// A framer: bytes go in with `append` in chunks of any size, complete frames come out of
/// ``next()`` one at a time, and ``finish()`` ends the stream.
///
/// ```swift
/// var framer = try LengthFieldFramer(header: "!I")
/// framer.append(chunk)                       // any number of frames and partial frames
/// while let frame = try framer.next() {      // every frame completed by this chunk
///     handle(frame.payload)
/// }
/// // at end of stream:
/// while let frame = try framer.finish() { handle(frame.payload) }   // throws on a partial frame
/// ```
///
/// Framers are non-copyable: each is the single writer of its buffer, which is what lets the
/// frames it returns share that buffer safely (see ``Frame``). Move one into a task or a class
/// to share it.
///
/// Errors never lose data: ``next()`` returns every frame completed before the bad one, then
/// throws. What a framer does after an error depends on the framing (see each type).
///
/// Every framer of this library is a ``FramingEngine`` with a ``FrameCutter``; the protocol lets
/// generic code (``AsyncFrameSequence``) take any of them.
public protocol FrameDecoder: ~Copyable {
    /// The framing's options.
    associatedtype Configuration: Sendable

    /// Creates a framer with an empty buffer. Configurations are validated when they are made,
    /// so this cannot fail.
    init(_ configuration: Configuration)

    /// The options the framer was created with.
    var configuration: Configuration { get }

    /// Copies `bytes` into the framer's buffer. Call ``next()`` until it returns `nil` after
    /// each append: the memory bound (maximum frame length plus largest chunk plus a constant)
    /// holds for a framer drained that way.
    ///
    /// After an error that stops the framer, appended bytes are discarded.
    ///
    /// - Complexity: O(`bytes.count`) amortised.
    mutating func append(_ bytes: UnsafeRawBufferPointer)

    /// Lets `body` write up to `maximumByteCount` bytes (clamped to `0...2^30`) straight into
    /// the framer's buffer, as a socket `read` or `recv` does, with no intermediate copy.
    /// `body` returns how many bytes it wrote; the count is clamped to the space offered.
    ///
    /// After an error that stops the framer, `body` is given an empty buffer.
    ///
    /// - Returns: The number of bytes appended.
    /// - Throws: Whatever `body` throws; nothing is appended then.
    /// - Warning: Do not escape the pointer.
    mutating func appendWithUnsafeMutableBytes<E: Error>(
        maximumByteCount: Int, _ body: (UnsafeMutableRawBufferPointer) throws(E) -> Int
    ) throws(E) -> Int

    /// The next complete frame, or `nil` when the buffered bytes hold none yet.
    ///
    /// - Throws: ``FramingError`` when the buffered bytes cannot start a valid frame; every
    ///   frame before them has been returned already.
    mutating func next() throws(FramingError) -> Frame?

    /// Ends the stream: returns the next complete frame if one is buffered (call it until it
    /// returns `nil`), then, depending on the framing, a final unterminated frame; returns `nil`
    /// at a clean end, which leaves the framer empty and ready for a new stream.
    ///
    /// - Throws: ``FramingError/Code/truncatedFrame`` (or ``FramingError/Code/unterminatedFrame``)
    ///   when the stream ended inside a frame: the message says how many bytes were buffered and
    ///   how many were expected.
    mutating func finish() throws(FramingError) -> Frame?

    /// Hands every complete buffered frame to `body`, in order, until none is left: the loop
    /// `while let frame = try next() { try body(frame) }`, which a framer may run faster (the
    /// run-time ``Framer`` chooses its framing once per call instead of once per frame).
    ///
    /// - Throws: The framer's ``FramingError``, after every frame before the bad bytes was
    ///   handed to `body`; or the first error `body` throws, which stops the loop with the later
    ///   frames still buffered (call again to go on).
    /// - Complexity: O(bytes framed), plus `body`.
    mutating func forEachFrame(_ body: (Frame) throws -> Void) throws

    /// The number of bytes buffered and not yet returned in a frame.
    var bufferedByteCount: Int { get }

    /// Counters about the framer's buffer: bytes appended and moved, allocations, capacity.
    var statistics: FramerStatistics { get }
}

extension FrameDecoder where Self: ~Copyable {
    /// Hands every complete buffered frame to `body`, in order, by calling ``next()`` until it
    /// returns `nil`.
    ///
    /// - Throws: The framer's ``FramingError`` or the first error `body` throws; see the
    ///   requirement.
    /// - Complexity: O(bytes framed), plus `body`.
    @inlinable
    public mutating func forEachFrame(_ body: (Frame) throws -> Void) throws {
        while let frame = try next() { try body(frame) }
    }

    /// Copies the bytes of a span into the framer's buffer.
    ///
    /// - Complexity: O(`bytes.byteCount`) amortised.
    @inlinable
    public mutating func append(_ bytes: RawSpan) {
        bytes.withUnsafeBytes { buffer in append(buffer) }
    }

    /// Copies the bytes of an array into the framer's buffer.
    ///
    /// - Complexity: O(`bytes.count`) amortised.
    @inlinable
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in append(buffer) }
    }

    /// Copies the bytes of an array slice into the framer's buffer.
    ///
    /// - Complexity: O(`bytes.count`) amortised.
    @inlinable
    public mutating func append(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { buffer in append(buffer) }
    }

    /// Copies any sequence of bytes into the framer's buffer: in place when it is contiguous
    /// (arrays, `Data`, ``FrameBytes``), through a small stack buffer otherwise.
    ///
    /// - Complexity: O(number of bytes) amortised.
    @inlinable
    public mutating func append(contentsOf bytes: some Sequence<UInt8>) {
        let appended: Void? = bytes.withContiguousStorageIfAvailable { typed in
            append(UnsafeRawBufferPointer(typed))
        }
        if appended != nil { return }
        var staged: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        let capacity = MemoryLayout.size(ofValue: staged)
        var iterator = bytes.makeIterator()
        var exhausted = false
        while !exhausted {
            let filled = withUnsafeMutableBytes(of: &staged) { stage -> Int in
                var count = 0
                while count < capacity {
                    guard let byte = iterator.next() else {
                        exhausted = true
                        break
                    }
                    stage[count] = byte
                    count += 1
                }
                return count
            }
            withUnsafeBytes(of: &staged) { stage in append(UnsafeRawBufferPointer(rebasing: stage[..<filled])) }
        }
    }
}
