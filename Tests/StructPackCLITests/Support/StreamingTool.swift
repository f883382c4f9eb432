import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built `structpack` running with its standard input, output and error on pipes the test
/// holds, for commands that stream: the test writes input piece by piece and reads output back
/// while the tool is still running. Every wait is bounded.
final class StreamingTool {
    private let pid: pid_t
    private var inputDescriptor: Int32
    private let outputDescriptor: Int32
    private let errorDescriptor: Int32
    private var outputOpen = true
    private var errorOpen = true
    private var exitStatus: Int32?
    /// Standard output read so far.
    private(set) var output: [UInt8] = []
    /// Standard error read so far.
    private(set) var errorOutput: [UInt8] = []

    /// Starts `structpack ARGUMENTS`.
    init(_ arguments: [String]) throws {
        guard let executable = ToolRunner.executable else {
            throw RunnerError("the structpack executable was not found next to the test bundle")
        }
        // A write to the tool after it exited must fail with EPIPE, not kill the test.
        signal(SIGPIPE, SIG_IGN)
        let input = try Self.makePipe()
        let output = try Self.makePipe()
        let error = try Self.makePipe()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input.read, 0)
        posix_spawn_file_actions_adddup2(&actions, output.write, 1)
        posix_spawn_file_actions_adddup2(&actions, error.write, 2)
        // The child gets SIGPIPE's default disposition back (ignored signals survive exec).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable.path, &actions, &attributes, argv, environ)
        for descriptor in [input.read, output.write, error.write] { close(descriptor) }
        guard status == 0 else {
            for descriptor in [input.write, output.read, error.read] { close(descriptor) }
            throw RunnerError("posix_spawn failed: \(status)")
        }
        pid = child
        inputDescriptor = input.write
        outputDescriptor = output.read
        errorDescriptor = error.read
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        if inputDescriptor >= 0 { close(inputDescriptor) }
        close(outputDescriptor)
        close(errorDescriptor)
    }

    /// Writes `bytes` to the tool's standard input with one `write` call per piece of at most
    /// `pieceSize` bytes, pausing `pause` seconds after each, and collects whatever output is
    /// ready in between (so the tool can never block on a full output pipe).
    func write(_ bytes: [UInt8], pieceSize: Int = Int.max, pause: Double = 0) throws {
        var start = 0
        while start < bytes.count {
            let end = bytes.count - start > pieceSize ? start + pieceSize : bytes.count
            let written = bytes[start..<end].withUnsafeBytes { systemWrite(inputDescriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw RunnerError("write to structpack failed: errno \(errno)")
            }
            start += written
            if pause > 0 { usleep(UInt32(pause * 1_000_000)) }
            collect(timeout: 0)
        }
    }

    /// Closes the tool's standard input: the end of the stream.
    func closeInput() {
        if inputDescriptor >= 0 {
            close(inputDescriptor)
            inputDescriptor = -1
        }
    }

    /// Waits until standard output holds at least `count` newlines, at most `timeout` seconds.
    ///
    /// - Returns: Whether it does.
    func waitForLines(_ count: Int, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while output.count(where: { $0 == 0x0A }) < count {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 || !(outputOpen || errorOpen) { break }
            collect(timeout: left)
        }
        return output.count(where: { $0 == 0x0A }) >= count
    }

    /// Closes standard input, reads both outputs to their end and waits for the exit, at most
    /// `timeout` seconds in all.
    ///
    /// - Throws: ``RunnerError`` when the tool does not finish in time (it is then killed).
    func finish(timeout: Double) throws -> ToolResult {
        closeInput()
        let deadline = Date().addingTimeInterval(timeout)
        while outputOpen || errorOpen {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw RunnerError("structpack did not finish within \(timeout) s") }
            collect(timeout: left)
        }
        while exitStatus == nil {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                // WIFEXITED / WEXITSTATUS, spelled out (the C macros are not imported).
                exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            } else if deadline.timeIntervalSinceNow <= 0 {
                throw RunnerError("structpack did not exit within \(timeout) s")
            } else {
                usleep(1000)
            }
        }
        return ToolResult(
            status: exitStatus ?? -1, stdoutBytes: output, stderr: String(decoding: errorOutput, as: UTF8.self))
    }

    /// Reads whatever standard output and error have ready, waiting at most `timeout` seconds
    /// for something to arrive.
    private func collect(timeout: Double) {
        var descriptors: [pollfd] = []
        if outputOpen { descriptors.append(pollfd(fd: outputDescriptor, events: Int16(POLLIN), revents: 0)) }
        if errorOpen { descriptors.append(pollfd(fd: errorDescriptor, events: Int16(POLLIN), revents: 0)) }
        guard !descriptors.isEmpty else { return }
        let milliseconds = Int32(max(0, min(timeout, 60)) * 1000)
        guard poll(&descriptors, nfds_t(descriptors.count), milliseconds) > 0 else { return }
        for entry in descriptors where entry.revents != 0 {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let got = chunk.withUnsafeMutableBytes { systemRead(entry.fd, $0.baseAddress, $0.count) }
            if got > 0 {
                if entry.fd == outputDescriptor { output += chunk[..<got] } else { errorOutput += chunk[..<got] }
            } else if got == 0 || errno != EINTR {
                if entry.fd == outputDescriptor { outputOpen = false } else { errorOpen = false }
            }
        }
    }

    /// A pipe whose descriptors are closed on exec, so other children the test process starts
    /// do not inherit them (which would hold the pipe open). (Glibc's module does not export
    /// `pipe2`; the moment between `pipe` and `fcntl` could at worst delay an end of file.)
    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { throw RunnerError("pipe failed") }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        return (descriptors[0], descriptors[1])
    }
}

/// The C library's `write`.
private func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, pointer, count)
    #else
    Darwin.write(descriptor, pointer, count)
    #endif
}

/// The C library's `read`.
private func systemRead(_ descriptor: Int32, _ pointer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, pointer, count)
    #else
    Darwin.read(descriptor, pointer, count)
    #endif
}
