import StreamFramer
import StructPack
import Workloads

/// StreamFramer on W3, W4 (its typed `LengthFieldFramer` and its run-time `Framer`) and the
/// encoder on W8. Framers live across passes, as across a connection's reads.
enum FramerCases {
    static func cases() -> [BenchmarkCase] {
        [
            BenchmarkCase(.smallFrames, "StreamFramer LengthFieldFramer", .typed) { inputs in
                let stream = inputs.small
                let framer = FramerHolder(LengthFieldFramer(configuration))
                return .folding { frameTyped(stream, framer) }
            },
            BenchmarkCase(.smallFrames, "StreamFramer Framer(Framing)", .dynamic) { inputs in
                let stream = inputs.small
                let framer = FramerHolder(Framer(.lengthField(configuration)))
                return .folding { frameDynamic(stream, framer) }
            },
            BenchmarkCase(.smallFrames, "StreamFramer Framer(Framing) forEachFrame", .dynamic) { inputs in
                let stream = inputs.small
                let framer = FramerHolder(Framer(.lengthField(configuration)))
                return .folding { frameDynamicForEach(stream, framer) }
            },
            BenchmarkCase(.largeFrames, "StreamFramer LengthFieldFramer", .typed) { inputs in
                let stream = inputs.large
                let framer = FramerHolder(LengthFieldFramer(configuration))
                return .folding { frameTyped(stream, framer) }
            },
            BenchmarkCase(.largeFrames, "StreamFramer Framer(Framing)", .dynamic) { inputs in
                let stream = inputs.large
                let framer = FramerHolder(Framer(.lengthField(configuration)))
                return .folding { frameDynamic(stream, framer) }
            },
            BenchmarkCase(.hugeFrameChunks, "StreamFramer LengthFieldFramer, fresh", .typed) { inputs in
                let stream = inputs.huge
                return .folding { frameFresh(stream, chunk: 64 << 10) }
            },
            BenchmarkCase(.hugeFrameBytes, "StreamFramer LengthFieldFramer, fresh", .typed) { inputs in
                let stream = inputs.huge
                return .folding { frameFresh(stream, chunk: 1) }
            },
            BenchmarkCase(.encode, "StreamFramer LengthFieldEncoder.encode", .typed) { inputs in
                let stream = inputs.small
                let output = Box([UInt8]())
                output.value.reserveCapacity(stream.stream.count)
                return .writing({ encode(stream, into: &output.value) }, output: { output.value })
            },
            BenchmarkCase(.encode, "StreamFramer writeHeader + copyMemory", .typed) { inputs in
                let stream = inputs.small
                let output = Box([UInt8](repeating: 0, count: stream.stream.count))
                return .writing({ writeHeaders(stream, into: &output.value) }, output: { output.value })
            },
        ]
    }

    static let configuration = try! LengthFieldConfiguration(header: "!I")
    static let encoder = try! LengthFieldEncoder(configuration)
    /// W9 and W10's frame is 64 MiB, over the default maximum of 16 MiB.
    static let hugeConfiguration = try! LengthFieldConfiguration(header: "!I", maximumFrameLength: 1 << 27)

    // The feeding loops below are written out once per framer type on purpose: a generic
    // version over FrameDecoder, or a shared chunk-loop helper taking a closure, measured 10% to
    // 2.4 times slower (callgrind: 99 instead of 88 instructions per W3 frame; 291 instead of
    // 168 for the run-time Framer), which would measure the harness, not the framer.

    @inline(never)
    static func frameTyped(_ input: FrameStream, _ holder: FramerHolder<LengthFieldFramer>) -> UInt64 {
        var framer = holder.take()
        var fold = FrameChecksum()
        input.stream.withUnsafeBytes { stream in
            var begin = 0
            for size in input.chunkSizes {
                framer.append(UnsafeRawBufferPointer(rebasing: stream[begin..<(begin + size)]))
                begin += size
                while let frame = try! framer.next() {
                    frame.payload.withUnsafeBytes { fold.add($0) }
                }
            }
        }
        holder.put(framer)
        return fold.value
    }

    @inline(never)
    static func frameDynamic(_ input: FrameStream, _ holder: FramerHolder<Framer>) -> UInt64 {
        var framer = holder.take()
        var fold = FrameChecksum()
        input.stream.withUnsafeBytes { stream in
            var begin = 0
            for size in input.chunkSizes {
                framer.append(UnsafeRawBufferPointer(rebasing: stream[begin..<(begin + size)]))
                begin += size
                while let frame = try! framer.next() {
                    frame.payload.withUnsafeBytes { fold.add($0) }
                }
            }
        }
        holder.put(framer)
        return fold.value
    }

    @inline(never)
    static func frameDynamicForEach(_ input: FrameStream, _ holder: FramerHolder<Framer>) -> UInt64 {
        var framer = holder.take()
        var fold = FrameChecksum()
        input.stream.withUnsafeBytes { stream in
            var begin = 0
            for size in input.chunkSizes {
                framer.append(UnsafeRawBufferPointer(rebasing: stream[begin..<(begin + size)]))
                begin += size
                try! framer.forEachFrame { frame in
                    frame.payload.withUnsafeBytes { fold.add($0) }
                }
            }
        }
        holder.put(framer)
        return fold.value
    }

    /// One frame into a new framer in chunks of `chunk` bytes, as a new connection receives it.
    @inline(never)
    static func frameFresh(_ input: SingleFrameStream, chunk: Int) -> UInt64 {
        var framer = LengthFieldFramer(hugeConfiguration)
        var fold = FrameChecksum()
        input.stream.withUnsafeBytes { stream in
            var begin = 0
            while begin < stream.count {
                let end = min(begin + chunk, stream.count)
                framer.append(UnsafeRawBufferPointer(rebasing: stream[begin..<end]))
                begin = end
                while let frame = try! framer.next() {
                    frame.payload.withUnsafeBytes { fold.add($0) }
                }
            }
        }
        return fold.value
    }

    @inline(never)
    static func encode(_ input: FrameStream, into output: inout [UInt8]) -> UInt64 {
        output.removeAll(keepingCapacity: true)
        input.stream.withUnsafeBytes { stream in
            for payload in input.payloads {
                try! encoder.encode(UnsafeRawBufferPointer(rebasing: stream[payload]), appendingTo: &output)
            }
        }
        return UInt64(output.count)
    }

    @inline(never)
    static func writeHeaders(_ input: FrameStream, into output: inout [UInt8]) -> UInt64 {
        return input.stream.withUnsafeBytes { stream in
            output.withUnsafeMutableBytes { raw in
                var offset = 0
                for payload in input.payloads {
                    let header = try! encoder.writeHeader(
                        payloadCount: payload.count, into: UnsafeMutableRawBufferPointer(rebasing: raw[offset...]))
                    (raw.baseAddress! + offset + header).copyMemory(
                        from: stream.baseAddress! + payload.lowerBound, byteCount: payload.count)
                    offset += header + payload.count
                }
                return UInt64(offset)
            }
        }
    }
}
