public import StreamFramer

/// WebSocket frames (RFC 6455 §5.2), cut by a custom ``FrameCutter``: a header of 2 to 14 bytes
/// whose own length depends on its first two bytes, then the payload. Written with
/// StreamFramer's public API only, as an application would write it.
///
/// ```
///  +-+-+-+-+-------+-+-------------+-------------------------------+
///  |F|R|R|R| opcode|M| Payload len |    Extended payload length    |
///  |I|S|S|S|  (4)  |A|     (7)     |            (16/64)            |
///  |N|V|V|V|       |S|             |  (if payload len == 126/127)  |
///  | |1|2|3|       |K|             |                               |
///  +-+-+-+-+-------+-+-------------+ - - - - - - - - - - - - - - - +
///  |     Masking-key (0 or 4 bytes, when MASK is set)    | Payload ...
///  +-----------------------------------------------------+---------
///
///  "Hello", unmasked:  81 05 48 65 6c 6c 6f
///  256 bytes:          82 7e 01 00 + 256 bytes      65,536 bytes:  82 7f 00 00 00 00 00 01 00 00 + …
/// ```
///
/// A payload length of 126 means "the next 2 bytes hold it", 127 "the next 8" (network order);
/// the cutter asks for the 2 fixed bytes first, then for the rest of the header, then cuts. A
/// 64-bit length with its most significant bit set (which RFC 6455 forbids), or a control
/// frame (opcode 8 and over) with more than 125 bytes, is malformed and fails the framer; a
/// length over the maximum fails it too, or with ``OverlongFrameAction/discard`` the frame is
/// skipped and reported. Lengths are accepted in any of their encodings (the RFC requires the
/// shortest from senders; checking it is the application's choice).
///
/// ```swift
/// var framer = FramingEngine(try WebSocketFrameCutter())
/// framer.append(bytes)
/// while let frame = try framer.next() {
///     let header = WebSocketFrameHeader(frame)              // FIN, opcode, mask
///     let message = header.unmasked(frame.payload)          // a copy, unmasked
/// }
/// ```
public struct WebSocketFrameCutter: FrameCutter {
    /// The longest header: 2 bytes, an 8-byte extended length and a 4-byte masking key.
    public static let largestHeaderLength = 14
    /// The default maximum payload: 16 MiB.
    public static let defaultMaximumPayloadLength = 16 << 20
    /// The largest payload a control frame (close, ping, pong) may carry.
    public static let largestControlPayloadLength = 125

    /// The longest payload accepted.
    public let maximumPayloadLength: Int
    /// What a frame over the maximum does.
    public let overlongFrames: OverlongFrameAction

    /// A cutter for payloads of at most `maximumPayloadLength` bytes.
    ///
    /// - Throws: ``FramingError/Code/invalidConfiguration`` unless the maximum lies in
    ///   `0...Int.max - 14`.
    public init(
        maximumPayloadLength: Int = WebSocketFrameCutter.defaultMaximumPayloadLength,
        overlongFrames: OverlongFrameAction = .fail
    ) throws(FramingError) {
        guard maximumPayloadLength >= 0 && maximumPayloadLength <= Int.max - Self.largestHeaderLength else {
            throw FramingError(
                .invalidConfiguration,
                "WebSocket maximum payload length \(maximumPayloadLength) is out of range "
                    + "0...\(Int.max - Self.largestHeaderLength)")
        }
        self.maximumPayloadLength = maximumPayloadLength
        self.overlongFrames = overlongFrames
    }

    /// The longest header plus the maximum payload.
    public var maximumFrameLength: Int { Self.largestHeaderLength + maximumPayloadLength }

    /// The frame whose header starts `bytes`, once the header is complete.
    ///
    /// - Throws: ``FramingError/Code/negativeLength`` for a 64-bit length with its most
    ///   significant bit set; ``FramingError/Code/frameTooLong`` for a control frame over 125
    ///   bytes, or for a length over the maximum (unless discarding).
    public func cut(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        let count = bytes.byteCount
        guard count >= 2 else { return .needMore(2 - count) }
        let first = bytes.unsafeLoad(fromByteOffset: 0, as: UInt8.self)
        let second = bytes.unsafeLoad(fromByteOffset: 1, as: UInt8.self)
        let shortLength = second & 0x7F
        let extendedLength = shortLength == 126 ? 2 : shortLength == 127 ? 8 : 0
        let headerLength = 2 + extendedLength + (second & 0x80 != 0 ? 4 : 0)
        guard count >= headerLength else { return .needMore(headerLength - count) }

        let length: UInt64
        switch extendedLength {
        case 2: length = UInt64(UInt16(bigEndian: bytes.unsafeLoadUnaligned(fromByteOffset: 2, as: UInt16.self)))
        case 8: length = UInt64(bigEndian: bytes.unsafeLoadUnaligned(fromByteOffset: 2, as: UInt64.self))
        default: length = UInt64(shortLength)
        }
        guard length >> 63 == 0 else {
            throw FramingError(
                .negativeLength,
                "malformed WebSocket frame: 64-bit payload length \(length) has its most significant bit set")
        }
        let opcode = first & 0x0F
        guard opcode < 8 || length <= UInt64(Self.largestControlPayloadLength) else {
            throw FramingError(
                .frameTooLong,
                "malformed WebSocket frame: control frame (opcode \(opcode)) with a \(length)-byte payload; "
                    + "control frames carry at most 125 bytes")
        }
        guard length <= UInt64(maximumPayloadLength) else {
            if overlongFrames == .discard { return .discard(headerLength: headerLength, payloadLength: Int128(length)) }
            throw FramingError(
                .frameTooLong,
                "WebSocket payload length \(length) exceeds the maximum of \(maximumPayloadLength) bytes")
        }
        return .frame(FrameLayout(headerLength: headerLength, payloadLength: Int(length)))
    }

