/// An integer of any size, as Python's `int` holds it: the value of an integer literal such as
/// `-0x1_0000_0000_0000_0000_0000_0000_0000_0000`.
///
/// `StructValue.int` holds an `Int128`, which covers every value any integer code accepts; a
/// literal beyond it still has a meaning (`?` packs it as true, `d` packs its nearest double),
/// so the literal keeps its exact magnitude until the format code it goes to is known.
public struct PythonInteger: Sendable, Hashable {
    /// Whether the value is below zero (never true for zero).
    public let isNegative: Bool
    /// The magnitude in base 2^64, least significant limb first, without leading zero limbs
    /// (zero has no limbs).
    let limbs: [UInt64]

    /// Creates an integer from a sign and a magnitude's limbs, dropping leading zero limbs.
    init(isNegative: Bool, limbs: [UInt64]) {
        var limbs = limbs
        while limbs.last == 0 { limbs.removeLast() }
        self.limbs = limbs
        self.isNegative = isNegative && !limbs.isEmpty
    }

    /// The integer `value`.
    public init(_ value: Int128) {
        let magnitude = value.magnitude
        self.init(
            isNegative: value < 0,
            limbs: [UInt64(truncatingIfNeeded: magnitude), UInt64(truncatingIfNeeded: magnitude >> 64)])
    }

    /// Whether the value is zero.
    public var isZero: Bool { limbs.isEmpty }

    /// The value, or `nil` when it lies outside `Int128`.
    public var exactInt128: Int128? {
        guard limbs.count <= 2 else { return nil }
        let low = UInt128(limbs.first ?? 0)
        let high = UInt128(limbs.count == 2 ? limbs[1] : 0)
        let magnitude = high << 64 | low
        if isNegative {
            // -2^127 is the one negative value whose magnitude is not an Int128.
            if magnitude == UInt128(1) << 127 { return .min }
            return Int128(exactly: magnitude).map { -$0 }
        }
        return Int128(exactly: magnitude)
    }

    /// The value clamped to `Int128.min ... Int128.max`: every integer code rejects a clamped
    /// value exactly as it rejects the original, with the same range message.
    public var clampedInt128: Int128 {
        exactInt128 ?? (isNegative ? .min : .max)
    }

    /// The number of bits of the magnitude (0 for zero).
    var magnitudeBitWidth: Int {
        guard let top = limbs.last else { return 0 }
        return (limbs.count - 1) * 64 + (64 - top.leadingZeroBitCount)
    }

    /// The nearest `Double`, ties to even, as Python's `float(int)` rounds; infinite when the
    /// rounded value exceeds `Double.greatestFiniteMagnitude` (where Python raises
    /// `OverflowError`).
    ///
    /// - Complexity: O(*n*) in the number of limbs.
    public var nearestDouble: Double {
        let width = magnitudeBitWidth
        let magnitude: Double
        if width <= 64 {
            // Integer-to-floating conversion rounds to nearest, ties to even.
            magnitude = Double(limbs.first ?? 0)
        } else {
            // Keep the top 64 bits and fold every lower bit into a sticky bit 0. A Double keeps
            // 53 bits, so bit 0 lies strictly below the rounding position and the sticky bit
            // decides ties exactly as the full magnitude would.
            let shift = width - 64
            let top = bits(from: shift, count: 64)
            let sticky: UInt64 = hasNonzeroBit(below: shift) ? 1 : 0
            let rounded = Double(top | sticky)
            // Scaling by a power of two is exact unless it overflows, which gives infinity.
            magnitude = Double(sign: .plus, exponent: shift, significand: rounded)
        }
        return isNegative ? -magnitude : magnitude
    }

    /// `count` (at most 64) bits of the magnitude starting at bit `start`.
    private func bits(from start: Int, count: Int) -> UInt64 {
        let limb = start / 64
        let offset = start % 64
        let low = limb < limbs.count ? limbs[limb] >> UInt64(offset) : 0
        let high: UInt64 =
            offset == 0 || limb + 1 >= limbs.count ? 0 : limbs[limb + 1] << UInt64(64 - offset)
        let value = low | high
        return count == 64 ? value : value & ((1 << UInt64(count)) - 1)
    }

    /// Whether any bit of the magnitude below bit `position` is set.
    private func hasNonzeroBit(below position: Int) -> Bool {
        let wholeLimbs = position / 64
        if limbs.prefix(wholeLimbs).contains(where: { $0 != 0 }) { return true }
        let remaining = position % 64
        guard remaining > 0, wholeLimbs < limbs.count else { return false }
        return limbs[wholeLimbs] & ((1 << UInt64(remaining)) - 1) != 0
    }
}

extension PythonInteger {
    /// Builds an integer from digit values in `radix` (2, 8, 10 or 16), most significant first.
    ///
    /// - Parameters:
    ///   - digits: Digit values, each below `radix`.
    ///   - radix: The base.
    ///   - isNegative: Whether a minus sign preceded the digits.
    /// - Complexity: O(*n*²/*k*) for *n* digits, *k* digits being folded in per pass (15 to 63).
    init(digits: [UInt8], radix: UInt64, isNegative: Bool) {
        // The most digits whose value fits in a UInt64 limb multiplier: radix^perChunk < 2^64.
        let perChunk: Int
        switch radix {
        case 2: perChunk = 63
        case 8: perChunk = 21
        case 16: perChunk = 15
        default: perChunk = 19
        }
        var limbs: [UInt64] = []
        var index = 0
        while index < digits.count {
            let end = min(index + perChunk, digits.count)
            var chunk: UInt64 = 0
            var multiplier: UInt64 = 1
            for digit in digits[index..<end] {
                chunk = chunk * radix + UInt64(digit)
                multiplier *= radix
            }
            Self.multiply(&limbs, by: multiplier, adding: chunk)
            index = end
        }
        self.init(isNegative: isNegative, limbs: limbs)
    }

    /// `limbs = limbs * multiplier + addend`.
    private static func multiply(_ limbs: inout [UInt64], by multiplier: UInt64, adding addend: UInt64) {
        var carry = addend
        for index in limbs.indices {
            let (high, low) = limbs[index].multipliedFullWidth(by: multiplier)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            limbs[index] = sum
            // high <= multiplier - 1 < 2^64 - 1, so adding the overflow bit cannot wrap.
            carry = high &+ (overflow ? 1 : 0)
        }
        if carry != 0 { limbs.append(carry) }
    }
}
