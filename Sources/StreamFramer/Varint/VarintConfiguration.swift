/// The options of ``VarintFramer``: each frame is a varint length (unsigned LEB128) followed by
/// that many bytes, as protobuf's `writeDelimitedTo` / `parseDelimitedFrom` streams.
///
/// ```
///  +----+----+----------------- 300 bytes -----------------+----+------ 5 bytes -----+
///  | ac | 02 | payload                                     | 05 | payload            |
///  +----+----+---------------------------------------------+----+--------------------+
/// ```
public struct VarintConfiguration: Sendable, Hashable {
    /// The default ``maximumFrameLength``: 16 MiB.
    public static let defaultMaximumFrameLength = 16 << 20

    /// The longest payload accepted, varint not counted.
    public let maximumFrameLength: Int
    /// Whether delivered frames start with the varint (``Frame/header`` holds it either way).
    public let keepsHeader: Bool
    /// Whether non-minimal varints (`80 00` for 0) are accepted, as protobuf's parsers do; by
    /// default they are ``FramingError/Code/overlongVarint``.
    public let allowsNonMinimalEncoding: Bool
    /// What a varint announcing more than ``maximumFrameLength`` does: fail the framer (the
    /// default) or discard the frame and go on (malformed varints always fail).
    public let overlongFrames: OverlongFrameAction

    /// Validates varint options.
    ///
    /// - Throws: ``FramingError/Code/invalidConfiguration`` for a negative maximum (or one so
    ///   large that adding the 10-byte varint overflows `Int`).
    public init(
        maximumFrameLength: Int = VarintConfiguration.defaultMaximumFrameLength, keepsHeader: Bool = false,
        allowsNonMinimalEncoding: Bool = false, overlongFrames: OverlongFrameAction = .fail
    ) throws(FramingError) {
        guard maximumFrameLength >= 0 && maximumFrameLength <= Int.max - Varint.maximumByteCount else {
            throw .invalidConfiguration(
                "maximum frame length \(maximumFrameLength) is out of range 0...\(Int.max - Varint.maximumByteCount)")
        }
        self.maximumFrameLength = maximumFrameLength
        self.keepsHeader = keepsHeader
        self.allowsNonMinimalEncoding = allowsNonMinimalEncoding
        self.overlongFrames = overlongFrames
    }
}

