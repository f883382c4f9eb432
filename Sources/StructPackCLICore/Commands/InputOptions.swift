import StructPack

/// The input of `unpack` and `inspect`: `HEX...` arguments or `--file PATH`, `--dump`, and
/// `--offset N`.
///
/// | Input | Without `--dump` | With `--dump` |
/// |-------|------------------|---------------|
/// | `HEX...` | `bytes.fromhex`; text it refuses that looks like a dump (SPEC §2.7) is read as one | dump text |
/// | `--file PATH`, `--file -` | raw bytes | dump text, read as a stream |
struct InputOptions {
    /// The options that select the input.
    static let specs: [OptionSpec] = [.value("file", "PATH"), .value("offset", "N"), .flag("dump")]

    /// The bytes to read.
    let source: any ByteSource
    /// `--offset N`: read one record at N (Python's `unpack_from`); `nil` means the input must
    /// be exactly one record (Python's `unpack`).
    let offset: Int?

    /// Resolves the input from the arguments after FORMAT.
    ///
    /// Errors come in the order Python meets them in
    /// `struct.unpack_from(FORMAT, bytes.fromhex(HEX), N)`: the hex first, then the offset;
    /// the format is compiled by the caller afterwards.
    ///
    /// - Parameters:
    ///   - hexArguments: The positional arguments after FORMAT, joined with spaces as HEX.
    ///   - arguments: The parsed options.
    ///   - usage: The command's usage line.
    ///   - context: How to open `--file`.
    /// - Throws: ``ToolError``: usage errors for a missing or doubled input or a non-integer
    ///   offset, failures for malformed hex, an offset beyond `Int`, or a file that cannot be
    ///   opened.
    init(hexArguments: [String], arguments: ParsedArguments, usage: String, context: ToolContext) throws(ToolError) {
        let path = arguments.values["file"]
        // Usage errors first, then failures in Python's order of evaluation.
        let offsetLiteral = try arguments.values["offset"].map { (text) throws(ToolError) in
            try Self.parseOffset(text, usage: usage)
        }
        switch (path, hexArguments.isEmpty) {
        case (nil, true):
            throw .usage("missing HEX (or --file PATH)", usage: usage)
        case (.some, false):
            throw .usage("give either HEX or --file PATH, not both", usage: usage)
        case (nil, false):
            source = try Self.decode(Self.join(hexArguments), isDump: arguments.flags.contains("dump"))
        case (.some(let path), true):
            let file = try context.openInput(path)
            source = arguments.flags.contains("dump") ? DumpByteSource(text: file) : file
        }
        if let offsetLiteral {
            guard let value = offsetLiteral.exactInt128.flatMap({ Int(exactly: $0) }) else {
                throw .failure("Python int too large to convert to C ssize_t")
            }
            offset = value
        } else {
            offset = nil
        }
    }

    /// Joins `HEX` arguments with single spaces, except that an argument which is a dump line by
    /// itself (`'00000010: 0000 0549  ...I'`, one quoted argument per pasted line) starts a new
    /// line: joined with a space, it would fall into the previous line's ASCII column and its
    /// bytes would be lost. Plain hex decodes the same either way (`\n` is whitespace to
    /// `bytes.fromhex`, and positions count it as one character, as the space).
    static func join(_ hexArguments: [String]) -> String {
        var text = ""
        for (index, argument) in hexArguments.enumerated() {
            if index > 0 { text += DumpLayout.isRecognizable(argument) ? "\n" : " " }
            text += argument
        }
        return text
    }

    /// Decodes `HEX` arguments: as `bytes.fromhex` unless `--dump` is given; text that
    /// `bytes.fromhex` refuses but that ``DumpLayout/isRecognizable(_:)`` says is a dump is read
    /// as a dump, so plain hex reads exactly as without dump support.
    ///
    /// - Throws: ``ToolError`` `invalid HEX: …` or `invalid dump: line N: …`.
    static func decode(_ text: String, isDump: Bool) throws(ToolError) -> any ByteSource {
        if isDump { return try DecodedDumpSource(text: text) }
        do {
            return MemoryByteSource(try HexDecoder.decode(text))
        } catch {
            guard DumpLayout.isRecognizable(text) else { throw .failure("invalid HEX: \(error)") }
            return try DecodedDumpSource(text: text)
        }
    }

    /// Parses `--offset`'s value as a Python integer literal (`-4`, `0x10`, any size).
    ///
    /// - Throws: ``ToolError`` usage error when it is not an integer literal.
    static func parseOffset(_ text: String, usage: String) throws(ToolError) -> PythonInteger {
        guard case .integer(let integer)? = try? PythonLiteralParser.parse(text) else {
            throw .usage("--offset needs an integer, not \(PythonRepr.string(text))", usage: usage)
        }
        return integer
    }
}
