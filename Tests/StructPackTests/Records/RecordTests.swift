import StructPack
import Testing

// Expected bytes are CPython 3.13's `struct.pack` output for the same values (the commands are
// in each test's comment) or derived by hand from SPEC.md's layouts.

enum Kind: UInt16, StructConvertible {
    case data = 2
    case ack = 3
}

struct Flags: OptionSet, StructConvertible {
    let rawValue: UInt8
    static let urgent = Flags(rawValue: 1)
    static let last = Flags(rawValue: 2)
}

/// '<IHHQd': every field direct, back to back (the contiguous path).
struct Header: StructRecord {
    static let layout = StructLayout<Header>("<IHHQd")
    var id: UInt32 = 0
    var kind: Kind = .data
    var flags: UInt16 = 0
    var length: UInt64 = 0
    var ratio: Double = 0

    mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&id); try field(&kind); try field(&flags); try field(&length); try field(&ratio)
    }
}

/// '!IHH': big-endian (the byte-swapped path on a little-endian host).
struct NetworkHeader: StructRecord {
    static let layout = StructLayout<NetworkHeader>("!IHH")
    var a: UInt32 = 0
    var b: UInt16 = 0
    var c: UInt16 = 0

    mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&a); try field(&b); try field(&c)
    }
}

/// '@bhiq': a native C struct with one alignment pad byte (the aligned path).
struct NativeRecord: StructRecord {
    static let layout = StructLayout<NativeRecord>("@bhiq")
    var b: Int8 = 0
    var h: Int16 = 0
    var i: Int32 = 0
    var q: Int64 = 0

    mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&b); try field(&h); try field(&i); try field(&q)
    }
}

/// '<I16s8pH': strings, copied and viewed (the contiguous path, sizes from the slot table).
struct Named: StructRecord {
    static let layout = StructLayout<Named>("<I16s8pH")
    var id: UInt32 = 0
    var name: [UInt8] = []
    var tag: ArraySlice<UInt8> = []
    var check: UInt16 = 0

    mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&id); try field(&name); try field(&tag); try field(&check)
    }
}


/// '<I4H': a repeated code into an array, and the same into an InlineArray.
struct Samples: StructRecord {
    static let layout = StructLayout<Samples>("<I4H")
    var count: UInt32 = 0
    var values: [UInt16] = []

    mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&count); try field(&values)
    }
}

struct InlineSamples: StructRecord {
    static let layout = StructLayout<InlineSamples>("<I4H")
    var count: UInt32 = 0
    var values: InlineArray<4, UInt16> = .init(repeating: 0)

    mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&count); try field(&values)
    }
}

/// A group nested in a record: '<hhB' is a point then a flag byte.
struct Point: StructFieldGroup, Equatable {
    var x: Int16 = 0
    var y: Int16 = 0

    mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&x); try field(&y)
    }
}

struct Marker: StructRecord {
    static let layout = StructLayout<Marker>("<hhB")
    var at = Point()
    var flags: Flags = []

    mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&at); try field(&flags)
    }
}

@Suite("Records")
struct RecordTests {
    @Test func contiguousRecordPacksAndUnpacksAsCPython() throws {
        // struct.pack('<IHHQd', 7, 3, 3, 1 << 40, 0.5)
        let expected: [UInt8] = [
            0x07, 0, 0, 0, 0x03, 0x00, 0x03, 0x00, 0, 0, 0, 0, 0, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0xE0, 0x3F,
        ]
        let header = Header(id: 7, kind: .ack, flags: 3, length: 1 << 40, ratio: 0.5)
        #expect(try header.packed() == expected)
        let back = try Header(unpacking: expected)
        #expect(back.id == 7 && back.kind == .ack && back.flags == 3 && back.length == 1 << 40 && back.ratio == 0.5)
        #expect(Header.layout.error == nil)
        #expect(Header.layout.format.size == 24)
    }

