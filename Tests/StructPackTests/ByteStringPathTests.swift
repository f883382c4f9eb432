import StructPack
import TestSupport
import Testing

// Byte strings (`s`, `p`) on the typed API's direct paths: sizes and codes come from the
// format's slot table, every other value from compile-time offsets. Expected bytes are CPython
// 3.13's (the commands are in the comments) or the dynamic API's, which the golden vectors pin to
// CPython.

/// '>300pH': a Pascal string longer than 255 bytes.
private struct LongPascal: StructRecord {
    static let layout = StructLayout<LongPascal>(">300pH")
    var text: [UInt8] = []
    var check: UInt16 = 0

    mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&text); try field(&check)
    }
}

/// A byte string that must start with "SP": a converted type whose representation is `[UInt8]`.
private struct Magic: StructConvertible, Equatable {
    var bytes: [UInt8]

    init(bytes: [UInt8]) { self.bytes = bytes }

    init(structRepresentation: [UInt8]) throws(StructError) {
        guard structRepresentation.starts(with: [0x53, 0x50]) else {
            throw StructError(.invalidValue, "bad magic \(structRepresentation)")
        }
        bytes = structRepresentation
    }

    var structRepresentation: [UInt8] { bytes }
}

/// '<H2sI': a converted byte string between two integers.
private struct Tagged: StructRecord {
    static let layout = StructLayout<Tagged>("<H2sI")
    var kind: UInt16 = 0
    var magic = Magic(bytes: [])
    var length: UInt32 = 0

    mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&kind); try field(&magic); try field(&length)
    }
}

/// '<1100B3s': more values than the slot table holds (1024), so the string's size is not in a
/// table and the record takes the planned path.
private struct Wide: StructRecord {
    static let layout = StructLayout<Wide>("<1100B3s")
    var counts = InlineArray<1100, UInt8>(repeating: 0)
    var tail: [UInt8] = []

    mutating func fields(_ field: inout some StructFields) throws(StructError) {
        try field(&counts); try field(&tail)
    }
}

