// Floating-point types behave as Python floats when packed and accept the float codes they
// can hold exactly when unpacked.

extension Double: StructPackable, StructUnpackable {
    /// Packs the number as Python packs a `float`.
    ///
    /// - Throws: `.notAnInteger` for integer codes, `.floatTooLarge` for `e` (and standard `f`)
    ///   overflow, `.charLength` for `c`, `.notBytes` for `s` and `p`.
    @inlinable @inline(__always)
    public func pack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        if slot.code == .double {
            packDirectly(into: &bytes, at: slot.offset, swapsBytes: slot.swapsBytes)
            return
        }
        try PackSemantics.packDouble(self, into: &bytes, slot)
    }

    /// `d`: the 64 bits as they are.
    @inlinable @inline(__always)
    public static var directPackLayout: DirectLayout? { DirectLayout(kind: .floatingPoint, size: 8) }

    /// Stores the 64 bits in the slot's byte order.
    @inlinable @inline(__always)
    public func packDirectly(into bytes: inout MutableRawSpan, at offset: Int, swapsBytes: Bool) {
        let raw = bitPattern
        // safe because Struct checked the slot lies inside bytes.
        bytes.storeBytes(of: swapsBytes ? raw.byteSwapped : raw, toUncheckedByteOffset: offset, as: UInt64.self)
    }

    /// `d`: the 64 bits as they are.
    @inlinable @inline(__always)
    public static var directUnpackLayout: DirectLayout? { DirectLayout(kind: .floatingPoint, size: 8) }

    /// One unaligned load, byte-swapped if needed.
    @inlinable @inline(__always)
    public static func unpackDirectly(from bytes: RawSpan, at offset: Int, swapsBytes: Bool) -> Double {
        // safe because Struct checked the slot lies inside bytes.
        let raw = bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: offset, as: UInt64.self)
        return Double(bitPattern: swapsBytes ? raw.byteSwapped : raw)
    }

    /// `e`, `f` and `d`.
    @inlinable @inline(__always)
    public static func canUnpack(_ code: FormatCode, size: Int) -> Bool {
        code.kind == .floatingPoint
    }

    /// Reads the value, widening `e` and `f` exactly.
    @inlinable @inline(__always)
    public static func unpack(from bytes: RawSpan, at slot: ValueSlot) -> Double {
        ScalarCoding.loadDouble(bytes, slot)
    }
}

extension Float: StructPackable, StructUnpackable {
    /// Packs the number as Python packs a `float` (widened exactly to `Double` first).
    ///
    /// - Throws: as `Double`'s ``Swift/Double/pack(into:at:)``.
    @inlinable
    public func pack(into bytes: inout MutableRawSpan, at slot: ValueSlot) throws(StructError) {
        try PackSemantics.packDouble(Double(self), into: &bytes, slot)
    }

    /// `e` and `f`.
    @inlinable
    public static func canUnpack(_ code: FormatCode, size: Int) -> Bool {
        code == .half || code == .float
    }

    /// Reads the value; `e` widens exactly.
    @inlinable
    public static func unpack(from bytes: RawSpan, at slot: ValueSlot) -> Float {
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
        try PackSemantics.packDouble(Double(self), into: &bytes, slot)
    }

    /// `e` only.
    @inlinable
    public static func canUnpack(_ code: FormatCode, size: Int) -> Bool {
        code == .half
    }

    /// Reads the value.
    @inlinable
    public static func unpack(from bytes: RawSpan, at slot: ValueSlot) -> Float16 {
        Float16(ScalarCoding.loadDouble(bytes, slot))
    }
}
#endif
