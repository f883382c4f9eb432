import StreamFramer
import StructPack

/// The framing options of `frames`: `--header FMT`, `--length-adjustment N`, `--max-frame N`,
/// `--delimiter HEX`, `--varint`, resolved to a StreamFramer ``Framing``.
///
/// | Options | Framing |
/// |---------|---------|
/// | none, or `--header FMT` | a length field: the last integer value of FMT (default `!I`) is the body length |
/// | `--delimiter HEX[,HEX...]` | frames end with one of the delimiters |
/// | `--varint` | a varint (unsigned LEB128) length before each payload |
///
/// `--max-frame N` (default 16 MiB) applies to all three; `--length-adjustment N` only to the
/// length field; `--discard-overlong` (skip frames over `--max-frame`) to the length field and
/// the varint.
struct FramingOptions {
    /// The options that select and tune the framing.
    static let specs: [OptionSpec] = [
        .value("header", "FMT"), .value("length-adjustment", "N"), .value("max-frame", "N"),
        .value("delimiter", "HEX"), .flag("varint"), .flag("discard-overlong"),
    ]

    /// The options that each select a framing, in the order conflicts are reported.
    private static let selectors = ["header", "delimiter", "varint"]

    /// The framing the options describe.
    let framing: Framing

    /// Resolves the options.
    ///
    /// Usage errors come first (two framings, `--length-adjustment` without a length field,
    /// a value that is not an integer in range), then failures in the order the options are
    /// applied: the header format (CPython's message), the delimiter hex, then StreamFramer's
    /// configuration checks.
    ///
    /// - Parameters:
    ///   - arguments: The parsed options.
    ///   - usage: The command's usage line.
    /// - Throws: ``ToolError``: usage errors for conflicting options and malformed numbers;
    ///   failures for a bad header format, bad delimiter hex, and configurations StreamFramer
    ///   refuses (`header format '4s' has no integer field for the length`, `a delimiter
    ///   cannot be empty`, `maximum frame length M is out of range 0...X`).
    init(arguments: ParsedArguments, usage: String) throws(ToolError) {
        let given = Self.selectors.filter { (name) in
            name == "varint" ? arguments.flags.contains(name) : arguments.values[name] != nil
        }
        if given.count > 1 {
            throw .usage("--\(given[1]) cannot be combined with --\(given[0])", usage: usage)
        }
        let adjustmentText = arguments.values["length-adjustment"]
        if adjustmentText != nil, let other = given.first, other != "header" {
            throw .usage("--length-adjustment cannot be combined with --\(other)", usage: usage)
        }
        if arguments.flags.contains("discard-overlong"), arguments.values["delimiter"] != nil {
            throw .usage("--discard-overlong cannot be combined with --delimiter", usage: usage)
        }
        let overlongFrames: OverlongFrameAction = arguments.flags.contains("discard-overlong") ? .discard : .fail
        let adjustment = try adjustmentText.map { (text) throws(ToolError) in
            try Self.integer(text, option: "length-adjustment", in: Int.min...Int.max, usage: usage)
        }
        let maximum =
            try arguments.values["max-frame"].map { (text) throws(ToolError) in
                try Self.integer(text, option: "max-frame", in: 0...Int.max, usage: usage)
            } ?? Framing.defaultMaximumFrameLength
        if let hex = arguments.values["delimiter"] {
            let delimiters = try Self.delimiters(hex)
            framing = try Self.configure { () throws(FramingError) in
                .delimiter(try DelimiterConfiguration(delimiters: delimiters, maximumFrameLength: maximum))
            }
        } else if arguments.flags.contains("varint") {
            framing = try Self.configure { () throws(FramingError) in
                .varint(try VarintConfiguration(maximumFrameLength: maximum, overlongFrames: overlongFrames))
            }
        } else {
            let header = try Self.compile(arguments.values["header"] ?? "!I")
            let lengthAdjustment = adjustment ?? 0
            framing = try Self.configure { () throws(FramingError) in
                let options = try LengthFieldConfiguration(
                    header: header, lengthAdjustment: lengthAdjustment, maximumFrameLength: maximum,
                    overlongFrames: overlongFrames)
                return .lengthField(options)
            }
        }
    }

    /// Runs a StreamFramer configuration initializer, turning its error into a failure with
    /// StreamFramer's message.
    ///
    /// - Throws: ``ToolError`` failure carrying ``FramingError/message``.
    private static func configure(_ make: () throws(FramingError) -> Framing) throws(ToolError) -> Framing {
        do {
            return try make()
        } catch {
            throw .failure(error.message)
        }
    }

    /// Compiles the header format, keeping CPython's message for a bad one.
    ///
    /// - Throws: ``ToolError`` with CPython's message (`bad char in struct format`).
    private static func compile(_ format: String) throws(ToolError) -> Struct {
        do {
            return try Struct(format)
        } catch {
            throw ToolError(error)
        }
    }

    /// Decodes `--delimiter`: comma-separated HEX, each part read as `bytes.fromhex` reads it.
    ///
    /// - Throws: ``ToolError`` `invalid --delimiter HEX: expected a hexadecimal digit at
    ///   position N, found 'C'`, N counting characters of the whole option value from 0.
    private static func delimiters(_ text: String) throws(ToolError) -> [[UInt8]] {
        var delimiters: [[UInt8]] = []
        var position = 0
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let partText = String(part)
            do {
                delimiters.append(try HexDecoder.decode(partText))
            } catch {
                let whole = HexError(position: position + error.position, found: error.found)
                throw .failure("invalid --delimiter HEX: \(whole)")
            }
            position += partText.unicodeScalars.count + 1
        }
        return delimiters
    }

    /// Parses an integer option's value as a Python integer literal (`4096`, `0x1000`,
    /// `16_777_216`, `-4`) that must lie in `range`.
    ///
    /// - Throws: ``ToolError`` usage error `--NAME needs an integer from LOW to HIGH, not
    ///   'TEXT'`.
    private static func integer(_ text: String, option: String, in range: ClosedRange<Int>, usage: String)
        throws(ToolError) -> Int
    {
        if case .integer(let integer)? = try? PythonLiteralParser.parse(text),
            let value = integer.exactInt128.flatMap({ Int(exactly: $0) }), range.contains(value)
        {
            return value
        }
        let shown = PythonRepr.string(PackCommand.abbreviated(text))
        let message = "--\(option) needs an integer from \(range.lowerBound) to \(range.upperBound), not \(shown)"
        throw .usage(message, usage: usage)
    }
}
