#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension StructPackTool {
    /// Runs the tool on the process's own standard input, output and error.
    ///
    /// - Parameter arguments: The arguments after the program name.
    /// - Returns: The exit status.
    public static func runInProcess(_ arguments: [String]) -> Int32 {
        let context = ToolContext(
            output: FileDescriptorOutput(descriptor: 1, name: "standard output"),
            openInput: { (path) throws(ToolError) in try FileByteSource(path: path) },
            autoColor: standardOutputWantsColor())
        return run(arguments, context: context, errorOutput: FileDescriptorOutput(descriptor: 2, name: "standard error"))
    }

    /// Whether `--color auto` colours: standard output is a terminal, and `NO_COLOR` is unset
    /// or empty (https://no-color.org: any non-empty value turns colour off).
    static func standardOutputWantsColor() -> Bool {
        guard isatty(1) == 1 else { return false }
        guard let noColor = getenv("NO_COLOR") else { return true }
        return noColor.pointee == 0
    }
}
