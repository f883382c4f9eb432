import StructPack
import Testing

/// `pack(contentsOf:appendingTo:)`: a collection packed in one call. Expected bytes are
/// CPython 3.13's `b''.join(s.pack(*v) for v in values)`.
@Suite("Packing a collection per call")
struct BatchPackTests {
    /// Bytes from hex.
    func bytes(_ hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            result.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return result
    }

    @Test func tuplesOnEveryPathMatchCPython() throws {
        // The contiguous path, '<IHHQd'.
        let standard = try Struct("<IHHQd").packer(for: (UInt32, UInt16, UInt16, UInt64, Double).self)
        var out: [UInt8] = [0xAA]
        try standard.pack(
            contentsOf: [(1, 2, 3, 4, 0.5), (0xFFFF_FFFF, 65535, 0, UInt64.max, -1.25), (7, 8, 9, 10, 1e300)],
            appendingTo: &out)
        #expect(
            out == [0xAA] + bytes(
                "01000000020003000400000000000000000000000000e03fffffffffffff0000ffffffffffffffff000000000000f4bf"
                    + "07000000080009000a000000000000009c7500883ce4377e"))
        // The byte-swapped path, '>IH'.
        out = []
        try Struct(">IH").packer(for: (UInt32, UInt16).self).pack(contentsOf: [(1, 2), (0x0102_0304, 0x0506)], appendingTo: &out)
        #expect(out == bytes("000000010002010203040506"))
        // The aligned path, '@bhiq' (a pad byte after b).
        out = []
        try Struct("@bhiq").packer(for: (Int8, Int16, Int32, Int64).self).pack(
            contentsOf: [(-1, -2, -3, -4), (127, 32767, Int32.max, Int64.max)], appendingTo: &out)
        #expect(out == bytes("ff00fefffdfffffffcffffffffffffff7f00ff7fffffff7fffffffffffffff7f"))
        // Byte strings, '<I4s3pH'.
        out = []
        try Struct("<I4s3pH").packer(for: (UInt32, [UInt8], [UInt8], UInt16).self).pack(
            contentsOf: [(1, Array("ab".utf8), Array("xyz".utf8), 2), (3, Array("abcdef".utf8), [], 4)], appendingTo: &out)
        #expect(out == bytes("0100000061620000027879020003000000616263640000000400"))
        // The planned path (a half float and a pad byte), '<?xe'.
        out = []
        try Struct("<?xe").packer(for: (Bool, Float16).self).pack(contentsOf: [(true, 1.5), (false, -0.0)], appendingTo: &out)
        #expect(out == bytes("0100003e00000080"))
    }

    @Test func recordsMatchCPythonAndALoopOfSinglePacks() throws {
        let headers = [
            Header(id: 1, kind: .data, flags: 3, length: 4, ratio: 0.5),
            Header(id: 0xFFFF_FFFF, kind: .ack, flags: 0, length: .max, ratio: -1.25),
        ]
        let expected = bytes(
            "01000000020003000400000000000000000000000000e03fffffffff03000000ffffffffffffffff000000000000f4bf")
        var out: [UInt8] = []
        try Header.layout.packer.pack(contentsOf: headers, appendingTo: &out)
        #expect(out == expected)
        var looped: [UInt8] = []
        for header in headers { try header.pack(appendingTo: &looped) }
        #expect(looped == expected)
        // Into an output span, with room to spare.
        var storage = [UInt8](repeating: 0xEE, count: 60)
        let written = try storage.withUnsafeMutableBytes { raw in
            var output = OutputRawSpan(buffer: raw, initializedCount: 0)
            try Header.layout.packer.pack(contentsOf: headers, appendingTo: &output)
            return output.finalize(for: raw)
        }
        #expect(written == 48)
        #expect(Array(storage.prefix(48)) == expected)
        #expect(storage.suffix(12).allSatisfy { $0 == 0xEE })
    }

    @Test func aBatchReadsBackAsAnArrayOfRecords() throws {
        let headers = (0..<100).map { (index: Int) -> Header in
            let kind: Kind = index % 2 == 0 ? .data : .ack
            return Header(
                id: UInt32(index), kind: kind, flags: UInt16(index), length: UInt64(index) << 33, ratio: Double(index) / 4)
        }
        var bytes: [UInt8] = []
        try Header.layout.packer.pack(contentsOf: headers, appendingTo: &bytes)
        #expect(bytes.count == 2400)
        let back: [Header] = Array(try Header.iterUnpack(bytes))
        #expect(back.map { $0.id } == headers.map { $0.id })
        #expect(back.map { $0.kind } == headers.map { $0.kind })
        #expect(back.map { $0.length } == headers.map { $0.length })
        #expect(back.map { $0.ratio } == headers.map { $0.ratio })
        // The last record by hand: struct.pack('<IHHQd', 99, 3, 99, 99 << 33, 24.75).
        #expect(bytes.suffix(24) == [99, 0, 0, 0, 3, 0, 99, 0, 0, 0, 0, 0, 198, 0, 0, 0, 0, 0, 0, 0, 0, 0xC0, 0x38, 0x40])
    }

    @Test func anErrorLeavesTheOutputUnchanged() throws {
        // struct.pack('<Bh', 300, 1): "'B' format requires 0 <= number <= 255", in the third value.
        let packer = try Struct("<Bh").packer(for: (Int, Int).self)
        var out: [UInt8] = [1, 2]
        let error = #expect(throws: StructError.self) {
            try packer.pack(contentsOf: [(7, -1), (300, 1), (8, 2)], appendingTo: &out)
        }
        #expect(error?.message == "'B' format requires 0 <= number <= 255")
        // Value 0 of its record; byte 5 of the array: 2 bytes before the batch, 3 for record 0.
        #expect(error?.valueIndex == 0 && error?.byteOffset == 5)
        #expect(out == [1, 2])
        // struct.pack('<IH', 8, 70000): "'H' format requires 0 <= number <= 65535", value 1 of
        // record 1, at 2 + 6 + 4 = byte 12 of the array.
        let wide = try Struct("<IH").packer(for: (UInt32, Int).self)
        let second = #expect(throws: StructError.self) {
            try wide.pack(contentsOf: [(7, 1), (8, 70000)], appendingTo: &out)
        }
        #expect(second?.message == "'H' format requires 0 <= number <= 65535")
        #expect(second?.valueIndex == 1 && second?.byteOffset == 12)
        #expect(out == [1, 2])
        // The same collection without the bad value packs as CPython does: 07ffff per record.
        try packer.pack(contentsOf: [(7, -1), (7, -1)], appendingTo: &out)
        #expect(out == [1, 2] + bytes("07ffff07ffff"))

        var storage = [UInt8](repeating: 0xEE, count: 9)
        storage.withUnsafeMutableBytes { raw in
            var output = OutputRawSpan(buffer: raw, initializedCount: 0)
            #expect(throws: StructError.self) { try packer.pack(contentsOf: [(7, -1), (300, 1)], appendingTo: &output) }
            #expect(output.byteCount == 0)
            // Four records do not fit in nine bytes: refused before any is written.
            #expect(
                throws: StructError(
                    .bufferTooSmall,
                    "pack_into requires a buffer of at least 12 bytes for packing 12 bytes at offset 0 (actual buffer size is 9)")
            ) {
                try packer.pack(contentsOf: Array(repeating: (1, 1), count: 4), appendingTo: &output)
            }
            #expect(output.byteCount == 0)
            _ = output.finalize(for: raw)
        }
    }

    @Test func appendingErrorsAreLocatedInTheArrayAndTheSpan() throws {
        // struct.pack('<Bh', 7, 70000): "'h' format requires -32768 <= number <= 32767", value 1,
        // byte 1 of the record; appended after 2 bytes, byte 3 of the array.
        let format = try Struct("<Bh")
        let message = "'h' format requires -32768 <= number <= 32767"
        var out: [UInt8] = [1, 2]
        let dynamic = #expect(throws: StructError.self) { try format.pack(appendingTo: &out, [7, 70000]) }
        let tuple = #expect(throws: StructError.self) { try format.pack(appendingTo: &out, 7, 70000) }
        let packer = #expect(throws: StructError.self) {
            try format.packer(for: (Int, Int).self).pack((7, 70000), appendingTo: &out)
        }
        for error in [dynamic, tuple, packer] {
            #expect(error?.message == message && error?.valueIndex == 1 && error?.byteOffset == 3)
        }
        #expect(out == [1, 2])
        // An output span counts from its own start, its initialized bytes included.
        var storage = [UInt8](repeating: 0, count: 8)
        storage.withUnsafeMutableBytes { raw in
            var output = OutputRawSpan(buffer: raw, initializedCount: 0)
            output.append(9 as UInt8)
            output.append(9 as UInt8)
            let error = #expect(throws: StructError.self) { try format.pack(appendingTo: &output, [7, 70000]) }
            #expect(error?.valueIndex == 1 && error?.byteOffset == 3)
            #expect(output.byteCount == 2)
            _ = output.finalize(for: raw)
        }
    }

    @Test func emptyCollectionsAndEmptyRecordsAppendNothing() throws {
        let packer = try Struct("<IH").packer(for: (UInt32, UInt16).self)
        var out: [UInt8] = [5]
        try packer.pack(contentsOf: [], appendingTo: &out)
        #expect(out == [5])
        // struct.pack('0s', b'abc') == b'': zero-size records append nothing.
        let empty = try Struct("0s").packer(for: [UInt8].self)
        try empty.pack(contentsOf: [[1, 2, 3], []], appendingTo: &out)
        #expect(out == [5])
    }

    @Test func hugeCollectionsAreRefusedBeforeAllocating() throws {
        // Repeated is a collection of Int.max / 4 elements that stores one.
        let packer = try Struct("<IH").packer(for: (UInt32, UInt16).self)
        var out: [UInt8] = []
        let huge = repeatElement((UInt32(1), UInt16(2)), count: Int.max / 4)
        let error = #expect(throws: StructError.self) { try packer.pack(contentsOf: huge, appendingTo: &out) }
        #expect(error?.code == .allocationLimit)
        #expect(out.isEmpty && out.capacity == 0)
        // 400 million 6-byte records: 2.4 GB, over the 2 GiB limit.
        let large = repeatElement((UInt32(1), UInt16(2)), count: 400_000_000)
        #expect(throws: StructError.self) { try packer.pack(contentsOf: large, appendingTo: &out) }
        var storage = [UInt8](repeating: 0, count: 12)
        storage.withUnsafeMutableBytes { raw in
            var output = OutputRawSpan(buffer: raw, initializedCount: 0)
            let error = #expect(throws: StructError.self) { try packer.pack(contentsOf: huge, appendingTo: &output) }
            #expect(error?.code == .bufferTooSmall)
            _ = output.finalize(for: raw)
        }
    }

    /// A collection whose `count` claims more elements than it yields (a broken conformance).
    struct Overcounting: Collection {
        var elements: [(UInt32, UInt16)]
        var startIndex: Int { 0 }
        var endIndex: Int { elements.count }
        var count: Int { elements.count + 2 }
        subscript(position: Int) -> (UInt32, UInt16) { elements[position] }
        func index(after index: Int) -> Int { index + 1 }
    }

    @Test func aCollectionThatYieldsFewerThanItsCountLeavesZerosNotGarbage() throws {
        let packer = try Struct("<IH").packer(for: (UInt32, UInt16).self)
        // Capacity that held other bytes: the unwritten records must not show them.
        var out = [UInt8](repeating: 0xEE, count: 64)
        out.removeAll(keepingCapacity: true)
        try packer.pack(contentsOf: Overcounting(elements: [(1, 2)]), appendingTo: &out)
        #expect(out == bytes("010000000200") + [UInt8](repeating: 0, count: 12))
    }

    /// A collection whose `count` claims fewer elements than it yields (a broken conformance).
    struct Undercounting: Collection {
        var elements: [(UInt32, UInt16)]
        var startIndex: Int { 0 }
        var endIndex: Int { elements.count }
        var count: Int { elements.count - 1 }
        subscript(position: Int) -> (UInt32, UInt16) { elements[position] }
        func index(after index: Int) -> Int { index + 1 }
    }

    @Test func aCollectionThatYieldsMoreThanItsCountIsCutAtItsCount() throws {
        // Room is made for `count` records; the values after them are not packed (and never
        // written past the room).
        let packer = try Struct("<IH").packer(for: (UInt32, UInt16).self)
        var out: [UInt8] = []
        try packer.pack(contentsOf: Undercounting(elements: [(1, 2), (3, 4), (5, 6)]), appendingTo: &out)
        #expect(out == bytes("010000000200030000000400"))
        let storage = try [UInt8](unsafeUninitializedCapacity: 18) { buffer, count in
            buffer.initialize(repeating: 0xEE)
            var output = OutputRawSpan(buffer: UnsafeMutableRawBufferPointer(buffer), initializedCount: 0)
            try packer.pack(contentsOf: Undercounting(elements: [(1, 2), (3, 4), (5, 6)]), appendingTo: &output)
            count = 18
            #expect(output.byteCount == 12)
            _ = output.finalize(for: UnsafeMutableRawBufferPointer(buffer))
        }
        #expect(storage == bytes("010000000200030000000400") + [UInt8](repeating: 0xEE, count: 6))
    }
}
