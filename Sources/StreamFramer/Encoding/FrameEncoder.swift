/// Writes payloads as frames that the framer of the same framing cuts back out: the four
/// built-in encoders, and those of your own framings.
///
/// ```swift
/// func send(_ payloads: [[UInt8]], with encoder: some FrameEncoder) throws(FramingError) -> [UInt8] {
///     var wire: [UInt8] = []
///     for payload in payloads { try encoder.encode(payload, appendingTo: &wire) }
///     return wire
/// }
/// ```
public protocol FrameEncoder: Sendable {
    /// Appends `payload` as one frame (header, payload, trailer) to `output`.
    ///
    /// - Throws: ``FramingError`` for a payload the framing cannot carry; `output` is
    ///   unchanged then.
    /// - Complexity: O(payload) amortised.
    func encode(_ payload: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(FramingError)
}

extension FrameEncoder {
    /// Appends an array payload as one frame to `output`.
    ///
    /// - Throws: as ``encode(_:appendingTo:)-(UnsafeRawBufferPointer,_)``.
    @inlinable
    public func encode(_ payload: [UInt8], appendingTo output: inout [UInt8]) throws(FramingError) {
        try payload.span.bytes.withUnsafeBytes { (buffer) throws(FramingError) in
            try encode(buffer, appendingTo: &output)
        }
    }

    /// `payload` as one frame, in a new array.
    ///
    /// - Throws: as ``encode(_:appendingTo:)-(UnsafeRawBufferPointer,_)``.
    @inlinable
    public func encode(_ payload: [UInt8]) throws(FramingError) -> [UInt8] {
        var output: [UInt8] = []
        try encode(payload, appendingTo: &output)
        return output
    }
}
