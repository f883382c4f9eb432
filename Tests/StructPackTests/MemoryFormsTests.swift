import StructPack
import Testing

/// Every input and output form reads or writes the caller's memory in place; expected bytes are
/// hand-derived (`>HI` of 0x0102, 0x03040506 is 01 02 03 04 05 06).
@Suite("Inputs and outputs in the caller's memory")
struct MemoryFormsTests {
    static let format: Struct = {
        do { return try Struct(">HI") } catch { fatalError("\(error)") }  // test-only: a literal format
    }()
    static let bytes: [UInt8] = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06]

    @Test func rawSpanAndBufferInputs() throws {
        let expected: [StructValue] = [.int(0x0102), .int(0x0304_0506)]
        let viaSpan = try Self.format.unpack(Self.bytes.span.bytes)
        #expect(viaSpan == expected)
        let viaPointer = try Self.bytes.span.bytes.withUnsafeBytes { (raw) throws(StructError) in
            try Self.format.unpack(raw)
        }
        #expect(viaPointer == expected)
        let (h, i) = try Self.format.unpack(Self.bytes.span.bytes, as: (UInt16, UInt32).self)
        #expect(h == 0x0102 && i == 0x0304_0506)
    }

    @Test func sliceOffsetsAreRelativeToTheSlice() throws {
        let padded: [UInt8] = [0xEE, 0xEE] + Self.bytes + [0xEE]
        let slice = padded[2..<8]
        #expect(try Self.format.unpack(slice) == [.int(0x0102), .int(0x0304_0506)])
        #expect(try Self.format.unpack(from: padded[1...], at: 1) == [.int(0x0102), .int(0x0304_0506)])
        let (h, i) = try Self.format.unpack(from: padded[1...], at: -7, as: (UInt16, UInt32).self)
        #expect(h == 0x0102 && i == 0x0304_0506)
    }

    @Test func packIntoMutableRawSpanAtAnOffset() throws {
        var storage = [UInt8](repeating: 0xAA, count: 9)
        var span = storage.mutableSpan
        var raw = span.mutableBytes
        try Self.format.pack(into: &raw, at: 2, UInt16(0x0102), UInt32(0x0304_0506))
        _ = consume raw
        #expect(storage == [0xAA, 0xAA] + Self.bytes + [0xAA])
    }

    @Test func packIntoUnsafeBufferWithNegativeOffset() throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 8, alignment: 1)
        defer { buffer.deallocate() }
        buffer.initializeMemory(as: UInt8.self, repeating: 0xAA)
        try Self.format.pack(into: buffer, at: -6, [.int(0x0102), .int(0x0304_0506)])
        #expect(Array(buffer) == [0xAA, 0xAA] + Self.bytes)
    }

    @Test func appendToOutputRawSpanAndRollBackOnError() throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 8, alignment: 1)
        defer { buffer.deallocate() }
        var output = OutputRawSpan(buffer: buffer, initializedCount: 0)
        output.append(0xFF)
        try Self.format.pack(appendingTo: &output, UInt16(0x0102), UInt32(0x0304_0506))
        #expect(output.byteCount == 7)
        // The value fails its range check: nothing is appended.
        #expect(throws: StructError.self) { try Struct("B").pack(appendingTo: &output, 256) }
        #expect(output.byteCount == 7)
        // Not enough capacity left for 6 more bytes.
        let error = #expect(throws: StructError.self) { try Self.format.pack(appendingTo: &output, [1, 2]) }
        #expect(error?.code == .bufferTooSmall)
        let count = output.finalize(for: buffer)
        #expect(Array(buffer[..<count]) == [0xFF] + Self.bytes)
    }

    @Test func appendToArrayKeepsExistingBytesAndRollsBack() throws {
        var array: [UInt8] = [0x99]
        try Self.format.pack(appendingTo: &array, [.int(0x0102), .int(0x0304_0506)])
        #expect(array == [0x99] + Self.bytes)
        #expect(throws: StructError(.integerOutOfRange, "'H' format requires 0 <= number <= 65535")) {
            try Self.format.pack(appendingTo: &array, -1, 0)
        }
        #expect(array == [0x99] + Self.bytes)
    }

    @Test func recordsShareArrayStorageAndPointerRecordsReadInPlace() throws {
        let twoRecords = Self.bytes + Self.bytes.map { $0 &+ 0x10 }
        let expected: [[StructValue]] = [[.int(0x0102), .int(0x0304_0506)], [.int(0x1112), .int(0x1314_1516)]]
        let records = try Self.format.iterUnpack(twoRecords)
        #expect(records.count == 2)
        #expect(Array(records[1]) == expected[1])
        #expect(iterated(records).map(Array.init) == expected)
        let viaPointer = try twoRecords.span.bytes.withUnsafeBytes { (raw) throws(StructError) in
            iterated(try Self.format.iterUnpack(raw)).map(Array.init)
        }
        #expect(viaPointer == expected)
    }
}

