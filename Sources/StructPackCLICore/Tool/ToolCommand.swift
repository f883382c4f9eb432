public import StructPack

/// One subcommand of `structpack`, such as `pack`.
///
/// Adding a command is one new type conforming to this protocol plus one line in
/// ``CommandRegistry/commands``; the dispatcher, `--help` and `help COMMAND` pick it up.
public protocol ToolCommand {
    /// The name typed after `structpack`.
    static var name: String { get }
    /// One line for the command list of `structpack --help`.
    static var summary: String { get }
    /// The usage line without `usage: `, such as `structpack pack [--raw] FORMAT [VALUE...]`.
    static var usage: String { get }
    /// The full help of `structpack help COMMAND`: what it does, its options, an example.
    static var help: String { get }
    /// The options the command accepts.
    static var options: [OptionSpec] { get }

    /// Runs the command.
    ///
    /// - Parameters:
    ///   - arguments: The parsed arguments (help has already been handled).
    ///   - context: Where to write and how to open inputs.
    /// - Throws: ``ToolError`` for failures and usage errors; nothing has been written to
    ///   standard output when it throws, except by commands that stream.
    static func run(_ arguments: ParsedArguments, context: ToolContext) throws(ToolError)
}

/// What a command may touch: its standard output and its inputs.
public struct ToolContext {
    /// Standard output.
    public let output: any OutputSink
    /// Opens a `--file` argument (`-` for standard input).
    public let openInput: (String) throws(ToolError) -> any ByteSource
    /// The most bytes of input held in memory.
    public let memoryLimit: Int
    /// Whether `--color auto` colours: standard output is a terminal and `NO_COLOR` is unset or
    /// empty.
    public let autoColor: Bool

    /// A context writing to `output` and opening inputs with `openInput`.
    public init(
        output: any OutputSink,
        openInput: @escaping (String) throws(ToolError) -> any ByteSource,
        memoryLimit: Int = Struct.allocationLimit,
        autoColor: Bool = false
    ) {
        self.output = output
        self.openInput = openInput
        self.memoryLimit = memoryLimit
        self.autoColor = autoColor
    }
}

extension ToolCommand {
    /// Compiles a format argument.
    ///
    /// - Throws: ``ToolError`` with CPython's message.
    static func compile(_ format: String) throws(ToolError) -> Struct {
        do {
            return try Struct(format)
        } catch {
            throw ToolError(error)
        }
    }

    /// A usage error for this command.
    static func usageError(_ message: String) -> ToolError {
        .usage(message, usage: usage)
    }
}
