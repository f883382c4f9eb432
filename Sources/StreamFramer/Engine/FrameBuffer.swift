/// The growable byte buffer every framer keeps: appended bytes accumulate after ``writeIndex``,
/// complete frames are cut from ``readIndex`` and returned as views of the same storage.
///
/// ```
///  0            readIndex                writeIndex             capacity
///  +---------------+------------------------+------------------------+
///  | consumed      | buffered: partial frame |  free                  |
///  +---------------+------------------------+------------------------+
///    (may still be viewed by Frames the caller holds)
/// ```
///
/// Before an append, buffered bytes no larger than the consumed prefix move to the front when no
/// frame views the storage (``compactIfUnshared()``); otherwise room is made only when an append
/// does not fit after ``writeIndex`` (see ``makeRoom(for:)``).
/// Memory follows the bytes received, never a length a header claims (SPEC §3.2):
/// - a new allocation holds the buffered bytes plus the chunk, and at most
///   `max(eagerReservation, 2 × buffered) + chunk` bytes, and never more than the frame being
///   assembled needs once its length is known, nor `maximumFrameLength + chunk + 4 KiB` unless
///   the bytes themselves need more: growth is geometric in the bytes actually held;
/// - the buffered bytes are moved to the front instead when the consumed prefix is at least as
///   large as them (the move is paid for by bytes already consumed), when the buffer is already
///   at its size limit, or when growing would not give more room.
/// Bytes a frame may still view are never overwritten: moving in place needs the storage to be
/// uniquely referenced; otherwise the bytes are copied to a new allocation and the old one lives
/// on with the frames.
///
/// While a discarded frame's bytes arrive (``skip(_:)``), appended bytes up to its end are
/// dropped before they are copied, so a frame claimed to be 2^63 bytes costs nothing.
///
/// `FrameBuffer` is non-copyable: it is the single writer of its storage.
@usableFromInline
struct FrameBuffer: ~Copyable, Sendable {
    /// The storage; shared with the frames the caller holds.
    @usableFromInline var storage: FrameStorage
    /// Offset of the first buffered (not yet consumed) byte.
    @usableFromInline var readIndex: Int
    /// Offset just past the last buffered byte.
    @usableFromInline var writeIndex: Int
    /// The wire length of the frame starting at ``readIndex`` once its header has been decoded,
    /// else 0; set with ``expectFrame(length:)``. It caps growth, and never causes any.
    @usableFromInline var pendingFrameLength: Int
    /// The longest frame on the wire the framing accepts (header and delimiter included); the
    /// buffer's size limit is this plus the chunk being appended plus ``minimumCapacity``.
    @usableFromInline let frameLimit: Int
    /// Counters about allocations and moved bytes.
    @usableFromInline var statistics: FramerStatistics
    /// Set by ``close()`` when the framer fails: appended bytes are discarded from then on.
    @usableFromInline var refusesInput: Bool
    /// Bytes of a discarded frame still to arrive: dropped as they are appended. While it is
    /// not 0 the buffer is empty.
    @usableFromInline var bytesToSkip: Int128
    /// An empty buffer larger than this releases its storage when the framer's `next()` finds
    /// nothing to return (see ``releaseIfIdle()``).
    @usableFromInline var retainedCapacity: Int

    /// The constant slack in the size limit (`K` in SPEC §3.2).
    @usableFromInline static let minimumCapacity = 4096
    /// The room a buffer may take beyond the chunk before it holds any bytes, so that frames up
    /// to this size need one allocation (`E` in SPEC §3.2). Beyond it, growth is at most twice
    /// the bytes buffered.
    @usableFromInline static let eagerReservation = 32 << 10
    /// The default ``retainedCapacity``: an idle connection that once received a large frame
    /// keeps at most 1 MiB.
    @usableFromInline static let defaultRetainedCapacity = 1 << 20
    /// The most bytes ``appendWithUnsafeMutableBytes(maximumByteCount:_:)`` offers at once.
    @usableFromInline static let maximumDirectWrite = 1 << 30

    @usableFromInline
    init(frameLimit: Int) {
        self.storage = FrameStorage.empty
        self.readIndex = 0
        self.writeIndex = 0
        self.pendingFrameLength = 0
        self.frameLimit = Swift.max(frameLimit, 0)
        self.statistics = FramerStatistics()
        self.refusesInput = false
        self.bytesToSkip = 0
        self.retainedCapacity = Self.defaultRetainedCapacity
    }

