import StreamFramer
import StructPack

/// What a framer did with a stream, event by event.
enum FramingEvent: Equatable, CustomStringConvertible {
    /// A frame: its delivered bytes, payload, header and delimiter.
    case frame(bytes: [UInt8], payload: [UInt8], header: [UInt8], delimiter: [UInt8])
    /// A frame discarded for being too long (discard mode): its claimed length and header.
    case discarded(length: Int128, header: [UInt8])
    /// An error from `next()` or `finish()`, with everything it carries.
    case error(code: FramingError.Code, message: String, buffered: Int?, expected: Int?)
    /// `finish()` returned `nil`: a clean end.
    case end

    init(_ frame: Frame) {
        self = .frame(
            bytes: Array(frame.bytes), payload: Array(frame.payload), header: Array(frame.header),
            delimiter: Array(frame.delimiter))
    }

    init(_ error: FramingError) {
        self = .error(
            code: error.code, message: error.message, buffered: error.bufferedByteCount,
            expected: error.expectedByteCount)
    }

    var description: String {
        switch self {
        case .frame(let bytes, _, let header, let delimiter): "frame(\(hex(bytes)) h:\(hex(header)) d:\(hex(delimiter)))"
        case .discarded(let length, let header): "discarded(\(length) h:\(hex(header)))"
        case .error(let code, let message, _, _): "error(\(code): \(message))"
        case .end: "end"
        }
    }
}

/// Feeds a stream to a framer in given chunks and records what happens, checking the framer
/// contract and the memory bound at every step.
struct Feed {
    /// The events, in order.
    var events: [FramingEvent] = []
    /// Whether some chunk was drained with `forEachFrame`, which hands over frames only (its
    /// discards are counted in `statistics`, not recorded).
    var usedForEach = false
    /// `statistics.framesDiscarded` at the end.
    var framesDiscarded = 0

    /// The events without discard reports, to compare a run that used `forEachFrame`.
    var framesAndErrors: [FramingEvent] {
        events.filter { if case .discarded = $0 { false } else { true } }
    }

    /// Feeds `stream` cut into `chunks` (sizes adding up to the stream's length); `plan` picks,
    /// per chunk, `append` or `appendWithUnsafeMutableBytes`.
    static func run(
        _ split: SplitFraming, stream: [UInt8], chunks: [Int], plan: [UInt8], holdsFrames: Bool, runtime: Bool
    ) -> Feed {
        let framing: Framing
        switch split {
        case .builtIn(let builtIn): framing = builtIn
        case .http2(let cutter):
            var framer = FramingEngine(cutter)
            return run(&framer, split, stream, chunks, plan, holdsFrames)
        case .mqtt(let cutter):
            var framer = FramingEngine(cutter)
            return run(&framer, split, stream, chunks, plan, holdsFrames)
        case .webSocket(let cutter):
            var framer = FramingEngine(cutter)
            return run(&framer, split, stream, chunks, plan, holdsFrames)
        }
        switch framing {
        case .lengthField(let options) where !runtime:
            var framer = LengthFieldFramer(options)
            return run(&framer, split, stream, chunks, plan, holdsFrames)
        case .delimiter(let options) where !runtime:
            var framer = DelimiterFramer(options)
            return run(&framer, split, stream, chunks, plan, holdsFrames)
        case .fixedLength(let options) where !runtime:
            var framer = FixedLengthFramer(options)
            return run(&framer, split, stream, chunks, plan, holdsFrames)
        case .varint(let options) where !runtime:
            var framer = VarintFramer(options)
            return run(&framer, split, stream, chunks, plan, holdsFrames)
        default:
            var framer = Framer(framing)
            return run(&framer, split, stream, chunks, plan, holdsFrames)
        }
    }

