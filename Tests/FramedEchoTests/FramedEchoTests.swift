#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EchoServer
import StreamFramer
import TestSupport
import Testing

/// `'!I'` + payload, as `struct.pack('!I', len(data)) + data`.
func networkFrame(_ payload: [UInt8]) -> [UInt8] {
    let count = UInt32(payload.count)
    return [UInt8(count >> 24), UInt8((count >> 16) & 0xFF), UInt8((count >> 8) & 0xFF), UInt8(count & 0xFF)] + payload
}

/// The real `framed-echo` executable on loopback, driven by many clients at once.
@Suite("framed-echo over loopback", .serialized)
struct FramedEchoTests {
    /// A client plan: frames of random sizes, cut into writes of every kind: single bytes,
    /// pieces of a frame, and several frames in one write.
    static func plan(seed: UInt64, frames: Int) -> (ClientPlan, firstFrame: Int) {
        var generator = SplitMix64(seed: seed)
        var bytes: [UInt8] = []
        var firstFrame = 0
        for index in 0..<frames {
            let size = index % 5 == 4 ? Int.random(in: 0...40_000, using: &generator) : Int.random(in: 0...600, using: &generator)
            bytes += networkFrame((0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) })
            if index == 0 { firstFrame = bytes.count }
        }
        var sizes: [Int] = []
        var offset = 0
        while offset < bytes.count {
            let style = seed % 3
            let size: Int
            switch style {
            case 0:
                // Single bytes, then tiny writes, then ordinary ones (keeps the syscall count sane).
                size = offset < 300 ? 1 : offset < 3000 ? Int.random(in: 1...7, using: &generator) : Int.random(in: 1...3000, using: &generator)
            case 1: size = Int.random(in: 1...3000, using: &generator)
            default: size = Int.random(in: 1000...60_000, using: &generator)
            }
            // The first phase must end on a write boundary.
            let capped = offset < firstFrame ? min(size, firstFrame - offset) : size
            sizes.append(min(capped, bytes.count - offset))
            offset += sizes[sizes.count - 1]
        }
        return (ClientPlan(bytes: bytes, writeSizes: sizes, firstPhase: firstFrame), firstFrame)
    }

    @Test func printsTheRealPortAndStopsCleanlyOnSIGTERMAndSIGINT() throws {
        let server = try EchoProcess()
        #expect(server.port > 0)
        #expect(server.process.stop(with: SIGTERM) == 0)
        let interrupted = try EchoProcess()
        #expect(interrupted.process.stop(with: SIGINT) == 0)
        #expect(interrupted.process.errorText.isEmpty)
    }

    @Test func twoHundredFiftyConcurrentClientsAndOneBadPeerCutOffAlone() throws {
        let server = try EchoProcess()
        defer { _ = server.process.stop() }
        var plans: [ClientPlan] = []
        var firstReplies: [Int] = []
        for seed in 0..<250 {
            let (plan, first) = Self.plan(seed: UInt64(seed) &* 7919 &+ 1, frames: 3 + seed % 9)
            plans.append(plan)
            firstReplies.append(first)
        }
        // Client 250 announces a 4 GiB frame after one good frame.
        let bad = networkFrame([1, 2, 3]) + [0xFF, 0xFF, 0xFF, 0xFF] + [UInt8](repeating: 7, count: 100)
        plans.append(ClientPlan(bytes: bad, writeSizes: [7, 4, 100], firstPhase: 7, halfClose: false))
        firstReplies.append(7)
        let results = try runClients(port: server.port, plans: plans, firstPhaseReplies: firstReplies, timeout: 60)
        for index in 0..<250 {
            #expect(results[index].error == nil, "client \(index): \(results[index].error ?? "")")
            #expect(results[index].sawEnd && !results[index].wasReset, "client \(index)")
            // With a '!I' header the echo of every frame is byte for byte the frame itself.
            #expect(results[index].received == plans[index].bytes, "client \(index): \(results[index].received.count) of \(plans[index].bytes.count) bytes")
        }
        #expect(results[250].sawEnd, "the bad peer is disconnected")
        #expect(results[250].received == networkFrame([1, 2, 3]) || results[250].wasReset)
        server.process.pump(timeout: 0.2)
        let lines = server.process.errorText.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("framed-echo: closing connection from 127.0.0.1:") == true)
        #expect(lines.first?.hasSuffix(": frame length 4294967295 exceeds the maximum of 16777216 bytes") == true)
        #expect(server.process.stop() == 0)
    }

    @Test func maximumFrameOptionAndPartialFrameAtTheEnd() throws {
        let server = try EchoProcess(["--max-frame", "10"])
        defer { _ = server.process.stop() }
        let plans = [
            ClientPlan(bytes: networkFrame(Array(repeating: 1, count: 10)), writeSizes: [14], firstPhase: 14),
            ClientPlan(bytes: networkFrame(Array(repeating: 2, count: 11)), writeSizes: [15], firstPhase: 15, halfClose: false),
            ClientPlan(bytes: [0, 0, 0, 5, 1, 2], writeSizes: [6], firstPhase: 6),
        ]
        let results = try runClients(port: server.port, plans: plans, firstPhaseReplies: [0, 0, 0], timeout: 20)
        #expect(results[0].received == plans[0].bytes)
        #expect(results[1].sawEnd && results[1].received.isEmpty)
        #expect(results[2].sawEnd && results[2].received.isEmpty)
        server.process.pump(timeout: 0.2)
        let text = server.process.errorText
        #expect(text.contains(": frame length 11 exceeds the maximum of 10 bytes\n"))
        #expect(text.contains(": stream ended inside a frame: 6 of 9 bytes buffered\n"))
        #expect(text.split(separator: "\n").count == 2)
    }

    @Test func postgresStyleHeaderEchoKeepsTheTypeByte() throws {
        let server = try EchoProcess(["--header", "!cI", "--length-adjustment", "-4"])
        defer { _ = server.process.stop() }
        // 'Q' "SELECT 1\0": length 13 counts itself; 'Z' 'I': length 5.
        let query: [UInt8] = [0x51, 0, 0, 0, 0x0D] + Array("SELECT 1".utf8) + [0]
        let ready: [UInt8] = [0x5A, 0, 0, 0, 5, 0x49]
        let plan = ClientPlan(bytes: query + ready, writeSizes: [3, 10, 1, 6], firstPhase: query.count + ready.count)
        let results = try runClients(port: server.port, plans: [plan], firstPhaseReplies: [0], timeout: 20)
        #expect(results[0].received == query + ready)
    }

    /// The first `python3` on `PATH`, else the usual system locations; `nil` skips the test.
    static let python: String? = {
        let path = getenv("PATH").map { String(cString: $0) } ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        for directory in directories where access(directory + "/python3", X_OK) == 0 {
            return directory + "/python3"
        }
        return nil
    }()

    /// A client written like the classic tutorials: `sendall(struct.pack('i', len(data)) +
    /// data)`, then the reply header, then `recv` in a loop until the whole body is in.
    static let tutorialClient = """
        import socket, struct, sys

        def recv_exactly(sock, count):
            data = b''
            while len(data) < count:
                chunk = sock.recv(count - len(data))
                if not chunk:
                    raise RuntimeError('connection closed')
                data += chunk
            return data

        port = int(sys.argv[1])
        messages = [b'', b'hello', bytes(range(256)) * 40, b'x' * 300000, 'héllo wörld'.encode()]
        sock = socket.create_connection(('127.0.0.1', port), timeout=20)
        for data in messages:
            sock.sendall(struct.pack('i', len(data)) + data)
            (length,) = struct.unpack('i', recv_exactly(sock, 4))
            body = recv_exactly(sock, length)
            assert body == data, (len(body), len(data))
        sock.close()
        print('echoed', len(messages))
        """

    @Test(.enabled(if: python != nil, "python3 is not installed"))
    func pythonTutorialClientGetsEveryMessageBack() throws {
        let server = try EchoProcess(["--header", "i"])
        defer { _ = server.process.stop() }
        let python = try #require(Self.python)
        let client = try ChildProcess(python, ["-c", Self.tutorialClient, String(server.port)])
        let status = client.waitForExit(timeout: 60)
        #expect(status == 0, "python: \(client.errorText)")
        #expect(client.outputText == "echoed 5\n")
    }

    @Test func badCommandLines() throws {
        let path = try framedEchoPath()
        let missing = try ChildProcess(path, [])
        #expect(missing.waitForExit(timeout: 20) == 2)
        #expect(missing.errorText.hasPrefix("framed-echo: error: missing --port\nusage: framed-echo --port N"))
        let badHeader = try ChildProcess(path, ["--port", "0", "--header", "!d"])
        #expect(badHeader.waitForExit(timeout: 20) == 1)
        #expect(badHeader.errorText == "framed-echo: error: header format '!d' has no integer field for the length\n")
    }
}

