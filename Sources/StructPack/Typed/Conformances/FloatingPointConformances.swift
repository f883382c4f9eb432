// Floating-point types behave as Python floats when packed and accept the float codes they
// can hold exactly when unpacked.

extension Double: StructPackable, StructUnpackable {
    /// Packs the number as Python packs a `float`.
    ///
    /// - Throws: `.notAnInteger` for integer codes, `.floatTooLarge` for `e` (and standard `f`)
    ///   overflow, `.charLength` for `c`, `.notBytes` for `s` and `p`, `.bufferTooSmall` when
    ///   the slot does not lie inside `bytes`.
    @inlinable
    public func pack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        guard slot.lies(inside: bytes.byteCount) else { throw StructError.slotOutside(slot, byteCount: bytes.byteCount) }
        try _unsafePack(into: &bytes, at: slot)
    }

    /// Packs the number into a slot checked by the caller.
    ///
    /// - Throws: as ``pack(into:at:)``.
    @inlinable @inline(__always)
    public func _unsafePack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        if slot.code == .double {
            let raw = bitPattern
            // safe because the caller checked the slot lies inside bytes.
            bytes.storeBytes(of: slot.swapsBytes ? raw.byteSwapped : raw, toUncheckedByteOffset: slot.offset, as: UInt64.self)
            return
        }
        try PackSemantics.packDouble(self, into: &bytes, slot)
    }

    /// Unpacking an accepted code cannot fail.
    @inlinable
    public static var _unpackingCannotFail: Bool { true }

    /// `e`, `f` and `d`.
    @inlinable @inline(__always)
    public static func canUnpack(_ code: FormatCode, size: Int) -> Bool {
        code.kind == .floatingPoint
    }

    /// Reads the value, widening `e` and `f` exactly.
    ///
    /// - Throws: `.bufferTooSmall` or `.typeMismatch` for a slot outside `bytes` or not a float.
    @inlinable
    public static func unpack(from bytes: RawSpan, at slot: ValueSlot) throws(StructError) -> Double {
        try checkUnpacking(from: bytes, at: slot)
        return ScalarCoding.loadDouble(bytes, slot)
    }

    /// Reads the value from a slot checked by the caller.
    @inlinable @inline(__always)
    public static func _unsafeUnpack(from bytes: RawSpan, at slot: ValueSlot, owner: ArraySlice<UInt8>?) -> Double {
        ScalarCoding.loadDouble(bytes, slot)
    }

    /// `d`: the 64 bits as they are.
    @inlinable @inline(__always)
    public static var _directLayout: _DirectLayout { _DirectLayout(kind: .floatingPoint, size: 8) }

    /// One unaligned load, byte-swapped if needed.
    @inlinable @inline(__always)
    public static func _unsafeLoad(from source: UnsafeRawPointer, swapsBytes: Bool) -> Double {
        let raw = source.loadUnaligned(as: UInt64.self)
        return Double(bitPattern: swapsBytes ? raw.byteSwapped : raw)
    }

    /// One unaligned store, byte-swapped if needed.
    @inlinable @inline(__always)
    public func _unsafeStore(to target: UnsafeMutableRawPointer, swapsBytes: Bool) {
        let raw = bitPattern
        target.storeBytes(of: swapsBytes ? raw.byteSwapped : raw, as: UInt64.self)
    }
}

// Float and Float16 have no direct layout: packing goes through `Double` as Python's float
// does (a NaN is quieted as CPython quiets it), and unpacking widens exactly.
extension Float: StructPackable, StructUnpackable {
    /// Packs the number as Python packs a `float` (widened exactly to `Double` first).
    ///
    /// - Throws: as `Double`'s ``Swift/Double/pack(into:at:)``.
    @inlinable
    public func pack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        try Double(self).pack(into: &bytes, at: slot)
    }

    /// Packs the number into a slot checked by the caller.
    ///
    /// - Throws: as ``pack(into:at:)``.
    @inlinable
    public func _unsafePack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        try Double(self)._unsafePack(into: &bytes, at: slot)
    }

    /// Unpacking an accepted code cannot fail.
    @inlinable
    public static var _unpackingCannotFail: Bool { true }

    /// `e` and `f`.
    @inlinable
    public static func canUnpack(_ code: FormatCode, size: Int) -> Bool {
        code == .half || code == .float
    }

    /// Reads the value; `e` widens exactly.
    ///
    /// - Throws: `.bufferTooSmall` or `.typeMismatch` for a slot outside `bytes` or not `e`/`f`.
    @inlinable
    public static func unpack(from bytes: RawSpan, at slot: ValueSlot) throws(StructError) -> Float {
        try checkUnpacking(from: bytes, at: slot)
        return Float(ScalarCoding.loadDouble(bytes, slot))
    }

    /// Reads the value from a slot checked by the caller.
    @inlinable
    public static func _unsafeUnpack(from bytes: RawSpan, at slot: ValueSlot, owner: ArraySlice<UInt8>?) -> Float {
        Float(ScalarCoding.loadDouble(bytes, slot))
    }

}

#if !((os(macOS) || targetEnvironment(macCatalyst)) && arch(x86_64))
@available(macOS 11.0, iOS 14.0, tvOS 14.0, watchOS 7.0, *)
extension Float16: StructPackable, StructUnpackable {
    /// Packs the number as Python packs a `float` (widened exactly to `Double` first).
    ///
    /// - Throws: as `Double`'s ``Swift/Double/pack(into:at:)``.
    @inlinable
    public func pack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        try Double(self).pack(into: &bytes, at: slot)
    }

    /// Packs the number into a slot checked by the caller.
    ///
    /// - Throws: as ``pack(into:at:)``.
    @inlinable
    public func _unsafePack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        try Double(self)._unsafePack(into: &bytes, at: slot)
    }

    /// Unpacking an accepted code cannot fail.
    @inlinable
    public static var _unpackingCannotFail: Bool { true }

    /// `e` only.
    @inlinable
    public static func canUnpack(_ code: FormatCode, size: Int) -> Bool {
        code == .half
    }

    /// Reads the value.
    ///
    /// - Throws: `.bufferTooSmall` or `.typeMismatch` for a slot outside `bytes` or not `e`.
    @inlinable
    public static func unpack(from bytes: RawSpan, at slot: ValueSlot) throws(StructError) -> Float16 {
        try checkUnpacking(from: bytes, at: slot)
        return Float16(ScalarCoding.loadDouble(bytes, slot))
    }

    /// Reads the value from a slot checked by the caller.
    @inlinable
    public static func _unsafeUnpack(from bytes: RawSpan, at slot: ValueSlot, owner: ArraySlice<UInt8>?) -> Float16 {
        Float16(ScalarCoding.loadDouble(bytes, slot))
    }

}
#endif
