import StreamFramer
import Testing

/// The buffer's promises, checked by counting work instead of timing it: bytes moved by
/// compaction and reallocation stay within a small multiple of the bytes appended, and the
/// capacity never exceeds the maximum wire frame plus the largest chunk plus 4 KiB.
@Suite("Memory bound and linear work")
struct MemoryAndLinearityTests {
    static let slack = 4096

    /// Feeds `stream` in `chunking`, draining after each append; returns the statistics and the
    /// number of frames, checking the capacity bound after every append.
    static func feed<D: FrameDecoder & ~Copyable>(
        _ framer: inout D, _ stream: [UInt8], _ chunking: Chunking, wireLimit: Int
    ) throws -> (FramerStatistics, Int) {
        var frames = 0
        var offset = 0
        var largestChunk = 0
        for size in chunking.chunkSizes(total: stream.count) {
            largestChunk = max(largestChunk, size)
            stream.withUnsafeBytes { framer.append(UnsafeRawBufferPointer(rebasing: $0[offset..<(offset + size)])) }
            offset += size
            #expect(framer.statistics.capacity <= wireLimit + largestChunk + slack)
            while try framer.next() != nil { frames += 1 }
        }
        #expect(try framer.finish() == nil)
        let statistics = framer.statistics
        #expect(statistics.peakCapacity <= wireLimit + largestChunk + slack, "\(chunking)")
        return (statistics, frames)
    }

    @Test func largeFrameOneByteAtATimeCostsLinearWorkAndOneFrameOfMemory() throws {
        let size = 4 << 20
        var framer = try LengthFieldFramer(maximumFrameLength: size)
        var stream: [UInt8] = [UInt8(size >> 24), UInt8((size >> 16) & 0xFF), 0, 0]
        stream += [UInt8](repeating: 0x5A, count: size)
        var delivered: [UInt8] = []
        var totalMoved = 0
        for index in stream.indices {
            stream.withUnsafeBytes { framer.append(UnsafeRawBufferPointer(rebasing: $0[index..<(index + 1)])) }
            if let frame = try framer.next() {
                delivered = Array(frame.payload.prefix(4)) + [UInt8(truncatingIfNeeded: frame.payload.count >> 20)]
                totalMoved = framer.statistics.bytesMoved
                #expect(framer.statistics.peakCapacity <= 4 + size + 1 + Self.slack)
            }
        }
        #expect(delivered == [0x5A, 0x5A, 0x5A, 0x5A, 4])
        #expect(totalMoved <= stream.count, "moved \(totalMoved) bytes for a \(stream.count)-byte stream")
        #expect(framer.statistics.bytesAppended == stream.count)
        // Empty again after a frame over 1 MiB: the storage stays while the last frame is handed
        // out, and the next call that finds nothing releases it (SPEC §3.2).
        #expect(framer.statistics.capacity > 1 << 20)
        #expect(try framer.next() == nil)
        #expect(framer.statistics.capacity == 0)
    }

    @Test(arguments: [
        Chunking.bytes, .random(seed: 1, maximum: 7), .random(seed: 2, maximum: 1000), .random(seed: 3, maximum: 70_000),
    ])
    func adversarialFrameSizesNearTheMaximum(chunking: Chunking) throws {
        let maximum = 1 << 16
        var generator = SplitMix64(seed: 99)
        var stream: [UInt8] = []
        var count = 0
        // Half-maximum-plus-one frames defeat naive compaction; near-maximum and tiny ones mix in.
        for index in 0..<60 {
            let length: Int
            switch index % 4 {
            case 0: length = maximum / 2 + 1
            case 1: length = maximum - Int.random(in: 0...5, using: &generator)
            case 2: length = Int.random(in: 0...40, using: &generator)
            default: length = Int.random(in: 0...maximum, using: &generator)
            }
            stream += [0, UInt8(length >> 16), UInt8((length >> 8) & 0xFF), UInt8(length & 0xFF)]
            stream += [UInt8](repeating: UInt8(truncatingIfNeeded: index), count: length)
            count += 1
        }
        var framer = try LengthFieldFramer(header: "!I", maximumFrameLength: maximum)
        let (statistics, frames) = try Self.feed(&framer, stream, chunking, wireLimit: 4 + maximum)
        #expect(frames == count)
        #expect(statistics.bytesMoved <= 2 * statistics.bytesAppended, "moved \(statistics.bytesMoved) of \(statistics.bytesAppended)")
    }