    @Test func everyInputFormReadsTheSameRecord() throws {
        let bytes: [UInt8] = [0xAA] + (try Header(id: 1, kind: .data, flags: 2, length: 3, ratio: 4).packed())
        let fromArray = try Header(unpacking: bytes, at: 1)
        let fromSlice = try Header(unpacking: bytes[1...])
        let fromSpan = try Header(unpacking: bytes.span.bytes, at: 1)
        let fromPointer = try bytes.withUnsafeBytes { raw throws(StructError) in try Header(unpacking: raw, at: -24) }
        for header in [fromArray, fromSlice, fromSpan, fromPointer] {
            #expect(header.id == 1 && header.kind == .data && header.flags == 2 && header.length == 3 && header.ratio == 4)
        }
    }

    @Test func networkOrderRecord() throws {
        // struct.pack('!IHH', 0x01020304, 0x0506, 0x0708)
        let expected: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
        let record = NetworkHeader(a: 0x0102_0304, b: 0x0506, c: 0x0708)
        #expect(try record.packed() == expected)
        let back = try NetworkHeader(unpacking: expected)
        #expect(back.a == 0x0102_0304 && back.b == 0x0506 && back.c == 0x0708)
    }

    @Test func nativeRecordZeroesItsAlignmentPadding() throws {
        // struct.pack('@bhiq', -1, 2, -3, 4): one pad byte after b
        let expected: [UInt8] = [0xFF, 0x00, 0x02, 0x00, 0xFD, 0xFF, 0xFF, 0xFF, 4, 0, 0, 0, 0, 0, 0, 0]
        var buffer = [UInt8](repeating: 0xEE, count: 16)
        try NativeRecord(b: -1, h: 2, i: -3, q: 4).pack(into: &buffer)
        #expect(buffer == expected)
        let back = try NativeRecord(unpacking: expected)
        #expect(back.b == -1 && back.h == 2 && back.i == -3 && back.q == 4)
    }

    @Test func stringsAsCopiesAndAsViews() throws {
        // struct.pack('<I16s8pH', 9, b'hello', b'abc', 0xBEEF)
        let expected: [UInt8] =
            [9, 0, 0, 0] + Array("hello".utf8) + [UInt8](repeating: 0, count: 11) + [3] + Array("abc".utf8)
            + [0, 0, 0, 0] + [0xEF, 0xBE]
        let record = Named(id: 9, name: Array("hello".utf8), tag: Array("abc".utf8)[...], check: 0xBEEF)
        #expect(try record.packed() == expected)
        let back = try Named(unpacking: expected)
        #expect(back.name == Array("hello".utf8) + [UInt8](repeating: 0, count: 11))
        #expect(Array(back.tag) == Array("abc".utf8))
        // The view shares the input array's storage: its indices are the input's.
        #expect(back.tag.startIndex == 21 && back.tag.endIndex == 24)
    }

