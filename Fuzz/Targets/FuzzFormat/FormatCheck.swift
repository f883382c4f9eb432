import StreamFramer
import StructPack

/// FuzzFormat's check of one input (see `FuzzFormat.swift` for the invariants): returns when
/// every invariant holds, and reports a broken one with ``invariantFailure(_:file:line:)``,
/// which aborts. Public so that `swift test` replays `Fuzz/FailCases/FuzzFormat/` through it
/// (Package.swift's `FuzzChecks` target compiles this file with `Support/`).
public func checkFormat(_ input: UnsafeRawBufferPointer) {
    let expected = ReferenceFormat.parse(input)
    let compiled: Struct
    do {
        compiled = try Struct(formatBytes: input)
        guard case .success(let layout) = expected else {
            invariantFailure("format \(hex(input)) compiled, but the reference expects \(expected)")
        }
        let actual = ReferenceFormat.layout(of: compiled)
        invariant(actual == layout, "format \(hex(input)): layout \(actual), reference \(layout)")
    } catch {
        guard case .failure(let failure) = expected else {
            invariantFailure("format \(hex(input)) failed with \(error.code) '\(error.message)', reference compiles it")
        }
        invariant(error.code == failure.code, "format \(hex(input)): \(error.code), reference \(failure)")
        checkStringForm(input, bytesResult: .failure(error))
        return
    }
    checkStringForm(input, bytesResult: .success(compiled))
    // A different slice of the boundary cases on each input keeps executions fast.
    let salt = input.reduce(input.count) { $0 &* 31 &+ Int($1) }
    checkOperations(compiled, salt: salt)
}

/// The format as a Swift `String`: ASCII text must behave exactly as the bytes did; anything
/// else is `nonASCIIFormat` first (SPEC.md §1.1).
private func checkStringForm(_ input: UnsafeRawBufferPointer, bytesResult: Result<Struct, StructError>) {
    let text = String(decoding: input, as: UTF8.self)
    let stringResult = Result { () throws(StructError) in try Struct(text) }
    let calcsize = Result { () throws(StructError) in try Struct.calcsize(text) }
    if input.allSatisfy({ $0 < 0x80 }) {
        switch (bytesResult, stringResult, calcsize) {
        case (.success(let fromBytes), .success(let fromString), .success(let size)):
            invariant(
                ReferenceFormat.layout(of: fromBytes) == ReferenceFormat.layout(of: fromString)
                    && fromString.size == size,
                "format \(hex(input)): String and bytes forms differ")
        case (.failure(let bytesError), .failure(let stringError), .failure(let sizeError)):
            invariant(
                bytesError == stringError && stringError == sizeError,
                "format \(hex(input)): errors differ: \(bytesError), \(stringError), \(sizeError)")
        default:
            invariantFailure("format \(hex(input)): String \(stringResult), bytes \(bytesResult), calcsize \(calcsize)")
        }
        return
    }
    guard case .failure(let error) = stringResult, error.code == .nonASCIIFormat, case .failure(let sizeError) = calcsize,
        sizeError == error
    else {
        invariantFailure("non-ASCII format \(hex(input)) gave \(stringResult), calcsize \(calcsize)")
    }
    // CPython's UnicodeEncodeError text, positions counted in scalars.
    let scalars = Array(text.unicodeScalars)
    let start = scalars.firstIndex { !$0.isASCII } ?? 0
    var end = start
    while end < scalars.count && !scalars[end].isASCII { end += 1 }
    let position = end - start == 1 ? "character '\\" : "characters in position \(start)-\(end - 1): "
    invariant(
        error.message.hasPrefix("'ascii' codec can't encode \(position)")
            && error.message.hasSuffix("ordinal not in range(128)")
            && (end - start != 1 || error.message.contains("' in position \(start): ")),
        "non-ASCII format \(hex(input)): message '\(error.message)'")
}

