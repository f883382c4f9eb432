/// A dump given as `HEX` arguments, decoded up front: a source of known length, read at
/// offsets like decoded hex, whose `*` repeats are never expanded beyond the bytes read.
///
/// ```
/// "00000000  00 01 … 0f  |…|\n*\n00100000  ff  |.|"  →  [bytes 00…0f] [repeated ×65535] [ff]
///                                                         knownCount 1048577
/// ```
///
/// Decoding the whole text first reports a malformed dump before the format is compiled, as
/// malformed `HEX` is (SPEC §2.6), and gives the length that `unpack`'s checks need.
public final class DecodedDumpSource: ByteSource {
    /// The pieces and where each starts.
    private let pieces: [DumpDecoder.Piece]
    private let starts: [Int]
    /// The number of bytes the dump shows.
    public let knownCount: Int?
    private var position = 0

    /// Decodes `text` whole.
    ///
    /// - Throws: ``ToolError`` `invalid dump: line N: …`.
    /// - Complexity: O(`text` length); memory O(`text` length), whatever the repeats.
    public init(text: String) throws(ToolError) {
        var decoder = DumpDecoder()
        var pieces: [DumpDecoder.Piece] = []
        do {
            try decoder.decode(text.utf8, into: &pieces)
            try decoder.finish(into: &pieces)
        } catch {
            throw .failure("invalid dump: \(error)")
        }
        var starts: [Int] = []
        var total = 0
        for piece in pieces {
            starts.append(total)
            // Lengths add up to the dump's last offset minus its first: an Int.
            total += Self.length(of: piece)
        }
        self.pieces = pieces
        self.starts = starts
        self.knownCount = total
    }

    /// The bytes in `offset ..< offset + count`, clipped to the end.
    ///
    /// - Complexity: O(pieces + `count`).
    public func read(at offset: Int, count: Int) -> [UInt8] {
        let total = knownCount ?? 0
        let start = min(max(0, offset), total)
        let end = start + min(max(0, count), total - start)
        var result: [UInt8] = []
        result.reserveCapacity(end - start)
        for (piece, pieceStart) in zip(pieces, starts) {
            let pieceEnd = pieceStart + Self.length(of: piece)
            guard pieceEnd > start, pieceStart < end else { continue }
            let from = max(start, pieceStart) - pieceStart
            let to = min(end, pieceEnd) - pieceStart
            switch piece {
            case .bytes(let bytes):
                result += bytes[from..<to]
            case .repeated(let pattern, _):
                var index = from % pattern.count
                for _ in from..<to {
                    result.append(pattern[index])
                    index = index + 1 == pattern.count ? 0 : index + 1
                }
            }
        }
        return result
    }

    /// The next `count` bytes, clipped to the end.
    public func readNext(upTo count: Int) -> [UInt8] {
        let chunk = read(at: position, count: count)
        position += chunk.count
        return chunk
    }

    /// The number of bytes a piece stands for.
    private static func length(of piece: DumpDecoder.Piece) -> Int {
        switch piece {
        case .bytes(let bytes): bytes.count
        case .repeated(let pattern, let count): pattern.count * count
        }
    }
}