    @Test func repeatedCodesIntoArraysAndInlineArrays() throws {
        // struct.pack('<I4H', 1, 10, 20, 30, 40)
        let expected: [UInt8] = [1, 0, 0, 0, 10, 0, 20, 0, 30, 0, 40, 0]
        let samples = Samples(count: 1, values: [10, 20, 30, 40])
        #expect(try samples.packed() == expected)
        #expect(try Samples(unpacking: expected).values == [10, 20, 30, 40])
        var inline = InlineSamples()
        inline.count = 1
        for index in 0..<4 { inline.values[index] = UInt16(10 * (index + 1)) }
        #expect(try inline.packed() == expected)
        let back = try InlineSamples(unpacking: expected)
        #expect((0..<4).map { back.values[$0] } == [10, 20, 30, 40])
        // An array whose count differs from the item's is CPython's item-count error.
        #expect(throws: StructError(.itemCount, "pack expected 4 items for packing (got 3)")) {
            try Samples(count: 1, values: [1, 2, 3]).packed()
        }
    }

    @Test func nestedGroupsAndOptionSets() throws {
        // struct.pack('<hhB', -1, 5, 3)
        let expected: [UInt8] = [0xFF, 0xFF, 5, 0, 3]
        let marker = Marker(at: Point(x: -1, y: 5), flags: [.urgent, .last])
        #expect(try marker.packed() == expected)
        let back = try Marker(unpacking: expected)
        #expect(back.at == Point(x: -1, y: 5) && back.flags == [.urgent, .last])
    }

    @Test func anUnknownEnumRawValueIsALocatedError() throws {
        var bytes = try Header(id: 1, kind: .data, flags: 0, length: 0, ratio: 0).packed()
        bytes[4] = 7  // kind, value 1 at byte offset 4
        do {
            _ = try Header(unpacking: [0, 0] + bytes, at: 2)
            Issue.record("no error for kind 7")
        } catch {
            #expect(error.code == .invalidValue)
            #expect(error.message == "value 1 of format '<IHHQd' at byte offset 6: 7 is not a valid Kind")
            #expect(error.valueIndex == 1)
            #expect(error.byteOffset == 6)
        }
        // A lazy collection reads every record once when it is made, so the error comes there.
        #expect(throws: StructError.self) { try Header.iterUnpack(bytes) }
    }

    @Test func aFieldTypeThatCannotHoldItsCodeIsATypeMismatch() {
        struct Narrow: StructRecord {
            static let layout = StructLayout<Narrow>("<BI")
            var a: UInt8 = 0
            var b: UInt16 = 0
            mutating func fields(_ field: inout some StructFields) throws(StructError) {
                try field(&a); try field(&b)
            }
        }
        let expected = StructError(.typeMismatch, "value 1 of format '<BI' is 'I' (4 bytes), which UInt16 cannot hold")
        #expect(Narrow.layout.error == expected)
        #expect(Narrow.layout.error?.valueIndex == 1)
        #expect(throws: expected) { try Narrow(unpacking: [0, 0, 0, 0, 0]) }
        #expect(throws: expected) { try Narrow().packed() }
    }

    @Test func fieldsThatDoNotUseUpTheValuesAreAMismatch() {
        struct Short: StructRecord {
            static let layout = StructLayout<Short>("<IHH")
            var a: UInt32 = 0
            mutating func fields(_ field: inout some StructFields) throws(StructError) { try field(&a) }
        }
        #expect(Short.layout.error?.message == "format '<IHH' has 3 values but the fields of Short hold 1")
    }

    @Test func aBadFormatIsKeptAndThrownByEveryOperation() {
        struct Bad: StructRecord {
            static let layout = StructLayout<Bad>("<Iz")
            var a: UInt32 = 0
            mutating func fields(_ field: inout some StructFields) throws(StructError) { try field(&a) }
        }
        let expected = StructError(.badCharacter, "bad char in struct format")
        #expect(Bad.layout.error == expected)
        #expect(throws: expected) { try Bad(unpacking: [0, 0, 0, 0]) }
        #expect(throws: expected) { try Bad(unpacking: [0, 0, 0, 0], at: 0) }
        #expect(throws: expected) { try Bad().packed() }
        // Appending throws it too and leaves the output as it was.
        var bytes: [UInt8] = [9]
        #expect(throws: expected) { try Bad().pack(appendingTo: &bytes) }
        #expect(bytes == [9])
        var storage = [UInt8](repeating: 7, count: 8)
        storage.withUnsafeMutableBytes { raw in
            var output = OutputRawSpan(buffer: raw, initializedCount: 0)
            #expect(throws: expected) { try Bad().pack(appendingTo: &output) }
            #expect(output.byteCount == 0)
            _ = output.finalize(for: raw)
        }
        #expect(storage == [UInt8](repeating: 7, count: 8))
    }

    @Test func unpackingNeedsExactlyTheRecordsSize() {
        // struct.unpack('<IHHQd', bytes(23)) and bytes(25): "unpack requires a buffer of 24 bytes".
        let expected = StructError(.wrongBufferSize, "unpack requires a buffer of 24 bytes")
        #expect(throws: expected) { try Header(unpacking: [UInt8](repeating: 0, count: 23)) }
        #expect(throws: expected) { try Header(unpacking: [UInt8](repeating: 0, count: 25)[...]) }
        #expect(throws: expected) { try Header(unpacking: [UInt8](repeating: 0, count: 25).span.bytes) }
    }

    @Test func aRecordWhoseFieldsChangeIsStoppedNotReadOutOfBounds() throws {
        final class Switch: @unchecked Sendable { var extra = false }
        let toggle = Switch()
        struct Changing: StructRecord {
            nonisolated(unsafe) static var toggle: Switch?
            static let layout = StructLayout<Changing>("<HH")
            var a: UInt16 = 0
            var b: UInt16 = 0
            var c: UInt64 = 0
            mutating func fields(_ field: inout some StructFields) throws(StructError) {
                try field(&a); try field(&b)
                if Self.toggle?.extra == true { try field(&c) }
            }
        }
        Changing.toggle = toggle
        #expect(Changing.layout.error == nil)
        toggle.extra = true
        let bytes: [UInt8] = [1, 0, 2, 0]
        #expect(throws: StructError.self) { try Changing(unpacking: bytes) }
        #expect(throws: StructError.self) { try Changing(a: 1, b: 2, c: 3).packed() }
        toggle.extra = false
        #expect(try Changing(unpacking: bytes).b == 2)
    }

    @Test func aRecordWhoseInlineArrayGrowsIsStoppedNotReadOutOfBounds() throws {
        final class Switch: @unchecked Sendable { var longer = false }
        struct Growing: StructRecord {
            nonisolated(unsafe) static var toggle = Switch()
            static let layout = StructLayout<Growing>("<H4I")
            var a: UInt16 = 0
            var four = InlineArray<4, UInt32>(repeating: 0)
            var five = InlineArray<5, UInt32>(repeating: 0)
            mutating func fields(_ field: inout some StructFields) throws(StructError) {
                try field(&a)
                if Self.toggle.longer { try field(&five) } else { try field(&four) }
            }
        }
        // struct.pack('<H4I', 1, 2, 3, 4, 5)
        let bytes: [UInt8] = [1, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 5, 0, 0, 0]
        #expect(Growing.layout.error == nil)
        Growing.toggle.longer = true
        #expect(throws: StructError.self) { try Growing(unpacking: bytes) }
        // Nothing is written past the record (the run's one check covers all of it).
        var buffer = [UInt8](repeating: 0xEE, count: 30)
        #expect(throws: StructError.self) { try Growing().pack(into: &buffer) }
        #expect(buffer[18...].allSatisfy { $0 == 0xEE })
        Growing.toggle.longer = false
        let back = try Growing(unpacking: bytes)
        #expect(back.a == 1 && back.four[0] == 2 && back.four[3] == 5)
        var record = Growing()
        record.a = 1
        for k in 0..<4 { record.four[k] = UInt32(k + 2) }
        #expect(try record.packed() == bytes)
    }

    @Test func anyFormatWithMatchingValuesAcceptsTheRecordType() throws {
        // struct.pack('>IHHQd', 7, 3, 3, 1, 2.0)
        let big = try Struct(">IHHQd")
        let header = Header(id: 7, kind: .ack, flags: 3, length: 1, ratio: 2)
        let bytes = try big.pack(header)
        #expect(bytes == [0, 0, 0, 7, 0, 3, 0, 3, 0, 0, 0, 0, 0, 0, 0, 1, 0x40, 0, 0, 0, 0, 0, 0, 0])
        let back = try big.unpack(bytes, as: Header.self)
        #expect(back.id == 7 && back.kind == .ack && back.length == 1 && back.ratio == 2)
        #expect(try big.unpacker(for: Header.self).unpack(from: bytes, at: 0).flags == 3)
        #expect(throws: StructError.self) { try Struct("<IHH").unpack([0, 0, 0, 0, 0, 0, 0, 0], as: Header.self) }
        // Every per-call route with a format other than the layout's, then with the layout's own text.
        let little: [UInt8] = [7, 0, 0, 0, 3, 0, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x40]
        for (format, expected) in [(big, bytes), (try Struct("<IHHQd"), little)] {
            var shifted = [UInt8](repeating: 0xEE, count: 25)
            try format.pack(header, into: &shifted, at: 1)
            #expect(shifted == [0xEE] + expected)
            #expect(try format.unpack(from: shifted, at: 1, as: Header.self).length == 1)
            #expect(try format.unpack(from: shifted, at: -24, as: Header.self).ratio == 2)
            var raw = [UInt8](repeating: 0, count: 24)
            try raw.withUnsafeMutableBytes { buffer in try format.pack(header, into: buffer) }
            #expect(raw == expected)
            var appended: [UInt8] = [9]
            try format.pack(header, appendingTo: &appended)
            #expect(appended == [9] + expected)
            var storage = [UInt8](repeating: 0, count: 24)
            let written = try storage.withUnsafeMutableBytes { buffer in
                var output = OutputRawSpan(buffer: buffer, initializedCount: 0)
                try format.pack(header, appendingTo: &output)
                return output.finalize(for: buffer)
            }
            #expect(written == 24 && storage == expected)
            #expect(throws: StructError.self) { try format.unpack(from: expected, at: 1, as: Header.self) }
        }
    }

    @Test func lazyRecordsReadInPlace() throws {
        var bytes: [UInt8] = []
        for index in 0..<5 {
            try Header(id: UInt32(index), kind: .ack, flags: 0, length: UInt64(index * 10), ratio: 0).pack(appendingTo: &bytes)
        }
        let records = try Header.iterUnpack(bytes)
        #expect(records.count == 5)
        #expect(records.map(\.id) == [0, 1, 2, 3, 4])
        #expect(records[3].length == 30)
        #expect(throws: StructError(.wrongBufferSize, "iterative unpacking requires a buffer of a multiple of 24 bytes")) {
            try Header.iterUnpack(bytes.dropLast())
        }
    }

    @Test func aFailedPackLeavesWhatCPythonLeaves() throws {
        struct Triple: StructRecord {
            static let layout = StructLayout<Triple>("<IBH")
            var a: UInt32 = 0
            var b: Int = 0
            var c: UInt16 = 0
            mutating func fields(_ field: inout some StructFields) throws(StructError) {
                try field(&a); try field(&b); try field(&c)
            }
        }
        // b = bytearray(b'\xaa' * 10); struct.pack_into('<IBH', b, 1, 1, 300, 2)
        // error: 'B' format requires 0 <= number <= 255; b.hex() == 'aa01000000000000aaaa'
        var buffer = [UInt8](repeating: 0xAA, count: 10)
        do {
            try Triple(a: 1, b: 300, c: 2).pack(into: &buffer, at: 1)
            Issue.record("no error for 300 in 'B'")
        } catch {
            #expect(error == StructError(.integerOutOfRange, "'B' format requires 0 <= number <= 255"))
            #expect(error.valueIndex == 1 && error.byteOffset == 5)
        }
        #expect(buffer == [0xAA, 1, 0, 0, 0, 0, 0, 0, 0xAA, 0xAA])
    }

    @Test func sixtyFourValueRecord() throws {
        struct Wide: StructRecord {
            static let layout = StructLayout<Wide>("<16I16H16Q16d")
            var i = [UInt32](repeating: 0, count: 16)
            var h = InlineArray<16, UInt16>(repeating: 0)
            var q = InlineArray<16, UInt64>(repeating: 0)
            var d = InlineArray<16, Double>(repeating: 0)
            mutating func fields(_ field: inout some StructFields) throws(StructError) {
                try field(&i); try field(&h); try field(&q); try field(&d)
            }
        }
        var wide = Wide()
        for index in 0..<16 {
            wide.i[index] = UInt32(index)
            wide.h[index] = UInt16(100 + index)
            wide.q[index] = UInt64(1000 + index)
            wide.d[index] = Double(index) / 2
        }
        let bytes = try wide.packed()
        #expect(bytes.count == 16 * 4 + 16 * 2 + 16 * 8 + 16 * 8)
        // Hand-derived: value 17 is h[1] = 101 at offset 64 + 2; value 63 is d[15] = 7.5 at 344.
        #expect(bytes[66] == 101 && bytes[67] == 0)
        #expect(Array(bytes[344..<352]) == [0, 0, 0, 0, 0, 0, 0x1E, 0x40])
        let back = try Wide(unpacking: bytes)
        #expect(back.i == wide.i)
        #expect((0..<16).allSatisfy { back.h[$0] == wide.h[$0] && back.q[$0] == wide.q[$0] && back.d[$0] == wide.d[$0] })
    }

    @Test func outputSpanAppending() throws {
        var storage = [UInt8](repeating: 0, count: 30)
        let written = storage.withUnsafeMutableBytes { raw in
            var output = OutputRawSpan(buffer: raw, initializedCount: 0)
            try? NetworkHeader(a: 1, b: 2, c: 3).pack(appendingTo: &output)
            let full = (try? Header().pack(appendingTo: &output)) == nil
            return (output.finalize(for: raw), full)
        }
        #expect(written.0 == 8 && written.1)
        #expect(Array(storage.prefix(8)) == [0, 0, 0, 1, 0, 2, 0, 3])
    }
}

