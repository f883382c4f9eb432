/// Conversions between `Double` and IEEE 754 binary16 bits with CPython 3.13's rules, done in
/// integer arithmetic so the result never depends on the platform's `Float16` support.
@usableFromInline
enum HalfFloat {
    /// The binary16 bits nearest to `value` (ties to even), or `nil` when a finite value
    /// rounds past the largest finite half (65504).
    ///
    /// Infinities keep their sign; a NaN becomes the quiet NaN `0x7E00` with the input's sign
    /// bit (CPython 3.13 drops NaN payloads for `e`).
    @inlinable
    static func bits(from value: Double) -> UInt16? {
        let bits = value.bitPattern
        let sign = UInt16(truncatingIfNeeded: bits >> 48) & 0x8000
        if value.isNaN { return sign | 0x7E00 }
        if value.isInfinite { return sign | 0x7C00 }

        let magnitude = bits & 0x7FFF_FFFF_FFFF_FFFF
        let exponent = Int(magnitude >> 52) - 1023
        if exponent >= 16 { return nil }
        // Below 2^-25, half of the smallest subnormal, everything rounds to zero (this also
        // covers zero and double subnormals).
        if exponent < -25 { return sign }

        let significand = (magnitude & 0x000F_FFFF_FFFF_FFFF) | (1 << 52)
        // Units of the result: 2^(exponent - 10) for normal halves, 2^-24 for subnormals.
        let shift = UInt64(42 + (max(exponent, -14) - exponent))
        var units = significand >> shift
        let remainder = significand & ((1 << shift) - 1)
        let halfway: UInt64 = 1 << (shift - 1)
        if remainder > halfway || (remainder == halfway && units & 1 == 1) {
            units += 1
        }

        guard exponent >= -14 else {
            // Subnormal; a carry to 1024 lands exactly on the smallest normal's bits.
            return sign | UInt16(units)
        }
        var biasedExponent = exponent + 15
        if units == 2048 {
            units = 1024
            biasedExponent += 1
        }
        if biasedExponent >= 31 { return nil }
        return sign | UInt16(biasedExponent << 10) | UInt16(units - 1024)
    }

    /// The exact `Double` value of binary16 `bits`; NaNs become the default quiet NaN with the
    /// input's sign (CPython 3.13 drops NaN payloads for `e`).
    @inlinable
    static func double(fromBits bits: UInt16) -> Double {
        let negative = bits & 0x8000 != 0
        let exponent = Int((bits >> 10) & 0x1F)
        let fraction = Int(bits & 0x3FF)
        let magnitude: Double
        switch exponent {
        case 0x1F:
            magnitude = fraction == 0 ? .infinity : .nan
        case 0:
            magnitude = Double(fraction) * 0x1p-24
        default:
            magnitude = Double(fraction | 0x400) * Double(sign: .plus, exponent: exponent - 25, significand: 1)
        }
        return negative ? -magnitude : magnitude
    }
}
