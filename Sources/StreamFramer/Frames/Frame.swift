/// One complete frame cut from a stream: views of its bytes in the framer's storage, with no
/// copy and no heap allocation.
///
/// ```
///  wireStart      payloadStart                  payloadEnd        wireEnd
///  +--------------+-----------------------------+-----------------+
///  | header       | payload                     | delimiter       |
///  +--------------+-----------------------------+-----------------+
///   length framers                                delimiter framer
///   and varint only                               only
/// ```
///
/// ``bytes`` is what the framing delivers: the payload, plus the header or delimiter when the
/// configuration keeps it. ``header`` and ``delimiter`` are available either way.
///
/// Lifetime: a frame keeps its storage alive by itself (it holds a reference, like an
/// `ArraySlice`), so it stays valid and unchanged for as long as you hold it, across any number
/// of appends, on any task. Holding frames across a compaction costs the framer one copy of its
/// unconsumed bytes into a new allocation, not a copy of your frame. Drop frames promptly
/// (the usual `while let frame = try framer.next() { … }` loop does) and the framer reuses one
/// allocation forever.
public struct Frame: Sendable, CustomStringConvertible {
    @usableFromInline let storage: FrameStorage
    @usableFromInline let wireStart: Int
    @usableFromInline let payloadStart: Int
    @usableFromInline let payloadEnd: Int
    @usableFromInline let wireEnd: Int
    @usableFromInline let includesHeader: Bool
    @usableFromInline let includesDelimiter: Bool

    @inlinable
    init(
        storage: FrameStorage, wireStart: Int, payloadStart: Int, payloadEnd: Int, wireEnd: Int,
        includesHeader: Bool, includesDelimiter: Bool
    ) {
        self.storage = storage
        self.wireStart = wireStart
        self.payloadStart = payloadStart
        self.payloadEnd = payloadEnd
        self.wireEnd = wireEnd
        self.includesHeader = includesHeader
        self.includesDelimiter = includesDelimiter
    }

    /// The delivered bytes: the payload, with the header and delimiter when the framing keeps them.
    @inlinable
    public var bytes: FrameBytes {
        let start = includesHeader ? wireStart : payloadStart
        let end = includesDelimiter ? wireEnd : payloadEnd
        return FrameBytes(storage: storage, start: start, count: end &- start)
    }

    /// The payload alone, never with header or delimiter.
    @inlinable
    public var payload: FrameBytes {
        FrameBytes(storage: storage, start: payloadStart, count: payloadEnd &- payloadStart)
    }

    /// The header bytes as received (length-field and varint framings); empty otherwise.
    @inlinable
    public var header: FrameBytes {
        FrameBytes(storage: storage, start: wireStart, count: payloadStart &- wireStart)
    }

    /// The delimiter that ended the frame (delimiter framing); empty otherwise, and for a final
    /// unterminated frame delivered at the end of the stream.
    @inlinable
    public var delimiter: FrameBytes {
        FrameBytes(storage: storage, start: payloadEnd, count: wireEnd &- payloadEnd)
    }

    /// The number of bytes on the wire: header, payload and delimiter.
    @inlinable
    public var wireCount: Int { wireEnd &- wireStart }

    /// The delivered bytes in hexadecimal, as ``FrameBytes/hex``.
    public var description: String { bytes.hex }
}