@Suite("Records: paths and checks")
struct RecordPathTests {
    struct Short: StructRecord {
        static let layout = StructLayout<Short>("<Hx")
        var a: UInt16 = 0
        mutating func fields(_ field: inout some StructFields) throws(StructError) { try field(&a) }
    }

    @Test func trailingPaddingIsZeroedWhenPacking() throws {
        // b = bytearray(b'\xee' * 4); struct.pack_into('<Hx', b, 0, 1) -> 010000ee
        var buffer = [UInt8](repeating: 0xEE, count: 4)
        try Short(a: 1).pack(into: &buffer)
        #expect(buffer == [0x01, 0x00, 0x00, 0xEE])
        var tupleBuffer = [UInt8](repeating: 0xEE, count: 4)
        try Struct("<Hx").pack(into: &tupleBuffer, at: 0, UInt16(1))
        #expect(tupleBuffer == [0x01, 0x00, 0x00, 0xEE])
    }

    @Test func nativePaddingBetweenValuesIsZeroed() throws {
        // b = bytearray(b'\xee' * 8); struct.pack_into('@b3xi', b, 0, 1, 2) -> 0100000002000000
        var buffer = [UInt8](repeating: 0xEE, count: 8)
        try Struct("@b3xi").pack(into: &buffer, at: 0, Int8(1), Int32(2))
        #expect(buffer == [1, 0, 0, 0, 2, 0, 0, 0])
    }

