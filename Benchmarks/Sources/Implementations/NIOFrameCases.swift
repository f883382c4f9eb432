import NIOCore
import NIOEmbedded
import NIOExtras
import Workloads

/// swift-nio-extras' `LengthFieldBasedFrameDecoder` on W3 and W4, through `ByteToMessageHandler`
/// in an `EmbeddedChannel` and called directly; and `ByteBuffer` as the W8 encoder.
enum NIOFrameCases {
    static func cases() -> [BenchmarkCase] {
        [
            BenchmarkCase(.smallFrames, "NIOExtras LengthFieldBasedFrameDecoder (direct), long-lived", .peer) { inputs in
                let stream = inputs.small
                let state = DirectState()
                return .folding { decodeDirectly(stream, state) }
            },
            BenchmarkCase(.smallFrames, "NIOExtras LengthFieldBasedFrameDecoder (EmbeddedChannel), long-lived", .peer) { inputs in
                let stream = inputs.small
                let state = ChannelState()
                return .folding { decodeInChannel(stream, state) }
            },
            BenchmarkCase(.largeFrames, "NIOExtras LengthFieldBasedFrameDecoder (direct), long-lived", .peer) { inputs in
                let stream = inputs.large
                let state = DirectState()
                return .folding { decodeDirectly(stream, state) }
            },
            BenchmarkCase(.largeFrames, "NIOExtras LengthFieldBasedFrameDecoder (EmbeddedChannel), long-lived", .peer) { inputs in
                let stream = inputs.large
                let state = ChannelState()
                return .folding { decodeInChannel(stream, state) }
            },
            BenchmarkCase(.encode, "NIO ByteBuffer writeInteger + writeBytes", .peer) { inputs in
                let stream = inputs.small
                let output = Box(ByteBuffer())
                output.value.reserveCapacity(stream.stream.count)
                return .writing({ encode(stream, into: &output.value) }, output: { Array(buffer: output.value) })
            },
        ]
    }

    /// Folds every frame that reaches it.
    final class FrameSink: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        var fold = FrameChecksum()

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let frame = unwrapInboundIn(data)
            frame.withUnsafeReadableBytes { fold.add($0) }
        }
    }

    /// A handler that does nothing: its context is what the decoder fires frames from.
    final class DecoderHost: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
    }

    /// The decoder driven by hand, and the pipeline it fires frames into; kept across passes, as
    /// across a connection's reads.
    final class DirectState {
        let sink = FrameSink()
        let channel = EmbeddedChannel()
        let context: ChannelHandlerContext
        let decoder = LengthFieldBasedFrameDecoder(lengthFieldBitLength: .fourBytes)
        var cumulation: ByteBuffer

        init() {
            try! channel.pipeline.syncOperations.addHandler(DecoderHost())
            try! channel.pipeline.syncOperations.addHandler(sink)
            context = try! channel.pipeline.syncOperations.context(handlerType: DecoderHost.self)
            cumulation = channel.allocator.buffer(capacity: 64 << 10)
        }
    }

    /// The decoder called directly: chunks are written into one cumulation buffer, `decode` is
    /// called until it needs more data, and read bytes are discarded as `ByteToMessageHandler`
    /// would. Frames reach the sink through the context, as the decoder's API requires.
    @inline(never)
    static func decodeDirectly(_ input: FrameStream, _ state: DirectState) -> UInt64 {
        state.sink.fold = FrameChecksum()
        var cumulation = state.cumulation
        state.cumulation = ByteBuffer()  // keep the storage uniquely referenced
        let (decoder, context) = (state.decoder, state.context)
        input.stream.withUnsafeBytes { stream in
            var begin = 0
            for size in input.chunkSizes {
                cumulation.writeBytes(UnsafeRawBufferPointer(rebasing: stream[begin..<(begin + size)]))
                begin += size
                while try! decoder.decode(context: context, buffer: &cumulation) == .continue {}
                if cumulation.readableBytes == 0 {
                    cumulation.clear()
                } else if cumulation.readerIndex > cumulation.capacity / 2 {
                    cumulation.discardReadBytes()
                }
            }
        }
        state.cumulation = cumulation
        return state.sink.fold.value
    }

    /// `ByteToMessageHandler` with the decoder in an `EmbeddedChannel`, kept across passes.
    final class ChannelState {
        let sink = FrameSink()
        let channel = EmbeddedChannel()

        init() {
            try! channel.pipeline.syncOperations.addHandler(
                ByteToMessageHandler(LengthFieldBasedFrameDecoder(lengthFieldBitLength: .fourBytes)))
            try! channel.pipeline.syncOperations.addHandler(sink)
        }
    }

    /// The decoder as a NIO application uses it: `ByteToMessageHandler` in a pipeline, each
    /// chunk arriving as its own `ByteBuffer`, as a socket read delivers it.
    @inline(never)
    static func decodeInChannel(_ input: FrameStream, _ state: ChannelState) -> UInt64 {
        state.sink.fold = FrameChecksum()
        let channel = state.channel
        input.stream.withUnsafeBytes { stream in
            var begin = 0
            for size in input.chunkSizes {
                var chunk = channel.allocator.buffer(capacity: size)
                chunk.writeBytes(UnsafeRawBufferPointer(rebasing: stream[begin..<(begin + size)]))
                begin += size
                try! channel.writeInbound(chunk)
            }
        }
        return state.sink.fold.value
    }

    @inline(never)
    static func encode(_ input: FrameStream, into output: inout ByteBuffer) -> UInt64 {
        var buffer = output
        output = ByteBuffer()
        buffer.clear()
        input.stream.withUnsafeBytes { stream in
            for payload in input.payloads {
                buffer.writeInteger(UInt32(payload.count), endianness: .big)
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: stream[payload]))
            }
        }
        output = buffer
        return UInt64(output.readableBytes)
    }
}
