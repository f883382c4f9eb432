// The typed tuple API's implementation, written once and generic over the tuple's adapter; the
// public entry points, one per tuple size, are generated in Generated/TypedArities.swift and
// forward here. A tuple whose elements' direct layouts give the format's own signature takes a
// direct path chosen by one comparison; anything else is planned per call, out of line.

extension Struct {
    /// The most values the typed tuple API takes: 12. Beyond that, declare a ``StructRecord``
    /// (no limit) or use ``StructValue`` arrays.
    public static let typedTupleLimit = 12  // MAX_ARITY in Scripts/generate_arities.py

    /// The direct path a shape with `signature` takes with this format, or `nil`.
    @_transparent @usableFromInline
    func directPath(for signature: _LayoutSignature?) -> _RecordPath? {
        guard let signature, signature == directSignature else { return nil }
        switch directArrangement {
        case .contiguous: return swapsBytes ? .contiguousSwapped : .contiguousNative
        case .aligned: return .aligned
        case .other: return nil
        }
    }

    /// Reads the record at `start` (bounds checked by the caller) as `C`.
    ///
    /// - Throws: `.typeMismatch`, or an unpacked value's error.
    @inlinable @inline(__always)
    func typedRead<C: _StructDecoding>(_ bytes: RawSpan, at start: Int, owner: ArraySlice<UInt8>?, as coding: C.Type)
        throws(StructError) -> C._Value
    {
        if let path = directPath(for: C._signature) {
            // `== true` is not folded to a constant (`?? false` is, as typedWrite spells it); kept
            // here because the folded form measured 3 instructions more per W1 one-shot unpack.
            guard C._signature?.hasBytes == true else {
                let plan = _RecordPlan(contextFree: path, size: size, valueCount: valueCount)
                return try _RecordEngine.read(C.self, plan, from: bytes, at: start, owner: owner)
            }
            return try slots.withUnsafeBufferPointer { (table) throws(StructError) -> C._Value in
                let plan = _RecordPlan(contextFree: path, size: size, valueCount: valueCount)
                return try _RecordEngine.read(C.self, plan, slotTable: table, from: bytes, at: start, owner: owner)
            }
        }
        return try typedReadSlowly(bytes, at: start, owner: owner, as: coding)
    }

    /// ``typedRead(_:at:owner:as:)`` through a plan made for this call.
    ///
    /// - Throws: `.typeMismatch`, or an unpacked value's error.
    @inlinable @inline(never)
    func typedReadSlowly<C: _StructDecoding>(
        _ bytes: RawSpan, at start: Int, owner: ArraySlice<UInt8>?, as coding: C.Type
    ) throws(StructError) -> C._Value {
        let plan = try _RecordPlan.checkedUnpacking(C.self, format: self)
        if plan.path == .planned {
            do {
                return try withFieldCursor { (cursor) throws(StructError) -> C._Value in
                    try _RecordEngine.readPlanned(
                        C.self, valueCount: plan.valueCount, cursor: cursor, from: bytes, at: start, owner: owner)
                }
            } catch {
                throw _RecordEngine.describe(error, plan.context, format: self)
            }
        }
        return try slots.withUnsafeBufferPointer { (table) throws(StructError) -> C._Value in
            try _RecordEngine.read(C.self, plan, slotTable: table, from: bytes, at: start, owner: owner)
        }
    }

    /// Writes `value` as `C` into the record at `start` (bounds checked by the caller).
    ///
    /// - Throws: `.itemCount` (with `operation`'s name), or a per-value error.
    @inlinable @inline(__always)
    func typedWrite<C: _StructEncoding>(
        _ value: C._Value, as coding: C.Type, into bytes: inout MutableRawSpan, at start: Int, operation: String
    ) throws(StructError) {
        if let path = directPath(for: C._signature) {
            // Spelled with `??`, which folds: W2's appending into an OutputRawSpan took 80
            // instructions per record with `== true`, 63 with this.
            guard C._signature?.hasBytes ?? false else {
                let plan = _RecordPlan(contextFree: path, size: size, valueCount: valueCount)
                try _RecordEngine.write(C.self, value, plan, into: &bytes, at: start)
                return
            }
            try slots.withUnsafeBufferPointer { (table) throws(StructError) in
                let plan = _RecordPlan(contextFree: path, size: size, valueCount: valueCount)
                try _RecordEngine.write(C.self, value, plan, slotTable: table, into: &bytes, at: start)
            }
            return
        }
        try typedWriteSlowly(value, as: coding, into: &bytes, at: start, operation: operation)
    }

    /// ``typedWrite(_:as:into:at:operation:)`` through a plan made for this call.
    ///
    /// - Throws: `.itemCount`, or a per-value error.
    @inlinable @inline(never)
    func typedWriteSlowly<C: _StructEncoding>(
        _ value: C._Value, as coding: C.Type, into bytes: inout MutableRawSpan, at start: Int, operation: String
    ) throws(StructError) {
        let plan = try _RecordPlan.checkedPacking(C.self, format: self, operation: operation)
        if plan.path == .planned {
            try withFieldCursor { (cursor) throws(StructError) in
                try _RecordEngine.writePlanned(
                    C.self, value, size: size, valueCount: valueCount, context: plan.context, cursor: cursor,
                    hasPadding: hasPadding, format: self, into: &bytes, at: start)
            }
            return
        }
        try slots.withUnsafeBufferPointer { (table) throws(StructError) in
            try _RecordEngine.write(C.self, value, plan, slotTable: table, into: &bytes, at: start)
        }
    }

