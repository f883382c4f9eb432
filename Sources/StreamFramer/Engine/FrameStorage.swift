#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The memory behind a framer's buffer and every ``Frame`` it has returned.
///
/// One owner writes (the framer's ``FrameBuffer``); frames only read. The owner writes only
/// past the end of every byte it has already exposed, and moves or reuses exposed bytes only
/// while it holds the sole reference (`isKnownUniquelyReferenced`), so a frame's bytes never
/// change while the frame is alive: that is what makes the class safe to share across threads.
///
/// The bytes come from the system allocator (`malloc`), so that a growing buffer nothing else
/// views can be resized with `realloc` (see ``resized(to:)``), which moves large blocks by
/// remapping pages instead of copying them.
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
    /// Whether `deinit` frees ``base``: false once ``resized(to:)`` handed the memory on.
    private var ownsBase = true

    @usableFromInline
    init(capacity: Int) {
        self.capacity = capacity
        guard let memory = malloc(Swift.max(capacity, 1)) else {
            // Out of memory, as Swift's own allocator would trap: the size is bounded by the
            // bytes the framer holds (SPEC §3.2), never by a length a peer claims.
            fatalError("StreamFramer: failed to allocate \(capacity) bytes")
        }
        self.base = memory
    }

    private init(adopting base: UnsafeMutableRawPointer, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    /// The same bytes, resized to `capacity` (at least the bytes in use) by `realloc`, in a new
    /// storage that takes the memory over; `nil` (and `self` unchanged) if the system cannot.
    /// Only for a storage nothing else references: its old address becomes invalid.
    ///
    /// - Complexity: O(bytes kept) at most; large blocks usually move without a copy.
    func resized(to capacity: Int) -> FrameStorage? {
        guard let memory = realloc(base, Swift.max(capacity, 1)) else { return nil }
        ownsBase = false
        return FrameStorage(adopting: memory, capacity: capacity)
    }

    deinit {
        if ownsBase { free(base) }
    }

    /// The storage of every framer that holds no bytes: nothing is allocated until the first append.
    @usableFromInline
    static let empty = FrameStorage(capacity: 0)
}
