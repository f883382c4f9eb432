import StructPack

/// Target 2, unpack/pack round trip: fuzzer bytes pick a format (``FormatBuilder``: prefixes,
/// codes, counts) and a record.
///
/// Checks, for every input:
/// - `unpack`, `unpack(from:at:)` (buffers, slices, offsets from both ends) and `iterUnpack`
///   never trap and return the same values; buffer errors follow SPEC.md §1.7's offset rule;
/// - `pack(unpack(b))` is ``RepackRule/expected(_:record:)``, i.e. `b` itself except where the
///   format does not carry the bytes (SPEC.md §1.11); `unpack(pack(unpack(b))) == unpack(b)` bit
///   for bit;
/// - every other pack form (`pack_into` at offsets, appending to arrays and `OutputRawSpan`) and
///   the single-value API agree with `pack`;
/// - the typed API agrees with the dynamic one (``TypedCheck``);
/// - then, on the input's remaining bytes, records agree with tuples and the dynamic API
///   (``RecordCheck``).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRoundTrip(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzInput(UnsafeRawBufferPointer(start: data, count: count))
    let text = FormatBuilder.build(&input, maximumItems: 8)
    let format: Struct
    do {
        format = try Struct(text)
    } catch {
        invariantFailure("built format '\(text)' does not compile: \(error)")
    }
    // The record: the next `size` bytes, zero-padded when the input runs out.
    var bytes = input.bytes(format.size)
    bytes += repeatElement(0, count: format.size - bytes.count)
    let record = exactCopy(bytes)
    defer { record.deallocate() }
    checkRoundTrip(format, record: UnsafeRawBufferPointer(record), input: &input)
    RecordCheck.run(&input)
    return 0
}

private func checkRoundTrip(_ format: Struct, record: UnsafeRawBufferPointer, input: inout FuzzInput) {
    let values: [StructValue]
    do {
        values = try format.unpack(record)
    } catch {
        invariantFailure("\(format): unpack of \(format.size) bytes threw \(error)")
    }
    invariant(values.count == format.valueCount, "\(format): \(values.count) values, expected \(format.valueCount)")

    checkOffsets(format, record: record, values: values, input: &input)
    checkIteration(format, record: record, values: values, input: &input)

    // The round trip.
    let packed: [UInt8]
    do {
        packed = try format.pack(values)
    } catch {
        invariantFailure("\(format): pack(unpack(\(hex(record)))) threw \(error)")
    }
    let expected = RepackRule.expected(format, record: record)
    invariant(packed == expected, "\(format): pack(unpack(\(hex(record)))) = \(hex(packed)), expected \(hex(expected))")
    do {
        let again = try format.unpack(packed)
        invariant(sameValues(again, values), "\(format): unpack(pack(v)) = \(again), v = \(values)")
    } catch {
        invariantFailure("\(format): unpack(pack(v)) threw \(error)")
    }

    checkPackForms(format, values: values, packed: packed, input: &input)
    checkSingleValues(format, record: record, values: values, packed: packed)
    TypedCheck.run(format, record: record, values: values, input: &input)
}

/// `unpack(from:at:)` on a larger buffer, an array and a slice, at offsets from both ends.
private func checkOffsets(_ format: Struct, record: UnsafeRawBufferPointer, values: [StructValue], input: inout FuzzInput) {
    let lead = input.int(in: 0...7)
    let trail = input.int(in: 0...7)
    var padded = (0..<lead).map { UInt8(truncatingIfNeeded: $0 &* 37) }
    padded += record
    padded += (0..<trail).map { UInt8(truncatingIfNeeded: $0 &* 91) }
    let buffer = exactCopy(padded)
    defer { buffer.deallocate() }
    let size = format.size
    let wobble = input.int(in: -2...2)
    for offset in [lead, lead - (size + trail + lead), lead + wobble, -(size + trail) + wobble] {
        let rule = ReferenceFormat.resolveOffset(offset, bufferCount: padded.count, size: size, packing: false)
        for form in 0..<2 {
            do {
                let found =
                    form == 0
                    ? try format.unpack(from: UnsafeRawBufferPointer(buffer), at: offset)
                    : try format.unpack(from: padded, at: offset)
                guard case .success(let start) = rule else {
                    invariantFailure("\(format): unpack_from at \(offset) succeeded; expected \(rule)")
                }
                let direct = try format.unpack(UnsafeRawBufferPointer(rebasing: buffer[start..<(start + size)]))
                invariant(sameValues(found, direct), "\(format): unpack_from at \(offset) differs from unpack")
                if start == lead { invariant(sameValues(found, values), "\(format): unpack_from at \(offset)") }
            } catch {
                guard case .failure(let predicted) = rule, predicted.matches(error) else {
                    invariantFailure("\(format): unpack_from at \(offset) threw \(error); expected \(rule)")
                }
            }
        }
    }
    do {
        let sliced = try format.unpack(from: padded[lead...], at: 0)
        invariant(sameValues(sliced, values), "\(format): unpack_from of a slice differs")
        let whole = try format.unpack(padded[lead..<(lead + size)])
        invariant(sameValues(whole, values), "\(format): unpack of a slice differs")
    } catch {
        invariantFailure("\(format): unpack of a slice threw \(error)")
    }
}

