public import StreamFramer

/// HTTP/2 frames (RFC 9113 §4.1), cut by a custom ``FrameCutter``: a 9-byte header whose first
/// 24 bits are the payload length, then the payload. Written with StreamFramer's public API
/// only, as an application would write it.
///
/// ```
///  +-----------------------------------------------+
///  |                 Length (24)                   |
///  +---------------+---------------+---------------+
///  |   Type (8)    |   Flags (8)   |
///  +-+-------------+---------------+-------------------------------+
///  |R|                 Stream Identifier (31)                      |
///  +=+=============================================================+
///  |                   Frame Payload (0...)                      ...
///  +---------------------------------------------------------------+
///
///  SETTINGS with ACK:  00 00 00 | 04 | 01 | 00 00 00 00
/// ```
///
/// A length over `SETTINGS_MAX_FRAME_SIZE` is a connection error (`FRAME_SIZE_ERROR`): the
/// framer fails, or with ``OverlongFrameAction/discard`` the frame is skipped and reported.
///
/// ```swift
/// var framer = FramingEngine(try HTTP2FrameCutter())
/// framer.append(bytes)
/// while let frame = try framer.next() {
///     let header = HTTP2FrameHeader(frame)      // type, flags, stream identifier
/// }
/// ```
public struct HTTP2FrameCutter: FrameCutter {
    /// The header's size.
    public static let headerLength = 9
    /// The protocol's default `SETTINGS_MAX_FRAME_SIZE`: 16,384.
    public static let defaultMaximumPayloadLength = 1 << 14
    /// The largest length the 24-bit field holds.
    public static let largestPayloadLength = (1 << 24) - 1

    /// The longest payload accepted (`SETTINGS_MAX_FRAME_SIZE`).
    public let maximumPayloadLength: Int
    /// What a frame over the maximum does.
    public let overlongFrames: OverlongFrameAction

    /// A cutter for payloads of at most `maximumPayloadLength` bytes.
    ///
    /// - Throws: ``FramingError/Code/invalidConfiguration`` unless the maximum lies in
    ///   `0...16_777_215` (RFC 9113 lets a peer advertise 16,384 to 16,777,215).
    public init(
        maximumPayloadLength: Int = HTTP2FrameCutter.defaultMaximumPayloadLength,
        overlongFrames: OverlongFrameAction = .fail
    ) throws(FramingError) {
        guard maximumPayloadLength >= 0 && maximumPayloadLength <= Self.largestPayloadLength else {
            throw FramingError(
                .invalidConfiguration,
                "HTTP/2 maximum frame size \(maximumPayloadLength) is out of range 0...\(Self.largestPayloadLength)")
        }
        self.maximumPayloadLength = maximumPayloadLength
        self.overlongFrames = overlongFrames
    }

    /// The header plus the maximum payload.
    public var maximumFrameLength: Int { Self.headerLength + maximumPayloadLength }

    /// The frame whose header starts `bytes`, once the header is complete.
    ///
    /// - Throws: ``FramingError/Code/frameTooLong`` for a length over the maximum (unless
    ///   discarding).
    @inlinable
    public func cut(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        guard bytes.byteCount >= Self.headerLength else { return .needMore(Self.headerLength - bytes.byteCount) }
        let firstWord = UInt32(bigEndian: bytes.unsafeLoadUnaligned(fromByteOffset: 0, as: UInt32.self))
        let length = Int(firstWord >> 8)
        guard length <= maximumPayloadLength else {
            if overlongFrames == .discard {
                return .discard(headerLength: Self.headerLength, payloadLength: Int128(length))
            }
            throw FramingError(
                .frameTooLong,
                "HTTP/2 frame length \(length) exceeds SETTINGS_MAX_FRAME_SIZE \(maximumPayloadLength) (FRAME_SIZE_ERROR)")
        }
        return .frame(FrameLayout(headerLength: Self.headerLength, payloadLength: length))
    }

