import StructPack

/// Records against tuples and the dynamic API, for a record type (``FuzzRecord``) and bytes
/// picked by the fuzzer.
///
/// Unpacking: every record entry point (`init(unpacking:)`, at offsets, `Struct.unpack(_:as:)`,
/// `unpacker(for:)`, `iterUnpack`), the equivalent tuple, and the dynamic API give the same
/// values (floats bit for bit), or the records and the tuple throw the same located
/// `invalidValue` for a value no record can hold while the dynamic API reads it. Another format
/// with the same values, met only through a per-call plan, reads the same record from its own
/// packing of those values.
///
/// Packing: an arbitrary record packs to the bytes the dynamic API packs its values to, or
/// fails with the same located error; a failed `pack_into` leaves the buffer exactly as the
/// dynamic `pack_into` leaves it (CPython's state), in both formats; a batch of copies packs to
/// the bytes of as many appends.
enum RecordCheck {
    /// Picks a record type and runs every check on the input's next bytes.
    static func run(_ input: inout FuzzInput) {
        let type = fuzzRecordTypes[Int(input.byte()) % fuzzRecordTypes.count]
        check(type, &input)
    }

    private static func check<R: FuzzRecord>(_ type: R.Type, _ input: inout FuzzInput) {
        invariant(R.layout.error == nil, "\(R.self): layout error \(String(describing: R.layout.error))")
        let format = R.layout.format
        let other: Struct
        do {
            other = try Struct(R.otherFormat)
        } catch {
            invariantFailure("\(R.self): other format '\(R.otherFormat)' threw \(error)")
        }
        invariant(other.valueCount == format.valueCount, "\(R.self): the formats' value counts differ")
        var bytes = input.bytes(format.size)
        bytes += repeatElement(0, count: format.size - bytes.count)
        checkUnpacking(R.self, format, other, bytes: bytes, input: &input)
        checkPacking(R.arbitrary(&input), format, other, input: &input)
    }

    // MARK: Unpacking

    private static func checkUnpacking<R: FuzzRecord>(
        _ type: R.Type, _ format: Struct, _ other: Struct, bytes: [UInt8], input: inout FuzzInput
    ) {
        let record = exactCopy(bytes)
        defer { record.deallocate() }
        let values: [StructValue]
        do {
            values = try format.unpack(UnsafeRawBufferPointer(record))
        } catch {
            invariantFailure("\(format): dynamic unpack threw \(error)")
        }
        let invalid = R.firstInvalidValue(values)

        // The record's own layout, from every input form and entry point.
        let own = Result { () throws(StructError) in try R(unpacking: UnsafeRawBufferPointer(record)) }
        expect(own, values, invalid: invalid, format, "init(unpacking:)")
        let tuple = Result { () throws(StructError) in try R.unpackTuple(format, UnsafeRawBufferPointer(record)) }
        invariant(
            sameOutcome(tuple, own.map(\.dynamicValues)),
            "\(format): tuple unpack \(tuple) but record \(own.map(\.dynamicValues))")
        expect(Result { () throws(StructError) in try format.unpack(bytes, as: R.self) }, values, invalid: invalid, format, "Struct.unpack(_:as:)")

        let lead = input.int(in: 0...5)
        let padded = [UInt8](repeating: 0xA5, count: lead) + bytes + [UInt8](repeating: 0x5A, count: input.int(in: 0...3))
        let fromEnd = lead - padded.count
        expect(Result { () throws(StructError) in try R(unpacking: padded, at: lead) }, values, invalid: invalid, format, "array at \(lead)", at: lead)
        expect(
            Result { () throws(StructError) in try R(unpacking: padded[lead..<(lead + format.size)]) }, values,
            invalid: invalid, format, "slice")
        expect(
            Result { () throws(StructError) in try format.unpacker(for: R.self).unpack(from: padded, at: fromEnd) },
            values, invalid: invalid, format, "unpacker at \(fromEnd)", at: lead)

        // Back-to-back copies: the collection reads (and for an invalid value rejects) them all.
        let count = input.int(in: 0...3)
        let many = Array(repeatElement(bytes, count: count).joined())
        if format.size > 0 {
            do {
                let records = try R.iterUnpack(many)
                invariant(invalid == nil || count == 0, "\(format): iterUnpack accepted an invalid value")
                invariant(records.count == count, "\(format): \(records.count) records of \(count)")
                for found in records {
                    invariant(sameValues(found.dynamicValues, values), "\(format): iterated \(found.dynamicValues), dynamic \(values)")
                }
            } catch {
                invariant(invalid != nil && error.code == .invalidValue, "\(format): iterUnpack threw \(error)")
            }
        }

        // The other format, with a plan made for the call, on its own packing of the values.
        let otherBytes: [UInt8]
        do {
            otherBytes = try other.pack(values)
            invariant(sameValues(try other.unpack(otherBytes), values), "\(other): the values do not round-trip")
        } catch {
            invariantFailure("\(other): dynamic pack of \(format)'s values threw \(error)")
        }
        let planned = Result { () throws(StructError) in try other.unpack(otherBytes, as: R.self) }
        switch (planned, own) {
        case (.success(let a), .success(let b)):
            invariant(sameValues(a.dynamicValues, b.dynamicValues), "\(other): record \(a.dynamicValues), \(format) \(b.dynamicValues)")
        case (.failure(let a), .failure(let b)):
            invariant(a.code == b.code && a.valueIndex == b.valueIndex, "\(other): threw \(a), \(format) threw \(b)")
        default:
            invariantFailure("\(other): record \(planned), \(format) \(own)")
        }
    }

