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
///   agrees with it on plain digit strings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCLIParsers(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzInput(UnsafeRawBufferPointer(start: data, count: count))
    let mode = input.byte()
    switch mode % 6 {
    case 0, 1:
        LiteralCheck.parse(String(decoding: input.rest(), as: UTF8.self))
    case 2:
        LiteralCheck.reprRoundTrip(&input)
    case 3, 4:
        HexCheck.decode(String(decoding: input.rest(), as: UTF8.self))
    default:
        HexCheck.encodeRoundTrip(input.rest(), spacing: mode)
    }
    return 0
}
