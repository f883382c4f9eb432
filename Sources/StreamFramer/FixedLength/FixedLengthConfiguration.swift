/// The options of ``FixedLengthFramer``: every frame is exactly ``frameLength`` bytes.
///
/// ```
///  frameLength 3:  +----+----+----+----+----+----+
///                  | a  | b  | c  | d  | e  | f  |   -> "abc", "def"
///                  +----+----+----+----+----+----+
/// ```
public struct FixedLengthConfiguration: Sendable, Hashable {
    /// The length of every frame, in bytes.
    public let frameLength: Int

    /// Validates the frame length.
    ///
    /// - Throws: ``FramingError/Code/invalidConfiguration`` unless `frameLength` is at least 1
    ///   (a zero-length frame would repeat forever without consuming a byte).
    public init(frameLength: Int) throws(FramingError) {
        guard frameLength >= 1 else {
            throw .invalidConfiguration("fixed frame length \(frameLength) must be at least 1")
        }
        self.frameLength = frameLength
    }
}

