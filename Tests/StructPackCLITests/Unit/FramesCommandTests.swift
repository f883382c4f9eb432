import StructPackCLICore
import Testing

/// `frames` run in process over scripted sources and a recording output: what has been flushed
/// when each read is made proves that lines are written before the tool waits for more input
/// and that the input is read piece by piece, never whole.
@Suite("frames command (in process)")
struct FramesCommandTests {
    /// A stream delivered in fixed pieces; before each read it records what the output had
    /// flushed so far.
    final class ScriptedSource: ByteSource {
        private var pieces: [[UInt8]]
        private let output: RecordingOutput
        /// The flushed output text when each read was made, in order.
        private(set) var flushedAtRead: [String] = []
        /// The buffer size of each read.
        private(set) var requestedSizes: [Int] = []

        init(_ pieces: [[UInt8]], output: RecordingOutput) {
            self.pieces = pieces
            self.output = output
        }

        var knownCount: Int? { nil }
        func read(at offset: Int, count: Int) -> [UInt8] { [] }
        func readNext(upTo count: Int) -> [UInt8] {
            Issue.record("frames must read with readAvailable, not wait for \(count) bytes")
            return []
        }

        func readAvailable(into buffer: UnsafeMutableRawBufferPointer) -> Int {
            flushedAtRead.append(output.flushedText)
            requestedSizes.append(buffer.count)
            guard !pieces.isEmpty else { return 0 }
            let piece = pieces.removeFirst()
            guard piece.count <= buffer.count else {
                Issue.record("a test piece of \(piece.count) bytes does not fit a read of \(buffer.count)")
                return 0
            }
            buffer.copyBytes(from: piece)
            return piece.count
        }
    }

    /// Output that separates what was written from what was flushed.
    final class RecordingOutput: OutputSink {
        private var pending: [UInt8] = []
        private var flushed: [UInt8] = []
        var flushedText: String { String(decoding: flushed, as: UTF8.self) }
        var pendingCount: Int { pending.count }

        func write(_ bytes: [UInt8]) { pending += bytes }
        func flush() {
            flushed += pending
            pending.removeAll()
        }
    }

    /// Runs `structpack frames ARGUMENTS` over `pieces`.
    func run(_ arguments: [String], pieces: [[UInt8]])
        -> (status: Int32, output: RecordingOutput, source: ScriptedSource, error: String)
    {
        let output = RecordingOutput()
        let source = ScriptedSource(pieces, output: output)
        let errors = MemoryOutput()
        let context = ToolContext(output: output, openInput: { (_) throws(ToolError) in source })
        let status = StructPackTool.run(["frames"] + arguments, context: context, errorOutput: errors)
        return (status, output, source, errors.text)
    }

    @Test func linesAreFlushedBeforeTheNextRead() {
        // '!I' "hi" split 3 + 3 bytes, then an empty frame and "abc" in one piece, then EOF.
        let result = run(
            [],
            pieces: [
                [0x00, 0x00, 0x00], [0x02, 0x68, 0x69],
                [0x00, 0x00, 0x00, 0x00] + [0x00, 0x00, 0x00, 0x03, 0x61, 0x62, 0x63],
            ])
        #expect(result.status == 0)
        #expect(result.source.flushedAtRead == ["", "", "6869\n", "6869\n\n616263\n"])
        #expect(result.output.flushedText == "6869\n\n616263\n")
        #expect(result.source.requestedSizes.allSatisfy { $0 > 0 && $0 <= 1 << 16 })
    }

    @Test func framesBeforeAnErrorAreFlushed() {
        let result = run(
            ["--max-frame", "2"], pieces: [[0x00, 0x00, 0x00, 0x01, 0x61, 0x00, 0x00, 0x00, 0x03, 0x61, 0x62, 0x63]])
        #expect(result.status == 1)
        #expect(result.output.flushedText == "61\n")
        #expect(result.output.pendingCount == 0)
        #expect(result.error == "structpack: error: frame length 3 exceeds the maximum of 2 bytes\n")
        // A partial frame met by finish() at the end of the input, after frames of the same read.
        let partial = run([], pieces: [[0x00, 0x00, 0x00, 0x01, 0x61, 0x00, 0x00]])
        #expect(partial.status == 1)
        #expect(partial.output.flushedText == "61\n")
        #expect(
            partial.error == "structpack: error: stream ended inside a frame header: 2 of 4 header bytes buffered\n")
    }

    @Test func aLongStreamIsReadInBoundedPiecesAndPrintedAsItGoes() {
        // 2,000 frames of 1,000 bytes ('<H' headers), delivered in 4,096-byte pieces: about
        // 2 MB, printed as it is read.
        var stream: [UInt8] = []
        var expected = ""
        for index in 0..<2000 {
            let payload = [UInt8](repeating: UInt8(truncatingIfNeeded: index), count: 1000)
            stream += [0xE8, 0x03] + payload
            expected += hex(payload) + "\n"
        }
        let pieces = stride(from: 0, to: stream.count, by: 4096).map { (start) in
            Array(stream[start..<min(start + 4096, stream.count)])
        }
        let result = run(["--header", "<H"], pieces: pieces)
        #expect(result.status == 0)
        #expect(result.output.flushedText == expected)
        #expect(result.source.requestedSizes.count == pieces.count + 1)
        // When half the input has been read, about half the lines are out.
        let middle = result.source.flushedAtRead[pieces.count / 2]
        #expect(middle.count > expected.count / 2 - 2 * 2002 && middle.count < expected.count / 2 + 2 * 2002)
    }

    @Test func memoryStreamSourceDeliversPipeSizedPieces() {
        let source = MemoryStreamSource([UInt8](repeating: 7, count: 10_000))
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let sizes = (0..<4).map { _ in buffer.withUnsafeMutableBytes { source.readAvailable(into: $0) } }
        #expect(sizes == [4096, 4096, 1808, 0])
    }
}
