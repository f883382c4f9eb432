import StreamFramer

/// Chunk sizes that cut `total` bytes whole, byte by byte, and in pseudo-random pieces.
func chunkings(total: Int) -> [[Int]] {
    var plans: [[Int]] = [[total], Array(repeating: 1, count: total)]
    for seed in 1...6 {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15
        var sizes: [Int] = []
        var remaining = total
        while remaining > 0 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let size = min(remaining, Int(state >> 60) + 1)
            sizes.append(size)
            remaining -= size
        }
        plans.append(sizes)
    }
    return plans
}

/// What a framer made of a stream: frames (header + payload, as hex) and discard reports, in
/// order, then the error that stopped it, if any.
struct Events: Equatable, CustomStringConvertible {
    var items: [String] = []
    var error: FramingError?

    var description: String { "\(items) \(error?.message ?? "no error")" }
}

/// Feeds `stream` to a new framer of `cutter` in `chunks`, draining `nextEvent()` after each
/// append, then finishes it.
func events<C: FrameCutter>(_ cutter: C, _ stream: [UInt8], chunks: [Int]) -> Events where C.Configuration == C {
    var framer = FramingEngine(cutter)
    var events = Events()
    var offset = 0
    do {
        for size in chunks {
            framer.append(stream[offset..<(offset + size)])
            offset += size
            while let event = try framer.nextEvent() {
                switch event {
                case .frame(let frame): events.items.append("\(frame.header.hex)|\(frame.payload.hex)")
                case .discarded(let discarded): events.items.append("discarded \(discarded.claimedLength) \(discarded.header.hex)")
                }
            }
        }
        while let frame = try framer.finish() { events.items.append("\(frame.header.hex)|\(frame.payload.hex)") }
    } catch {
        events.error = error
    }
    return events
}

extension Array where Element == UInt8 {
    /// Bytes from hex digits, spaces ignored: `"00 00 04"`.
    init(hex: String) {
        let digits = Array(hex.utf8.filter { $0 != 0x20 })
        self = stride(from: 0, to: digits.count, by: 2).map { index in
            UInt8(String(decoding: digits[index..<(index + 2)], as: UTF8.self), radix: 16) ?? 0
        }
    }
}
