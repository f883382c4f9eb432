#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StreamFramer
import Testing

/// The README's examples, run as written (the socket is one end of a socketpair).
@Suite("README examples")
struct ReadmeExampleTests {
    @Test func socketLoop() throws {
        var ends: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, readmeStreamType, 0, &ends) == 0)
        let socket = ends[0]
        defer { close(ends[0]) }
        // The sender: struct.pack('!I', len(data)) + data, twice, then close.
        let sent: [UInt8] = [0, 0, 0, 5] + Array("hello".utf8) + [0, 0, 0, 2, 0x68, 0x69]
        _ = sent.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
        close(ends[1])
        var handled: [String] = []
        func handle(_ payload: FrameBytes) { handled.append(String(decoding: Array(payload), as: UTF8.self)) }

        var framer = try LengthFieldFramer(header: "!I", maximumFrameLength: 1 << 20)
        while true {
            let received = framer.appendWithUnsafeMutableBytes(maximumByteCount: 65536) { buffer in
                max(0, recv(socket, buffer.baseAddress, buffer.count, 0))   // straight into the framer
            }
            if received == 0 { break }                                       // the peer closed
            while let frame = try framer.next() {                            // every frame completed
                handle(frame.payload)                                        // a view, not a copy
            }
        }
        while let frame = try framer.finish() { handle(frame.payload) }      // throws on a partial frame
        #expect(handled == ["hello", "hi"])
    }

    @Test func postgresStyleHeader() throws {
        let postgres = try LengthFieldConfiguration(header: "!cI", lengthAdjustment: -4)
        var framer = LengthFieldFramer(postgres)
        framer.append([0x5A, 0, 0, 0, 5, 0x49])                        // ReadyForQuery 'Z', status 'I'
        var printed = ""
        if let message = try framer.next() {
            let type = try postgres.headerValue(0, of: message, as: UInt8.self)   // 0x5A, "Z"
            printed = "\(type) \(message.payload.hex)"                           // 90 49
        }
        #expect(printed == "90 49")
        let query = try LengthFieldEncoder(postgres, headerTemplate: [0x51, 0, 0, 0, 0])  // 'Q'
        let wire = try query.encode(Array("SELECT 1\0".utf8))
        #expect(wire == [0x51, 0, 0, 0, 0x0D, 0x53, 0x45, 0x4C, 0x45, 0x43, 0x54, 0x20, 0x31, 0x00])
    }
}

/// The README's custom cutter, as written there.
struct HTTP2Cutter: FrameCutter {
    var maximumFrameLength: Int { 9 + 16_384 }

    func cut(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        guard bytes.byteCount >= 9 else { return .needMore(9 - bytes.byteCount) }
        let length = Int(UInt32(bigEndian: bytes.unsafeLoadUnaligned(fromByteOffset: 0, as: UInt32.self)) >> 8)
        guard length <= 16_384 else { throw FramingError(.frameTooLong, "FRAME_SIZE_ERROR: \(length) bytes") }
        return .frame(FrameLayout(headerLength: 9, payloadLength: length))
    }
}

extension ReadmeExampleTests {
    @Test func customCutterAndDiscardMode() throws {
        // RFC 9113: PING with 8 bytes 01..08, then 2 bytes of a SETTINGS ACK header.
        var http2 = FramingEngine(HTTP2Cutter())
        http2.append([0, 0, 8, 6, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0])
        #expect(try http2.next().map { $0.payload.hex } == "0102030405060708")
        #expect(try http2.next() == nil)

        var framer = try LengthFieldFramer(header: "!I", maximumFrameLength: 1 << 20, overlongFrames: .discard)
        framer.retainedCapacity = 4 << 20
        // "hi", then a header claiming 2 MiB with 3 of its bytes.
        framer.append([0, 0, 0, 2, 0x68, 0x69, 0, 0x20, 0, 0, 1, 2, 3])
        var log: [String] = []
        while let event = try framer.nextEvent() {
            switch event {
            case .frame(let frame): log.append(frame.payload.hex)
            case .discarded(let discarded): log.append("skipped \(discarded.claimedLength) bytes")
            }
        }
        #expect(log == ["6869", "skipped 2097152 bytes"])
    }
}

#if canImport(Darwin)
let readmeStreamType = SOCK_STREAM
#else
let readmeStreamType = Int32(SOCK_STREAM.rawValue)
#endif
