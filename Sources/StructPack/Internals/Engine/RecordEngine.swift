/// Reads and writes one record of a planned (format, Swift shape) pair by the plan's path: the
/// direct paths inline into the caller's loop; the planned path and every error path are out of
/// line.
@usableFromInline
enum _RecordEngine {
    // MARK: Reading

    /// Reads the record at `start` of `bytes`; the caller checked that `plan.size` bytes lie
    /// there.
    ///
    /// - Throws: the plan's failure, an unpacked value's error (located), or a record's
    ///   fields-changed mismatch.
    @inlinable @inline(__always)
    static func read<C: _StructDecoding>(
        _ coding: C.Type, _ plan: _RecordPlan, from bytes: RawSpan, at start: Int, owner: ArraySlice<UInt8>?
    ) throws(StructError) -> C._Value {
        try read(coding, plan, slotTable: plan.slotTable, from: bytes, at: start, owner: owner)
    }

    /// ``read(_:_:from:at:owner:)`` with the format's slot table given (a one-shot call's).
    ///
    /// - Throws: as ``read(_:_:from:at:owner:)``.
    @inlinable @inline(__always)
    static func read<C: _StructDecoding>(
        _ coding: C.Type, _ plan: _RecordPlan, slotTable: UnsafeBufferPointer<Struct.Slot>, from bytes: RawSpan,
        at start: Int, owner: ArraySlice<UInt8>?
    ) throws(StructError) -> C._Value {
        // Comparisons rather than a jump table: one predictable branch for the usual path.
        if plan.path == .contiguousNative {
            return try readDirect(coding, _HostOrder.self, _Unaligned.self, plan, slotTable, from: bytes, at: start, owner: owner)
        }
        if plan.path == .contiguousSwapped {
            return try readDirect(
                coding, _SwappedOrder.self, _Unaligned.self, plan, slotTable, from: bytes, at: start, owner: owner)
        }
        if plan.path == .aligned {
            return try readDirect(
                coding, _HostOrder.self, _NaturallyAligned.self, plan, slotTable, from: bytes, at: start, owner: owner)
        }
        if owner != nil && mayShareOwner(C.self) {
            // The views the planned path makes must come from the caller's owner in the caller's
            // own code: values returned by an out-of-line call meet the direct paths' views where
            // the paths join, and the compiler then retains every view and the owner per record.
            return try readPlannedInline(coding, plan.context, from: bytes, at: start, owner: owner)
        }
        return try readPlanned(coding, plan.context, from: bytes, at: start, owner: owner)
    }

    /// Whether a shape may hold views of the input's owner and gains by the inlined planned path:
    /// tuples with a byte string. Records are not included: their views are retained where the
    /// paths join whichever way the planned path is called (measured), and the inlined path cost
    /// their other rows two instructions per record.
    @inlinable @inline(__always)
    static func mayShareOwner<C: _StructDecoding>(_ coding: C.Type) -> Bool {
        // Spelled with `??`: `== true` on the optional is not folded to a constant, and both
        // planned paths would then be compiled in, joining again.
        C._signature?.hasBytes ?? false
    }

    @inlinable @inline(__always)
    static func readDirect<C: _StructDecoding, Order: _ByteOrderMarker, Aligned: _AlignmentMarker>(
        _ coding: C.Type, _ order: Order.Type, _ alignment: Aligned.Type, _ plan: _RecordPlan,
        _ slotTable: UnsafeBufferPointer<Struct.Slot>, from bytes: RawSpan, at start: Int, owner: ArraySlice<UInt8>?
    ) throws(StructError) -> C._Value {
        if C._visitsAreFixed {
            return try readDirect(
                coding, _DirectReader<Order, Aligned, _Unchecked>.self, plan, slotTable, from: bytes, at: start,
                owner: owner)
        }
        return try readDirect(
            coding, _DirectReader<Order, Aligned, _Checked>.self, plan, slotTable, from: bytes, at: start, owner: owner)
    }

