/// The bytes shown by hex-dump text read from another source (`--dump`): a stream, decoded
/// 64 KiB of text at a time with ``DumpDecoder``.
///
/// ```
/// file or pipe  "00000000: 0100 0000 0200  ......\n"  →  DumpByteSource  →  01 00 00 00 02 00
/// ```
///
/// Its length is not known before the end (``knownCount`` is `nil`), so ``RecordReader`` reads
/// it in order, as it reads a pipe. Memory: one read of text, one line of the dump, and the
/// bytes decoded from one read; a line repeated by `*` is expanded only as it is read.
public final class DumpByteSource: ByteSource {
    /// The most text read from the underlying source at a time.
    static let textReadSize = 1 << 16

    private let text: any ByteSource
    private var decoder = DumpDecoder()
    private var pieces: [DumpDecoder.Piece] = []
    /// The first piece not yet read, and how many of its bytes have been read.
    private var pieceIndex = 0
    private var pieceOffset = 0
    private var textEnded = false
    /// Where text is read into.
    private var scratch = [UInt8](repeating: 0, count: textReadSize)

    /// The bytes of the dump text that `text` holds.
    public init(text: any ByteSource) {
        self.text = text
    }

    /// Always `nil`: the dump's length is known only at its end.
    public var knownCount: Int? { nil }

    /// Never called for a stream; reads nothing.
    public func read(at offset: Int, count: Int) -> [UInt8] { [] }

    /// The next decoded bytes, at most `count`; fewer only at the end of the dump.
    ///
    /// - Throws: ``ToolError`` `invalid dump: line N: …`, or the text source's read error.
    /// - Complexity: O(`count` + text read); memory O(min(`count`, bytes available)).
    public func readNext(upTo count: Int) throws(ToolError) -> [UInt8] {
        var result: [UInt8] = []
        while result.count < count {
            guard try fill() else { break }
            take(upTo: count - result.count) { result.append(contentsOf: $0) }
        }
        return result
    }

    /// Reads text until some bytes are decoded (or the dump ends), then copies what it has.
    ///
    /// - Returns: The number of bytes written; 0 only at the end of the dump.
    /// - Throws: ``ToolError`` `invalid dump: line N: …`, or the text source's read error.
    public func readAvailable(into buffer: UnsafeMutableRawBufferPointer) throws(ToolError) -> Int {
        guard buffer.count > 0, try fill() else { return 0 }
        var written = 0
        take(upTo: buffer.count) { (bytes) in
            // safe because take hands out at most buffer.count - written bytes in total.
            UnsafeMutableRawBufferPointer(rebasing: buffer[written..<(written + bytes.count)]).copyBytes(from: bytes)
            written += bytes.count
        }
        return written
    }

    // MARK: Pieces

    /// Makes sure a decoded byte is waiting, reading and decoding text as needed.
    ///
    /// - Returns: `false` at the end of the dump.
    private func fill() throws(ToolError) -> Bool {
        while pieceIndex == pieces.count {
            pieces.removeAll(keepingCapacity: true)
            pieceIndex = 0
            pieceOffset = 0
            if textEnded { return false }
            // One read of whatever has arrived, so a dump through a pipe is decoded as it comes.
            let source = text
            let count = try scratch.withUnsafeMutableBytes { (buffer) in
                Result { () throws(ToolError) in try source.readAvailable(into: buffer) }
            }.get()
            do {
                if count == 0 {
                    textEnded = true
                    try decoder.finish(into: &pieces)
                } else {
                    try decoder.decode(scratch[..<count], into: &pieces)
                }
            } catch {
                throw .failure("invalid dump: \(error)")
            }
        }
        return true
    }

    /// Hands out up to `limit` waiting bytes in order, in slices of at most 64 KiB.
    private func take(upTo limit: Int, _ body: (ArraySlice<UInt8>) -> Void) {
        var remaining = limit
        while remaining > 0 && pieceIndex < pieces.count {
            switch pieces[pieceIndex] {
            case .bytes(let bytes):
                let count = min(remaining, bytes.count - pieceOffset)
                body(bytes[pieceOffset..<(pieceOffset + count)])
                advance(by: count, pieceLength: bytes.count)
                remaining -= count
            case .repeated(let pattern, let repeats):
                // pattern.count * repeats is a gap between two offsets: it fits an Int.
                let total = pattern.count * repeats
                let count = min(remaining, total - pieceOffset, 1 << 16)
                var chunk: [UInt8] = []
                chunk.reserveCapacity(count)
                var index = pieceOffset % pattern.count
                for _ in 0..<count {
                    chunk.append(pattern[index])
                    index = index + 1 == pattern.count ? 0 : index + 1
                }
                body(chunk[...])
                advance(by: count, pieceLength: total)
                remaining -= count
            }
        }
    }

    /// Moves past `count` bytes of the current piece, to the next piece at its end.
    private func advance(by count: Int, pieceLength: Int) {
        pieceOffset += count
        if pieceOffset == pieceLength {
            pieceIndex += 1
            pieceOffset = 0
        }
    }
}
