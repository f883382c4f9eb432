import StreamFramer

// Every file of this target uses TestSupport's SplitMix64; re-exported here so they need no
// import of their own.
@_exported import TestSupport

/// How a stream is cut into chunks before it is appended.
enum Chunking: CustomStringConvertible, Sendable {
    case whole
    case bytes
    case random(seed: UInt64, maximum: Int)
    case sizes([Int])

    func chunkSizes(total: Int) -> [Int] {
        switch self {
        case .whole: return total == 0 ? [] : [total]
        case .bytes: return Array(repeating: 1, count: total)
        case .sizes(let sizes): return sizes
        case .random(let seed, let maximum):
            var generator = SplitMix64(seed: seed)
            var sizes: [Int] = []
            var remaining = total
            while remaining > 0 {
                let size = min(remaining, Int.random(in: 1...maximum, using: &generator))
                sizes.append(size)
                remaining -= size
            }
            return sizes
        }
    }

    var description: String {
        switch self {
        case .whole: "whole"
        case .bytes: "byte by byte"
        case .random(let seed, let maximum): "random chunks 1...\(maximum) (seed \(seed))"
        case .sizes(let sizes): "chunks \(sizes)"
        }
    }
}

/// What a framer made of a whole stream: the delivered frames, then the error that stopped it.
struct Outcome: Equatable, CustomStringConvertible {
    var frames: [[UInt8]] = []
    var error: FramingError?

    var description: String {
        "frames \(frames.map { $0.count <= 16 ? "\($0)" : "<\($0.count) bytes>" }), error \(error?.message ?? "none")"
    }
}

/// Feeds `stream` to `framer` chunk by chunk, draining after each append, then finishes the
/// stream (unless `finish` is false). Stops at the first error, as a caller would.
func run<D: FrameDecoder & ~Copyable>(
    _ framer: inout D, _ stream: [UInt8], _ chunking: Chunking = .whole, finish: Bool = true,
    part: (Frame) -> FrameBytes = { $0.bytes }
) -> Outcome {
    var outcome = Outcome()
    var offset = 0
    do {
        for size in chunking.chunkSizes(total: stream.count) {
            framer.append(stream[offset..<(offset + size)])
            offset += size
            while let frame = try framer.next() { outcome.frames.append(Array(part(frame))) }
        }
        if finish {
            while let frame = try framer.finish() { outcome.frames.append(Array(part(frame))) }
        }
    } catch {
        outcome.error = error
    }
    return outcome
}

/// Runs a fresh framer from `configuration` over `stream`.
func run<D: FrameDecoder & ~Copyable>(
    _ type: D.Type, _ configuration: D.Configuration, _ stream: [UInt8], _ chunking: Chunking = .whole,
    finish: Bool = true
) -> Outcome {
    var framer = D(configuration)
    return run(&framer, stream, chunking, finish: finish)
}

/// The chunkings every split-invariance check uses.
let allChunkings: [Chunking] = [
    .whole, .bytes, .random(seed: 1, maximum: 3), .random(seed: 2, maximum: 17), .random(seed: 3, maximum: 300),
    .random(seed: 4, maximum: 4096),
]

extension Array where Element == UInt8 {
    /// The UTF-8 bytes of `text`.
    init(utf8 text: String) {
        self = Array(text.utf8)
    }

    /// Deterministic pseudo-random bytes.
    static func random(count: Int, seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) where bytes.count < count {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return bytes
    }
}
