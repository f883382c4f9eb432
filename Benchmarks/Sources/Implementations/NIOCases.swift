import NIOCore
import Workloads

/// swift-nio's `ByteBuffer` on W1 and W2: the integer API a NIO user reaches for.
enum NIOCases {
    static func cases() -> [BenchmarkCase] {
        [
            BenchmarkCase(.unpack, "NIO ByteBuffer readInteger", .peer) { inputs in
                let buffer = ByteBuffer(bytes: inputs.standard.packed)
                return .folding { readIntegers(buffer) }
            },
            BenchmarkCase(.unpack, "NIO ByteBuffer readMultipleIntegers", .peer) { inputs in
                let buffer = ByteBuffer(bytes: inputs.standard.packed)
                return .folding { readMultipleIntegers(buffer) }
            },
            BenchmarkCase(.pack, "NIO ByteBuffer writeInteger", .peer) { inputs in
                let records = inputs.standard.records
                let output = Box(ByteBuffer())
                output.value.reserveCapacity(inputs.standard.packed.count)
                return .writing({ writeIntegers(records, into: &output.value) }, output: { Array(buffer: output.value) })
            },
            BenchmarkCase(.pack, "NIO ByteBuffer writeMultipleIntegers", .peer) { inputs in
                let records = inputs.standard.records
                let output = Box(ByteBuffer())
                output.value.reserveCapacity(inputs.standard.packed.count)
                return .writing({ writeMultipleIntegers(records, into: &output.value) }, output: { Array(buffer: output.value) })
            },
        ]
    }

    @inline(never)
    static func readIntegers(_ input: ByteBuffer) -> UInt64 {
        var buffer = input  // shares the storage; reading moves only this copy's reader index
        var fold = RecordChecksum()
        while let a = buffer.readInteger(endianness: .little, as: UInt32.self),
            let b = buffer.readInteger(endianness: .little, as: UInt16.self),
            let c = buffer.readInteger(endianness: .little, as: UInt16.self),
            let d = buffer.readInteger(endianness: .little, as: UInt64.self),
            let e = buffer.readInteger(endianness: .little, as: UInt64.self)
        {
            fold.add(a, b, c, d, Double(bitPattern: e))
        }
        return fold.value
    }

    @inline(never)
    static func readMultipleIntegers(_ input: ByteBuffer) -> UInt64 {
        var buffer = input
        var fold = RecordChecksum()
        while let (a, b, c, d, e) = buffer.readMultipleIntegers(
            endianness: .little, as: (UInt32, UInt16, UInt16, UInt64, UInt64).self)
        {
            fold.add(a, b, c, d, Double(bitPattern: e))
        }
        return fold.value
    }

    @inline(never)
    static func writeIntegers(_ records: [Record], into output: inout ByteBuffer) -> UInt64 {
        var buffer = output
        output = ByteBuffer()  // keep the storage uniquely referenced while writing
        buffer.clear()
        for record in records {
            buffer.writeInteger(record.a, endianness: .little)
            buffer.writeInteger(record.b, endianness: .little)
            buffer.writeInteger(record.c, endianness: .little)
            buffer.writeInteger(record.d, endianness: .little)
            buffer.writeInteger(record.e.bitPattern, endianness: .little)
        }
        output = buffer
        return UInt64(output.readableBytes)
    }

    @inline(never)
    static func writeMultipleIntegers(_ records: [Record], into output: inout ByteBuffer) -> UInt64 {
        var buffer = output
        output = ByteBuffer()
        buffer.clear()
        for record in records {
            buffer.writeMultipleIntegers(
                record.a, record.b, record.c, record.d, record.e.bitPattern, endianness: .little)
        }
        output = buffer
        return UInt64(output.readableBytes)
    }
}
