import StructPack

/// `structpack inspect [--iter | --offset N] [--json | --annotate [--color WHEN]] [--dump]
/// FORMAT HEX...|--file PATH`: a record (or every record) taken apart field by field, as a
/// table, JSON or an annotated hex dump, whether or not the input fits the format.
///
/// ```
/// input fits            rows of the record                           exit 0
/// input ends early      complete rows, the row the data ends in      CPython's error, exit 1
/// input too long        the record's rows, a trailing row            CPython's error, exit 1
/// --iter                every record, the left-over start of one     CPython's error if any
/// ```
public enum InspectCommand: ToolCommand {
    /// The command name.
    public static let name = "inspect"
    /// The line in `structpack --help`.
    public static let summary = "show each field's offset, size, code, bytes and value, also of short input"
    /// The usage line.
    public static let usage =
        "structpack inspect [--iter | --offset N] [--json | --annotate [--color WHEN]] [--dump] "
        + "FORMAT (HEX... | --file PATH)"
    /// The accepted options.
    public static let options: [OptionSpec] =
        InputOptions.specs + [.flag("iter"), .flag("json"), .flag("annotate"), .value("color", "WHEN")]
    /// The text of `structpack help` for this command.
    public static let help = """
        usage: \(usage)

        Unpacks one record as 'structpack unpack' does and prints a table with one row per
        value (one per item of a repeated code such as 3i; one for a whole s or p string),
        one per run of x pad bytes and one per gap of alignment padding: the offset in the
        input, the size, the code, the raw bytes in hex (cut after 16 bytes) and the value as
        Python's repr.

        When the input does not fit, the rows are still shown, then Python's error (exit
        status 1): if the data ends inside the record, every complete row and a row saying how
        many of its bytes the data ends after; if there is more than one record, the record
        and a row for the trailing bytes.

        options:
          --file PATH     read raw bytes from PATH instead of HEX ('-' reads standard input)
          --dump          the input is the text of a hex dump (xxd, hexdump -C, od -An -tx1,
                          Wireshark's "Copy as Hex Dump"), as for 'structpack unpack'
          --offset N      inspect the record at byte N, as struct.unpack_from (negative N counts
                          from the end); offsets in the table are offsets in the input
          --iter          inspect back-to-back records, as struct.iter_unpack: a record column
                          numbers them; left-over bytes show as the start of one more record
          --json          print a JSON document instead (its shape is in SPEC.md)
          --annotate      print the bytes as xxd does (offset, 16 bytes, ASCII) with a '|' where
                          each row starts, and each row's code and value after the ASCII column
          --color WHEN    colours for --annotate: auto (the default: when standard output is a
                          terminal and NO_COLOR is not set), always or never

        examples:
          $ structpack inspect '@BxI2s?' 07 00 0000 2a000000 6162 01
          format '@BxI2s?': 11 bytes, 4 values; native byte order (little-endian), native sizes and alignment
          offset  size  code  bytes     value
               0     1  B     07        7
               1     1  x     00        (pad)
               2     2        0000      (alignment)
               4     4  I     2a000000  42
               8     2  2s    6162      b'ab'
              10     1  ?     01        True
          $ structpack inspect '<IH' 01000000 02
          format '<IH': 6 bytes, 2 values; little-endian, standard sizes, no alignment
          offset  size  code  bytes     value
               0     4  I     01000000  1
               4     2  H     02        (data ends: 1 of 2 bytes)
          structpack: error: unpack requires a buffer of 6 bytes
          $ structpack inspect --iter '<HB' 010002 020003 0300
          format '<HB': 3 bytes, 2 values; little-endian, standard sizes, no alignment; 2 records and 2 more bytes in 8 bytes
          record  offset  size  code  bytes  value
               0       0     2  H     0100   1
               0       2     1  B     02     2
               1       3     2  H     0200   2
               1       5     1  B     03     3
               2       6     2  H     0300   3
               2       8     1  B            (data ends: 0 of 1 byte)
          structpack: error: iterative unpacking requires a buffer of a multiple of 3 bytes
          $ structpack inspect --annotate --color never '<6sHH' 474946383961 4001 f000
          format '<6sHH': 10 bytes, 3 values; little-endian, standard sizes, no alignment
          00000000:|47 49 46 38 39 61|40 01|f0 00|                   GIF89a@...        6s b'GIF89a'  H 320  H 240
          $ structpack inspect --offset 1 '<H' '00000000: 0001 00                                  ...'
          format '<H': 2 bytes, 1 value; little-endian, standard sizes, no alignment; record at offset 1
          offset  size  code  bytes  value
               1     2  H     0100   1
          $ structpack inspect --json '<H' 0100
          {
            "format": "<H",
            "prefix": "<",
            "byteOrder": "little",
            "size": 2,
            "valueCount": 1,
            "offset": 0,
            "fields": [
              {"kind": "value", "index": 0, "offset": 0, "size": 2, "present": 2, "code": "H", "hex": "0100", "type": "int", "value": 1, "repr": "1"}
            ],
            "trailing": null,
            "error": null
          }

        """

