import StructPack

/// `structpack unpack [--iter] [--offset N] FORMAT HEX...|--file PATH`: Python's
/// `struct.unpack` (or `unpack_from`, `iter_unpack`), printed as Python prints the tuple.
public enum UnpackCommand: ToolCommand {
    /// The command name.
    public static let name = "unpack"
    /// The line in `structpack --help`.
    public static let summary = "unpack bytes (hex or a file) into a Python tuple (struct.unpack)"
    /// The usage line.
    public static let usage = "structpack unpack [--iter] [--offset N] [--dump] FORMAT (HEX... | --file PATH)"
    /// The accepted options.
    public static let options: [OptionSpec] = InputOptions.specs + [.flag("iter")]
    /// The text of `structpack help` for this command.
    public static let help = """
        usage: \(usage)

        Unpacks bytes with FORMAT and prints exactly what Python prints for
        repr(struct.unpack(FORMAT, bytes.fromhex(HEX))): a tuple such as (1, -2, b'ab', 1.5, True),
        (7,) for one value, () for none. Several HEX arguments are joined; whitespace between
        byte pairs is ignored.

        Without --offset the input must be exactly calcsize(FORMAT) bytes, as for struct.unpack.

        options:
          --file PATH   read raw bytes from PATH instead of HEX ('-' reads standard input)
          --offset N    unpack one record at byte N, as struct.unpack_from (negative N counts
                        from the end); only the record's bytes are read from a regular file
          --iter        unpack back-to-back records, as struct.iter_unpack, one tuple per line
          --dump        the input is the text of a hex dump (xxd, hexdump -C, od -An -tx1,
                        Wireshark's "Copy as Hex Dump"); offsets and ASCII columns are skipped.
                        Without --dump, --file reads raw bytes, and HEX that is not plain hex
                        but starts like an xxd or hexdump -C line is read as a dump

        examples:
          $ structpack unpack '<IH' 0100000002 00
          (1, 2)
          $ structpack unpack '>hd3s?' fffb 3ff8000000000000 616200 01
          (-5, 1.5, b'ab\\x00', True)
          $ structpack unpack --iter '<H' 0100 0200 0300
          (1,)
          (2,)
          (3,)
          $ printf 'GIF89a\\x40\\x01\\xf0\\x00' | structpack unpack --offset 6 '<HH' --file -
          (320, 240)
          $ structpack unpack '<IH' '00000000: 0100 0000 0200                           ......'
          (1, 2)

        """

    /// Reads the input and prints one tuple, or one per record with `--iter`.
    ///
    /// - Throws: ``ToolError``: malformed HEX, CPython's errors for the format and the
    ///   buffer, input errors.
    public static func run(_ arguments: ParsedArguments, context: ToolContext) throws(ToolError) {
        guard let format = arguments.positionals.first else { throw usageError("missing FORMAT") }
        let iterates = arguments.flags.contains("iter")
        if iterates && arguments.values["offset"] != nil {
            throw usageError("--offset cannot be combined with --iter")
        }
        let input = try InputOptions(
            hexArguments: Array(arguments.positionals.dropFirst()), arguments: arguments, usage: usage,
            context: context)
        let compiled = try compile(format)
        let reader = RecordReader(format: compiled, memoryLimit: context.memoryLimit)
        if iterates {
            try reader.forEachRecord(in: input.source) { (values) throws(ToolError) in
                try context.output.write(PythonRepr.tuple(values) + "\n")
            }
            return
        }
        let record = try reader.record(in: input.source, offset: input.offset)
        let values: [StructValue]
        do {
            values = try compiled.unpack(record.bytes)
        } catch {
            throw ToolError(error)
        }
        try context.output.write(PythonRepr.tuple(values) + "\n")
    }
}
