/// A framer whose framing is chosen at run time (see ``Framing``), such as from command-line
/// options: the engine with a cutter that is one of the four built-in ones, chosen by one
/// `switch` per cut. Frames, errors, memory and speed are those of the specific framers.
///
/// ```swift
/// var framer = Framer(try Framing(delimiterHex: "0a"))
/// framer.append(Array("one\ntwo\n".utf8))
/// while let frame = try framer.next() { print(frame.payload.hex) }
/// ```
///
/// A framing of your own is not a ``Framing``: use ``FramingEngine`` with your cutter.
/// Non-copyable; `Sendable`.
public typealias Framer = FramingEngine<RuntimeCutter>

/// The cutter of ``Framer``: one of the built-in cutters, chosen by the ``Framing``.
///
/// The cutters are small values without references (the delimiter cutter's delimiters aside),
/// so choosing one per cut costs a `switch`, not a retain.
public enum RuntimeCutter: FrameCutter {
    /// True: every layout is within the maximum by construction.
    @inlinable
    public static var _describesCheckedLayouts: Bool { true }

    /// The options of ``Framer``.
    public typealias Configuration = Framing

    /// A length field (``LengthFieldCutter``).
    case lengthField(LengthFieldCutter)
    /// Fixed-length frames (``FixedLengthCutter``).
    case fixedLength(FixedLengthCutter)
    /// A varint length (``VarintCutter``).
    case varint(VarintCutter)
    /// Delimiters (``DelimiterCutter``).
    case delimiter(DelimiterCutter)

    /// The cutter of `framing`.
    @inlinable
    public init(_ framing: Framing) {
        switch framing {
        case .lengthField(let options): self = .lengthField(LengthFieldCutter(options))
        case .fixedLength(let options): self = .fixedLength(FixedLengthCutter(options))
        case .varint(let options): self = .varint(VarintCutter(options))
        case .delimiter(let options): self = .delimiter(DelimiterCutter(options))
        }
    }

    /// The chosen cutter's maximum frame length.
    @inlinable
    public var maximumFrameLength: Int {
        switch self {
        case .lengthField(let cutter): cutter.maximumFrameLength
        case .fixedLength(let cutter): cutter.maximumFrameLength
        case .varint(let cutter): cutter.maximumFrameLength
        case .delimiter(let cutter): cutter.maximumFrameLength
        }
    }

    /// The chosen cutter's bytes scanned.
    @inlinable
    public var bytesScanned: Int {
        if case .delimiter(let cutter) = self { return cutter.bytesScanned }
        return 0
    }

    /// The chosen cutter's answer.
    ///
    /// - Throws: the chosen cutter's ``FramingError``.
    @inlinable @inline(__always)
    public mutating func cut(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        switch self {
        case .lengthField(let cutter):
            if bytes.byteCount >= cutter.headerSize, let length = cutter.commonLength(bytes) {
                .frame(FrameLayout(headerLength: cutter.headerSize, payloadLength: length, includesHeader: cutter.keepsHeader))
            } else {
                try cutLengthFieldRarely(bytes)
            }
        case .fixedLength(let cutter): cutter.cut(bytes)
        case .varint(let cutter): try cutter.cutVarint(bytes)
        case .delimiter: try cutDelimited(bytes)
        }
    }

    /// The length-field cutter's answer for an incomplete header or a length that needs more
    /// than `Int` arithmetic, out of line (taking the cutter from `self`, not as an argument).
    ///
    /// - Throws: the length-field cutter's ``FramingError``.
    @usableFromInline @inline(never)
    func cutLengthFieldRarely(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        guard case .lengthField(let cutter) = self else { return .needMore(1) }
        return try cutter.cutHeader(bytes)
    }

    /// The delimiter cutter's answer, out of line (its search is not inlinable anyway), with
    /// the cutter updated in place.
    ///
    /// - Throws: the delimiter cutter's ``FramingError``.
    @usableFromInline @inline(never)
    mutating func cutDelimited(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        guard case .delimiter(var cutter) = self else { return .needMore(1) }
        // Hand the cutter back afterwards, also when it throws.
        self = .fixedLength(FixedLengthCutter(frameLength: 1))
        defer { self = .delimiter(cutter) }
        return try cutter.cut(bytes)
    }

    /// The chosen cutter's answer at the end of the stream.
    ///
    /// - Throws: the chosen cutter's ``FramingError``.
    public mutating func cutAtEndOfStream(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        switch self {
        case .lengthField(let cutter): return try cutter.cutAtEndOfStream(bytes)
        case .fixedLength(var cutter): return try cutter.cutAtEndOfStream(bytes)
        case .varint(let cutter): return try cutter.cutAtEndOfStream(bytes)
        case .delimiter(var cutter):
            self = .fixedLength(FixedLengthCutter(frameLength: 1))
            defer { self = .delimiter(cutter) }
            return try cutter.cutAtEndOfStream(bytes)
        }
    }
}
