import StructPack
import Testing

/// `iterUnpack`'s records are views that read each value when it is subscripted. Every expected
/// value and buffer below was printed by CPython 3.13 (`struct.iter_unpack`, `unpack`,
/// `pack_into`).
@Suite("Dynamic record views")
struct RecordValuesTests {
    static let format = try! Struct("<IhH5s3p?d")
    /// b''.join(f.pack(*r) for r in [(7, -2, 65535, b'abcde', b'xy', True, 1.5),
    ///                               (2**32 - 1, -32768, 0, b'\x00\x01', b'', False, -0.0)])
    static let bytes = Hex.decode(
        "07000000feffffff616263646502787901000000000000f83f"
            + "ffffffff008000000001000000000000000000000000000080")!
    static let expected: [[StructValue]] = [
        [.int(7), .int(-2), .int(65535), "abcde", "xy", true, .double(1.5)],
        [.int(4_294_967_295), .int(-32768), .int(0), .bytes([0, 1, 0, 0, 0]), "", false, .double(-0.0)],
    ]

    @Test func valuesReadInAnyOrderAndAgain() throws {
        let records = try Self.format.iterUnpack(Self.bytes)
        #expect(records.count == 2)
        for (index, values) in records.enumerated() {
            #expect(values.count == 7)
            for position in [6, 0, 3, 3, 5, 1, 4, 2] {
                #expect(values[position] == Self.expected[index][position], "record \(index) value \(position)")
            }
            #expect(Array(values) == Self.expected[index])
            #expect(values.map(\.description) == Self.expected[index].map(\.description))
        }
        #expect(records[1][6].doubleValue?.sign == .minus)
        #expect(records[0].description == "[7, -2, 65535, b'abcde', b'xy', True, 1.5]")
    }

    @Test func recordsKeepTheArrayTheyReadAlive() throws {
        var source = Self.bytes
        let kept = Array(try Self.format.iterUnpack(source))
        // The records share the array's storage; changing or dropping the array copies it first.
        source[0] = 0x99
        source = []
        #expect(kept.map(Array.init) == Self.expected)
        #expect(source.isEmpty)
    }

    @Test func recordsOfASliceStartAtTheSlice() throws {
        let padded = [0xAA, 0xBB] + Self.bytes
        let records = try Self.format.iterUnpack(padded[2...])
        #expect(records.map(Array.init) == Self.expected)
    }

    @Test func formatsBeyondTheSlotTableFindEachValue() throws {
        // More than 1,024 values: no per-value table, so a value is found from its field.
        // g = struct.Struct('<1000B30h2s'); v = g.unpack(bytes((i * 7) & 255 for i in range(1062)))
        let format = try Struct("<1000B30h2s")
        let data = (0..<1062).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let records = try format.iterUnpack(data)
        let values = try #require(records.first)
        #expect(values.count == 1031)
        #expect(values[0] == 0)
        #expect(values[999] == 81)
        #expect(values[1000] == 24408)
        #expect(values[1029] == -2578)
        #expect(values[1030] == .bytes([0xFC, 0x03]))
        #expect(Array(values) == (try format.unpack(data)))
    }
}
