#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call: the call's name and `errno`'s text.
public struct SystemError: Error, CustomStringConvertible, Sendable {
    /// The system call, such as `bind`.
    public let operation: String
    /// The `errno` value.
    public let code: Int32

    /// An error for `operation` with `errno` value `code`.
    public init(_ operation: String, code: Int32) {
        self.operation = operation
        self.code = code
    }

    /// An error for `operation` with the current `errno`.
    public init(_ operation: String) {
        self.init(operation, code: errno)
    }

    /// `bind: Address already in use`.
    public var description: String {
        "\(operation): \(String(cString: strerror(code)))"
    }
}

/// The POSIX calls the server makes, with the platforms' differences hidden.
enum Posix {
    /// Writes `line` and a newline to standard error in one call.
    static func writeErrorLine(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }

    static let streamSocketType: Int32 = {
        #if canImport(Darwin)
        SOCK_STREAM
        #else
        Int32(SOCK_STREAM.rawValue)
        #endif
    }()

    static func setNonBlocking(_ descriptor: Int32) throws(SystemError) {
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0 else { throw SystemError("fcntl") }
    }

    static func setCloseOnExec(_ descriptor: Int32) {
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    }

    static func setOption(_ descriptor: Int32, level: Int32, name: Int32, value: Int32 = 1) {
        var value = value
        _ = setsockopt(descriptor, level, name, &value, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Disables Nagle's algorithm, so small frames go out at once.
    static func setNoDelay(_ descriptor: Int32) {
        setOption(descriptor, level: Int32(IPPROTO_TCP), name: TCP_NODELAY)
    }

    /// Stops `send` on a closed connection from raising SIGPIPE (Darwin; Linux uses MSG_NOSIGNAL).
    static func suppressSigpipe(_ descriptor: Int32) {
        #if canImport(Darwin)
        setOption(descriptor, level: SOL_SOCKET, name: SO_NOSIGPIPE)
        #endif
    }

    static let sendFlags: Int32 = {
        #if canImport(Darwin)
        0
        #else
        Int32(MSG_NOSIGNAL)
        #endif
    }()

    /// A listening TCP socket on `host`:`port` (0 picks a free port), non-blocking.
    ///
    /// - Returns: The socket and the port it is bound to.
    static func listen(host: String, port: Int, backlog: Int32 = 1024) throws(SystemError) -> (Int32, Int) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = streamSocketType
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw SystemError("getaddrinfo \(host): \(String(cString: gai_strerror(status)))", code: 0)
        }
        defer { freeaddrinfo(list) }
        var lastError = SystemError("socket", code: EADDRNOTAVAIL)
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            entry = current.pointee.ai_next
            let descriptor = socket(current.pointee.ai_family, streamSocketType, 0)
            guard descriptor >= 0 else {
                lastError = SystemError("socket")
                continue
            }
            setCloseOnExec(descriptor)
            setOption(descriptor, level: SOL_SOCKET, name: SO_REUSEADDR)
            guard bind(descriptor, current.pointee.ai_addr, current.pointee.ai_addrlen) == 0 else {
                lastError = SystemError("bind")
                close(descriptor)
                continue
            }
            guard systemListen(descriptor, backlog) == 0 else {
                lastError = SystemError("listen")
                close(descriptor)
                continue
            }
            do {
                try setNonBlocking(descriptor)
            } catch {
                close(descriptor)
                throw error
            }
            return (descriptor, localPort(descriptor))
        }
        throw lastError
    }

    /// The local port of a bound socket.
    static func localPort(_ descriptor: Int32) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0 else { return 0 }
        return port(of: storage)
    }

    /// `HOST:PORT` of a connected socket's peer, for messages.
    static func peerName(_ descriptor: Int32) -> String {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(descriptor, $0, &length) }
        }
        guard result == 0 else { return "unknown peer" }
        var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        let named = withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getnameinfo($0, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST)
            }
        }
        let hostText = named == 0 ? String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
        return "\(hostText):\(port(of: storage))"
    }

    private static func port(of storage: sockaddr_storage) -> Int {
        var storage = storage
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
            }
        case AF_INET6:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
        default:
            return 0
        }
    }
}

#if canImport(Darwin)
@inline(__always) func systemListen(_ fd: Int32, _ backlog: Int32) -> Int32 { Darwin.listen(fd, backlog) }
#elseif canImport(Musl)
@inline(__always) func systemListen(_ fd: Int32, _ backlog: Int32) -> Int32 { Musl.listen(fd, backlog) }
#else
@inline(__always) func systemListen(_ fd: Int32, _ backlog: Int32) -> Int32 { Glibc.listen(fd, backlog) }
#endif
