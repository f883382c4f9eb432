// The element type of a `pack` call's array literal that holds no byte string, such as
// `[.int(id), 1, 2, .int(length), 0.5]`. Such a literal type-checks as `[_StructScalar]` and
// takes the overloads of Struct+PackScalars.swift; any other (one with `.bytes`, a string
// literal, or a StructValue variable) is a `[StructValue]`. Both pack the same bytes and throw
// the same errors. The difference is the literal's cost: StructValue holds an array in one case,
// so the caller destroys a `[StructValue]` literal element by element after every call (138 of
// W2's 366 instructions per call), while a `[_StructScalar]` literal is trivially destroyed.

/// An element of a `pack` call's array literal without byte strings: `.int`, `.bool` or
/// `.double`, as ``StructValue``'s cases of the same names (integer, float and bool literals
/// work too). Machinery: you write the literal, never this type's name.
public enum _StructScalar: Sendable, Hashable {
    /// A Python `int`.
    case int(StructValue.Integer)
    /// A Python `bool`.
    case bool(Bool)
    /// A Python `float`.
    case double(Double)

    /// `.int` of any integer, clamped to `Int128` as ``StructValue/int(_:)-swift.type.method``.
    @inlinable @_disfavoredOverload
    public static func int(_ value: some BinaryInteger) -> _StructScalar {
        .int(StructValue.Integer(clamping: value))
    }

    /// The same value as a ``StructValue``.
    @inlinable
    var structValue: StructValue {
        switch self {
        case .int(let integer): .int(integer)
        case .bool(let value): .bool(value)
        case .double(let number): .double(number)
        }
    }
}

extension _StructScalar: ExpressibleByIntegerLiteral {
    /// `.int(value)`.
    @inlinable
    public init(integerLiteral value: Int128) {
        self = .int(StructValue.Integer(value))
    }
}

extension _StructScalar: ExpressibleByFloatLiteral {
    /// `.double(value)`.
    @inlinable
    public init(floatLiteral value: Double) {
        self = .double(value)
    }
}

extension _StructScalar: ExpressibleByBooleanLiteral {
    /// `.bool(value)`.
    @inlinable
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

/// What the dynamic pack loop reads from a value: ``StructValue`` and ``_StructScalar``.
@usableFromInline
protocol _DynamicPackElement {
    /// The value when it is an integer, a float or a bool; `nil` for a byte string.
    var scalar: _StructScalar? { get }
    /// `body` on the bytes, when the value is a byte string; `false` otherwise.
    func withPackedBytes(_ body: ([UInt8]) -> Void) -> Bool
    /// The value as a ``StructValue``, for the general path.
    var structValue: StructValue { get }
}

extension _DynamicPackElement {
    /// The integer, when the value is one.
    @inlinable @inline(__always)
    var packedInteger: StructValue.Integer? {
        if case .int(let integer)? = scalar { integer } else { nil }
    }

    /// The flag, when the value is a bool.
    @inlinable @inline(__always)
    var packedBool: Bool? {
        if case .bool(let flag)? = scalar { flag } else { nil }
    }

    /// The number, when the value is a float.
    @inlinable @inline(__always)
    var packedDouble: Double? {
        if case .double(let number)? = scalar { number } else { nil }
    }
}

extension StructValue: _DynamicPackElement {
    @inlinable @inline(__always)
    var scalar: _StructScalar? {
        switch self {
        case .int(let integer): .int(integer)
        case .bool(let flag): .bool(flag)
        case .double(let number): .double(number)
        case .bytes: nil
        }
    }

    @inlinable @inline(__always)
    func withPackedBytes(_ body: ([UInt8]) -> Void) -> Bool {
        guard case .bytes(let bytes) = self else { return false }
        body(bytes)
        return true
    }

    @inlinable @inline(__always)
    var structValue: StructValue { self }
}

extension _StructScalar: _DynamicPackElement {
    @inlinable @inline(__always)
    var scalar: _StructScalar? { self }

    @inlinable @inline(__always)
    func withPackedBytes(_ body: ([UInt8]) -> Void) -> Bool { false }
}
