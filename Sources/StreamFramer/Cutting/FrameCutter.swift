/// A framing: given the bytes buffered from the start of the next frame, says how long that
/// frame is. ``FramingEngine`` does everything else: the buffer, the memory policy, the failed
/// state, the statistics and the frames themselves.
///
/// ```
///  buffered bytes ──► cut(_:) ──► .needMore(n)        wait for n more bytes
///                               ├─► .frame(layout)      a frame of this layout (its bytes may
///                               │                       still be arriving)
///                               ├─► .discard(…)         an over-long frame to skip, reported once
///                               ├─► .skip(n)            bytes that belong to no frame
///                               └─► throw FramingError  the stream is bad: the framer fails
/// ```
///
/// An HTTP/2 frame header (RFC 9113 §4.1: a 24-bit length, type, flags, stream identifier)
/// takes a dozen lines:
///
/// ```swift
/// struct HTTP2Cutter: FrameCutter {
///     var maximumFrameLength: Int { 9 + 16_384 }
///     func cut(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
///         guard bytes.byteCount >= 9 else { return .needMore(9 - bytes.byteCount) }
///         let length = Int(UInt32(bigEndian: bytes.unsafeLoadUnaligned(fromByteOffset: 0, as: UInt32.self)) >> 8)
///         guard length <= 16_384 else { throw FramingError(.frameTooLong, "frame of \(length) bytes") }
///         return .frame(FrameLayout(headerLength: 9, payloadLength: length))
///     }
/// }
/// var framer = FramingEngine(HTTP2Cutter())
/// ```
///
/// What every cutter gets from the engine, whatever it answers:
/// - **Bounded memory.** The buffer never holds more than ``maximumFrameLength`` plus the chunk
///   being appended plus 4 KiB, and it grows with the bytes received, never with a length a
///   header claims (SPEC §3.2): a `.frame` layout whose bytes have not arrived reserves nothing.
/// - **No allocation or read sized from an unchecked length.** The engine checks every answer
///   before acting on it: a frame longer than ``maximumFrameLength`` or than the bytes it covers,
///   negative lengths, a `.needMore` that could never be met within the maximum, are
///   ``FramingError/Code/invalidCut`` errors, never a trap or an out-of-bounds read.
/// - **Errors never lose frames.** Every frame completed before the bytes the cutter rejects has
///   been returned when the error is thrown; the framer then fails (SPEC §3.1).
/// - **The same frames for any chunking**, provided the cutter's answers depend only on the
///   bytes it is shown (and on its own state, which only its answers advance): the engine always
///   shows the bytes from the start of the next frame, and asks again only once the bytes a
///   `.needMore` asked for have arrived.
///
/// A cutter is a small value, copied when the framer is made; the engine calls ``cut(_:)`` in
/// place, so a cutter may keep state between calls (where a search stopped, as the delimiter
/// cutter does). When a stream ends cleanly the engine makes a new cutter from the framer's
/// configuration.
public protocol FrameCutter: Sendable {
    /// What a framer is created from; by default the cutter itself.
    associatedtype Configuration: Sendable = Self

    /// Creates the cutter of a new stream.
    init(_ configuration: Configuration)

    /// The longest frame on the wire this cutter ever describes, header and trailer included:
    /// the engine's memory bound, and the longest `.frame` layout it accepts.
    var maximumFrameLength: Int { get }

    /// Says what the buffered bytes hold. `bytes` is never empty and always starts at the next
    /// frame (after everything earlier answers covered).
    ///
    /// - Throws: ``FramingError`` when the bytes cannot start a valid frame; the framer fails.
    mutating func cut(_ bytes: RawSpan) throws(FramingError) -> FrameCut

    /// Says what to do with `bytes` (never empty) left over at the end of the stream, when
    /// ``cut(_:)`` found no complete frame in them: `.frame` for a final frame that ends with
    /// them (a line without its newline), `.skip` to drop them; anything else is an
    /// ``FramingError/Code/invalidCut``.
    ///
    /// - Throws: ``FramingError``, usually ``FramingError/Code/truncatedFrame`` (the default
    ///   implementation's `stream ended inside a frame: B bytes buffered`); the framer fails.
    mutating func cutAtEndOfStream(_ bytes: RawSpan) throws(FramingError) -> FrameCut

    /// Bytes examined by searches so far, for ``FramerStatistics/bytesScanned``; 0 by default.
    var bytesScanned: Int { get }

    /// Whether every `.frame` layout the cutter gives is already checked (parts not negative,
    /// the whole 1 to ``maximumFrameLength`` bytes), so the engine need not check it again:
    /// true for the library's own cutters, false (the default) for every other.
    static var _describesCheckedLayouts: Bool { get }
}

extension FrameCutter where Configuration == Self {
    /// A copy of `configuration`: a cutter that is its own configuration.
    @inlinable
    public init(_ configuration: Self) {
        self = configuration
    }
}

extension FrameCutter {
    /// Throws ``FramingError/Code/truncatedFrame``: a stream may not end inside a frame.
    ///
    /// - Throws: ``FramingError/Code/truncatedFrame``, `stream ended inside a frame: B bytes buffered`.
    public mutating func cutAtEndOfStream(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        throw .truncatedFrame(buffered: bytes.byteCount)
    }

    /// 0: the cutter does not search.
    @inlinable
    public var bytesScanned: Int { 0 }

    /// False: the engine checks the cutter's layouts.
    @inlinable
    public static var _describesCheckedLayouts: Bool { false }
}
