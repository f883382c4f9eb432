// StreamFramer timing harness: small frames (W3 shape), large frames (W4 shape), and one
// 64 MiB frame fed a byte at a time. Compares with a minimal hand-written framer.

import AllocationCounter
import StreamFramer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Peak resident set size of this process, in bytes.
func peakResidentBytes() -> Int {
    var usage = rusage()
    #if canImport(Darwin)
    getrusage(RUSAGE_SELF, &usage)
    #else
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #endif
    #if canImport(Darwin)
    return Int(usage.ru_maxrss)
    #else
    return Int(usage.ru_maxrss) * 1024
    #endif
}

struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A stream of '!I' frames and the chunk boundaries it is fed in.
struct Workload {
    let name: String
    let stream: [UInt8]
    let chunkEnds: [Int]
    let frames: Int
}

func makeWorkload(name: String, payloadSizes: [Int], chunk: (inout Generator) -> Int) -> Workload {
    var generator = Generator(state: 42)
    var stream: [UInt8] = []
    stream.reserveCapacity(payloadSizes.reduce(0, +) + 4 * payloadSizes.count)
    for size in payloadSizes {
        let count = UInt32(size)
        stream += [UInt8(count >> 24), UInt8((count >> 16) & 0xFF), UInt8((count >> 8) & 0xFF), UInt8(count & 0xFF)]
        for _ in 0..<size { stream.append(UInt8.random(in: 0...255, using: &generator)) }
    }
    var ends: [Int] = []
    var offset = 0
    while offset < stream.count {
        offset = min(stream.count, offset + chunk(&generator))
        ends.append(offset)
    }
    return Workload(name: name, stream: stream, chunkEnds: ends, frames: payloadSizes.count)
}

/// The minimal hand-written framer the benchmark issue compares with: an array buffer, a read
/// index, a big-endian UInt32 read, payloads handed out as pointers, compaction when half used.
struct HandWrittenFramer {
    var buffer: [UInt8] = []
    var readIndex = 0

    mutating func append(_ chunk: UnsafeRawBufferPointer) {
        if readIndex > 0 && readIndex >= buffer.count / 2 {
            buffer.removeSubrange(..<readIndex)
            readIndex = 0
        }
        buffer.append(contentsOf: chunk)
    }

    mutating func drain(_ body: (UnsafeRawBufferPointer) -> Void) {
        buffer.withUnsafeBytes { bytes in
            while bytes.count - readIndex >= 4 {
                let length = Int(UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: readIndex, as: UInt32.self)))
                guard bytes.count - readIndex - 4 >= length else { break }
                body(UnsafeRawBufferPointer(rebasing: bytes[(readIndex + 4)..<(readIndex + 4 + length)]))
                readIndex += 4 + length
            }
        }
    }
}

struct Measurement {
    var seconds: Double
    var frames: Int
    var checksum: Int
    var allocations: UInt64
}

@inline(never)
func runStreamFramer(_ workload: Workload) -> Measurement {
    var framer = LengthFieldFramer(try! LengthFieldConfiguration(header: "!I"))
    var frames = 0
    var checksum = 0
    let allocationsBefore = allocation_count()
    let start = now()
    workload.stream.withUnsafeBytes { stream in
        var begin = 0
        for end in workload.chunkEnds {
            framer.append(UnsafeRawBufferPointer(rebasing: stream[begin..<end]))
            begin = end
            while let frame = try! framer.next() {
                frames &+= 1
                checksum &+= frame.payload.count
            }
        }
    }
    let seconds = now() - start
    return Measurement(seconds: seconds, frames: frames, checksum: checksum, allocations: allocation_count() - allocationsBefore)
}

@inline(never)
func runHandWritten(_ workload: Workload) -> Measurement {
    var framer = HandWrittenFramer()
    var frames = 0
    var checksum = 0
    let allocationsBefore = allocation_count()
    let start = now()
    workload.stream.withUnsafeBytes { stream in
        var begin = 0
        for end in workload.chunkEnds {
            framer.append(UnsafeRawBufferPointer(rebasing: stream[begin..<end]))
            begin = end
            framer.drain { payload in
                frames &+= 1
                checksum &+= payload.count
            }
        }
    }
    let seconds = now() - start
    return Measurement(seconds: seconds, frames: frames, checksum: checksum, allocations: allocation_count() - allocationsBefore)
}

