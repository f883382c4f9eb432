import StreamFramer
import StructPack

/// `structpack frames [--header FMT] [--length-adjustment N] [--max-frame N] [--delimiter HEX |
/// --varint] [--header-values] [--unpack FMT [--iter]] [--json] [--dump] [FILE|-]`: splits a
/// framed byte stream with StreamFramer and prints each frame on its own line: its payload as
/// lowercase hex, or what `--header-values`, `--unpack` and `--json` ask to see of it.
///
/// ```
///  input   00 00 00 02 68 69 | 00 00 00 00 | 00 00 00 03 61 62 63      ('!I' frames)
///  output  6869
///                                                                   (empty payload)
///          616263
/// ```
///
/// The stream is read in order, at most 64 KiB at a time, and each line is written out (flushed)
/// before the next read waits for input, so a frame's line appears as soon as its last byte
/// arrives, also through pipes. Memory is bounded by the framer (maximum frame length plus one
/// read plus 4 KiB) and a 64 KiB output buffer; the input is never read whole.
///
/// A frame error (a length over the maximum, a negative length, a partial frame at the end) is
/// reported after every complete frame before it has been printed. A payload that does not fit
/// `--unpack`'s format gets an `error:` line and framing goes on; the command then fails. With
/// `--discard-overlong` a frame over the maximum is skipped instead of failing, and the line
/// `discarded frame of length N` (in JSON an object with `"discarded": true`) is printed in its
/// place.
public enum FramesCommand: ToolCommand {
    /// The command name.
    public static let name = "frames"
    /// The line in `structpack --help`.
    public static let summary = "split a framed stream into frames: payloads in hex, header values, unpacked values"
    /// The usage line.
    public static let usage =
        "structpack frames [--header FMT] [--length-adjustment N] [--max-frame N] "
        + "[--delimiter HEX | --varint] [--discard-overlong] [--header-values] [--unpack FMT [--iter]] "
        + "[--json] [--dump] [FILE|-]"
    /// The accepted options.
    public static let options: [OptionSpec] = FramingOptions.specs + FrameViewOptions.specs
    /// The text of `structpack help` for this command.
    public static let help = """
        usage: \(usage)

        Reads a stream of frames from FILE (standard input by default, or with '-') and prints
        each frame's payload as lowercase hex on its own line (an empty payload prints an empty
        line). Each line is written as soon as its frame is complete, so the command can follow
        a live stream through a pipe. Headers and delimiters are not printed.

        By default each frame is a '!I' header (a 4-byte big-endian length) and that many bytes.

        options:
          --header FMT             the header's struct format; its last integer value is the
                                   payload length (default '!I'; others: '<H', 'i', '>Q', '!cI')
          --length-adjustment N    added to the length field to give the payload length
                                   (default 0; -4 for PostgreSQL's '!cI', whose length counts itself)
          --max-frame N            the longest payload accepted, in bytes (default 16777216)
          --delimiter HEX          frames end with these bytes instead ('0a', '0d0a'; several
                                   separated by commas: '0d0a,0a')
          --varint                 each payload follows its length as a varint (protobuf's
                                   delimited streams)
          --discard-overlong       skip a frame whose length is over --max-frame instead of
                                   failing, printing 'discarded frame of length N' in its place
                                   (with --header or --varint)
          --header-values          start each line with the header's values as a Python tuple
                                   (the type byte and length of '!cI'; a varint's length)
          --unpack FMT             print each payload unpacked with FMT (Python's repr) instead
                                   of its hex; a payload of the wrong size prints 'error: ...',
                                   framing goes on, and the command fails at the end
          --iter                   with --unpack: unpack back-to-back records of each payload,
                                   printed as a list of tuples (struct.iter_unpack)
          --json                   print one JSON object per frame instead: index, offset in
                                   the stream, header bytes and values, payload, unpacked values
          --dump                   the input is the text of a hex dump (xxd, hexdump -C, od -An
                                   -tx1, Wireshark's "Copy as Hex Dump"), decoded as it arrives

        A partial frame at the end of the input, a length over --max-frame or a negative length
        prints the frames before it, then fails (exit status 1) with a message naming the value.

        examples:
          $ printf '\\x00\\x00\\x00\\x02hi\\x00\\x00\\x00\\x03abc' | structpack frames
          6869
          616263
          $ printf 'Z\\x00\\x00\\x00\\x05I' | structpack frames --header '!cI' --length-adjustment -4
          49
          $ printf 'one\\x0d\\x0atwo\\x0a' | structpack frames --delimiter 0d0a,0a
          6f6e65
          74776f
          $ printf '\\x03abc\\x01z' | structpack frames --varint
          616263
          7a
          $ printf '\\x00\\x00\\x00\\x02hi\\x00\\x00\\x00\\x09abc' | structpack frames
          6869
          structpack: error: stream ended inside a frame: 7 of 13 bytes buffered
          $ printf 'Q\\x00\\x00\\x00\\x0dSELECT 1\\x00Z\\x00\\x00\\x00\\x05I' | structpack frames --header '!cI' --length-adjustment -4 --header-values
          (b'Q', 13) 53454c454354203100
          (b'Z', 5) 49
          $ printf '\\x00\\x00\\x00\\x04\\x01\\x00\\x02\\x00\\x00\\x00\\x00\\x00' | structpack frames --unpack '<H' --iter
          [(1,), (2,)]
          []
          $ printf '\\x00\\x00\\x00\\x04\\x01\\x00\\x02\\x00\\x00\\x00\\x00\\x01\\xff' | structpack frames --unpack '<HH'
          (1, 2)
          error: unpack requires a buffer of 4 bytes
          structpack: error: 1 of 2 frames did not unpack with '<HH'
          $ printf '00000000: 0000 0002 6869                           ....hi\\x0a' | structpack frames --dump
          6869
          $ printf '\\x03abc' | structpack frames --varint --json
          {"index": 0, "offset": 0, "size": 4, "header": "03", "headerValues": [3], "headerRepr": "(3,)", "delimiter": null, "payload": "616263", "values": null, "repr": null, "error": null, "discarded": false}

        """

