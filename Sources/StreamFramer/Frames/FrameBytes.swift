/// A read-only run of bytes inside a framer's storage: a frame, its payload, its header or its
/// delimiter. Holding one costs no copy and no allocation.
///
/// A `FrameBytes` keeps its storage alive on its own, so it stays valid after the framer moves
/// on, is mutated, or is destroyed, and it may be sent to another task. Holding one across the
/// framer's next append costs nothing; holding one across the framer's next compaction makes
/// the framer copy its unconsumed bytes to a new allocation instead of moving them in place.
///
/// Indices run from 0 to ``count``.
public struct FrameBytes: RandomAccessCollection, Sendable, Equatable, CustomStringConvertible {
    @usableFromInline let storage: FrameStorage
    @usableFromInline let start: Int
    /// The number of bytes.
    public let count: Int

    @inlinable
    init(storage: FrameStorage, start: Int, count: Int) {
        self.storage = storage
        self.start = start
        self.count = count
    }

    /// No bytes.
    public init() {
        self.init(storage: FrameStorage.empty, start: 0, count: 0)
    }

    /// Always 0.
    @inlinable public var startIndex: Int { 0 }
    /// ``count``.
    @inlinable public var endIndex: Int { count }

    /// The byte at `position`, which must be in `0..<count` (checked; a bad index traps as an
    /// array index does).
    @inlinable
    public subscript(position: Int) -> UInt8 {
        // The caller's index, as Array's subscript checks it; never a value from the stream.
        precondition(position >= 0 && position < count, "FrameBytes index out of range")
        return storage.base.load(fromByteOffset: start &+ position, as: UInt8.self)
    }

    /// Calls `body` with a pointer to the bytes.
    ///
    /// - Warning: Do not escape the pointer; it is valid only during `body`.
    @inlinable
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        // safe because start..<start + count lies inside the storage, which self keeps alive.
        try withExtendedLifetime(storage) { () throws(E) -> R in
            try body(UnsafeRawBufferPointer(start: storage.base + start, count: count))
        }
    }

    /// Calls `body` with the bytes as a `RawSpan`, e.g. to unpack them with StructPack.
    @inlinable
    public func withBytes<R, E: Error>(_ body: (RawSpan) throws(E) -> R) throws(E) -> R {
        try withUnsafeBytes { (buffer) throws(E) -> R in try body(buffer.bytes) }
    }

    /// Calls `body` with the contiguous bytes (they always are).
    @inlinable
    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows
        -> R?
    {
        try withExtendedLifetime(storage) {
            let first = UnsafePointer(storage.base.assumingMemoryBound(to: UInt8.self)) + start
            return try body(UnsafeBufferPointer(start: first, count: count))
        }
    }

    /// Two byte runs are equal when they hold the same bytes.
    public static func == (lhs: FrameBytes, rhs: FrameBytes) -> Bool {
        lhs.count == rhs.count
            && lhs.withUnsafeBytes { left in rhs.withUnsafeBytes { right in left.elementsEqual(right) } }
    }

    /// Whether the bytes equal `bytes`.
    public static func == (lhs: FrameBytes, rhs: [UInt8]) -> Bool {
        lhs.count == rhs.count && lhs.withUnsafeBytes { $0.elementsEqual(rhs) }
    }

    /// The bytes as lowercase hexadecimal, two digits a byte, no separators: `"0a1b"`.
    ///
    /// - Complexity: O(``count``).
    public var hex: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        return withUnsafeBytes { buffer in
            String(unsafeUninitializedCapacity: buffer.count * 2) { output in
                for (index, byte) in buffer.enumerated() {
                    output[2 * index] = digits[Int(byte >> 4)]
                    output[2 * index + 1] = digits[Int(byte & 0x0F)]
                }
                return buffer.count * 2
            }
        }
    }

    /// ``hex``.
    public var description: String { hex }
}
