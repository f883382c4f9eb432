import StreamFramer
import StructPack
import Workloads

/// StreamFramer on W3, W4 (its typed `LengthFieldFramer` and its run-time `Framer`) and the
/// encoder on W8. Framers live across passes, as across a connection's reads.
enum FramerCases {
    static func cases() -> [BenchmarkCase] {
        var cases: [BenchmarkCase] = []
        // W3 and W4, each with a framer per pass (a new connection per 64 MiB stream) and with
        // one framer living across passes (a connection's steady state).
        for (workload, fresh) in [(Workload.smallFrames, true), (.smallFrames, false), (.largeFrames, true), (.largeFrames, false)] {
            let life = fresh ? "fresh" : "long-lived"
            let stream: (Inputs) -> FrameStream = workload == .smallFrames ? { $0.small } : { $0.large }
            cases += [
                BenchmarkCase(workload, "StreamFramer LengthFieldFramer next(), \(life)", .typed) { inputs in
                    let (input, holder) = (stream(inputs), fresh ? nil : FramerHolder(LengthFieldFramer(configuration)))
                    return .folding { try! lengthFieldNext(input, holder) }
                },
                BenchmarkCase(workload, "StreamFramer Framer(Framing) next(), \(life)", .dynamic) { inputs in
                    let (input, holder) = (stream(inputs), fresh ? nil : FramerHolder(Framer(.lengthField(configuration))))
                    return .folding { try! runtimeNext(input, holder) }
                },
                BenchmarkCase(workload, "StreamFramer Framer(Framing) forEachFrame, \(life)", .dynamic) { inputs in
                    let (input, holder) = (stream(inputs), fresh ? nil : FramerHolder(Framer(.lengthField(configuration))))
                    return .folding { try! runtimeForEach(input, holder) }
                },
                BenchmarkCase(workload, "StreamFramer custom '!I' cutter next(), \(life)", .typed) { inputs in
                    let (input, holder) = (stream(inputs), fresh ? nil : FramerHolder(FramingEngine(BigEndianUInt32Cutter())))
                    return .folding { try! customNext(input, holder) }
                },
            ]
        }
        cases += [
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
        return cases
    }

    static let configuration = try! LengthFieldConfiguration(header: "!I")
    static let encoder = try! LengthFieldEncoder(configuration)
    /// W9 and W10's frame is 64 MiB, over the default maximum of 16 MiB.
    static let hugeConfiguration = try! LengthFieldConfiguration(header: "!I", maximumFrameLength: 1 << 27)

    // The feeding loops below are written out once per framer type on purpose: a generic
    // version over FrameDecoder, or a shared chunk-loop helper taking a closure, measured 10% to
    // 2.4 times slower (callgrind: 99 instead of 88 instructions per W3 frame; 291 instead of
    // 168 for the run-time Framer), which would measure the harness, not the framer. Each drains
    // with the README's loop, verbatim: `while let frame = try framer.next() { handle(frame.payload) }`.
    // A `nil` holder means a new framer for the pass.

    @inline(never)
    static func lengthFieldNext(_ input: FrameStream, _ holder: FramerHolder<LengthFieldFramer>?) throws -> UInt64 {
        var framer: LengthFieldFramer
        if let holder { framer = holder.take() } else { framer = LengthFieldFramer(configuration) }
        var fold = FrameChecksum()
        func handle(_ payload: FrameBytes) { payload.withUnsafeBytes { fold.add($0) } }
        try input.stream.withUnsafeBytes { stream in
            var begin = 0
            for size in input.chunkSizes {
                framer.append(UnsafeRawBufferPointer(rebasing: stream[begin..<(begin + size)]))
                begin += size
                while let frame = try framer.next() {
                    handle(frame.payload)
                }
            }
        }
        if let holder { holder.put(framer) }
        return fold.value
    }

    @inline(never)
    static func runtimeNext(_ input: FrameStream, _ holder: FramerHolder<Framer>?) throws -> UInt64 {
        var framer: Framer
        if let holder { framer = holder.take() } else { framer = Framer(.lengthField(configuration)) }
        var fold = FrameChecksum()
        func handle(_ payload: FrameBytes) { payload.withUnsafeBytes { fold.add($0) } }
        try input.stream.withUnsafeBytes { stream in
            var begin = 0
            for size in input.chunkSizes {
                framer.append(UnsafeRawBufferPointer(rebasing: stream[begin..<(begin + size)]))
                begin += size
                while let frame = try framer.next() {
                    handle(frame.payload)
                }
            }
        }
        if let holder { holder.put(framer) }
        return fold.value
    }

    @inline(never)
    static func runtimeForEach(_ input: FrameStream, _ holder: FramerHolder<Framer>?) throws -> UInt64 {
        var framer: Framer
        if let holder { framer = holder.take() } else { framer = Framer(.lengthField(configuration)) }
        var fold = FrameChecksum()
        func handle(_ payload: FrameBytes) { payload.withUnsafeBytes { fold.add($0) } }
        try input.stream.withUnsafeBytes { stream in
            var begin = 0
            for size in input.chunkSizes {
                framer.append(UnsafeRawBufferPointer(rebasing: stream[begin..<(begin + size)]))
                begin += size
                try framer.forEachFrame { frame in
                    handle(frame.payload)
                }
            }
        }
        if let holder { holder.put(framer) }
        return fold.value
    }

    @inline(never)
    static func customNext(_ input: FrameStream, _ holder: FramerHolder<FramingEngine<BigEndianUInt32Cutter>>?) throws
        -> UInt64
    {
        var framer: FramingEngine<BigEndianUInt32Cutter>
        if let holder { framer = holder.take() } else { framer = FramingEngine(BigEndianUInt32Cutter()) }
        var fold = FrameChecksum()
        func handle(_ payload: FrameBytes) { payload.withUnsafeBytes { fold.add($0) } }
        try input.stream.withUnsafeBytes { stream in
            var begin = 0
            for size in input.chunkSizes {
                framer.append(UnsafeRawBufferPointer(rebasing: stream[begin..<(begin + size)]))
                begin += size
                while let frame = try framer.next() {
                    handle(frame.payload)
                }
            }
        }
        if let holder { holder.put(framer) }
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
        let encoder = Self.encoder  // a local encoder, as a user's loop has
        input.stream.withUnsafeBytes { stream in
            for payload in input.payloads {
                try! encoder.encode(UnsafeRawBufferPointer(rebasing: stream[payload]), appendingTo: &output)
            }
        }
        return UInt64(output.count)
    }

    @inline(never)
    static func writeHeaders(_ input: FrameStream, into output: inout [UInt8]) -> UInt64 {
        let encoder = Self.encoder  // a local encoder, as a user's loop has
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

/// A `'!I'` framing written as a user writes a cutter: a 4-byte big-endian length read with
/// `RawSpan`'s checked load, a 16 MiB maximum, no options.
struct BigEndianUInt32Cutter: FrameCutter {
    var maximumFrameLength: Int { 4 + (16 << 20) }

    func cut(_ bytes: RawSpan) throws(FramingError) -> FrameCut {
        guard bytes.byteCount >= 4 else { return .needMore(4 - bytes.byteCount) }
        let length = Int(UInt32(bigEndian: bytes.unsafeLoadUnaligned(fromByteOffset: 0, as: UInt32.self)))
        guard length <= 16 << 20 else { throw FramingError(.frameTooLong, "frame length \(length) is over 16 MiB") }
        return .frame(FrameLayout(headerLength: 4, payloadLength: length))
    }
}