/// Operations that must answer from the format's size alone, whatever it is.
private func checkOperations(_ format: Struct, salt: Int) {
    _ = format.description
    _ = format.debugDescription
    let size = format.size

    // The offset rule, for buffer lengths and offsets at and around every boundary.
    let lengths = [0, 1, 7, size &- 1, size, size &+ 1, Int.max / 2, Int.max].filter { $0 >= 0 }
    let offsets = [0, 1, -1, 8, -8, size, -size, size &- 1, 1 &- size, Int.max, Int.min, Int.min + 1, Int.max / 2]
    for step in 0..<6 {
        let length = lengths[Int((UInt(bitPattern: salt) &+ UInt(step)) % UInt(lengths.count))]
        for offset in [offsets[Int((UInt(bitPattern: salt >> 8) &+ UInt(step) &* 5) % UInt(offsets.count))]] {
            let expected = ReferenceFormat.resolveOffset(offset, bufferCount: length, size: size, packing: false)
            do {
                let range = try format.byteRange(unpackingFrom: length, at: offset)
                guard case .success(let start) = expected else {
                    invariantFailure("\(format): byteRange(\(length), at: \(offset)) = \(range), expected \(expected)")
                }
                invariant(range == start..<(start + size), "\(format): byteRange \(range), expected start \(start)")
            } catch {
                guard case .failure(let predicted) = expected, predicted.matches(error) else {
                    invariantFailure("\(format): byteRange(\(length), at: \(offset)) threw \(error), expected \(expected)")
                }
            }
        }
    }

    // Small real buffers: unpack_from must agree with the rule and never read outside them.
    for length in [salt & 3, min(size, 64)] {
        let buffer = exactCopy(repeatElement(0xA5, count: length))
        defer { buffer.deallocate() }
        let offsets = [0, 1, -1, -length, Int.min, Int.max]
        for offset in [0, offsets[Int(UInt(bitPattern: salt >> 16) % UInt(offsets.count))]] {
            let expected = ReferenceFormat.resolveOffset(offset, bufferCount: length, size: size, packing: false)
            do {
                let values = try format.unpack(from: UnsafeRawBufferPointer(buffer), at: offset)
                guard case .success = expected else {
                    invariantFailure("\(format): unpack_from(\(length) bytes, \(offset)) succeeded, expected \(expected)")
                }
                invariant(values.count == format.valueCount, "\(format): \(values.count) values")
            } catch {
                if case .failure(let predicted) = expected {
                    invariant(predicted.matches(error), "\(format): unpack_from threw \(error), expected \(predicted)")
                } else {
                    invariant(error.code == .allocationLimit, "\(format): unpack_from threw \(error)")
                }
            }
            var packed = [UInt8](repeating: 0, count: length)
            do {
                try format.pack(into: &packed, at: offset, [])
                invariant(format.valueCount == 0, "\(format): pack_into of no values succeeded")
            } catch {
                if format.valueCount != 0 {
                    invariant(error.code == .itemCount, "\(format): pack_into of no values threw \(error)")
                }
            }
        }
    }

    // Allocation: a record over the limit is refused before allocating; below 1 MiB it is made.
    if format.valueCount == 0 && (size <= 1 << 20 || size > Struct.allocationLimit) {
        do {
            let packed = try format.pack([])
            invariant(packed.count == size && !packed.contains { $0 != 0 }, "\(format): pack([]) is not \(size) zeros")
        } catch {
            invariant(
                error.code == .allocationLimit && size > Struct.allocationLimit, "\(format): pack([]) threw \(error)")
        }
    } else if format.valueCount != 0 {
        var output: [UInt8] = [1, 2, 3]
        do {
            try format.pack(appendingTo: &output, [])
            invariantFailure("\(format): pack(appendingTo:) of no values succeeded")
        } catch {
            invariant(error.code == .itemCount && output == [1, 2, 3], "\(format): pack(appendingTo:) threw \(error)")
        }
    }
    do {
        let records = try format.iterUnpack([UInt8]())
        invariant(size > 0 && records.isEmpty, "\(format): iterUnpack([]) gave \(records.count) records")
    } catch {
        let expected: StructError.Code =
            format.valueCount > Struct.allocationLimit / MemoryLayout<StructValue>.stride
            ? .allocationLimit : .zeroSizeIteration
        invariant(error.code == expected, "\(format): iterUnpack([]) threw \(error), expected \(expected)")
    }

    // One value's slot lies inside the record and has its field's code.
    let indices = [0, 1, format.valueCount &- 1, format.valueCount, format.valueCount / 2, -1, Int.max, Int.min]
    for index in indices {
        do {
            let slot = try format.slot(ofValue: index)
            invariant(index >= 0 && index < format.valueCount, "\(format): slot(\(index)) exists")
            invariant(
                slot.offset >= 0 && slot.size >= 0 && slot.offset <= size - slot.size,
                "\(format): slot(\(index)) = \(slot) outside \(size) bytes")
        } catch {
            invariant(
                error.code == .valueIndexOutOfRange && (index < 0 || index >= format.valueCount),
                "\(format): slot(\(index)) threw \(error)")
        }
    }

    // Small records: unpack zeros and pack them back; every value read alone agrees.
    if size <= 4096 {
        let zeros = exactCopy(repeatElement(0, count: size))
        defer { zeros.deallocate() }
        do {
            let values = try format.unpack(UnsafeRawBufferPointer(zeros))
            invariant(values.count == format.valueCount, "\(format): \(values.count) values")
            let packed = try format.pack(values)
            invariant(packed.allSatisfy { $0 == 0 }, "\(format): zeros did not round-trip: \(hex(packed))")
            for index in values.indices.prefix(64) {
                let single = try format.unpackValue(at: index, from: UnsafeRawBufferPointer(zeros).bytes, as: StructValue.self)
                invariant(single == values[index], "\(format): value \(index) read alone differs")
            }
        } catch {
            invariant(error.code == .allocationLimit, "\(format): zero record failed: \(error)")
        }
    }

    // A framer header built from the format: configuration errors only, never a trap.
    _ = try? LengthFieldConfiguration(header: format)
}
