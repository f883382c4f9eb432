import Foundation

/// A CPython interpreter new enough to be the oracle (3.12+, preferring 3.13), found once.
///
/// Differential tests run only when one exists; CI machines have pyenv's 3.13.0.
enum PythonOracle {
    struct Interpreter: Sendable {
        let executable: String
        let environment: [String: String]
        let version: String
    }

    static let interpreter: Interpreter? = {
        var candidates: [(String, [String: String])] = []
        let base = ProcessInfo.processInfo.environment
        var pinned = base
        pinned["PYENV_VERSION"] = "3.13.0"
        candidates.append(("python3", pinned))
        for name in ["python3.13", "python3.12", "python3"] { candidates.append((name, base)) }
        for (name, environment) in candidates {
            guard let output = try? run(name, environment: environment, arguments: ["-c", probe], input: Data()),
                output.status == 0
            else { continue }
            let version = String(decoding: output.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if version.hasPrefix("ok ") {
                return Interpreter(executable: name, environment: environment, version: String(version.dropFirst(3)))
            }
        }
        return nil
    }()

    private static let probe = """
        import sys, platform
        print("ok " + platform.python_version() if sys.version_info >= (3, 12) else "old")
        """

    struct Output {
        let status: Int32
        let stdout: Data
        let stderr: Data
    }

    /// Runs a Python script with `input` on stdin and returns what it printed.
    static func run(script: String, input: Data) throws -> Output {
        guard let interpreter else { throw CocoaError(.executableNotLoadable) }
        return try run(interpreter.executable, environment: interpreter.environment, arguments: ["-c", script], input: input)
    }

    private static func run(_ executable: String, environment: [String: String], arguments: [String], input: Data)
        throws -> Output
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Write on another thread so a large input cannot deadlock against a full stdout pipe.
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: out, stderr: err)
    }
}
