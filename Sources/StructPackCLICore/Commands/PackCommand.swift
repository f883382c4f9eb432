import StructPack

/// `structpack pack [--raw] FORMAT [VALUE...]`: Python's `struct.pack(FORMAT, *values)`,
/// printed as lowercase hex (or written raw with `--raw`).
public enum PackCommand: ToolCommand {
    /// The command name.
    public static let name = "pack"
    /// The line in `structpack --help`.
    public static let summary = "pack VALUEs into bytes, printed as hex (struct.pack)"
    /// The usage line.
    public static let usage = "structpack pack [--raw] FORMAT [VALUE...]"
    /// The accepted options.
    public static let options: [OptionSpec] = [.flag("raw")]
    /// The text of `structpack help` for this command.
    public static let help = """
        usage: \(usage)

        Packs the VALUEs with FORMAT exactly as Python's struct.pack(FORMAT, *VALUEs) and prints
        the bytes as lowercase hex on one line.

        Each VALUE is a Python literal and keeps Python's type: integers (-5, 0x2a, 0o17,
        0b101, 1_000, any size), floats (1.5, -0.0, 1e-05, inf, -inf, nan), True and False,
        and bytes (b'ab', b"it's", b'\\x00\\n', rb'\\d'). So 'pack i 1.0' fails as in Python,
        'pack d 1' works, 'pack ? 0.0' packs False and 'pack 5s b'ab'' pads with zeros.
        Negative numbers are values, not options.

        options:
          --raw    write the packed bytes themselves instead of hex (for files and sockets)

        examples:
          $ structpack pack '<IH' 1 2
          010000000200
          $ structpack pack '>hd5s?' -5 1.5 "b'ab'" True
          fffb3ff8000000000000616200000001
          $ structpack pack '<h' 40000
          structpack: error: 'h' format requires -32768 <= number <= 32767

        """

    /// Parses the literals, compiles the format and packs.
    ///
    /// - Throws: ``ToolError``: a malformed VALUE (`invalid VALUE N …`), then CPython's
    ///   errors for the format and the values, in CPython's order.
    public static func run(_ arguments: ParsedArguments, context: ToolContext) throws(ToolError) {
        guard let format = arguments.positionals.first else { throw usageError("missing FORMAT") }
        let texts = arguments.positionals.dropFirst()
        var literals: [PythonLiteral] = []
        literals.reserveCapacity(texts.count)
        for (number, text) in zip(1..., texts) {
            do {
                literals.append(try PythonLiteralParser.parse(text))
            } catch {
                throw .failure("invalid VALUE \(number) \(PythonRepr.string(abbreviated(text))): \(error)")
            }
        }
        let compiled = try compile(format)
        let bytes: [UInt8]
        do {
            bytes = try LiteralPacker.pack(literals, as: compiled)
        } catch {
            throw ToolError(error)
        }
        if arguments.flags.contains("raw") {
            try context.output.write(bytes)
            return
        }
        // Hex is written a chunk at a time, so a large record never exists twice as text.
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + (1 << 16))
            try context.output.write(HexEncoder.encodedUTF8(bytes[start..<end]))
            start = end
        }
        try context.output.write([0x0A])
    }

    /// `text`, cut to 60 characters with `…` so one bad literal cannot flood the error line.
    static func abbreviated(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(57)) + "…"
    }
}
