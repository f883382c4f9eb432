#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Failures of the test harness itself (never of the code under test).
struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Seconds on a monotonic clock.
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Where the `framed-echo` executable of this build is: next to the test binary (Linux),
/// above the test bundle (macOS), or under the package's `.build`.
func framedEchoPath() throws -> String {
    let testBinary = CommandLine.arguments.first ?? ""
    var candidates: [String] = []
    var directory = testBinary
    for _ in 0..<4 {
        guard let slash = directory.lastIndex(of: "/") else { break }
        directory = String(directory[..<slash])
        candidates.append(directory + "/framed-echo")
    }
    let packageRoot = String(#filePath.dropLast("/Tests/FramedEchoTests/ServerProcess.swift".count))
    candidates += ["debug", "release"].map { packageRoot + "/.build/\($0)/framed-echo" }
    for candidate in candidates where access(candidate, X_OK) == 0 { return candidate }
    throw HarnessError("framed-echo not found in \(candidates)")
}

/// A child process with its standard output and error captured, every wait bounded.
final class ChildProcess {
    let pid: pid_t
    private let stdoutDescriptor: Int32
    private let stderrDescriptor: Int32
    private(set) var standardOutput: [UInt8] = []
    private(set) var standardError: [UInt8] = []
    private(set) var exitStatus: Int32?

    /// Starts `path` with `arguments`, standard input from /dev/null.
    init(_ path: String, _ arguments: [String]) throws {
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw HarnessError("pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for descriptor in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, descriptor) }
        // The child starts with no blocked signals and default dispositions, whatever the test
        // runner's threads block or ignore (ignored signals survive exec).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGPIPE, SIGINT, SIGTERM] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, path, &actions, &attributes, argv, environ)
        close(outPipe[1])
        close(errPipe[1])
        guard status == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw HarnessError("posix_spawn \(path) failed: \(status)")
        }
        pid = child
        stdoutDescriptor = outPipe[0]
        stderrDescriptor = errPipe[0]
        _ = fcntl(stdoutDescriptor, F_SETFL, fcntl(stdoutDescriptor, F_GETFL) | O_NONBLOCK)
        _ = fcntl(stderrDescriptor, F_SETFL, fcntl(stderrDescriptor, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(stdoutDescriptor)
        close(stderrDescriptor)
    }

    /// Reads whatever the child has written, waiting up to `timeout` seconds for something.
    func pump(timeout: Double) {
        var descriptors = [
            pollfd(fd: stdoutDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: stderrDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        _ = poll(&descriptors, 2, Int32(max(0, timeout * 1000)))
        var buffer = [UInt8](repeating: 0, count: 65536)
        for (index, descriptor) in [stdoutDescriptor, stderrDescriptor].enumerated() {
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                if index == 0 { standardOutput += buffer[..<count] } else { standardError += buffer[..<count] }
            }
        }
    }

    var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
    var errorText: String { String(decoding: standardError, as: UTF8.self) }

    /// Forgets the standard output read so far.
    func clearOutput() {
        standardOutput.removeAll()
    }

    /// Waits until standard output holds a full line, for at most `timeout` seconds.
    func firstLine(timeout: Double) throws -> String {
        let deadline = now() + timeout
        while now() < deadline {
            if let newline = standardOutput.firstIndex(of: 0x0A) {
                return String(decoding: standardOutput[..<newline], as: UTF8.self)
            }
            if exitStatus == nil, hasExited() { break }
            pump(timeout: 0.05)
        }
        throw HarnessError("no line on stdout within \(timeout)s; stderr: \(errorText)")
    }

    /// Whether the child has exited (reaping it).
    @discardableResult
    func hasExited() -> Bool {
        if exitStatus != nil { return true }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            exitStatus = status
            return true
        }
        return false
    }

    /// Waits for the child to exit, up to `timeout` seconds; kills it after that.
    ///
    /// - Returns: The exit code, or `nil` if it had to be killed or died by a signal.
    @discardableResult
    func waitForExit(timeout: Double) -> Int32? {
        let deadline = now() + timeout
        while !hasExited() && now() < deadline { pump(timeout: 0.02) }
        if !hasExited() {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            exitStatus = status
            pump(timeout: 0)
            return nil
        }
        pump(timeout: 0)
        guard let status = exitStatus, status & 0x7F == 0 else { return nil }
        return (status >> 8) & 0xFF
    }

    /// Sends `signal` and waits for the exit code.
    func stop(with signal: Int32 = SIGTERM, timeout: Double = 10) -> Int32? {
        if !hasExited() { kill(pid, signal) }
        return waitForExit(timeout: timeout)
    }
}

/// A running `framed-echo --port 0 …` and the port it printed.
final class EchoProcess {
    let process: ChildProcess
    let port: Int
    let listeningLine: String

    /// Starts the server; with `addressSpaceLimit` (KiB), under `ulimit -v` of that size, as on a
    /// constrained host.
    init(_ arguments: [String] = [], addressSpaceLimit: Int? = nil) throws {
        if let addressSpaceLimit {
            let script = "ulimit -v \(addressSpaceLimit) && exec \"$0\" \"$@\""
            process = try ChildProcess("/bin/sh", ["-c", script, try framedEchoPath(), "--port", "0"] + arguments)
        } else {
            process = try ChildProcess(try framedEchoPath(), ["--port", "0"] + arguments)
        }
        listeningLine = try process.firstLine(timeout: 20)
        guard listeningLine.hasPrefix("listening on 127.0.0.1:"),
            let port = Int(listeningLine.dropFirst("listening on 127.0.0.1:".count)), port > 0
        else { throw HarnessError("unexpected first line '\(listeningLine)'") }
        self.port = port
    }
}
