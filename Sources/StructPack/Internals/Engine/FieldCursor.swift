/// Walks a format's values in order, one ``ValueSlot`` at a time: through the per-value table
/// when the format has one, else through its fields (repeat counts are never expanded).
///
/// It reads the format's tables through pointers, so making one per record retains nothing; it is
/// valid only inside ``Struct/withFieldCursor(_:)``, which keeps the tables alive.
@usableFromInline
struct _FieldCursor {
    @usableFromInline let slots: UnsafeBufferPointer<Struct.Slot>
    @usableFromInline let fields: UnsafeBufferPointer<Struct.Field>
    @usableFromInline let valueCount: Int
    @usableFromInline let byteOrder: ByteOrder
    @usableFromInline let swapsBytes: Bool
    /// Whether ``slots`` holds every value.
    @usableFromInline let usesTable: Bool
    /// The index of the next value.
    @usableFromInline var valueIndex = 0
    /// Without the table: the field of the next value (fields without values are skipped).
    @usableFromInline var field = 0
    /// Without the table: the next value's item within its field.
    @usableFromInline var item = 0

    @inlinable
    init(
        slots: UnsafeBufferPointer<Struct.Slot>, fields: UnsafeBufferPointer<Struct.Field>, valueCount: Int,
        byteOrder: ByteOrder, swapsBytes: Bool
    ) {
        self.slots = slots
        self.fields = fields
        self.valueCount = valueCount
        self.byteOrder = byteOrder
        self.swapsBytes = swapsBytes
        self.usesTable = slots.count == valueCount
        if !usesTable { skipFieldsWithoutValues() }
    }

    @inlinable
    mutating func skipFieldsWithoutValues() {
        while field < fields.count && fields[field].valueCount == 0 { field += 1 }
    }

    /// Whether every value has been visited.
    @inlinable
    var isAtEnd: Bool { valueIndex >= valueCount }

    /// The values left in the current format item, counting the next one; 0 at the end.
    @inlinable
    var remainingInItem: Int {
        guard !isAtEnd else { return 0 }
        return usesTable ? slots[valueIndex].itemRemaining : fields[field].valueCount - item
    }

    /// The code of the next value, or `nil` at the end.
    @inlinable
    var nextCode: FormatCode? {
        guard !isAtEnd else { return nil }
        return usesTable ? slots[valueIndex].code : fields[field].code
    }

    /// The next value's slot relative to the record's start, moving past it; `nil` at the end.
    @inlinable
    mutating func next() -> ValueSlot? {
        guard !isAtEnd else { return nil }
        if usesTable {
            let slot = slots[valueIndex]
            valueIndex += 1
            return ValueSlot(code: slot.code, offset: slot.offset, size: slot.size, byteOrder: byteOrder, swapsBytes: swapsBytes)
        }
        let current = fields[field]
        let isString = current.code == .string || current.code == .pascalString
        let slot = ValueSlot(
            code: current.code, offset: current.offset + item * current.itemSize,
            size: isString ? current.count : current.itemSize, byteOrder: byteOrder, swapsBytes: swapsBytes)
        item += 1
        valueIndex += 1
        if item == current.valueCount {
            item = 0
            field += 1
            skipFieldsWithoutValues()
        }
        return slot
    }
}

extension Struct {
    /// Calls `body` with a cursor at this format's first value; the cursor must not be used
    /// after `body` returns.
    ///
    /// - Throws: what `body` throws.
    @inlinable @inline(__always)
    func withFieldCursor<Result, Failure: Error>(_ body: (_FieldCursor) throws(Failure) -> Result) throws(Failure)
        -> Result
    {
        try slots.withUnsafeBufferPointer { (slots) throws(Failure) -> Result in
            try fields.withUnsafeBufferPointer { (fields) throws(Failure) -> Result in
                try body(
                    _FieldCursor(
                        slots: slots, fields: fields, valueCount: valueCount, byteOrder: byteOrder,
                        swapsBytes: swapsBytes))
            }
        }
    }
}