    /// Reads the record (or records) and writes the chosen report; a failure CPython would
    /// report for the input comes after what could be shown.
    ///
    /// - Throws: ``ToolError``: usage errors for conflicting options, then as `unpack`:
    ///   malformed HEX or dump, CPython's errors for the format, input errors; and CPython's
    ///   error for an input that does not fit, after the output is flushed.
    public static func run(_ arguments: ParsedArguments, context: ToolContext) throws(ToolError) {
        guard let format = arguments.positionals.first else { throw usageError("missing FORMAT") }
        let iterates = arguments.flags.contains("iter")
        if iterates && arguments.values["offset"] != nil {
            throw usageError("--offset cannot be combined with --iter")
        }
        let kind = try ReportKind(arguments, autoColor: context.autoColor)
        let input = try InputOptions(
            hexArguments: Array(arguments.positionals.dropFirst()),
            arguments: arguments,
            usage: usage,
            context: context
        )
        let compiled = try compile(format)
        let reader = RecordReader(format: compiled, memoryLimit: context.memoryLimit)
        let failure =
            iterates
            ? try inspectRecords(reader, in: input.source, report: kind, to: context.output)
            : try inspectRecord(reader, in: input.source, offset: input.offset, report: kind, to: context.output)
        if let failure {
            // What was shown is part of the result, as frames' lines before a bad frame are.
            try context.output.flush()
            throw failure
        }
    }

    /// One record (`unpack` or `unpack_from`), shown as far as the input holds it.
    ///
    /// - Returns: CPython's error for the input, to report after the output.
    /// - Throws: ``ToolError`` when nothing can be shown: the record lies outside the input, or
    ///   the input cannot be read.
    private static func inspectRecord(
        _ reader: RecordReader,
        in source: any ByteSource,
        offset: Int?,
        report kind: ReportKind,
        to output: any OutputSink
    ) throws(ToolError) -> ToolError? {
        let extract = try reader.extract(in: source, offset: offset)
        guard let start = extract.start else {
            throw extract.error ?? .failure("the record is outside the input")
        }
        let inspection = try Inspection(format: reader.format, record: extract.bytes, start: start)
        let summary = Inspection.summaryLine(format: reader.format, start: start, iteration: nil)
        var report = kind.report(format: reader.format, summary: summary, iterates: false, to: output) {
            InspectionTable.widths(for: inspection, trailing: extract.trailing)
        }
        try report.begin()
        try report.record(inspection, index: nil)
        if let trailing = extract.trailing { try report.trailing(trailing) }
        try report.end(error: extract.error)
        return extract.error
    }

    /// Back-to-back records (`iter_unpack`), then the left-over start of one more.
    ///
    /// - Returns: CPython's error for the input, to report after the output.
    /// - Throws: ``ToolError`` for a format of size 0 and input errors.
    private static func inspectRecords(
        _ reader: RecordReader,
        in source: any ByteSource,
        report kind: ReportKind,
        to output: any OutputSink
    ) throws(ToolError) -> ToolError? {
        let format = reader.format
        let iteration = try RecordIteration(reader: reader, source: source)
        let summary = Inspection.summaryLine(format: format, start: nil, iteration: iteration)
        var report = kind.report(format: format, summary: summary, iterates: true, to: output) {
            InspectionTable.widths(for: format, iteration: iteration)
        }
        try report.begin()
        try iteration.forEachRecord { (index, start, bytes) throws(ToolError) in
            try report.record(try Inspection(format: format, record: bytes, start: start), index: index)
        }
        if iteration.leftoverCount > 0 {
            let leftover = try iteration.leftover()
            let partial = try Inspection(format: format, record: leftover.bytes, start: leftover.start)
            try report.record(partial, index: iteration.recordCount)
        }
        try report.end(error: iteration.error)
        return iteration.error
    }

    /// The output chosen by `--json`, `--annotate` and `--color`.
    private enum ReportKind {
        case table
        case json
        case annotated(TerminalStyle)

        /// Reads the options.
        ///
        /// - Throws: ``ToolError`` usage errors: `--json` with `--annotate`, `--color` without
        ///   `--annotate`, a `--color` value other than `auto`, `always`, `never`.
        init(_ arguments: ParsedArguments, autoColor: Bool) throws(ToolError) {
            let annotates = arguments.flags.contains("annotate")
            if arguments.flags.contains("json") {
                guard !annotates else { throw usageError("--annotate cannot be combined with --json") }
            }
            if arguments.values["color"] != nil && !annotates {
                throw usageError("--color applies only to --annotate")
            }
            if annotates {
                let choice =
                    try arguments.values["color"].map { (text) throws(ToolError) in
                        try ColorChoice.parse(text, usage: usage)
                    } ?? .auto
                self = .annotated(choice.style(autoColor: autoColor))
            } else {
                self = arguments.flags.contains("json") ? .json : .table
            }
        }

        /// The report; `widths` gives the table's columns.
        func report(
            format: Struct,
            summary: String,
            iterates: Bool,
            to output: any OutputSink,
            widths: () -> InspectionTable.Widths
        ) -> any InspectionReport {
            switch self {
            case .table: InspectionTable(output: output, summary: summary, widths: widths())
            case .json: InspectionJSON(output: output, format: format, iterates: iterates)
            case .annotated(let style): AnnotatedDump(output: output, summary: summary, style: style)
            }
        }
    }
}
