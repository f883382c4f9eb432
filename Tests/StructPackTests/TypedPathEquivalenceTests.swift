import StructPack
import TestSupport
import Testing

/// The typed API picks one of three paths per format (back to back at compile-time offsets,
/// direct loads at the format's offsets, or converting value by value); each must agree with the
/// dynamic API, which the golden vectors pin to CPython, on random records.
@Suite("Typed paths agree with the dynamic API")
struct TypedPathEquivalenceTests {
    static func randomBytes(_ count: Int, _ rng: inout SplitMix64) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }

    /// Checks every typed route for one format and tuple shape against `unpack(_:)`/`pack(_:)`.
    func check<T0: StructUnpackable & StructPackable, T1: StructUnpackable & StructPackable,
               T2: StructUnpackable & StructPackable, T3: StructUnpackable & StructPackable,
               T4: StructUnpackable & StructPackable>(
        _ text: String, _ types: (T0, T1, T2, T3, T4).Type, toValues: ((T0, T1, T2, T3, T4)) -> [StructValue]
    ) throws {
        let format = try Struct(text)
        var rng = SplitMix64(seed: UInt64(text.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) }))
        let unpacker = try format.unpacker(for: types)
        let packer = try format.packer(for: types)
        var many: [UInt8] = []
        var expectedRecords: [[StructValue]] = []
        for _ in 0..<200 {
            var bytes = Self.randomBytes(format.size, &rng)
            // Pad bytes are not round-tripped; zero them so repacking reproduces the record.
            bytes = try format.pack(format.unpack(bytes))
            let dynamic = try format.unpack(bytes)
            let typed = try format.unpack(bytes, as: types)
            #expect(sameValues(toValues(typed), dynamic), "\(text) unpack")
            #expect(sameValues(toValues(try unpacker.unpack(bytes)), dynamic), "\(text) unpacker")
            #expect(sameValues(toValues(try format.unpack(from: [0xEE] + bytes, at: 1, as: types)), dynamic))
            #expect(try format.pack(typed.0, typed.1, typed.2, typed.3, typed.4) == bytes, "\(text) pack")
            #expect(try packer.pack(typed) == bytes, "\(text) packer")
            var buffer = [UInt8](repeating: 0xAB, count: format.size + 3)
            try packer.pack(typed, into: &buffer, at: 3)
            #expect(Array(buffer.dropFirst(3)) == bytes && buffer.prefix(3) == [0xAB, 0xAB, 0xAB])
            many += bytes
            expectedRecords.append(dynamic)
        }
        let records = try format.iterUnpack(many, as: types)
        #expect(records.count == expectedRecords.count)
        // Walked with the typed iterator and compared whole: a skipped or extra record differs.
        let walked = iterated(records).map(toValues)
        #expect(sameRecords(walked, expectedRecords), "\(text) records: \(walked.count) iterated")
    }

    static func values<A: BinaryInteger, B: BinaryInteger, C: BinaryInteger, D: BinaryInteger>(
        _ t: (A, B, C, D, Double)
    ) -> [StructValue] {
        [.int(Int128(t.0)), .int(Int128(t.1)), .int(Int128(t.2)), .int(Int128(t.3)), .double(t.4)]
    }

    @Test func backToBackLittleEndian() throws {
        try check("<IHHQd", (UInt32, UInt16, UInt16, UInt64, Double).self, toValues: Self.values)
    }

    @Test func backToBackSwapped() throws {
        try check(">IhHqd", (UInt32, Int16, UInt16, Int64, Double).self, toValues: Self.values)
    }

    @Test func directAtAlignedOffsets() throws {
        // Native alignment puts padding between the values: direct loads at the format's offsets.
        try check("@bhiqd", (Int8, Int16, Int32, Int64, Double).self, toValues: Self.values)
    }

    @Test func convertingValueByValue() throws {
        // Wider Swift types than the codes: the general path, with range checks on packing.
        try check("<bHiIe", (Int, Int, Int, UInt64, Double).self, toValues: Self.values)
    }

    @Test func padBytesBetweenValues() throws {
        try check("!B2xhxiq3xd", (UInt8, Int16, Int32, Int64, Double).self, toValues: Self.values)
    }

    @Test func boolsAndBytesThroughTheDirectAndGeneralPaths() throws {
        let format = try Struct("<?3s?H")
        let bytes: [UInt8] = [0x02, 0x61, 0x62, 0x63, 0x00, 0x34, 0x12]
        let (a, s, b, h) = try format.unpack(bytes, as: (Bool, [UInt8], Bool, UInt16).self)
        #expect(a == true && s == [0x61, 0x62, 0x63] && b == false && h == 0x1234)
        #expect(try format.pack(a, s, b, h) == [0x01, 0x61, 0x62, 0x63, 0x00, 0x34, 0x12])
    }

    @Test func rangeErrorsStillApplyOnTheConvertingPath() throws {
        let packer = try Struct("<bH").packer(for: (Int, Int).self)
        var buffer: [UInt8] = [9, 9, 9, 9]
        #expect(throws: StructError(.integerOutOfRange, "'H' format requires 0 <= number <= 65535")) {
            try packer.pack((1, 70000), into: &buffer, at: 1)
        }
        // CPython's state after the failure: the record zeroed except the value before it.
        #expect(buffer == [9, 1, 0, 0])
    }
}
