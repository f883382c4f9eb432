import StructPack

/// A Swift type the typed API takes, as the typed-versus-dynamic check needs it: which codes it
/// may unpack (SPEC.md §1.7's table, restated here rather than asked of the library), how to
/// make an arbitrary value of it, and which dynamic value it stands for.
protocol FuzzElement: StructPackable, StructUnpackable {
    /// Whether SPEC.md §1.7 lets this type unpack a value of `code` stored in `size` bytes.
    static func accepts(_ code: FormatCode, size: Int) -> Bool
    /// An arbitrary value, edge cases often.
    static func arbitrary(_ input: inout FuzzInput) -> Self
    /// The `StructValue` that packs exactly as this value does (the Python object it stands for).
    var dynamicValue: StructValue { get }
    /// Whether this value, unpacked by the typed API, is the dynamic API's `value`.
    func agrees(with value: StructValue) -> Bool
}

/// The types the typed check draws from. (Immutable; the fuzzer runs on one thread.)
nonisolated(unsafe) let fuzzElementTypes: [any FuzzElement.Type] = [
    Int8.self, Int16.self, Int32.self, Int64.self, Int.self, Int128.self,
    UInt8.self, UInt16.self, UInt32.self, UInt64.self, UInt.self, UInt128.self,
    Bool.self, Double.self, Float.self, Float16.self, [UInt8].self, StructValue.self,
]

extension FuzzElement where Self: FixedWidthInteger {
    /// Integer codes whose whole range fits; `c` (0...255) where a byte fits.
    static func accepts(_ code: FormatCode, size: Int) -> Bool {
        switch code.kind {
        case .signedInteger: isSigned && bitWidth >= 8 * size
        case .unsignedInteger: bitWidth >= 8 * size + (isSigned ? 1 : 0)
        case .char: bitWidth >= 8 + (isSigned ? 1 : 0)
        default: false
        }
    }

    /// 0, ±1, the extremes, or random bits.
    static func arbitrary(_ input: inout FuzzInput) -> Self {
        switch input.byte() % 8 {
        case 0: 0
        case 1: 1
        case 2: isSigned ? 0 &- 1 : max
        case 3: min
        case 4: max
        default: Self(truncatingIfNeeded: input.uint128())
        }
    }

    var dynamicValue: StructValue { .int(Int128(self)) }

    func agrees(with value: StructValue) -> Bool {
        switch value {
        case .int(let integer): Int128(self) == integer.value
        case .bytes(let bytes): bytes.count == 1 && Int128(self) == Int128(bytes[0])
        default: false
        }
    }
}

extension Int8: FuzzElement {}
extension Int16: FuzzElement {}
extension Int32: FuzzElement {}
extension Int64: FuzzElement {}
extension Int: FuzzElement {}
extension Int128: FuzzElement {}
extension UInt8: FuzzElement {}
extension UInt16: FuzzElement {}
extension UInt32: FuzzElement {}
extension UInt64: FuzzElement {}
extension UInt: FuzzElement {}

extension UInt128: FuzzElement {
    /// As for the other integers, but within `Int128`, the dynamic API's integer domain
    /// (SPEC.md §1.10), so that the dynamic value it stands for exists.
    static func arbitrary(_ input: inout FuzzInput) -> UInt128 {
        switch input.byte() % 6 {
        case 0: 0
        case 1: 1
        case 2: UInt128(Int128.max)
        case 3: UInt128(UInt64.max)
        default: input.uint128() & UInt128(Int128.max)
        }
    }
}

extension Bool: FuzzElement {
    static func accepts(_ code: FormatCode, size: Int) -> Bool { code == .bool }
    static func arbitrary(_ input: inout FuzzInput) -> Bool { input.bool() }
    var dynamicValue: StructValue { .bool(self) }
    func agrees(with value: StructValue) -> Bool { value == .bool(self) }
}

/// Doubles that sit on the edges of `e`, `f` and `d`: zeros, subnormals, rounding boundaries,
/// the largest finite values and just beyond, infinities and NaNs with payloads.
let edgeDoubles: [Double] = [
    0, -0.0, 1, -1, 0.5, .infinity, -.infinity, .nan, -.nan, Double(bitPattern: 0x7FF0_0000_0000_0001),
    Double(bitPattern: 0xFFF4_0000_0000_0001), .leastNonzeroMagnitude, .greatestFiniteMagnitude,
    65504, 65519.99, 65520, -65520, 0x1p-24, 0x1p-25, 0x1.0000000000001p-25, 0x1p-14, 6.1e-5,
    Double(Float.greatestFiniteMagnitude), 3.4028235677973366e38, 3.4028235677973367e38, 1e39,
    Double(Float.leastNonzeroMagnitude), 0x1p-150, 0x1.8p-150, 1e300,
]

extension Double: FuzzElement {
    static func accepts(_ code: FormatCode, size: Int) -> Bool { code.kind == .floatingPoint }
    static func arbitrary(_ input: inout FuzzInput) -> Double {
        let choice = input.byte()
        return choice % 2 == 0 ? edgeDoubles[Int(choice / 2) % edgeDoubles.count] : Double(bitPattern: input.uint64())
    }
    var dynamicValue: StructValue { .double(self) }
    func agrees(with value: StructValue) -> Bool {
        if case .double(let number) = value { return number.bitPattern == bitPattern }
        return false
    }
}

extension Float: FuzzElement {
    static func accepts(_ code: FormatCode, size: Int) -> Bool { code == .half || code == .float }
    static func arbitrary(_ input: inout FuzzInput) -> Float {
        let choice = input.byte()
        return choice % 2 == 0 ? Float(edgeDoubles[Int(choice / 2) % edgeDoubles.count])
            : Float(bitPattern: UInt32(truncatingIfNeeded: input.uint64()))
    }
    var dynamicValue: StructValue { .double(Double(self)) }
    func agrees(with value: StructValue) -> Bool { Double(self).agrees(with: value) }
}

extension Float16: FuzzElement {
    static func accepts(_ code: FormatCode, size: Int) -> Bool { code == .half }
    static func arbitrary(_ input: inout FuzzInput) -> Float16 {
        let choice = input.byte()
        return choice % 2 == 0 ? Float16(edgeDoubles[Int(choice / 2) % edgeDoubles.count])
            : Float16(bitPattern: UInt16(truncatingIfNeeded: input.uint64()))
    }
    var dynamicValue: StructValue { .double(Double(self)) }
    func agrees(with value: StructValue) -> Bool { Double(self).agrees(with: value) }
}

extension Array: FuzzElement where Element == UInt8 {
    static func accepts(_ code: FormatCode, size: Int) -> Bool {
        code == .string || code == .pascalString || code == .char
    }
    static func arbitrary(_ input: inout FuzzInput) -> [UInt8] {
        let length = input.byte()
        return input.bytes(length < 200 ? Int(length % 4) : Int(length) + 60)
    }
    var dynamicValue: StructValue { .bytes(self) }
    func agrees(with value: StructValue) -> Bool { value == .bytes(self) }
}

extension StructValue: FuzzElement {
    static func accepts(_ code: FormatCode, size: Int) -> Bool { code != .padByte }
    static func arbitrary(_ input: inout FuzzInput) -> StructValue {
        switch input.byte() % 4 {
        case 0: .int(Int128.arbitrary(&input))
        case 1: .bool(input.bool())
        case 2: .double(Double.arbitrary(&input))
        default: .bytes([UInt8].arbitrary(&input))
        }
    }
    var dynamicValue: StructValue { self }
    func agrees(with value: StructValue) -> Bool { sameValue(self, value) }
}
