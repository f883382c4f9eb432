#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

/// The remote-crash scenario of issue 13: peers whose headers claim the maximum frame and who
/// then send almost nothing. Before SPEC §3.2 bounded growth by the bytes held, each such peer
/// made the server reserve 16 MiB; under a 1.5 GB address-space limit about 90 of them killed it
/// (`failed to allocate 16842755 bytes`), and every other client with it.
@Suite("framed-echo against hostile length headers", .serialized)
struct HostilePeerTests {
    /// SPEC §3.2's bound for a connection holding `buffered` bytes, read in chunks of at most
    /// 64 KiB (`framed-echo`'s read size): `max(E, 2 × buffered) + 64 KiB + K`.
    static func bound(buffered: Int) -> Int {
        max(32 << 10, 2 * buffered) + (64 << 10) + 4096
    }

    @Test(.timeLimit(.minutes(2)))
    func fourHundredPeersClaimingTheMaximumUnderA1Point5GBAddressSpaceLimit() throws {
        let server = try EchoProcess(addressSpaceLimit: 1_500_000)
        defer { _ = server.process.stop() }
        // struct.pack('!I', 16 * 2**20 - 1) + 1 KiB of body, then silence.
        let hostile: [UInt8] = [0x00, 0xFF, 0xFF, 0xFF] + [UInt8](repeating: 0x78, count: 1024)
        var peers: [BlockingClient] = []
        for _ in 0..<400 {
            let peer = try BlockingClient(port: server.port)
            try peer.sendAll(hostile)
            peers.append(peer)
        }
        // A good client is still served, frame after frame.
        let good = try BlockingClient(port: server.port)
        for payload in [Array("hello".utf8), [UInt8](repeating: 0x42, count: 100_000)] {
            try good.sendAll(networkFrame(payload))
            #expect(try good.receive(count: 4 + payload.count) == networkFrame(payload))
        }
        #expect(!server.process.hasExited(), "the server died: \(server.process.errorText.prefix(300))")

        // The server's own account of every connection's buffer (SIGUSR1).
        var report: [BufferLine] = []
        let deadline = now() + 30
        while now() < deadline {
            report = try server.bufferReport()
            if report.filter({ $0.buffered == hostile.count }).count == peers.count { break }
            usleep(100_000)
        }
        let hostileLines = report.filter { $0.buffered == hostile.count }
        #expect(hostileLines.count == 400)
        for line in hostileLines {
            #expect(line.capacity <= Self.bound(buffered: line.buffered), "\(line)")
            #expect(line.peak <= Self.bound(buffered: line.buffered), "\(line)")
        }
        let total = report.reduce(0) { $0 + $1.capacity }
        #expect(total <= 401 * Self.bound(buffered: 4 + 100_000))

        for peer in peers { peer.disconnect() }
        try good.sendAll(networkFrame([1, 2, 3]))
        #expect(try good.receive(count: 7) == networkFrame([1, 2, 3]))
        good.disconnect()
        // Each peer's end of stream inside its frame is reported once, and costs no one else.
        let truncated = ": stream ended inside a frame: 1028 of 16777219 bytes buffered"
        var closed = 0
        let closing = now() + 30
        while closed < 400 && now() < closing {
            server.process.pump(timeout: 0.05)
            closed = server.process.errorText.split(separator: "\n").filter { $0.hasSuffix(truncated) }.count
        }
        #expect(closed == 400)
        #expect(server.process.stop() == 0)
    }
}

/// One line of `framed-echo`'s buffer report.
struct BufferLine: CustomStringConvertible {
    var peer: String
    var buffered: Int
    var capacity: Int
    var peak: Int

    /// Parses `buffer HOST:PORT: B bytes buffered, capacity C, peak P, N allocations`.
    init?(_ line: Substring) {
        guard line.hasPrefix("buffer "), let colon = line.firstRange(of: ": ") else { return nil }
        peer = String(line[line.index(line.startIndex, offsetBy: 7)..<colon.lowerBound])
        let numbers = line[colon.upperBound...].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count == 4 else { return nil }
        (buffered, capacity, peak) = (numbers[0], numbers[1], numbers[2])
    }

    var description: String { "\(peer): \(buffered) buffered, capacity \(capacity), peak \(peak)" }
}

extension EchoProcess {
    /// Sends SIGUSR1 and returns the report's connection lines once its total line has arrived.
    func bufferReport(timeout: Double = 20) throws -> [BufferLine] {
        process.clearOutput()
        kill(process.pid, SIGUSR1)
        let deadline = now() + timeout
        while now() < deadline {
            process.pump(timeout: 0.05)
            let lines = process.outputText.split(separator: "\n")
            if lines.contains(where: { $0.hasPrefix("buffers: ") }) {
                return lines.compactMap(BufferLine.init)
            }
        }
        throw HarnessError("no buffer report within \(timeout)s; stderr: \(process.errorText.prefix(300))")
    }
}

/// A blocking loopback client with 10-second send and receive timeouts.
final class BlockingClient {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, testStreamType, 0)
        guard descriptor >= 0 else { throw HarnessError("socket: \(errno)") }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw HarnessError("connect: \(String(cString: strerror(errno)))")
        }
    }

    func sendAll(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                send(descriptor, $0.baseAddress! + offset, bytes.count - offset, testSendFlags)
            }
            guard written > 0 else { throw HarnessError("send: \(String(cString: strerror(errno)))") }
            offset += written
        }
    }

    /// Exactly `count` bytes, or an error on timeout or end of stream.
    func receive(count: Int) throws -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while received.count < count {
            let got = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, min($0.count, count - received.count), 0) }
            guard got > 0 else { throw HarnessError("recv after \(received.count) of \(count) bytes: \(got)") }
            received += buffer[..<got]
        }
        return received
    }

    func disconnect() {
        _ = close(descriptor)
    }
}
