// The engine's rarer paths, out of line so that `next()` stays small where it is inlined: the
// answers other than a frame, failing, and the end of the stream.

extension FramingEngine {
    /// `next()` with fewer bytes than awaited: `nil`, after releasing an idle buffer's storage
    /// (SPEC §3.2); or the error that failed the framer, again.
    ///
    /// - Throws: the framer's failure.
    @inlinable
    mutating func nothingToCut(_ count: Int) throws(FramingError) -> Frame? {
        if count == 0 {
            if let failure { throw failure }
            buffer.releaseIfIdle()
        }
        return nil
    }

    /// An answer other than a frame: whether to ask the cutter again at once (after a skip, or
    /// a discard that is not reported).
    ///
    /// - Throws: ``FramingError/Code/invalidCut`` for an answer that breaks the protocol.
    @inlinable
    mutating func settle(_ answer: FrameCut, buffered: Int, reportingDiscards: Bool) throws(FramingError) -> Bool {
        switch answer {
        case .frame:
            return false
        case .needMore(let byteCount):
            try awaitBytes(byteCount, buffered: buffered)
            return false
        case .skip(let byteCount):
            try skip(byteCount, buffered: buffered)
            return true
        case .discard(let headerLength, let payloadLength):
            try discard(headerLength: headerLength, payloadLength: payloadLength, buffered: buffered)
            if reportingDiscards { return false }
            pendingDiscard = nil
            return true
        }
    }

    /// A `.needMore(byteCount)` answer: wait until `buffered + byteCount` bytes are buffered.
    ///
    /// - Throws: ``FramingError/Code/invalidCut`` for a count below 1, or one that the maximum
    ///   frame length could never hold.
    @inlinable
    mutating func awaitBytes(_ byteCount: Int, buffered: Int) throws(FramingError) {
        guard byteCount >= 1, byteCount <= maximumFrameLength &- buffered else {
            throw fail(.needMoreBeyondMaximum(byteCount, buffered: buffered, maximum: maximumFrameLength))
        }
        awaitedCount = buffered &+ byteCount
    }

    /// A `.skip(byteCount)` answer: drop the bytes.
    ///
    /// - Throws: ``FramingError/Code/invalidCut`` unless `1...buffered`.
    @usableFromInline
    mutating func skip(_ byteCount: Int, buffered: Int) throws(FramingError) {
        guard byteCount >= 1 && byteCount <= buffered else {
            throw fail(.invalidCut("the cutter skipped \(byteCount) bytes with \(buffered) buffered"))
        }
        buffer.consume(byteCount)
        awaitedCount = 1
    }

    /// A `.discard` answer: report the frame (kept for ``nextEvent()``), drop what is buffered
    /// of it and skip the rest as it arrives.
    ///
    /// - Throws: ``FramingError/Code/invalidCut`` for a header not wholly buffered, a negative
    ///   length, or a frame longer than `Int128` counts.
    @usableFromInline
    mutating func discard(headerLength: Int, payloadLength: Int128, buffered: Int) throws(FramingError) {
        guard
            headerLength >= 1 && headerLength <= buffered && payloadLength >= 0
                && payloadLength <= Int128.max - Int128(headerLength)
        else {
            throw fail(
                .invalidCut(
                    "the cutter discarded a frame with a \(headerLength)-byte header and a \(payloadLength)-byte "
                        + "payload with \(buffered) bytes buffered"))
        }
        let header = FrameBytes(storage: buffer.storage, start: buffer.readIndex, count: headerLength)
        pendingDiscard = DiscardedFrame(header: header, claimedLength: payloadLength)
        buffer.statistics.framesDiscarded &+= 1
        buffer.skip(Int128(headerLength) + payloadLength)
        awaitedCount = 1
    }

    /// A cutter's error: fails the framer, unless a built-in cutter marked it to go on after
    /// dropping some bytes (the delimiter framing's skip mode).
    @usableFromInline
    mutating func failOrResume(_ error: FramingError, buffered: Int) -> FramingError {
        guard let byteCount = error.resumesAfterSkipping, byteCount >= 0 && byteCount <= buffered else {
            return fail(error)
        }
        var reported = error
        reported.resumesAfterSkipping = nil
        buffer.consume(byteCount)
        awaitedCount = 1
        return reported
    }

    /// The error for a layout that breaks the protocol; fails the framer.
    @usableFromInline
    mutating func invalidLayout(_ layout: FrameLayout) -> FramingError {
        fail(
            .invalidCut(
                "the cutter described a frame of \(layout.headerLength) + \(layout.payloadLength) + "
                    + "\(layout.trailerLength) bytes; frames are 1 to \(maximumFrameLength) bytes"))
    }

    /// Enters the failed state, releasing the buffer, and returns `error` to throw.
    @usableFromInline
    mutating func fail(_ error: FramingError) -> FramingError {
        failure = error
        hasPendingFrame = false
        awaitedCount = 1
        pendingDiscard = nil
        buffer.close()
        return error
    }

    /// Ends the stream: returns buffered complete frames one per call, then the cutter's final
    /// frame if it has one, then `nil` at a clean end, which leaves the framer empty and ready
    /// for a new stream (a stream that ends inside a discarded frame ends cleanly: the frame
    /// was reported).
    ///
    /// - Throws: ``FramingError/Code/truncatedFrame`` when the stream ended inside a frame
    ///   whose layout is known (`stream ended inside a frame: 7 of 12 bytes buffered`, counting
    ///   the header), or the cutter's end-of-stream error; the framer is failed afterwards.
    public mutating func finish() throws(FramingError) -> Frame? {
        while true {
            if let frame = try next() { return frame }
            let count = buffer.count
            guard count > 0 else {
                startNewStream()
                return nil
            }
            if hasPendingFrame {
                throw fail(.truncatedFrame(buffered: count, expected: awaitedCount))
            }
            let answer: FrameCut
            do {
                // safe because readIndex..<writeIndex lies inside the storage.
                answer = try cutter.cutAtEndOfStream(UnsafeRawBufferPointer(start: buffer.readPointer, count: count).bytes)
            } catch {
                throw fail(error)
            }
            switch answer {
            case .frame(let layout):
                let wire = try checkedWireLength(layout)
                guard wire <= count else { throw invalidLayout(layout) }
                return takeFrame(layout)
            case .skip(let byteCount):
                try skip(byteCount, buffered: count)
            default:
                throw fail(.invalidCut("the cutter answered \(answer) at the end of the stream"))
            }
        }
    }

    /// After a clean end: a new cutter, nothing awaited or skipped.
    @usableFromInline
    mutating func startNewStream() {
        buffer.statistics.bytesScanned &+= cutter.bytesScanned
        cutter = Cutter(configuration)
        hasPendingFrame = false
        awaitedCount = 1
        pendingDiscard = nil
        buffer.skip(0)
        buffer.releaseIfIdle()
    }
}
