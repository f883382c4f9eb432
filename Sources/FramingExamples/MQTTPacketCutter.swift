public import StreamFramer

/// MQTT control packets (MQTT 3.1.1 §2.2, MQTT 5.0 §2.1), cut by a custom ``FrameCutter``: a
/// fixed header of one byte (packet type and flags) and the Remaining Length, a Variable Byte
/// Integer of 1 to 4 bytes (7 bits a byte, least significant first, high bit = more), then that
/// many bytes (variable header and payload). Written with StreamFramer's public API only.
///
/// ```
///  +--------------------+--------------------------+----------------------------+
///  | type (4) flags (4) | Remaining Length (1-4 B) | variable header + payload  |
///  +--------------------+--------------------------+----------------------------+
///   PINGREQ:  c0 00          CONNACK: 20 02 00 00
///   Remaining Length 321:  c1 02        268,435,455:  ff ff ff 7f
/// ```
public struct MQTTPacketCutter: FrameCutter {
    /// The largest Remaining Length four bytes hold: 268,435,455 (256 MB).
    public static let largestRemainingLength = 268_435_455

    /// The longest Remaining Length accepted (MQTT 5's Maximum Packet Size, less the fixed header).
    public let maximumRemainingLength: Int
    /// What a packet over the maximum does.
    public let overlongFrames: OverlongFrameAction

    /// A cutter for packets of at most `maximumRemainingLength` bytes after the fixed header.
    ///
    /// - Throws: ``FramingError/Code/invalidConfiguration`` unless the maximum lies in
    ///   `0...268_435_455`.
    public init(
        maximumRemainingLength: Int = MQTTPacketCutter.largestRemainingLength,
        overlongFrames: OverlongFrameAction = .fail
    ) throws(FramingError) {
        guard maximumRemainingLength >= 0 && maximumRemainingLength <= Self.largestRemainingLength else {
            throw FramingError(
                .invalidConfiguration,
                "MQTT maximum remaining length \(maximumRemainingLength) is out of range 0...\(Self.largestRemainingLength)")
        }
        self.maximumRemainingLength = maximumRemainingLength
        self.overlongFrames = overlongFrames
    }

    /// A fixed header of at most 5 bytes plus the maximum Remaining Length.
    public var maximumFrameLength: Int { 5 + maximumRemainingLength }

    /// The packet whose fixed header starts `bytes`, once the Remaining Length is complete.
    ///
    /// - Throws: ``FramingError/Code/overlongVarint`` for a Remaining Length of more than 4
    ///   bytes (a malformed packet); ``FramingError/Code/frameTooLong`` over the maximum (unless
    ///   discarding).
    public func cut(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        var remaining = 0
        var index = 1
        while true {
            guard index < bytes.byteCount else { return .needMore(1) }
            let byte = bytes.unsafeLoad(fromByteOffset: index, as: UInt8.self)
            remaining |= Int(byte & 0x7F) << (7 * (index - 1))
            index += 1
            if byte & 0x80 == 0 { break }
            guard index < 5 else {
                throw FramingError(.overlongVarint, "malformed MQTT Remaining Length: more than 4 bytes")
            }
        }
        guard remaining <= maximumRemainingLength else {
            if overlongFrames == .discard { return .discard(headerLength: index, payloadLength: Int128(remaining)) }
            throw FramingError(
                .frameTooLong,
                "MQTT Remaining Length \(remaining) exceeds the maximum of \(maximumRemainingLength) bytes")
        }
        return .frame(FrameLayout(headerLength: index, payloadLength: remaining))
    }

    /// The stream ended inside a fixed header.
    ///
    /// - Throws: ``FramingError/Code/truncatedFrame``.
    public func cutAtEndOfStream(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        throw FramingError(
            .truncatedFrame, "stream ended inside an MQTT fixed header: \(bytes.byteCount) bytes buffered",
            bufferedByteCount: bytes.byteCount)
    }
}

/// The fixed header of an MQTT packet cut by ``MQTTPacketCutter``.
public struct MQTTFixedHeader: Sendable, Hashable {
    /// The control packet type, 1 (CONNECT) to 15 (AUTH).
    public var packetType: UInt8
    /// The four flag bits (PUBLISH: DUP, QoS, RETAIN).
    public var flags: UInt8
    /// The Remaining Length: the bytes after the fixed header.
    public var remainingLength: Int

    /// A fixed header from its fields.
    public init(packetType: UInt8, flags: UInt8, remainingLength: Int) {
        self.packetType = packetType
        self.flags = flags
        self.remainingLength = remainingLength
    }

    /// The fixed header of `packet`.
    public init(_ packet: Frame) {
        let header = packet.header
        self.packetType = header[0] >> 4
        self.flags = header[0] & 0x0F
        self.remainingLength = packet.payload.count
    }
}

/// Writes MQTT packets of one type and flags: the fixed header (first byte and minimal Remaining
/// Length), then the variable header and payload given as one byte run.
public struct MQTTPacketEncoder: FrameEncoder {
    /// The first byte: packet type in the high four bits, flags in the low four.
    public let firstByte: UInt8

    /// An encoder for packets of `packetType` (1...15) with `flags` (0...15).
    public init(packetType: UInt8, flags: UInt8 = 0) {
        self.firstByte = packetType << 4 | flags & 0x0F
    }

    /// Appends the fixed header and `body` (variable header and payload) to `output`.
    ///
    /// - Throws: ``FramingError/Code/payloadTooLong`` over 268,435,455 bytes; `output` is
    ///   unchanged then.
    public func encode(_ body: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(FramingError) {
        guard body.count <= MQTTPacketCutter.largestRemainingLength else {
            throw FramingError(
                .payloadTooLong,
                "payload of \(body.count) bytes exceeds the maximum frame length of "
                    + "\(MQTTPacketCutter.largestRemainingLength) bytes")
        }
        output.append(firstByte)
        var remaining = body.count
        repeat {
            let group = UInt8(remaining & 0x7F)
            remaining >>= 7
            output.append(remaining > 0 ? group | 0x80 : group)
        } while remaining > 0
        output.append(contentsOf: body)
    }
}