@Suite("Single values")
struct SingleValueTests {
    @Test func readsOneValueOfAPostgresHeader() throws {
        // 'Q' message, length 5 counting itself: 51 00 00 00 05
        let header = try Struct("!cI")
        let bytes: [UInt8] = [0x51, 0x00, 0x00, 0x00, 0x05, 0xEE]
        #expect(try header.unpackValue(at: 1, from: bytes, as: UInt32.self) == 5)
        #expect(try header.unpackValue(at: 0, from: bytes, as: UInt8.self) == 0x51)
        #expect(try header.unpackValue(at: 1, from: bytes, at: -5, as: Int.self) == 0x0000_05EE)
    }

    @Test func patchesOneValueInPlace() throws {
        let header = try Struct("!cI")
        var frame: [UInt8] = [0x51, 0, 0, 0, 0, 0x61]
        try header.packValue(UInt32(5), at: 1, into: &frame)
        #expect(frame == [0x51, 0, 0, 0, 5, 0x61])
        #expect(throws: StructError.self) { try header.packValue(Int64(-1), at: 1, into: &frame) }
        #expect(frame == [0x51, 0, 0, 0, 5, 0x61])
    }

    @Test func indexesCountValuesNotFields() throws {
        let format = try Struct("<2xh3bq")  // values: h, b, b, b, q
        #expect(format.valueCount == 5)
        #expect(try format.slot(ofValue: 3).offset == 6)
        #expect(try format.slot(ofValue: 4).offset == 7)
        #expect(throws: StructError(.valueIndexOutOfRange, "value index 5 out of range for format '<2xh3bq' with 5 values")) {
            _ = try format.slot(ofValue: 5)
        }
        #expect(throws: StructError.self) { _ = try format.slot(ofValue: -1) }
        let error = #expect(throws: StructError.self) {
            _ = try format.unpackValue(at: 4, from: [UInt8](repeating: 0, count: 15), as: UInt8.self)
        }
        #expect(error?.message == "value 4 of format '<2xh3bq' is 'q' (8 bytes), which UInt8 cannot hold")
    }

    @Test func largeFormatsFindSlotsByWalkingFields() throws {
        let format = try Struct("<2000Bh")
        #expect(try format.slot(ofValue: 2000).offset == 2000)
        #expect(try format.slot(ofValue: 1999).offset == 1999)
        var bytes = [UInt8](repeating: 0, count: 2002)
        try format.packValue(Int16(-2), at: 2000, into: &bytes)
        #expect(bytes.suffix(2) == [0xFE, 0xFF])
    }
}

@Suite("Bounded memory")
struct AllocationLimitTests {
    @Test func hugeFormatsCompileWithoutAllocating() throws {
        let format = try Struct("\(Int.max)x")
        #expect(format.size == Int.max)
        #expect(format.fields.count == 1)
        #expect(try Struct("1000000000i").valueCount == 1_000_000_000)
    }

    @Test func packingPastTheLimitThrowsInsteadOfAllocating() throws {
        let error = #expect(throws: StructError.self) { _ = try Struct("\(Int.max)x").pack([]) }
        #expect(error?.code == .allocationLimit)
        #expect(error?.pythonExceptionType == "MemoryError")
        var array: [UInt8] = []
        #expect(throws: StructError.self) { try Struct("3000000000x").pack(appendingTo: &array, []) }
        #expect(array.isEmpty)
    }

    @Test func unpackingChecksTheBufferBeforeAnything() throws {
        #expect(throws: StructError(.wrongBufferSize, "unpack requires a buffer of 4000000000 bytes")) {
            _ = try Struct("1000000000i").unpack([UInt8](repeating: 0, count: 8))
        }
        // 90 million values need 90M * 24 bytes of StructValue, over 2 GiB: refused before reading.
        #expect(MemoryLayout<StructValue>.stride == 24)
        let many = try Struct("90000000?")
        let zeros = [UInt8](repeating: 0, count: 90_000_000)
        let error = #expect(throws: StructError.self) { _ = try many.unpack(zeros) }
        #expect(error?.code == .allocationLimit)
        // The typed API needs no such storage but refuses formats beyond its value limit.
        #expect(throws: StructError.self) { _ = try many.unpack(zeros, as: Bool.self) }
    }

    @Test func countsThatOverflowAreErrorsNotTraps() throws {
        for format in ["99999999999999999999", "9223372036854775808b", "\(Int.max / 2)h\(Int.max / 2)h", "c\(Int.max)x"] {
            #expect(throws: StructError(.sizeTooLong, "total struct size too long")) { _ = try Struct(format) }
        }
    }
}
