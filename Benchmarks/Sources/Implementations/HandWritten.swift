import Workloads

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The practical limit for the frame workloads: what a careful engineer writes by hand. The
/// record workloads' limits are in HandWrittenRecords.swift.
enum HandWritten {
    static func cases() -> [BenchmarkCase] {
        [
            BenchmarkCase(.smallFrames, "hand-written framer, fresh", .limit) { inputs in
                let stream = inputs.small
                return .folding { frameFresh(stream) }
            },
            BenchmarkCase(.smallFrames, "hand-written framer, long-lived", .limit) { inputs in
                let stream = inputs.small
                let framer = FramerHolder(SimpleFramer())
                return .folding { frameLongLived(stream, framer) }
            },
            BenchmarkCase(.largeFrames, "hand-written framer, fresh", .limit) { inputs in
                let stream = inputs.large
                return .folding { frameFresh(stream) }
            },
            BenchmarkCase(.largeFrames, "hand-written framer, long-lived", .limit) { inputs in
                let stream = inputs.large
                let framer = FramerHolder(SimpleFramer())
                return .folding { frameLongLived(stream, framer) }
            },
            BenchmarkCase(.hugeFrameChunks, "hand-written framer, fresh", .limit) { inputs in
                let stream = inputs.huge
                return .folding { frameFresh(stream, chunk: 64 << 10) }
            },
            BenchmarkCase(.hugeFrameBytes, "hand-written framer, fresh", .limit) { inputs in
                let stream = inputs.huge
                return .folding { frameFresh(stream, chunk: 1) }
            },
            BenchmarkCase(.smallFrames, "memcpy of the chunks (bandwidth)", .reference) { inputs in
                let stream = inputs.small
                return .folding { copyChunks(stream) }
            },
            BenchmarkCase(.largeFrames, "memcpy of the chunks (bandwidth)", .reference) { inputs in
                let stream = inputs.large
                return .folding { copyChunks(stream) }
            },
            BenchmarkCase(.encode, "hand-written storeBytes + copyMemory", .limit) { inputs in
                let stream = inputs.small
                let output = Box([UInt8](repeating: 0, count: stream.stream.count))
                return .writing({ encode(stream, into: &output.value) }, output: { output.value })
            },
            BenchmarkCase(.encode, "hand-written append loop into [UInt8]", .alternative) { inputs in
                let stream = inputs.small
                let output = Box([UInt8]())
                output.value.reserveCapacity(stream.stream.count)
                return .writing({ encodeAppending(stream, into: &output.value) }, output: { output.value })
            },
        ]
    }

    // MARK: Frames

    /// Feeds the stream to a new ``SimpleFramer`` chunk by chunk, folding every payload: a new
    /// connection per stream.
    @inline(never)
    static func frameFresh(_ input: FrameStream) -> UInt64 {
        var framer = SimpleFramer()
        var fold = FrameChecksum()
        input.stream.withUnsafeBytes { stream in
            var begin = 0
            for size in input.chunkSizes {
                framer.append(UnsafeRawBufferPointer(rebasing: stream[begin..<(begin + size)]))
                begin += size
                while let payload = framer.next() { payload.withUnsafeBytes { fold.add($0) } }
            }
        }
        return fold.value
    }

    /// The same with a framer that lives across passes, as across a connection's reads.
    @inline(never)
    static func frameLongLived(_ input: FrameStream, _ holder: FramerHolder<SimpleFramer>) -> UInt64 {
        var framer = holder.take()
        var fold = FrameChecksum()
        input.stream.withUnsafeBytes { stream in
            var begin = 0
            for size in input.chunkSizes {
                framer.append(UnsafeRawBufferPointer(rebasing: stream[begin..<(begin + size)]))
                begin += size
                while let payload = framer.next() { payload.withUnsafeBytes { fold.add($0) } }
            }
        }
        holder.put(framer)
        return fold.value
    }