    @Test func aRecordThatVisitsFewerValuesIsStopped() throws {
        final class Switch: @unchecked Sendable { var skip = false }
        struct Skipping: StructRecord {
            nonisolated(unsafe) static var toggle: Switch?
            static let layout = StructLayout<Skipping>("<HH")
            var a: UInt16 = 0
            var b: UInt16 = 0
            mutating func fields(_ field: inout some StructFields) throws(StructError) {
                try field(&a)
                if Self.toggle?.skip != true { try field(&b) }
            }
        }
        let toggle = Switch()
        Skipping.toggle = toggle
        #expect(Skipping.layout.error == nil)
        toggle.skip = true
        let expected = "the fields of Skipping did not match format '<HH' as when they were checked: "
            + "fields(_:) must visit the same fields, in the same order, every time"
        #expect(throws: StructError(.typeMismatch, expected)) { try Skipping(unpacking: [1, 0, 2, 0]) }
        #expect(throws: StructError(.typeMismatch, expected)) { try Skipping(a: 1, b: 2).packed() }
        toggle.skip = false
    }

    @Test func aRecordThatVisitsFewerValuesIsStoppedOnThePlannedPath() throws {
        // A string field puts the record on the planned path (SPEC §1.12).
        final class Switch: @unchecked Sendable { var skip = false }
        struct Skipping: StructRecord {
            nonisolated(unsafe) static var toggle: Switch?
            static let layout = StructLayout<Skipping>("<2sH")
            var tag: [UInt8] = []
            var b: UInt16 = 0
            mutating func fields(_ field: inout some StructFields) throws(StructError) {
                try field(&tag)
                if Self.toggle?.skip != true { try field(&b) }
            }
        }
        let toggle = Switch()
        Skipping.toggle = toggle
        #expect(Skipping.layout.error == nil)
        toggle.skip = true
        let expected = "the fields of Skipping did not match format '<2sH' as when they were checked: "
            + "fields(_:) must visit the same fields, in the same order, every time"
        #expect(throws: StructError(.typeMismatch, expected)) { try Skipping(unpacking: [0x61, 0x62, 2, 0]) }
        #expect(throws: StructError(.typeMismatch, expected)) { try Skipping(tag: [0x61], b: 2).packed() }
        toggle.skip = false
        #expect(try Skipping(unpacking: [0x61, 0x62, 2, 0]).b == 2)
    }

