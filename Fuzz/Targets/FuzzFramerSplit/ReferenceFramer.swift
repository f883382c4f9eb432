import FramingExamples
import StreamFramer
import StructPack

/// An independent model of SPEC.md chapter 3 for a whole stream: the frames, errors and end
/// each framing must produce, with the specification's messages. Written from the text, one
/// straightforward loop per framing, with none of the framers' buffering.
///
/// The framers' output for the stream fed whole must equal it event for event (errors compared
/// by code and message); split invariance then extends that to every chunking.
enum ReferenceFramer {
    /// The events of `stream` under `framing`.
    static func events(_ framing: SplitFraming, _ stream: [UInt8]) -> [FramingEvent] {
        switch framing {
        case .builtIn(let builtIn): events(builtIn, stream)
        case .http2(let cutter): http2(cutter, stream)
        case .mqtt(let cutter): mqtt(cutter, stream)
        case .webSocket(let cutter): webSocket(cutter, stream)
        }
    }

    /// The events of `stream` under a built-in framing.
    static func events(_ framing: Framing, _ stream: [UInt8]) -> [FramingEvent] {
        switch framing {
        case .lengthField(let options): lengthField(options, stream)
        case .delimiter(let options): delimiter(options, stream)
        case .fixedLength(let options): fixedLength(options, stream)
        case .varint(let options): varint(options, stream)
        }
    }

    static func frame(header: ArraySlice<UInt8>, payload: ArraySlice<UInt8>, delimiter: ArraySlice<UInt8>,
                              keepsHeader: Bool, keepsDelimiter: Bool) -> FramingEvent {
        .frame(
            bytes: (keepsHeader ? Array(header) : []) + payload + (keepsDelimiter ? Array(delimiter) : []),
            payload: Array(payload), header: Array(header), delimiter: Array(delimiter))
    }

    static func error(_ code: FramingError.Code, _ message: String) -> FramingEvent {
        .error(code: code, message: message, buffered: nil, expected: nil)
    }

    /// §3.3: header, checks in Int128 in the table's order, body; truncation at the end.
    static func lengthField(_ options: LengthFieldConfiguration, _ stream: [UInt8]) -> [FramingEvent] {
        var events: [FramingEvent] = []
        var position = 0
        let size = options.headerSize
        while true {
            let remaining = stream.count - position
            if remaining == 0 { return events + [.end] }
            if remaining < size {
                return events + [
                    error(.truncatedFrame, "stream ended inside a frame header: \(remaining) of \(size) header bytes buffered")
                ]
            }
            let header = stream[position..<(position + size)]
            let field = options.lengthFieldIndex
            guard case .int(let integer) = try? options.header.unpackValue(at: field, from: Array(header), as: StructValue.self),
                let slot = try? options.header.slot(ofValue: field)
            else { invariantFailure("\(options.header): length field \(field) is not an integer") }
            let value = integer.value
            let length = value + Int128(options.lengthAdjustment)
            if value < 0 {
                return events + [
                    error(.negativeLength, "negative frame length \(value) in length field \(field) ('\(slot.code.character)')")
                ]
            }
            if length < 0 {
                return events + [
                    error(
                        .negativeLength,
                        "length field value \(value) with length adjustment \(options.lengthAdjustment) gives a negative "
                            + "frame length (\(length))")
                ]
            }
            if length > Int128(options.maximumFrameLength) {
                guard options.overlongFrames == .discard else {
                    return events + [
                        error(.frameTooLong, "frame length \(length) exceeds the maximum of \(options.maximumFrameLength) bytes")
                    ]
                }
                // Discard mode (SPEC §3.11): reported, skipped; a stream ending inside it ends cleanly.
                events.append(.discarded(length: length, header: Array(header)))
                let skipped = Int128(size) + length
                if skipped >= Int128(remaining) { return events + [.end] }
                position += Int(skipped)
                continue
            }
            let wire = size + Int(length)
            if remaining < wire {
                return events + [error(.truncatedFrame, "stream ended inside a frame: \(remaining) of \(wire) bytes buffered")]
            }
            events.append(
                frame(
                    header: header, payload: stream[(position + size)..<(position + wire)], delimiter: [],
                    keepsHeader: options.keepsHeader, keepsDelimiter: false))
            position += wire
        }
    }

