public import StructPack

/// Cuts frames announced by a length field in a fixed-size header described by a struct format
/// (`'!I'`, `'<H'`, `'>Q'`, PostgreSQL's `'!cI'` …): the framing of Python's classic
/// `sock.sendall(struct.pack('!I', len(data)) + data)`.
///
/// ```
///  one frame on the wire, header '!I':
///  +----+----+----+----+----+----+----+----+----+
///  | 00 | 00 | 00 | 05 | 68 | 65 | 6c | 6c | 6f |      -> payload "hello"
///  +----+----+----+----+----+----+----+----+----+
///  |<-- length = 5 --->|<-------- body -------->|
/// ```
///
/// ```swift
/// var framer = try LengthFieldFramer(header: "!I")
/// framer.append(chunk)
/// while let frame = try framer.next() {
///     print(frame.payload.hex)
/// }
/// ```
///
/// As soon as a header is complete its length is checked (``LengthFieldConfiguration``): a bad
/// one fails the framer, or, over the maximum with ``OverlongFrameAction/discard``, skips the
/// frame. Non-copyable; `Sendable`; no heap allocation per frame.
public typealias LengthFieldFramer = FramingEngine<LengthFieldCutter>

extension FramingEngine where Cutter == LengthFieldCutter {
    /// Creates a framer from a header format and options.
    ///
    /// - Throws: ``FramingError/Code/invalidConfiguration``, as
    ///   ``LengthFieldConfiguration/init(header:lengthFieldIndex:lengthAdjustment:maximumFrameLength:keepsHeader:overlongFrames:)-(String,_,_,_,_,_)``.
    public init(
        header: String = "!I", lengthFieldIndex: Int? = nil, lengthAdjustment: Int = 0,
        maximumFrameLength: Int = LengthFieldConfiguration.defaultMaximumFrameLength, keepsHeader: Bool = false,
        overlongFrames: OverlongFrameAction = .fail
    ) throws(FramingError) {
        self.init(
            try LengthFieldConfiguration(
                header: header, lengthFieldIndex: lengthFieldIndex, lengthAdjustment: lengthAdjustment,
                maximumFrameLength: maximumFrameLength, keepsHeader: keepsHeader, overlongFrames: overlongFrames))
    }
}

/// The cutter of ``LengthFieldFramer``: reads the length field of a complete header with one
/// load of its width (StructPack's integer load) and `Int` arithmetic; values that need more
/// (2^63 and over, overflowing adjustments) and bad lengths take an `Int128` path.
public struct LengthFieldCutter: FrameCutter {
    /// True: every layout is within the maximum by construction.
    @inlinable
    public static var _describesCheckedLayouts: Bool { true }

    /// The options of ``LengthFieldFramer``.
    public typealias Configuration = LengthFieldConfiguration

    // Copies of the configuration's scalars, read on every frame (no reference: copying the
    // cutter costs no retain).
    @usableFromInline let headerSize: Int
    @usableFromInline let lengthSlot: ValueSlot
    @usableFromInline let lengthIsSigned: Bool
    @usableFromInline let lengthAdjustment: Int
    @usableFromInline let maximumBodyLength: Int
    @usableFromInline let keepsHeader: Bool
    @usableFromInline let discardsOverlongFrames: Bool
    @usableFromInline let lengthFieldIndex: Int
    /// Whether the field is unsigned and at most 4 bytes, with an adjustment that cannot
    /// overflow `Int` when added to it: the usual header, checked with one comparison.
    @usableFromInline let isNarrowUnsigned: Bool
    /// 1 (host order) or 2 (swapped) for the most common header, a lone unsigned 4-byte length
    /// (`'!I'`, `'<I'`) with no adjustment, cut with constants; 0 otherwise.
    @usableFromInline let plainWord: UInt8

    /// The cutter for `configuration`.
    @inlinable
    public init(_ configuration: LengthFieldConfiguration) {
        self.headerSize = configuration.headerSize
        self.lengthSlot = configuration.lengthSlot
        self.lengthIsSigned = configuration.lengthIsSigned
        self.lengthAdjustment = configuration.lengthAdjustment
        self.maximumBodyLength = configuration.maximumFrameLength
        self.keepsHeader = configuration.keepsHeader
        self.discardsOverlongFrames = configuration.overlongFrames == .discard
        self.lengthFieldIndex = configuration.lengthFieldIndex
        self.isNarrowUnsigned =
            !configuration.lengthIsSigned && configuration.lengthSlot.size <= 4
            && configuration.lengthAdjustment <= Int.max - (1 << 32)
        let slot = configuration.lengthSlot
        let isPlainWord =
            configuration.headerSize == 4 && slot.offset == 0 && slot.size == 4 && !configuration.lengthIsSigned
            && configuration.lengthAdjustment == 0 && !configuration.keepsHeader
        self.plainWord = isPlainWord ? (slot.swapsBytes ? 2 : 1) : 0
    }

    /// The header size plus the maximum body length.
    @inlinable
    public var maximumFrameLength: Int { headerSize &+ maximumBodyLength }

