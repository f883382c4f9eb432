import StructPack

/// The typed API against the dynamic one, for a tuple shape picked by the fuzzer.
///
/// Unpacking: with types SPEC.md §1.7 accepts for every value, every typed entry point returns
/// the dynamic values (floats bit for bit); otherwise each throws the same `typeMismatch`
/// naming the first value whose type cannot hold it, or else the count. Buffer errors are the
/// dynamic API's, and come first.
///
/// Packing: arbitrary Swift values (edge cases often) pack to the bytes their dynamic
/// counterparts pack to, or fail with the same error; a failed `pack_into` leaves the buffer
/// exactly as the dynamic `pack_into` leaves it.
enum TypedCheck {
    /// Runs every check for `format`, whose record `record` unpacked to `values`.
    static func run(_ format: Struct, record: UnsafeRawBufferPointer, values: [StructValue], input: inout FuzzInput) {
        let count = format.valueCount
        guard count >= 1 && count <= Struct.typedTupleLimit else { return }
        // Mostly the right number of types, sometimes one more or fewer.
        var arity = count
        let shapeByte = input.byte()
        if shapeByte % 16 == 0 && count < Struct.typedTupleLimit { arity += 1 }
        if shapeByte % 16 == 1 && count > 1 { arity -= 1 }

        var types: [any FuzzElement.Type] = []
        var slots: [ValueSlot] = []
        for index in 0..<count { slots.append(slot(format, index)) }
        for index in 0..<arity {
            let choice = input.byte()
            if index < count && choice & 0xE0 != 0 {
                let slot = slots[index]
                let accepted = fuzzElementTypes.filter { $0.accepts(slot.code, size: slot.size) }
                types.append(accepted[Int(choice) % accepted.count])
            } else {
                types.append(fuzzElementTypes[Int(choice) % fuzzElementTypes.count])
            }
        }
        let operations = typedOperations(types)
        let expected = expectedUnpackError(format, types: types, slots: slots)
        checkUnpacking(format, operations, record: record, values: values, expected: expected, input: &input)

        var elements: [any FuzzElement] = []
        for type in types { elements.append(type.arbitrary(&input)) }
        checkPacking(format, operations, elements: elements, input: &input)
    }

    private static func slot(_ format: Struct, _ index: Int) -> ValueSlot {
        do {
            return try format.slot(ofValue: index)
        } catch {
            invariantFailure("\(format): no slot for value \(index): \(error)")
        }
    }

    /// The `typeMismatch` the typed API must throw for `types`, or `nil` when they fit. The types
    /// are checked in order as they are visited, so the first type that cannot hold its value is
    /// reported before a count that differs from the format's (found once all are visited).
    static func expectedUnpackError(_ format: Struct, types: [any FuzzElement.Type], slots: [ValueSlot])
        -> ExpectedError?
    {
        for (index, (type, slot)) in zip(types, slots).enumerated() where !type.accepts(slot.code, size: slot.size) {
            return ExpectedError(
                code: .typeMismatch,
                message: "value \(index) of format '\(format.format)' is '\(slot.code.character)' (\(slot.size) bytes), "
                    + "which \(type) cannot hold")
        }
        guard types.count == format.valueCount else {
            return ExpectedError(
                code: .typeMismatch,
                message: "format '\(format.format)' has \(format.valueCount) values but \(types.count) types were given")
        }
        return nil
    }

