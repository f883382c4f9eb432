import FramingExamples
import StreamFramer
import Testing

/// HTTP/2 frames written out by hand from RFC 9113 §4.1 (and §6's frame types): a 24-bit
/// length, type, flags, a reserved bit and a 31-bit stream identifier.
@Suite("HTTP2FrameCutter")
struct HTTP2FrameCutterTests {
    // SETTINGS (type 4) with ACK (flag 1) on stream 0, empty payload.
    static let settingsAck = [UInt8](hex: "000000 04 01 00000000")
    // PING (type 6), 8 opaque bytes 01..08, stream 0.
    static let ping = [UInt8](hex: "000008 06 00 00000000 0102030405060708")
    // HEADERS (type 1) with END_STREAM | END_HEADERS (0x05) on stream 1, the reserved bit set
    // (it must be ignored): three HPACK bytes 82 86 84 (:method GET, :scheme http, :path /).
    static let headers = [UInt8](hex: "000003 01 05 80000001 828684")

    @Test func framesForEveryChunking() throws {
        let stream = Self.settingsAck + Self.ping + Self.headers
        let expected = Events(items: [
            "000000040100000000|", "000008060000000000|0102030405060708", "000003010580000001|828684",
        ])
        for chunks in chunkings(total: stream.count) {
            #expect(events(try HTTP2FrameCutter(), stream, chunks: chunks) == expected, "\(chunks)")
        }
    }

    @Test func headerFields() throws {
        var framer = FramingEngine(try HTTP2FrameCutter())
        framer.append(Self.headers)
        let frame = try #require(try framer.next())
        #expect(HTTP2FrameHeader(frame) == HTTP2FrameHeader(length: 3, type: 1, flags: 5, streamIdentifier: 1))
    }

    @Test func lengthOverTheMaximumIsAFrameSizeError() throws {
        // 0x004001 = 16,385 bytes, one over the default SETTINGS_MAX_FRAME_SIZE.
        let stream = Self.ping + [UInt8](hex: "004001 00 00 00000001")
        let outcome = events(try HTTP2FrameCutter(), stream, chunks: [stream.count])
        #expect(outcome.items == ["000008060000000000|0102030405060708"])
        #expect(outcome.error == FramingError(.frameTooLong, "HTTP/2 frame length 16385 exceeds SETTINGS_MAX_FRAME_SIZE 16384 (FRAME_SIZE_ERROR)"))
    }

    @Test func discardModeSkipsTheOverLongFrameAndGoesOn() throws {
        // DATA (type 0) of 20 bytes on stream 3, over a maximum of 16, between two frames.
        let stream = Self.settingsAck + [UInt8](hex: "000014 00 00 00000003") + [UInt8](repeating: 0xAA, count: 20) + Self.ping
        let cutter = try HTTP2FrameCutter(maximumPayloadLength: 16, overlongFrames: .discard)
        for chunks in chunkings(total: stream.count) {
            #expect(
                events(cutter, stream, chunks: chunks)
                    == Events(items: [
                        "000000040100000000|", "discarded 20 000014000000000003", "000008060000000000|0102030405060708",
                    ]), "\(chunks)")
        }
    }

    @Test func streamEndingInsideAHeader() throws {
        let outcome = events(try HTTP2FrameCutter(), Self.settingsAck + [0, 0, 8, 6], chunks: [13])
        #expect(outcome.error == FramingError(.truncatedFrame, "stream ended inside an HTTP/2 frame header: 4 of 9 bytes buffered"))
        let body = events(try HTTP2FrameCutter(), Array(Self.ping.dropLast(3)), chunks: [14])
        #expect(body.error == FramingError(.truncatedFrame, "stream ended inside a frame: 14 of 17 bytes buffered"))
    }

    @Test func encoderWritesWhatTheCutterReads() throws {
        let encoder = HTTP2FrameEncoder(type: 6, streamIdentifier: 0)
        #expect(try encoder.encode([1, 2, 3, 4, 5, 6, 7, 8]) == Self.ping)
        let headers = HTTP2FrameEncoder(type: 1, flags: 5, streamIdentifier: 1)
        #expect(try headers.encode([0x82, 0x86, 0x84]) == [UInt8](hex: "000003 01 05 00000001 828684"))
        #expect(throws: FramingError.self) { try HTTP2FrameEncoder(type: 0).encode([UInt8](repeating: 0, count: 16_385)) }
    }

    @Test func configurationRange() {
        #expect(throws: FramingError(.invalidConfiguration, "HTTP/2 maximum frame size 16777216 is out of range 0...16777215")) {
            try HTTP2FrameCutter(maximumPayloadLength: 1 << 24)
        }
    }
}