    /// The delimiter occurrence that ends first at or after `start` (longest among those ending
    /// at the same byte), as (start, end), or `nil`.
    static func firstDelimiter(_ delimiters: [[UInt8]], in stream: [UInt8], from start: Int) -> (Int, Int)? {
        let longestFirst = delimiters.sorted { $0.count > $1.count }
        var end = start + 1
        while end <= stream.count {
            for delimiter in longestFirst where end - delimiter.count >= start {
                if stream[(end - delimiter.count)..<end].elementsEqual(delimiter) { return (end - delimiter.count, end) }
            }
            end += 1
        }
        return nil
    }

    /// §3.4: matching, the two over-long rules, skipping and the end of the stream.
    static func delimiter(_ options: DelimiterConfiguration, _ stream: [UInt8]) -> [FramingEvent] {
        var events: [FramingEvent] = []
        var position = 0
        let maximum = options.maximumFrameLength
        let longest = options.delimiters.map(\.count).max() ?? 1
        let certainty = maximum + longest
        let skips = options.overlongFrames == .skipToNextDelimiter
        let noDelimiter = "frame length exceeds the maximum of \(maximum) bytes: no delimiter in the first \(certainty) bytes"
        while true {
            let remaining = stream.count - position
            guard let (start, end) = firstDelimiter(options.delimiters, in: stream, from: position) else {
                if remaining >= certainty {
                    // Over-long with no delimiter at all: reported, then (skipping) discarded to the end.
                    return events + [error(.frameTooLong, noDelimiter)] + (skips ? [.end] : [])
                }
                if remaining == 0 { return events + [.end] }
                guard options.endOfStream == .finalFrame else {
                    return events + [
                        error(.unterminatedFrame, "stream ended with \(remaining) bytes after the last delimiter and no delimiter")
                    ]
                }
                guard remaining <= maximum else {
                    return events + [error(.frameTooLong, "frame length \(remaining) exceeds the maximum of \(maximum) bytes")]
                }
                return events + [
                    frame(header: [], payload: stream[position...], delimiter: [], keepsHeader: false, keepsDelimiter: false),
                    .end,
                ]
            }
            let content = start - position
            if content > maximum {
                events.append(
                    end - position > certainty
                        ? error(.frameTooLong, noDelimiter)
                        : error(.frameTooLong, "frame length \(content) exceeds the maximum of \(maximum) bytes"))
                guard skips else { return events }
            } else {
                events.append(
                    frame(
                        header: [], payload: stream[position..<start], delimiter: stream[start..<end], keepsHeader: false,
                        keepsDelimiter: options.keepsDelimiter))
            }
            position = end
        }
    }

    /// §3.5.
    static func fixedLength(_ options: FixedLengthConfiguration, _ stream: [UInt8]) -> [FramingEvent] {
        let length = options.frameLength
        var events: [FramingEvent] = []
        var position = 0
        while stream.count - position >= length {
            events.append(
                frame(
                    header: [], payload: stream[position..<(position + length)], delimiter: [], keepsHeader: false,
                    keepsDelimiter: false))
            position += length
        }
        let remaining = stream.count - position
        if remaining == 0 { return events + [.end] }
        return events + [error(.truncatedFrame, "stream ended inside a frame: \(remaining) of \(length) bytes buffered")]
    }

