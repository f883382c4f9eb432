import StreamFramer
import Testing

@Suite("AsyncFrameSequence")
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

    @Test func cancellationStopsAnEndlessStream() async throws {
        let (endless, continuation) = AsyncStream<[UInt8]>.makeStream()
        let configuration = try LengthFieldConfiguration(header: "B")
        let task = Task {
            var received = 0
            for try await _ in endless.frames(configuration) { received += 1 }
            return received
        }
        continuation.yield([1, 0x61])
        task.cancel()
        // AsyncStream ends its iteration when the consuming task is cancelled; the adapter
        // then either ends the stream or throws CancellationError, and must not hang.
        let result = await task.result
        switch result {
        case .success(let received): #expect(received <= 1)
        case .failure(let error): #expect(error is CancellationError)
        }
        continuation.finish()
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
