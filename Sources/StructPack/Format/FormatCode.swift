/// One format character of Python's `struct` language, such as `I` or `d`.
///
/// The raw value is the character's ASCII code, so `FormatCode(rawValue: UInt8(ascii: "I"))`
/// is `.unsignedInt`. Sizes and alignment depend on the byte-order prefix of the format the
/// code appears in; see ``size(in:)`` and ``alignment(in:)``.
///
/// | Code | Name | Standard size | Native size (LP64) | Value |
/// |------|------|---------------|--------------------|-------|
/// | `x` | ``padByte`` | 1 | 1 | none |
/// | `c` | ``char`` | 1 | 1 | bytes of length 1 |
/// | `b` `B` | ``signedChar`` ``unsignedChar`` | 1 | 1 | integer |
/// | `?` | ``bool`` | 1 | 1 | bool |
/// | `h` `H` | ``short`` ``unsignedShort`` | 2 | 2 | integer |
/// | `i` `I` | ``int`` ``unsignedInt`` | 4 | 4 | integer |
/// | `l` `L` | ``long`` ``unsignedLong`` | 4 | 8 | integer |
/// | `q` `Q` | ``longLong`` ``unsignedLongLong`` | 8 | 8 | integer |
/// | `n` `N` | ``ssize`` ``size`` | native only | 8 | integer |
/// | `e` | ``half`` | 2 | 2 | float |
/// | `f` | ``float`` | 4 | 4 | float |
/// | `d` | ``double`` | 8 | 8 | float |
/// | `s` | ``string`` | count | count | bytes |
/// | `p` | ``pascalString`` | count | count | bytes |
/// | `P` | ``pointer`` | native only | 8 | integer |
public enum FormatCode: UInt8, Sendable, Hashable, CaseIterable {
    /// `x`: a pad byte; packs as zero and produces no value.
    case padByte = 0x78
    /// `c`: a single byte, given and returned as bytes of length 1.
    case char = 0x63
    /// `b`: C `signed char`, -128...127.
    case signedChar = 0x62
    /// `B`: C `unsigned char`, 0...255.
    case unsignedChar = 0x42
    /// `?`: C `_Bool`; packs the truthiness of any value, unpacks any nonzero byte as `true`.
    case bool = 0x3F
    /// `h`: C `short`.
    case short = 0x68
    /// `H`: C `unsigned short`.
    case unsignedShort = 0x48
    /// `i`: C `int`.
    case int = 0x69
    /// `I`: C `unsigned int`.
    case unsignedInt = 0x49
    /// `l`: C `long` (4 bytes in standard mode, the platform's `long` in native mode).
    case long = 0x6C
    /// `L`: C `unsigned long`.
    case unsignedLong = 0x4C
    /// `q`: C `long long`.
    case longLong = 0x71
    /// `Q`: C `unsigned long long`.
    case unsignedLongLong = 0x51
    /// `n`: C `ssize_t`; native mode only.
    case ssize = 0x6E
    /// `N`: C `size_t`; native mode only.
    case size = 0x4E
    /// `e`: IEEE 754 binary16 (half precision).
    case half = 0x65
    /// `f`: IEEE 754 binary32 (C `float`).
    case float = 0x66
    /// `d`: IEEE 754 binary64 (C `double`).
    case double = 0x64
    /// `s`: a byte string; the repeat count is its length.
    case string = 0x73
    /// `p`: a Pascal string: a length byte followed by the bytes; the repeat count is the total size.
    case pascalString = 0x70
    /// `P`: C `void *`, as an unsigned integer; native mode only.
    case pointer = 0x50

    /// The format character, such as `"I"`.
    public var character: Character {
        Character(Unicode.Scalar(rawValue))
    }

    /// Whether the code exists only in native mode (`@` prefix or none): `n`, `N` and `P`.
    public var isNativeOnly: Bool {
        switch self {
        case .ssize, .size, .pointer: true
        default: false
        }
    }

    /// The family of values the code packs and unpacks.
    @inlinable
    public var kind: Kind {
        switch self {
        case .padByte: .padding
        case .char: .char
        case .bool: .bool
        case .half, .float, .double: .floatingPoint
        case .string: .string
        case .pascalString: .pascalString
        case .signedChar, .short, .int, .long, .longLong, .ssize: .signedInteger
        case .unsignedChar, .unsignedShort, .unsignedInt, .unsignedLong, .unsignedLongLong, .size, .pointer:
            .unsignedInteger
        }
    }

