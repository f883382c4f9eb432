import StructPack

/// What `inspect` shows of the record `unpack` (or `unpack_from`) reads, whether or not the
/// input fits: the part of the record the input holds, the bytes after it, and CPython's error.
///
/// ```
/// '<IH', 5 bytes      01 00 00 00 | 02           record start 0, 5 of 6 bytes, error
/// '<IH', 8 bytes      01 00 00 00 02 00 | 05 06  the record, 2 trailing bytes, error
/// '<H' --offset 7     (input is 6 bytes)         no record in the input, error only
/// ```
///
/// Reading keeps ``RecordReader``'s bounds: a source of known length is read only where the
/// record is (plus at most 16 trailing bytes); a stream is read in order, a negative offset
/// keeping a window of its end, and trailing bytes of a stream are counted, not kept.
extension RecordReader {
    /// The record's part of the input.
    public struct Extract {
        /// Where the record starts in the input; `nil` when it starts outside the input (an
        /// offset past the end, or before the start), so nothing of it can be shown.
        public let start: Int?
        /// The record's bytes that the input holds: all ``Struct/size`` of them, or fewer when
        /// the input ends inside the record.
        public let bytes: [UInt8]
        /// Without an offset, the bytes after a whole record.
        public let trailing: Trailing?
        /// CPython's error for this input (`unpack requires a buffer of 6 bytes`), if any.
        public let error: ToolError?
    }

    /// Bytes after the record, which make `unpack` fail.
    public struct Trailing: Sendable, Hashable {
        /// Where they start in the input.
        public let offset: Int
        /// How many there are.
        public let count: Int
        /// The first of them, at most ``Trailing/shownCount``.
        public let prefix: [UInt8]

        /// The most trailing bytes read and shown.
        public static let shownCount = 16
    }

    /// Reads the part of the input that holds the record `unpack` (when `offset` is `nil`) or
    /// `unpack_from` reads.
    ///
    /// - Throws: ``ToolError`` only when the input cannot be read, or when the part to show is
    ///   more than ``memoryLimit`` bytes; CPython's errors are returned in ``Extract/error``.
    public func extract(in source: any ByteSource, offset: Int?) throws(ToolError) -> Extract {
        if let count = source.knownCount { return try extractKnown(source, count: count, offset: offset) }
        guard let offset else { return try extractWholeStream(source) }
        return offset >= 0 ? try extractStream(source, at: offset) : try extractStreamTail(source, at: offset)
    }

    // MARK: Sources of known length

    private func extractKnown(_ source: any ByteSource, count: Int, offset: Int?) throws(ToolError) -> Extract {
        let error = cpythonError(bufferCount: count, offset: offset)
        guard let start = Self.recordStart(bufferCount: count, offset: offset) else {
            return Extract(start: nil, bytes: [], trailing: nil, error: error)
        }
        let length = min(format.size, count - start)
        guard length <= memoryLimit else { throw recordTooLarge() }
        let bytes = try source.read(at: start, count: length)
        guard bytes.count == length else { throw inputChanged() }
        var trailing: Trailing?
        if offset == nil && count > format.size {
            let prefix = try source.read(at: format.size, count: min(Trailing.shownCount, count - format.size))
            trailing = Trailing(offset: format.size, count: count - format.size, prefix: prefix)
        }
        return Extract(start: start, bytes: bytes, trailing: trailing, error: error)
    }

    // MARK: Streams

    /// Without an offset: up to the record and one byte more; then the rest is counted.
    private func extractWholeStream(_ source: any ByteSource) throws(ToolError) -> Extract {
        let wanted = min(format.size, memoryLimit) + 1
        var bytes = try source.readNext(upTo: wanted)
        if bytes.count < wanted {
            return Extract(
                start: 0,
                bytes: bytes,
                trailing: nil,
                error: cpythonError(bufferCount: bytes.count, offset: nil)
            )
        }
        guard format.size < wanted else { throw streamTooLarge() }
        // One byte past the record has arrived: keep a few to show, count the rest.
        var prefix = Array(bytes[format.size...])
        bytes.removeLast(bytes.count - format.size)
        prefix += try source.readNext(upTo: Trailing.shownCount - prefix.count)
        var count = prefix.count
        while true {
            let skipped = try source.skip(1 << 20)
            if skipped == 0 { break }
            count += skipped
        }
        let trailing = Trailing(offset: format.size, count: count, prefix: prefix)
        return Extract(
            start: 0,
            bytes: bytes,
            trailing: trailing,
            error: cpythonError(bufferCount: format.size + count, offset: nil)
        )
    }

    /// At a non-negative offset: skip to it, read the record or what there is of it.
    private func extractStream(_ source: any ByteSource, at offset: Int) throws(ToolError) -> Extract {
        let skipped = try source.skip(offset)
        guard skipped == offset else {
            return Extract(
                start: nil,
                bytes: [],
                trailing: nil,
                error: cpythonError(bufferCount: skipped, offset: offset)
            )
        }
        let wanted = min(format.size, memoryLimit)
        let bytes = try source.readNext(upTo: wanted)
        if bytes.count == format.size { return Extract(start: offset, bytes: bytes, trailing: nil, error: nil) }
        guard bytes.count < wanted else { throw streamTooLarge() }
        // The input ended inside the record; its length is now known.
        return Extract(
            start: offset,
            bytes: bytes,
            trailing: nil,
            error: cpythonError(bufferCount: offset + bytes.count, offset: offset)
        )
    }

    /// At a negative offset: keep a window of the stream's last bytes; its end decides.
    private func extractStreamTail(_ source: any ByteSource, at offset: Int) throws(ToolError) -> Extract {
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
        let error = cpythonError(bufferCount: total, offset: offset)
        guard let start = Self.recordStart(bufferCount: total, offset: offset) else {
            return Extract(start: nil, bytes: [], trailing: nil, error: error)
        }
        let keptStart = total - kept.count
        guard start >= keptStart else { throw streamTooLarge() }
        let end = min(total, start + min(format.size, total - start))
        return Extract(
            start: start,
            bytes: Array(kept[(start - keptStart)..<(end - keptStart)]),
            trailing: nil,
            error: error
        )
    }

    // MARK: Rules

    /// Where `unpack_from` (or `unpack`, for a `nil` offset) puts the record in a buffer of
    /// `bufferCount` bytes, when that is inside the buffer or at its end: a negative offset
    /// counts from the end.
    static func recordStart(bufferCount: Int, offset: Int?) -> Int? {
        guard let offset else { return 0 }
        // offset < 0 and bufferCount >= 0: the sum cannot overflow.
        let start = offset < 0 ? bufferCount + offset : offset
        return start >= 0 && start <= bufferCount ? start : nil
    }

    /// CPython's error for unpacking a buffer of `bufferCount` bytes, or `nil`.
    private func cpythonError(bufferCount: Int, offset: Int?) -> ToolError? {
        do {
            if let offset {
                _ = try format.byteRange(unpackingFrom: bufferCount, at: offset)
            } else {
                try format.checkUnpackSize(bufferCount)
            }
            return nil
        } catch {
            return ToolError(error)
        }
    }

    private func inputChanged() -> ToolError {
        .failure("input ended early (did the file change while it was read?)")
    }
}
