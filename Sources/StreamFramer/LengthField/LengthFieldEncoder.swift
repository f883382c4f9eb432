public import StructPack

/// Frames payloads for a ``LengthFieldFramer`` with the same configuration: header + payload,
/// or the header alone for a gather write (`writev`) that sends the payload without copying it.
///
/// The length field gets `payload.count - lengthAdjustment`; the header's other fields come
/// from a template (zeros by default; PostgreSQL's type byte, for instance).
///
/// ```swift
/// let encoder = try LengthFieldEncoder(LengthFieldConfiguration(header: "!I"))
/// var wire: [UInt8] = []
/// try encoder.encode(Array("hello".utf8), appendingTo: &wire)   // 00 00 00 05 68 65 6c 6c 6f
/// ```
///
/// Whatever the encoder writes, the framer with the same configuration decodes back to the same
/// payload: payloads it would reject are rejected here.
public struct LengthFieldEncoder: FrameEncoder {
    /// The framing the encoder writes.
    public let configuration: LengthFieldConfiguration
    /// The header bytes used for every field but the length (``headerSize`` bytes).
    public let headerTemplate: [UInt8]
    /// The payload counts ``lengthFieldValue(forPayloadCount:)`` accepts (empty when
    /// `lowestCount > highestCount`): checked with two comparisons per frame.
    @usableFromInline let lowestCount: Int
    @usableFromInline let highestCount: Int
    /// The length field's slot in the header.
    @usableFromInline let lengthSlot: ValueSlot
    /// The length adjustment.
    @usableFromInline let lengthAdjustment: Int
    /// Whether the length field is the whole header (`'!I'`): the template needs no copy, the
    /// field's store writes every header byte.
    @usableFromInline let fieldIsWholeHeader: Bool

    /// Creates an encoder.
    ///
    /// - Parameters:
    ///   - configuration: The framing to write.
    ///   - headerTemplate: The header's bytes for its other fields, such as
    ///     `Struct("!cI").pack([0x51], 0)` for PostgreSQL's `'Q'` messages; zeros when `nil`.
    /// - Throws: ``FramingError/Code/invalidConfiguration`` when the template is not
    ///   ``headerSize`` bytes long.
    public init(_ configuration: LengthFieldConfiguration, headerTemplate: [UInt8]? = nil) throws(FramingError) {
        let template = headerTemplate ?? [UInt8](repeating: 0, count: configuration.headerSize)
        guard template.count == configuration.headerSize else {
            throw .invalidConfiguration(
                "header template of \(template.count) bytes does not match the \(configuration.headerSize)-byte "
                    + "header '\(configuration.header.format)'")
        }
        self.configuration = configuration
        self.headerTemplate = template
        // value = count - adjustment must lie in 0...highest (the field's largest value), and
        // count in 0...maximumFrameLength.
        let slot = configuration.lengthSlot
        let bits = slot.size * 8
        let highest: Int128 =
            slot.code.kind == .signedInteger ? (Int128(1) << (bits - 1)) - 1 : (Int128(1) << bits) - 1
        let adjustment = Int128(configuration.lengthAdjustment)
        self.lengthSlot = slot
        self.lengthAdjustment = configuration.lengthAdjustment
        self.fieldIsWholeHeader = slot.offset == 0 && slot.size == configuration.headerSize
        self.lowestCount = Int(Swift.max(0, adjustment))
        self.highestCount = Int(Swift.min(Int128(configuration.maximumFrameLength), highest + adjustment))
    }

    /// ``lengthFieldValue(forPayloadCount:)`` with the accepted range checked first.
    ///
    /// - Throws: as ``lengthFieldValue(forPayloadCount:)``.
    @inlinable @inline(__always)
    func checkedLengthFieldValue(forPayloadCount payloadCount: Int) throws(FramingError) -> Int128 {
        if payloadCount >= lowestCount && payloadCount <= highestCount {
            return Int128(payloadCount) - Int128(lengthAdjustment)
        }
        return try lengthFieldValue(forPayloadCount: payloadCount)
    }

    /// The number of header bytes before every payload.
    @inlinable
    public var headerSize: Int { configuration.headerSize }

