import StreamFramer
import Testing

/// `retainedCapacity` (SPEC §3.2): the most an empty buffer keeps when `next()` finds nothing.
@Suite("Retained capacity")
struct RetainedCapacityTests {
    /// A '!I' frame of `size` zero bytes.
    static func frame(_ size: Int) -> [UInt8] {
        [UInt8(size >> 24), UInt8((size >> 16) & 0xFF), UInt8((size >> 8) & 0xFF), UInt8(size & 0xFF)]
            + [UInt8](repeating: 0, count: size)
    }

    @Test func defaultReleasesAnIdleBufferOver1MiB() throws {
        var framer = try LengthFieldFramer()
        #expect(framer.retainedCapacity == 1 << 20)
        framer.append(Self.frame(2 << 20))
        #expect(try framer.next()?.payload.count == 2 << 20)
        #expect(try framer.next() == nil)
        #expect(framer.statistics.capacity == 0)
    }

    @Test func raisedLimitKeepsTheBufferForTheNextFrame() throws {
        var framer = try LengthFieldFramer()
        framer.retainedCapacity = 8 << 20
        framer.append(Self.frame(2 << 20))
        #expect(try framer.next()?.payload.count == 2 << 20)
        #expect(try framer.next() == nil)
        let kept = framer.statistics.capacity
        #expect(kept > 2 << 20)
        framer.append(Self.frame(2 << 20))
        #expect(try framer.next()?.payload.count == 2 << 20)
        // The kept buffer is empty and no frame views it: the next frame is copied to its start
        // (SPEC §3.2's compaction before an append), with no new allocation.
        #expect(framer.statistics.allocations == 1)
        #expect(framer.statistics.capacity == kept)
    }

    /// Only capacity that *exceeds* the limit is released: a buffer of exactly the limit stays.
    @Test func capacityEqualToTheLimitIsKept() throws {
        var framer = try LengthFieldFramer()
        // One 14-byte frame appended whole into an empty buffer: max(E + 14, 14) = 32,782 bytes.
        framer.append(Self.frame(10))
        #expect(try framer.next()?.payload.count == 10)
        #expect(framer.statistics.capacity == 32_782)
        framer.retainedCapacity = 32_782
        #expect(try framer.next() == nil)
        #expect(framer.statistics.capacity == 32_782)
        framer.retainedCapacity = 32_781
        #expect(try framer.next() == nil)
        #expect(framer.statistics.capacity == 0)
    }

    @Test func zeroReleasesEveryIdleBuffer() throws {
        var framer = Framer(try Framing(header: "B"))
        framer.retainedCapacity = 0
        framer.append([1, 0x61])
        #expect(try framer.next().map { Array($0.payload) } == [0x61])
        #expect(framer.statistics.capacity > 0)
        #expect(try framer.next() == nil)
        #expect(framer.statistics.capacity == 0)
        framer.retainedCapacity = -5
        #expect(framer.retainedCapacity == 0)
    }
}
