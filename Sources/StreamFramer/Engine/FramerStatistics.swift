/// Counters a framer keeps about its buffer, for monitoring and for checking the memory and
/// time bounds of SPEC §3.2: the bytes moved stay below twice the bytes appended, and the
/// capacity stays within the maximum frame length plus the largest chunk plus 4 KiB, and within
/// max(32 KiB, twice the most bytes buffered at once) plus the largest chunk plus 4 KiB, whatever
/// a length header claims.
public struct FramerStatistics: Sendable, Hashable {
    /// Bytes given to `append` (and written through `appendWithUnsafeMutableBytes`) so far.
    public var bytesAppended: Int = 0
    /// Bytes the framer moved to make room: compaction (unconsumed tail moved to the front) and
    /// copies into a new allocation. Appending itself is not counted.
    public var bytesMoved: Int = 0
    /// Bytes examined by delimiter searches (delimiter framer only): each byte once, however
    /// the stream is chunked.
    public var bytesScanned: Int = 0
    /// Buffer allocations made so far (a resize by the system allocator counts as one).
    public var allocations: Int = 0
    /// The buffer's current capacity in bytes.
    public var capacity: Int = 0
    /// The largest capacity the buffer has had.
    public var peakCapacity: Int = 0
    /// Over-long frames discarded so far (discard mode, ``OverlongFrameAction/discard``).
    public var framesDiscarded: Int = 0
    /// Bytes of discarded frames skipped so far (header included), as they arrived.
    public var bytesDiscarded: Int = 0

    /// Creates zeroed statistics.
    public init() {}
}
