import StructPack
import Testing

/// The typed API: tuples of Swift types checked against the format. Expected bytes are derived
/// by hand from the layout in SPEC.md (little-endian `<IHHQd` is 4+2+2+8+8 bytes, no padding).
@Suite("Typed pack and unpack")
struct TypedAPITests {
    /// `<IHHQd` with 0x01020304, 5, 6, 0x0102030405060708, 1.5 (0x3FF8000000000000).
    static let record: [UInt8] = [
        0x04, 0x03, 0x02, 0x01, 0x05, 0x00, 0x06, 0x00,
        0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xF8, 0x3F,
    ]

    @Test func unpacksATupleOfSwiftTypes() throws {
        let format = try Struct("<IHHQd")
        let (a, b, c, d, e) = try format.unpack(Self.record, as: (UInt32, UInt16, UInt16, UInt64, Double).self)
        #expect(a == 0x0102_0304)
        #expect(b == 5)
        #expect(c == 6)
        #expect(d == 0x0102_0304_0506_0708)
        #expect(e == 1.5)
    }

    @Test func packsSwiftValuesToTheSameBytes() throws {
        let format = try Struct("<IHHQd")
        let bytes = try format.pack(UInt32(0x0102_0304), UInt16(5), UInt16(6), UInt64(0x0102_0304_0506_0708), 1.5)
        #expect(bytes == Self.record)
    }

    @Test func bigEndianSwapsEveryField() throws {
        let bytes = try Struct(">Hi").pack(0x0102, -2)
        #expect(bytes == [0x01, 0x02, 0xFF, 0xFF, 0xFF, 0xFE])
        let (h, i) = try Struct("!Hi").unpack(bytes, as: (UInt16, Int32).self)
        #expect(h == 0x0102 && i == -2)
    }

    @Test func wideningTypesHoldNarrowerCodes() throws {
        // 'B' 255, 'h' -2, 'I' 0xFFFFFFFF into Int: all fit, nothing truncates.
        let (b, h, i) = try Struct("<BhI").unpack([0xFF, 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], as: (Int, Int, Int).self)
        #expect(b == 255 && h == -2 && i == 0xFFFF_FFFF)
    }

