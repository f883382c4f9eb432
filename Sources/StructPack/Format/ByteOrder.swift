/// The byte order, size and alignment mode selected by a format's first character.
///
/// | Prefix | Case | Byte order | Sizes | Alignment |
/// |--------|------|------------|-------|-----------|
/// | `@` (or none) | ``native`` | host | native (C ABI) | native (C ABI) |
/// | `=` | ``nativeOrder`` | host | standard | none |
/// | `<` | ``littleEndian`` | little-endian | standard | none |
/// | `>` | ``bigEndian`` | big-endian | standard | none |
/// | `!` | ``network`` | big-endian | standard | none |
public enum ByteOrder: UInt8, Sendable, Hashable, CaseIterable {
    /// `@`, the default: host byte order, native sizes and native alignment.
    case native = 0x40
    /// `=`: host byte order, standard sizes, no alignment.
    case nativeOrder = 0x3D
    /// `<`: little-endian, standard sizes, no alignment.
    case littleEndian = 0x3C
    /// `>`: big-endian, standard sizes, no alignment.
    case bigEndian = 0x3E
    /// `!`: network order (big-endian), standard sizes, no alignment.
    case network = 0x21

    /// The prefix character, such as `"<"`.
    public var character: Character {
        Character(Unicode.Scalar(rawValue))
    }

    /// Whether sizes and alignment follow the host C ABI (only ``native``).
    @inlinable
    public var usesNativeSizes: Bool {
        self == .native
    }

    /// Whether multi-byte values are stored most significant byte first.
    @inlinable
    public var isBigEndian: Bool {
        switch self {
        case .bigEndian, .network: true
        case .littleEndian: false
        case .native, .nativeOrder: Self.hostIsBigEndian
        }
    }

    /// Whether values must be byte-swapped between host order and this order.
    @inlinable
    var swapsBytes: Bool {
        isBigEndian != Self.hostIsBigEndian
    }

    /// Whether two prefixes are the same prefix.
    ///
    /// Written out for the reason ``FormatCode/==(_:_:)`` is: the synthesized comparison of an
    /// enum with raw values keeps retains and releases around it.
    @inlinable @inline(__always)
    public static func == (lhs: ByteOrder, rhs: ByteOrder) -> Bool {
        lhs.rawValue == rhs.rawValue
    }

    /// Whether the host stores integers most significant byte first.
    @inlinable
    static var hostIsBigEndian: Bool {
        UInt16(littleEndian: 1) != 1
    }
}