    @Test func anUnknownRawValueOnThePlannedPathIsLocated() throws {
        struct Tagged: StructRecord {
            static let layout = StructLayout<Tagged>("<2sH")
            var tag: [UInt8] = []
            var kind: Kind = .data
            mutating func fields(_ field: inout some StructFields) throws(StructError) {
                try field(&tag); try field(&kind)
            }
        }
        do {
            _ = try Tagged(unpacking: [0x61, 0x62, 9, 0])
            Issue.record("no error for kind 9")
        } catch {
            #expect(error.message == "value 1 of format '<2sH' at byte offset 2: 9 is not a valid Kind")
            #expect(error.valueIndex == 1 && error.byteOffset == 2)
        }
    }

    @Test func aTrailingZeroLengthPascalStringWritesItsLengthByteAsCPythonDoes() throws {
        // b = bytearray(b'\xee' * 6); struct.pack_into('<I0p', b, 0, 1, b'') -> 0100000000ee
        var buffer = [UInt8](repeating: 0xEE, count: 6)
        let format = try Struct("<I0p")
        try format.pack(into: &buffer, at: 0, UInt32(1), [UInt8]())
        #expect(buffer == [1, 0, 0, 0, 0x00, 0xEE])
        // The dynamic API too; and struct.pack('<I0p', 1, b'') is the 4 bytes alone.
        var dynamic = [UInt8](repeating: 0xEE, count: 6)
        try format.pack(into: &dynamic, at: 0, [1, ""])
        #expect(dynamic == [1, 0, 0, 0, 0x00, 0xEE])
        #expect(try format.pack(UInt32(1), [UInt8]()) == [1, 0, 0, 0])
        // b = bytearray(b'\xee' * 3); struct.pack_into('<0p', b, 1, b'') -> ee00ee
        var middle = [UInt8](repeating: 0xEE, count: 3)
        try Struct("<0p").pack(into: &middle, at: 1, [UInt8]())
        #expect(middle == [0xEE, 0x00, 0xEE])
    }
}
