import Foundation

/// CPython 3.13 on this machine, if any: the oracle of the differential tests.
///
/// Looked for as `$STRUCTPACK_PYTHON`, `python3.13`, `PYENV_VERSION=3.13.0 python3`, and
/// `python3`; the first whose `sys.version_info >= (3, 13)` wins. (3.12 and older word some
/// struct errors differently and crash on `unpack('0p', b'')`.)
enum PythonOracle {
    /// The command prefix that starts CPython 3.13, and its version, or `nil`.
    static let interpreter: (command: [String], version: String)? = {
        var candidates: [[String]] = []
        if let python = ProcessInfo.processInfo.environment["STRUCTPACK_PYTHON"] { candidates.append([python]) }
        candidates += [["python3.13"], ["env", "PYENV_VERSION=3.13.0", "python3"], ["python3"]]
        let probe = "import sys; print(sys.version_info >= (3, 13), sys.version.split()[0])"
        for command in candidates {
            guard let output = try? run(command + ["-c", probe], input: []) else { continue }
            let words = output.split(separator: " ")
            if words.first == "True", let version = words.last {
                return (command, version.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
        return nil
    }()

    /// Whether CPython 3.13 is available.
    static var isAvailable: Bool { interpreter != nil }

    /// The oracle script next to this file.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Differential/cli_oracle.py").path

    /// Runs the oracle with `arguments`, feeding `input`, and returns its standard output.
    static func oracle(_ arguments: [String], input: [UInt8] = []) throws -> String {
        guard let interpreter else { throw RunnerError("CPython 3.13 not found") }
        return try run(interpreter.command + [script] + arguments, input: input)
    }

    /// Runs `command` through `/usr/bin/env` and returns its standard output; throws on a
    /// non-zero exit.
    private static func run(_ command: [String], input: [UInt8]) throws -> String {
        let result = try ToolRunner.run(
            executable: URL(fileURLWithPath: "/usr/bin/env"), command, stdin: .file(input))
        guard result.status == 0 else { throw RunnerError("\(command) failed: \(result.stderr)") }
        return result.stdout
    }
}