    /// §3.6: the varint's errors as soon as it is complete or 10 bytes long, then the payload.
    static func varint(_ options: VarintConfiguration, _ stream: [UInt8]) -> [FramingEvent] {
        var events: [FramingEvent] = []
        var position = 0
        while true {
            let remaining = stream.count - position
            if remaining == 0 { return events + [.end] }
            var value: UInt64 = 0
            var count = 0
            var complete = false
            while count < min(remaining, 10) {
                let byte = stream[position + count]
                let group = UInt64(byte & 0x7F)
                if count == 9 {
                    if byte & 0x80 != 0 { return events + [error(.overlongVarint, "overlong varint length: more than 10 bytes")] }
                    if group > 1 { return events + [error(.varintOverflow, "varint length overflows 64 bits")] }
                }
                value |= group << UInt64(7 * count)
                count += 1
                if byte & 0x80 == 0 {
                    if byte == 0 && count > 1 && !options.allowsNonMinimalEncoding {
                        return events + [
                            error(.overlongVarint, "overlong varint length: \(value) encoded in \(count) bytes (non-minimal encoding)")
                        ]
                    }
                    complete = true
                    break
                }
            }
            guard complete else {
                return events + [error(.truncatedFrame, "stream ended inside a varint length: \(remaining) bytes buffered")]
            }
            guard value <= UInt64(options.maximumFrameLength) else {
                guard options.overlongFrames == .discard else {
                    return events + [
                        error(.frameTooLong, "frame length \(value) exceeds the maximum of \(options.maximumFrameLength) bytes")
                    ]
                }
                events.append(.discarded(length: Int128(value), header: Array(stream[position..<(position + count)])))
                let skipped = Int128(count) + Int128(value)
                if skipped >= Int128(remaining) { return events + [.end] }
                position += Int(skipped)
                continue
            }
            let wire = count + Int(value)
            if remaining < wire {
                return events + [error(.truncatedFrame, "stream ended inside a frame: \(remaining) of \(wire) bytes buffered")]
            }
            events.append(
                frame(
                    header: stream[position..<(position + count)], payload: stream[(position + count)..<(position + wire)],
                    delimiter: [], keepsHeader: options.keepsHeader, keepsDelimiter: false))
            position += wire
        }
    }
}

extension ReferenceFramer {
    /// RFC 9113 §4.1: a 9-byte header, the first 24 bits the payload length.
    static func http2(_ cutter: HTTP2FrameCutter, _ stream: [UInt8]) -> [FramingEvent] {
        var events: [FramingEvent] = []
        var position = 0
        while true {
            let remaining = stream.count - position
            if remaining == 0 { return events + [.end] }
            if remaining < 9 {
                return events + [error(.truncatedFrame, "stream ended inside an HTTP/2 frame header: \(remaining) of 9 bytes buffered")]
            }
            let length = Int(stream[position]) << 16 | Int(stream[position + 1]) << 8 | Int(stream[position + 2])
            let header = Array(stream[position..<(position + 9)])
            if length > cutter.maximumPayloadLength {
                guard cutter.overlongFrames == .discard else {
                    return events + [
                        error(
                            .frameTooLong,
                            "HTTP/2 frame length \(length) exceeds SETTINGS_MAX_FRAME_SIZE \(cutter.maximumPayloadLength) (FRAME_SIZE_ERROR)")
                    ]
                }
                events.append(.discarded(length: Int128(length), header: header))
                if 9 + length >= remaining { return events + [.end] }
                position += 9 + length
                continue
            }
            if remaining < 9 + length {
                return events + [error(.truncatedFrame, "stream ended inside a frame: \(remaining) of \(9 + length) bytes buffered")]
            }
            events.append(.frame(bytes: Array(stream[(position + 9)..<(position + 9 + length)]),
                                 payload: Array(stream[(position + 9)..<(position + 9 + length)]), header: header, delimiter: []))
            position += 9 + length
        }
    }

