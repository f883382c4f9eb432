/// What a ``Struct/Records`` collection and each of its ``Struct/RecordValues`` share: the bytes
/// and where each value lies. One immutable object, so handing out a record costs one reference
/// rather than a copy of the format.
@usableFromInline
final class _DynamicRecordSource: Sendable {
    /// The format of each record.
    @usableFromInline let format: Struct
    /// The records' bytes (an array's storage shared, or the caller's memory).
    @usableFromInline let storage: _RecordStorage
    /// The format's per-value table; empty when the format has more values than a table holds.
    @usableFromInline let slots: [Struct.Slot]
    /// Whether ``slots`` holds every value (else values are found through ``valueStarts``).
    @usableFromInline let hasSlotTable: Bool
    @usableFromInline let byteOrder: ByteOrder
    @usableFromInline let swapsBytes: Bool
    /// The format's ``Struct/valueCount`` and ``Struct/size``, kept apart so that reading them
    /// copies nothing.
    @usableFromInline let valueCount: Int
    @usableFromInline let size: Int
    /// For a format without a per-value table: the fields that have values, and the index of
    /// each one's first value (one entry per field, never per value).
    let valueFields: [Struct.Field]
    let valueStarts: [Int]

    @usableFromInline
    init(format: Struct, storage: _RecordStorage) {
        self.format = format
        self.storage = storage
        self.slots = format.slots
        self.hasSlotTable = format.slots.count == format.valueCount
        self.byteOrder = format.byteOrder
        self.swapsBytes = format.swapsBytes
        self.valueCount = format.valueCount
        self.size = format.size
        var fields: [Struct.Field] = []
        var starts: [Int] = []
        if !hasSlotTable {
            var next = 0
            for field in format.fields where field.valueCount > 0 {
                fields.append(field)
                starts.append(next)
                next += field.valueCount
            }
        }
        self.valueFields = fields
        self.valueStarts = starts
    }

    /// Value `index` of the record at byte `base`; both inside the buffer and the format, as the
    /// caller checked.
    @inlinable @inline(__always)
    func value(_ index: Int, base: Int) -> StructValue {
        guard hasSlotTable else { return valueWithoutTable(index, base: base) }
        return storage.withBytes { bytes, _ in
            slots.withUnsafeBufferPointer { slots in
                Struct.dynamicValue(bytes, slots[index], base: base, byteOrder: byteOrder, swapsBytes: swapsBytes)
            }
        }
    }

    /// ``value(_:base:)`` for a format without a per-value table: the value's field is found by
    /// binary search over the fields' first value indices.
    @usableFromInline @inline(never)
    func valueWithoutTable(_ index: Int, base: Int) -> StructValue {
        // The last field whose first value is at or before index; valueStarts[0] == 0 <= index.
        var low = 0
        var high = valueStarts.count
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if valueStarts[middle] <= index { low = middle } else { high = middle }
        }
        let slot = format.valueSlot(valueFields[low], item: index - valueStarts[low], base: base)
        return storage.withBytes { bytes, _ in StructValue._unsafeUnpack(from: bytes, at: slot, owner: nil) }
    }
}