@Suite("EchoOptions")
struct EchoOptionsTests {
    @Test func defaultsAndEveryOption() throws {
        let defaults = try EchoOptions.parse(["--port", "0"])
        #expect(defaults == EchoOptions(port: 0))
        #expect(defaults.host == "127.0.0.1" && defaults.header == "!I" && defaults.maximumFrameLength == 16 << 20)
        let all = try EchoOptions.parse(["--port=8080", "--host", "::1", "--header", "<H", "--max-frame", "99", "--length-adjustment=-2"])
        #expect(all.port == 8080 && all.host == "::1" && all.header == "<H")
        #expect(all.maximumFrameLength == 99 && all.lengthAdjustment == -2)
        let configuration = try all.serverConfiguration()
        #expect(configuration.framing.lengthAdjustment == -2)
    }

    @Test func usageErrors() {
        #expect(throws: EchoOptions.UsageError(message: "missing --port")) { try EchoOptions.parse([]) }
        #expect(throws: EchoOptions.UsageError(message: "invalid port '70000': expected 0...65535")) {
            try EchoOptions.parse(["--port", "70000"])
        }
        #expect(throws: EchoOptions.UsageError(message: "unknown option '--bogus'")) { try EchoOptions.parse(["--bogus"]) }
        #expect(throws: EchoOptions.UsageError(message: "option '--header' needs a value")) {
            try EchoOptions.parse(["--port", "1", "--header"])
        }
        #expect(throws: EchoOptions.UsageError(message: "invalid --max-frame '-1': expected a byte count")) {
            try EchoOptions.parse(["--port", "1", "--max-frame", "-1"])
        }
    }
}
