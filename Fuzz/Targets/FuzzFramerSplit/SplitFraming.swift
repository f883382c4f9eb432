import FramingExamples
import StreamFramer

/// What FuzzFramerSplit frames with: a built-in framing (``FramingBuilder``), or one of the
/// custom cutters of FramingExamples, which reach the engine only through the public
/// `FrameCutter` protocol.
enum SplitFraming: CustomStringConvertible {
    case builtIn(Framing)
    case http2(HTTP2FrameCutter)
    case mqtt(MQTTPacketCutter)
    case webSocket(WebSocketFrameCutter)

    /// A framing from fuzzer bytes: mostly built-in, one input in eight a custom cutter (HTTP/2,
    /// MQTT or WebSocket) with a small maximum (so frames complete within an input) that fails
    /// or discards.
    static func build(_ input: inout FuzzInput) -> Result<SplitFraming, FramingError> {
        let selector = input.byte()
        guard selector >= 0xE0 else { return FramingBuilder.build(&input).map(SplitFraming.builtIn) }
        let maximum = FramingBuilder.maximum(&input)
        let overlong: OverlongFrameAction = selector & 2 != 0 ? .discard : .fail
        return Result { () throws(FramingError) -> SplitFraming in
            switch Int(selector >> 2 & 0x07) % 3 {
            case 0: .http2(try HTTP2FrameCutter(maximumPayloadLength: maximum, overlongFrames: overlong))
            case 1: .mqtt(try MQTTPacketCutter(maximumRemainingLength: maximum, overlongFrames: overlong))
            default: .webSocket(try WebSocketFrameCutter(maximumPayloadLength: maximum, overlongFrames: overlong))
            }
        }
    }

    /// M in SPEC.md §3.2.
    var longestWireFrame: Int {
        switch self {
        case .builtIn(let framing): FramingBuilder.longestWireFrame(framing)
        case .http2(let cutter): cutter.maximumFrameLength
        case .mqtt(let cutter): cutter.maximumFrameLength
        case .webSocket(let cutter): cutter.maximumFrameLength
        }
    }

    /// Whether `error` may leave the framer running: a delimiter framer's over-long frame under
    /// `.skipToNextDelimiter` (SPEC.md §3.1).
    func mayContinue(after error: FramingError) -> Bool {
        if case .builtIn(.delimiter(let options)) = self, options.overlongFrames == .skipToNextDelimiter,
            error.code == .frameTooLong
        {
            return true
        }
        return false
    }

    var description: String {
        switch self {
        case .builtIn(let framing): "\(framing)"
        case .http2(let cutter): "\(cutter)"
        case .mqtt(let cutter): "\(cutter)"
        case .webSocket(let cutter): "\(cutter)"
        }
    }
}