    /// The number of buffered bytes.
    @inlinable
    var count: Int { writeIndex &- readIndex }

    /// The first buffered byte.
    @inlinable
    var readPointer: UnsafeRawPointer { UnsafeRawPointer(storage.base + readIndex) }

    /// Copies `bytes` after the buffered bytes (nothing once ``close()`` was called).
    ///
    /// - Complexity: O(`bytes.count`) amortised.
    @inlinable @inline(__always)
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        var count = bytes.count
        guard count > 0, !refusesInput, var source = bytes.baseAddress else { return }
        if bytesToSkip != 0 {
            let skipped = skipIncoming(count)
            statistics.bytesAppended &+= skipped
            count &-= skipped
            source += skipped
            if count == 0 { return }
        }
        if readIndex != 0 && readIndex >= writeIndex &- readIndex {
            compactIfUnshared()
        }
        if storage.capacity &- writeIndex < count {
            makeRoom(for: count)
        }
        // safe because makeRoom left at least `count` bytes free after writeIndex.
        (storage.base + writeIndex).copyMemory(from: source, byteCount: count)
        writeIndex &+= count
        statistics.bytesAppended &+= count
    }

    /// Lets `body` write up to `maximumByteCount` bytes straight after the buffered bytes (a
    /// socket `read` into the buffer, with no intermediate copy); `body` returns how many it
    /// wrote, clamped to `0...maximumByteCount`. Once ``close()`` was called, `body` gets an
    /// empty buffer and the result is 0.
    @inlinable
    mutating func appendWithUnsafeMutableBytes<E: Error>(
        maximumByteCount: Int, _ body: (UnsafeMutableRawBufferPointer) throws(E) -> Int
    ) throws(E) -> Int {
        guard !refusesInput else {
            _ = try body(UnsafeMutableRawBufferPointer(start: nil, count: 0))
            return 0
        }
        let limit = Swift.min(Swift.max(maximumByteCount, 0), Self.maximumDirectWrite)
        if readIndex != 0 && readIndex >= writeIndex &- readIndex {
            compactIfUnshared()
        }
        if storage.capacity &- writeIndex < limit {
            makeRoom(for: limit)
        }
        // safe because makeRoom left at least `limit` bytes free after writeIndex; bytes past
        // writeIndex are seen by no frame.
        let target = UnsafeMutableRawBufferPointer(start: storage.base + writeIndex, count: limit)
        let written = Swift.min(Swift.max(try body(target), 0), limit)
        writeIndex &+= written
        statistics.bytesAppended &+= written
        if bytesToSkip != 0 {
            // The buffer was empty: the bytes just written are the only ones.
            consume(skipIncoming(written))
        }
        return written
    }

    /// Starts skipping a discarded frame of `byteCount` bytes from the read index: the buffered
    /// part is dropped now, the rest as it arrives. `skip(0)` stops skipping.
    @usableFromInline
    mutating func skip(_ byteCount: Int128) {
        let now = Int(truncatingIfNeeded: Swift.min(byteCount, Int128(count)))
        consume(now)
        statistics.bytesDiscarded &+= now
        bytesToSkip = byteCount - Int128(now)
    }

    /// Skips up to `count` incoming bytes of a discarded frame; returns how many.
    @usableFromInline
    mutating func skipIncoming(_ count: Int) -> Int {
        let skipped = Int(truncatingIfNeeded: Swift.min(bytesToSkip, Int128(count)))
        bytesToSkip -= Int128(skipped)
        statistics.bytesDiscarded &+= skipped
        return skipped
    }

    /// Before an append, when the consumed prefix is at least as large as the buffered bytes:
    /// moves them to the front if no frame views the storage (the move is paid for by the bytes
    /// consumed), so appends keep reusing the same few cache lines instead of sweeping the
    /// whole capacity.
    @inlinable
    mutating func compactIfUnshared() {
        guard isKnownUniquelyReferenced(&storage) else { return }
        let live = writeIndex &- readIndex
        if live > 0 {
            // safe because both ranges lie inside the storage; memmove handles overlap.
            storage.base.copyMemory(from: storage.base + readIndex, byteCount: live)
            statistics.bytesMoved &+= live
        }
        readIndex = 0
        writeIndex = live
    }

    /// Records that the frame at ``readIndex`` is `length` bytes on the wire (its header has
    /// been checked against the maximum), so growth stops at what the frame needs. The length
    /// never makes the buffer grow: a peer's header alone reserves nothing.
    @inlinable
    mutating func expectFrame(length: Int) {
        pendingFrameLength = length
    }

    /// Marks `byteCount` buffered bytes as consumed (they now belong to a returned frame).
    ///
    /// Never releases the storage: the frame being returned views it, and keeping the framer's
    /// reference alive through the call lets the compiler drop a retain and release per frame.
    @inlinable
    mutating func consume(_ byteCount: Int) {
        readIndex &+= byteCount
        pendingFrameLength = 0
    }

    /// Called where a framer's `next()` returns `nil`: an empty buffer whose capacity exceeds
    /// ``retainedCapacity`` releases its storage, so an idle connection that once carried a
    /// large frame holds no more than that once its caller has drained it.
    @inlinable
    mutating func releaseIfIdle() {
        if readIndex == writeIndex && storage.capacity > retainedCapacity {
            releaseStorage()
        }
    }

    /// Drops every buffered byte and the storage, and discards every later append: the framer
    /// has failed (frames the caller holds keep their storage).
    @usableFromInline
    mutating func close() {
        releaseStorage()
        bytesToSkip = 0
        refusesInput = true
    }

    /// Drops every buffered byte and the storage (frames the caller holds keep theirs).
    @usableFromInline
    mutating func releaseStorage() {
        storage = FrameStorage.empty
        readIndex = 0
        writeIndex = 0
        pendingFrameLength = 0
        statistics.capacity = 0
    }

    /// Makes at least `byteCount` bytes free after ``writeIndex``, moving the buffered bytes to
    /// the front or to a larger allocation. See the type's documentation for the policy.
    ///
    /// - Complexity: O(``count``); over a whole stream the bytes moved stay below twice the bytes
    ///   appended.
    @usableFromInline
    mutating func makeRoom(for byteCount: Int) {
        let live = count
        let required = Self.saturatingSum(live, byteCount)
        let capacity = storage.capacity
        let sizeLimit = Self.saturatingSum(Self.saturatingSum(frameLimit, byteCount), Self.minimumCapacity)
        // Growth is bounded by the bytes held (twice them, or the eager reservation), and by the
        // frame being assembled once its length is known; a claimed length alone never raises it.
        let frameNeeds = pendingFrameLength > 0 ? pendingFrameLength : Int.max
        let growth = Swift.max(Self.eagerReservation, Swift.min(Self.saturatingSum(live, live), frameNeeds))
        let grown = Swift.max(required, Swift.min(Self.saturatingSum(growth, byteCount), sizeLimit))
        if required <= capacity && (readIndex >= live || capacity >= sizeLimit || grown <= capacity) {
            if isKnownUniquelyReferenced(&storage) {
                if live > 0 {
                    // safe because both ranges lie inside the storage; memmove handles overlap.
                    storage.base.copyMemory(from: storage.base + readIndex, byteCount: live)
                    statistics.bytesMoved &+= live
                }
                readIndex = 0
                writeIndex = live
                return
            }
            reallocate(capacity: capacity)
            return
        }
        reallocate(capacity: grown)
    }

    /// Moves the buffered bytes to the start of an allocation of `capacity` bytes: the same
    /// memory resized by the system when they already start it and nothing else views it (a
    /// large frame grows without being copied), else a new allocation.
    @usableFromInline
    mutating func reallocate(capacity: Int) {
        let live = count
        if readIndex == 0 && storage.capacity > 0 && isKnownUniquelyReferenced(&storage),
            let resized = storage.resized(to: capacity)
        {
            // Counted as moved when the address changed: the system may have copied them.
            if resized.base != storage.base { statistics.bytesMoved &+= live }
            storage = resized
        } else {
            let fresh = FrameStorage(capacity: capacity)
            if live > 0 {
                // safe because live <= capacity (callers pass at least live + the bytes to append).
                fresh.base.copyMemory(from: storage.base + readIndex, byteCount: live)
                statistics.bytesMoved &+= live
            }
            storage = fresh
            readIndex = 0
            writeIndex = live
        }
        statistics.allocations &+= 1
        statistics.capacity = capacity
        statistics.peakCapacity = Swift.max(statistics.peakCapacity, capacity)
    }

    @usableFromInline
    static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}