    @Test(arguments: [
        ("<H", "Int8"), ("<H", "UInt8"), ("<h", "UInt16"), ("<I", "Int32"), ("<q", "UInt64"), ("<d", "Float"),
        ("<f", "Float16"), ("<?", "Int"), ("<i", "Double"), ("<3s", "Int"), ("<c", "Int8"), ("<i", "Bool"),
    ])
    func typesThatCannotHoldTheCodeAreRejected(format: String, type: String) throws {
        let compiled = try Struct(format)
        let bytes = [UInt8](repeating: 0, count: compiled.size)
        let error = #expect(throws: StructError.self) {
            switch type {
            case "Int8": _ = try compiled.unpack(bytes, as: Int8.self)
            case "UInt8": _ = try compiled.unpack(bytes, as: UInt8.self)
            case "UInt16": _ = try compiled.unpack(bytes, as: UInt16.self)
            case "Int32": _ = try compiled.unpack(bytes, as: Int32.self)
            case "UInt64": _ = try compiled.unpack(bytes, as: UInt64.self)
            case "Float": _ = try compiled.unpack(bytes, as: Float.self)
            #if !((os(macOS) || targetEnvironment(macCatalyst)) && arch(x86_64))
            case "Float16": _ = try compiled.unpack(bytes, as: Float16.self)
            #endif
            case "Double": _ = try compiled.unpack(bytes, as: Double.self)
            case "Bool": _ = try compiled.unpack(bytes, as: Bool.self)
            case "Int": _ = try compiled.unpack(bytes, as: Int.self)
            default: _ = try compiled.unpack(bytes, as: Int8.self)
            }
        }
        #expect(error?.code == .typeMismatch)
        #expect(error?.message.contains("value 0 of format '\(format)'") == true)
    }

    @Test func aMismatchNamesTheValueAndTheType() throws {
        let error = #expect(throws: StructError.self) {
            _ = try Struct("<IHb").unpack([UInt8](repeating: 0, count: 7), as: (UInt32, UInt16, UInt8).self)
        }
        #expect(error?.message == "value 2 of format '<IHb' is 'b' (1 bytes), which UInt8 cannot hold")
    }

    @Test func theNumberOfTypesMustMatchTheValues() throws {
        let error = #expect(throws: StructError.self) {
            _ = try Struct("<IH").unpack([UInt8](repeating: 0, count: 6), as: UInt32.self)
        }
        #expect(error?.code == .typeMismatch)
        #expect(error?.message == "format '<IH' has 2 values but 1 types were given")
    }

    @Test func padBytesTakeNoTypeAndPackAsZero() throws {
        let format = try Struct("<B3xH")
        let bytes = try format.pack(UInt8(1), UInt16(0x0203))
        #expect(bytes == [0x01, 0, 0, 0, 0x03, 0x02])
        let (b, h) = try format.unpack([0x01, 9, 9, 9, 0x03, 0x02], as: (UInt8, UInt16).self)
        #expect(b == 1 && h == 0x0203)
    }

    @Test func stringsAndCharsAsByteArrays() throws {
        let format = try Struct("4s3pc")
        let bytes = try format.pack(Array("ab".utf8), Array("xyz".utf8), [UInt8(0x41)])
        // 's' pads to 4; 'p' stores min(3, 3-1)=2 as the length byte, then "xy"; 'c' is one byte.
        #expect(bytes == [0x61, 0x62, 0, 0, 0x02, 0x78, 0x79, 0x41])
        let (s, p, c) = try format.unpack(bytes, as: ([UInt8], [UInt8], UInt8).self)
        #expect(s == [0x61, 0x62, 0, 0] && p == [0x78, 0x79] && c == 0x41)
    }

    @Test func pythonTypeRulesApplyToSwiftValues() throws {
        let format = try Struct("<i")
        #expect(throws: StructError(.notAnInteger, "required argument is not an integer")) { _ = try format.pack(1.0) }
        #expect(try Struct("<d").pack(1) == [0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
        #expect(try Struct("?").pack(0.0) == [0])
        #expect(try Struct("?").pack(Double.nan) == [1])
        #expect(throws: StructError(.integerOutOfRange, "'i' format requires -2147483648 <= number <= 2147483647")) {
            _ = try format.pack(Int64(1) << 31)
        }
        #expect(throws: StructError(.integerOutOfRange, "'B' format requires 0 <= number <= 255")) {
            _ = try Struct("B").pack(UInt128.max)
        }
        #expect(throws: StructError(.notBytes, "argument for 's' must be a bytes object")) { _ = try Struct("s").pack(7) }
        #expect(throws: StructError(.charLength, "char format requires a bytes object of length 1")) {
            _ = try Struct("c").pack([UInt8]())
        }
    }

    @Test func packCountMismatchUsesPythonsMessage() throws {
        #expect(throws: StructError(.itemCount, "pack expected 2 items for packing (got 1)")) {
            _ = try Struct("<IH").pack(UInt32(1))
        }
        var buffer = [UInt8](repeating: 0, count: 8)
        #expect(throws: StructError(.itemCount, "pack_into expected 1 items for packing (got 2)")) {
            try Struct("<I").pack(into: &buffer, at: 0, 1, 2)
        }
    }

    @Test func unpackFromHonoursNegativeOffsets() throws {
        let bytes: [UInt8] = [9, 9, 0x01, 0x02, 0x03, 0x04]
        #expect(try Struct(">I").unpack(from: bytes, at: -4, as: UInt32.self) == 0x0102_0304)
        #expect(try Struct(">I").unpack(from: bytes, at: 2, as: UInt32.self) == 0x0102_0304)
        #expect(throws: StructError(.bufferTooSmall, "not enough data to unpack 4 bytes at offset -3")) {
            _ = try Struct(">I").unpack(from: bytes, at: -3, as: UInt32.self)
        }
    }

    @Test func typedIterUnpackWalksRecordsLazily() throws {
        // CPython's test_iterate: '>IB' over bytes 1...15.
        let bytes = Array(UInt8(1)...15)
        let records = try Struct(">IB").iterUnpack(bytes, as: (UInt32, UInt8).self)
        #expect(records.count == 3)
        var seen: [(UInt32, UInt8)] = []
        for (i, b) in records { seen.append((i, b)) }
        #expect(seen.map(\.0) == [0x0102_0304, 0x0607_0809, 0x0B0C_0D0E])
        #expect(seen.map(\.1) == [5, 10, 15])
        #expect(records.indices == 0..<3)
        #expect(records[1].1 == 10 && records[2].0 == 0x0B0C_0D0E)
        #expect(throws: StructError(.wrongBufferSize, "iterative unpacking requires a buffer of a multiple of 5 bytes")) {
            _ = try Struct(">IB").iterUnpack(Array(bytes.dropLast()), as: (UInt32, UInt8).self)
        }
    }

    @Test func structValueMixesWithSwiftTypes() throws {
        let format = try Struct("<hs")
        let bytes = try format.pack(StructValue.int(-2), [UInt8(0x7A)])
        #expect(bytes == [0xFE, 0xFF, 0x7A])
        let (h, s) = try format.unpack(bytes, as: (StructValue, StructValue).self)
        #expect(h == .int(-2) && s == .bytes([0x7A]))
    }

    @Test func countMismatchesWithLargeFormatsAreErrors() throws {
        let format = try Struct("2000B")
        #expect(throws: StructError(.itemCount, "pack expected 2000 items for packing (got 1)")) {
            _ = try format.pack(UInt8(1))
        }
        #expect(throws: StructError(.typeMismatch, "format '2000B' has 2000 values but 1 types were given")) {
            _ = try format.unpack([UInt8](repeating: 0, count: 2000), as: UInt8.self)
        }
        // The dynamic API has no tuple-size limit.
        #expect(try format.unpack([UInt8](repeating: 7, count: 2000)).count == 2000)
    }
}