    /// Checks that an unpacked record holds `values`, or that it failed for value `invalid`
    /// with the located `invalidValue` of the record at byte `base`.
    private static func expect<R: FuzzRecord>(
        _ result: Result<R, StructError>, _ values: [StructValue], invalid: Int?, _ format: Struct, _ what: String,
        at base: Int = 0
    ) {
        switch result {
        case .success(let record):
            invariant(invalid == nil, "\(format): \(what) accepted value \(invalid ?? -1), \(values[invalid ?? 0])")
            invariant(sameValues(record.dynamicValues, values), "\(format): \(what) gave \(record.dynamicValues), dynamic \(values)")
        case .failure(let error):
            let slot = invalid.flatMap { try? format.slot(ofValue: $0, recordOffset: base) }
            invariant(
                error.code == .invalidValue && error.valueIndex == invalid && error.byteOffset == slot?.offset,
                "\(format): \(what) threw \(error) at \(String(describing: error.valueIndex)), "
                    + "\(String(describing: error.byteOffset)); invalid value \(String(describing: invalid))")
        }
    }

    // MARK: Packing

    private static func checkPacking<R: FuzzRecord>(_ record: R, _ format: Struct, _ other: Struct, input: inout FuzzInput) {
        let values = record.dynamicValues
        for (format, own) in [(format, true), (other, false)] {
            let dynamic = Result { () throws(StructError) in try format.pack(values) }
            let packed = Result { () throws(StructError) in try format.pack(record) }
            invariant(sameOutcome(packed, dynamic), "\(format): pack(record) \(packed), dynamic \(dynamic)")
            if own {
                let alone = Result { () throws(StructError) in try record.packed() }
                invariant(sameOutcome(alone, dynamic), "\(format): packed() \(alone), dynamic \(dynamic)")
                if case .success(let bytes) = dynamic {
                    let back = Result { () throws(StructError) in try R(unpacking: bytes).dynamicValues }
                    let expected = Result { () throws(StructError) in try format.unpack(bytes) }
                    invariant(
                        R.firstInvalidValue((try? expected.get()) ?? []) == nil && sameOutcome(back, expected),
                        "\(format): unpack(pack(record)) \(back), dynamic \(expected)")
                }
            }

            // pack_into over garbage at an offset from either end: the same bytes, or the same
            // located error and the same partially written record.
            let length = format.size + input.int(in: 0...4)
            let offset = input.bool() ? input.int(in: 0...2) : input.int(in: -3...(-1)) - format.size
            var dynamicBuffer = [UInt8](repeating: 0xEE, count: length)
            let dynamicInto = Result { () throws(StructError) in try format.pack(into: &dynamicBuffer, at: offset, values) }
            var recordBuffer = [UInt8](repeating: 0xEE, count: length)
            let recordInto = Result { () throws(StructError) in
                if own { try record.pack(into: &recordBuffer, at: offset) } else { try format.pack(record, into: &recordBuffer, at: offset) }
            }
            invariant(
                sameOutcome(recordInto.map { true }, dynamicInto.map { true }) && recordBuffer == dynamicBuffer,
                "\(format): record pack_into at \(offset): \(recordInto) \(hex(recordBuffer)); "
                    + "dynamic \(dynamicInto) \(hex(dynamicBuffer))")

            // Appending after a prefix: the same bytes and the same error (located in the
            // array) as the dynamic API's, or nothing appended.
            var dynamicAppended: [UInt8] = [0x42]
            let dynamicAppend = Result { () throws(StructError) in try format.pack(appendingTo: &dynamicAppended, values) }
            var appended: [UInt8] = [0x42]
            let recordAppend = Result { () throws(StructError) in try format.pack(record, appendingTo: &appended) }
            invariant(
                sameOutcome(recordAppend.map { true }, dynamicAppend.map { true }) && appended == dynamicAppended,
                "\(format): pack(_:appendingTo:) gave \(hex(appended)) \(recordAppend); "
                    + "dynamic \(hex(dynamicAppended)) \(dynamicAppend)")

            // A batch of copies: the bytes of as many dynamic appends, or the same error and
            // nothing appended.
            if own {
                let copies = input.int(in: 0...3)
                var expected: [UInt8] = [0x42]
                let looped = Result { () throws(StructError) in
                    for _ in 0..<copies { try format.pack(appendingTo: &expected, values) }
                }
                var batch: [UInt8] = [0x42]
                let batched = Result { () throws(StructError) in
                    try R.layout.packer.pack(contentsOf: Array(repeating: record, count: copies), appendingTo: &batch)
                }
                invariant(
                    sameOutcome(batched.map { true }, looped.map { true }) && batch == expected,
                    "\(format): pack(contentsOf:) of \(copies) gave \(hex(batch)) \(batched); "
                        + "dynamic \(hex(expected)) \(looped)")
            }
        }
    }
}

/// Whether two results both succeeded with the same values (floats bit for bit) or failed with
/// the same located error.
private func sameOutcome(_ left: Result<[StructValue], StructError>, _ right: Result<[StructValue], StructError>) -> Bool {
    switch (left, right) {
    case (.success(let a), .success(let b)): sameValues(a, b)
    case (.failure(let a), .failure(let b)): sameLocated(a, b)
    default: false
    }
}

/// Whether two results both succeeded with equal values or failed with the same located error.
private func sameOutcome<T: Equatable>(_ left: Result<T, StructError>, _ right: Result<T, StructError>) -> Bool {
    switch (left, right) {
    case (.success(let a), .success(let b)): a == b
    case (.failure(let a), .failure(let b)): sameLocated(a, b)
    default: false
    }
}

/// The same code and message, at the same value index and byte offset.
private func sameLocated(_ a: StructError, _ b: StructError) -> Bool {
    a == b && a.valueIndex == b.valueIndex && a.byteOffset == b.byteOffset
}
