import Foundation
import Testing

/// What one run of the built `structpack` executable produced.
struct ToolResult: CustomStringConvertible {
    let status: Int32
    let stdoutBytes: [UInt8]
    let stderr: String

    /// Standard output as text.
    var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }

    var description: String { "status \(status), stdout \(stdout.debugDescription), stderr \(stderr.debugDescription)" }
}

/// How the test feeds standard input.
enum StandardInput {
    /// An empty regular file.
    case none
    /// A regular file holding the bytes (seekable, known size).
    case file([UInt8])
    /// A pipe fed with the bytes (a stream of unknown size).
    case pipe([UInt8])
}

/// Runs the `structpack` executable that `swift test` built next to the test bundle.
enum ToolRunner {
    /// The executable: `$STRUCTPACK_EXECUTABLE`, else `structpack` in the directory of the
    /// running test binary (the build products directory, in debug and release alike).
    static let executable: URL? = {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [URL] = []
        if let path = environment["STRUCTPACK_EXECUTABLE"] { candidates.append(URL(fileURLWithPath: path)) }
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("structpack"))
        }
        #endif
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("structpack"))
        }
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent("structpack"))
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `structpack ARGUMENTS` and waits for it.
    static func run(_ arguments: [String], stdin: StandardInput = .none) throws -> ToolResult {
        guard let executable else {
            throw RunnerError("the structpack executable was not found next to the test bundle")
        }
        return try run(executable: executable, arguments, stdin: stdin)
    }

    /// Runs any executable with `arguments`, output captured in temporary files (no pipe
    /// can fill up and block).
    static func run(executable: URL, _ arguments: [String], stdin: StandardInput = .none) throws -> ToolResult {
        let directory = FileManager.default.temporaryDirectory
        let token = UUID().uuidString
        let outURL = directory.appendingPathComponent("structpack-\(token).out")
        let errURL = directory.appendingPathComponent("structpack-\(token).err")
        let inURL = directory.appendingPathComponent("structpack-\(token).in")
        defer {
            for url in [outURL, errURL, inURL] { try? FileManager.default.removeItem(at: url) }
        }
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        defer {
            try? outHandle.close()
            try? errHandle.close()
        }
        process.standardOutput = outHandle
        process.standardError = errHandle
        var feeder: Pipe?
        var pipedBytes: [UInt8] = []
        switch stdin {
        case .none, .file:
            var bytes: [UInt8] = []
            if case .file(let contents) = stdin { bytes = contents }
            _ = FileManager.default.createFile(atPath: inURL.path, contents: Data(bytes))
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        case .pipe(let bytes):
            let pipe = Pipe()
            process.standardInput = pipe
            feeder = pipe
            pipedBytes = bytes
        }
        try process.run()
        if let feeder {
            // The tool may stop reading early; a write to a closed pipe must not kill the test.
            signal(SIGPIPE, SIG_IGN)
            let handle = feeder.fileHandleForWriting
            let bytes = pipedBytes
            let writer = Thread {
                try? handle.write(contentsOf: Data(bytes))
                try? handle.close()
            }
            writer.start()
        }
        process.waitUntilExit()
        let stdout = try Data(contentsOf: outURL)
        let stderr = try Data(contentsOf: errURL)
        return ToolResult(
            status: process.terminationStatus, stdoutBytes: Array(stdout), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Writes `bytes` to a new temporary file and returns its path; the caller removes it.
    static func temporaryFile(_ bytes: [UInt8]) -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("structpack-\(UUID().uuidString).bin")
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        return url.path
    }
}

/// A failure of the test harness itself.
struct RunnerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Checks a run that must fail: status, empty stdout, exactly one error line.
func expectFailure(
    _ result: ToolResult, message: String, status: Int32 = 1, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(result.status == status, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stdoutBytes.isEmpty, "\(result)", sourceLocation: sourceLocation)
    if status == 1 {
        #expect(result.stderr == "structpack: error: \(message)\n", sourceLocation: sourceLocation)
    } else {
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first.map(String.init) == "structpack: error: \(message)", "\(result)", sourceLocation: sourceLocation)
        #expect(lines.count == 3 && lines[1].hasPrefix("usage: structpack"), "\(result)", sourceLocation: sourceLocation)
    }
}

/// Checks a run that must succeed with exactly `stdout` and nothing on stderr.
func expectSuccess(_ result: ToolResult, stdout: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stdout == stdout, sourceLocation: sourceLocation)
    #expect(result.stderr.isEmpty, "\(result)", sourceLocation: sourceLocation)
}
