import StructPack
import Testing

/// Layouts derived by hand from SPEC.md's rules (LP64 native alignment: h 2, i 4, q 8).
@Suite("Format layout")
struct FormatLayoutTests {
    @Test func nativeAlignmentPadsBeforeFieldsNeverAfter() throws {
        // '@bhiq': b at 0, pad 1, h at 2, i at 4, q at 8 -> 16 bytes, no trailing padding.
        let format = try Struct("@bhiq")
        #expect(format.fields.map(\.offset) == [0, 2, 4, 8])
        #expect(format.fields.map(\.alignmentPadding) == [0, 1, 0, 0])
        #expect(format.size == 16)
        #expect(try Struct("@qb").size == 9)
        // A zero count still aligns: the C idiom for trailing padding.
        #expect(try Struct("@qb0q").size == 16)
        #expect(try Struct("@b0l").fields.last?.alignmentPadding == 7)
    }

    @Test(arguments: ["=", "<", ">", "!"])
    func standardPrefixesNeverAlign(prefix: String) throws {
        let format = try Struct(prefix + "bhiq")
        #expect(format.size == 15)
        #expect(format.fields.allSatisfy { $0.alignmentPadding == 0 })
        #expect(format.byteOrder == ByteOrder(rawValue: UInt8(ascii: prefix.unicodeScalars.first!)))
    }

    @Test func countsAndWhitespace() throws {
        let format = try Struct("<3h\t2x 10s\n0p ")
        #expect(format.fields.map(\.count) == [3, 2, 10, 0])
        #expect(format.valueCount == 3 + 0 + 1 + 1)
        #expect(format.size == 6 + 2 + 10 + 0)
        #expect(try Struct("02i").size == 8)
        #expect(try Struct("").size == 0 && Struct("<").valueCount == 0)
    }

    @Test(arguments: ["z", "@@", "i<", "<P", "=n", "!N", " <i", "3 i", "i\u{1c}", "+3i"])
    func badCharacters(format: String) {
        #expect(throws: StructError(.badCharacter, "bad char in struct format")) { _ = try Struct(format) }
    }

    @Test func otherFormatErrorsInCPythonsOrder() {
        #expect(throws: StructError(.repeatCountWithoutFormat, "repeat count given without format specifier")) {
            _ = try Struct("i12")
        }
        #expect(throws: StructError(.embeddedNull, "embedded null character")) { _ = try Struct("i\0z") }
        // CPython encodes to ASCII before looking for NUL, so the encoding error wins.
        #expect(
            throws: StructError(
                .nonASCIIFormat, "'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)")
        ) { _ = try Struct("\0\u{e9}") }
        #expect(
            throws: StructError(
                .nonASCIIFormat, "'ascii' codec can't encode characters in position 1-3: ordinal not in range(128)")
        ) { _ = try Struct("i\u{20ac}\u{1F600}\u{e9}i\u{e9}") }
    }

    @Test func byteFormatsTreatHighBytesAsBadCharacters() throws {
        #expect(throws: StructError(.badCharacter, "bad char in struct format")) { _ = try Struct(formatBytes: [0xE9]) }
        #expect(try Struct(formatBytes: Array("<hH".utf8)).size == 4)
        #expect(try Struct(formatBytes: Array("<hH".utf8)) == Struct("<hH"))
    }

    @Test func codesDescribeThemselves() {
        #expect(FormatCode.allCases.count == 21)
        #expect(String(FormatCode.allCases.map(\.character)) == "xcbB?hHiIlLqQnNefdspP")
        #expect(FormatCode.allCases.filter(\.isNativeOnly) == [.ssize, .size, .pointer])
        #expect(FormatCode.long.size(in: .littleEndian) == 4)
        #expect(FormatCode.long.size(in: .native) == MemoryLayout<CLong>.size)
        #expect(ByteOrder.network.isBigEndian && !ByteOrder.littleEndian.isBigEndian)
    }

    /// Codes and prefixes compare with a written-out `==` (see FormatCode.swift): each equals
    /// itself only, and hashing agrees with it (a set keeps every case, and finds each).
    @Test func codesAndPrefixesEqualOnlyThemselves() {
        for a in FormatCode.allCases {
            #expect(FormatCode.allCases.filter { $0 == a }.map(\.character) == [a.character])
            #expect(FormatCode.allCases.filter { $0 != a }.count == 20)
        }
        #expect(Set(FormatCode.allCases).count == 21)
        #expect(FormatCode.allCases.allSatisfy(Set(FormatCode.allCases).contains))
        for a in ByteOrder.allCases {
            #expect(ByteOrder.allCases.filter { $0 == a }.map(\.character) == [a.character])
        }
        #expect(Set(ByteOrder.allCases).count == 5)
    }
}

