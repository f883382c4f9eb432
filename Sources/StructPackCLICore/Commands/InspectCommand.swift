import StructPack

/// `structpack inspect [--json] [--offset N] FORMAT HEX...|--file PATH`: an annotated table
/// of a record, field by field.
public enum InspectCommand: ToolCommand {
    /// The command name.
    public static let name = "inspect"
    /// The line in `structpack --help`.
    public static let summary = "show each field's offset, size, code, bytes and value"
    /// The usage line.
    public static let usage = "structpack inspect [--json] [--offset N] FORMAT (HEX... | --file PATH)"
    /// The accepted options.
    public static let options: [OptionSpec] = InputOptions.specs + [.flag("json")]
    /// The text of `structpack help` for this command.
    public static let help = """
        usage: \(usage)

        Unpacks one record as 'structpack unpack' does and prints a table with one row per
        value (one per item of a repeated code such as 3i; one for a whole s or p string),
        one per run of x pad bytes and one per gap of alignment padding: the offset in the
        input, the size, the code, the raw bytes in hex (cut after 16 bytes) and the value as
        Python's repr.

        options:
          --file PATH   read raw bytes from PATH instead of HEX ('-' reads standard input)
          --offset N    inspect the record at byte N, as struct.unpack_from (negative N counts
                        from the end); offsets in the table are offsets in the input
          --json        print a JSON document instead (its shape is in SPEC.md)

        example:
          $ structpack inspect '@BxI2s?' 07 00 0000 2a000000 6162 01
          format '@BxI2s?': 11 bytes, 4 values; native byte order (little-endian), native sizes and alignment
          offset  size  code  bytes     value
               0     1  B     07        7
               1     1  x     00        (pad)
               2     2        0000      (alignment)
               4     4  I     2a000000  42
               8     2  2s    6162      b'ab'
              10     1  ?     01        True

        """

    /// Reads one record and prints its table or JSON.
    ///
    /// - Throws: ``ToolError`` as `unpack` does.
    public static func run(_ arguments: ParsedArguments, context: ToolContext) throws(ToolError) {
        guard let format = arguments.positionals.first else { throw usageError("missing FORMAT") }
        let input = try InputOptions(
            hexArguments: Array(arguments.positionals.dropFirst()), arguments: arguments, usage: usage,
            context: context)
        let compiled = try compile(format)
        let record = try RecordReader(format: compiled, memoryLimit: context.memoryLimit)
            .record(in: input.source, offset: input.offset)
        let inspection: Inspection
        do {
            inspection = try Inspection(format: compiled, record: record.bytes, start: record.start)
        } catch {
            throw ToolError(error)
        }
        let lines = arguments.flags.contains("json") ? inspection.jsonLines() : inspection.tableLines()
        for line in lines { try context.output.write(line + "\n") }
    }
}
