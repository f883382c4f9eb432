import Foundation
import TestSupport

/// The command line's oracle script, run by TestSupport's CPython 3.13.
extension PythonOracle {
    /// `Differential/cli_oracle.py`, next to this file's folder.
    static let cliScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Differential/cli_oracle.py").path

    /// Runs `cli_oracle.py ARGUMENTS`, feeding `input`, and returns its standard output.
    ///
    /// - Throws: when there is no CPython 3.13 or the script exits non-zero.
    static func oracle(_ arguments: [String], input: [UInt8] = []) throws -> String {
        let output = try run([cliScript] + arguments, input: input)
        guard output.status == 0 else {
            throw RunnerError("cli_oracle.py \(arguments) exited with \(output.status): \(output.stderrText)")
        }
        return output.stdoutText
    }
}
