import StreamFramer
import StructPack

/// Target 4, encoder/decoder round trip for every framing: fuzzer bytes give a framing
/// (``FramingBuilder``) and payloads.
///
/// Checks (SPEC.md §3.7: "each encoder writes what the framer with the same configuration
/// decodes back to the same payload, and rejects what it would reject"):
/// - each payload the encoder accepts decodes back to itself, alone and in the concatenated
///   stream, which ends cleanly; the encoder's header-only forms (`header(payloadCount:)`,
///   `writeHeader(payloadCount:into:)`) write the same header, and nothing into a destination
///   too small;
/// - each payload it rejects is rejected for the documented reason: over the maximum, outside
///   the length field's range, containing a delimiter (exactly when decoding payload +
///   delimiter would not give the payload back), or not the fixed length;
/// - length-field headers carry the template's other fields and the framer reports the header
///   values; varints round-trip for any 64-bit value and decode arbitrary bytes without
///   trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEncoderRoundTrip(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzInput(UnsafeRawBufferPointer(start: data, count: count))
    checkVarint(&input)
    let framing: Framing
    switch FramingBuilder.build(&input) {
    case .success(let built): framing = built
    case .failure(let error):
        invariant(error.code == .invalidConfiguration, "configuration error with code \(error.code)")
        return 0
    }
    var payloads: [[UInt8]] = []
    for _ in 0..<input.int(in: 0...6) {
        let length = input.byte()
        payloads.append(input.bytes(length < 0xF0 ? Int(length) : Int(length & 0x0F) << 8 | Int(input.byte())))
    }
    switch framing {
    case .lengthField(let options): LengthFieldRoundTrip.run(options, payloads: payloads, input: &input)
    case .delimiter(let options): DelimiterRoundTrip.run(options, payloads: payloads, input: &input)
    case .fixedLength(let options): FixedLengthRoundTrip.run(options, payloads: payloads)
    case .varint(let options): VarintRoundTrip.run(options, payloads: payloads)
    }
    return 0
}

/// `Varint`: any value encodes minimally and decodes back; any bytes decode without trapping,
/// to a value whose minimal encoding they are (or a non-minimal one, when allowed).
private func checkVarint(_ input: inout FuzzInput) {
    let value = input.uint64() >> UInt64(input.byte() % 64)
    let encoded = Varint.encode(value)
    invariant(encoded.count == Varint.byteCount(of: value), "varint \(value) is \(hex(encoded))")
    withExactCopy(of: encoded) { bytes in
        let decoded = try? Varint.decode(bytes)
        invariant(decoded == .value(value, byteCount: encoded.count), "varint \(hex(encoded)) decoded to \(String(describing: decoded))")
    }
    let raw = input.bytes(input.int(in: 0...12))
    for allowsNonMinimal in [false, true] {
        withExactCopy(of: raw) { bytes in
            do throws(FramingError) {
                switch try Varint.decode(bytes, allowsNonMinimal: allowsNonMinimal) {
                case .incomplete:
                    invariant(raw.count < 10 && raw.allSatisfy { $0 & 0x80 != 0 }, "varint \(hex(raw)) incomplete")
                case .value(let decoded, let byteCount):
                    let minimal = Varint.encode(decoded)
                    invariant(
                        Array(raw.prefix(byteCount)) == minimal || (allowsNonMinimal && byteCount > minimal.count),
                        "varint \(hex(raw)) decoded to \(decoded) in \(byteCount) bytes")
                }
            } catch {
                invariant(
                    error.code == .overlongVarint || error.code == .varintOverflow,
                    "varint \(hex(raw)) threw \(error.code): \(error.message)")
            }
        }
    }
}

/// Decodes `stream` whole with a fresh framer of `framing`: the frames, then how it ended.
func decodeAll(_ framing: Framing, _ stream: [UInt8]) -> (frames: [Frame], end: FramingError?) {
    var framer = Framer(framing)
    framer.append(stream)
    var frames: [Frame] = []
    do {
        while let frame = try framer.next() { frames.append(frame) }
        while let frame = try framer.finish() { frames.append(frame) }
        return (frames, nil)
    } catch {
        return (frames, error)
    }
}

/// The stream of every accepted payload decodes to exactly those payloads and ends cleanly.
func checkStream(_ framing: Framing, _ stream: [UInt8], _ accepted: [[UInt8]]) {
    let (frames, end) = decodeAll(framing, stream)
    invariant(
        end == nil && frames.map { Array($0.payload) } == accepted,
        "\(framing): stream \(hex(stream)) decoded to \(frames.map { hex($0.payload) }) \(String(describing: end)); "
            + "encoded \(accepted.map { hex($0) })")
}