    @Test func longLineOneByteAtATimeScansAndMovesLinearly() throws {
        let size = 1 << 20
        var framer = try DelimiterFramer(delimiters: [[0x0A], [0x0D, 0x0A]], maximumFrameLength: size)
        let stream = [UInt8](repeating: 0x61, count: size) + [0x0D, 0x0A] + Array(utf8: "short\n")
        let (statistics, frames) = try Self.feed(&framer, stream, .bytes, wireLimit: size + 2)
        #expect(frames == 2)
        #expect(statistics.bytesScanned == stream.count)
        #expect(statistics.bytesMoved <= 2 * stream.count, "moved \(statistics.bytesMoved)")
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func randomFramesAndChunksForEveryFraming(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        let maximum = 20_000
        let payloads = (0..<150).map { _ in
            [UInt8](repeating: 0x41, count: Int.random(in: 0...maximum, using: &generator))
        }
        let chunking = Chunking.random(seed: seed, maximum: Int.random(in: 1...30_000, using: &generator))
        var lengthStream: [UInt8] = []
        var varintStream: [UInt8] = []
        var lineStream: [UInt8] = []
        for payload in payloads {
            try LengthFieldEncoder(LengthFieldConfiguration(header: "<H", maximumFrameLength: maximum)).encode(
                payload, appendingTo: &lengthStream)
            try VarintEncoder(VarintConfiguration(maximumFrameLength: maximum)).encode(payload, appendingTo: &varintStream)
            lineStream += payload + [0x0A]
        }
        var length = try LengthFieldFramer(header: "<H", maximumFrameLength: maximum)
        let lengthResult = try Self.feed(&length, lengthStream, chunking, wireLimit: 2 + maximum)
        var varint = try VarintFramer(maximumFrameLength: maximum)
        let varintResult = try Self.feed(&varint, varintStream, chunking, wireLimit: 10 + maximum)
        var lines = try DelimiterFramer(delimiters: [[0x0A]], maximumFrameLength: maximum)
        let lineResult = try Self.feed(&lines, lineStream, chunking, wireLimit: 1 + maximum)
        for (statistics, frames) in [lengthResult, varintResult, lineResult] {
            #expect(frames == payloads.count)
            #expect(statistics.bytesMoved <= 2 * statistics.bytesAppended)
        }
        #expect(lineResult.0.bytesScanned == lineStream.count)
    }

    /// Large frames arriving in medium chunks (W4's shape): once a header is decoded the buffer
    /// makes room for the whole frame plus a chunk while little of it is buffered, so a frame is
    /// never moved when nearly complete. At most the partial chunk before each frame moves.
    @Test func largeFramesInMediumChunksAreNotMovedWhole() throws {
        let frameSize = 256 << 10
        let chunk = 16 << 10
        var stream: [UInt8] = []
        // Growing and alternating sizes, so a buffer sized for one frame is wrong for the next.
        let sizes = [20_000, 70_000, 150_000, frameSize, 1000, frameSize, 3000, 200_000, frameSize, 90_000, frameSize]
        for (index, size) in sizes.enumerated() {
            stream += [0, UInt8(size >> 16), UInt8((size >> 8) & 0xFF), UInt8(size & 0xFF)]
            stream += [UInt8](repeating: UInt8(index), count: size)
        }
        var framer = try LengthFieldFramer(header: "!I", maximumFrameLength: 1 << 20)
        let (statistics, frames) = try Self.feed(&framer, stream, .sizes(
            Array(repeating: chunk, count: stream.count / chunk) + [stream.count % chunk].filter { $0 > 0 }), wireLimit: 4 + (1 << 20))
        #expect(frames == sizes.count)
        #expect(statistics.bytesMoved <= frames * chunk, "moved \(statistics.bytesMoved) bytes")
        // Memory follows the traffic, not the configured 1 MiB maximum: doubling stays within
        // twice the largest frame plus chunk.
        #expect(statistics.peakCapacity <= 2 * (4 + frameSize + chunk))
    }

    @Test func drainedFramerReusesOneAllocation() throws {
        var framer = try LengthFieldFramer(header: "B")
        for index in 0..<100_000 {
            framer.append([3, UInt8(truncatingIfNeeded: index), 2, 3])
            #expect(try framer.next() != nil)
        }
        #expect(framer.statistics.allocations == 1)
    }
}