@Suite("Byte strings on the direct paths")
struct ByteStringPathTests {
    static func randomBytes(_ count: Int, _ rng: inout SplitMix64) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }

    /// Every typed route for `(UInt32, [UInt8], ArraySlice<UInt8>, UInt16)` against the dynamic
    /// API, on random records (random Pascal length bytes included: longer than the room, too).
    func check(_ text: String) throws {
        let format = try Struct(text)
        typealias Shape = (UInt32, [UInt8], ArraySlice<UInt8>, UInt16)
        let unpacker = try format.unpacker(for: Shape.self)
        let packer = try format.packer(for: Shape.self)
        var rng = SplitMix64(seed: UInt64(text.utf8.count) &* 977)
        var many: [UInt8] = []
        var expected: [[StructValue]] = []
        func values(_ t: Shape) -> [StructValue] {
            [.int(Int128(t.0)), .bytes(t.1), .bytes(Array(t.2)), .int(Int128(t.3))]
        }
        for _ in 0..<300 {
            let bytes = Self.randomBytes(format.size, &rng)
            let dynamic = try format.unpack(bytes)
            #expect(sameValues(values(try format.unpack(bytes, as: Shape.self)), dynamic), "\(text) unpack")
            #expect(sameValues(values(try unpacker.unpack(bytes)), dynamic), "\(text) unpacker")
            let shifted = [0xEE] + bytes
            let view = try format.unpack(from: shifted, at: 1, as: Shape.self)
            #expect(sameValues(values(view), dynamic), "\(text) unpack at 1")
            // The slice is a view of the input: its indices are the input's, past the offset.
            #expect(view.2.startIndex >= 1 && view.2.endIndex <= shifted.count)
            // Packing random-length strings: truncated or zero-padded exactly as CPython does.
            let s = Self.randomBytes(Int.random(in: 0...40, using: &rng), &rng)
            let p = Self.randomBytes(Int.random(in: 0...40, using: &rng), &rng)
            let packedDynamic = try format.pack([.int(5), .bytes(s), .bytes(p), .int(6)])
            #expect(try format.pack(UInt32(5), s, p[...], UInt16(6)) == packedDynamic, "\(text) pack")
            #expect(try packer.pack((5, s, p[...], 6)) == packedDynamic, "\(text) packer")
            var buffer = [UInt8](repeating: 0xAB, count: format.size + 2)
            try packer.pack((5, s, p[...], 6), into: &buffer, at: 2)
            #expect(Array(buffer.dropFirst(2)) == packedDynamic && buffer.prefix(2) == [0xAB, 0xAB])
            many += bytes
            expected.append(dynamic)
        }
        let walked = iterated(try format.iterUnpack(many, as: Shape.self)).map(values)
        #expect(sameRecords(walked, expected), "\(text) iterUnpack")
    }

    @Test func littleEndianStrings() throws { try check("<I16s8pH") }
    @Test func bigEndianStrings() throws { try check("!I3s1pH") }
    @Test func nativeStringsWithoutPadding() throws { try check("@I5s255pH") }
    @Test func nativeStringsWithPadding() throws { try check("@I5s4pH") }

    /// Views on the planned path (a pad byte keeps the format off the direct paths): each is a
    /// slice of the caller's array at the string's own indices, through every tuple entry point.
    @Test func viewsOnThePlannedPathShareTheCallersArray() throws {
        // struct.iter_unpack('<Ix3s2pH', bytes.fromhex('01000000ee616263017a0500'
        //     '02000000ee78797a0271ff06')) == [(1, b'abc', b'z', 5), (2, b'xyz', b'q', 1791)]
        let records: [UInt8] = [
            0x01, 0x00, 0x00, 0x00, 0xEE, 0x61, 0x62, 0x63, 0x01, 0x7A, 0x05, 0x00,
            0x02, 0x00, 0x00, 0x00, 0xEE, 0x78, 0x79, 0x7A, 0x02, 0x71, 0xFF, 0x06,
        ]
        let input = [0xAA] + records
        let format = try Struct("<Ix3s2pH")
        typealias Shape = (UInt32, ArraySlice<UInt8>, ArraySlice<UInt8>, UInt16)
        let unpacker = try format.unpacker(for: Shape.self)
        let expected: [(UInt32, [UInt8], [UInt8], UInt16, Int)] = [
            (1, Array("abc".utf8), Array("z".utf8), 5, 1), (2, Array("xyz".utf8), Array("q".utf8), 1791, 13),
        ]
        for (a, s, p, h, offset) in expected {
            let values = [
                try unpacker.unpack(from: input, at: offset), try unpacker.unpack(from: input[...], at: offset),
                try format.unpack(from: input, at: offset, as: Shape.self),
            ]
            for value in values {
                #expect(value.0 == a && Array(value.1) == s && Array(value.2) == p && value.3 == h)
                // s starts 5 bytes into the record, p's bytes 9: the caller's indices, not a copy's.
                #expect(value.1.startIndex == offset + 5 && value.2.startIndex == offset + 9)
            }
        }
        let walked = Array(try format.iterUnpack(Array(input.dropFirst()), as: Shape.self))
        #expect(walked.count == 2 && Array(walked[1].1) == Array("xyz".utf8) && walked[1].1.startIndex == 17)
        #expect(Array(walked[1].2) == Array("q".utf8) && walked[1].3 == 1791)
    }

    @Test func pascalAndPlainStringsAsCPythonPacksThem() throws {
        // struct.pack('<3p2sB', b'abcdef', b'x', 7) == bytes.fromhex('026162780007')
        let format = try Struct("<3p2sB")
        #expect(try format.pack(Array("abcdef".utf8), Array("x".utf8), UInt8(7)) == [0x02, 0x61, 0x62, 0x78, 0x00, 0x07])
        // struct.unpack('<3p2sB', bytes.fromhex('ff6162787907')) == (b'ab', b'xy', 7)
        let (p, s, b) = try format.unpack([0xFF, 0x61, 0x62, 0x78, 0x79, 0x07], as: ([UInt8], ArraySlice<UInt8>, UInt8).self)
        #expect(p == Array("ab".utf8) && Array(s) == Array("xy".utf8) && b == 7)
    }

    @Test func aPascalStringLongerThan255Bytes() throws {
        // x = struct.pack('>300pH', b'a' * 400, 5): length byte 0xff, 299 b'a', then 0005
        let packed = try LongPascal(text: [UInt8](repeating: 0x61, count: 400), check: 5).packed()
        #expect(packed == [0xFF] + [UInt8](repeating: 0x61, count: 299) + [0x00, 0x05])
        // struct.unpack('>300pH', x)[0] == b'a' * 255: the length byte says 255
        let back = try LongPascal(unpacking: packed)
        #expect(back.text == [UInt8](repeating: 0x61, count: 255) && back.check == 5)
    }

    @Test func aConvertedByteStringIsCheckedAndLocated() throws {
        // struct.pack('<H2sI', 1, b'SP', 9)
        let good: [UInt8] = [0x01, 0x00, 0x53, 0x50, 0x09, 0x00, 0x00, 0x00]
        let record = try Tagged(unpacking: good)
        #expect(record.kind == 1 && record.magic == Magic(bytes: [0x53, 0x50]) && record.length == 9)
        #expect(try record.packed() == good)
        var bad = good
        bad[2] = 0x58
        do {
            _ = try Tagged(unpacking: [0xEE] + bad, at: 1)
            Issue.record("a bad magic was accepted")
        } catch {
            #expect(error.code == .invalidValue && error.valueIndex == 1 && error.byteOffset == 3)
        }
    }

    @Test func aStringInAFormatWithoutASlotTable() throws {
        // struct.pack('<1100B3s', *range(100) * 11, b'xyz')
        let bytes = (0..<1100).map { UInt8($0 % 100) } + Array("xyz".utf8)
        let record = try Wide(unpacking: bytes)
        #expect(record.counts[1099] == 99 && record.tail == Array("xyz".utf8))
        #expect(try record.packed() == bytes)
    }

    @Test func aRecordWhoseStringFieldChangesIsStoppedNotReadOutOfBounds() throws {
        final class Switch: @unchecked Sendable { var mode = 0 }
        struct Changing: StructRecord {
            nonisolated(unsafe) static var toggle = Switch()
            static let layout = StructLayout<Changing>("<H4s")
            var a: UInt16 = 0
            var s: [UInt8] = []
            var wide: UInt64 = 0
            mutating func fields(_ field: inout some StructFields) throws(StructError) {
                switch Self.toggle.mode {
                case 0: try field(&a); try field(&s)
                case 1: try field(&s); try field(&a)  // the string where the integer was
                default: try field(&a); try field(&wide)  // 8 bytes where the 4-byte string was
                }
            }
        }
        let bytes: [UInt8] = [1, 0, 0x61, 0x62, 0x63, 0x64]
        #expect(Changing.layout.error == nil)
        for mode in [1, 2] {
            Changing.toggle.mode = mode
            #expect(throws: StructError.self) { try Changing(unpacking: bytes) }
            #expect(throws: StructError.self) { try Changing(a: 1, s: [1], wide: 2).packed() }
        }
        Changing.toggle.mode = 0
        let back = try Changing(unpacking: bytes)
        #expect(back.a == 1 && back.s == Array("abcd".utf8))
    }
}
