public import StructPack

/// The options of ``LengthFieldFramer``: a header described by a struct format, one of whose
/// integer values is the length of the body that follows.
///
/// ```
///  '!I'  (the default)                 '!cI' PostgreSQL, lengthAdjustment: -4
///  +----------------+---------------+  +------+----------------+-------------------+
///  | length, BE u32 | body (length) |  | type | length, BE u32 | body (length - 4) |
///  +----------------+---------------+  +------+----------------+-------------------+
///   0               4                    0      1                5
/// ```
///
/// The body length is `value of the length field + lengthAdjustment`. A length that counts the
/// header takes `lengthAdjustment: -header.size` for a whole-header count; PostgreSQL's `'!cI'`
/// counts the 4 length bytes but not the type byte, so it takes `-4`.
///
/// Checks, in order, as soon as the header is complete and before any body is awaited: a
/// negative field (signed codes) is ``FramingError/Code/negativeLength``; a negative adjusted
/// length is ``FramingError/Code/negativeLength``; an adjusted length above
/// ``maximumFrameLength`` is ``FramingError/Code/frameTooLong``. The arithmetic is done in
/// `Int128`, so no field value (up to 2^64-1) and no adjustment can overflow.
public struct LengthFieldConfiguration: Sendable, Hashable {
    /// The default ``maximumFrameLength``: 16 MiB.
    public static let defaultMaximumFrameLength = 16 << 20
    /// The largest header accepted: 64 KiB.
    public static let maximumHeaderSize = 1 << 16

    /// The compiled header format, such as `Struct("!I")` or `Struct("!cI")`.
    public let header: Struct
    /// Which value of the header is the length (counting values, as
    /// StructPack's `Struct.slot(ofValue:)` does); by default the last integer value.
    public let lengthFieldIndex: Int
    /// Added to the length field's value to give the body length (the bytes after the header).
    public let lengthAdjustment: Int
    /// The longest body accepted, in bytes (the header not counted).
    public let maximumFrameLength: Int
    /// Whether delivered frames start with the header (`Frame.bytes` = header + body) or
    /// hold the body alone. ``Frame/header`` holds the header either way.
    public let keepsHeader: Bool
    /// What a header announcing a body over ``maximumFrameLength`` does: fail the framer (the
    /// default) or discard the frame and go on (negative lengths always fail).
    public let overlongFrames: OverlongFrameAction

    /// Where the length field lies in the header.
    @usableFromInline let lengthSlot: ValueSlot
    /// Whether the length field's code is signed (`b h i l q n`).
    @usableFromInline let lengthIsSigned: Bool

    /// Validates length-field options.
    ///
    /// - Parameters:
    ///   - header: The header's format.
    ///   - lengthFieldIndex: The value index of the length; `nil` picks the last integer value.
    ///   - lengthAdjustment: Added to the field's value to give the body length.
    ///   - maximumFrameLength: The longest body accepted; at least 0.
    ///   - keepsHeader: Whether frames include the header.
    ///   - overlongFrames: Fail (default) or discard a frame whose length is over the maximum.
    /// - Throws: ``FramingError/Code/invalidConfiguration`` when the header is empty or larger
    ///   than ``maximumHeaderSize``, has no integer value, the index is not an integer value, or
    ///   the maximum is negative or so large that header plus maximum overflows `Int`.
    public init(
        header: Struct, lengthFieldIndex: Int? = nil, lengthAdjustment: Int = 0,
        maximumFrameLength: Int = LengthFieldConfiguration.defaultMaximumFrameLength, keepsHeader: Bool = false,
        overlongFrames: OverlongFrameAction = .fail
    ) throws(FramingError) {
        guard header.size <= Self.maximumHeaderSize else {
            throw .invalidConfiguration(
                "header format '\(header.format)' is \(header.size) bytes; the maximum is \(Self.maximumHeaderSize)")
        }
        let index: Int
        if let lengthFieldIndex {
            index = lengthFieldIndex
        } else if let last = Self.lastIntegerValue(of: header) {
            index = last
        } else {
            throw .invalidConfiguration("header format '\(header.format)' has no integer field for the length")
        }
        let slot: ValueSlot
        do {
            slot = try header.slot(ofValue: index)
        } catch {
            throw .invalidConfiguration(
                "length field index \(index) is out of range: header format '\(header.format)' has "
                    + "\(header.valueCount) values")
        }
        let kind = slot.code.kind
        guard kind == .signedInteger || kind == .unsignedInteger else {
            throw .invalidConfiguration(
                "length field \(index) of header format '\(header.format)' is '\(slot.code.character)', not an integer")
        }
        guard maximumFrameLength >= 0 && maximumFrameLength <= Int.max - header.size else {
            throw .invalidConfiguration(
                "maximum frame length \(maximumFrameLength) is out of range 0...\(Int.max - header.size)")
        }
        self.header = header
        self.lengthFieldIndex = index
        self.lengthAdjustment = lengthAdjustment
        self.maximumFrameLength = maximumFrameLength
        self.keepsHeader = keepsHeader
        self.overlongFrames = overlongFrames
        self.lengthSlot = slot
        self.lengthIsSigned = kind == .signedInteger
    }

