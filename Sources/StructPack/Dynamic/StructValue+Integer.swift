// The payload of StructValue.int: a Python int in the range of Int128, kept in two 64-bit words
// so that StructValue is 8-byte aligned. An array literal of 8-byte-aligned values written in a
// `pack` call lives on the caller's stack; with an Int128 payload (16-byte aligned) the same
// literal was a heap allocation on every call.

extension StructValue {
    /// A Python `int` as ``StructValue/int(_:)-enum.case`` holds it: any `Int128`, which covers
    /// every value an integer code can produce or accept.
    ///
    /// ```swift
    /// let value: StructValue = .int(UInt32(7))   // from any integer type
    /// if case .int(let integer) = value { print(integer.value + 1) }   // 8
    /// ```
    public struct Integer: Sendable, Hashable, Comparable, ExpressibleByIntegerLiteral, CustomStringConvertible {
        /// The value's low 64 bits.
        @usableFromInline var low: UInt64
        /// The value's high 64 bits, with its sign.
        @usableFromInline var high: Int64

        /// The integer `value`.
        @inlinable
        public init(_ value: Int128) {
            low = UInt64(truncatingIfNeeded: value)
            high = Int64(truncatingIfNeeded: value >> 64)
        }

        /// `value`, or the nearest `Int128` when it lies outside that range. Such a value is out
        /// of range for every integer code, and packing it throws the same error either way.
        @inlinable
        public init(clamping value: some BinaryInteger) {
            self.init(Int128(clamping: value))
        }

        /// The integer `value`: any literal in `Int128`'s range, `18446744073709551615` included.
        @inlinable
        public init(integerLiteral value: Int128) {
            self.init(value)
        }

        /// An unsigned 64-bit `value`, without a trip through `Int128`.
        @inlinable
        init(unsigned value: UInt64) {
            low = value
            high = 0
        }

        /// A signed 64-bit `value`, without a trip through `Int128`.
        @inlinable
        init(signed value: Int64) {
            low = UInt64(bitPattern: value)
            high = value >> 63
        }

        /// The integer.
        @inlinable
        public var value: Int128 {
            Int128(high) << 64 | Int128(low)
        }

        /// The value when it fits in `UInt64`.
        @inlinable
        var exactUInt64: UInt64? {
            high == 0 ? low : nil
        }

        /// The value when it fits in `Int64`.
        @inlinable
        var exactInt64: Int64? {
            let signed = Int64(bitPattern: low)
            return high == signed >> 63 ? signed : nil
        }

        /// Orders by value.
        @inlinable
        public static func < (lhs: Integer, rhs: Integer) -> Bool {
            (lhs.high, lhs.low) < (rhs.high, rhs.low)
        }

        /// The value in decimal, as Python prints it.
        public var description: String {
            value.description
        }
    }

    /// `.int` of any integer; a value outside `Int128`'s range is clamped to it (out of range
    /// for every integer code either way, with the same error from `pack`).
    ///
    /// ```swift
    /// try Struct("<IH").pack([.int(id), .int(flags)])   // id: UInt32, flags: UInt16
    /// ```
    @inlinable @_disfavoredOverload  // a literal is the case's Integer, so Int128 literals work
    public static func int(_ value: some BinaryInteger) -> StructValue {
        .int(Integer(clamping: value))
    }
}
