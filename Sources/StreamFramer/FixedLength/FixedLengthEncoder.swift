/// Checks and writes payloads for a ``FixedLengthFramer``: every payload must be exactly the
/// frame length; nothing is added around it.
public struct FixedLengthEncoder: FrameEncoder {
    /// The framing the encoder writes.
    public let configuration: FixedLengthConfiguration

    /// Creates an encoder.
    public init(_ configuration: FixedLengthConfiguration) {
        self.configuration = configuration
    }

    /// Checks that a payload of `payloadCount` bytes can be sent as one frame.
    ///
    /// - Throws: ``FramingError/Code/payloadLengthMismatch`` unless it is the frame length.
    public func validate(payloadCount: Int) throws(FramingError) {
        guard payloadCount == configuration.frameLength else {
            throw .payloadLengthMismatch(payloadCount, frameLength: configuration.frameLength)
        }
    }

    /// Appends the payload to `output` after checking its length.
    ///
    /// - Throws: as ``validate(payloadCount:)``; `output` is unchanged on error.
    public func encode(_ payload: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(FramingError) {
        try validate(payloadCount: payload.count)
        output.append(contentsOf: payload)
    }
}
