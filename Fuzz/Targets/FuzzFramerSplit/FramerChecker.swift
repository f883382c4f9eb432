import StreamFramer
import StructPack

/// The framer contract's checks that do not depend on chunking: the failed state (SPEC.md
/// §3.1) and the memory and scanning bounds (§3.2).
struct FramerChecker {
    let framing: SplitFraming
    /// M: the longest wire frame.
    let longestWireFrame: Int
    /// The largest chunk (or `maximumByteCount` offered) so far.
    private(set) var largestChunk = 0
    /// The most bytes buffered at once so far (H in SPEC.md §3.2), sampled after each append.
    private(set) var mostBuffered = 0

    init(framing: SplitFraming) {
        self.framing = framing
        self.longestWireFrame = framing.longestWireFrame
    }

    mutating func noteChunk(_ size: Int) {
        largestChunk = max(largestChunk, size)
    }

    mutating func noteBuffered(_ count: Int) {
        mostBuffered = max(mostBuffered, count)
    }

    /// Whether the framer is failed, asked the one way the API shows it: a failed framer offers
    /// `appendWithUnsafeMutableBytes` an empty buffer (nothing is written either way).
    mutating func isFailed<D: FrameDecoder & ~Copyable>(_ framer: inout D) -> Bool {
        noteChunk(1)
        var offered = -1
        _ = framer.appendWithUnsafeMutableBytes(maximumByteCount: 1) { target in
            offered = target.count
            return 0
        }
        invariant(offered == 0 || offered == 1, "\(framing): offered \(offered) bytes for 1")
        return offered == 0
    }

    /// SPEC.md §3.1: every error fails the framer, except a delimiter framer's over-long frame
    /// under `.skipToNextDelimiter` found by `next()`, which is thrown once. (At the end of the
    /// stream an over-long final frame fails it, so there either may happen.)
    func checkStickiness(_ error: FramingError, failed: Bool, finishing: Bool) {
        let mayContinue = framing.mayContinue(after: error)
        if !mayContinue {
            invariant(failed, "\(framing): error \(error) did not fail the framer")
        } else if !finishing {
            invariant(!failed, "\(framing): skipped over-long frame \(error) failed the framer")
        }
    }

    /// A failed framer throws the same error again, discards appended bytes and holds nothing.
    func checkFailed<D: FrameDecoder & ~Copyable>(_ framer: inout D, _ error: FramingError) {
        invariant(framer.bufferedByteCount == 0, "\(framing): failed framer holds \(framer.bufferedByteCount) bytes")
        framer.append([1, 2, 3])
        let offered = framer.appendWithUnsafeMutableBytes(maximumByteCount: 16) { target in
            invariant(target.count == 0, "\(framing): failed framer offered \(target.count) bytes")
            return 0
        }
        invariant(offered == 0 && framer.bufferedByteCount == 0, "\(framing): failed framer took bytes")
        for call in 0..<2 {
            do {
                _ = try call == 0 ? framer.next() : framer.finish()
                invariantFailure("\(framing): failed framer's \(call == 0 ? "next" : "finish")() did not throw")
            } catch let again {
                invariant(again == error, "\(framing): failed framer threw \(again) after \(error)")
            }
        }
    }

    /// The bounds of SPEC.md §3.2 after a drained append.
    func checkBounds<D: FrameDecoder & ~Copyable>(_ framer: borrowing D, failed: Bool) {
        let statistics = framer.statistics
        let buffered = framer.bufferedByteCount
        let limit = longestWireFrame + largestChunk + 4096
        invariant(
            statistics.capacity <= limit && statistics.peakCapacity <= limit,
            "\(framing): capacity \(statistics.capacity), peak \(statistics.peakCapacity) over M + chunk + 4096 = \(limit)")
        // Memory follows the bytes received, whatever a header claims: max(E, 2H) + chunk + K.
        let received = max(32 << 10, 2 * mostBuffered) + largestChunk + 4096
        invariant(
            statistics.peakCapacity <= received,
            "\(framing): peak capacity \(statistics.peakCapacity) over max(E, 2 × \(mostBuffered)) + chunk + 4096 = \(received)")
        if failed {
            invariant(buffered == 0, "\(framing): failed framer buffers \(buffered) bytes")
        } else {
            invariant(
                buffered < max(longestWireFrame, 1),
                "\(framing): \(buffered) bytes buffered after draining; M = \(longestWireFrame)")
        }
        invariant(
            statistics.bytesScanned <= statistics.bytesAppended,
            "\(framing): scanned \(statistics.bytesScanned) of \(statistics.bytesAppended) bytes appended")
    }
}
