import StructPack
import Testing

/// The byte-count-only checks must agree with the operations they describe, and their
/// messages are CPython 3.13's (each expected text below was printed by CPython 3.13).
@Suite("Buffer checks without a buffer")
struct BufferCheckTests {
    @Test(arguments: [
        (format: "<I", count: 6, offset: 4,
         message: "unpack_from requires a buffer of at least 8 bytes for unpacking 4 bytes at offset 4 (actual buffer size is 6)"),
        (format: "<I", count: 6, offset: -2, message: "not enough data to unpack 4 bytes at offset -2"),
        (format: "<I", count: 6, offset: -20, message: "offset -20 out of range for 6-byte buffer"),
        (format: "<I", count: 3, offset: 0,
         message: "unpack_from requires a buffer of at least 4 bytes for unpacking 4 bytes at offset 0 (actual buffer size is 3)"),
    ])
    func unpackFromErrorsAreCPythons(format: String, count: Int, offset: Int, message: String) throws {
        let compiled = try Struct(format)
        let error = #expect(throws: StructError.self) { try compiled.byteRange(unpackingFrom: count, at: offset) }
        #expect(error?.message == message)
    }

    @Test(arguments: [
        (format: "<IH", count: 100, offset: -6, range: 94..<100),
        (format: "<IH", count: 6, offset: 0, range: 0..<6),
        (format: "<IH", count: 10, offset: 3, range: 3..<9),
        (format: "", count: 0, offset: 0, range: 0..<0),
        (format: "3x", count: 3, offset: -3, range: 0..<3),
    ])
    func unpackFromRanges(format: String, count: Int, offset: Int, range: Range<Int>) throws {
        #expect(try Struct(format).byteRange(unpackingFrom: count, at: offset) == range)
    }

    /// Every combination of small buffers and offsets: the check throws exactly when
    /// `unpack(from:at:)` throws, with the same error, and otherwise names the bytes it reads.
    @Test(arguments: ["<I", "<IH", "", "@bi", "3s"])
    func agreesWithUnpackFrom(format: String) throws {
        let compiled = try Struct(format)
        for count in 0...12 {
            let buffer = (0..<count).map { UInt8($0 * 7 & 0xff) }
            for offset in -14...14 {
                let actual = Result { () throws(StructError) in try compiled.unpack(from: buffer, at: offset) }
                let checked = Result { () throws(StructError) in try compiled.byteRange(unpackingFrom: count, at: offset) }
                switch (actual, checked) {
                case (.success(let values), .success(let range)):
                    #expect(try compiled.unpack(Array(buffer[range])) == values)
                case (.failure(let expected), .failure(let error)):
                    #expect(error == expected, "count \(count) offset \(offset)")
                default:
                    Issue.record("disagree for count \(count) offset \(offset): \(actual) vs \(checked)")
                }
            }
        }
    }

    /// A buffer too short and one too long are both refused; only the exact size passes.
    @Test(arguments: [0, 5, 7, 12])
    func unpackSizeCheckRefusesAnyOtherSize(count: Int) throws {
        // struct.Struct('<IH').unpack(bytes(5)) in CPython 3.13.
        #expect(throws: StructError(.wrongBufferSize, "unpack requires a buffer of 6 bytes")) {
            try Struct("<IH").checkUnpackSize(count)
        }
    }

    @Test func unpackSizeCheckAcceptsTheExactSize() throws {
        try Struct("<IH").checkUnpackSize(6)
        try Struct("").checkUnpackSize(0)
    }

    /// For every small buffer the check throws exactly when `unpack(_:)` throws, with the same
    /// error.
    @Test(arguments: ["<I", "<IH", "", "@bi", "3s"])
    func unpackSizeCheckAgreesWithUnpack(format: String) throws {
        let compiled = try Struct(format)
        for count in 0...12 {
            let buffer = [UInt8](repeating: 0x5A, count: count)
            let actual = Result { () throws(StructError) in try compiled.unpack(buffer) }
            let checked = Result { () throws(StructError) in try compiled.checkUnpackSize(count) }
            switch (actual, checked) {
            case (.success, .success): break
            case (.failure(let expected), .failure(let error)): #expect(error == expected, "count \(count)")
            default: Issue.record("\(format): disagree for count \(count): \(actual) vs \(checked)")
            }
        }
    }

    @Test func iterationRecordCount() throws {
        #expect(try Struct("<IH").recordCount(iterating: 18) == 3)
        #expect(try Struct("<IH").recordCount(iterating: 0) == 0)
        #expect(throws: StructError(.wrongBufferSize, "iterative unpacking requires a buffer of a multiple of 3 bytes")) {
            _ = try Struct("3x").recordCount(iterating: 1)
        }
        #expect(throws: StructError(.zeroSizeIteration, "cannot iteratively unpack with a struct of length 0")) {
            _ = try Struct("").recordCount(iterating: 0)
        }
    }

    @Test func typedIterationChecksTheBufferBeforeTheTypes() throws {
        // iter_unpack('<0s', b'') and iter_unpack('<H', b'\x00'): CPython's errors, although
        // Int8 can hold neither a 's' nor an 'H' value.
        #expect(throws: StructError(.zeroSizeIteration, "cannot iteratively unpack with a struct of length 0")) {
            _ = try Struct("<0s").iterUnpack([UInt8](), as: Int8.self)
        }
        #expect(throws: StructError(.wrongBufferSize, "iterative unpacking requires a buffer of a multiple of 2 bytes")) {
            _ = try Struct("<H").iterUnpack([UInt8]([0]), as: Int8.self)
        }
        #expect(throws: StructError.self) { _ = try Struct("<H").iterUnpack([UInt8]([0, 0]), as: Int8.self) }
    }
}
