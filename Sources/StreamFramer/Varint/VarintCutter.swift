/// Cuts frames announced by a varint length (see ``VarintConfiguration``).
///
/// A varint is at most 10 bytes, so the length is checked after at most 10 buffered bytes: a
/// malformed one fails the framer; one over the maximum fails it too, or with
/// ``OverlongFrameAction/discard`` skips the frame. Non-copyable; `Sendable`; no heap
/// allocation per frame.
public typealias VarintFramer = FramingEngine<VarintCutter>

extension FramingEngine where Cutter == VarintCutter {
    /// Creates a framer from options.
    ///
    /// - Throws: as ``VarintConfiguration/init(maximumFrameLength:keepsHeader:allowsNonMinimalEncoding:overlongFrames:)``.
    public init(
        maximumFrameLength: Int = VarintConfiguration.defaultMaximumFrameLength, keepsHeader: Bool = false,
        allowsNonMinimalEncoding: Bool = false, overlongFrames: OverlongFrameAction = .fail
    ) throws(FramingError) {
        self.init(
            try VarintConfiguration(
                maximumFrameLength: maximumFrameLength, keepsHeader: keepsHeader,
                allowsNonMinimalEncoding: allowsNonMinimalEncoding, overlongFrames: overlongFrames))
    }
}

/// The cutter of ``VarintFramer``.
public struct VarintCutter: FrameCutter {
    /// True: every layout is within the maximum by construction.
    @inlinable
    public static var _describesCheckedLayouts: Bool { true }

    /// The options of ``VarintFramer``.
    public typealias Configuration = VarintConfiguration

    @usableFromInline let maximumPayloadLength: Int
    @usableFromInline let keepsHeader: Bool
    @usableFromInline let allowsNonMinimal: Bool
    @usableFromInline let discardsOverlongFrames: Bool

    /// The cutter for `configuration`.
    @inlinable
    public init(_ configuration: VarintConfiguration) {
        self.maximumPayloadLength = configuration.maximumFrameLength
        self.keepsHeader = configuration.keepsHeader
        self.allowsNonMinimal = configuration.allowsNonMinimalEncoding
        self.discardsOverlongFrames = configuration.overlongFrames == .discard
    }

    /// 10 (the longest varint) plus the maximum payload length.
    @inlinable
    public var maximumFrameLength: Int { Varint.maximumByteCount &+ maximumPayloadLength }

    /// The frame whose varint starts `bytes`, once the varint is complete.
    ///
    /// - Throws: ``FramingError/Code/overlongVarint``, ``FramingError/Code/varintOverflow`` or
    ///   ``FramingError/Code/frameTooLong`` (unless discarding) as soon as the varint is
    ///   complete (or 10 bytes long).
    @inlinable
    public mutating func cut(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        // Mutating although it changes nothing: the engine reads the fields in place.
        try cutVarint(bytes)
    }

    /// ``cut(_:)`` without `mutating`, for ``RuntimeCutter``.
    ///
    /// - Throws: as ``cut(_:)``.
    @inlinable
    func cutVarint(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        let decoded = try bytes.withUnsafeBytes { (buffer) throws(FramingError) -> Varint.Decoded in
            try Varint.decode(
                UnsafeRawBufferPointer(rebasing: buffer.prefix(Varint.maximumByteCount)), allowsNonMinimal: allowsNonMinimal)
        }
        switch decoded {
        case .incomplete:
            return .needMore(1)
        case .value(let value, let byteCount):
            guard value <= UInt64(maximumPayloadLength) else {
                if discardsOverlongFrames { return .discard(headerLength: byteCount, payloadLength: Int128(value)) }
                throw .frameTooLong(length: Int128(value), maximum: maximumPayloadLength)
            }
            return .frame(FrameLayout(headerLength: byteCount, payloadLength: Int(value), includesHeader: keepsHeader))
        }
    }

    /// The stream ended inside a varint.
    ///
    /// - Throws: ``FramingError/Code/truncatedFrame``, `stream ended inside a varint length: B
    ///   bytes buffered`.
    public func cutAtEndOfStream(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        let buffered = bytes.byteCount
        throw FramingError(
            .truncatedFrame, "stream ended inside a varint length: \(buffered) bytes buffered", bufferedByteCount: buffered)
    }
}