    /// Every typed unpack entry point on the record, at offsets and in runs of records.
    private static func checkUnpacking(
        _ format: Struct, _ operations: TypedOperations, record: UnsafeRawBufferPointer, values: [StructValue],
        expected: ExpectedError?, input: inout FuzzInput
    ) {
        func agree(_ elements: [any FuzzElement], _ what: String) {
            invariant(expected == nil, "\(format): typed \(what) succeeded; expected \(expected.map(\.description) ?? "")")
            invariant(
                elements.count == values.count && zip(elements, values).allSatisfy { $0.agrees(with: $1) },
                "\(format): typed \(what) gave \(elements), dynamic \(values)")
        }
        func failed(_ error: StructError, _ what: String, buffer: ExpectedError? = nil) {
            let wanted = buffer ?? expected
            invariant(wanted?.matches(error) == true, "\(format): typed \(what) threw \(error); expected \(String(describing: wanted))")
        }

        do { agree(try operations.unpack(format, record), "unpack") } catch { failed(error, "unpack") }

        // A buffer one byte too long: the size error comes before the types are looked at.
        let longer = exactCopy(Array(record) + [0x5A])
        defer { longer.deallocate() }
        do {
            _ = try operations.unpack(format, UnsafeRawBufferPointer(longer))
            invariantFailure("\(format): typed unpack of \(format.size + 1) bytes succeeded")
        } catch {
            failed(error, "unpack of a long buffer", buffer: ExpectedError(code: .wrongBufferSize, message: "unpack requires a buffer of \(format.size) bytes"))
        }

        // At an offset inside a larger buffer, from the start and from the end.
        let lead = input.int(in: 0...5)
        let trail = input.int(in: 0...5)
        var padded = [UInt8](repeating: 0xC3, count: lead)
        padded += record
        padded += repeatElement(0x3C, count: trail)
        let paddedBuffer = exactCopy(padded)
        defer { paddedBuffer.deallocate() }
        let fromEnd = -(format.size + trail)
        for offset in [lead, fromEnd] {
            let rule = ReferenceFormat.resolveOffset(offset, bufferCount: padded.count, size: format.size, packing: false)
            let bufferError: ExpectedError?
            if case .failure(let error) = rule { bufferError = error } else { bufferError = nil }
            let source = UnsafeRawBufferPointer(paddedBuffer)
            do { agree(try operations.unpackFrom(format, source, offset), "unpack_from \(offset)") } catch {
                failed(error, "unpack_from \(offset)", buffer: bufferError)
            }
            do { agree(try operations.unpacker(format, source, offset), "unpacker \(offset)") } catch {
                failed(error, "unpacker \(offset)", buffer: bufferError)
            }
        }
        do { agree(try operations.unpackSlice(format, padded[lead...], 0), "unpack_from slice") } catch {
            failed(error, "unpack_from slice")
        }

        // Records back to back.
        let records = input.int(in: 0...3)
        let many = exactCopy(Array(repeatElement(Array(record), count: records).joined()))
        defer { many.deallocate() }
        do {
            let all = try operations.iterUnpack(format, UnsafeRawBufferPointer(many))
            invariant(all.count == records && format.size > 0, "\(format): typed iterUnpack gave \(all.count) records")
            for record in all { agree(record, "iterUnpack") }
        } catch {
            failed(error, "iterUnpack", buffer: format.size == 0
                ? ExpectedError(code: .zeroSizeIteration, message: "cannot iteratively unpack with a struct of length 0")
                : nil)
        }
    }

