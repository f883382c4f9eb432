/// Counters a framer keeps about its buffer, for monitoring and for checking the memory and
/// time bounds: the work of moving bytes stays proportional to the bytes appended, and the
/// capacity stays within the maximum frame length plus the largest chunk plus a constant.
public struct FramerStatistics: Sendable, Hashable {
    /// Bytes given to `append` (and written through `appendWithUnsafeMutableBytes`) so far.
    public var bytesAppended: Int = 0
    /// Bytes the framer moved to make room: compaction (unconsumed tail moved to the front) and
    /// copies into a new allocation. Appending itself is not counted.
    public var bytesMoved: Int = 0
    /// Bytes examined by delimiter searches (delimiter framer only): each byte once, however
    /// the stream is chunked.
    public var bytesScanned: Int = 0
    /// Buffer allocations made so far.
    public var allocations: Int = 0
    /// The buffer's current capacity in bytes.
    public var capacity: Int = 0
    /// The largest capacity the buffer has had.
    public var peakCapacity: Int = 0

    /// Creates zeroed statistics.
    public init() {}
}
