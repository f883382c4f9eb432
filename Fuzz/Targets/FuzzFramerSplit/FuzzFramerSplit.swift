import StreamFramer
import StructPack

/// Target 3, framer split invariance: fuzzer bytes give a framing (``SplitFraming``: a built-in
/// one from ``FramingBuilder``, or a custom cutter, HTTP/2, MQTT or WebSocket, through the public
/// `FrameCutter` protocol; over-long frames failing or discarded), chunk boundaries and a stream.
///
/// The stream is fed once whole to the framing's own framer, and once in the fuzzer's chunks
/// (through `append` or `appendWithUnsafeMutableBytes`, to the framer or to the run-time
/// `Framer`), draining `next()` after every chunk and calling `finish()` at the end. Checks:
/// - the whole run gives what ``ReferenceFramer``, a model of SPEC.md chapter 3, gives: the
///   same frames and the same errors with the specification's messages;
/// - both runs give exactly the same events: the same frames (bytes, payload, header,
///   delimiter), the same errors (code, message, byte counts) in the same order, and the same
///   end (SPEC.md §3: "feeding a stream whole, byte by byte or in any other chunks yields the
///   same frames, then the same error");
/// - after an error that fails the framer, `next()` and `finish()` throw it again and appended
///   bytes are discarded (§3.1);
/// - memory (§3.2): after every drained append, `bufferedByteCount < M` (M the longest wire
///   frame; at most `L - 1` while a delimiter framer discards, 0 once failed), and
///   `capacity` and `peakCapacity` ≤ M + largest chunk + 4096 and ≤ max(32 KiB, 2 × the most
///   bytes buffered at once) + largest chunk + 4096; delimiter scans examine each
///   byte at most once (`bytesScanned` ≤ `bytesAppended`);
/// - every frame returned stays unchanged while held, across later appends and compactions.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFramerSplit(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzInput(UnsafeRawBufferPointer(start: data, count: count))
    let framing: SplitFraming
    switch SplitFraming.build(&input) {
    case .success(let built): framing = built
    case .failure(let error):
        invariant(error.code == .invalidConfiguration, "configuration error with code \(error.code)")
        return 0
    }
    // Chunk plan: a list of sizes (0 included), cycled over the stream; a mode per chunk.
    let plan = (0..<input.int(in: 1...8)).map { _ in input.byte() }
    let holdsFrames = input.bool()
    let useRuntimeFramer = input.bool()
    let stream = input.rest()

    let whole = Feed.run(framing, stream: stream, chunks: [stream.count], plan: [0], holdsFrames: false, runtime: false)
    let reference = ReferenceFramer.events(framing, stream)
    invariant(
        whole.events.map(\.withoutCounts) == reference,
        "\(framing): stream \(hex(stream)):\nframer    \(whole.events)\nreference \(reference)")
    // Sizes 0...63; an empty chunk is followed by a one-byte chunk, so the plan always advances.
    var chunks: [Int] = []
    var offset = 0
    var step = 0
    while offset < stream.count {
        var size = min(Int(plan[step % plan.count] & 0x3F), stream.count - offset)
        if size == 0 {
            chunks.append(0)
            size = 1
        }
        chunks.append(size)
        offset += size
        step += 1
    }
    let chunked = Feed.run(
        framing, stream: stream, chunks: chunks, plan: plan, holdsFrames: holdsFrames, runtime: useRuntimeFramer)
    // A run that drained some chunk with forEachFrame saw its frames but not its discard reports:
    // compare those, and the number of discards.
    invariant(
        chunked.usedForEach
            ? whole.framesAndErrors == chunked.framesAndErrors && whole.framesDiscarded == chunked.framesDiscarded
            : whole.events == chunked.events,
        "\(framing): stream \(hex(stream)) in chunks \(chunks):\nwhole   \(whole.events)\nchunked \(chunked.events)")
    return 0
}
