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
            BenchmarkCase(.smallFrames, "hand-written framer", .limit) { inputs in
                let stream = inputs.small
                let framer = FramerHolder(HandWrittenFramer())
                return .folding { frame(stream, framer) }
            },
            BenchmarkCase(.largeFrames, "hand-written framer", .limit) { inputs in
                let stream = inputs.large
                let framer = FramerHolder(HandWrittenFramer())
                return .folding { frame(stream, framer) }
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
        ]
    }

    // MARK: Frames

    /// Feeds the stream to ``HandWrittenFramer`` chunk by chunk, folding every payload. The framer
    /// lives across passes, as it lives across a connection's reads: this is the steady state.
    @inline(never)
    static func frame(_ input: FrameStream, _ holder: FramerHolder<HandWrittenFramer>) -> UInt64 {
        var framer = holder.take()
        var fold = FrameChecksum()
        input.stream.withUnsafeBytes { stream in
            var begin = 0
            for size in input.chunkSizes {
                framer.append(UnsafeRawBufferPointer(rebasing: stream[begin..<(begin + size)]))
                begin += size
                while let payload = framer.next() { fold.add(payload) }
            }
        }
        holder.put(framer)
        return fold.value
    }

    /// Feeds one frame to a new ``HandWrittenFramer`` in chunks of `chunk` bytes (as a new
    /// connection receives it), folding the payload.
    @inline(never)
    static func frameFresh(_ input: SingleFrameStream, chunk: Int) -> UInt64 {
        var framer = HandWrittenFramer()
        var fold = FrameChecksum()
        input.stream.withUnsafeBytes { stream in
            var begin = 0
            while begin < stream.count {
                let end = min(begin + chunk, stream.count)
                framer.append(UnsafeRawBufferPointer(rebasing: stream[begin..<end]))
                begin = end
                while let payload = framer.next() { fold.add(payload) }
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
}

/// The minimal hand-written `'!I'` framer: one buffer, a read and a write index; when a chunk does
/// not fit after the unread bytes, they move to the front if the consumed prefix is at least as
/// large (so moves stay amortised), else the buffer doubles; a frame whose header has arrived gets
/// room for all of it at once. Payloads are handed out as pointers
/// valid until the next append. No maximum length, no lifetime safety: the limit, not a product.
struct HandWrittenFramer: ~Copyable {
    var base: UnsafeMutableRawPointer
    var capacity: Int
    var readIndex = 0
    var writeIndex = 0
    /// The wire length of an incomplete frame whose header has been read, so the append that
    /// needs room makes room for all of it (moving only the bytes buffered so far).
    var pending = 0

    init() {
        capacity = 64 << 10
        base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        base.deallocate()
    }

    mutating func append(_ chunk: UnsafeRawBufferPointer) {
        let count = chunk.count
        if capacity - writeIndex < count || pending > capacity - readIndex {
            let live = writeIndex - readIndex
            let needed = max(live, pending) + count
            if needed <= capacity && readIndex >= live {
                memmove(base, base + readIndex, live)
            } else {
                let grown = max(capacity * 2, needed)
                let fresh = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 16)
                memcpy(fresh, base + readIndex, live)
                base.deallocate()
                base = fresh
                capacity = grown
            }
            readIndex = 0
            writeIndex = live
        }
        memcpy(base + writeIndex, chunk.baseAddress!, count)
        writeIndex += count
    }

    mutating func next() -> UnsafeRawBufferPointer? {
        guard writeIndex - readIndex >= 4 else { return nil }
        let length = Int(UInt32(bigEndian: (base + readIndex).loadUnaligned(as: UInt32.self)))
        guard writeIndex - readIndex - 4 >= length else {
            pending = 4 + length
            return nil
        }
        let payload = UnsafeRawBufferPointer(start: base + readIndex + 4, count: length)
        readIndex += 4 + length
        pending = 0
        return payload
    }
}
