import FramingExamples
import StreamFramer
import Testing

/// WebSocket frames from RFC 6455 §5.7's examples, byte for byte, and edges of §5.2's header:
/// FIN/RSV/opcode, MASK and a 7-bit length (126: a 16-bit length follows, 127: a 64-bit one),
/// then a 4-byte masking key when MASK is set.
@Suite("WebSocketFrameCutter")
struct WebSocketFrameCutterTests {
    // §5.7: a single-frame unmasked text message, "Hello".
    static let hello = [UInt8](hex: "81 05 48656c6c6f")
    // §5.7: a single-frame masked text message, "Hello" masked with 37 fa 21 3d.
    static let maskedHello = [UInt8](hex: "81 85 37fa213d 7f9f4d5158")
    // §5.7: a fragmented unmasked text message, "Hel" then "lo".
    static let fragments = [UInt8](hex: "01 03 48656c 80 02 6c6f")
    // §5.7: an unmasked ping and a masked pong, each with body "Hello".
    static let ping = [UInt8](hex: "89 05 48656c6c6f")
    static let maskedPong = [UInt8](hex: "8a 85 37fa213d 7f9f4d5158")
    // §5.7: 256 bytes of binary data in a single unmasked frame (a 16-bit length, 01 00).
    static let body256 = (0..<256).map { UInt8($0 & 0xFF) }
    static let binary256 = [UInt8](hex: "82 7e 0100") + body256
    // §5.7: 64 KiB of binary data in a single unmasked frame (a 64-bit length, 2^16).
    static let body64K = (0..<65_536).map { UInt8(($0 * 7) & 0xFF) }
    static let binary64K = [UInt8](hex: "82 7f 0000000000010000") + body64K

    @Test func specificationExamplesForEveryChunking() throws {
        let stream = Self.hello + Self.maskedHello + Self.fragments + Self.ping + Self.maskedPong + Self.binary256
        let expected = Events(items: [
            "8105|48656c6c6f", "818537fa213d|7f9f4d5158", "0103|48656c", "8002|6c6f", "8905|48656c6c6f",
            "8a8537fa213d|7f9f4d5158",
            "827e0100|" + Self.body256.map { String($0 >> 4, radix: 16) + String($0 & 0x0F, radix: 16) }.joined(),
        ])
        for chunks in chunkings(total: stream.count) {
            #expect(events(try WebSocketFrameCutter(), stream, chunks: chunks) == expected, "\(chunks)")
        }
    }

    @Test func sixtyFourBitLength() throws {
        var framer = FramingEngine(try WebSocketFrameCutter())
        // The 10-byte header arrives in three pieces: 2 bytes decide the header's length.
        framer.append(Array(Self.binary64K[0..<1]))
        #expect(try framer.next() == nil)
        framer.append(Array(Self.binary64K[1..<6]))
        #expect(try framer.next() == nil)
        framer.append(Array(Self.binary64K[6...]))
        let frame = try #require(try framer.next())
        #expect(Array(frame.header) == [UInt8](hex: "827f0000000000010000"))
        #expect(Array(frame.payload) == Self.body64K)
        #expect(try framer.finish() == nil)
    }

    @Test func headerFieldsAndUnmasking() throws {
        var framer = FramingEngine(try WebSocketFrameCutter())
        framer.append(Self.maskedHello + Self.fragments)
        let masked = try #require(try framer.next())
        let header = WebSocketFrameHeader(masked)
        #expect(header == WebSocketFrameHeader(isFinal: true, opcode: 1, maskingKey: [0x37, 0xFA, 0x21, 0x3D], payloadLength: 5))
        #expect(header.unmasked(masked.payload) == Array("Hello".utf8))
        let first = try #require(try framer.next())
        #expect(WebSocketFrameHeader(first) == WebSocketFrameHeader(isFinal: false, opcode: 1, payloadLength: 3))
        #expect(WebSocketFrameHeader(first).unmasked(first.payload) == Array("Hel".utf8))
        let last = try #require(try framer.next())
        #expect(WebSocketFrameHeader(last) == WebSocketFrameHeader(isFinal: true, opcode: 0, payloadLength: 2))
    }

