/// The one error StreamFramer throws: a stable ``code`` to switch on and a message that names
/// the offending value and the limit.
///
/// ```swift
/// do {
///     while let frame = try framer.next() { handle(frame) }
/// } catch let error where error.code == .frameTooLong {
///     print(error.message)  // frame length 4294967295 exceeds the maximum of 16777216 bytes
/// }
/// ```
///
/// Equality compares the code and the message.
public struct FramingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, stable across releases; compare with the static members.
    public let code: Code
    /// The human-readable message, without a trailing period.
    public let message: String
    /// For ``Code/truncatedFrame`` and ``Code/unterminatedFrame``: how many bytes of the
    /// incomplete frame were buffered when the stream ended.
    public let bufferedByteCount: Int?
    /// For ``Code/truncatedFrame``: how many bytes the incomplete part (header or whole frame)
    /// needed.
    public let expectedByteCount: Int?

    /// When a cutter throws the error to report an over-long frame without failing the framer
    /// (the delimiter framing's skip mode): the buffered bytes to drop before going on.
    @usableFromInline var resumesAfterSkipping: Int?

    /// Creates an error.
    public init(_ code: Code, _ message: String, bufferedByteCount: Int? = nil, expectedByteCount: Int? = nil) {
        self.code = code
        self.message = message
        self.bufferedByteCount = bufferedByteCount
        self.expectedByteCount = expectedByteCount
        self.resumesAfterSkipping = nil
    }

    /// The same error, thrown by a built-in cutter so that the engine drops `byteCount` bytes
    /// and goes on instead of failing.
    @usableFromInline
    func resuming(afterSkipping byteCount: Int) -> FramingError {
        var error = self
        error.resumesAfterSkipping = byteCount
        return error
    }

    /// The message.
    public var description: String { message }

    /// Errors are equal when their codes and messages are.
    public static func == (lhs: FramingError, rhs: FramingError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message
    }

    /// Hashes the code and the message.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
    }
}

extension FramingError {
    /// A stable error kind. New kinds may be added, so `switch` over it with a `default` case.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        @usableFromInline
        enum Kind: Sendable {
            case invalidConfiguration, frameTooLong, negativeLength, truncatedFrame, unterminatedFrame
            case overlongVarint, varintOverflow, payloadTooLong, payloadContainsDelimiter, payloadLengthMismatch
            case destinationTooSmall, invalidCut
        }

        @usableFromInline
        let kind: Kind

        @inlinable
        init(_ kind: Kind) {
            self.kind = kind
        }

        /// A configuration that cannot work: a bad header format, a length field that is not an
        /// integer, a negative maximum, an empty delimiter, bad hexadecimal.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// A frame longer than the configured maximum (decoding), detected as soon as it is
        /// certain: when the header is complete, or when a delimiter can no longer come in time.
        public static let frameTooLong = Code(.frameTooLong)
        /// A signed length field holding a negative value, or a length adjustment that takes the
        /// frame length below zero.
        public static let negativeLength = Code(.negativeLength)
        /// The stream ended inside a frame (inside its header, or before its last byte).
        public static let truncatedFrame = Code(.truncatedFrame)
        /// The stream ended with bytes after the last delimiter, and the configuration asks for
        /// an error rather than a final frame.
        public static let unterminatedFrame = Code(.unterminatedFrame)
        /// A varint longer than 10 bytes, or longer than its value needs (non-minimal encoding,
        /// unless the configuration allows it).
        public static let overlongVarint = Code(.overlongVarint)
        /// A varint whose value does not fit in 64 bits.
        public static let varintOverflow = Code(.varintOverflow)
        /// A payload too long to encode: beyond the length field's integer range, or beyond the
        /// configured maximum frame length.
        public static let payloadTooLong = Code(.payloadTooLong)
        /// A payload that contains a delimiter, so delimiting it would split it.
        public static let payloadContainsDelimiter = Code(.payloadContainsDelimiter)
        /// A payload whose length differs from the fixed frame length.
        public static let payloadLengthMismatch = Code(.payloadLengthMismatch)
        /// An encoder's destination buffer is smaller than the header it must hold.
        public static let destinationTooSmall = Code(.destinationTooSmall)
        /// A ``FrameCutter`` answer that breaks the cutter protocol: a frame longer than its
        /// maximum, a negative length, more bytes skipped than are buffered. A bug in the
        /// cutter, reported instead of a trap or an out-of-bounds read.
        public static let invalidCut = Code(.invalidCut)

        /// The code's name, such as `frameTooLong`.
        public var description: String { "\(kind)" }
    }
}
