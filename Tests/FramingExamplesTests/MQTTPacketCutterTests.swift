import FramingExamples
import StreamFramer
import Testing

/// MQTT packets written out by hand from MQTT 3.1.1 §2.2 and §3 (and MQTT 5.0 §1.5.5's
/// Variable Byte Integer table).
@Suite("MQTTPacketCutter")
struct MQTTPacketCutterTests {
    // PINGREQ (12 << 4) and PINGRESP (13 << 4): Remaining Length 0.
    static let pingRequest: [UInt8] = [0xC0, 0x00]
    static let pingResponse: [UInt8] = [0xD0, 0x00]
    // CONNACK (2 << 4), Remaining Length 2: session present 0, return code 0.
    static let connectionAck: [UInt8] = [0x20, 0x02, 0x00, 0x00]
    // PUBLISH QoS 0 (3 << 4), topic "a/b" (length 00 03), payload "hi": 2 + 3 + 2 = 7.
    static let publish: [UInt8] = [0x30, 0x07, 0x00, 0x03, 0x61, 0x2F, 0x62, 0x68, 0x69]

    @Test func packetsForEveryChunking() throws {
        let stream = Self.connectionAck + Self.pingRequest + Self.publish + Self.pingResponse
        let expected = Events(items: ["2002|0000", "c000|", "3007|0003612f626869", "d000|"])
        for chunks in chunkings(total: stream.count) {
            #expect(events(try MQTTPacketCutter(), stream, chunks: chunks) == expected, "\(chunks)")
        }
    }

    /// The specification's Remaining Length table: the edges of 1, 2, 3 and 4 bytes.
    @Test(arguments: [
        (0, [0x00] as [UInt8]), (127, [0x7F]), (128, [0x80, 0x01]), (16_383, [0xFF, 0x7F]), (16_384, [0x80, 0x80, 0x01]),
        (2_097_151, [0xFF, 0xFF, 0x7F]), (2_097_152, [0x80, 0x80, 0x80, 0x01]),
        (268_435_455, [0xFF, 0xFF, 0xFF, 0x7F]),
    ])
    func remainingLengthEncodings(length: Int, encoded: [UInt8]) throws {
        let header = [0x30] + encoded
        let cutter = try MQTTPacketCutter(maximumRemainingLength: 2_097_152, overlongFrames: .discard)
        if length <= cutter.maximumRemainingLength {
            let body = [UInt8](repeating: 0x5A, count: length)
            #expect(try MQTTPacketEncoder(packetType: 3).encode(body) == header + body)
            var framer = FramingEngine(cutter)
            framer.append(header + body)
            let packet = try #require(try framer.next())
            #expect(Array(packet.header) == header)
            #expect(packet.payload.count == length)
        } else {
            var framer = FramingEngine(cutter)
            framer.append(header)
            guard case .discarded(let discarded)? = try framer.nextEvent() else {
                Issue.record("expected a discard for \(length)")
                return
            }
            #expect(discarded.claimedLength == Int128(length))
            #expect(Array(discarded.header) == header)
        }
    }

    @Test func fiveByteRemainingLengthIsMalformed() throws {
        let stream = Self.pingRequest + [0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]
        for chunks in chunkings(total: stream.count) {
            let outcome = events(try MQTTPacketCutter(), stream, chunks: chunks)
            #expect(outcome.items == ["c000|"])
            #expect(outcome.error == FramingError(.overlongVarint, "malformed MQTT Remaining Length: more than 4 bytes"))
        }
    }

    @Test func headerFieldsAndEncoder() throws {
        var framer = FramingEngine(try MQTTPacketCutter())
        framer.append(Self.publish)
        let packet = try #require(try framer.next())
        #expect(MQTTFixedHeader(packet) == MQTTFixedHeader(packetType: 3, flags: 0, remainingLength: 7))
        #expect(try MQTTPacketEncoder(packetType: 3).encode(Array(Self.publish.dropFirst(2))) == Self.publish)
        #expect(try MQTTPacketEncoder(packetType: 12).encode([]) == Self.pingRequest)
    }

    @Test func asyncSequenceOfChunks() async throws {
        let chunks = AsyncStream<[UInt8]> { continuation in
            continuation.yield(Array(Self.publish.prefix(3)))
            continuation.yield(Array(Self.publish.dropFirst(3)) + Self.pingResponse)
            continuation.finish()
        }
        var types: [UInt8] = []
        for try await packet in chunks.frames(cutBy: try MQTTPacketCutter()) { types.append(MQTTFixedHeader(packet).packetType) }
        #expect(types == [3, 13])
    }
}