    /// The stream ended inside a frame header.
    ///
    /// - Throws: ``FramingError/Code/truncatedFrame``.
    public func cutAtEndOfStream(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        throw FramingError(
            .truncatedFrame, "stream ended inside a WebSocket frame header: \(bytes.byteCount) bytes buffered",
            bufferedByteCount: bytes.byteCount)
    }
}

/// The fields of a WebSocket frame header (RFC 6455 §5.2).
public struct WebSocketFrameHeader: Sendable, Hashable {
    /// Whether this is the final fragment of a message.
    public var isFinal: Bool
    /// The three reserved bits (RSV1 to RSV3, high to low), 0 unless an extension defines them.
    public var reservedBits: UInt8
    /// The opcode: `0x0` continuation, `0x1` text, `0x2` binary, `0x8` close, `0x9` ping,
    /// `0xA` pong.
    public var opcode: UInt8
    /// The masking key, when the payload is masked (every frame a client sends).
    public var maskingKey: [UInt8]?
    /// The payload length.
    public var payloadLength: Int

    /// A header from its fields.
    public init(isFinal: Bool, reservedBits: UInt8 = 0, opcode: UInt8, maskingKey: [UInt8]? = nil, payloadLength: Int) {
        self.isFinal = isFinal
        self.reservedBits = reservedBits
        self.opcode = opcode
        self.maskingKey = maskingKey
        self.payloadLength = payloadLength
    }

    /// The header of a frame cut by ``WebSocketFrameCutter`` (a header too short to be one
    /// reads as zeros, and a mask bit without room for a key as no key).
    public init(_ frame: Frame) {
        let header = Array(frame.header)
        let first = header.first ?? 0
        let second = header.count > 1 ? header[1] : 0
        self.isFinal = first & 0x80 != 0
        self.reservedBits = (first >> 4) & 0x07
        self.opcode = first & 0x0F
        self.maskingKey = second & 0x80 != 0 && header.count >= 6 ? Array(header.suffix(4)) : nil
        self.payloadLength = frame.payload.count
    }

    /// A copy of `payload` unmasked with ``maskingKey`` (each byte XORed with key byte
    /// `i % 4`); the bytes themselves when the frame is not masked.
    ///
    /// - Complexity: O(payload).
    public func unmasked(_ payload: FrameBytes) -> [UInt8] {
        var bytes = Array(payload)
        if let key = maskingKey, key.count == 4 {
            for index in bytes.indices { bytes[index] ^= key[index & 3] }
        }
        return bytes
    }
}

/// Writes WebSocket frames of one opcode (RFC 6455 §5.2): the 2-byte header with the shortest
/// length encoding, the masking key and the masked payload when a key is given (a client must
/// mask every frame; a server must not).
public struct WebSocketFrameEncoder: FrameEncoder {
    /// The first header byte: FIN and the opcode.
    public let firstByte: UInt8
    /// The masking key written and applied, if any.
    public let maskingKey: [UInt8]?

    /// An encoder for frames of `opcode` (0...15), final unless `isFinal` is false, masked with
    /// `maskingKey` when one is given.
    ///
    /// - Throws: ``FramingError/Code/invalidConfiguration`` for an opcode over 15 or a masking
    ///   key that is not 4 bytes.
    public init(opcode: UInt8, isFinal: Bool = true, maskingKey: [UInt8]? = nil) throws(FramingError) {
        guard opcode <= 0x0F else {
            throw FramingError(.invalidConfiguration, "WebSocket opcode \(opcode) is out of range 0...15")
        }
        if let maskingKey, maskingKey.count != 4 {
            throw FramingError(.invalidConfiguration, "WebSocket masking key of \(maskingKey.count) bytes (4 needed)")
        }
        self.firstByte = (isFinal ? 0x80 : 0) | opcode
        self.maskingKey = maskingKey
    }

    /// Appends the header and `payload` (masked when there is a key) to `output`.
    ///
    /// - Throws: ``FramingError/Code/payloadTooLong`` for a control frame's payload over 125
    ///   bytes; `output` is unchanged then.
    public func encode(_ payload: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(FramingError) {
        let length = payload.count
        guard firstByte & 0x08 == 0 || length <= WebSocketFrameCutter.largestControlPayloadLength else {
            throw FramingError(
                .payloadTooLong,
                "payload of \(length) bytes exceeds the maximum frame length of "
                    + "\(WebSocketFrameCutter.largestControlPayloadLength) bytes (a control frame)")
        }
        let maskBit: UInt8 = maskingKey == nil ? 0 : 0x80
        output.append(firstByte)
        if length <= 125 {
            output.append(maskBit | UInt8(length))
        } else if length <= 0xFFFF {
            output.append(contentsOf: [maskBit | 126, UInt8(length >> 8), UInt8(length & 0xFF)])
        } else {
            output.append(maskBit | 127)
            for shift in stride(from: 56, through: 0, by: -8) {
                output.append(UInt8(truncatingIfNeeded: length >> shift))
            }
        }
        guard let key = maskingKey else {
            output.append(contentsOf: payload)
            return
        }
        output.append(contentsOf: key)
        for (index, byte) in payload.enumerated() { output.append(byte ^ key[index & 3]) }
    }
}
