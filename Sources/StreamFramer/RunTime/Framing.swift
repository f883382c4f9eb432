/// A framing chosen at run time, such as from command-line options: the configuration of a
/// ``Framer``.
///
/// ```swift
/// // structpack frames --header '!cI' --length-adjustment -4 --max-frame 1048576
/// let framing = try Framing(header: "!cI", lengthAdjustment: -4, maximumFrameLength: 1 << 20)
/// var framer = Framer(framing)
/// ```
public enum Framing: Sendable, Hashable {
    /// A length field in a struct-format header (``LengthFieldFramer``).
    case lengthField(LengthFieldConfiguration)
    /// Delimiters (``DelimiterFramer``).
    case delimiter(DelimiterConfiguration)
    /// A fixed frame length (``FixedLengthFramer``).
    case fixedLength(FixedLengthConfiguration)
    /// A varint length (``VarintFramer``).
    case varint(VarintConfiguration)

    /// The default maximum frame length of every framing: 16 MiB.
    public static let defaultMaximumFrameLength = 16 << 20

    /// Builds a framing from command-line style options, the shape of `structpack frames`'s
    /// `--header FMT`, `--length-adjustment N`, `--max-frame N`, `--delimiter HEX`, `--varint`
    /// (and a fixed length). Its hex rules are ``bytes(fromHex:)``'s (the command's own parser
    /// also allows whitespace and comma-separated lists, but no `0x` prefix). With none of `header`, `delimiterHex`, `varint` and `fixedLength`,
    /// the framing is a `'!I'` length field. Frames are delivered without header or delimiter.
    ///
    /// - Parameters:
    ///   - header: A struct format whose last integer value is the body length, `"!I"` if `nil`.
    ///   - lengthAdjustment: Added to the length field (length framing only).
    ///   - maximumFrameLength: The longest frame (body, payload or line), 16 MiB if `nil`.
    ///   - delimiterHex: One or more delimiters in hexadecimal, separated by commas:
    ///     `"0a"`, `"0d0a,0a"`.
    ///   - varint: Whether frames have a varint length.
    ///   - fixedLength: A fixed frame length.
    ///   - endOfStream: For delimiters, what an unterminated tail at the end is.
    /// - Throws: ``FramingError/Code/invalidConfiguration`` when more than one framing is
    ///   selected, when `lengthAdjustment` is given without a length field, for bad hexadecimal,
    ///   or as the chosen configuration's initializer.
    public init(
        header: String? = nil, lengthAdjustment: Int? = nil, maximumFrameLength: Int? = nil,
        delimiterHex: String? = nil, varint: Bool = false, fixedLength: Int? = nil,
        endOfStream: DelimiterConfiguration.EndOfStream = .error
    ) throws(FramingError) {
        let selected = [header != nil, delimiterHex != nil, varint, fixedLength != nil].filter { $0 }.count
        guard selected <= 1 else {
            throw .invalidConfiguration("choose one framing: a header, a delimiter, a varint length or a fixed length")
        }
        if lengthAdjustment != nil && (delimiterHex != nil || varint || fixedLength != nil) {
            throw .invalidConfiguration("a length adjustment applies only to a header's length field")
        }
        let maximum = maximumFrameLength ?? Self.defaultMaximumFrameLength
        if let delimiterHex {
            var delimiters: [[UInt8]] = []
            for part in delimiterHex.split(separator: ",", omittingEmptySubsequences: false) {
                delimiters.append(try Self.bytes(fromHex: String(part)))
            }
            self = .delimiter(
                try DelimiterConfiguration(delimiters: delimiters, maximumFrameLength: maximum, endOfStream: endOfStream))
        } else if varint {
            self = .varint(try VarintConfiguration(maximumFrameLength: maximum))
        } else if let fixedLength {
            self = .fixedLength(try FixedLengthConfiguration(frameLength: fixedLength))
        } else {
            self = .lengthField(
                try LengthFieldConfiguration(
                    header: header ?? "!I", lengthAdjustment: lengthAdjustment ?? 0, maximumFrameLength: maximum))
        }
    }

    /// The bytes of a hexadecimal string: two digits a byte, either case, optional `0x`
    /// prefix, no separators (`"0d0a"`, `"0x00"`).
    ///
    /// - Throws: ``FramingError/Code/invalidConfiguration`` for an odd number of digits or a
    ///   character that is not a hexadecimal digit.
    public static func bytes(fromHex text: String) throws(FramingError) -> [UInt8] {
        var digits = Array(text.utf8)
        if digits.count >= 2 && digits[0] == UInt8(ascii: "0") && (digits[1] | 0x20) == UInt8(ascii: "x") {
            digits.removeFirst(2)
        }
        guard digits.count % 2 == 0 else {
            throw .invalidConfiguration("invalid hexadecimal '\(text)': odd number of digits")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else {
                throw .invalidConfiguration("invalid hexadecimal '\(text)': not a hexadecimal digit")
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