    /// Validates length-field options given a header format text.
    ///
    /// ```swift
    /// let postgres = try LengthFieldConfiguration(header: "!cI", lengthAdjustment: -4)
    /// ```
    ///
    /// - Throws: ``FramingError/Code/invalidConfiguration`` for a format StructPack rejects
    ///   (the message includes StructPack's), or as ``init(header:lengthFieldIndex:lengthAdjustment:maximumFrameLength:keepsHeader:overlongFrames:)-(Struct,_,_,_,_,_)``.
    public init(
        header format: String = "!I", lengthFieldIndex: Int? = nil, lengthAdjustment: Int = 0,
        maximumFrameLength: Int = LengthFieldConfiguration.defaultMaximumFrameLength, keepsHeader: Bool = false,
        overlongFrames: OverlongFrameAction = .fail
    ) throws(FramingError) {
        let header: Struct
        do {
            header = try Struct(format)
        } catch {
            throw .invalidConfiguration("invalid header format '\(format)': \(error.message)")
        }
        try self.init(
            header: header, lengthFieldIndex: lengthFieldIndex, lengthAdjustment: lengthAdjustment,
            maximumFrameLength: maximumFrameLength, keepsHeader: keepsHeader, overlongFrames: overlongFrames)
    }

    /// The header size in bytes.
    @inlinable
    public var headerSize: Int { header.size }

    /// Every value of a frame's header, as Python's `struct.unpack` returns them.
    ///
    /// - Throws: ``FramingError/Code/invalidConfiguration`` when the frame's header is not
    ///   ``headerSize`` bytes (it came from another framing).
    /// - Complexity: O(``headerSize``); allocates the array.
    public func headerValues(of frame: Frame) throws(FramingError) -> [StructValue] {
        do {
            return try frame.header.withBytes { (bytes) throws(StructError) in try header.unpack(bytes) }
        } catch {
            throw .invalidConfiguration("frame header does not match format '\(header.format)': \(error.message)")
        }
    }

    /// One value of a frame's header, such as PostgreSQL's type byte, with no allocation.
    ///
    /// - Throws: `StructError`, as StructPack's `Struct.unpackValue(at:from:as:)`.
    @inlinable
    public func headerValue<T: StructUnpackable>(_ index: Int, of frame: Frame, as type: T.Type) throws(StructError)
        -> T
    {
        try frame.header.withBytes { (bytes) throws(StructError) in try header.unpackValue(at: index, from: bytes, as: type) }
    }

    private static func lastIntegerValue(of header: Struct) -> Int? {
        var index = header.valueCount - 1
        while index >= 0 {
            if let slot = try? header.slot(ofValue: index),
                slot.code.kind == .signedInteger || slot.code.kind == .unsignedInteger
            {
                return index
            }
            index -= 1
        }
        return nil
    }
}