/// `iterUnpack` over runs of the record, by iterator and by index; lengths that are not a
/// multiple of the size fail with CPython's message.
private func checkIteration(_ format: Struct, record: UnsafeRawBufferPointer, values: [StructValue], input: inout FuzzInput) {
    let count = input.int(in: 0...4)
    let extra = format.size > 1 && input.bool() ? 1 : 0
    var bytes = Array(repeatElement(Array(record), count: count).joined())
    bytes += repeatElement(0x11, count: extra)
    let buffer = exactCopy(bytes)
    defer { buffer.deallocate() }
    do {
        let records = try format.iterUnpack(UnsafeRawBufferPointer(buffer))
        invariant(format.size > 0 && extra == 0, "\(format): iterUnpack of \(bytes.count) bytes succeeded")
        invariant(records.count == count, "\(format): \(records.count) records, expected \(count)")
        var seen = 0
        for found in records {
            invariant(sameValues(Array(found), values), "\(format): record \(seen) is \(found)")
            seen += 1
        }
        invariant(seen == count, "\(format): iterated \(seen) records of \(count)")
        if count > 0 { invariant(sameValues(Array(records[count - 1]), values), "\(format): last record by index") }
        let fromArray = try format.iterUnpack(bytes)
        invariant(fromArray.count == count, "\(format): iterUnpack of an array")
    } catch {
        let expected =
            format.size == 0
            ? "cannot iteratively unpack with a struct of length 0"
            : "iterative unpacking requires a buffer of a multiple of \(format.size) bytes"
        invariant(
            (format.size == 0 || extra == 1) && error.message == expected,
            "\(format): iterUnpack of \(bytes.count) bytes threw \(error)")
    }
}

/// `pack_into` at an offset over garbage, appending to an array and to an `OutputRawSpan`:
/// each writes exactly `pack`'s bytes and nothing else, except CPython's length byte of a `0p`
/// at the record's end.
private func checkPackForms(_ format: Struct, values: [StructValue], packed: [UInt8], input: inout FuzzInput) {
    let size = format.size
    let lead = input.int(in: 0...5)
    let trail = input.int(in: 0...5)
    var buffer = [UInt8](repeating: 0xEE, count: lead + size + trail)
    // A negative offset counts from the end; with nothing after the record's start it would be
    // 0, which is the buffer's start rather than `lead`, so that case stays positive.
    let fromEnd = !input.bool() && size + trail > 0
    let offset = fromEnd ? lead - buffer.count : lead
    var expected = [UInt8](repeating: 0xEE, count: lead) + packed + [UInt8](repeating: 0xEE, count: trail)
    // CPython writes a `0p`'s length byte (0) at its offset although the value has no bytes: a
    // `0p` at the end of the record writes the buffer's next byte, when there is one.
    // (bytearray(b'\xee' * 20); struct.pack_into('=4l0p', b, 0, 1, 2, 3, 4, b'') leaves 00 at 16.)
    if trail > 0 && format.fields.contains(where: { $0.code == .pascalString && $0.count == 0 && $0.offset == size }) {
        expected[lead + size] = 0
    }
    do {
        try format.pack(into: &buffer, at: offset, values)
        invariant(buffer == expected, "\(format): pack_into at \(offset) wrote \(hex(buffer)), expected \(hex(expected))")
    } catch {
        invariantFailure("\(format): pack_into at \(offset) threw \(error)")
    }

    var appended: [UInt8] = [0x42]
    do {
        try format.pack(appendingTo: &appended, values)
        invariant(appended == [0x42] + packed, "\(format): pack(appendingTo:) wrote \(hex(appended))")
    } catch {
        invariantFailure("\(format): pack(appendingTo:) threw \(error)")
    }

    let spare = input.int(in: -1...2)
    let capacity = max(0, size + spare)
    let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 1)
    defer { storage.deallocate() }
    var output = OutputRawSpan(buffer: storage, initializedCount: 0)
    do {
        try format.pack(appendingTo: &output, values)
        invariant(capacity >= size && output.byteCount == size, "\(format): OutputRawSpan holds \(output.byteCount) bytes")
        invariant(
            Array(UnsafeRawBufferPointer(rebasing: storage[..<size])) == packed,
            "\(format): pack into OutputRawSpan differs")
    } catch {
        invariant(
            capacity < size && error.code == .bufferTooSmall && output.byteCount == 0,
            "\(format): pack into an OutputRawSpan of \(capacity) bytes threw \(error)")
    }
}

/// The single-value API reads each value as `unpack` does and writes only its slot.
private func checkSingleValues(_ format: Struct, record: UnsafeRawBufferPointer, values: [StructValue], packed: [UInt8]) {
    for index in values.indices.prefix(16) {
        do {
            let value = try format.unpackValue(at: index, from: record.bytes, as: StructValue.self)
            invariant(sameValue(value, values[index]), "\(format): value \(index) alone is \(value)")
            var copy = Array(record)
            try format.packValue(values[index], at: index, into: &copy)
            let slot = try format.slot(ofValue: index)
            var expected = Array(record)
            expected.replaceSubrange(slot.offset..<(slot.offset + slot.size), with: packed[slot.offset..<(slot.offset + slot.size)])
            invariant(copy == expected, "\(format): packValue(\(index)) wrote \(hex(copy)), expected \(hex(expected))")
        } catch {
            invariantFailure("\(format): single value \(index) threw \(error)")
        }
    }
}