    /// Every typed pack entry point against the dynamic `pack` of the same values.
    private static func checkPacking(
        _ format: Struct, _ operations: TypedOperations, elements: [any FuzzElement], input: inout FuzzInput
    ) {
        let dynamicValues = elements.map(\.dynamicValue)
        let dynamic = Result { () throws(StructError) in try format.pack(dynamicValues) }
        let typed = Result { () throws(StructError) in try operations.pack(format, elements) }
        invariant(same(typed, dynamic), "\(format): typed pack of \(elements) gave \(typed); dynamic \(dynamic)")

        // pack_into over garbage at an offset: the same bytes, or the same error and the same
        // partially written record.
        let offset = input.int(in: -3...3)
        let length = format.size + input.int(in: 0...4)
        var dynamicBuffer = [UInt8](repeating: 0xEE, count: length)
        let dynamicInto = Result { () throws(StructError) in try format.pack(into: &dynamicBuffer, at: offset, dynamicValues) }
        var typedBuffer = [UInt8](repeating: 0xEE, count: length)
        let typedInto = Result { () throws(StructError) in try operations.packInto(format, &typedBuffer, offset, elements) }
        invariant(
            sameError(typedInto, dynamicInto) && typedBuffer == dynamicBuffer,
            "\(format): typed pack_into at \(offset) of \(elements): \(typedInto) \(hex(typedBuffer)); "
                + "dynamic \(dynamicInto) \(hex(dynamicBuffer))")
        checkScalarLiteral(format, dynamicValues, dynamic: dynamic, offset: offset, into: dynamicInto, dynamicBuffer)
        var packerBuffer = [UInt8](repeating: 0xEE, count: length)
        let packed = Result { () throws(StructError) in try operations.packer(format, &packerBuffer, offset, elements) }
        let packerCountError = elements.count != format.valueCount
        invariant(
            packerCountError
                ? (packed.error?.message == "pack expected \(format.valueCount) items for packing (got \(elements.count))")
                : sameError(packed, dynamicInto) && packerBuffer == dynamicBuffer,
            "\(format): packer at \(offset) of \(elements): \(packed) \(hex(packerBuffer)); dynamic \(hex(dynamicBuffer))")

        // Appending: the same bytes after the same prefix, or nothing appended.
        let prefix = [UInt8](repeating: 0x77, count: input.int(in: 0...2))
        var appended = prefix
        let typedAppend = Result { () throws(StructError) in try operations.packAppending(format, &appended, elements) }
        invariant(
            sameError(typedAppend, dynamic) && appended == prefix + ((try? dynamic.get()) ?? []),
            "\(format): typed pack(appendingTo:) gave \(hex(appended)); dynamic \(dynamic)")

        let capacity = prefix.count + format.size + input.int(in: -1...1)
        guard capacity >= prefix.count else { return }
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 1)
        defer { storage.deallocate() }
        var output = OutputRawSpan(buffer: storage, initializedCount: 0)
        for byte in prefix { output.append(byte) }
        let outputResult = Result { () throws(StructError) in try operations.packOutput(format, &output, elements) }
        let written = output.byteCount
        let outputBytes = Array(UnsafeRawBufferPointer(rebasing: storage[..<written]))
        if capacity < prefix.count + format.size && elements.count == format.valueCount {
            invariant(
                outputResult.error?.code == .bufferTooSmall && outputBytes == prefix,
                "\(format): pack into a full OutputRawSpan gave \(outputResult)")
        } else {
            invariant(
                sameError(outputResult, dynamic) && outputBytes == prefix + ((try? dynamic.get()) ?? []),
                "\(format): typed pack into OutputRawSpan gave \(hex(outputBytes)) \(outputResult); dynamic \(dynamic)")
        }
    }

    /// Values without byte strings as `[_StructScalar]`, the type an array literal of them has
    /// in a `pack` call: the same bytes, or the same error and the same partially written record.
    private static func checkScalarLiteral(
        _ format: Struct, _ values: [StructValue], dynamic: Result<[UInt8], StructError>, offset: Int,
        into dynamicInto: Result<Void, StructError>, _ dynamicBuffer: [UInt8]
    ) {
        var scalars: [_StructScalar] = []
        for value in values {
            switch value {
            case .int(let integer): scalars.append(.int(integer))
            case .bool(let flag): scalars.append(.bool(flag))
            case .double(let number): scalars.append(.double(number))
            case .bytes: return
            }
        }
        let packed = Result { () throws(StructError) in try format.pack(scalars) }
        invariant(same(packed, dynamic), "\(format): pack of [_StructScalar] \(values) gave \(packed); [StructValue] \(dynamic)")
        var buffer = [UInt8](repeating: 0xEE, count: dynamicBuffer.count)
        let into = Result { () throws(StructError) in try format.pack(into: &buffer, at: offset, scalars) }
        invariant(
            sameError(into, dynamicInto) && buffer == dynamicBuffer,
            "\(format): pack_into at \(offset) of [_StructScalar] \(values): \(into) \(hex(buffer)); "
                + "[StructValue] \(dynamicInto) \(hex(dynamicBuffer))")
    }
}

/// Whether two results both succeeded or failed with the same error.
func sameError<A, B>(_ left: Result<A, StructError>, _ right: Result<B, StructError>) -> Bool {
    left.error == right.error
}

/// Whether two results are the same bytes (or both succeeded) or the same error.
func same<T: Equatable>(_ left: Result<T, StructError>, _ right: Result<T, StructError>) -> Bool {
    switch (left, right) {
    case (.success(let a), .success(let b)): a == b
    case (.failure(let a), .failure(let b)): a == b
    default: false
    }
}

extension Result {
    /// The error, or `nil` on success.
    var error: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
