/// The options of ``DelimiterFramer``: frames end with one of one or more delimiters (`\n`,
/// `\r\n`, any byte string).
///
/// ```
///  delimiters ["\n", "\r\n"]:
///  +---+---+---+----+----+---+---+----+
///  | o | n | e | \r | \n | t | w | \n |    -> "one", "tw"   (delimiters stripped)
///  +---+---+---+----+----+---+---+----+
/// ```
///
/// Matching rule: a frame ends at the delimiter occurrence that **ends** first in the stream;
/// when several delimiters end at the same byte, the longest wins (`\r\n` over `\n`). The rule
/// needs no look-ahead, so the frames never depend on how the stream was split into chunks.
/// A delimiter never overlaps the previous frame's delimiter.
///
/// ``maximumFrameLength`` bounds the frame without its delimiter. It is enforced as soon as it
/// is certain: when a delimiter arrives after too many bytes, or when `maximum + L` bytes (L the
/// longest delimiter's length) have arrived without one, so at most `maximum + L - 1` bytes of
/// a frame are ever buffered.
public struct DelimiterConfiguration: Sendable, Hashable {
    /// What an unterminated tail at the end of the stream is.
    public enum EndOfStream: Sendable, Hashable {
        /// An error, ``FramingError/Code/unterminatedFrame`` (the default).
        case error
        /// A final frame with an empty ``Frame/delimiter`` (if within the maximum length).
        case finalFrame
    }

    /// What the framer does after a frame longer than the maximum.
    public enum OverlongFrames: Sendable, Hashable {
        /// Throw ``FramingError/Code/frameTooLong`` and stop, like the length framer (the
        /// default).
        case fail
        /// Throw ``FramingError/Code/frameTooLong`` once, then discard bytes up to and including
        /// the next delimiter and carry on with the frame after it (Netty's discard mode).
        case skipToNextDelimiter
    }

    /// The default ``maximumFrameLength``: 16 MiB.
    public static let defaultMaximumFrameLength = 16 << 20
    /// The longest delimiter accepted: 4 KiB.
    public static let maximumDelimiterLength = 4096

    /// The delimiters, as given.
    public let delimiters: [[UInt8]]
    /// Whether delivered frames end with their delimiter (``Frame/delimiter`` holds it either way).
    public let keepsDelimiter: Bool
    /// The longest frame accepted, delimiter not counted.
    public let maximumFrameLength: Int
    /// What an unterminated tail at the end of the stream is.
    public let endOfStream: EndOfStream
    /// What happens after an over-long frame.
    public let overlongFrames: OverlongFrames

    /// The delimiters, longest first, so the longest of those ending at one byte wins.
    @usableFromInline let delimitersLongestFirst: [[UInt8]]
    /// The length of the longest delimiter.
    @usableFromInline let longestDelimiter: Int

    /// Validates delimiter options.
    ///
    /// - Parameters:
    ///   - delimiters: One or more non-empty byte strings of at most ``maximumDelimiterLength``
    ///     bytes; duplicates are ignored.
    ///   - keepsDelimiter: Whether frames include their delimiter.
    ///   - maximumFrameLength: The longest frame, delimiter not counted; at least 0.
    ///   - endOfStream: Error (default) or final frame for an unterminated tail.
    ///   - overlongFrames: Stop (default) or skip to the next delimiter after an over-long frame.
    /// - Throws: ``FramingError/Code/invalidConfiguration`` for no delimiter, an empty or too
    ///   long delimiter, or a negative (or overflowing) maximum.
    public init(
        delimiters: [[UInt8]], keepsDelimiter: Bool = false,
        maximumFrameLength: Int = DelimiterConfiguration.defaultMaximumFrameLength,
        endOfStream: EndOfStream = .error, overlongFrames: OverlongFrames = .fail
    ) throws(FramingError) {
        guard !delimiters.isEmpty else { throw .invalidConfiguration("at least one delimiter is required") }
        var unique: [[UInt8]] = []
        for delimiter in delimiters where !unique.contains(delimiter) {
            guard !delimiter.isEmpty else { throw .invalidConfiguration("a delimiter cannot be empty") }
            guard delimiter.count <= Self.maximumDelimiterLength else {
                throw .invalidConfiguration(
                    "a delimiter of \(delimiter.count) bytes is longer than the maximum of "
                        + "\(Self.maximumDelimiterLength)")
            }
            unique.append(delimiter)
        }
        let longest = unique.map(\.count).max() ?? 1
        guard maximumFrameLength >= 0 && maximumFrameLength <= Int.max - longest else {
            throw .invalidConfiguration(
                "maximum frame length \(maximumFrameLength) is out of range 0...\(Int.max - longest)")
        }
        self.delimiters = delimiters
        self.keepsDelimiter = keepsDelimiter
        self.maximumFrameLength = maximumFrameLength
        self.endOfStream = endOfStream
        self.overlongFrames = overlongFrames
        self.delimitersLongestFirst = unique.sorted { $0.count > $1.count }
        self.longestDelimiter = longest
    }

    /// Validates options for a single delimiter, `"\n"` by default.
    ///
    /// - Throws: as ``init(delimiters:keepsDelimiter:maximumFrameLength:endOfStream:overlongFrames:)``.
    public init(
        delimiter: [UInt8] = [0x0A], keepsDelimiter: Bool = false,
        maximumFrameLength: Int = DelimiterConfiguration.defaultMaximumFrameLength,
        endOfStream: EndOfStream = .error, overlongFrames: OverlongFrames = .fail
    ) throws(FramingError) {
        try self.init(
            delimiters: [delimiter], keepsDelimiter: keepsDelimiter, maximumFrameLength: maximumFrameLength,
            endOfStream: endOfStream, overlongFrames: overlongFrames)
    }
}
