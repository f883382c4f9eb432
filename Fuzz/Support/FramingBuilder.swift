import StreamFramer
import StructPack

/// Builds a framing configuration from fuzzer bytes: any of the four framings, with options
/// near their edges (small maximums so frames complete within an input, header formats with
/// signed, unsigned and native length fields, adjustments around zero, several delimiters that
/// overlap one another, over-long frames failing or discarded).
///
/// Maximum frame lengths stay small (mostly under 300 bytes, at most 64 KiB) so that frames
/// complete inside one input and the memory bound is tight; configuration errors are part of
/// the test (the builder returns them and the caller checks they are configuration errors).
enum FramingBuilder {
    /// Header formats for the length-field framing: standard and native, signed and unsigned,
    /// with other fields before and after the length, and some with no integer at all.
    static let headers = [
        "!I", "<H", ">Q", "!cI", "b", "<q", "@bi", "=xH", "!BBH", "<3sI", "q", ">h", "!i", "<Ic", "B", "@P",
        "@n", "N", "<l", ">L", "!2H", "<e", "3s", "", "<0sB", "@?xq", "!HH4s", "<bhH",
    ]

    /// The longest wire frame of `framing` (SPEC.md §3.2's M).
    static func longestWireFrame(_ framing: Framing) -> Int {
        switch framing {
        case .lengthField(let options): options.headerSize + options.maximumFrameLength
        case .delimiter(let options): options.maximumFrameLength + (options.delimiters.map(\.count).max() ?? 0)
        case .fixedLength(let options): options.frameLength
        case .varint(let options): Varint.maximumByteCount + options.maximumFrameLength
        }
    }

    /// A maximum frame length: small mostly, at the boundaries sometimes.
    static func maximum(_ input: inout FuzzInput) -> Int {
        let choice = input.byte()
        switch choice % 8 {
        case 0: return 0
        case 1, 2, 3: return Int(input.byte())
        case 4, 5: return Int(input.byte()) % 16
        case 6: return Int(input.byte()) << 4 | Int(choice >> 4)
        default: return choice & 0x80 != 0 ? 1 << 16 : -Int(input.byte() % 3)
        }
    }

    /// A framing, or the configuration error its options produce.
    static func build(_ input: inout FuzzInput) -> Result<Framing, FramingError> {
        Result { () throws(FramingError) -> Framing in
            switch input.byte() % 4 {
            case 0:
                let header = input.pick(headers)
                let index: Int? = input.byte() % 4 == 0 ? input.int(in: -1...4) : nil
                let adjustment: Int
                switch input.byte() % 8 {
                case 0: adjustment = 0
                case 1: adjustment = -((try? Struct(header).size) ?? 0)
                case 2: adjustment = input.pick([Int.min, Int.max, Int.min + 1, Int.max - 1])
                default: adjustment = input.int(in: -12...12)
                }
                let maximum = maximum(&input)
                let options = input.byte()
                return .lengthField(
                    try LengthFieldConfiguration(
                        header: header, lengthFieldIndex: index, lengthAdjustment: adjustment,
                        maximumFrameLength: maximum, keepsHeader: options & 1 != 0,
                        overlongFrames: options & 2 != 0 ? .discard : .fail))
            case 1:
                var delimiters: [[UInt8]] = []
                for _ in 0..<input.int(in: 1...3) {
                    let kind = input.byte()
                    switch kind % 4 {
                    case 0: delimiters.append([0x0A])
                    case 1: delimiters.append([0x0D, 0x0A])
                    default: delimiters.append(input.bytes(Int(kind >> 2) % 4 + (kind & 0x80 == 0 ? 1 : 0)))
                    }
                }
                let options = input.byte()
                return .delimiter(
                    try DelimiterConfiguration(
                        delimiters: delimiters, keepsDelimiter: options & 1 != 0, maximumFrameLength: maximum(&input),
                        endOfStream: options & 2 != 0 ? .finalFrame : .error,
                        overlongFrames: options & 4 != 0 ? .skipToNextDelimiter : .fail))
            case 2:
                let choice = input.byte()
                let length = choice == 0xFF ? 0 : choice >= 0xF0 ? Int(input.byte()) << 4 : Int(choice % 40) + 1
                return .fixedLength(try FixedLengthConfiguration(frameLength: length))
            default:
                let options = input.byte()
                return .varint(
                    try VarintConfiguration(
                        maximumFrameLength: options & 0x80 != 0 ? 300 : maximum(&input), keepsHeader: options & 1 != 0,
                        allowsNonMinimalEncoding: options & 2 != 0, overlongFrames: options & 4 != 0 ? .discard : .fail))
            }
        }
    }
}
