/// Frames payloads for a ``VarintFramer`` with the same configuration: a minimal varint length
/// followed by the payload, or the varint alone for a gather write.
///
/// ```swift
/// let encoder = VarintEncoder(try VarintConfiguration())
/// try encoder.encode([UInt8](repeating: 0, count: 300))   // ac 02 then 300 zeros
/// ```
public struct VarintEncoder: FrameEncoder {
    /// The framing the encoder writes.
    public let configuration: VarintConfiguration

    /// Creates an encoder.
    public init(_ configuration: VarintConfiguration) {
        self.configuration = configuration
    }

    /// Writes the varint for a payload of `payloadCount` bytes at the start of `destination`
    /// (10 bytes always suffice). No allocation.
    ///
    /// - Returns: The number of bytes written (1 to 10).
    /// - Throws: ``FramingError/Code/negativeLength`` for a negative count,
    ///   ``FramingError/Code/payloadTooLong`` beyond the maximum frame length,
    ///   ``FramingError/Code/destinationTooSmall``.
    @discardableResult
    public func writeHeader(payloadCount: Int, into destination: UnsafeMutableRawBufferPointer) throws(FramingError)
        -> Int
    {
        guard payloadCount >= 0 else { throw .negativePayloadCount(payloadCount) }
        guard payloadCount <= configuration.maximumFrameLength else {
            throw .payloadTooLong(payloadCount, maximum: configuration.maximumFrameLength)
        }
        let value = UInt64(payloadCount)
        guard let written = Varint.encode(value, into: destination) else {
            throw .destinationTooSmall(destination.count, needed: Varint.byteCount(of: value))
        }
        return written
    }

    /// The varint for a payload of `payloadCount` bytes.
    ///
    /// - Throws: as ``writeHeader(payloadCount:into:)``.
    public func header(payloadCount: Int) throws(FramingError) -> [UInt8] {
        guard payloadCount >= 0 else { throw .negativePayloadCount(payloadCount) }
        guard payloadCount <= configuration.maximumFrameLength else {
            throw .payloadTooLong(payloadCount, maximum: configuration.maximumFrameLength)
        }
        return Varint.encode(UInt64(payloadCount))
    }

    /// Appends varint + payload to `output`.
    ///
    /// - Throws: as ``writeHeader(payloadCount:into:)``; `output` is unchanged on error.
    /// - Complexity: O(payload) amortised.
    public func encode(_ payload: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(FramingError) {
        output.append(contentsOf: try header(payloadCount: payload.count))
        output.append(contentsOf: payload)
    }
}
