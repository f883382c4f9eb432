import StructPack

/// `inspect --iter`: the input as back-to-back records, as `iter_unpack` reads it, but shown
/// whatever its length: every whole record, then the bytes left over (the start of a record the
/// input ends inside), then CPython's error for them.
///
/// ```
/// '<IH', 14 bytes   [record 0: 0..<6] [record 1: 6..<12] [left over: 12..<14]
///                   error: iterative unpacking requires a buffer of a multiple of 6 bytes
/// ```
///
/// A source of known length is read a bounded batch of records at a time (about 1 MiB), so a
/// large file is never held whole; a stream is read whole first (at most the memory limit), as
/// `unpack --iter` reads one, so that the counts are known before anything is printed.
public struct RecordIteration {
    /// The reader, with the format and the memory limit.
    public let reader: RecordReader
    /// The input's length in bytes.
    public let inputCount: Int
    /// The number of whole records.
    public let recordCount: Int
    /// The number of bytes after the last whole record.
    public let leftoverCount: Int
    /// CPython's error for the input (left-over bytes), or `nil`.
    public let error: ToolError?
    private let source: any ByteSource

    /// Checks the format and measures the input.
    ///
    /// - Throws: ``ToolError``: CPython's `cannot iteratively unpack with a struct of length 0`
    ///   (nothing can be shown), a stream beyond the memory limit, a read error.
    public init(reader: RecordReader, source: any ByteSource) throws(ToolError) {
        let format = reader.format
        do {
            // Fails only for a format of size 0, with CPython's message.
            _ = try format.recordCount(iterating: 0)
        } catch {
            throw ToolError(error)
        }
        var known = source
        if source.knownCount == nil {
            let bytes = try source.readNext(upTo: reader.memoryLimit + 1)
            guard bytes.count <= reader.memoryLimit else { throw reader.streamTooLarge() }
            known = MemoryByteSource(bytes)
        }
        let count = known.knownCount ?? 0
        self.reader = reader
        self.source = known
        self.inputCount = count
        self.recordCount = count / format.size
        self.leftoverCount = count % format.size
        if recordCount > 0 && format.size > reader.memoryLimit { throw reader.recordTooLarge() }
        if leftoverCount > reader.memoryLimit { throw reader.recordTooLarge() }
        do {
            _ = try format.recordCount(iterating: count)
            error = nil
        } catch {
            self.error = ToolError(error)
        }
    }

    /// Calls `body` with each whole record's index, offset and bytes, in order.
    ///
    /// - Throws: ``ToolError`` for a read error, or what `body` throws.
    /// - Complexity: O(input) time; O(1 MiB or one record) memory.
    public func forEachRecord(_ body: (_ index: Int, _ start: Int, _ bytes: [UInt8]) throws(ToolError) -> Void)
        throws(ToolError)
    {
        let size = reader.format.size
        let batch = max(1, min(reader.memoryLimit, 1 << 20) / size)
        var done = 0
        while done < recordCount {
            let wanted = min(batch, recordCount - done)
            let bytes = try source.read(at: done * size, count: wanted * size)
            guard bytes.count == wanted * size else {
                throw .failure("input ended early (did the file change while it was read?)")
            }
            for item in 0..<wanted {
                try body(done + item, (done + item) * size, Array(bytes[(item * size)..<((item + 1) * size)]))
            }
            done += wanted
        }
    }

    /// The bytes after the last whole record and where they start.
    ///
    /// - Throws: ``ToolError`` for a read error.
    public func leftover() throws(ToolError) -> (start: Int, bytes: [UInt8]) {
        let start = recordCount * reader.format.size
        let bytes = try source.read(at: start, count: leftoverCount)
        guard bytes.count == leftoverCount else {
            throw .failure("input ended early (did the file change while it was read?)")
        }
        return (start, bytes)
    }
}