    /// The length field value announcing a payload of `payloadCount` bytes.
    ///
    /// - Throws: ``FramingError/Code/negativeLength`` for a negative count;
    ///   ``FramingError/Code/payloadTooLong`` beyond ``LengthFieldConfiguration/maximumFrameLength``
    ///   or when the value does not fit the length field's code (`'H'` holds 0...65535). Never a
    ///   truncation.
    public func lengthFieldValue(forPayloadCount payloadCount: Int) throws(FramingError) -> Int128 {
        guard payloadCount >= 0 else { throw .negativePayloadCount(payloadCount) }
        guard payloadCount <= configuration.maximumFrameLength else {
            throw .payloadTooLong(payloadCount, maximum: configuration.maximumFrameLength)
        }
        let value = Int128(payloadCount) - Int128(configuration.lengthAdjustment)
        let slot = configuration.lengthSlot
        let bits = slot.size * 8
        let signed = slot.code.kind == .signedInteger
        let lowest: Int128 = signed ? -(Int128(1) << (bits - 1)) : 0
        let highest: Int128 = signed ? (Int128(1) << (bits - 1)) - 1 : (Int128(1) << bits) - 1
        // A negative field would be rejected by the framer even where the code could hold it.
        guard value >= 0 && value <= highest else {
            throw .payloadOutOfFieldRange(
                payloadCount, fieldValue: value, code: slot.code.character, range: "\(Swift.max(lowest, 0))...\(highest)")
        }
        return value
    }

    /// Writes the header for a payload of `payloadCount` bytes at the start of `destination`,
    /// with the other fields from ``headerTemplate``. No allocation.
    ///
    /// - Returns: ``headerSize``, the number of bytes written.
    /// - Throws: as ``lengthFieldValue(forPayloadCount:)``, or
    ///   ``FramingError/Code/destinationTooSmall``; nothing is written on error.
    @inlinable @discardableResult
    public func writeHeader(payloadCount: Int, into destination: UnsafeMutableRawBufferPointer) throws(FramingError)
        -> Int
    {
        // A header that is only its length field ('!I'): one checked store, inlined.
        if fieldIsWholeHeader, destination.count >= lengthSlot.size, let target = destination.baseAddress {
            storeLengthField(try checkedLengthFieldValue(forPayloadCount: payloadCount), at: target)
            return lengthSlot.size
        }
        return try writeTemplateHeader(payloadCount: payloadCount, into: destination)
    }

    /// ``writeHeader(payloadCount:into:)`` through the template, out of line.
    ///
    /// - Throws: as ``writeHeader(payloadCount:into:)``.
    @usableFromInline
    func writeTemplateHeader(payloadCount: Int, into destination: UnsafeMutableRawBufferPointer) throws(FramingError)
        -> Int
    {
        try headerTemplate.span.bytes.withUnsafeBytes { (template) throws(FramingError) -> Int in
            try writeHeader(payloadCount: payloadCount, into: destination, template: template)
        }
    }

    /// Writes the header for a payload of `payloadCount` bytes at the start of `destination`,
    /// taking the other fields from `template` (such as a received frame's ``Frame/header``,
    /// to answer with the same type byte). No allocation.
    ///
    /// - Returns: ``headerSize``, the number of bytes written.
    /// - Throws: as ``lengthFieldValue(forPayloadCount:)``; ``FramingError/Code/destinationTooSmall``;
    ///   ``FramingError/Code/invalidConfiguration`` when `template` is not ``headerSize`` bytes.
    @discardableResult
    public func writeHeader(
        payloadCount: Int, into destination: UnsafeMutableRawBufferPointer, template: UnsafeRawBufferPointer
    ) throws(FramingError) -> Int {
        let size = headerSize
        let value = try checkedLengthFieldValue(forPayloadCount: payloadCount)
        guard template.count == size else {
            throw .invalidConfiguration("header template of \(template.count) bytes does not match the \(size)-byte header")
        }
        guard destination.count >= size, let target = destination.baseAddress else {
            throw .destinationTooSmall(destination.count, needed: size)
        }
        if size > 0, let source = template.baseAddress { target.copyMemory(from: source, byteCount: size) }
        storeLengthField(value, at: target)
        return size
    }