    /// Feeds one frame to a new ``SimpleFramer`` in chunks of `chunk` bytes (as a new
    /// connection receives it), folding the payload.
    @inline(never)
    static func frameFresh(_ input: SingleFrameStream, chunk: Int) -> UInt64 {
        var framer = SimpleFramer()
        var fold = FrameChecksum()
        input.stream.withUnsafeBytes { stream in
            var begin = 0
            while begin < stream.count {
                let end = min(begin + chunk, stream.count)
                framer.append(UnsafeRawBufferPointer(rebasing: stream[begin..<end]))
                begin = end
                while let payload = framer.next() { payload.withUnsafeBytes { fold.add($0) } }
            }
        }
        return fold.value
    }

    /// Copies each chunk into a 2 MiB buffer, wrapping around: the copy every framer makes,
    /// and nothing else.
    @inline(never)
    static func copyChunks(_ input: FrameStream) -> UInt64 {
        let capacity = 2 << 20
        let target = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { target.deallocate() }
        var written = 0
        var copied: UInt64 = 0
        input.stream.withUnsafeBytes { stream in
            var begin = 0
            for size in input.chunkSizes {
                if capacity - written < size { written = 0 }
                memcpy(target + written, stream.baseAddress! + begin, size)
                written += size
                begin += size
                copied &+= UInt64(target.load(fromByteOffset: written - 1, as: UInt8.self))
            }
        }
        return copied
    }

    /// Header (big-endian `UInt32`) and payload for every frame, into a buffer of the right size.
    @inline(never)
    static func encode(_ input: FrameStream, into output: inout [UInt8]) -> UInt64 {
        input.stream.withUnsafeBytes { stream in
            output.withUnsafeMutableBytes { raw in
                var offset = 0
                for payload in input.payloads {
                    raw.storeBytes(of: UInt32(payload.count).bigEndian, toByteOffset: offset, as: UInt32.self)
                    (raw.baseAddress! + offset + 4).copyMemory(from: stream.baseAddress! + payload.lowerBound, byteCount: payload.count)
                    offset += 4 + payload.count
                }
                return UInt64(offset)
            }
        }
    }

    /// The loop a user writes without a library: append the big-endian length, then the
    /// payload, to one array.
    @inline(never)
    static func encodeAppending(_ input: FrameStream, into output: inout [UInt8]) -> UInt64 {
        output.removeAll(keepingCapacity: true)
        input.stream.withUnsafeBytes { stream in
            for payload in input.payloads {
                withUnsafeBytes(of: UInt32(payload.count).bigEndian) { output.append(contentsOf: $0) }
                output.append(contentsOf: UnsafeRawBufferPointer(rebasing: stream[payload]))
            }
        }
        return UInt64(output.count)
    }
}

/// The simple `'!I'` framer a Swift performance engineer writes for this one job: one growing
/// `[UInt8]` and a read index; consumed bytes are dropped (the rest moved to the front) before
/// each append; the header is read with `withUnsafeBytes` and `loadUnaligned`; payloads are
/// handed out as slices of the array. No maximum length and no memory policy: the baseline every
/// framer row is measured against (issue 11), not a product.
struct SimpleFramer {
    var buffer: [UInt8] = []
    var readIndex = 0

    mutating func append(_ chunk: UnsafeRawBufferPointer) {
        if readIndex > 0 {
            buffer.removeSubrange(0..<readIndex)
            readIndex = 0
        }
        buffer.append(contentsOf: chunk)
    }

    mutating func next() -> ArraySlice<UInt8>? {
        let available = buffer.count - readIndex
        guard available >= 4 else { return nil }
        let length = Int(UInt32(bigEndian: buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: readIndex, as: UInt32.self) }))
        guard available - 4 >= length else { return nil }
        let start = readIndex + 4
        readIndex = start + length
        return buffer[start..<readIndex]
    }
}
