/// The one kind and size of format value whose bytes are exactly a Swift type's bits, so the
/// typed API can move it with a single load or store: `UInt32` is an unsigned 4-byte integer
/// (`I`, standard `L`), `Double` an 8-byte float (`d`), `Bool` a `?`.
public struct DirectLayout: Sendable, Hashable {
    /// The kind of format code.
    public let kind: FormatCode.Kind
    /// The value's size in bytes, which must equal the bytes the type's direct load or store moves.
    public let size: Int

    /// Creates a layout.
    @inlinable
    public init(kind: FormatCode.Kind, size: Int) {
        self.kind = kind
        self.size = size
    }

    /// Whether a value of `code` in `size` bytes has this layout.
    @inlinable @inline(__always)
    public func matches(_ code: FormatCode, size: Int) -> Bool {
        code.kind == kind && size == self.size
    }
}

/// The kinds and sizes of up to 16 values lying back to back from offset 0, packed one byte
/// per value: a format computes its own once, a tuple codec its own as a compile-time constant,
/// and one comparison tells the typed API it may use compile-time offsets.
public struct LayoutSignature: Sendable, Hashable {
    @usableFromInline var low: UInt64 = 0
    @usableFromInline var high: UInt64 = 0
    @usableFromInline var count = 0

    /// The empty signature, which no tuple codec has.
    @inlinable
    public init() {}

    /// A signature from its packed bytes (as built by ``byte(for:)``), for generated codecs.
    @inlinable @inline(__always)
    public init(low: UInt64, high: UInt64, count: Int) {
        self.low = low
        self.high = high
        self.count = count
    }

    /// Added to a format's ``count`` in its pack signature when the format swaps bytes; no codec
    /// has that many values.
    @usableFromInline static let swappedMarker = 1 << 8

    /// This signature, marked with ``swappedMarker`` when `swapped` (a format's pack signature).
    @inlinable
    func marked(swapped: Bool) -> LayoutSignature {
        count == 0 || !swapped ? self : LayoutSignature(low: low, high: high, count: count | Self.swappedMarker)
    }

    /// How a format's pack signature (`self`) matches a codec's ``TupleEncoding/contiguousSignature``.
    @inlinable @inline(__always)
    func packMatch(_ codec: LayoutSignature) -> PackMatch {
        guard low == codec.low && high == codec.high else { return .none }
        if count == codec.count { return .native }
        return count == codec.count | Self.swappedMarker ? .swapped : .none
    }

    /// The byte for one value of `layout`, or 0xFF (which no format produces) for `nil`.
    @inlinable @inline(__always)
    public static func byte(for layout: DirectLayout?) -> UInt64 {
        guard let layout else { return 0xFF }
        return byte(kind: layout.kind, size: layout.size)
    }

    /// Appends one value's byte; a type with no direct layout gets a byte no format produces.
    @inlinable @inline(__always)
    public mutating func append(_ layout: DirectLayout?) {
        guard let layout else { return append(byte: 0xFF) }
        append(byte: Self.byte(kind: layout.kind, size: layout.size))
    }

    /// Appends a format value's kind and size.
    @inlinable @inline(__always)
    mutating func append(kind: FormatCode.Kind, size: Int) {
        append(byte: Self.byte(kind: kind, size: size))
    }

    @inlinable @inline(__always)
    mutating func append(byte: UInt64) {
        if count < 8 {
            low |= byte << UInt64(count &* 8)
        } else if count < 16 {
            high |= byte << UInt64((count &- 8) &* 8)
        }
        count &+= 1
    }

    /// One byte per value: kind in the high nibble (never 0xF), size (1...15) in the low one.
    @inlinable @inline(__always)
    static func byte(kind: FormatCode.Kind, size: Int) -> UInt64 {
        let kindNumber: UInt64
        switch kind {
        case .signedInteger: kindNumber = 1
        case .unsignedInteger: kindNumber = 2
        case .floatingPoint: kindNumber = 3
        case .bool: kindNumber = 4
        case .char: kindNumber = 5
        case .string: kindNumber = 6
        case .pascalString: kindNumber = 7
        case .padding: kindNumber = 8
        }
        return kindNumber << 4 | UInt64(min(max(size, 0), 15))
    }
}

/// How a format's pack signature matches a tuple codec's: not at all (other paths apply), or as
/// back-to-back direct values in host byte order or swapped.
@usableFromInline
enum PackMatch: Sendable {
    case none
    case native
    case swapped
}