    /// Stores a range-checked length field value in the header at `header` (``headerSize``
    /// bytes, the other fields already written), in the field's width and byte order: what
    /// StructPack's `packValue` stores for it, without its per-call checks.
    @inlinable @inline(__always)
    func storeLengthField(_ value: Int128, at header: UnsafeMutableRawPointer) {
        Self.storeLengthField(value, at: header, slot: lengthSlot)
    }

    /// ``storeLengthField(_:at:)`` for the field at `slot`.
    @inlinable @inline(__always)
    static func storeLengthField(_ value: Int128, at header: UnsafeMutableRawPointer, slot: ValueSlot) {
        let bits = UInt64(truncatingIfNeeded: value)
        // safe because the slot lies inside the header (Struct made it); integer codes are 1, 2,
        // 4 or 8 bytes, and the value fits the field (checked by lengthFieldValue).
        let field = header + slot.offset
        switch slot.size {
        case 1:
            field.storeBytes(of: UInt8(truncatingIfNeeded: bits), as: UInt8.self)
        case 2:
            let raw = UInt16(truncatingIfNeeded: bits)
            field.storeBytes(of: slot.swapsBytes ? raw.byteSwapped : raw, toByteOffset: 0, as: UInt16.self)
        case 4:
            let raw = UInt32(truncatingIfNeeded: bits)
            field.storeBytes(of: slot.swapsBytes ? raw.byteSwapped : raw, toByteOffset: 0, as: UInt32.self)
        default:
            field.storeBytes(of: slot.swapsBytes ? bits.byteSwapped : bits, toByteOffset: 0, as: UInt64.self)
        }
    }

    /// The header for a payload of `payloadCount` bytes, to send before the payload in a gather
    /// write.
    ///
    /// - Throws: as ``writeHeader(payloadCount:into:)``.
    /// - Complexity: O(``headerSize``); allocates the array.
    public func header(payloadCount: Int) throws(FramingError) -> [UInt8] {
        var header = [UInt8](repeating: 0, count: headerSize)
        try Self.withUnsafeMutableBytes(of: &header, from: 0) { (buffer) throws(FramingError) in
            try writeHeader(payloadCount: payloadCount, into: buffer)
        }
        return header
    }

    /// Appends header + payload to `output`.
    ///
    /// - Throws: as ``lengthFieldValue(forPayloadCount:)``; `output` is unchanged on error.
    /// - Complexity: O(payload) amortised.
    @inlinable
    public func encode(_ payload: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(FramingError) {
        let value = try checkedLengthFieldValue(forPayloadCount: payload.count)
        let count = payload.count
        let slot = lengthSlot
        let copiesTemplate = !fieldIsWholeHeader
        // One append of header + payload, written in place. The closures capture plain values
        // only (not the encoder, whose copy would cost a retain and release per frame).
        headerTemplate.withUnsafeBytes { template in
            let size = template.count
            output.append(addingCapacity: size &+ count) { (span: inout OutputSpan<UInt8>) in
                span.withUnsafeMutableBufferPointer { (buffer, initialized) in
                    guard let target = UnsafeMutableRawPointer(buffer.baseAddress) else { return }
                    // safe because the span has room for size + count bytes and the slot lies
                    // inside the header.
                    if copiesTemplate, let source = template.baseAddress {
                        target.copyMemory(from: source, byteCount: size)
                    }
                    Self.storeLengthField(value, at: target, slot: slot)
                    if let source = payload.baseAddress { (target + size).copyMemory(from: source, byteCount: count) }
                    initialized = size &+ count
                }
            }
        }
    }

    /// Calls `body` with the bytes of `array` from `start` on, with typed throws.
    @discardableResult
    static func withUnsafeMutableBytes<R>(
        of array: inout [UInt8], from start: Int, _ body: (UnsafeMutableRawBufferPointer) throws(FramingError) -> R
    ) throws(FramingError) -> R {
        var span = array.mutableSpan
        var bytes = span.mutableBytes
        return try bytes.withUnsafeMutableBytes { (buffer) throws(FramingError) -> R in
            try body(UnsafeMutableRawBufferPointer(rebasing: buffer[start...]))
        }
    }
}
