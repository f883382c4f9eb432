import Foundation

/// CPython 3.13 on this machine, if any: the oracle of every differential test.
///
/// StructPack promises CPython 3.13's bytes, values and error texts, so only 3.13 can judge
/// them: 3.12 and older word several struct errors differently (and 3.12 raises another error
/// for `unpack('0p', b'')`), and a later version may change a text. The interpreter is looked
/// for as `$STRUCTPACK_PYTHON`, `python3.13`, `PYENV_VERSION=3.13.0 python3`, then `python3`, and
/// the first that reports version 3.13.x is the oracle. Without one, the differential suites are
/// disabled (`.enabled(if: PythonOracle.isAvailable, …)`), so they are reported as skipped,
/// never as passed.
public enum PythonOracle {
    /// The minor version the oracle must have.
    public static let requiredVersion = (major: 3, minor: 13)

    /// A command that starts the oracle, and the version it reported.
    public struct Interpreter: Sendable {
        /// The command prefix, run through `/usr/bin/env` (`["python3.13"]`,
        /// `["env", "PYENV_VERSION=3.13.0", "python3"]` …).
        public let command: [String]
        /// The version the interpreter reported, such as `3.13.0`.
        public let version: String
    }

    /// The commands tried, in order.
    public static func candidates(environment: [String: String]) -> [[String]] {
        var candidates: [[String]] = []
        if let python = environment["STRUCTPACK_PYTHON"], !python.isEmpty { candidates.append([python]) }
        candidates += [["python3.13"], ["env", "PYENV_VERSION=3.13.0", "python3"], ["python3"]]
        return candidates
    }

    /// Whether `reported` (what the probe printed, `major.minor.micro`) is an acceptable oracle:
    /// exactly CPython 3.13, any micro version.
    public static func accepts(version reported: String) -> Bool {
        let parts = reported.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".")
        let digits: ClosedRange<Character> = "0"..."9"
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(digits.contains) }) else { return false }
        return Int(parts[0]) == requiredVersion.major && Int(parts[1]) == requiredVersion.minor
    }

    /// The first candidate that is CPython 3.13, found once per test run; `nil` if none is.
    public static let interpreter: Interpreter? = {
        let probe = "import sys, platform; print(platform.python_implementation(), '%d.%d.%d' % sys.version_info[:3])"
        for command in candidates(environment: ProcessInfo.processInfo.environment) {
            guard let output = try? runProcess(command + ["-c", probe], input: []), output.status == 0 else { continue }
            let words = output.stdoutText.split(separator: " ")
            guard words.count == 2, words[0] == "CPython" else { continue }
            let version = words[1].trimmingCharacters(in: .whitespacesAndNewlines)
            if accepts(version: version) { return Interpreter(command: command, version: version) }
        }
        return nil
    }()

    /// Whether CPython 3.13 was found.
    public static var isAvailable: Bool { interpreter != nil }

    /// What a process wrote and how it ended.
    public struct Output: Sendable {
        /// The exit status.
        public let status: Int32
        /// Standard output.
        public let stdout: [UInt8]
        /// Standard error.
        public let stderr: [UInt8]

        /// Standard output as UTF-8 text.
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        /// Standard error as UTF-8 text.
        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Runs the oracle with `arguments` (`["-c", script]`, or a script path and its
    /// arguments), `input` on standard input, and waits for it.
    ///
    /// - Throws: ``OracleError`` when there is no CPython 3.13; any error starting the process.
    public static func run(_ arguments: [String], input: [UInt8] = []) throws -> Output {
        guard let interpreter else { throw OracleError("CPython \(requiredVersion.major).\(requiredVersion.minor) not found") }
        return try runProcess(interpreter.command + arguments, input: input)
    }

    /// Runs `command` through `/usr/bin/env`, standard input from a temporary file and output
    /// into temporary files, so no pipe can fill up and block either side.
    static func runProcess(_ command: [String], input: [UInt8]) throws -> Output {
        let directory = FileManager.default.temporaryDirectory
        let token = UUID().uuidString
        let urls = ["in", "out", "err"].map { directory.appendingPathComponent("structpack-oracle-\(token).\($0)") }
        defer {
            for url in urls { try? FileManager.default.removeItem(at: url) }
        }
        _ = FileManager.default.createFile(atPath: urls[0].path, contents: Data(input))
        _ = FileManager.default.createFile(atPath: urls[1].path, contents: nil)
        _ = FileManager.default.createFile(atPath: urls[2].path, contents: nil)
        let standardInput = try FileHandle(forReadingFrom: urls[0])
        let standardOutput = try FileHandle(forWritingTo: urls[1])
        let standardError = try FileHandle(forWritingTo: urls[2])
        defer {
            for handle in [standardInput, standardOutput, standardError] { try? handle.close() }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.standardInput = standardInput
        process.standardOutput = standardOutput
        process.standardError = standardError
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: Array(try Data(contentsOf: urls[1])),
            stderr: Array(try Data(contentsOf: urls[2])))
    }
}

/// A failure to run the oracle.
public struct OracleError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String

    /// An error saying `description`.
    public init(_ description: String) {
        self.description = description
    }
}
