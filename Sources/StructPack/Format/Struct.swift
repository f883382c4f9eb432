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
/// Three APIs share one format:
/// - **records**: your own types (``StructRecord``), checked against the format once;
/// - the **typed** tuple API (`unpack(_:as:)`, `pack(_:...)` with Swift values, for up to
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

    /// One entry per value, for the dynamic, single-value and typed planned paths; empty when
    /// ``valueCount`` exceeds ``slotTableLimit``.
    @usableFromInline let slots: [Slot]
    /// Whether values must be byte-swapped between host order and the format's order.
    @usableFromInline let swapsBytes: Bool
    /// Whether any byte of the packed data belongs to no value (alignment or `x`), so packing
    /// must zero it.
    @usableFromInline let hasPadding: Bool
    /// The kinds and sizes of the values (exact for up to 16 of them): a typed tuple whose
    /// elements' direct layouts give the same signature moves every value with one load or store.
    @usableFromInline let directSignature: _LayoutSignature
    /// Where the values lie relative to each other, for the one-shot typed tuple path.
    @usableFromInline let directArrangement: DirectArrangement

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

    /// The format `""`: no values, 0 bytes, native mode.
    init(emptyFormat: Void) {
        self.init(format: "", layout: FormatParser.Layout(byteOrder: .native, fields: [], size: 0, valueCount: 0))
    }

    private init(format: String, layout: FormatParser.Layout) {
        let compiled = CompiledLayout(layout)
        self.format = format
        self.byteOrder = layout.byteOrder
        self.size = layout.size
        self.valueCount = layout.valueCount
        self.fields = layout.fields
        self.swapsBytes = layout.byteOrder.swapsBytes
        self.hasPadding = compiled.hasPadding
        self.slots = compiled.slots
        self.directSignature = compiled.directSignature
        self.directArrangement = compiled.directArrangement
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
