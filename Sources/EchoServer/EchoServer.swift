#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
public import StreamFramer

/// The `framed-echo` server: every complete frame a client sends comes back to it, framed with
/// the same header format (the header's other fields copied from the request).
///
/// One thread runs a `poll(2)` loop over non-blocking sockets, so hundreds of connections cost
/// one framer and one pending-output array each. A connection whose stream is bad (a negative
/// or over-long length, or a partial frame at its end) gets the replies to its earlier frames
/// if the socket takes them at once, is closed, and produces one line on the error stream; the
/// others carry on. A client that stops reading is not read from either once
/// ``Configuration/maximumPendingOutput`` reply bytes wait for it.
///
/// ```swift
/// let server = try EchoServer(EchoServer.Configuration(port: 0))
/// print("listening on \(server.host):\(server.port)")
/// try server.run()            // until server.stopHandle.stop() or a signal handler calls it
/// ```
public final class EchoServer {
    /// The server's options.
    public struct Configuration: Sendable {
        /// The address to listen on.
        public var host: String
        /// The port; 0 picks a free one (see ``EchoServer/port``).
        public var port: Int
        /// The framing of requests and replies.
        public var framing: LengthFieldConfiguration
        /// The most bytes read from one socket at a time (the framer's largest chunk).
        public var readChunk: Int
        /// Stop reading a client once this many reply bytes wait for it.
        public var maximumPendingOutput: Int

        /// Options with the documented defaults: 127.0.0.1, a `'!I'` header, 16 MiB frames.
        public init(
            host: String = "127.0.0.1", port: Int, framing: LengthFieldConfiguration? = nil, readChunk: Int = 64 << 10,
            maximumPendingOutput: Int = 1 << 20
        ) throws(FramingError) {
            self.host = host
            self.port = port
            if let framing {
                self.framing = framing
            } else {
                self.framing = try LengthFieldConfiguration()
            }
            self.readChunk = readChunk
            self.maximumPendingOutput = maximumPendingOutput
        }
    }

    /// Stops a running server, or asks it for a buffer report, from any thread (or a signal
    /// handler: each call only writes one byte to the server's wake-up pipe).
    public struct StopHandle: Sendable {
        let descriptor: Int32

        /// The byte ``stop()`` writes.
        static let stopRequest: UInt8 = 1
        /// The byte ``requestReport()`` writes.
        static let reportRequest: UInt8 = 2

        /// Asks the server's loop to close every connection and return.
        public func stop() {
            var byte = Self.stopRequest
            _ = write(descriptor, &byte, 1)
        }

        /// Asks the server's loop to write one line per connection about its framer's buffer
        /// (see ``EchoServer/bufferReport()``) to ``EchoServer/reportLog``.
        public func requestReport() {
            var byte = Self.reportRequest
            _ = write(descriptor, &byte, 1)
        }
    }

    /// The server's options.
    public let configuration: Configuration
    /// The host it listens on, as configured.
    public var host: String { configuration.host }
    /// The port it listens on (the real one when configured with 0).
    public let port: Int
    /// Stops ``run()``.
    public let stopHandle: StopHandle
    /// Receives one line per connection closed for a bad stream; standard error by default.
    public var errorLog: @Sendable (String) -> Void = { line in Posix.writeErrorLine(line) }
    /// Receives the lines of ``bufferReport()`` when ``StopHandle/requestReport()`` is called;
    /// standard output by default.
    public var reportLog: @Sendable (String) -> Void = { line in Console.printLine(line) }

    private let listener: Int32
    private let wakeReader: Int32
    private let wakeWriter: Int32
    private let encoder: LengthFieldEncoder
    private var connections: [EchoConnection] = []
    private var headerScratch: [UInt8]

