public import StructPack

/// Reads the bytes of records from a ``ByteSource`` with CPython's checks and messages, holding
/// no more than a bounded number of bytes in memory.
///
/// - `unpack` (no offset): the source must hold exactly one record.
/// - `unpack_from` (an offset, negative from the end): one record at the offset.
/// - `iter_unpack`: back-to-back records filling the source.
///
/// A source of known length (hex, a regular file) is checked from its length and only the
/// record's bytes are read. A stream is read in order, up to the record (a negative offset
/// keeps only a window of the last bytes).
public struct RecordReader {
    /// The compiled format of each record.
    public let format: Struct
    /// The most bytes held in memory from the source; larger needs fail with ``ToolError``.
    public let memoryLimit: Int

    /// A reader for records of `format`, holding at most `memoryLimit` bytes (by default
    /// StructPack's own allocation limit, 2 GiB).
    public init(format: Struct, memoryLimit: Int = Struct.allocationLimit) {
        self.format = format
        self.memoryLimit = memoryLimit
    }

    /// One record's bytes and where it starts in the source.
    public struct Record {
        /// The ``Struct/size`` bytes of the record.
        public let bytes: [UInt8]
        /// The record's offset from the start of the source.
        public let start: Int
    }

    /// Reads the record `unpack` (when `offset` is `nil`) or `unpack_from` reads.
    ///
    /// - Throws: ``ToolError`` with CPython's message when the source does not fit the format,
    ///   or when the record is not within ``memoryLimit`` bytes of reach.
    public func record(in source: any ByteSource, offset: Int?) throws(ToolError) -> Record {
        do {
            if let count = source.knownCount {
                return try recordOfKnownSource(source, count: count, offset: offset)
            }
            guard let offset else { return try wholeStream(source) }
            return offset >= 0
                ? try streamRecord(source, at: offset) : try streamTailRecord(source, at: offset)
        } catch let error as StructError {
            throw ToolError(error)
        } catch let error as ToolError {
            throw error
        } catch {
            throw .failure("\(error)")
        }
    }

    /// Calls `body` with each record's values in order (`iter_unpack`).
    ///
    /// Every check CPython makes happens before the first call. A regular file is then read a
    /// bounded batch of records at a time; a stream is read whole first (it must fit in
    /// ``memoryLimit``).
    ///
    /// - Throws: ``ToolError`` with CPython's message, or whatever `body` throws.
    /// - Complexity: O(source length) time; O(min(source length, batch)) memory for sources of
    ///   known length.
    public func forEachRecord(in source: any ByteSource, _ body: ([StructValue]) throws(ToolError) -> Void)
        throws(ToolError)
    {
        guard let count = source.knownCount else {
            let bytes = try source.readNext(upTo: memoryLimit + 1)
            guard bytes.count <= memoryLimit else { throw streamTooLarge() }
            let records = try structCall { () throws(StructError) in try format.iterUnpack(bytes) }
            for values in records { try body(Array(values)) }
            return
        }
        let total = try structCall { () throws(StructError) in try format.recordCount(iterating: count) }
        guard format.size <= memoryLimit else { throw recordTooLarge() }
        let batch = max(1, min(memoryLimit, 1 << 20) / format.size)
        var done = 0
        while done < total {
            let wanted = min(batch, total - done)
            let bytes = try source.read(at: done * format.size, count: wanted * format.size)
            guard bytes.count == wanted * format.size else {
                throw .failure("input ended early (did the file change while it was read?)")
            }
            let records = try structCall { () throws(StructError) in try format.iterUnpack(bytes) }
            for values in records { try body(Array(values)) }
            done += wanted
        }
    }

    // MARK: Sources of known length

    private func recordOfKnownSource(_ source: any ByteSource, count: Int, offset: Int?) throws -> Record {
        let range: Range<Int>
        if let offset {
            range = try format.byteRange(unpackingFrom: count, at: offset)
        } else {
            try format.checkUnpackSize(count)
            range = 0..<count
        }
        guard range.count <= memoryLimit else { throw recordTooLarge() }
        let bytes = try source.read(at: range.lowerBound, count: range.count)
        guard bytes.count == range.count else {
            throw ToolError.failure("input ended early (did the file change while it was read?)")
        }
        return Record(bytes: bytes, start: range.lowerBound)
    }

    // MARK: Streams

    /// `unpack` from a stream: exactly one record, then the end.
    private func wholeStream(_ source: any ByteSource) throws -> Record {
        // One byte more than the record tells a longer input from an exact one.
        let wanted = min(format.size, memoryLimit) + 1
        let bytes = try source.readNext(upTo: wanted)
        if bytes.count < wanted || format.size < wanted {
            try format.checkUnpackSize(bytes.count)
            return Record(bytes: bytes, start: 0)
        }
        throw streamTooLarge()
    }

    /// `unpack_from` a stream at a non-negative offset: skip, then read one record.
    private func streamRecord(_ source: any ByteSource, at offset: Int) throws -> Record {
        let skipped = try source.skip(offset)
        guard skipped == offset else {
            _ = try format.byteRange(unpackingFrom: skipped, at: offset)  // throws: too short
            throw streamTooLarge()
        }
        let wanted = min(format.size, memoryLimit)
        let bytes = try source.readNext(upTo: wanted)
        if bytes.count == format.size { return Record(bytes: bytes, start: offset) }
        if bytes.count < wanted {
            // The input ended inside the record; its length is now known.
            _ = try format.byteRange(unpackingFrom: offset + bytes.count, at: offset)  // throws
        }
        throw streamTooLarge()
    }

    /// `unpack_from` a stream at a negative offset: keep a window of the last `-offset` bytes
    /// until the end, whose position then decides.
    private func streamTailRecord(_ source: any ByteSource, at offset: Int) throws -> Record {
        let window = Int(min(offset.magnitude, UInt(memoryLimit)))
        var kept: [UInt8] = []
        var total = 0
        while true {
            let chunk = try source.readNext(upTo: 1 << 16)
            if chunk.isEmpty { break }
            total += chunk.count
            kept += chunk
            if kept.count > max(2 * window, 1 << 16) { kept.removeFirst(kept.count - window) }
        }
        let range = try format.byteRange(unpackingFrom: total, at: offset)
        let keptStart = total - kept.count
        guard range.lowerBound >= keptStart else { throw streamTooLarge() }
        return Record(bytes: Array(kept[(range.lowerBound - keptStart)..<(range.upperBound - keptStart)]),
                      start: range.lowerBound)
    }

    // MARK: Errors

    func recordTooLarge() -> ToolError {
        .failure("a record of \(format.size) bytes is more than structpack reads into memory (\(memoryLimit) bytes)")
    }

    func streamTooLarge() -> ToolError {
        .failure(
            "input stream is longer than structpack holds in memory (\(memoryLimit) bytes); "
                + "give a regular file with --file instead")
    }

    /// Runs a StructPack call, turning its error into a ``ToolError``.
    func structCall<T>(_ call: () throws(StructError) -> T) throws(ToolError) -> T {
        do {
            return try call()
        } catch {
            throw ToolError(error)
        }
    }
}
