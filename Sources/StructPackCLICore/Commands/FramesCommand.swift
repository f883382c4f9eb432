import StreamFramer

/// `structpack frames [--header FMT] [--length-adjustment N] [--max-frame N] [--delimiter HEX |
/// --varint] [FILE|-]`: splits a framed byte stream with StreamFramer and prints each frame's
/// payload as lowercase hex on its own line.
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
/// reported after every complete frame before it has been printed. With `--discard-overlong` a
/// frame over the maximum is skipped instead, and the line `discarded frame of length N` is
/// printed where its payload would have been.
public enum FramesCommand: ToolCommand {
    /// The command name.
    public static let name = "frames"
    /// The line in `structpack --help`.
    public static let summary = "split a framed stream into frames, one payload per line in hex"
    /// The usage line.
    public static let usage =
        "structpack frames [--header FMT] [--length-adjustment N] [--max-frame N] "
        + "[--delimiter HEX | --varint] [--discard-overlong] [FILE|-]"
    /// The accepted options.
    public static let options: [OptionSpec] = FramingOptions.specs
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

        """

    /// The most bytes read from the input at a time.
    static let readSize = 1 << 16
    /// The most payload bytes turned into hex at a time.
    static let hexChunkSize = 1 << 15

    /// Reads the input and prints the payloads.
    ///
    /// - Throws: ``ToolError``: usage errors for the options, failures for a bad header format
    ///   or delimiter, an input that cannot be opened or read, and frame errors (with
    ///   StreamFramer's ``FramingError/message``). Every frame completed before a failure has
    ///   been written and flushed when it throws.
    public static func run(_ arguments: ParsedArguments, context: ToolContext) throws(ToolError) {
        guard arguments.positionals.count <= 1 else { throw usageError("frames takes at most one FILE") }
        let framing = try FramingOptions(arguments: arguments, usage: usage).framing
        let source = try context.openInput(arguments.positionals.first ?? "-")
        var framer = Framer(framing)
        do {
            try split(source, with: &framer, to: context.output)
        } catch {
            // The lines of the frames before the error are part of the result.
            try? context.output.flush()
            throw error
        }
    }

    /// The read loop: append what the source has, print every frame it completes, flush, and
    /// at the end of the source print the frames `finish()` returns.
    ///
    /// - Throws: ``ToolError`` for read, write and frame errors.
    /// - Complexity: O(input length) time; O(maximum frame + ``readSize``) memory.
    private static func split(_ source: any ByteSource, with framer: inout Framer, to output: any OutputSink)
        throws(ToolError)
    {
        while true {
            let count = try framer.appendWithUnsafeMutableBytes(maximumByteCount: readSize) {
                (buffer) throws(ToolError) -> Int in
                try source.readAvailable(into: buffer)
            }
            if count == 0 { break }
            try printFrames(from: &framer, to: output, atEnd: false)
            try output.flush()
        }
        try printFrames(from: &framer, to: output, atEnd: true)
    }

    /// Prints every frame the framer has complete: with `next()`, or at the end of the input
    /// with `finish()`.
    ///
    /// - Throws: ``ToolError`` failure with the ``FramingError/message``, or a write error.
    private static func printFrames(from framer: inout Framer, to output: any OutputSink, atEnd: Bool)
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
            case .frame(let frame)?: try printLine(frame.payload, to: output)
            case .discarded(let discarded)?: try output.write("discarded frame of length \(discarded.claimedLength)\n")
            }
        }
    }

    /// Writes `payload` as lowercase hex and a newline, a bounded chunk at a time, so a large
    /// frame never exists whole as text.
    ///
    /// - Throws: ``ToolError`` when the output refuses the bytes.
    static func printLine(_ payload: FrameBytes, to output: any OutputSink) throws(ToolError) {
        try payload.withUnsafeBytes { (bytes) throws(ToolError) in
            var start = 0
            while start < bytes.count {
                let end = bytes.count - start > hexChunkSize ? start + hexChunkSize : bytes.count
                try output.write(HexEncoder.encodedUTF8(UnsafeRawBufferPointer(rebasing: bytes[start..<end])))
                start = end
            }
        }
        try output.write([0x0A])
    }
}