    /// The size in bytes of one item of this code under `byteOrder`; for `s` and `p` the size of
    /// one byte of the string.
    ///
    /// Native sizes are the host C ABI's (`MemoryLayout` of the matching C type). Native-only
    /// codes report their native size under any prefix; a parsed format never contains them
    /// under a standard prefix.
    @inlinable
    public func size(in byteOrder: ByteOrder) -> Int {
        byteOrder.usesNativeSizes ? nativeSize : standardSize
    }

    /// The alignment in bytes this code's first item gets under `byteOrder`: the C ABI's
    /// alignment in native mode, 1 (no alignment) under every other prefix.
    @inlinable
    public func alignment(in byteOrder: ByteOrder) -> Int {
        byteOrder.usesNativeSizes ? nativeAlignment : 1
    }

    /// The value families of format codes.
    public enum Kind: Sendable, Hashable {
        /// `x`: no value.
        case padding
        /// `c`: bytes of length 1.
        case char
        /// `?`: a bool.
        case bool
        /// `b h i l q n`: a signed integer.
        case signedInteger
        /// `B H I L Q N P`: an unsigned integer.
        case unsignedInteger
        /// `e f d`: a floating-point number.
        case floatingPoint
        /// `s`: bytes of the repeat count's length.
        case string
        /// `p`: bytes behind a length byte.
        case pascalString
    }
}

extension FormatCode {
    /// Whether two codes are the same code.
    ///
    /// Written out because the comparison Swift synthesizes for an enum with raw values is, to
    /// the optimizer, an operation that may release memory: a code compared between loading a
    /// reference and using it (a view of an array's bytes, a packed string's array) kept a
    /// retain and a release around the comparison.
    @inlinable @inline(__always)
    public static func == (lhs: FormatCode, rhs: FormatCode) -> Bool {
        lhs.rawValue == rhs.rawValue
    }
}

extension FormatCode {
    /// Size with standard sizes (`=` `<` `>` `!`). Native-only codes fall back to native size.
    @usableFromInline
    var standardSize: Int {
        switch self {
        case .padByte, .char, .signedChar, .unsignedChar, .bool, .string, .pascalString: 1
        case .short, .unsignedShort, .half: 2
        case .int, .unsignedInt, .long, .unsignedLong, .float: 4
        case .longLong, .unsignedLongLong, .double: 8
        case .ssize, .size, .pointer: nativeSize
        }
    }

    /// Size as the host's C compiler lays the matching C type out.
    @usableFromInline
    var nativeSize: Int {
        switch self {
        case .padByte, .char, .signedChar, .unsignedChar, .string, .pascalString:
            MemoryLayout<CChar>.size
        case .bool: MemoryLayout<CBool>.size
        case .short, .unsignedShort, .half: MemoryLayout<CShort>.size
        case .int, .unsignedInt: MemoryLayout<CInt>.size
        case .long, .unsignedLong: MemoryLayout<CLong>.size
        case .longLong, .unsignedLongLong: MemoryLayout<CLongLong>.size
        case .ssize: MemoryLayout<Int>.size
        case .size: MemoryLayout<UInt>.size
        case .float: MemoryLayout<CFloat>.size
        case .double: MemoryLayout<CDouble>.size
        case .pointer: MemoryLayout<UnsafeRawPointer>.size
        }
    }

    /// Alignment as the host's C compiler aligns the matching C type inside a struct.
    @usableFromInline
    var nativeAlignment: Int {
        switch self {
        case .padByte, .char, .signedChar, .unsignedChar, .string, .pascalString:
            MemoryLayout<CChar>.alignment
        case .bool: MemoryLayout<CBool>.alignment
        case .short, .unsignedShort, .half: MemoryLayout<CShort>.alignment
        case .int, .unsignedInt: MemoryLayout<CInt>.alignment
        case .long, .unsignedLong: MemoryLayout<CLong>.alignment
        case .longLong, .unsignedLongLong: MemoryLayout<CLongLong>.alignment
        case .ssize: MemoryLayout<Int>.alignment
        case .size: MemoryLayout<UInt>.alignment
        case .float: MemoryLayout<CFloat>.alignment
        case .double: MemoryLayout<CDouble>.alignment
        case .pointer: MemoryLayout<UnsafeRawPointer>.alignment
        }
    }
}
