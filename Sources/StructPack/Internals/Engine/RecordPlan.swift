/// How the typed API moves one record of a (format, Swift shape) pair, decided once by
/// ``_PlanVisitor``.
@usableFromInline
enum _RecordPath: Sendable {
    /// Every value direct, back to back from offset 0 to the end, host byte order: offsets are
    /// compile-time constants once the reads are inlined.
    case contiguousNative
    /// The same, byte-swapped.
    case contiguousSwapped
    /// Native mode, every value direct at its natural alignment (alignment padding only, which
    /// packing zeroes): offsets are compile-time constants too.
    case aligned
    /// Value by value through the format's fields, with conversions and range checks.
    case planned
    /// The shape does not match the format: every operation throws the stored error.
    case failed
}

/// What the slow paths need, behind one reference so that a prepared unpacker or packer stays a
/// few words that a loop keeps in registers.
///
/// It also owns a copy of the format's slot table, where the direct paths find byte strings'
/// sizes and codes through a plain pointer (``_RecordPlan/slotTable``).
@usableFromInline
final class _RecordContext: @unchecked Sendable {  // immutable after init; the table is never written again
    @usableFromInline let format: Struct
    @usableFromInline let typeName: String
    @usableFromInline let failure: StructError?
    @usableFromInline let slotTable: UnsafeMutableBufferPointer<Struct.Slot>

    @usableFromInline
    init(format: Struct, typeName: String, failure: StructError?) {
        self.format = format
        self.typeName = typeName
        self.failure = failure
        slotTable = .allocate(capacity: format.slots.count)
        _ = slotTable.initialize(from: format.slots)
    }

    deinit {
        slotTable.deallocate()
    }

    /// Whether the format's text is `text`.
    @inlinable @inline(__always)
    func hasFormatText(_ text: String) -> Bool {
        format.format == text
    }

    /// The error for a record whose fields no longer match what was checked.
    @usableFromInline
    var fieldsChanged: StructError { StructError.fieldsChanged(typeName: typeName, format: format.format) }
}

/// The plan of one (format, Swift shape) pair: its path and what the paths need.
@usableFromInline
struct _RecordPlan: Sendable {
    @usableFromInline let path: _RecordPath
    @usableFromInline let size: Int
    @usableFromInline let valueCount: Int
    /// Whether unpacking can fail after the plan's check (a converted type's bad value), which
    /// makes a lazy record collection validate its records when it is made.
    @usableFromInline let unpackingCanFail: Bool
    /// What the slow and error paths need; `nil` for the one-shot tuple fast paths, which have
    /// neither (their values cannot change shape and their stores cannot fail).
    @usableFromInline let context: _RecordContext?

    @usableFromInline
    init(path: _RecordPath, format: Struct, typeName: String, unpackingCanFail: Bool = true, failure: StructError? = nil) {
        self.path = path
        self.size = format.size
        self.valueCount = format.valueCount
        self.unpackingCanFail = unpackingCanFail
        self.context = _RecordContext(format: format, typeName: typeName, failure: failure)
    }

    /// A plan of the one-shot tuple API, with no context (nothing is allocated): its slow paths
    /// are given the format, and its errors are thrown when it is made.
    @inlinable @inline(__always)
    init(contextFree path: _RecordPath, size: Int, valueCount: Int, unpackingCanFail: Bool = false) {
        self.path = path
        self.size = size
        self.valueCount = valueCount
        self.unpackingCanFail = unpackingCanFail
        self.context = nil
    }

    /// The format's slot table (one entry per value), where the direct paths read byte strings'
    /// sizes and codes: the context's copy, valid as long as the plan; empty without a context
    /// (a one-shot call lends its format's table instead).
    ///
    /// Not stored in the plan: a plan of more words is passed through memory, and the one-shot
    /// API then pays a destroy of its (nil) context per record.
    @inlinable
    var slotTable: UnsafeBufferPointer<Struct.Slot> {
        guard let context else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(context.slotTable)
    }

    /// The context-free plan for unpacking `C` with `format`, for a one-shot call.
    ///
    /// - Throws: the type mismatch.
    @inlinable
    static func checkedUnpacking<C: _StructDecoding>(_ coding: C.Type, format: Struct) throws(StructError)
        -> _RecordPlan
    {
        try format.withFieldCursor { (cursor) throws(StructError) -> _RecordPlan in
            var visitor = _PlanVisitor(format: format, cursor: cursor)
            try C._visitTypes(&visitor)
            return _RecordPlan(
                contextFree: try visitor.path(typeName: C._typeName, isTuple: C._visitsAreFixed), size: format.size,
                valueCount: format.valueCount, unpackingCanFail: visitor.unpackingCanFail)
        }
    }

    /// The context-free plan for packing `C` with `format`, for a one-shot call.
    ///
    /// - Throws: `.itemCount` with `operation`'s name (`pack`, `pack_into`).
    @inlinable
    static func checkedPacking<C: _StructEncoding>(_ coding: C.Type, format: Struct, operation: String)
        throws(StructError) -> _RecordPlan
    {
        try format.withFieldCursor { (cursor) throws(StructError) -> _RecordPlan in
            var visitor = _PlanVisitor(format: format, cursor: cursor, packingOperation: operation)
            try C._visitPackingTypes(&visitor)
            return _RecordPlan(
                contextFree: try visitor.path(typeName: C._typeName, isTuple: C._visitsAreFixed), size: format.size,
                valueCount: format.valueCount)
        }
    }

    /// The plan for unpacking `C` with `format`: its types checked against the format's values.
    @inlinable
    static func unpacking<C: _StructDecoding>(_ coding: C.Type, format: Struct) -> _RecordPlan {
        format.withFieldCursor { (cursor) -> _RecordPlan in
            var visitor = _PlanVisitor(format: format, cursor: cursor)
            do throws(StructError) {
                try C._visitTypes(&visitor)
                return _RecordPlan(
                    path: try visitor.path(typeName: C._typeName, isTuple: C._visitsAreFixed), format: format,
                    typeName: C._typeName, unpackingCanFail: visitor.unpackingCanFail)
            } catch {
                return _RecordPlan(path: .failed, format: format, typeName: C._typeName, failure: error)
            }
        }
    }

    /// The plan for packing `C` with `format`: the value count checked (values are checked as
    /// CPython checks them, when packed), and records' types as for unpacking.
    @inlinable
    static func packing<C: _StructEncoding>(_ coding: C.Type, format: Struct, operation: String) -> _RecordPlan {
        format.withFieldCursor { (cursor) -> _RecordPlan in
            var visitor = _PlanVisitor(format: format, cursor: cursor, packingOperation: operation)
            do throws(StructError) {
                try C._visitPackingTypes(&visitor)
                return _RecordPlan(
                    path: try visitor.path(typeName: C._typeName, isTuple: C._visitsAreFixed), format: format,
                    typeName: C._typeName)
            } catch {
                return _RecordPlan(path: .failed, format: format, typeName: C._typeName, failure: error)
            }
        }
    }

    /// The error of a failed plan.
    @usableFromInline
    var failure: StructError { Self.failure(of: context) }

    /// The error of a failed plan with this context.
    @usableFromInline
    static func failure(of context: _RecordContext?) -> StructError { context?.failure ?? fieldsChanged(of: context) }

    /// The fields-changed error of a plan with this context (the marker without one).
    @usableFromInline
    static func fieldsChanged(of context: _RecordContext?) -> StructError {
        context?.fieldsChanged ?? StructError.fieldsChangedMarker
    }
}
