/// Bytes that `unpack`, `inspect` and `frames` read: decoded hex, a file, or standard input.
///
/// A source whose length is known up front (hex, a regular file) is read at offsets, so only
/// the bytes a record needs are ever read; any other source (a pipe, a terminal) is read in
/// order. `frames` reads every source in order with ``readAvailable(into:)``, which returns as
/// soon as some bytes have arrived.
public protocol ByteSource: AnyObject {
    /// The number of bytes in the source when known without reading it; `nil` for streams.
    var knownCount: Int? { get }

    /// Reads `count` bytes starting `offset` bytes into the source; fewer only if the source
    /// ends first. Called only when ``knownCount`` is not `nil`.
    ///
    /// - Throws: ``ToolError`` when reading fails.
    func read(at offset: Int, count: Int) throws(ToolError) -> [UInt8]

    /// Reads the next bytes in order, at most `count`; fewer only at the end of the source.
    ///
    /// - Throws: ``ToolError`` when reading fails.
    func readNext(upTo count: Int) throws(ToolError) -> [UInt8]

    /// Reads the next bytes in order straight into `buffer`, waiting only until at least one
    /// byte is available: from a pipe, whatever one `read` returns, so a reader can act on
    /// each piece as soon as it arrives instead of waiting for `buffer.count` bytes.
    ///
    /// The default implementation reads with ``readNext(upTo:)`` and copies.
    ///
    /// - Parameter buffer: Where to write; at most `buffer.count` bytes are written.
    /// - Returns: The number of bytes written: 0 only at the end of the source (or for an
    ///   empty `buffer`).
    /// - Throws: ``ToolError`` when reading fails.
    /// - Warning: Do not escape the pointer.
    func readAvailable(into buffer: UnsafeMutableRawBufferPointer) throws(ToolError) -> Int
}

extension ByteSource {
    /// Reads up to `buffer.count` bytes with ``readNext(upTo:)`` and copies them into `buffer`.
    ///
    /// - Returns: The number of bytes written; 0 only at the end of the source.
    /// - Throws: ``ToolError`` when reading fails.
    public func readAvailable(into buffer: UnsafeMutableRawBufferPointer) throws(ToolError) -> Int {
        let bytes = try readNext(upTo: buffer.count)
        // safe because readNext returns at most buffer.count bytes; min() keeps it so regardless.
        let count = min(bytes.count, buffer.count)
        buffer.copyBytes(from: bytes[..<count])
        return count
    }

    /// Reads and discards up to `count` bytes in order, in bounded chunks.
    ///
    /// - Returns: The number of bytes skipped; fewer than `count` only at the end of the source.
    /// - Throws: ``ToolError`` when reading fails.
    /// - Complexity: O(`count`) time, O(1) memory.
    public func skip(_ count: Int) throws(ToolError) -> Int {
        var skipped = 0
        while skipped < count {
            let chunk = try readNext(upTo: min(count - skipped, 1 << 16))
            if chunk.isEmpty { break }
            skipped += chunk.count
        }
        return skipped
    }
}

/// Bytes already in memory (decoded hex), read like a regular file.
public final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    /// A source over `bytes`.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The number of bytes.
    public var knownCount: Int? { bytes.count }

    /// The bytes in `offset ..< offset + count`, clipped to the end.
    public func read(at offset: Int, count: Int) -> [UInt8] {
        let start = min(max(0, offset), bytes.count)
        let end = start + min(max(0, count), bytes.count - start)
        return Array(bytes[start..<end])
    }

    /// The next `count` bytes, clipped to the end.
    public func readNext(upTo count: Int) -> [UInt8] {
        let chunk = read(at: position, count: count)
        position += chunk.count
        return chunk
    }
}

/// A stream in memory (no known length), for testing the paths taken for pipes.
public final class MemoryStreamSource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    /// A stream of `bytes`.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Always `nil`: a stream's length is unknown until it ends.
    public var knownCount: Int? { nil }

    /// Never called for a stream; reads nothing.
    public func read(at offset: Int, count: Int) -> [UInt8] { [] }

    /// The next bytes, at most `buffer.count` and at most 4096 (one pipe delivery).
    ///
    /// - Returns: The number of bytes written; 0 only at the end.
    public func readAvailable(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(buffer.count, 4096, bytes.count - position)
        // safe because position + count <= bytes.count and count <= buffer.count.
        buffer.copyBytes(from: bytes[position..<(position + count)])
        position += count
        return count
    }

    /// The next bytes, at most `count` and at most 4096 at a time (as a pipe delivers them).
    public func readNext(upTo count: Int) -> [UInt8] {
        var result: [UInt8] = []
        while result.count < count && position < bytes.count {
            let end = min(bytes.count, position + min(4096, count - result.count))
            result += bytes[position..<end]
            position = end
        }
        return result
    }
}
