/// A cutter's answer about the buffered bytes (see ``FrameCutter/cut(_:)``). The engine checks
/// every answer against the bytes buffered and the cutter's maximum before acting on it.
///
/// Every payload is a plain value (no reference), so answering costs no retain or release.
public enum FrameCut: Sendable, Hashable {
    /// No frame can be cut yet: ask again once at least this many more bytes (1 or more) have
    /// arrived. The bytes buffered plus these must not exceed the maximum frame length.
    case needMore(Int)
    /// The next frame has this layout. When its bytes have not all arrived yet, the engine
    /// waits for them (without asking again) and returns the frame once they have; the length
    /// caps the buffer's growth but reserves nothing.
    case frame(FrameLayout)
    /// The next frame announces a payload longer than the framing accepts and is to be
    /// discarded: its header (`headerLength` bytes, all buffered) and its `payloadLength`
    /// bytes are skipped as they arrive, never buffered, and the discard is reported once (a
    /// ``DiscardedFrame``) before the frames after it.
    case discard(headerLength: Int, payloadLength: Int128)
    /// The first bytes (1 or more, all buffered) belong to no frame: drop them and ask again.
    case skip(Int)
}

/// Where a frame's parts lie, from its first byte on the wire:
///
/// ```
///  0              headerLength                  + payloadLength    + trailerLength
///  +--------------+-----------------------------+-----------------+
///  | header       | payload                     | trailer         |
///  +--------------+-----------------------------+-----------------+
/// ```
///
/// The trailer is the delimiter of a delimited frame. ``Frame/bytes`` delivers the payload,
/// with the header and the trailer when ``includesHeader`` and ``includesTrailer`` say so.
public struct FrameLayout: Sendable, Hashable {
    /// The bytes before the payload.
    public var headerLength: Int
    /// The payload's length.
    public var payloadLength: Int
    /// The bytes after the payload (a delimiter).
    public var trailerLength: Int
    /// Whether ``Frame/bytes`` starts with the header.
    public var includesHeader: Bool
    /// Whether ``Frame/bytes`` ends with the trailer.
    public var includesTrailer: Bool

    /// A layout; every length must be 0 or more and the whole at least 1 byte (the engine
    /// checks).
    @inlinable
    public init(
        headerLength: Int = 0, payloadLength: Int, trailerLength: Int = 0, includesHeader: Bool = false,
        includesTrailer: Bool = false
    ) {
        self.headerLength = headerLength
        self.payloadLength = payloadLength
        self.trailerLength = trailerLength
        self.includesHeader = includesHeader
        self.includesTrailer = includesTrailer
    }
}
