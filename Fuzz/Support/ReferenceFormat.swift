import StructPack

/// An independent model of SPEC.md §1.1–1.4 (grammar, sizes, alignment, layout), written from
/// the specification rather than from `FormatParser`, in `Int128` arithmetic so that no step can
/// overflow: what `Struct(formatBytes:)` must produce for any bytes.
///
/// Native sizes are the LP64 column of SPEC.md §1.3 (Linux and macOS on x86_64 and arm64, the
/// only hosts the fuzzers run on).
enum ReferenceFormat {
    /// One item of a parsed format, as `Struct.Field` describes it.
    struct Item: Equatable {
        var code: UInt8
        var count: Int
        var offset: Int
        var alignmentPadding: Int
        var itemSize: Int
    }

    /// A parsed format: its prefix character (0 for none), items, size and value count.
    struct Layout: Equatable {
        var prefix: UInt8
        var items: [Item]
        var size: Int
        var valueCount: Int
    }

    /// The error codes of §1.9 that parsing can produce.
    enum Failure: Error, Equatable {
        case embeddedNull, badCharacter, repeatCountWithoutFormat, sizeTooLong

        /// The `StructError.Code` the library must report.
        var code: StructError.Code {
            switch self {
            case .embeddedNull: .embeddedNull
            case .badCharacter: .badCharacter
            case .repeatCountWithoutFormat: .repeatCountWithoutFormat
            case .sizeTooLong: .sizeTooLong
            }
        }
    }

    /// Standard sizes (§1.3, "Std size"); `nil` for codes that do not exist in standard mode.
    static func standardSize(_ code: UInt8) -> Int? {
        switch code {
        case UInt8(ascii: "x"), UInt8(ascii: "c"), UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "?"),
            UInt8(ascii: "s"), UInt8(ascii: "p"):
            1
        case UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "e"): 2
        case UInt8(ascii: "i"), UInt8(ascii: "I"), UInt8(ascii: "l"), UInt8(ascii: "L"), UInt8(ascii: "f"): 4
        case UInt8(ascii: "q"), UInt8(ascii: "Q"), UInt8(ascii: "d"): 8
        default: nil
        }
    }

    /// Native (LP64) size and alignment (§1.3); size equals alignment for every code.
    static func nativeSize(_ code: UInt8) -> Int? {
        switch code {
        case UInt8(ascii: "l"), UInt8(ascii: "L"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "P"): 8
        default: standardSize(code)
        }
    }

    /// Parses `bytes` as §1.1 says a bytes format is parsed.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Result<Layout, Failure> {
        if bytes.contains(0) { return .failure(.embeddedNull) }
        let maximum = Int128(Int.max)
        var index = 0
        var prefix: UInt8 = 0
        if let first = bytes.first, Array("@=<>!".utf8).contains(first) {
            prefix = first
            index = 1
        }
        let native = prefix == 0 || prefix == UInt8(ascii: "@")
        var layout = Layout(prefix: prefix, items: [], size: 0, valueCount: 0)
        var size: Int128 = 0
        var values: Int128 = 0
        while index < bytes.count {
            var character = bytes[index]
            index += 1
            if character == 0x20 || (0x09...0x0D).contains(character) { continue }
            var count: Int128 = 1
            if (0x30...0x39).contains(character) {
                count = Int128(character - 0x30)
                while true {
                    guard index < bytes.count else { return .failure(.repeatCountWithoutFormat) }
                    character = bytes[index]
                    index += 1
                    guard (0x30...0x39).contains(character) else { break }
                    count = count * 10 + Int128(character - 0x30)
                    if count > maximum { return .failure(.sizeTooLong) }
                }
            }
            guard let itemSize = native ? nativeSize(character) : standardSize(character) else {
                return .failure(.badCharacter)
            }
            var padding: Int128 = 0
            if native && itemSize > 1 && size > 0 {
                padding = (Int128(itemSize) - size % Int128(itemSize)) % Int128(itemSize)
            }
            let offset = size + padding
            if offset > maximum { return .failure(.sizeTooLong) }
            let isBytes = character == UInt8(ascii: "s") || character == UInt8(ascii: "p") || character == UInt8(ascii: "x")
            size = offset + (isBytes ? count : count * Int128(itemSize))
            if size > maximum { return .failure(.sizeTooLong) }
            switch character {
            case UInt8(ascii: "x"): break
            case UInt8(ascii: "s"), UInt8(ascii: "p"): values += 1
            default: values += count
            }
            layout.items.append(
                Item(
                    code: character, count: Int(count), offset: Int(offset), alignmentPadding: Int(padding),
                    itemSize: isBytes && character != UInt8(ascii: "x") ? Int(count) : itemSize))
        }
        layout.size = Int(size)
        // The library saturates the value count (only a format near Int.max bytes of `0s` items
        // could exceed it).
        layout.valueCount = Int(Swift.min(values, maximum))
        return .success(layout)
    }

    /// The layout of a compiled struct, in the reference's terms, for comparison.
    static func layout(of compiled: Struct) -> Layout {
        let prefix: UInt8 =
            switch compiled.byteOrder {
            case .native: compiled.format.utf8.first == UInt8(ascii: "@") ? UInt8(ascii: "@") : 0
            case .nativeOrder: UInt8(ascii: "=")
            case .littleEndian: UInt8(ascii: "<")
            case .bigEndian: UInt8(ascii: ">")
            case .network: UInt8(ascii: "!")
            }
        return Layout(
            prefix: prefix,
            items: compiled.fields.map {
                Item(
                    code: $0.code.rawValue, count: $0.count, offset: $0.offset, alignmentPadding: $0.alignmentPadding,
                    itemSize: $0.itemSize)
            },
            size: compiled.size, valueCount: compiled.valueCount)
    }

    /// What §1.7's offset rule gives for a buffer of `bufferCount` bytes, offset `offset` and
    /// record size `size`: the resolved offset, or the error code and CPython's message.
    static func resolveOffset(_ offset: Int, bufferCount: Int, size: Int, packing: Bool)
        -> Result<Int, ExpectedError>
    {
        let o = Int128(offset)
        let length = Int128(bufferCount)
        let s = Int128(size)
        var resolved = o
        if o < 0 {
            if o + s > 0 {
                let text =
                    packing
                    ? "no space to pack \(size) bytes at offset \(offset)"
                    : "not enough data to unpack \(size) bytes at offset \(offset)"
                return .failure(ExpectedError(code: .bufferTooSmall, message: text))
            }
            if o + length < 0 {
                return .failure(
                    ExpectedError(
                        code: .offsetOutOfRange, message: "offset \(offset) out of range for \(bufferCount)-byte buffer"))
            }
            resolved = o + length
        }
        if length - resolved < s {
            let operation = packing ? "pack_into" : "unpack_from"
            let verb = packing ? "packing" : "unpacking"
            return .failure(
                ExpectedError(
                    code: .bufferTooSmall,
                    message: "\(operation) requires a buffer of at least \(s + resolved) bytes for \(verb) \(size) "
                        + "bytes at offset \(resolved) (actual buffer size is \(bufferCount))"))
        }
        return .success(Int(resolved))
    }
}

/// An error the harness predicts: a code and CPython's exact message.
struct ExpectedError: Error, Equatable, CustomStringConvertible {
    var code: StructError.Code
    var message: String

    /// Whether `error` is this one.
    func matches(_ error: StructError) -> Bool {
        error.code == code && error.message == message
    }

    var description: String { "\(code): \(message)" }
}
