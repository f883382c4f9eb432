/// A value of the dynamic API: what Python's `struct.pack` takes and `struct.unpack` returns.
///
/// ```swift
/// let values = try Struct("<h?d3s").unpack([0xfe, 0xff, 0x01, 0, 0, 0, 0, 0, 0, 0xf8, 0x3f, 0x61, 0x62, 0x63])
/// // [.int(-2), .bool(true), .double(1.5), .bytes([0x61, 0x62, 0x63])]
/// ```
///
/// Unpacking returns `.int` for every integer code, `.bool` for `?`, `.double` for `e f d` and
/// `.bytes` for `c s p`. Packing accepts each case wherever Python accepts the matching type,
/// with CPython's errors elsewhere. Literals work: `[1, 2.5, true, "ab"]` is
/// `[.int(1), .double(2.5), .bool(true), .bytes([0x61, 0x62])]` (a string literal stands for
/// its UTF-8 bytes, like a Python `b'…'` literal).
public enum StructValue: Sendable, Hashable {
    /// A Python `int`. Its ``Integer`` holds any `Int128`: every value any integer code can
    /// produce or accept. Write `.int(x)` for an `x` of any integer type.
    case int(Integer)
    /// A Python `bool`.
    case bool(Bool)
    /// A Python `float`.
    case double(Double)
    /// A Python `bytes`.
    case bytes([UInt8])

    /// The integer, or `nil` for other cases.
    @inlinable
    public var intValue: Int128? {
        if case .int(let integer) = self { integer.value } else { nil }
    }

    /// The bool, or `nil` for other cases.
    @inlinable
    public var boolValue: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    /// The floating-point number, or `nil` for other cases.
    @inlinable
    public var doubleValue: Double? {
        if case .double(let value) = self { value } else { nil }
    }

    /// The bytes, or `nil` for other cases.
    @inlinable
    public var bytesValue: [UInt8]? {
        if case .bytes(let value) = self { value } else { nil }
    }
}

extension StructValue: ExpressibleByIntegerLiteral {
    /// `.int(value)`.
    public init(integerLiteral value: Int128) {
        self = .int(Integer(value))
    }
}

extension StructValue: ExpressibleByFloatLiteral {
    /// `.double(value)`.
    public init(floatLiteral value: Double) {
        self = .double(value)
    }
}

extension StructValue: ExpressibleByBooleanLiteral {
    /// `.bool(value)`.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension StructValue: ExpressibleByStringLiteral {
    /// `.bytes` of the literal's UTF-8 encoding, like Python's `b'…'`.
    public init(stringLiteral value: String) {
        self = .bytes(Array(value.utf8))
    }
}

extension StructValue: CustomStringConvertible {
    /// A Python-like rendering for debugging: `5`, `True`, `1.5`, `b'ab\x00'`.
    ///
    /// Exact Python `repr` (shortest float digits, quote choice) is the CLI's job; this is a
    /// readable approximation.
    public var description: String {
        switch self {
        case .int(let value): return "\(value)"
        case .bool(let value): return value ? "True" : "False"
        case .double(let value): return "\(value)"
        case .bytes(let value):
            var text = "b'"
            for byte in value {
                switch byte {
                case 0x5C: text += "\\\\"
                case 0x27: text += "\\'"
                case 0x20...0x7E: text.unicodeScalars.append(Unicode.Scalar(byte))
                default:
                    let hex = String(byte, radix: 16)
                    text += "\\x" + (hex.count == 1 ? "0" : "") + hex
                }
            }
            return text + "'"
        }
    }
}
