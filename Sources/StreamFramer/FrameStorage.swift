/// The memory behind a framer's buffer and every ``Frame`` it has returned.
///
/// One owner writes (the framer's ``FrameBuffer``); frames only read. The owner writes only
/// past the end of every byte it has already exposed, and moves or reuses exposed bytes only
/// while it holds the sole reference (`isKnownUniquelyReferenced`), so a frame's bytes never
/// change while the frame is alive: that is what makes the class safe to share across threads.
@usableFromInline
final class FrameStorage: @unchecked Sendable {
    /// The first byte; `capacity` bytes follow.
    @usableFromInline let base: UnsafeMutableRawPointer
    /// The number of usable bytes at ``base``.
    @usableFromInline let capacity: Int

    /// Allocates `capacity` uninitialised bytes.
    ///
    /// Callers bound `capacity` by the framing's maximum frame length plus the largest chunk
    /// plus a constant, so it never comes straight from a peer's header.
    @usableFromInline
    init(capacity: Int) {
        self.capacity = capacity
        self.base = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(capacity, 1), alignment: 16)
    }

    deinit {
        base.deallocate()
    }

    /// The storage of every framer that holds no bytes: nothing is allocated until the first append.
    @usableFromInline
    static let empty = FrameStorage(capacity: 0)
}