    @inlinable @inline(__always)
    static func readDirect<C: _StructDecoding, Order: _ByteOrderMarker, Aligned: _AlignmentMarker, Bounds: _BoundsMarker>(
        _ coding: C.Type, _ reader: _DirectReader<Order, Aligned, Bounds>.Type, _ plan: _RecordPlan,
        _ slotTable: UnsafeBufferPointer<Struct.Slot>, from bytes: RawSpan, at start: Int, owner: ArraySlice<UInt8>?
    ) throws(StructError) -> C._Value {
        try withUnsafePointer(to: owner) { (owner) throws(StructError) -> C._Value in
            try readDirect(coding, reader, plan, slotTable, from: bytes, at: start, owner: owner)
        }
    }

    @inlinable @inline(__always)
    static func readDirect<C: _StructDecoding, Order: _ByteOrderMarker, Aligned: _AlignmentMarker, Bounds: _BoundsMarker>(
        _ coding: C.Type, _ reader: _DirectReader<Order, Aligned, Bounds>.Type, _ plan: _RecordPlan,
        _ slotTable: UnsafeBufferPointer<Struct.Slot>, from bytes: RawSpan, at start: Int,
        owner: UnsafePointer<ArraySlice<UInt8>?>
    ) throws(StructError) -> C._Value {
        try bytes.withUnsafeBytes { (raw) throws(StructError) -> C._Value in
            // safe because direct paths have size > 0 and the caller checked start + size <= count,
            // so the buffer is not empty and has a base address.
            var reader = _DirectReader<Order, Aligned, Bounds>(
                base: raw.baseAddress.unsafelyUnwrapped + start, limit: plan.size, recordOffset: start,
                slotTable: slotTable, owner: owner)
            let value: C._Value
            do throws(StructError) {
                value = try C._read(&reader)
            } catch {
                throw describe(error, plan.context, format: nil)
            }
            if !C._visitsAreFixed && reader.index != plan.valueCount {
                throw fieldsChangedError(plan.context)
            }
            return value
        }
    }

    /// The planned path of a plan with a context (a record's layout, a prepared unpacker): the
    /// format's tables are read where the context holds them, nothing is copied per record.
    ///
    /// Out-of-line paths take the plan's context, not the plan: a plan passed to a call is
    /// passed through memory, which the caller's loop then writes once per record.
    @inlinable @inline(never)
    static func readPlanned<C: _StructDecoding>(
        _ coding: C.Type, _ context: _RecordContext?, from bytes: RawSpan, at start: Int, owner: ArraySlice<UInt8>?
    ) throws(StructError) -> C._Value {
        try readPlannedInline(coding, context, from: bytes, at: start, owner: owner)
    }

    /// ``readPlanned(_:_:from:at:owner:)`` inlined where it is called: for shapes whose views of
    /// the owner must be made in the caller's code.
    ///
    /// - Throws: as ``read(_:_:from:at:owner:)``.
    @inlinable @inline(__always)
    static func readPlannedInline<C: _StructDecoding>(
        _ coding: C.Type, _ context: _RecordContext?, from bytes: RawSpan, at start: Int, owner: ArraySlice<UInt8>?
    ) throws(StructError) -> C._Value {
        guard let context, context.failure == nil else { throw _RecordPlan.failure(of: context) }
        do {
            return try context.format.withFieldCursor { (cursor) throws(StructError) -> C._Value in
                try readPlanned(
                    coding, valueCount: context.format.valueCount, cursor: cursor, from: bytes, at: start, owner: owner)
            }
        } catch {
            throw describe(error, context, format: nil)
        }
    }

    /// Reads value by value through `cursor`. Errors are the visitor's (and the fields-changed
    /// marker), for the caller to ``describe(_:_:format:)``.
    @inlinable @inline(__always)
    static func readPlanned<C: _StructDecoding>(
        _ coding: C.Type, valueCount: Int, cursor: _FieldCursor, from bytes: RawSpan, at start: Int,
        owner: ArraySlice<UInt8>?
    ) throws(StructError) -> C._Value {
        try bytes.withUnsafeBytes { (raw) throws(StructError) -> C._Value in
            try withUnsafePointer(to: owner) { (owner) throws(StructError) -> C._Value in
                var reader = _PlannedReader(buffer: raw, base: start, cursor: cursor, owner: owner)
                let value = try C._read(&reader)
                guard reader.index == valueCount else { throw StructError.fieldsChangedMarker }
                return value
            }
        }
    }

