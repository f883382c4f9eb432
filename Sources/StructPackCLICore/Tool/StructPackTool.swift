/// The `structpack` command line: dispatches to a ``ToolCommand`` and turns errors into exit
/// statuses and `structpack: error: …` lines.
///
/// | Status | Meaning |
/// |--------|---------|
/// | 0 | success |
/// | 1 | failure: nothing on standard output, one line `structpack: error: MESSAGE` on standard error |
/// | 2 | usage error: the error line, then `usage: …` |
///
/// `frames` streams: when it fails on a bad frame, the lines of the frames before it have been
/// printed.
public enum StructPackTool {
    /// The usage line of the tool as a whole.
    public static let usage = "structpack COMMAND [ARGUMENTS...]   (structpack --help lists the commands)"

    /// Runs the tool.
    ///
    /// - Parameters:
    ///   - arguments: The arguments after the program name.
    ///   - context: Standard output and input opening.
    ///   - errorOutput: Standard error.
    /// - Returns: The exit status: 0, 1 or 2.
    public static func run(_ arguments: [String], context: ToolContext, errorOutput: any OutputSink) -> Int32 {
        do {
            try dispatch(arguments, context: context)
            try context.output.flush()
            return 0
        } catch {
            // Whatever a failing command buffered is dropped by the caller's contract: commands
            // write only once nothing can fail any more.
            try? errorOutput.write(error.standardErrorText)
            try? errorOutput.flush()
            return error.exitStatus
        }
    }

    /// Finds and runs the command.
    ///
    /// - Throws: ``ToolError``.
    static func dispatch(_ arguments: [String], context: ToolContext) throws(ToolError) {
        guard let name = arguments.first else { throw .usage("missing COMMAND", usage: usage) }
        let rest = Array(arguments.dropFirst())
        switch name {
        case "--help", "-h", "help":
            try help(rest, context: context)
            return
        default:
            break
        }
        guard let command = CommandRegistry.command(named: name) else {
            let message =
                name.hasPrefix("-") ? "unknown option \(PythonRepr.string(name))" : "unknown command \(PythonRepr.string(name))"
            throw .usage(message, usage: usage)
        }
        let parsed = try ArgumentParser.parse(rest, options: command.options, usage: command.usage)
        if parsed.wantsHelp {
            try context.output.write(command.help)
            return
        }
        try command.run(parsed, context: context)
    }

    /// `structpack help [COMMAND]`, `structpack --help`.
    ///
    /// - Throws: ``ToolError`` usage error for an unknown command or extra arguments.
    static func help(_ arguments: [String], context: ToolContext) throws(ToolError) {
        let helpUsage = "structpack help [COMMAND]"
        guard let name = arguments.first else {
            try context.output.write(overview)
            return
        }
        guard arguments.count == 1 else { throw .usage("help takes at most one COMMAND", usage: helpUsage) }
        guard let command = CommandRegistry.command(named: name) else {
            throw .usage("unknown command \(PythonRepr.string(name))", usage: helpUsage)
        }
        try context.output.write(command.help)
    }

    /// The text of `structpack --help`.
    public static var overview: String {
        let width = CommandRegistry.commands.map { $0.name.count }.max() ?? 0
        let list = CommandRegistry.commands.map { command in
            "  " + command.name + String(repeating: " ", count: width - command.name.count + 2) + command.summary
        }
        return """
            structpack: pack, unpack and inspect binary data with Python's struct format language,
            and split framed streams into frames.

            usage: structpack COMMAND [ARGUMENTS...]
                   structpack help COMMAND

            commands:
            \(list.joined(separator: "\n"))

            FORMAT is a Python struct format: an optional byte order (@ native, = native order,
            < little-endian, > or ! big-endian) followed by codes such as b B h H i I l L q Q n N
            e f d ? c s p P x, each with an optional repeat count: '<IH', '!cI', '@3s2xq'.
            VALUE is a Python literal: 42, -0x2a, 1_000, 1.5, -inf, nan, True, b'ab\\x00'.
            HEX is bytes as hexadecimal digit pairs; whitespace between pairs is ignored. With
            --dump (unpack, inspect, frames) the input is the text of a hex dump from xxd,
            hexdump -C, od -An -tx1 or Wireshark; xxd and hexdump -C text is also recognized
            as HEX without it.

            Results and error messages are exactly CPython 3.13's. Exit status: 0 on success,
            1 on failure (one line 'structpack: error: MESSAGE' on standard error), 2 on a
            usage error.

            example:
              $ structpack unpack '<IH' 0100000002 00
              (1, 2)

            Run 'structpack help COMMAND' for a command's options and examples.

            """
    }
}
