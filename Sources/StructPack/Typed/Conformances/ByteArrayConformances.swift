// Byte arrays behave as Python bytes: the values of `s`, `p` and `c`. `[UInt8]` unpacks as a
// copy; `ArraySlice<UInt8>` unpacks as a view that shares the storage of the array the bytes
// were unpacked from (no copy, no allocation), and as a copy from any other input.

extension Array: _StructDirectCoding where Element == UInt8 {
    /// A byte string: direct at any `s` or `p`.
    @inlinable @inline(__always)
    public static var _directLayout: _DirectLayout { .bytes }

    /// A copy of the string's bytes.
    @inlinable @inline(__always)
    public static func _unsafeLoadBytes(
        from source: UnsafeRawPointer, size: Int, isPascal: Bool, position: Int, owner: ArraySlice<UInt8>?
    ) -> [UInt8] {
        let range = ScalarCoding.byteStringRange(at: source, size: size, isPascal: isPascal)
        return Array(UnsafeRawBufferPointer(start: source + range.lowerBound, count: range.count))
    }

    /// Stores the bytes as CPython packs `bytes`.
    @inlinable @inline(__always)
    public func _unsafeStoreBytes(to target: UnsafeMutableRawPointer, size: Int, isPascal: Bool) {
        withUnsafeBytes { ScalarCoding.storeByteString($0, to: target, size: size, isPascal: isPascal) }
    }
}

extension ArraySlice: _StructDirectCoding where Element == UInt8 {
    /// A byte string: direct at any `s` or `p`.
    @inlinable @inline(__always)
    public static var _directLayout: _DirectLayout { .bytes }

    /// A view of the string's bytes in `owner` when there is one (no copy), a copy otherwise.
    @inlinable @inline(__always)
    public static func _unsafeLoadBytes(
        from source: UnsafeRawPointer, size: Int, isPascal: Bool, position: Int, owner: ArraySlice<UInt8>?
    ) -> ArraySlice<UInt8> {
        guard let owner else {
            return [UInt8]._unsafeLoadBytes(from: source, size: size, isPascal: isPascal, position: position, owner: nil)[...]
        }
        let range = ScalarCoding.byteStringRange(at: source, size: size, isPascal: isPascal)
        // source is byte `position` of owner's bytes, counted from its start index.
        let start = owner.startIndex &+ position &+ range.lowerBound
        return owner[start..<(start &+ range.count)]
    }

    /// Stores the bytes as CPython packs `bytes`.
    @inlinable @inline(__always)
    public func _unsafeStoreBytes(to target: UnsafeMutableRawPointer, size: Int, isPascal: Bool) {
        withUnsafeBytes { ScalarCoding.storeByteString($0, to: target, size: size, isPascal: isPascal) }
    }
}

extension Array: StructPackable where Element == UInt8 {
    /// Packs the bytes as Python packs a `bytes` object.
    ///
    /// - Throws: `.notAnInteger` for integer codes, `.notAFloat` for float codes, `.charLength`
    ///   for `c` unless the array has exactly one byte, `.bufferTooSmall` when the slot does not
    ///   lie inside `bytes`.
    @inlinable
    public func pack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        guard slot.lies(inside: bytes.byteCount) else { throw StructError.slotOutside(slot, byteCount: bytes.byteCount) }
        try _unsafePack(into: &bytes, at: slot)
    }

    /// Packs the bytes into a slot checked by the caller.
    ///
    /// - Throws: as ``pack(into:at:)``.
    @inlinable
    public func _unsafePack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        try self.span.bytes.withUnsafeBytes { (source) throws(StructError) in
            try PackSemantics.packBytes(source, into: &bytes, slot)
        }
    }
}

extension Array: StructUnpackable where Element == UInt8 {
    /// Unpacking an accepted code cannot fail.
    @inlinable
    public static var _unpackingCannotFail: Bool { true }

    /// `s`, `p` and `c`.
    @inlinable
    public static func canUnpack(_ code: FormatCode, size: Int) -> Bool {
        code == .string || code == .pascalString || code == .char
    }

    /// Copies the value's bytes into a new array (for `p`, only the bytes its length byte
    /// covers).
    ///
    /// - Throws: `.bufferTooSmall` or `.typeMismatch` for a slot outside `bytes` or not `s p c`.
    /// - Complexity: O(*n*) in the slot's size.
    @inlinable
    public static func unpack(from bytes: RawSpan, at slot: ValueSlot) throws(StructError) -> [UInt8] {
        try checkUnpacking(from: bytes, at: slot)
        return ScalarCoding.loadBytes(bytes, slot)
    }

    /// Copies the value's bytes from a slot checked by the caller.
    @inlinable
    public static func _unsafeUnpack(from bytes: RawSpan, at slot: ValueSlot, owner: ArraySlice<UInt8>?) -> [UInt8] {
        ScalarCoding.loadBytes(bytes, slot)
    }
}

extension ArraySlice: StructPackable where Element == UInt8 {
    /// Packs the bytes as Python packs a `bytes` object.
    ///
    /// - Throws: as `Array`'s `pack(into:at:)`.
    @inlinable
    public func pack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        guard slot.lies(inside: bytes.byteCount) else { throw StructError.slotOutside(slot, byteCount: bytes.byteCount) }
        try _unsafePack(into: &bytes, at: slot)
    }

    /// Packs the bytes into a slot checked by the caller.
    ///
    /// - Throws: as ``pack(into:at:)``.
    @inlinable
    public func _unsafePack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        try self.span.bytes.withUnsafeBytes { (source) throws(StructError) in
            try PackSemantics.packBytes(source, into: &bytes, slot)
        }
    }
}

extension ArraySlice: StructUnpackable where Element == UInt8 {
    /// Unpacking an accepted code cannot fail.
    @inlinable
    public static var _unpackingCannotFail: Bool { true }

    /// `s`, `p` and `c`.
    @inlinable
    public static func canUnpack(_ code: FormatCode, size: Int) -> Bool {
        code == .string || code == .pascalString || code == .char
    }

    /// The value's bytes, copied into a new array (a span has no array to share).
    ///
    /// - Throws: `.bufferTooSmall` or `.typeMismatch` for a slot outside `bytes` or not `s p c`.
    /// - Complexity: O(*n*) in the slot's size.
    @inlinable
    public static func unpack(from bytes: RawSpan, at slot: ValueSlot) throws(StructError) -> ArraySlice<UInt8> {
        try checkUnpacking(from: bytes, at: slot)
        return ScalarCoding.loadBytes(bytes, slot)[...]
    }

    /// A view of the value's bytes in `owner` (the array `bytes` belongs to) when there is one:
    /// no copy, no allocation; a copy otherwise.
    @inlinable @inline(__always)
    public static func _unsafeUnpack(from bytes: RawSpan, at slot: ValueSlot, owner: ArraySlice<UInt8>?)
        -> ArraySlice<UInt8>
    {
        let range = ScalarCoding.byteRange(bytes, slot)
        guard let owner else { return ScalarCoding.loadBytes(bytes, slot)[...] }
        // The span is owner's bytes, so span offsets are owner offsets from its start index.
        let start = owner.startIndex &+ range.lowerBound
        return owner[start..<(start &+ range.count)]
    }
}
