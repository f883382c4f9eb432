import TestSupport
import Testing

/// The differential tests' oracle is CPython 3.13 and nothing else: another version words some
/// errors differently, so accepting it would make those tests fail falsely (3.12) or pass on the
/// wrong texts. Without 3.13 the differential suites are skipped.
@Suite("The differential tests' oracle")
struct PythonOracleRuleTests {
    @Test(arguments: ["3.13.0", "3.13.1", "3.13.12"])
    func acceptsEveryCPython313(version: String) {
        #expect(PythonOracle.accepts(version: version))
    }

    @Test(arguments: ["3.12.1", "3.11.7", "3.14.0", "3.1.3", "2.7.18", "4.13.0", "3.13", "3.13.0rc1", "3.+13.0", ""])
    func rejectsAnyOtherVersion(version: String) {
        #expect(!PythonOracle.accepts(version: version))
    }

    @Test func searchOrderStartsWithTheEnvironmentVariable() {
        let usual = [["python3.13"], ["env", "PYENV_VERSION=3.13.0", "python3"], ["python3"]]
        #expect(PythonOracle.candidates(environment: [:]) == usual)
        #expect(PythonOracle.candidates(environment: ["STRUCTPACK_PYTHON": "/opt/python"]) == [["/opt/python"]] + usual)
    }

    @Test(.enabled(if: PythonOracle.isAvailable, "needs CPython 3.13"))
    func theInterpreterFoundIs313() throws {
        let interpreter = try #require(PythonOracle.interpreter)
        #expect(interpreter.version.hasPrefix("3.13."))
        let output = try PythonOracle.run(["-c", "import sys; print(sys.version_info[:2])"])
        #expect(output.status == 0)
        #expect(output.stdoutText == "(3, 13)\n")
    }
}
