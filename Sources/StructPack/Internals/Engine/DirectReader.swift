/// Reads a record whose plan is ``_RecordPath/contiguousNative``, ``_RecordPath/contiguousSwapped``
/// or ``_RecordPath/aligned``: one load per value at an offset that, once the shape's reads are
/// inlined, is a compile-time constant.
///
/// For a record type, every load is checked against the record's size: a record whose
/// `fields(_:)` visits differently from when it was checked is stopped by that check or by the
/// count check at the end, and never reads outside the record. A tuple's visits are generated
/// code, fixed by its type, and its plan proved they fill the record exactly, so its loads need
/// no check (``_Unchecked``).
@usableFromInline
struct _DirectReader<Order: _ByteOrderMarker, Aligned: _AlignmentMarker, Bounds: _BoundsMarker>: StructFieldVisitor,
    ~Copyable
{
    /// The record's first byte.
    @usableFromInline let base: UnsafeRawPointer
    /// The record's size: no load reaches past it.
    @usableFromInline let limit: Int
    /// The record's offset in the buffer, for error locations.
    @usableFromInline let recordOffset: Int
    /// Where the next value starts (before alignment).
    @usableFromInline var cursor = 0
    /// The next value's index.
    @usableFromInline var index = 0
    /// The format's slot table, where byte strings' sizes and codes are read.
    @usableFromInline let slotTable: UnsafeBufferPointer<Struct.Slot>
    /// The array the bytes belong to, when there is one (views share it), through a pointer to
    /// the caller's borrowed value: a stored reference would make the reader non-trivial, a
    /// retain and release per record even for records without views.
    @usableFromInline let owner: UnsafePointer<ArraySlice<UInt8>?>

    @inlinable @inline(__always)
    init(
        base: UnsafeRawPointer, limit: Int, recordOffset: Int, slotTable: UnsafeBufferPointer<Struct.Slot>,
        owner: UnsafePointer<ArraySlice<UInt8>?>
    ) {
        self.base = base
        self.limit = limit
        self.recordOffset = recordOffset
        self.slotTable = slotTable
        self.owner = owner
    }

    @inlinable @inline(__always)
    mutating func _next<T: StructUnpackable>(_ type: T.Type) throws(StructError) -> T {
        if T._directLayout.isBytes { return try _nextBytes(T.self) }
        let size = T._directLayout.size
        let offset = Aligned.isAligned ? (cursor &+ (size &- 1)) & ~(size &- 1) : cursor
        if Bounds.checksEachValue {
            guard size != 0 && offset &+ size <= limit else { try _RecordEngine.throwFieldsChanged() }
        }
        let value = try _load(T.self, at: offset, index: index)
        cursor = offset &+ size
        index &+= 1
        return value
    }

    /// Loads value `index` of a direct type at `offset`, which the caller checked lies inside the
    /// record; a converted type's error is located there.
    @inlinable @inline(__always)
    func _load<T: StructUnpackable>(_ type: T.Type, at offset: Int, index: Int) throws(StructError) -> T {
        do {
            // safe because offset + size <= limit, and the caller checked limit bytes are readable.
            return try T._unsafeLoad(from: base + offset, swapsBytes: Order.swapsBytes)
        } catch {
            try _RecordEngine.throwLocated(error, index: index, offset: recordOffset &+ offset)
        }
    }

    /// Reads a byte string at the cursor, its size and code from the slot table. A tuple's plan
    /// proved the slot is an `s` or `p` of size above 0 at the cursor; a record's is checked.
    @inlinable @inline(__always)
    mutating func _nextBytes<T: StructUnpackable>(_ type: T.Type) throws(StructError) -> T {
        if Bounds.checksEachValue {
            guard slotTable.holdsByteString(at: index, cursor: cursor, limit: limit) else {
                try _RecordEngine.throwFieldsChanged()
            }
        }
        // safe because the plan (or the check above) put an `s` or `p` slot at the cursor, inside
        // the record.
        let slot = slotTable.baseAddress.unsafelyUnwrapped[index]
        let value: T
        do {
            value = try T._unsafeLoadBytes(
                from: base + cursor, size: slot.size, isPascal: slot.code == .pascalString,
                position: recordOffset &+ cursor, owner: owner.pointee)
        } catch {
            try _RecordEngine.throwLocated(error, index: index, offset: recordOffset &+ cursor)
        }
        cursor &+= slot.size
        index &+= 1
        return value
    }

    @inlinable @inline(__always)
    mutating func callAsFunction<T: StructPackable & StructUnpackable>(_ value: inout T) throws(StructError) {
        value = try _next(T.self)
    }

    /// Arrays are never direct, except `[UInt8]` at a byte string.
    @inlinable @inline(__always)
    mutating func _visitRepeated<T: StructPackable & StructUnpackable>(_ values: inout [T]) throws(StructError) {
        guard T.self == UInt8.self, let bytes = try _nextBytes([UInt8].self) as? [T] else {
            try _RecordEngine.throwFieldsChanged()
        }
        values = bytes
    }

    @available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *)
    @inlinable @inline(__always)
    mutating func callAsFunction<let count: Int, T: StructPackable & StructUnpackable>(
        _ values: inout InlineArray<count, T>
    ) throws(StructError) {
        let size = T._directLayout.size
        guard Bounds.checksEachValue && size != 0 else {
            for position in 0..<count { values[position] = try _next(T.self) }
            return
        }
        // A record's run of same-size values: one bounds check for the whole run (an aligned
        // first value keeps the rest aligned: each size is a multiple of its alignment).
        let first = Aligned.isAligned ? (cursor &+ (size &- 1)) & ~(size &- 1) : cursor
        guard first <= limit && count <= (limit &- first) / size else { try _RecordEngine.throwFieldsChanged() }
        for position in 0..<count {
            values[position] = try _load(T.self, at: first &+ position &* size, index: index &+ position)
        }
        cursor = first &+ count &* size
        index &+= count
    }

    @inlinable
    mutating func _put<T: StructPackable>(_ value: T) throws(StructError) {
        try _RecordEngine.throwFieldsChanged()
    }

    @inlinable
    mutating func _expect<T: StructUnpackable>(_ type: T.Type) throws(StructError) {
        try _RecordEngine.throwFieldsChanged()
    }

    @inlinable
    mutating func _expectPacking<T: StructPackable>(_ type: T.Type) throws(StructError) {
        try _RecordEngine.throwFieldsChanged()
    }
}