    /// The error to throw for `error` caught from a visitor: the fields-changed marker becomes the
    /// plan's message (from its context), a located invalid value gains the format's text.
    @usableFromInline @inline(never)
    static func describe(_ error: StructError, _ context: _RecordContext?, format given: Struct?) -> StructError {
        if error.code == .typeMismatch && error.message == StructError.fieldsChangedMarker.message {
            return _RecordPlan.fieldsChanged(of: context)
        }
        if error.code == .invalidValue, let index = error.valueIndex, let offset = error.byteOffset,
            let format = given ?? context?.format
        {
            return StructError(error.code, error.message).locatedInvalidValue(
                index: index, offset: offset, format: format.format)
        }
        return error
    }

    /// The fields-changed error of a plan with this context, out of line.
    @usableFromInline @inline(never)
    static func fieldsChangedError(_ context: _RecordContext?) -> StructError {
        _RecordPlan.fieldsChanged(of: context)
    }

    /// Throws the fields-changed marker. Out of line, so that a visitor's inlined code has a
    /// call where it would otherwise have a whole throw site (which keeps a record's
    /// `fields(_:)` small enough to inline).
    ///
    /// - Throws: always.
    @usableFromInline @inline(never)
    static func throwFieldsChanged() throws(StructError) -> Never {
        throw StructError.fieldsChangedMarker
    }

    /// Throws `error` located at a value; out of line for the same reason.
    ///
    /// - Throws: always.
    @usableFromInline @inline(never)
    static func throwLocated(_ error: StructError, index: Int, offset: Int) throws(StructError) -> Never {
        throw error.located(valueIndex: index, byteOffset: offset)
    }

    // MARK: Writing

    /// Writes `value` into the record at `start` of `bytes`; the caller checked that `plan.size`
    /// bytes lie there. On error the record holds what CPython's `pack_into` leaves: zeros, the
    /// values before the failing one, and what the failing one wrote (only an out-of-range
    /// big-endian `q`/`Q` writes anything).
    ///
    /// - Throws: the plan's failure, or the first failing value's error (located).
    @inlinable @inline(__always)
    static func write<C: _StructEncoding>(
        _ coding: C.Type, _ value: C._Value, _ plan: _RecordPlan, into bytes: inout MutableRawSpan, at start: Int
    ) throws(StructError) {
        try write(coding, value, plan, slotTable: plan.slotTable, into: &bytes, at: start)
    }

    /// ``write(_:_:_:into:at:)`` with the format's slot table given (a one-shot call's).
    ///
    /// - Throws: as ``write(_:_:_:into:at:)``.
    @inlinable @inline(__always)
    static func write<C: _StructEncoding>(
        _ coding: C.Type, _ value: C._Value, _ plan: _RecordPlan, slotTable: UnsafeBufferPointer<Struct.Slot>,
        into bytes: inout MutableRawSpan, at start: Int
    ) throws(StructError) {
        if plan.path == .contiguousNative {
            try writeDirect(coding, _HostOrder.self, _Unaligned.self, value, plan, slotTable, into: &bytes, at: start)
        } else if plan.path == .contiguousSwapped {
            try writeDirect(coding, _SwappedOrder.self, _Unaligned.self, value, plan, slotTable, into: &bytes, at: start)
        } else if plan.path == .aligned {
            try writeDirect(
                coding, _HostOrder.self, _NaturallyAligned.self, value, plan, slotTable, into: &bytes, at: start)
        } else {
            try writePlanned(coding, value, plan.context, into: &bytes, at: start)
        }
    }

