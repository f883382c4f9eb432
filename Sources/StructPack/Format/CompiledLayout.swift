/// Everything a ``Struct`` derives from its parsed fields, computed in one place when the
/// format is compiled: the per-value slot table, the padding flags, and the direct signature
/// and arrangement the typed API's fast paths compare against.
struct CompiledLayout {
    let slots: [Struct.Slot]
    let hasPadding: Bool
    let directSignature: _LayoutSignature
    let directArrangement: Struct.DirectArrangement

    init(_ layout: FormatParser.Layout) {
        let fields = layout.fields
        hasPadding = fields.contains { $0.code == .padByte || $0.alignmentPadding > 0 }

        var slots: [Struct.Slot] = []
        if layout.valueCount <= Struct.slotTableLimit {
            slots.reserveCapacity(layout.valueCount)
            for field in fields {
                switch field.code.kind {
                case .padding:
                    continue
                case .string, .pascalString:
                    slots.append(Struct.Slot(code: field.code, offset: field.offset, size: field.count, itemRemaining: 1))
                default:
                    for index in 0..<field.count {
                        slots.append(
                            Struct.Slot(
                                code: field.code, offset: field.offset + index * field.itemSize, size: field.itemSize,
                                itemRemaining: field.count - index))
                    }
                }
            }
        }
        self.slots = slots

        var signature = _LayoutSignature()
        var contiguous = true
        var aligned = layout.byteOrder == .native
        var contiguousEnd = 0
        var alignedEnd = 0
        if slots.count == layout.valueCount && layout.valueCount <= 16 {
            for slot in slots {
                signature.append(kind: slot.code.kind, size: slot.size)
                if slot.offset != contiguousEnd { contiguous = false }
                contiguousEnd = slot.offset + slot.size  // at most the record's size: no overflow
                // Only scalars (at most 8 bytes) can be direct at their alignment; a string's
                // size is its count, which can be near Int.max, so its rounding could overflow,
                // and strings take the contiguous path only.
                let isString = slot.code == .string || slot.code == .pascalString
                guard aligned && slot.size <= 8 && !isString else {
                    aligned = false
                    continue
                }
                let alignment = max(slot.size, 1)
                let alignedOffset = (alignedEnd + alignment - 1) / alignment * alignment
                if slot.offset != alignedOffset { aligned = false }
                alignedEnd = alignedOffset + slot.size
            }
        } else {
            // No tuple has more than 16 values: a signature of 17 unmatchable values.
            for _ in 0..<17 { signature.append(byte: 0xFE) }
            contiguous = false
            aligned = false
        }
        directSignature = signature
        if contiguous && contiguousEnd == layout.size && layout.size > 0 {
            directArrangement = .contiguous
        } else if aligned && alignedEnd == layout.size && layout.size > 0 {
            directArrangement = .aligned
        } else {
            directArrangement = .other
        }
    }
}
