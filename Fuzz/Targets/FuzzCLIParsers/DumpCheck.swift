import StructPackCLICore

/// Checks of the dump-text parser (`DumpDecoder`, `DumpByteSource`, `DecodedDumpSource`,
/// `DumpLayout`, SPEC §2.7).
enum DumpCheck {
    /// The most bytes of a dump expanded for comparison (repeats can stand for far more).
    static let expansionLimit = 1 << 20

    /// Decodes arbitrary text, whole and in the pieces `plan` cuts it into.
    ///
    /// Invariants: never traps; the same canonical pieces (or the same error) whatever the
    /// cutting; errors name a line of the text and read as one line; a bare dump is exactly
    /// `bytes.fromhex` of the text; the streaming and the random-access sources give the same
    /// bytes and length; text `bytes.fromhex` refuses is recognized only when it starts like a
    /// dump or has a `*` line.
    static func decode(_ text: [UInt8], plan: [UInt8]) {
        let whole = run(text, cuts: [])
        let cut = run(text, cuts: plan)
        invariant(
            whole.result == cut.result,
            "'\(printable(text))': whole \(whole.result), cut by \(plan) \(cut.result)"
        )
        switch whole.result {
        case .failure(let error):
            let lines = text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
            invariant(error.line >= 1 && error.line <= lines + 1, "'\(printable(text))': error on line \(error.line)")
            invariant(
                error.column.map { $0 >= 1 } ?? true,
                "'\(printable(text))': column \(String(describing: error.column))"
            )
            invariant(!error.description.contains("\n"), "dump error is not one line: \(error)")
            invariant(
                (try? DecodedDumpSource(text: String(decoding: text, as: UTF8.self))) == nil || !isValidUTF8(text),
                "'\(printable(text))': DecodedDumpSource accepts what the decoder refuses"
            )
        case .success(let pieces):
            checkSources(text, pieces: pieces)
            if whole.layout == .bare, isValidUTF8(text) {
                let fromHex = try? HexDecoder.decode(String(decoding: text, as: UTF8.self))
                invariant(
                    fromHex == expand(pieces, limit: Int.max),
                    "'\(printable(text))': bare dump is not bytes.fromhex"
                )
            }
        }
        if isValidUTF8(text) {
            let string = String(decoding: text, as: UTF8.self)
            if (try? HexDecoder.decode(string)) == nil && DumpLayout.isRecognizable(string) {
                let firstLine = text.split(separator: UInt8(ascii: "\n")).first { !$0.allSatisfy(isSpace) }
                let hasStar = text.split(separator: UInt8(ascii: "\n")).contains { line in
                    line.filter { !isSpace($0) } == [UInt8(ascii: "*")]
                }
                invariant(
                    hasStar || firstLine.map { PythonHexDigits.isOffsetStart($0) } == true,
                    "'\(printable(text))' recognized as a dump"
                )
            }
        }
    }

    /// Renders bytes in one of the tools' layouts and decodes them back.
    static func renderRoundTrip(_ bytes: [UInt8], style byte: UInt8, plan: [UInt8]) {
        let style = DumpRenderer.style(byte)
        let text = Array(DumpRenderer.render(bytes, as: style).utf8)
        for cuts in [[], plan] {
            let decoded = run(text, cuts: cuts)
            guard case .success(let pieces) = decoded.result else {
                invariantFailure("\(style) of \(hex(bytes)) does not decode: \(decoded.result)\n\(printable(text))")
            }
            invariant(expand(pieces, limit: Int.max) == bytes, "\(style) of \(hex(bytes)) decodes to something else")
        }
        let string = String(decoding: text, as: UTF8.self)
        do {
            let source = try DecodedDumpSource(text: string)
            invariant(
                source.knownCount == bytes.count,
                "\(style): DecodedDumpSource length \(String(describing: source.knownCount))"
            )
            invariant(source.read(at: 0, count: bytes.count) == bytes, "\(style): DecodedDumpSource bytes differ")
        } catch {
            invariantFailure("\(style): DecodedDumpSource refuses its own dump: \(error)")
        }
        // What structpack reads without --dump: plain hex stays plain hex, the rest is recognized.
        if (try? HexDecoder.decode(string)) == nil, !bytes.isEmpty {
            invariant(DumpLayout.isRecognizable(string), "\(style) of \(hex(bytes)) is not recognized")
        }
    }

    // MARK: Running the decoder

    /// A decode's outcome: canonical pieces (runs merged) or the error, and the layout.
    struct Outcome {
        var result: Result<[DumpDecoder.Piece], DumpError>
        var layout: DumpLayout?
    }