/// Whether a direct path aligns each value to its size (native mode) or not.
@usableFromInline
protocol _AlignmentMarker {
    static var isAligned: Bool { get }
}

/// Values back to back.
@usableFromInline
enum _Unaligned: _AlignmentMarker {
    @inlinable @inline(__always)
    static var isAligned: Bool { false }
}

/// Values at their natural alignment.
@usableFromInline
enum _NaturallyAligned: _AlignmentMarker {
    @inlinable @inline(__always)
    static var isAligned: Bool { true }
}

/// Whether a direct path checks each value against the record's size.
@usableFromInline
protocol _BoundsMarker {
    static var checksEachValue: Bool { get }
}

/// Each value checked: shapes whose visits are user code (records).
@usableFromInline
enum _Checked: _BoundsMarker {
    @inlinable @inline(__always)
    static var checksEachValue: Bool { true }
}

/// No per-value check: shapes whose visits are fixed by their type (tuples), whose plan proved
/// they fill the record exactly.
@usableFromInline
enum _Unchecked: _BoundsMarker {
    @inlinable @inline(__always)
    static var checksEachValue: Bool { false }
}

extension UnsafeBufferPointer<Struct.Slot> {
    /// Whether entry `index` of a slot table is an `s` or `p` of size above 0 that starts at
    /// `cursor` and ends within `limit`: the check a record's visit of a byte string gets on the
    /// direct paths (its `fields(_:)` may visit differently from when it was planned).
    @inlinable @inline(__always)
    func holdsByteString(at index: Int, cursor: Int, limit: Int) -> Bool {
        guard index < count else { return false }
        let slot = self[index]
        return _DirectLayout.bytes.matches(slot.code, size: slot.size) && slot.offset == cursor
            && slot.size <= limit &- cursor
    }
}
