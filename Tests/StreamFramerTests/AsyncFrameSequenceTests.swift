import StreamFramer
import Synchronization
import Testing

@Suite("AsyncFrameSequence", .timeLimit(.minutes(1)))
struct AsyncFrameSequenceTests {
    static func chunks(_ parts: [[UInt8]]) -> AsyncStream<[UInt8]> {
        AsyncStream { continuation in
            for part in parts { continuation.yield(part) }
            continuation.finish()
        }
    }

    @Test func framesFromChunksOfAnySize() async throws {
        // "a" "bc" "" in '!H' framing, split at awkward places.
        let parts: [[UInt8]] = [[0], [1, 0x61, 0, 2, 0x62], [0x63, 0], [0]]
        var payloads: [[UInt8]] = []
        for try await frame in Self.chunks(parts).frames(try LengthFieldConfiguration(header: "!H")) {
            payloads.append(Array(frame.payload))
        }
        #expect(payloads == [[0x61], [0x62, 0x63], []])
    }

    @Test func partialFrameAtTheEndThrowsAfterTheCompleteOnes() async throws {
        let sequence = Self.chunks([Array(utf8: "one\ntw")]).frames(try DelimiterConfiguration())
        var iterator = sequence.makeAsyncIterator()
        #expect(try await iterator.next().map { Array($0.payload) } == Array(utf8: "one"))
        await #expect(throws: FramingError(.unterminatedFrame, "stream ended with 2 bytes after the last delimiter and no delimiter")) {
            _ = try await iterator.next()
        }
        #expect(try await iterator.next() == nil)
    }

    @Test func everyFramingAndNonContiguousChunks() async throws {
        let varint = Self.chunks([[2, 0x61], [0x62]]).frames(try VarintConfiguration())
        var collected: [[UInt8]] = []
        for try await frame in varint { collected.append(Array(frame.payload)) }
        #expect(collected == [[0x61, 0x62]])

        let fixed = Self.chunks([[1, 2, 3]]).frames(try FixedLengthConfiguration(frameLength: 1))
        var count = 0
        for try await _ in fixed { count += 1 }
        #expect(count == 3)

        // Chunks that are not contiguous collections go through the staging path.
        let ranges = AsyncStream<ClosedRange<UInt8>> { continuation in
            continuation.yield(0x61...0x63)
            continuation.yield(0x0A...0x0A)
            continuation.finish()
        }
        var lines: [[UInt8]] = []
        for try await frame in ranges.frames(try Framing(delimiterHex: "0a")) { lines.append(Array(frame.payload)) }
        #expect(lines == [Array(utf8: "abc")])
    }

    /// A source that never ends and ignores cancellation (as a blocking read can): only the
    /// adapter's own check can stop the iteration, which must then throw `CancellationError`
    /// promptly. Without the check the loop would run until the test gives up after 10 s (and
    /// stops the source, so nothing is left running).
    @Test func cancellationStopsASourceThatIgnoresIt() async throws {
        let source = EndlessChunks()
        let configuration = try LengthFieldConfiguration(header: "B")
        let received = Atomic<Int>(0)
        let task = Task {
            for try await frame in source.frames(configuration) {
                #expect(Array(frame.payload) == [0x61])
                received.add(1, ordering: .relaxed)
            }
        }
        while received.load(ordering: .relaxed) < 3 { await Task.yield() }
        task.cancel()
        let outcome = await withTaskGroup(of: Result<Void, any Error>?.self) { group in
            group.addTask { await task.result }
            group.addTask {
                try? await Task.sleep(for: .seconds(10))
                source.stop()  // ends the loop if cancellation did not, so the group can finish
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let outcome else {
            Issue.record("the iteration went on for 10 s after its task was cancelled")
            return
        }
        #expect(throws: CancellationError.self) { try outcome.get() }
        #expect(received.load(ordering: .relaxed) >= 3)
    }

    @Test func cancelledTaskThrowsCancellationErrorBeforeAwaitingChunks() async throws {
        let configuration = try LengthFieldConfiguration(header: "B")
        let task = Task {
            // Wait until cancelled, then start iterating: the adapter must refuse to await.
            while !Task.isCancelled { await Task.yield() }
            let (never, _) = AsyncStream<[UInt8]>.makeStream()
            for try await _ in never.frames(configuration) {}
        }
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
    }
}

/// Chunks of one complete `'B'` frame each (`01 61`), forever, until ``stop()``; cancellation
/// does not end it.
final class EndlessChunks: AsyncSequence, Sendable {
    private let stopped = Atomic<Bool>(false)

    /// Makes every iterator end at its next chunk.
    func stop() {
        stopped.store(true, ordering: .relaxed)
    }

    func makeAsyncIterator() -> Iterator {
        Iterator(source: self)
    }

    struct Iterator: AsyncIteratorProtocol {
        let source: EndlessChunks

        mutating func next() async -> [UInt8]? {
            await Task.yield()
            return source.stopped.load(ordering: .relaxed) ? nil : [1, 0x61]
        }
    }
}
