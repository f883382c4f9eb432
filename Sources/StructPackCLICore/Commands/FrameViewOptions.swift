import StructPack

/// What `frames` shows of each frame, beyond its payload's hex: `--header-values`,
/// `--unpack FMT` (with `--iter`), `--json`; and `--dump` for dump text as input.
///
/// | Options | Each frame's line |
/// |---------|-------------------|
/// | none | `68656c6c6f` (the payload in hex) |
/// | `--header-values` | `(b'Q', 13) 53454c454354203100` (the header's values, then the payload) |
/// | `--unpack '<HH'` | `(1, 2)` (Python's repr of `struct.unpack(FMT, payload)`), or `error: MESSAGE` |
/// | `--unpack '<H' --iter` | `[(1,), (2,)]` (`list(struct.iter_unpack(FMT, payload))`) |
/// | `--json` | one JSON object with all of it (SPEC §2.5) |
struct FrameViewOptions {
    /// The options that choose what is shown.
    static let specs: [OptionSpec] = [
        .flag("header-values"), .value("unpack", "FMT"), .flag("iter"), .flag("json"), .flag("dump"),
    ]

    /// Whether each line starts with the header's values.
    let showsHeaderValues: Bool
    /// The format each payload is unpacked with.
    let unpackFormat: Struct?
    /// Whether payloads are unpacked as back-to-back records.
    let iterates: Bool
    /// Whether each frame is a JSON object instead of a line of text.
    let writesJSON: Bool
    /// Whether the input is the text of a hex dump.
    let readsDump: Bool

    /// Checks the options' combinations; usage errors come before the framing's.
    ///
    /// - Throws: ``ToolError`` usage errors: `--iter` without `--unpack`, `--header-values`
    ///   with `--delimiter` (delimited frames have no header).
    static func checkUsage(_ arguments: ParsedArguments, usage: String) throws(ToolError) {
        if arguments.flags.contains("iter") && arguments.values["unpack"] == nil {
            throw .usage("--iter needs --unpack FMT", usage: usage)
        }
        if arguments.flags.contains("header-values") && arguments.values["delimiter"] != nil {
            throw .usage(
                "--header-values cannot be combined with --delimiter (delimited frames have no header)",
                usage: usage
            )
        }
    }

    /// Reads the options, compiling `--unpack`'s format.
    ///
    /// - Throws: ``ToolError`` failures with CPython's message for a bad FMT, and for `--iter`
    ///   with a format of size 0 (`cannot iteratively unpack with a struct of length 0`).
    init(arguments: ParsedArguments) throws(ToolError) {
        showsHeaderValues = arguments.flags.contains("header-values")
        iterates = arguments.flags.contains("iter")
        writesJSON = arguments.flags.contains("json")
        readsDump = arguments.flags.contains("dump")
        guard let text = arguments.values["unpack"] else {
            unpackFormat = nil
            return
        }
        do {
            let format = try Struct(text)
            if iterates { _ = try format.recordCount(iterating: 0) }
            unpackFormat = format
        } catch {
            throw ToolError(error)
        }
    }
}
