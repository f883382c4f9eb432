import StreamFramer
import StructPack
import StructPackCLICore

/// Target 5, the command line's text parsers: the first byte picks a check, the rest is the
/// text (decoded from UTF-8 as a command-line argument is) or the raw material of a value.
///
/// Checks:
/// - `PythonLiteralParser.parse` never traps; what it accepts means what Python means: a
///   decimal integer is `Int128(text)` when that fits and its nearest double is `Double(text)`;
///   every literal packs (or fails with a `StructError`) into every code;
/// - Python's reprs read back: `parse(repr(x)) == x` for any double (bit for bit, NaN aside),
///   any bytes and any `Int128`; a `str` repr is one line;
/// - `HexDecoder.decode` never traps; what it decodes re-encodes to the same digits; errors
///   point inside the text; `Framing.bytes(fromHex:)`, the frames command's stricter hex,
///   agrees with it on plain digit strings;
/// - the dump parser (`DumpDecoder`, SPEC §2.7) never traps on any text, however it is cut into
///   pieces, and gives the same bytes or error for every cutting; bare dumps are
///   `bytes.fromhex`; the streaming and random-access sources agree; what `DumpRenderer` writes
///   in xxd's, hexdump's, Wireshark's or od's layout decodes back to its bytes.
///
/// Input: a mode byte (`% 8`: 0–1 literal, 2 reprs, 3–4 hex, 5 hex round trip, 6 dump text, 7
/// dump round trip); for modes 6 and 7 a style byte (7), a plan length and that many plan
/// bytes (each cuts a piece of 1 + byte), then the text or bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCLIParsers(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzInput(UnsafeRawBufferPointer(start: data, count: count))
    let mode = input.byte()
    switch mode % 8 {
    case 0, 1:
        LiteralCheck.parse(String(decoding: input.rest(), as: UTF8.self))
    case 2:
        LiteralCheck.reprRoundTrip(&input)
    case 3, 4:
        HexCheck.decode(String(decoding: input.rest(), as: UTF8.self))
    case 5:
        HexCheck.encodeRoundTrip(input.rest(), spacing: mode)
    case 6:
        let plan = input.bytes(Int(input.byte() % 16))
        DumpCheck.decode(input.rest(), plan: plan)
    default:
        let style = input.byte()
        let plan = input.bytes(Int(input.byte() % 16))
        DumpCheck.renderRoundTrip(Array(input.rest().prefix(4096)), style: style, plan: plan)
    }
    return 0
}