@Suite("Dynamic values and the one-shot API")
struct StructValueTests {
    @Test func literalsBuildValues() {
        let values: [StructValue] = [1, 2.5, true, "ab"]
        #expect(values == [.int(1), .double(2.5), .bool(true), .bytes([0x61, 0x62])])
        #expect(values.map(\.intValue) == [1, nil, nil, nil])
        #expect(values[1].doubleValue == 2.5 && values[2].boolValue == true && values[3].bytesValue == [0x61, 0x62])
        #expect(StructValue.int(UInt8(7)) == .int(7))
        // Literals beyond Int: Q's largest value and q's smallest, as Python writes them.
        let extremes: [StructValue] = [.int(18446744073709551615), -9223372036854775808, 18446744073709551616]
        #expect(extremes.map(\.intValue) == [Int128(UInt64.max), Int128(Int64.min), Int128(UInt64.max) + 1])
        #expect(StructValue.int(Int64.min).intValue == Int128(Int64.min))
        // Beyond Int128 a value clamps: out of range for every code either way.
        #expect(StructValue.int(UInt128.max).intValue == Int128.max)
        #expect(values.map(\.description) == ["1", "2.5", "True", "b'ab'"])
        #expect(StructValue.bytes([0x27, 0x5C, 0x00, 0x7F]).description == #"b'\'\\\x00\x7f'"#)
    }

    @Test func integersHoldEveryInt128() {
        for value: Int128 in [0, 1, -1, -2, Int128(UInt64.max), Int128(UInt64.max) + 1, -Int128(UInt64.max) - 1,
                              Int128(Int64.min), Int128(Int64.min) - 1, .max, .min]
        {
            #expect(StructValue.Integer(value).value == value)
            #expect(StructValue.Integer(value).description == value.description)
        }
        #expect(StructValue.Integer(-1) < 0 && StructValue.Integer(Int128(UInt64.max)) < StructValue.Integer(Int128(UInt64.max) + 1))
        #expect(StructValue.Integer(.min) < StructValue.Integer(-1) && !(StructValue.Integer(5) < 5))
        // 8-byte alignment is what lets an array literal of values live on the caller's stack.
        #expect(MemoryLayout<StructValue>.alignment == 8)
    }

    @Test func oneShotFunctionsMirrorPython() throws {
        // struct.pack('<hI', -2, 7) == b'\xfe\xff\x07\x00\x00\x00'
        #expect(try Struct.pack("<hI", [-2, 7]) == [0xFE, 0xFF, 0x07, 0, 0, 0])
        #expect(try Struct.pack("<hI", Int16(-2), UInt32(7)) == [0xFE, 0xFF, 0x07, 0, 0, 0])
        #expect(try Struct.unpack("<hI", [0xFE, 0xFF, 0x07, 0, 0, 0]) == [-2, 7])
        let (h, i) = try Struct.unpack("<hI", [0xFE, 0xFF, 0x07, 0, 0, 0], as: (Int16, UInt32).self)
        #expect(h == -2 && i == 7)
        #expect(try Struct.unpack("<h", from: [9, 0xFE, 0xFF], at: 1) == [-2])
        #expect(try Struct.calcsize("@bq") == 16)
        var buffer = [UInt8](repeating: 0, count: 4)
        try Struct.pack("<h", into: &buffer, at: -2, Int16(-2))
        #expect(buffer == [0, 0, 0xFE, 0xFF])
        try Struct.pack("<h", into: &buffer, at: 0, [1])
        #expect(buffer == [1, 0, 0xFE, 0xFF])
        #expect(iterated(try Struct.iterUnpack("<h", buffer)).map(Array.init) == [[1], [-2]])
        #expect(throws: StructError(.badCharacter, "bad char in struct format")) { _ = try Struct.calcsize("Z") }
    }

    @Test func theCacheServesManyFormats() throws {
        // More distinct formats than the cache holds: every call still compiles correctly.
        for count in 1...250 {
            #expect(try Struct.calcsize("\(count)h") == count * 2)
        }
    }
}

@Suite("Errors")
struct StructErrorTests {
    @Test func codesMapToPythonExceptionTypes() {
        #expect(StructError.Code.floatTooLarge.pythonExceptionType == "OverflowError")
        #expect(StructError.Code.nonASCIIFormat.pythonExceptionType == "UnicodeEncodeError")
        #expect(StructError.Code.allocationLimit.pythonExceptionType == "MemoryError")
        #expect(StructError.Code.integerOutOfRange.pythonExceptionType == "struct.error")
        #expect(StructError.Code.integerOutOfRange.description == "integerOutOfRange")
    }

    @Test func errorsSwitchOnCodeAndPrintTheMessage() {
        do {
            _ = try Struct.pack("B", 256)
            Issue.record("expected an error")
        } catch where error.code == .integerOutOfRange {
            #expect("\(error)" == "'B' format requires 0 <= number <= 255")
        } catch {
            Issue.record("wrong code \(error.code)")
        }
    }
}
