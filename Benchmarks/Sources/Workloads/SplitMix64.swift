/// SplitMix64: a tiny, fast, fully specified generator, so every input is the same on every
/// machine and in every language that reads the written inputs.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    var state: UInt64

    /// A generator from a fixed seed.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0...upperBound`, from one draw (the modulo bias does not matter here).
    public mutating func next(through upperBound: Int) -> Int {
        Int(next() % UInt64(upperBound + 1))
    }

    /// Fills `buffer` with random bytes, eight per draw.
    public mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        var offset = 0
        while offset + 8 <= buffer.count {
            buffer.storeBytes(of: next(), toByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        if offset < buffer.count {
            var last = next()
            while offset < buffer.count {
                buffer[offset] = UInt8(truncatingIfNeeded: last)
                last >>= 8
                offset += 1
            }
        }
    }
}