    /// The most bytes read from the input at a time.
    static let readSize = 1 << 16

    /// Reads the input and prints the frames.
    ///
    /// - Throws: ``ToolError``: usage errors for the options, failures for a bad header format,
    ///   delimiter or `--unpack` format, an input that cannot be opened or read, frame errors
    ///   (with StreamFramer's ``FramingError/message``), and at the end, payloads that did not
    ///   unpack. Every frame completed before a failure has been written and flushed when it
    ///   throws.
    public static func run(_ arguments: ParsedArguments, context: ToolContext) throws(ToolError) {
        guard arguments.positionals.count <= 1 else { throw usageError("frames takes at most one FILE") }
        try FrameViewOptions.checkUsage(arguments, usage: usage)
        let framing = try FramingOptions(arguments: arguments, usage: usage).framing
        let view = try FrameViewOptions(arguments: arguments)
        let file = try context.openInput(arguments.positionals.first ?? "-")
        let source: any ByteSource = view.readsDump ? DumpByteSource(text: file) : file
        var framer = Framer(framing)
        var report = FrameReport(output: context.output, framing: framing, view: view)
        do {
            try split(source, with: &framer, into: &report)
        } catch {
            // The lines of the frames before the error are part of the result.
            try? context.output.flush()
            throw error
        }
        if report.unpackFailures > 0, let format = view.unpackFormat {
            try context.output.flush()
            throw .failure(
                "\(report.unpackFailures) of \(report.frameCount) frame\(report.frameCount == 1 ? "" : "s") "
                    + "did not unpack with \(PythonRepr.string(format.format))"
            )
        }
    }

    /// The read loop: append what the source has, write every frame it completes, flush, and
    /// at the end of the source write the frames `finish()` returns.
    ///
    /// - Throws: ``ToolError`` for read, write and frame errors.
    /// - Complexity: O(input length) time; O(maximum frame + ``readSize``) memory.
    private static func split(_ source: any ByteSource, with framer: inout Framer, into report: inout FrameReport)
        throws(ToolError)
    {
        while true {
            let count = try framer.appendWithUnsafeMutableBytes(maximumByteCount: readSize) {
                (buffer) throws(ToolError) -> Int in
                try source.readAvailable(into: buffer)
            }
            if count == 0 { break }
            try writeFrames(from: &framer, into: &report, atEnd: false)
            try report.output.flush()
        }
        try writeFrames(from: &framer, into: &report, atEnd: true)
    }

    /// Writes every frame the framer has complete: with `next()`, or at the end of the input
    /// with `finish()`.
    ///
    /// - Throws: ``ToolError`` failure with the ``FramingError/message``, or a write error.
    private static func writeFrames(from framer: inout Framer, into report: inout FrameReport, atEnd: Bool)
        throws(ToolError)
    {
        while true {
            let event: FramingEvent?
            do {
                event = atEnd ? try framer.finish().map(FramingEvent.frame) : try framer.nextEvent()
            } catch {
                throw .failure(error.message)
            }
            switch event {
            case nil: return
            case .frame(let frame)?: try report.write(frame)
            case .discarded(let discarded)?: try report.write(discarded)
            }
        }
    }
}