    /// Feeds `text` to a decoder, cut at the positions `cuts` gives (each byte a piece length).
    static func run(_ text: [UInt8], cuts: [UInt8]) -> Outcome {
        var decoder = DumpDecoder()
        var pieces: [DumpDecoder.Piece] = []
        var start = 0
        var plan = cuts.makeIterator()
        do {
            while start < text.count {
                let length = cuts.isEmpty ? text.count : Int(plan.next() ?? 255) + 1
                let end = min(text.count, start + length)
                try decoder.decode(text[start..<end], into: &pieces)
                start = end
            }
            try decoder.finish(into: &pieces)
        } catch {
            return Outcome(result: .failure(error), layout: decoder.layout)
        }
        return Outcome(result: .success(canonical(pieces)), layout: decoder.layout)
    }

    /// Pieces with adjacent runs of bytes merged: the same for any cutting of the text.
    static func canonical(_ pieces: [DumpDecoder.Piece]) -> [DumpDecoder.Piece] {
        var result: [DumpDecoder.Piece] = []
        for piece in pieces {
            if case .bytes(let more) = piece, case .bytes(let run)? = result.last {
                result[result.count - 1] = .bytes(run + more)
            } else {
                result.append(piece)
            }
        }
        return result
    }

    /// The bytes the pieces stand for, or `nil` past `limit`.
    static func expand(_ pieces: [DumpDecoder.Piece], limit: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        for piece in pieces {
            switch piece {
            case .bytes(let run):
                bytes += run
            case .repeated(let pattern, let count):
                guard count <= limit / max(1, pattern.count) else { return nil }
                for _ in 0..<count { bytes += pattern }
            }
            if bytes.count > limit { return nil }
        }
        return bytes
    }

    /// The streaming and random-access sources against the pieces, within the expansion limit.
    static func checkSources(_ text: [UInt8], pieces: [DumpDecoder.Piece]) {
        var total = 0
        for piece in pieces {
            switch piece {
            case .bytes(let run): total += run.count
            case .repeated(let pattern, let count):
                let (product, overflow) = pattern.count.multipliedReportingOverflow(by: count)
                invariant(!overflow && product > 0, "repeat of \(pattern.count) × \(count)")
                let (sum, sumOverflow) = total.addingReportingOverflow(product)
                invariant(!sumOverflow, "dump length overflows")
                total = sum
            }
        }
        let prefixLength = min(total, expansionLimit)
        let expected = prefix(of: pieces, count: prefixLength)
        do {
            let streamed = try DumpByteSource(text: MemoryStreamSource(text)).readNext(upTo: prefixLength)
            invariant(streamed == expected, "DumpByteSource differs from the pieces")
        } catch {
            invariantFailure("DumpByteSource fails where the decoder does not: \(error)")
        }
        guard isValidUTF8(text) else { return }
        do {
            let source = try DecodedDumpSource(text: String(decoding: text, as: UTF8.self))
            invariant(
                source.knownCount == total,
                "DecodedDumpSource length \(String(describing: source.knownCount)) vs \(total)"
            )
            invariant(source.read(at: 0, count: prefixLength) == expected, "DecodedDumpSource differs")
            if total > 8 {
                // The end of a long dump, read at an offset without expanding what comes before.
                let tail = source.read(at: total - 8, count: 8)
                invariant(tail.count == 8, "DecodedDumpSource tail of \(tail.count) bytes")
            }
        } catch {
            invariantFailure("DecodedDumpSource fails where the decoder does not: \(error)")
        }
    }

    /// The first `count` bytes of the pieces, expanding no more than that.
    static func prefix(of pieces: [DumpDecoder.Piece], count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for piece in pieces where bytes.count < count {
            switch piece {
            case .bytes(let run): bytes += run.prefix(count - bytes.count)
            case .repeated(let pattern, let repeats):
                var remaining = min(count - bytes.count, pattern.count * repeats)
                while remaining > 0 {
                    let part = pattern.prefix(remaining)
                    bytes += part
                    remaining -= part.count
                }
            }
        }
        return bytes
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// The text with control characters escaped, for messages.
    private static func printable(_ text: [UInt8]) -> String {
        String(decoding: text, as: UTF8.self).debugDescription
    }
}

/// The start of a dump line as SPEC §2.7 defines it: 4 to 16 hex digits, then `: ` and a hex
/// digit, or 2 to 16 spaces and a hex digit.
enum PythonHexDigits {
    static func isOffsetStart(_ line: ArraySlice<UInt8>) -> Bool {
        let isHex = { (byte: UInt8) in
            (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        }
        let digits = line.prefix(while: isHex).count
        guard (4...16).contains(digits) else { return false }
        var rest = line.dropFirst(digits)
        if rest.first == UInt8(ascii: ":") {
            rest = rest.dropFirst()
            return rest.first == 0x20 && rest.dropFirst().first.map(isHex) == true
        }
        let spaces = rest.prefix { $0 == 0x20 }.count
        return (2...16).contains(spaces) && rest.dropFirst(spaces).first.map(isHex) == true
    }
}