    @Test func encoderWritesTheSpecificationsBytes() throws {
        let hello = Array("Hello".utf8)
        #expect(try WebSocketFrameEncoder(opcode: 1).encode(hello) == Self.hello)
        #expect(try WebSocketFrameEncoder(opcode: 1, maskingKey: [0x37, 0xFA, 0x21, 0x3D]).encode(hello) == Self.maskedHello)
        #expect(try WebSocketFrameEncoder(opcode: 1, isFinal: false).encode(Array("Hel".utf8)) == [UInt8](hex: "0103 48656c"))
        #expect(try WebSocketFrameEncoder(opcode: 9).encode(hello) == Self.ping)
        #expect(try WebSocketFrameEncoder(opcode: 10, maskingKey: [0x37, 0xFA, 0x21, 0x3D]).encode(hello) == Self.maskedPong)
        #expect(try WebSocketFrameEncoder(opcode: 2).encode(Self.body256) == Self.binary256)
        #expect(try WebSocketFrameEncoder(opcode: 2).encode(Self.body64K) == Self.binary64K)
        // The edges of the three length encodings: 125 in 7 bits, 126 and 65,535 in 16.
        #expect(try WebSocketFrameEncoder(opcode: 2).encode([UInt8](repeating: 0, count: 125)).prefix(2) == [0x82, 0x7D])
        #expect(try WebSocketFrameEncoder(opcode: 2).encode([UInt8](repeating: 0, count: 126)).prefix(4) == [0x82, 0x7E, 0x00, 0x7E])
        #expect(
            try WebSocketFrameEncoder(opcode: 2).encode([UInt8](repeating: 0, count: 65_535)).prefix(4) == [0x82, 0x7E, 0xFF, 0xFF])

        var output: [UInt8] = [0xAA]
        #expect(throws: FramingError(.payloadTooLong, "payload of 126 bytes exceeds the maximum frame length of 125 bytes (a control frame)")) {
            try WebSocketFrameEncoder(opcode: 9).encode([UInt8](repeating: 0, count: 126), appendingTo: &output)
        }
        #expect(output == [0xAA])
        #expect(throws: FramingError(.invalidConfiguration, "WebSocket masking key of 3 bytes (4 needed)")) {
            try WebSocketFrameEncoder(opcode: 1, maskingKey: [1, 2, 3])
        }
        #expect(throws: FramingError(.invalidConfiguration, "WebSocket opcode 16 is out of range 0...15")) {
            try WebSocketFrameEncoder(opcode: 16)
        }
    }

    @Test func malformedLengthsFailAfterEarlierFrames() throws {
        // A 64-bit length with its most significant bit set: 2^63.
        let huge = Self.hello + [UInt8](hex: "82 7f 8000000000000000")
        for chunks in chunkings(total: huge.count) {
            let outcome = events(try WebSocketFrameCutter(overlongFrames: .discard), huge, chunks: chunks)
            #expect(outcome.items == ["8105|48656c6c6f"])
            #expect(
                outcome.error
                    == FramingError(
                        .negativeLength,
                        "malformed WebSocket frame: 64-bit payload length 9223372036854775808 has its most significant bit set"))
        }
        // A ping of 126 bytes: control frames carry at most 125.
        let longPing = Self.hello + [UInt8](hex: "89 7e 007e") + [UInt8](repeating: 0, count: 126)
        let outcome = events(try WebSocketFrameCutter(), longPing, chunks: [longPing.count])
        #expect(outcome.items == ["8105|48656c6c6f"])
        #expect(
            outcome.error
                == FramingError(
                    .frameTooLong,
                    "malformed WebSocket frame: control frame (opcode 9) with a 126-byte payload; control frames carry at most 125 bytes"))
    }

    @Test func overTheMaximumFailsOrIsDiscarded() throws {
        let stream = Self.hello + Self.binary256 + Self.ping
        let failing = events(try WebSocketFrameCutter(maximumPayloadLength: 255), stream, chunks: [stream.count])
        #expect(failing.items == ["8105|48656c6c6f"])
        #expect(failing.error == FramingError(.frameTooLong, "WebSocket payload length 256 exceeds the maximum of 255 bytes"))

        let expected = Events(items: ["8105|48656c6c6f", "discarded 256 827e0100", "8905|48656c6c6f"])
        for chunks in chunkings(total: stream.count) {
            let cutter = try WebSocketFrameCutter(maximumPayloadLength: 255, overlongFrames: .discard)
            #expect(events(cutter, stream, chunks: chunks) == expected, "\(chunks)")
        }
    }

    @Test func streamEndingInsideAHeader() throws {
        let stream = Self.hello + [UInt8](hex: "82 7e 01")
        let outcome = events(try WebSocketFrameCutter(), stream, chunks: [stream.count])
        #expect(outcome.items == ["8105|48656c6c6f"])
        #expect(outcome.error == FramingError(.truncatedFrame, "stream ended inside a WebSocket frame header: 3 bytes buffered"))
        #expect(throws: FramingError(.invalidConfiguration, "WebSocket maximum payload length -1 is out of range 0...9223372036854775793")) {
            try WebSocketFrameCutter(maximumPayloadLength: -1)
        }
    }

    @Test func asyncSequenceOfChunks() async throws {
        let chunks = AsyncStream<[UInt8]> { continuation in
            continuation.yield(Array(Self.maskedHello.prefix(3)))
            continuation.yield(Array(Self.maskedHello.dropFirst(3)) + Self.ping)
            continuation.finish()
        }
        var opcodes: [UInt8] = []
        for try await frame in chunks.frames(cutBy: try WebSocketFrameCutter()) {
            opcodes.append(WebSocketFrameHeader(frame).opcode)
        }
        #expect(opcodes == [1, 9])
    }
}
