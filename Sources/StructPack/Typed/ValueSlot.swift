/// Where one value lies in a buffer and how it is encoded: what a ``StructPackable`` or
/// ``StructUnpackable`` conformance is given to write or read one value.
///
/// StructPack makes slots after checking that `offset..<offset + size` lies inside the record;
/// a conformance's public `pack(into:at:)` / `unpack(from:at:)` still checks the slot against
/// the span it is given, so calling them with any slot is safe.
public struct ValueSlot: Sendable, Hashable {
    /// The value's format code (never `x`).
    public let code: FormatCode
    /// The absolute byte offset of the value in the buffer being read or written.
    public let offset: Int
    /// The value's size in bytes: the code's size, or the length of an `s` or `p` string.
    public let size: Int
    /// The format's byte order, size and alignment mode.
    public let byteOrder: ByteOrder
    /// Whether multi-byte values are stored in the opposite order to the host's.
    public let swapsBytes: Bool

    @inlinable
    init(code: FormatCode, offset: Int, size: Int, byteOrder: ByteOrder, swapsBytes: Bool) {
        self.code = code
        self.offset = offset
        self.size = size
        self.byteOrder = byteOrder
        self.swapsBytes = swapsBytes
    }

    /// The same slot in a record that starts `base` bytes further on.
    @inlinable @inline(__always)
    public func advanced(by base: Int) -> ValueSlot {
        ValueSlot(code: code, offset: offset &+ base, size: size, byteOrder: byteOrder, swapsBytes: swapsBytes)
    }

    /// Whether `offset..<offset + size` lies inside a buffer of `byteCount` bytes.
    @inlinable @inline(__always)
    func lies(inside byteCount: Int) -> Bool {
        offset >= 0 && size >= 0 && offset <= byteCount && size <= byteCount &- offset
    }
}