    /// MQTT §2.2: a type byte, a Remaining Length of 1 to 4 bytes, then that many bytes.
    static func mqtt(_ cutter: MQTTPacketCutter, _ stream: [UInt8]) -> [FramingEvent] {
        var events: [FramingEvent] = []
        var position = 0
        while true {
            let remaining = stream.count - position
            if remaining == 0 { return events + [.end] }
            var length = 0
            var headerLength = 1
            var complete = false
            while headerLength < remaining {
                let byte = stream[position + headerLength]
                length |= Int(byte & 0x7F) << (7 * (headerLength - 1))
                headerLength += 1
                if byte & 0x80 == 0 {
                    complete = true
                    break
                }
                if headerLength == 5 {
                    return events + [error(.overlongVarint, "malformed MQTT Remaining Length: more than 4 bytes")]
                }
            }
            guard complete else {
                return events + [error(.truncatedFrame, "stream ended inside an MQTT fixed header: \(remaining) bytes buffered")]
            }
            let header = Array(stream[position..<(position + headerLength)])
            if length > cutter.maximumRemainingLength {
                guard cutter.overlongFrames == .discard else {
                    return events + [
                        error(.frameTooLong, "MQTT Remaining Length \(length) exceeds the maximum of \(cutter.maximumRemainingLength) bytes")
                    ]
                }
                events.append(.discarded(length: Int128(length), header: header))
                if headerLength + length >= remaining { return events + [.end] }
                position += headerLength + length
                continue
            }
            let wire = headerLength + length
            if remaining < wire {
                return events + [error(.truncatedFrame, "stream ended inside a frame: \(remaining) of \(wire) bytes buffered")]
            }
            events.append(.frame(bytes: Array(stream[(position + headerLength)..<(position + wire)]),
                                 payload: Array(stream[(position + headerLength)..<(position + wire)]), header: header, delimiter: []))
            position += wire
        }
    }
}

extension ReferenceFramer {
    /// RFC 6455 §5.2: two bytes, then a 16- or 64-bit length when the 7-bit one is 126 or 127,
    /// then a 4-byte masking key when the MASK bit is set, then the payload.
    static func webSocket(_ cutter: WebSocketFrameCutter, _ stream: [UInt8]) -> [FramingEvent] {
        var events: [FramingEvent] = []
        var position = 0
        while true {
            let remaining = stream.count - position
            if remaining == 0 { return events + [.end] }
            let truncated = error(.truncatedFrame, "stream ended inside a WebSocket frame header: \(remaining) bytes buffered")
            if remaining < 2 { return events + [truncated] }
            let shortLength = Int(stream[position + 1] & 0x7F)
            let extendedLength = shortLength == 126 ? 2 : shortLength == 127 ? 8 : 0
            let headerLength = 2 + extendedLength + (stream[position + 1] >= 0x80 ? 4 : 0)
            if remaining < headerLength { return events + [truncated] }
            var length = UInt64(shortLength)
            if extendedLength > 0 {
                length = 0
                for index in 0..<extendedLength { length = length << 8 | UInt64(stream[position + 2 + index]) }
            }
            if length >= 1 << 63 {
                return events + [
                    error(.negativeLength, "malformed WebSocket frame: 64-bit payload length \(length) has its most significant bit set")
                ]
            }
            let opcode = stream[position] & 0x0F
            if opcode >= 8 && length > 125 {
                return events + [
                    error(
                        .frameTooLong,
                        "malformed WebSocket frame: control frame (opcode \(opcode)) with a \(length)-byte payload; "
                            + "control frames carry at most 125 bytes")
                ]
            }
            let header = Array(stream[position..<(position + headerLength)])
            if length > UInt64(cutter.maximumPayloadLength) {
                guard cutter.overlongFrames == .discard else {
                    return events + [
                        error(.frameTooLong, "WebSocket payload length \(length) exceeds the maximum of \(cutter.maximumPayloadLength) bytes")
                    ]
                }
                events.append(.discarded(length: Int128(length), header: header))
                if length >= UInt64(remaining - headerLength) { return events + [.end] }
                position += headerLength + Int(length)
                continue
            }
            let wire = headerLength + Int(length)
            if remaining < wire {
                return events + [error(.truncatedFrame, "stream ended inside a frame: \(remaining) of \(wire) bytes buffered")]
            }
            events.append(.frame(bytes: Array(stream[(position + headerLength)..<(position + wire)]),
                                 payload: Array(stream[(position + headerLength)..<(position + wire)]), header: header, delimiter: []))
            position += wire
        }
    }
}

extension FramingEvent {
    /// The event without the error's byte counts, which the specification's text does not give
    /// for every error.
    var withoutCounts: FramingEvent {
        if case .error(let code, let message, _, _) = self { return .error(code: code, message: message, buffered: nil, expected: nil) }
        return self
    }
}
