/// Visits a shape's types once against a format's values: checks them (unpacking: every type
/// must hold its code's values; packing a tuple: only the count) and finds the fastest path,
/// ``_RecordPath``.
@usableFromInline
struct _PlanVisitor: StructFieldVisitor, ~Copyable {
    @usableFromInline var cursor: _FieldCursor
    @usableFromInline let format: Struct
    /// `pack` or `pack_into` when planning a tuple's packing (count errors use CPython's text).
    @usableFromInline let packingOperation: String?
    /// Values announced so far, including any past the format's end.
    @usableFromInline var visited = 0
    /// Whether every value so far is direct and lies right after the previous one.
    @usableFromInline var contiguous = true
    @usableFromInline var contiguousEnd = 0
    /// Whether every value so far is direct and lies at its natural alignment after the previous.
    @usableFromInline var aligned = true
    @usableFromInline var alignedEnd = 0
    /// Whether a visited type's unpacking can fail after this check (see
    /// ``_StructDirectCoding/_unpackingCannotFail``).
    @usableFromInline var unpackingCanFail = false

    @inlinable
    init(format: Struct, cursor: _FieldCursor, packingOperation: String? = nil) {
        self.cursor = cursor
        self.format = format
        self.packingOperation = packingOperation
    }

    /// The path the visited types allow.
    ///
    /// - Throws: the count mismatch when the types did not use up the format's values exactly.
    @inlinable
    func path(typeName: String, isTuple: Bool) throws(StructError) -> _RecordPath {
        guard visited == format.valueCount else {
            if let packingOperation {
                throw StructError.itemCount(packingOperation, expected: format.valueCount, got: visited)
            }
            throw StructError.valueCountMismatch(
                typeName: typeName, visited: visited, format: format.format, valueCount: format.valueCount,
                isTuple: isTuple)
        }
        guard format.size > 0 else { return .planned }
        if contiguous && contiguousEnd == format.size {
            return format.swapsBytes ? .contiguousSwapped : .contiguousNative
        }
        // `x` bytes can only lie in the gaps natural alignment leaves (anywhere else they would
        // move a value off its aligned offset, or end the record early), and the aligned path
        // zeroes those gaps.
        if aligned && alignedEnd == format.size && format.byteOrder == .native {
            return .aligned
        }
        return .planned
    }

    /// Whether the format keeps a slot table, where the direct paths find byte strings' sizes.
    @inlinable
    var slotTableHolds: Bool { format.slots.count == format.valueCount }

    /// The next value's slot, counting it.
    @inlinable
    mutating func nextSlot() -> ValueSlot? {
        visited += 1
        return cursor.next()
    }

    /// Records whether a value of `layout` is direct at `slot`, and where it would lie on the
    /// contiguous and aligned paths.
    @inlinable
    mutating func note(_ layout: _DirectLayout, at slot: ValueSlot) {
        // A byte string is direct only where the engine can find its size in the slot table.
        guard layout.matches(slot.code, size: slot.size), !layout.isBytes || slotTableHolds else {
            contiguous = false
            aligned = false
            return
        }
        // A byte string's size is its slot's (at most the record's size).
        let size = layout.isBytes ? slot.size : layout.size
        if slot.offset != contiguousEnd { contiguous = false }
        contiguousEnd = slot.offset + size
        // Strings take the contiguous path only.
        guard !layout.isBytes else {
            aligned = false
            return
        }
        let alignedOffset = (alignedEnd + size - 1) / size * size
        if slot.offset != alignedOffset { aligned = false }
        alignedEnd = alignedOffset + size
    }

    @inlinable
    mutating func _expect<T: StructUnpackable>(_ type: T.Type) throws(StructError) {
        let index = visited
        guard let slot = nextSlot() else { return }
        guard T.canUnpack(slot.code, size: slot.size) else {
            throw StructError.valueTypeMismatch(index, slot: slot, format: format.format, typeName: "\(T.self)")
        }
        if !T._unpackingCannotFail { unpackingCanFail = true }
        note(T._directLayout, at: slot)
    }

    @inlinable
    mutating func _expectPacking<T: StructPackable>(_ type: T.Type) throws(StructError) {
        guard let slot = nextSlot() else { return }
        note(T._directLayout, at: slot)
    }

    @inlinable
    mutating func callAsFunction<T: StructPackable & StructUnpackable>(_ value: inout T) throws(StructError) {
        try _expect(T.self)
    }

    @inlinable
    mutating func _visitRepeated<T: StructPackable & StructUnpackable>(_ values: inout [T]) throws(StructError) {
        if T.self == UInt8.self, let code = cursor.nextCode, code == .string || code == .pascalString {
            // A byte string: as direct as a `[UInt8]` element of a tuple.
            try _expect([UInt8].self)
            return
        }
        contiguous = false
        aligned = false
        // An array at the end of the format (or past it) takes no values: the count check
        // reports it if the record has values left to visit.
        for _ in 0..<max(cursor.remainingInItem, 0) { try _expect(T.self) }
    }

    @available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *)
    @inlinable
    mutating func callAsFunction<let count: Int, T: StructPackable & StructUnpackable>(
        _ values: inout InlineArray<count, T>
    ) throws(StructError) {
        for _ in 0..<count { try _expect(T.self) }
    }

    @inlinable
    mutating func _next<T: StructUnpackable>(_ type: T.Type) throws(StructError) -> T {
        try _expect(T.self)
        throw StructError.noDirectLayout("a planning visitor")
    }

    @inlinable
    mutating func _put<T: StructPackable>(_ value: T) throws(StructError) {
        try _expectPacking(T.self)
    }
}
