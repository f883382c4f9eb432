/// Cuts a stream into frames of one fixed length (records of a struct format, for instance:
/// `FixedLengthFramer(frameLength: Struct("<IHd").size)`).
///
/// A partial frame at the end of the stream is ``FramingError/Code/truncatedFrame``; the
/// framer is failed afterwards (it discards appended bytes and throws the same error again).
/// Non-copyable; `Sendable`; no heap allocation per frame.
public typealias FixedLengthFramer = FramingEngine<FixedLengthCutter>

extension FramingEngine where Cutter == FixedLengthCutter {
    /// Creates a framer for frames of `frameLength` bytes.
    ///
    /// - Throws: ``FramingError/Code/invalidConfiguration`` unless `frameLength >= 1`.
    public init(frameLength: Int) throws(FramingError) {
        self.init(try FixedLengthConfiguration(frameLength: frameLength))
    }
}

/// The cutter of ``FixedLengthFramer``: every frame is the frame length, known before its first
/// byte (a partial frame at the end is `stream ended inside a frame: B of N bytes buffered`).
public struct FixedLengthCutter: FrameCutter {
    /// True: every layout is within the maximum by construction.
    @inlinable
    public static var _describesCheckedLayouts: Bool { true }

    /// The options of ``FixedLengthFramer``.
    public typealias Configuration = FixedLengthConfiguration

    /// The length of every frame.
    public let maximumFrameLength: Int

    /// The cutter for `configuration`.
    @inlinable
    public init(_ configuration: FixedLengthConfiguration) {
        self.maximumFrameLength = configuration.frameLength
    }

    /// A frame of the frame length.
    @inlinable
    public func cut(_ bytes: RawSpan) -> FrameCut {
        .frame(FrameLayout(payloadLength: maximumFrameLength))
    }
}

extension FixedLengthCutter {
    /// A placeholder cutter for frames of `frameLength` bytes (at least 1), without checks.
    @usableFromInline
    init(frameLength: Int) {
        self.maximumFrameLength = Swift.max(frameLength, 1)
    }
}