    /// The stream ended inside a frame header.
    ///
    /// - Throws: ``FramingError/Code/truncatedFrame``.
    public func cutAtEndOfStream(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        throw FramingError(
            .truncatedFrame, "stream ended inside an HTTP/2 frame header: \(bytes.byteCount) of 9 bytes buffered",
            bufferedByteCount: bytes.byteCount, expectedByteCount: Self.headerLength)
    }
}

/// The fields of an HTTP/2 frame header (RFC 9113 §4.1).
public struct HTTP2FrameHeader: Sendable, Hashable {
    /// The payload length.
    public var length: Int
    /// The frame type (`0x0` DATA, `0x1` HEADERS, `0x4` SETTINGS, `0x6` PING, …).
    public var type: UInt8
    /// The type's flags (`0x1` ACK or END_STREAM, `0x4` END_HEADERS, …).
    public var flags: UInt8
    /// The stream identifier, the reserved bit ignored as the RFC requires.
    public var streamIdentifier: UInt32

    /// A header from its fields.
    public init(length: Int, type: UInt8, flags: UInt8, streamIdentifier: UInt32) {
        self.length = length
        self.type = type
        self.flags = flags
        self.streamIdentifier = streamIdentifier
    }

    /// The header of a frame cut by ``HTTP2FrameCutter``.
    public init(_ frame: Frame) {
        let header = frame.header
        self.length = Int(header[0]) << 16 | Int(header[1]) << 8 | Int(header[2])
        self.type = header[3]
        self.flags = header[4]
        self.streamIdentifier =
            (UInt32(header[5]) << 24 | UInt32(header[6]) << 16 | UInt32(header[7]) << 8 | UInt32(header[8]))
            & 0x7FFF_FFFF
    }
}

/// Writes HTTP/2 frames of one type, flags and stream (RFC 9113 §4.1): the 9-byte header, then
/// the payload.
public struct HTTP2FrameEncoder: FrameEncoder {
    /// The frame type written.
    public let type: UInt8
    /// The flags written.
    public let flags: UInt8
    /// The stream identifier written (31 bits; the reserved bit is sent as 0).
    public let streamIdentifier: UInt32
    /// The longest payload accepted (`SETTINGS_MAX_FRAME_SIZE` of the peer).
    public let maximumPayloadLength: Int

    /// An encoder for frames of `type` with `flags` on `streamIdentifier`.
    public init(
        type: UInt8, flags: UInt8 = 0, streamIdentifier: UInt32 = 0,
        maximumPayloadLength: Int = HTTP2FrameCutter.defaultMaximumPayloadLength
    ) {
        self.type = type
        self.flags = flags
        self.streamIdentifier = streamIdentifier & 0x7FFF_FFFF
        self.maximumPayloadLength = Swift.min(maximumPayloadLength, HTTP2FrameCutter.largestPayloadLength)
    }

    /// Appends the header and `payload` to `output`.
    ///
    /// - Throws: ``FramingError/Code/payloadTooLong`` beyond the maximum; `output` is
    ///   unchanged then.
    public func encode(_ payload: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(FramingError) {
        guard payload.count <= maximumPayloadLength else {
            throw FramingError(
                .payloadTooLong,
                "payload of \(payload.count) bytes exceeds the maximum frame length of \(maximumPayloadLength) bytes")
        }
        let length = payload.count
        output.append(contentsOf: [
            UInt8(truncatingIfNeeded: length >> 16), UInt8(truncatingIfNeeded: length >> 8),
            UInt8(truncatingIfNeeded: length), type, flags,
            UInt8(truncatingIfNeeded: streamIdentifier >> 24), UInt8(truncatingIfNeeded: streamIdentifier >> 16),
            UInt8(truncatingIfNeeded: streamIdentifier >> 8), UInt8(truncatingIfNeeded: streamIdentifier),
        ])
        output.append(contentsOf: payload)
    }
}
