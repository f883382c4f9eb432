/// Writes a record whose plan is a direct path (see ``_DirectReader``): one store per value at
/// a compile-time offset; on the aligned path the alignment gaps are zeroed as they are passed.
/// Direct stores cannot fail; a record whose `fields(_:)` visits differently from when it was
/// checked is stopped at the first visit that does not fit (throwing the fields-changed marker
/// from out of line, so that the cursor stays a compile-time constant on the usual path), and is
/// never written outside the record.
@usableFromInline
struct _DirectWriter<Order: _ByteOrderMarker, Aligned: _AlignmentMarker, Bounds: _BoundsMarker>: StructFieldVisitor,
    ~Copyable
{
    @usableFromInline let base: UnsafeMutableRawPointer
    @usableFromInline let limit: Int
    @usableFromInline var cursor = 0
    @usableFromInline var index = 0
    /// The format's slot table, where byte strings' sizes and codes are read.
    @usableFromInline let slotTable: UnsafeBufferPointer<Struct.Slot>

    @inlinable @inline(__always)
    init(base: UnsafeMutableRawPointer, limit: Int, slotTable: UnsafeBufferPointer<Struct.Slot>) {
        self.base = base
        self.limit = limit
        self.slotTable = slotTable
    }

    /// Writes a byte string at the cursor, its size and code from the slot table (checked for
    /// a record, as ``_DirectReader/_nextBytes(_:)`` checks).
    @inlinable @inline(__always)
    mutating func _putBytes<T: StructPackable>(_ value: T) throws(StructError) {
        if Bounds.checksEachValue && !slotTable.holdsByteString(at: index, cursor: cursor, limit: limit) {
            try _RecordEngine.throwFieldsChanged()
        }
        // safe because the plan (or the check above) put an `s` or `p` slot at the cursor, inside
        // the record.
        let slot = slotTable.baseAddress.unsafelyUnwrapped[index]
        value._unsafeStoreBytes(to: base + cursor, size: slot.size, isPascal: slot.code == .pascalString)
        cursor &+= slot.size
        index &+= 1
    }

    @inlinable @inline(__always)
    mutating func _put<T: StructPackable>(_ value: T) throws(StructError) {
        if T._directLayout.isBytes {
            try _putBytes(value)
            return
        }
        let size = T._directLayout.size
        let offset = Aligned.isAligned ? (cursor &+ (size &- 1)) & ~(size &- 1) : cursor
        if Bounds.checksEachValue && !(size != 0 && offset &+ size <= limit) {
            try _RecordEngine.throwFieldsChanged()
        }
        if Aligned.isAligned {
            // safe because cursor <= offset <= limit: the gap lies inside the record.
            var gap = cursor
            while gap < offset {
                (base + gap).storeBytes(of: 0, as: UInt8.self)
                gap &+= 1
            }
        }
        // safe because offset + size <= limit, and the caller checked limit bytes are writable.
        value._unsafeStore(to: base + offset, swapsBytes: Order.swapsBytes)
        cursor = offset &+ size
        index &+= 1
    }

    @inlinable @inline(__always)
    mutating func callAsFunction<T: StructPackable & StructUnpackable>(_ value: inout T) throws(StructError) {
        try _put(value)
    }

    /// Arrays are never direct, except `[UInt8]` at a byte string.
    @inlinable @inline(__always)
    mutating func _visitRepeated<T: StructPackable & StructUnpackable>(_ values: inout [T]) throws(StructError) {
        guard T.self == UInt8.self, let bytes = values as? [UInt8] else { try _RecordEngine.throwFieldsChanged() }
        try _putBytes(bytes)
    }

    @available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *)
    @inlinable @inline(__always)
    mutating func callAsFunction<let count: Int, T: StructPackable & StructUnpackable>(
        _ values: inout InlineArray<count, T>
    ) throws(StructError) {
        let size = T._directLayout.size
        guard Bounds.checksEachValue && size != 0 && !Aligned.isAligned else {
            for position in 0..<count { try _put(values[position]) }
            return
        }
        // A record's run of same-size values, back to back: one bounds check for the whole run.
        guard cursor <= limit && count <= (limit &- cursor) / size else { try _RecordEngine.throwFieldsChanged() }
        for position in 0..<count {
            // safe because the run lies inside the record, which the caller checked is writable.
            values[position]._unsafeStore(to: base + (cursor &+ position &* size), swapsBytes: Order.swapsBytes)
        }
        cursor &+= count &* size
        index &+= count
    }

    @inlinable
    mutating func _next<T: StructUnpackable>(_ type: T.Type) throws(StructError) -> T {
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
