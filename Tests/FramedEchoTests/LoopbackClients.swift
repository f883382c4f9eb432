#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one test client sends and how: the bytes, cut into separate `send` calls.
struct ClientPlan {
    /// Everything the client sends.
    var bytes: [UInt8]
    /// The size of each `send` call, summing to `bytes.count`.
    var writeSizes: [Int]
    /// How many bytes form the first phase: sent, then echoed, before any client goes on.
    var firstPhase: Int
    /// Whether to half-close after sending everything (so the server sees a clean end).
    var halfClose = true
}

/// What a client got back before the server closed its connection.
struct ClientResult {
    var received: [UInt8] = []
    var sawEnd = false
    var wasReset = false
    var error: String?
}

/// Opens one connection per plan to 127.0.0.1:`port`, all before sending anything, then drives
/// them from one thread with `poll`: each client sends its first phase and waits until every
/// client's first phase has been echoed in full (so all connections are served at once), then
/// sends the rest in its planned writes and reads until the server closes. Everything stops at
/// `timeout` seconds.
func runClients(port: Int, plans: [ClientPlan], firstPhaseReplies: [Int], timeout: Double) throws -> [ClientResult] {
    let deadline = now() + timeout
    _ = signal(SIGPIPE, SIG_IGN)
    var descriptors: [Int32] = []
    defer { for descriptor in descriptors { close(descriptor) } }
    for _ in plans {
        let descriptor = socket(AF_INET, testStreamType, 0)
        guard descriptor >= 0 else { throw HarnessError("socket: \(errno)") }
        descriptors.append(descriptor)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var timeoutValue = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeoutValue, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw HarnessError("connect: \(String(cString: strerror(errno)))") }
        var one: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }
    var results = [ClientResult](repeating: ClientResult(), count: plans.count)
    var sent = [Int](repeating: 0, count: plans.count)
    var writeIndex = [Int](repeating: 0, count: plans.count)
    var writeLeft = plans.map { $0.writeSizes.first ?? 0 }
    var halfClosed = [Bool](repeating: false, count: plans.count)
    var buffer = [UInt8](repeating: 0, count: 65536)
    var secondPhase = false
    while now() < deadline {
        if !secondPhase {
            secondPhase = zip(results, firstPhaseReplies).allSatisfy { $0.received.count >= $1 || $0.sawEnd }
        }
        var pollSet: [pollfd] = []
        var owners: [Int] = []
        for index in plans.indices where !results[index].sawEnd {
            let limit = secondPhase ? plans[index].bytes.count : plans[index].firstPhase
            var events = Int16(POLLIN)
            if sent[index] < limit { events |= Int16(POLLOUT) }
            pollSet.append(pollfd(fd: descriptors[index], events: events, revents: 0))
            owners.append(index)
        }
        if pollSet.isEmpty { return results }
        _ = poll(&pollSet, nfds_t(pollSet.count), 50)
        for (slot, index) in owners.enumerated() {
            let events = pollSet[slot].revents
            let plan = plans[index]
            if events & Int16(POLLOUT) != 0 {
                let limit = secondPhase ? plan.bytes.count : plan.firstPhase
                // Up to 64 planned writes per wake-up, each its own send(2) of exactly its
                // bytes (the rest of it if the socket took less).
                for _ in 0..<64 {
                    let count = min(writeLeft[index], limit - sent[index])
                    guard count > 0 else { break }
                    let written = plan.bytes.withUnsafeBytes {
                        send(descriptors[index], $0.baseAddress.map { $0 + sent[index] }, count, testSendFlags)
                    }
                    if written < 0 {
                        if errno != EAGAIN && errno != EWOULDBLOCK { results[index].wasReset = true }
                        break
                    }
                    sent[index] += written
                    writeLeft[index] -= written
                    if writeLeft[index] == 0 {
                        writeIndex[index] += 1
                        // Past the planned writes, the rest goes in one.
                        writeLeft[index] =
                            writeIndex[index] < plan.writeSizes.count
                            ? plan.writeSizes[writeIndex[index]] : plan.bytes.count - sent[index]
                    }
                    if written < count { break }
                }
            }
            if sent[index] == plan.bytes.count && plan.halfClose && !halfClosed[index] {
                shutdown(descriptors[index], Int32(SHUT_WR))
                halfClosed[index] = true
            }
            if events & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                while true {
                    let count = buffer.withUnsafeMutableBytes { recv(descriptors[index], $0.baseAddress, $0.count, 0) }
                    if count > 0 {
                        results[index].received += buffer[..<count]
                        continue
                    }
                    if count == 0 {
                        results[index].sawEnd = true
                    } else if errno != EAGAIN && errno != EWOULDBLOCK {
                        results[index].sawEnd = true
                        results[index].wasReset = true
                    }
                    break
                }
            }
        }
    }
    for index in results.indices where !results[index].sawEnd {
        results[index].error = "timed out after \(timeout)s: sent \(sent[index]) of \(plans[index].bytes.count), "
            + "received \(results[index].received.count)"
    }
    return results
}

#if canImport(Darwin)
let testStreamType = SOCK_STREAM
let testSendFlags: Int32 = 0
#else
let testStreamType = Int32(SOCK_STREAM.rawValue)
let testSendFlags = Int32(MSG_NOSIGNAL)
#endif
