/// A stream of `'!I'`-framed payloads and the chunk boundaries it is fed in (W3, W4, encode).
public struct FrameStream: Sendable {
    /// Header + payload, back to back.
    public let stream: [UInt8]
    /// The size of each chunk, in order; they add up to `stream.count`.
    public let chunkSizes: [Int]
    /// Where each payload lies in ``stream``.
    public let payloads: [Range<Int>]
    /// The fold of every payload (see ``FrameChecksum``).
    public let checksum: UInt64

    /// The number of frames.
    public var frames: Int { payloads.count }

    /// Frames of `payloadSizes` with random payload bytes from `generator`, cut by `chunk`.
    static func make(payloadSizes: [Int], generator: inout SplitMix64, chunk: (inout SplitMix64) -> Int) -> FrameStream {
        let total = payloadSizes.reduce(0, +) + 4 * payloadSizes.count
        var stream = [UInt8](repeating: 0, count: total)
        var payloads: [Range<Int>] = []
        payloads.reserveCapacity(payloadSizes.count)
        stream.withUnsafeMutableBytes { out in
            var offset = 0
            for size in payloadSizes {
                out.storeBytes(of: UInt32(size).bigEndian, toByteOffset: offset, as: UInt32.self)
                generator.fill(UnsafeMutableRawBufferPointer(rebasing: out[(offset + 4)..<(offset + 4 + size)]))
                payloads.append((offset + 4)..<(offset + 4 + size))
                offset += 4 + size
            }
        }
        var chunkSizes: [Int] = []
        var remaining = total
        while remaining > 0 {
            let size = min(remaining, chunk(&generator))
            chunkSizes.append(size)
            remaining -= size
        }
        var fold = FrameChecksum()
        stream.withUnsafeBytes { bytes in
            for range in payloads { fold.add(UnsafeRawBufferPointer(rebasing: bytes[range])) }
        }
        return FrameStream(stream: stream, chunkSizes: chunkSizes, payloads: payloads, checksum: fold.value)
    }

    /// W3: payloads of 0 to 256 random bytes until `byteCount` bytes, in chunks of 1 to 4096
    /// bytes (seed 7).
    public static func small(byteCount: Int) -> FrameStream {
        var generator = SplitMix64(seed: 7)
        var sizes: [Int] = []
        var total = 0
        while total < byteCount {
            let size = generator.next(through: 256)
            sizes.append(size)
            total += size + 4
        }
        return make(payloadSizes: sizes, generator: &generator) { 1 + $0.next(through: 4095) }
    }

    /// W4: `frames` payloads of 1 MiB in chunks of 64 KiB (seed 8).
    public static func large(frames: Int) -> FrameStream {
        var generator = SplitMix64(seed: 8)
        return make(payloadSizes: Array(repeating: 1 << 20, count: frames), generator: &generator) { _ in 64 << 10 }
    }
}

/// W9 and W10: one `'!I'` frame with a payload of random bytes (seed 9), fed in chunks of one
/// size (64 KiB, or single bytes), so the chunk plan needs no table.
public struct SingleFrameStream: Sendable {
    /// Header + payload.
    public let stream: [UInt8]
    /// The fold of the payload (see ``FrameChecksum``).
    public let checksum: UInt64

    /// A frame with a `payloadSize`-byte payload.
    public static func make(payloadSize: Int) -> SingleFrameStream {
        var generator = SplitMix64(seed: 9)
        let framed = FrameStream.make(payloadSizes: [payloadSize], generator: &generator) { _ in payloadSize + 4 }
        return SingleFrameStream(stream: framed.stream, checksum: framed.checksum)
    }
}