    private static func run<C: FrameCutter>(
        _ framer: inout FramingEngine<C>, _ framing: SplitFraming, _ stream: [UInt8], _ chunks: [Int], _ plan: [UInt8],
        _ holdsFrames: Bool
    ) -> Feed {
        var feed = Feed()
        var checker = FramerChecker(framing: framing)
        var held: [(Frame, FramingEvent)] = []
        var offset = 0
        var failed = false
        stream.withUnsafeBytes { bytes in
            for (index, size) in chunks.enumerated() where !failed {
                let chunk = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + size)])
                offset += size
                let mode = plan[index % plan.count]
                if mode & 0x40 != 0 {
                    // Straight into the buffer, offering a little more room than is written.
                    let offered = size + Int(mode >> 7)
                    checker.noteChunk(offered)
                    let written = framer.appendWithUnsafeMutableBytes(maximumByteCount: offered) { target in
                        invariant(target.count == offered, "offered \(target.count) bytes, asked \(offered)")
                        if size > 0 { target.baseAddress!.copyMemory(from: chunk.baseAddress!, byteCount: size) }
                        return size
                    }
                    invariant(written == size, "appendWithUnsafeMutableBytes appended \(written) of \(size)")
                } else {
                    checker.noteChunk(size)
                    framer.append(chunk)
                }
                checker.noteBuffered(framer.bufferedByteCount)
                // Drain with forEachFrame when bits 7 and 5 of the mode differ (both have other
                // uses, so every size and write mode meets both drains).
                let forEach = ((mode >> 7) ^ (mode >> 5)) & 1 == 1
                feed.usedForEach = feed.usedForEach || forEach
                failed =
                    forEach
                    ? drainWithForEach(&framer, &feed, &checker, &held, holdsFrames)
                    : drain(&framer, &feed, &checker, &held, holdsFrames, finishing: false)
                checker.checkBounds(framer, failed: failed)
            }
        }
        if !failed { _ = drain(&framer, &feed, &checker, &held, holdsFrames, finishing: true) }
        feed.framesDiscarded = framer.statistics.framesDiscarded
        for (frame, event) in held {
            invariant(FramingEvent(frame) == event, "a held frame changed: was \(event), now \(FramingEvent(frame))")
        }
        return feed
    }

    /// Drains with `forEachFrame(_:)`, which must hand over exactly the frames and errors the
    /// `next()` loop of ``drain(_:_:_:_:_:finishing:)`` gives; returns whether the framer failed.
    private static func drainWithForEach<C: FrameCutter>(
        _ framer: inout FramingEngine<C>, _ feed: inout Feed, _ checker: inout FramerChecker, _ held: inout [(Frame, FramingEvent)],
        _ holdsFrames: Bool
    ) -> Bool {
        var calls = 0
        while true {
            calls += 1
            invariant(calls < 1_000_000, "\(checker.framing): forEachFrame does not settle")
            do {
                try framer.forEachFrame { frame in record(frame, &feed, &held, holdsFrames) }
                return false
            } catch let error as FramingError {
                if recordError(error, &framer, &feed, &checker, finishing: false) { return true }
            } catch {
                invariant(false, "forEachFrame threw \(error), not a FramingError")
                return true
            }
        }
    }

    /// Calls `nextEvent()` (or `finish()`) until it returns `nil` or the framer fails; returns
    /// whether it failed.
    private static func drain<C: FrameCutter>(
        _ framer: inout FramingEngine<C>, _ feed: inout Feed, _ checker: inout FramerChecker, _ held: inout [(Frame, FramingEvent)],
        _ holdsFrames: Bool, finishing: Bool
    ) -> Bool {
        var calls = 0
        while true {
            calls += 1
            invariant(calls < 1_000_000, "\(checker.framing): next() does not settle")
            do {
                let event = try finishing ? framer.finish().map(StreamFramer.FramingEvent.frame) : framer.nextEvent()
                switch event {
                case nil:
                    if finishing {
                        feed.events.append(.end)
                        invariant(framer.bufferedByteCount == 0, "finish() returned nil with bytes buffered")
                    }
                    return false
                case .frame(let frame)?:
                    record(frame, &feed, &held, holdsFrames)
                case .discarded(let discarded)?:
                    feed.events.append(.discarded(length: discarded.claimedLength, header: Array(discarded.header)))
                }
            } catch {
                if recordError(error, &framer, &feed, &checker, finishing: finishing) { return true }
            }
        }
    }

    /// Records a delivered frame, and keeps it when the case holds frames.
    private static func record(
        _ frame: Frame, _ feed: inout Feed, _ held: inout [(Frame, FramingEvent)], _ holdsFrames: Bool
    ) {
        let event = FramingEvent(frame)
        feed.events.append(event)
        if holdsFrames { held.append((frame, event)) }
    }

    /// Records an error and checks the state it leaves the framer in (SPEC §3.1); returns
    /// whether the framer failed.
    private static func recordError<C: FrameCutter>(
        _ error: FramingError, _ framer: inout FramingEngine<C>, _ feed: inout Feed, _ checker: inout FramerChecker, finishing: Bool
    ) -> Bool {
        feed.events.append(FramingEvent(error))
        let failed = checker.isFailed(&framer)
        checker.checkStickiness(error, failed: failed, finishing: finishing)
        if failed { checker.checkFailed(&framer, error) }
        return failed
    }
}
