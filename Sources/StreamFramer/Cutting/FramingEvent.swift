/// What ``FramingEngine/nextEvent()`` hands out: a frame, or the report of a frame discarded
/// for being too long (discard mode, see ``OverlongFrameAction``).
public enum FramingEvent: Sendable {
    /// A complete frame.
    case frame(Frame)
    /// An over-long frame, reported as soon as its header was complete; its bytes are skipped
    /// as they arrive.
    case discarded(DiscardedFrame)
}

/// The report of an over-long frame that a framer in discard mode skips instead of failing.
public struct DiscardedFrame: Sendable, CustomStringConvertible {
    /// The frame's header as received.
    public let header: FrameBytes
    /// The payload length the header claims (for a length field: its value plus the
    /// adjustment), which exceeds the maximum.
    public let claimedLength: Int128

    /// The bytes skipped in all: header and claimed payload.
    public var wireCount: Int128 { Int128(header.count) + claimedLength }

    @usableFromInline
    init(header: FrameBytes, claimedLength: Int128) {
        self.header = header
        self.claimedLength = claimedLength
    }

    /// `discarded frame of length L (header HEX)`.
    public var description: String {
        "discarded frame of length \(claimedLength) (header \(header.hex))"
    }
}

/// What a length-field or varint framer does with a frame whose header announces more than the
/// maximum frame length.
public enum OverlongFrameAction: Sendable, Hashable {
    /// Throw ``FramingError/Code/frameTooLong`` and fail the framer (the default).
    case fail
    /// Skip the frame's bytes as they arrive, without buffering them, report it once as a
    /// ``DiscardedFrame`` (through ``FramingEngine/nextEvent()``, and in
    /// ``FramerStatistics/framesDiscarded``), and go on with the next frame. Like Netty's
    /// `LengthFieldBasedFrameDecoder` with `failFast`.
    case discard
}