    /// Binds and listens; call ``run()`` to serve.
    ///
    /// - Throws: ``SystemError`` when the address cannot be bound.
    public init(_ configuration: Configuration) throws {
        self.configuration = configuration
        let (descriptor, boundPort) = try Posix.listen(host: configuration.host, port: configuration.port)
        listener = descriptor
        port = boundPort
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(listener)
            throw SystemError("pipe")
        }
        wakeReader = pipeEnds[0]
        wakeWriter = pipeEnds[1]
        for descriptor in pipeEnds {
            Posix.setCloseOnExec(descriptor)
            try? Posix.setNonBlocking(descriptor)
        }
        stopHandle = StopHandle(descriptor: wakeWriter)
        encoder = try LengthFieldEncoder(configuration.framing)
        headerScratch = [UInt8](repeating: 0, count: configuration.framing.headerSize)
    }

    deinit {
        close(listener)
        close(wakeReader)
        close(wakeWriter)
    }

    /// The number of open client connections.
    public var connectionCount: Int { connections.count }

    /// Serves until ``StopHandle/stop()`` is called, then closes every connection and returns.
    ///
    /// - Throws: ``SystemError`` when `poll` itself fails.
    public func run() throws {
        var accepting = true
        while true {
            var descriptors: [pollfd] = [
                pollfd(fd: wakeReader, events: Int16(POLLIN), revents: 0),
                pollfd(fd: listener, events: accepting ? Int16(POLLIN) : 0, revents: 0),
            ]
            for connection in connections {
                var events: Int16 = 0
                if !connection.readClosed && connection.pendingCount < configuration.maximumPendingOutput {
                    events |= Int16(POLLIN)
                }
                if connection.pendingCount > 0 { events |= Int16(POLLOUT) }
                descriptors.append(pollfd(fd: connection.descriptor, events: events, revents: 0))
            }
            let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                throw SystemError("poll")
            }
            if descriptors[0].revents != 0 {
                let requests = drainWakeRequests()
                if requests.contains(StopHandle.stopRequest) { break }
                if requests.contains(StopHandle.reportRequest) { for line in bufferReport() { reportLog(line) } }
            }
            for (index, connection) in connections.enumerated() {
                let events = descriptors[index + 2].revents
                guard events != 0 else { continue }
                service(connection, events: events)
            }
            let before = connections.count
            connections.removeAll { connection in
                if connection.isClosed { close(connection.descriptor) }
                return connection.isClosed
            }
            if connections.count < before { accepting = true }
            if descriptors[1].revents != 0 { accepting = acceptConnections() }
        }
        for connection in connections { close(connection.descriptor) }
        connections.removeAll()
        _ = drainWakeRequests()
    }

    /// The bytes waiting in the wake-up pipe (it is non-blocking).
    private func drainWakeRequests() -> Set<UInt8> {
        var requests: Set<UInt8> = []
        var byte: UInt8 = 0
        while read(wakeReader, &byte, 1) > 0 { requests.insert(byte) }
        return requests
    }

    /// One line per open connection about its framer's buffer, then a total: what an operator
    /// checks to see that memory follows the bytes clients sent (SPEC §3.2), e.g.
    /// `buffer 127.0.0.1:50412: 1028 bytes buffered, capacity 102400, peak 102400, 1 allocation`
    /// and `buffers: 2 connections, capacity 204800 bytes in all`.
    ///
    /// - Complexity: O(connections).
    public func bufferReport() -> [String] {
        var lines: [String] = []
        var total = 0
        for connection in connections {
            let statistics = connection.framer.statistics
            total += statistics.capacity
            let allocations = statistics.allocations == 1 ? "1 allocation" : "\(statistics.allocations) allocations"
            lines.append(
                "buffer \(connection.peer): \(connection.framer.bufferedByteCount) bytes buffered, "
                    + "capacity \(statistics.capacity), peak \(statistics.peakCapacity), \(allocations)")
        }
        let count = connections.count == 1 ? "1 connection" : "\(connections.count) connections"
        lines.append("buffers: \(count), capacity \(total) bytes in all")
        return lines
    }

    /// Accepts every pending connection; returns `false` when out of descriptors (accepting
    /// resumes when a connection closes).
    private func acceptConnections() -> Bool {
        while true {
            let descriptor = accept(listener, nil, nil)
            if descriptor < 0 {
                let code = errno
                if code == EMFILE || code == ENFILE {
                    errorLog("framed-echo: cannot accept: \(SystemError("accept", code: code))")
                    return false
                }
                return true
            }
            Posix.setCloseOnExec(descriptor)
            do {
                try Posix.setNonBlocking(descriptor)
            } catch {
                close(descriptor)
                continue
            }
            Posix.setNoDelay(descriptor)
            Posix.suppressSigpipe(descriptor)
            connections.append(
                EchoConnection(descriptor: descriptor, peer: Posix.peerName(descriptor), configuration: configuration.framing))
        }
    }

    private func service(_ connection: EchoConnection, events: Int16) {
        do {
            if events & Int16(POLLOUT) != 0 { try connection.flush() }
            if events & Int16(POLLIN | POLLHUP | POLLERR) != 0 && !connection.readClosed {
                try readAndEcho(connection)
            }
            if connection.readClosed && connection.pendingCount == 0 { connection.isClosed = true }
            if events & Int16(POLLERR | POLLNVAL) != 0 && connection.pendingCount > 0 { connection.isClosed = true }
        } catch {
            connection.isClosed = true
        }
    }

    /// Reads what the socket has, echoes every complete frame, and handles the end of the
    /// client's stream.
    private func readAndEcho(_ connection: EchoConnection) throws {
        // A few reads per wake-up keep one busy client from starving the others.
        for _ in 0..<4 {
            guard connection.pendingCount < configuration.maximumPendingOutput else { return }
            switch connection.read(maximum: configuration.readChunk) {
            case .wouldBlock:
                return
            case .failed(let error):
                throw error
            case .data:
                do {
                    while let frame = try connection.framer.next() { try reply(to: frame, on: connection) }
                } catch let error as FramingError {
                    reject(connection, error)
                    return
                }
            case .endOfStream:
                connection.readClosed = true
                do {
                    while let frame = try connection.framer.finish() { try reply(to: frame, on: connection) }
                } catch let error as FramingError {
                    reject(connection, error)
                }
                return
            }
        }
    }

    /// Sends `frame`'s payload back with a header of the same format (other fields copied).
    private func reply(to frame: Frame, on connection: EchoConnection) throws {
        let payload = frame.payload
        let headerSize = encoder.headerSize
        do {
            _ = try headerScratch.withUnsafeMutableBytes { scratch in
                try frame.header.withUnsafeBytes { template in
                    try encoder.writeHeader(payloadCount: payload.count, into: scratch, template: template)
                }
            }
        } catch let error as FramingError {
            // Unreachable: the payload was accepted by the same configuration.
            reject(connection, error)
            return
        }
        try headerScratch.withUnsafeBytes { scratch in
            try payload.withUnsafeBytes { body in
                try connection.send(header: UnsafeRawBufferPointer(rebasing: scratch[..<headerSize]), payload: body)
            }
        }
    }

    /// Closes a connection whose stream is bad, after one attempt to send the earlier replies.
    private func reject(_ connection: EchoConnection, _ error: FramingError) {
        errorLog("framed-echo: closing connection from \(connection.peer): \(error.message)")
        try? connection.flush()
        connection.readClosed = true
        connection.isClosed = true
    }
}
