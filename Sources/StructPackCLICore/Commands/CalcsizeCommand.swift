import StructPack

/// `structpack calcsize FORMAT`: Python's `struct.calcsize(FORMAT)`.
public enum CalcsizeCommand: ToolCommand {
    /// The command name.
    public static let name = "calcsize"
    /// The line in `structpack --help`.
    public static let summary = "print the size of FORMAT in bytes (struct.calcsize)"
    /// The usage line.
    public static let usage = "structpack calcsize FORMAT"
    /// The accepted options.
    public static let options: [OptionSpec] = []
    /// The text of `structpack help` for this command.
    public static let help = """
        usage: \(usage)

        Prints struct.calcsize(FORMAT) in decimal: the number of bytes FORMAT packs to,
        including native alignment padding.

        examples:
          $ structpack calcsize '<IHHQd'
          24
          $ structpack calcsize '@bq'
          16

        """

    /// Compiles the format and prints its size.
    ///
    /// - Throws: ``ToolError`` with CPython's message for a bad format.
    public static func run(_ arguments: ParsedArguments, context: ToolContext) throws(ToolError) {
        guard let format = arguments.positionals.first else { throw usageError("missing FORMAT") }
        guard arguments.positionals.count == 1 else { throw usageError("calcsize takes one FORMAT") }
        try context.output.write("\(try compile(format).size)\n")
    }
}