    @inlinable @inline(__always)
    static func writeDirect<C: _StructEncoding, Order: _ByteOrderMarker, Aligned: _AlignmentMarker>(
        _ coding: C.Type, _ order: Order.Type, _ alignment: Aligned.Type, _ value: C._Value, _ plan: _RecordPlan,
        _ slotTable: UnsafeBufferPointer<Struct.Slot>, into bytes: inout MutableRawSpan, at start: Int
    ) throws(StructError) {
        if C._visitsAreFixed {
            try writeDirect(
                coding, _DirectWriter<Order, Aligned, _Unchecked>.self, value, plan, slotTable, into: &bytes, at: start)
        } else {
            try writeDirect(
                coding, _DirectWriter<Order, Aligned, _Checked>.self, value, plan, slotTable, into: &bytes, at: start)
        }
    }

    @inlinable @inline(__always)
    static func writeDirect<C: _StructEncoding, Order: _ByteOrderMarker, Aligned: _AlignmentMarker, Bounds: _BoundsMarker>(
        _ coding: C.Type, _ writer: _DirectWriter<Order, Aligned, Bounds>.Type, _ value: C._Value, _ plan: _RecordPlan,
        _ slotTable: UnsafeBufferPointer<Struct.Slot>, into bytes: inout MutableRawSpan, at start: Int
    ) throws(StructError) {
        try bytes.withUnsafeMutableBytes { (raw) throws(StructError) in
            // safe because direct paths have size > 0 and the caller checked start + size <= count.
            var writer = _DirectWriter<Order, Aligned, Bounds>(
                base: raw.baseAddress.unsafelyUnwrapped + start, limit: plan.size, slotTable: slotTable)
            do throws(StructError) {
                try C._write(value, &writer)
            } catch {
                throw describe(error, plan.context, format: nil)
            }
            if !C._visitsAreFixed && writer.index != plan.valueCount {
                throw fieldsChangedError(plan.context)
            }
        }
    }

    /// The planned path of a plan with a context, with the format's tables read where the
    /// context holds them.
    @inlinable @inline(never)
    static func writePlanned<C: _StructEncoding>(
        _ coding: C.Type, _ value: C._Value, _ context: _RecordContext?, into bytes: inout MutableRawSpan, at start: Int
    ) throws(StructError) {
        guard let context, context.failure == nil else { throw _RecordPlan.failure(of: context) }
        try context.format.withFieldCursor { (cursor) throws(StructError) in
            try writePlanned(
                coding, value, size: context.format.size, valueCount: context.format.valueCount, context: context,
                cursor: cursor, hasPadding: context.format.hasPadding, format: nil, into: &bytes, at: start)
        }
    }

    /// Writes value by value through `cursor`; on error, leaves what CPython leaves and throws the
    /// described error (`format` is the format when the plan has no context).
    @inlinable
    static func writePlanned<C: _StructEncoding>(
        _ coding: C.Type, _ value: C._Value, size: Int, valueCount: Int, context: _RecordContext?, cursor: _FieldCursor,
        hasPadding: Bool, format given: Struct?, into bytes: inout MutableRawSpan, at start: Int
    ) throws(StructError) {
        try bytes.withUnsafeMutableBytes { (raw) throws(StructError) in
            let record = UnsafeMutableRawBufferPointer(rebasing: raw[start..<(start + size)])
            // CPython zeroes the record first; strings zero-pad themselves, so only padding needs it.
            if hasPadding { record.initializeMemory(as: UInt8.self, repeating: 0) }
            var writer = _PlannedWriter(buffer: raw, base: start, cursor: cursor)
            do throws(StructError) {
                try C._write(value, &writer)
                guard writer.visited == valueCount else { throw StructError.fieldsChangedMarker }
            } catch {
                let failed = describe(error, context, format: given)
                // What CPython leaves: zeros, then every value up to the failing one replayed
                // (the failing one writes only when CPython's converter does).
                record.initializeMemory(as: UInt8.self, repeating: 0)
                var replay = _PlannedWriter(
                    buffer: raw, base: start, cursor: cursor, limit: (failed.valueIndex ?? -1) + 1, ignoresErrors: true)
                try? C._write(value, &replay)
                throw failed
            }
        }
    }
}
