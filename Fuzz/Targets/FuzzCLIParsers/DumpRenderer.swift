/// A second, independent writer of the dump layouts structpack reads (SPEC §2.7), written from
/// the tools' output as shown in Tests/StructPackCLITests/Dumps and Wireshark's
/// `DataPrinter::hexTextDump`: bytes rendered here must decode back to themselves.
///
/// Repeated lines are shortened to `*` in hexdump's way (a full line equal to the one before
/// it), which xxd -a and od also produce for their own repeats.
enum DumpRenderer {
    /// The layouts, with the options that change their shape.
    enum Style {
        /// xxd: `columns` bytes a line in groups of `group`, uppercase hex or not, `*` for repeats.
        case xxd(columns: Int, group: Int, uppercase: Bool, squeeze: Bool)
        /// xxd -p: 30 bytes (60 digits) a line.
        case xxdPlain
        /// hexdump -C.
        case hexdumpCanonical
        /// Wireshark's "Copy Bytes as Hex + ASCII Dump" (`ascii`) or "…as Hex Dump".
        case wireshark(ascii: Bool)
        /// od -v -An -tx1.
        case od
    }

    /// Picks a style from one byte.
    static func style(_ byte: UInt8) -> Style {
        switch byte % 6 {
        case 0:
            return .xxd(
                columns: [16, 8, 24, 4][Int(byte >> 3) % 4],
                group: [2, 1, 4, 8][Int(byte >> 5) % 4],
                uppercase: byte & 0x40 != 0,
                squeeze: byte & 0x80 != 0
            )
        case 1: return .xxdPlain
        case 2: return .hexdumpCanonical
        case 3: return .wireshark(ascii: true)
        case 4: return .wireshark(ascii: false)
        default: return .od
        }
    }

    /// The dump text of `bytes`.
    static func render(_ bytes: [UInt8], as style: Style) -> String {
        switch style {
        case .xxd(let columns, let group, let uppercase, let squeeze):
            return xxd(bytes, columns: columns, group: group, uppercase: uppercase, squeeze: squeeze)
        case .xxdPlain:
            return lines(of: bytes, width: 30).map { hex($0) + "\n" }.joined()
        case .hexdumpCanonical:
            return hexdump(bytes)
        case .wireshark(let ascii):
            return wireshark(bytes, ascii: ascii)
        case .od:
            return lines(of: bytes, width: 16).map { $0.map { " " + hex([$0]) }.joined() + "\n" }.joined()
        }
    }

    private static func xxd(_ bytes: [UInt8], columns: Int, group: Int, uppercase: Bool, squeeze: Bool) -> String {
        var text = ""
        let all = lines(of: bytes, width: columns)
        var squeezing = false
        for (index, line) in all.enumerated() {
            let isLast = index == all.count - 1
            if squeeze, index > 0, !isLast, line.count == columns, line == all[index - 1] {
                if !squeezing { text += "*\n" }
                squeezing = true
                continue
            }
            squeezing = false
            var hexArea = ""
            for position in 0..<columns {
                if position > 0 && position % group == 0 { hexArea += " " }
                hexArea += position < line.count ? hex([line[position]]) : "  "
            }
            if uppercase { hexArea = hexArea.uppercased() }
            text += offset(index * columns, digits: 8) + ": " + hexArea + "  " + ascii(line) + "\n"
        }
        return text
    }

    private static func hexdump(_ bytes: [UInt8]) -> String {
        guard !bytes.isEmpty else { return "" }
        var text = ""
        let all = lines(of: bytes, width: 16)
        var squeezing = false
        for (index, line) in all.enumerated() {
            if index > 0, line.count == 16, line == all[index - 1] {
                if !squeezing { text += "*\n" }
                squeezing = true
                continue
            }
            squeezing = false
            var hexArea = ""
            for position in 0..<16 {
                hexArea += position < line.count ? hex([line[position]]) + " " : "   "
                if position == 7 { hexArea += " " }
            }
            text += offset(index * 16, digits: 8) + "  " + hexArea + " |" + ascii(line) + "|\n"
        }
        return text + offset(bytes.count, digits: 8) + "\n"
    }

    private static func wireshark(_ bytes: [UInt8], ascii withASCII: Bool) -> String {
        var text = ""
        for (index, line) in lines(of: bytes, width: 16).enumerated() {
            text += offset(index * 16, digits: 4) + "  " + line.map { " " + hex([$0]) }.joined()
            if withASCII {
                text += "   " + String(repeating: " ", count: (16 - line.count) * 3) + ascii(line)
            }
            text += "\n"
        }
        return text
    }

    // MARK: Pieces

    private static func lines(of bytes: [UInt8], width: Int) -> [[UInt8]] {
        stride(from: 0, to: bytes.count, by: width).map { Array(bytes[$0..<min($0 + width, bytes.count)]) }
    }

    private static func offset(_ value: Int, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// Printable ASCII as itself, other bytes as `.`.
    private static func ascii(_ line: [UInt8]) -> String {
        String(decoding: line.map { (0x20...0x7E).contains($0) ? $0 : UInt8(ascii: ".") }, as: UTF8.self)
    }
}
