extension StructPackTool {
    /// Runs the tool on the process's own standard input, output and error.
    ///
    /// - Parameter arguments: The arguments after the program name.
    /// - Returns: The exit status.
    public static func runInProcess(_ arguments: [String]) -> Int32 {
        let context = ToolContext(
            output: FileDescriptorOutput(descriptor: 1, name: "standard output"),
            openInput: { (path) throws(ToolError) in try FileByteSource(path: path) })
        return run(arguments, context: context, errorOutput: FileDescriptorOutput(descriptor: 2, name: "standard error"))
    }
}