func report(_ workload: Workload, _ label: String, _ runs: [Measurement]) -> Double {
    let best = runs.min { $0.seconds < $1.seconds }!
    let megabytes = Double(workload.stream.count) / 1_048_576
    let framesPerSecond = Double(best.frames) / best.seconds
    let allocations = allocation_counting_supported() != 0 ? "\(best.allocations) allocations" : "allocations not counted"
    print(
        "  \(label + String(repeating: " ", count: max(0, 14 - label.count))) \(format3(best.seconds * 1000)) ms  "
            + "\(format3(framesPerSecond / 1e6)) M frames/s  \(format3(megabytes / best.seconds)) MB/s  \(allocations)")
    return best.seconds
}

func format3(_ value: Double) -> String {
    let scaled = (value * 1000).rounded() / 1000
    return "\(scaled)"
}

func compare(_ workload: Workload, runs: Int) {
    print("\(workload.name): \(workload.stream.count) bytes, \(workload.frames) frames, \(workload.chunkEnds.count) chunks")
    var framer: [Measurement] = []
    var hand: [Measurement] = []
    for _ in 0..<runs {
        framer.append(runStreamFramer(workload))
        hand.append(runHandWritten(workload))
    }
    precondition(framer[0].frames == workload.frames && hand[0].frames == workload.frames)
    precondition(framer[0].checksum == hand[0].checksum)
    let framerSeconds = report(workload, "StreamFramer", framer)
    let handSeconds = report(workload, "hand-written", hand)
    print("  StreamFramer / hand-written throughput: \(format3(handSeconds / framerSeconds))x")
}

/// One 64 MiB frame fed one byte at a time, generated on the fly so the input takes no memory.
func hugeFrameOneByteAtATime() {
    let size = 64 << 20
    let baseline = peakResidentBytes()
    var framer = LengthFieldFramer(try! LengthFieldConfiguration(header: "!I", maximumFrameLength: size))
    let header: [UInt8] = [UInt8(size >> 24), UInt8((size >> 16) & 0xFF), 0, 0]
    var delivered = 0
    let start = now()
    header.withUnsafeBytes { bytes in
        for index in 0..<4 { framer.append(UnsafeRawBufferPointer(rebasing: bytes[index..<(index + 1)])) }
    }
    var byte: UInt8 = 0x5A
    withUnsafeBytes(of: &byte) { one in
        for _ in 0..<size {
            framer.append(one)
            if let frame = try! framer.next() { delivered = frame.payload.count }
        }
    }
    let seconds = now() - start
    let statistics = framer.statistics
    print("64 MiB frame in 1-byte chunks: \(format3(seconds)) s, \(format3(Double(size + 4) / 1_048_576 / seconds)) MB/s")
    print("  delivered \(delivered) bytes; peak buffer capacity \(statistics.peakCapacity) bytes; "
        + "bytes moved \(statistics.bytesMoved); allocations \(statistics.allocations)")
    print("  peak RSS \(peakResidentBytes() / 1_048_576) MiB (baseline before the frame \(baseline / 1_048_576) MiB)")
}

let arguments = CommandLine.arguments.dropFirst()
let runs = 5
if arguments.isEmpty || arguments.contains("huge") {
    // First, so the peak RSS is not the other workloads' inputs.
    hugeFrameOneByteAtATime()
}
if arguments.isEmpty || arguments.contains("small") {
    var generator = Generator(state: 7)
    var sizes: [Int] = []
    var total = 0
    while total < 64 << 20 {
        let size = Int.random(in: 0...256, using: &generator)
        sizes.append(size)
        total += size + 4
    }
    compare(makeWorkload(name: "W3 small frames ('!I' + 0...256 bytes, chunks 1...4096)", payloadSizes: sizes) {
        Int.random(in: 1...4096, using: &$0)
    }, runs: runs)
}
if arguments.isEmpty || arguments.contains("large") {
    compare(makeWorkload(name: "W4 large frames (64 x 1 MiB, chunks 64 KiB)", payloadSizes: Array(repeating: 1 << 20, count: 64)) { _ in
        64 << 10
    }, runs: runs)
}
