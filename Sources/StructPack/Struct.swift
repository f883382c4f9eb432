/// A compiled format of Python's `struct` language: parse once, then pack and unpack many times.
///
/// A format is an optional byte-order prefix followed by codes with optional repeat counts.
/// `"<IHHQd"` describes 24 little-endian bytes:
///
/// ```
///  offset  0       4   6   8               16              24
///          +-------+---+---+---------------+---------------+
///          |   I   | H | H |       Q       |       d       |
///          +-------+---+---+---------------+---------------+
///           UInt32  UInt16  UInt64          Double
/// ```
///
/// ```swift
/// let record = try Struct("<IHHQd")
/// let bytes = try record.pack(7 as UInt32, 1 as UInt16, 2 as UInt16, 99 as UInt64, 0.5)
/// let (id, major, minor, length, ratio) =
///     try record.unpack(bytes, as: (UInt32, UInt16, UInt16, UInt64, Double).self)
/// ```
///
/// Two APIs share one format:
/// - the **typed** API (`unpack(_:as:)`, `pack(_:...)` with Swift values, for up to
///   ``typedTupleLimit`` values) checks the Swift types against the format and allocates nothing
///   on the heap per call;
/// - the **dynamic** API (``StructValue`` arrays) mirrors Python value for value.
///
/// Every input form reads the caller's memory in place: `[UInt8]`, `ArraySlice<UInt8>`,
/// `UnsafeRawBufferPointer` and `RawSpan`.
///
/// `Struct` is an immutable value and `Sendable`; share one instance freely across tasks.
public struct Struct: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The format text the struct was compiled from, such as `"<IHHQd"`.
    public let format: String
    /// The byte order, size and alignment mode selected by the format's prefix.
    public let byteOrder: ByteOrder
    /// The packed size in bytes (Python's `Struct.size` and `calcsize`).
    public let size: Int
    /// The number of values `pack` takes and `unpack` returns.
    public let valueCount: Int
    /// The format's items in order, with their offsets and sizes.
    public let fields: [Field]

    /// One entry per value, for the typed and single-value APIs; empty when ``valueCount``
    /// exceeds ``slotTableLimit``.
    @usableFromInline let slots: [Slot]
    /// Whether values must be byte-swapped between host order and the format's order.
    @usableFromInline let swapsBytes: Bool
    /// Whether any byte of the packed data belongs to no value (alignment or `x`), so packing
    /// must zero it.
    @usableFromInline let hasPadding: Bool
    /// The kinds and sizes of the values when they lie back to back from offset 0 (at most 16
    /// of them), else empty: lets the typed API use compile-time offsets after one comparison.
    @usableFromInline let contiguousSignature: LayoutSignature
    /// ``contiguousSignature`` as the typed pack path matches it: empty when the format has
    /// padding (which packing must zero), marked with ``LayoutSignature/swappedMarker`` when the
    /// format swaps bytes, so one comparison picks the store-only path and its byte order.
    @usableFromInline let packSignature: LayoutSignature
    /// One bit per padding byte (bit *i* for byte *i*) when ``size`` is at most 64, else 0: lets
    /// the prepared packer zero padding with a store per pad byte instead of a `memset` call.
    @usableFromInline let paddingMask: UInt64

    /// The most values for which a per-value table is kept (O(1) single-value access).
    @usableFromInline static let slotTableLimit = 1024

    /// The largest allocation StructPack makes for one call (2 GiB). Packing into a new array,
    /// or unpacking dynamic values, whose storage would exceed it throws
    /// ``StructError/Code/allocationLimit`` instead of attempting the allocation (CPython
    /// attempts it and raises `MemoryError` if the system refuses).
    public static let allocationLimit = 1 << 31

    /// Compiles a format.
    ///
    /// - Parameter format: A format such as `"<IHHQd"`, `"!cI"` or `"@3s2xq"`.
    /// - Throws: ``StructError`` with CPython's message: `.nonASCIIFormat`, `.embeddedNull`,
    ///   `.badCharacter`, `.repeatCountWithoutFormat` or `.sizeTooLong`.
    /// - Complexity: O(*n*) in the length of the format; repeat counts are never expanded.
    public init(_ format: String) throws(StructError) {
        try self.init(format: format, layout: FormatParser.parse(format))
    }

    /// Compiles a format given as bytes, as CPython accepts `bytes` formats: bytes outside
    /// ASCII are bad characters rather than encoding errors.
    ///
    /// - Throws: ``StructError`` as ``init(_:)``, except `.nonASCIIFormat`.
    /// - Complexity: O(*n*) in the length of the format.
    public init(formatBytes: some Sequence<UInt8>) throws(StructError) {
        let bytes = Array(formatBytes)
        let result: Result<FormatParser.Layout, StructError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(StructError) in try FormatParser.parse(bytes: buffer) }
        }
        let layout = try result.get()
        self.init(format: String(decoding: bytes, as: UTF8.self), layout: layout)
    }

    private init(format: String, layout: FormatParser.Layout) {
        self.format = format
        self.byteOrder = layout.byteOrder
        self.size = layout.size
        self.valueCount = layout.valueCount
        self.fields = layout.fields
        self.swapsBytes = layout.byteOrder.swapsBytes
        self.hasPadding = layout.fields.contains { $0.code == .padByte || $0.alignmentPadding > 0 }
        self.slots = layout.valueCount <= Self.slotTableLimit ? Self.slots(of: layout.fields, valueCount: layout.valueCount) : []
        self.contiguousSignature = Self.contiguousSignature(of: slots, valueCount: layout.valueCount)
        self.packSignature = hasPadding ? LayoutSignature() : contiguousSignature.marked(swapped: swapsBytes)
        self.paddingMask = layout.size <= 64 ? Self.paddingMask(of: layout.fields) : 0
    }

    private static func paddingMask(of fields: [Field]) -> UInt64 {
        var mask: UInt64 = 0
        func set(_ range: Range<Int>) {
            for index in range where index < 64 { mask |= 1 << UInt64(index) }
        }
        for field in fields {
            set((field.offset - field.alignmentPadding)..<field.offset)
            if field.code == .padByte { set(field.offset..<(field.offset + field.count)) }
        }
        return mask
    }

    private static func contiguousSignature(of slots: [Slot], valueCount: Int) -> LayoutSignature {
        var signature = LayoutSignature()
        guard valueCount <= 16, slots.count == valueCount else { return LayoutSignature() }
        var expectedOffset = 0
        for slot in slots {
            guard slot.offset == expectedOffset else { return LayoutSignature() }
            signature.append(kind: slot.code.kind, size: slot.size)
            expectedOffset += slot.size
        }
        return signature
    }

    private static func slots(of fields: [Field], valueCount: Int) -> [Slot] {
        var slots: [Slot] = []
        slots.reserveCapacity(valueCount)
        for field in fields {
            switch field.code.kind {
            case .padding:
                continue
            case .string, .pascalString:
                slots.append(Slot(code: field.code, offset: field.offset, size: field.count))
            default:
                for index in 0..<field.count {
                    slots.append(
                        Slot(code: field.code, offset: field.offset + index * field.itemSize, size: field.itemSize))
                }
            }
        }
        return slots
    }

    /// The format text.
    public var description: String { format }

    /// The format and its size, such as `Struct("<IH", size: 6)`.
    public var debugDescription: String { "Struct(\"\(format)\", size: \(size))" }

    /// Two structs are equal when their format texts are equal.
    public static func == (lhs: Struct, rhs: Struct) -> Bool {
        lhs.format == rhs.format
    }

    /// Hashes the format text.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(format)
    }
}