    /// The frame whose header starts `bytes`, once the header is complete.
    ///
    /// - Throws: ``FramingError`` with code ``FramingError/Code/negativeLength`` or
    ///   ``FramingError/Code/frameTooLong`` (unless discarding) as soon as the header is
    ///   complete and bad.
    @inlinable @inline(__always)
    public mutating func cut(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        // Mutating although it changes nothing: the fields are read in place, and the rare
        // path gets the cutter by address instead of a copy or its fields loaded in advance.
        let count = bytes.byteCount
        if plainWord != 0 {
            // The 4-byte header at offset 0 with constants: one load and one comparison.
            guard count >= 4 else { return .needMore(4 &- count) }
            let length = plainWordLength(bytes)
            guard length <= maximumBodyLength else { return try cutRarely(bytes) }
            return .frame(FrameLayout(headerLength: 4, payloadLength: length))
        }
        guard count >= headerSize else { return .needMore(headerSize &- count) }
        if let length = commonLength(bytes) {
            return .frame(FrameLayout(headerLength: headerSize, payloadLength: length, includesHeader: keepsHeader))
        }
        return try cutRarely(bytes)
    }

    /// The length field of a ``plainWord`` header; at least 4 bytes are buffered.
    @inlinable @inline(__always)
    func plainWordLength(_ bytes: RawSpan) -> Int {
        // safe because the 4 header bytes are buffered.
        let word = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: 0, as: UInt32.self)
        return Int(plainWord == 2 ? word.byteSwapped : word)
    }

    /// The body length of the complete header starting `bytes` when it needs no more than one
    /// load and `Int` arithmetic and is valid; `nil` otherwise.
    @inlinable @inline(__always)
    func commonLength(_ bytes: RawSpan) -> Int? {
        // safe because the whole header is buffered and the slot lies inside it.
        let raw = ScalarCoding.loadUnsigned(bytes, lengthSlot)
        if isNarrowUnsigned {
            // raw < 2^32 and the adjustment leaves room: no overflow; one unsigned comparison
            // checks 0 <= length <= maximum.
            let length = Int(truncatingIfNeeded: raw) &+ lengthAdjustment
            return UInt(bitPattern: length) <= UInt(bitPattern: maximumBodyLength) ? length : nil
        }
        let field = lengthIsSigned ? signExtended(raw) : raw
        // Negative here: a negative signed field, or an unsigned one of 2^63 and over.
        let value = Int64(bitPattern: field)
        guard value >= 0 else { return nil }
        let (length, overflow) = Int(value).addingReportingOverflow(lengthAdjustment)
        return !overflow && length >= 0 && length <= maximumBodyLength ? length : nil
    }

    /// The header's length in `Int128`, for ``cut(_:)``'s rare cases.
    ///
    /// - Throws: as ``cut(_:)``.
    @usableFromInline @inline(never)
    mutating func cutRarely(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        try cutHeader(bytes)
    }

    /// ``cut(_:)`` without `mutating`, for ``RuntimeCutter``.
    ///
    /// - Throws: as ``cut(_:)``.
    @inlinable @inline(__always)
    func cutHeader(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        let count = bytes.byteCount
        guard count >= headerSize else { return .needMore(headerSize &- count) }
        // safe because the whole header is buffered and the slot lies inside it.
        let raw = ScalarCoding.loadUnsigned(bytes, lengthSlot)
        let field = lengthIsSigned ? signExtended(raw) : raw
        // Negative here: a negative signed field, or an unsigned one of 2^63 and over.
        let value = Int64(bitPattern: field)
        if value >= 0 {
            let (length, overflow) = Int(value).addingReportingOverflow(lengthAdjustment)
            if !overflow && length >= 0 && length <= maximumBodyLength {
                return .frame(FrameLayout(headerLength: headerSize, payloadLength: length, includesHeader: keepsHeader))
            }
        }
        return try Self.cutWidely(
            field, signed: lengthIsSigned, adjustment: lengthAdjustment, maximum: maximumBodyLength,
            headerSize: headerSize, keepsHeader: keepsHeader, discards: discardsOverlongFrames,
            fieldIndex: lengthFieldIndex, code: lengthSlot.code)
    }

    /// The field's bits sign-extended from its width to 64.
    @inlinable @inline(__always)
    func signExtended(_ raw: UInt64) -> UInt64 {
        let unusedBits = UInt64(64 &- lengthSlot.size &* 8)
        return UInt64(bitPattern: Int64(bitPattern: raw << unusedBits) >> unusedBits)
    }

    /// ``cut(_:)`` in `Int128`, where no field value and no adjustment overflows. Static, with
    /// the cutter's fields as arguments: a call that passed the cutter itself would make the
    /// caller copy it to memory on every cut, for this rare path.
    ///
    /// - Throws: ``FramingError`` for a negative or too long length.
    @usableFromInline
    static func cutWidely(
        _ raw: UInt64, signed: Bool, adjustment: Int, maximum: Int, headerSize: Int, keepsHeader: Bool,
        discards: Bool, fieldIndex: Int, code: FormatCode
    ) throws(FramingError) -> FrameCut {
        let value = signed ? Int128(Int64(bitPattern: raw)) : Int128(raw)
        let length = value + Int128(adjustment)
        if value < 0 {
            throw .negativeLengthField(value, field: fieldIndex, code: code.character)
        }
        if length < 0 {
            throw .negativeAdjustedLength(value: value, adjustment: adjustment, result: length)
        }
        if length > Int128(maximum) {
            if discards { return .discard(headerLength: headerSize, payloadLength: length) }
            throw .frameTooLong(length: length, maximum: maximum)
        }
        return .frame(FrameLayout(headerLength: headerSize, payloadLength: Int(length), includesHeader: keepsHeader))
    }

    /// The stream ended inside a header.
    ///
    /// - Throws: ``FramingError/Code/truncatedFrame``, `stream ended inside a frame header: 2 of
    ///   4 header bytes buffered`.
    public func cutAtEndOfStream(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        throw .truncatedHeader(buffered: bytes.byteCount, headerSize: headerSize)
    }
}