    /// Checks the count of `C` before anything else, as CPython checks the item count first.
    ///
    /// - Throws: `.itemCount` with `operation`'s name.
    @inlinable @inline(__always)
    func checkCount<C: _StructEncoding>(_ coding: C.Type, operation: String) throws(StructError) {
        if directPath(for: C._signature) != nil { return }
        try checkCountSlowly(C.self, operation: operation)
    }

    /// ``checkCount(_:operation:)`` for a shape without a direct path: plans it, out of line.
    ///
    /// - Throws: `.itemCount` with `operation`'s name.
    @inlinable @inline(never)
    func checkCountSlowly<C: _StructEncoding>(_ coding: C.Type, operation: String) throws(StructError) {
        _ = try _RecordPlan.checkedPacking(C.self, format: self, operation: operation)
    }

    // MARK: Entry points the generated per-arity functions forward to

    /// Unpacks exactly ``size`` bytes as `C`.
    ///
    /// - Throws: `.wrongBufferSize`, `.typeMismatch`, or an unpacked value's error.
    @inlinable @inline(__always)
    func unpack<C: _StructDecoding>(_ bytes: borrowing some StructInput, shape: C.Type) throws(StructError) -> C._Value {
        try bytes._withStructBytes { (span, owner) throws(StructError) -> C._Value in
            guard span.byteCount == size else { throw StructError.unpackSize(size) }
            return try typedRead(span, at: 0, owner: owner, as: C.self)
        }
    }

    /// Unpacks ``size`` bytes at `offset` as `C`.
    ///
    /// - Throws: `.bufferTooSmall`, `.offsetOutOfRange`, `.typeMismatch`, or a value's error.
    @inlinable @inline(__always)
    func unpack<C: _StructDecoding>(from bytes: borrowing some StructInput, at offset: Int, shape: C.Type)
        throws(StructError) -> C._Value
    {
        try bytes._withStructBytes { (span, owner) throws(StructError) -> C._Value in
            let start = try resolvedOffset(offset, bufferCount: span.byteCount, packing: false)
            return try typedRead(span, at: start, owner: owner, as: C.self)
        }
    }

    /// Packs `value` as `C` into a new array.
    ///
    /// - Throws: `.itemCount`, a per-value error, or `.allocationLimit`.
    @inlinable
    func pack<C: _StructEncoding>(_ value: C._Value, shape: C.Type) throws(StructError) -> [UInt8] {
        try checkCount(C.self, operation: "pack")
        try Self.checkAllocation(count: size, stride: 1)
        var result = [UInt8](repeating: 0, count: size)
        var span = result.mutableSpan
        var bytes = span.mutableBytes
        try typedWrite(value, as: C.self, into: &bytes, at: 0, operation: "pack")
        return result
    }

    /// Packs `value` as `C` into `bytes` at `offset`.
    ///
    /// - Throws: `.itemCount`, `.bufferTooSmall`, `.offsetOutOfRange`, or a per-value error.
    @inlinable @inline(__always)
    func pack<C: _StructEncoding>(_ value: C._Value, shape: C.Type, into bytes: inout some StructOutput, at offset: Int)
        throws(StructError)
    {
        try bytes._withMutableStructBytes { (span) throws(StructError) in
            if directPath(for: C._signature) == nil { try checkCount(C.self, operation: "pack_into") }
            let start = try resolvedOffset(offset, bufferCount: span.byteCount, packing: true)
            try typedWrite(value, as: C.self, into: &span, at: start, operation: "pack_into")
        }
    }

    /// Packs `value` as `C` into a buffer at `offset`.
    ///
    /// - Throws: as ``pack(_:shape:into:at:)``.
    @inlinable @inline(__always)
    func pack<C: _StructEncoding>(
        _ value: C._Value, shape: C.Type, into bytes: UnsafeMutableRawBufferPointer, at offset: Int
    ) throws(StructError) {
        var span = bytes.mutableBytes
        try pack(value, shape: C.self, into: &span, at: offset)
    }

    /// Appends `value` packed as `C` to an array; on error the array is unchanged.
    ///
    /// - Throws: `.itemCount`, a per-value error, or `.allocationLimit`.
    @inlinable
    func pack<C: _StructEncoding>(_ value: C._Value, shape: C.Type, appendingTo bytes: inout [UInt8]) throws(StructError) {
        try checkCount(C.self, operation: "pack")
        try Self.appendRecord(size: size, to: &bytes) { (raw, start) throws(StructError) in
            try typedWrite(value, as: C.self, into: &raw, at: start, operation: "pack")
        }
    }

    /// Appends `value` packed as `C` to an output span; on error it is unchanged.
    ///
    /// - Throws: `.itemCount`, `.bufferTooSmall`, or a per-value error.
    @inlinable
    func pack<C: _StructEncoding>(_ value: C._Value, shape: C.Type, appendingTo output: inout OutputRawSpan)
        throws(StructError)
    {
        try checkCount(C.self, operation: "pack")
        try Self.appendRecord(size: size, to: &output) { (raw, start) throws(StructError) in
            try typedWrite(value, as: C.self, into: &raw, at: start, operation: "pack")
        }
    }

    /// A lazy collection of records of shape `C`.
    ///
    /// - Throws: `.zeroSizeIteration` or `.wrongBufferSize` (checked first, as the one-shot
    ///   `unpack(_:as:)` checks the buffer before the types), `.typeMismatch`, or an invalid
    ///   record's error.
    @inlinable
    func iterUnpack<C: _StructDecoding>(_ bytes: some StructBuffer, shape: C.Type) throws(StructError)
        -> StructRecords<C>
    {
        let storage = bytes._recordStorage
        guard size > 0 else { throw StructError.zeroSizeIteration }
        guard storage.byteCount % size == 0 else { throw StructError.iterationSize(size) }
        return try StructRecords(plan: try Unpacker<C>(format: self).plan, storage: storage)
    }
}
