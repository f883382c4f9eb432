public import Workloads

/// What an implementation stands for in the table.
public enum Role: String, Sendable {
    /// The practical limit every ratio is taken against: hand-written code.
    case limit
    /// StructPack's or StreamFramer's typed (compile-time types) path.
    case typed
    /// StructPack's dynamic `StructValue` path, or StreamFramer's run-time `Framer`.
    case dynamic
    /// Another library a Swift user might pick.
    case peer
    /// A bound that is not an implementation of the workload (memcpy bandwidth).
    case reference
    /// Another hand-written loop for the same job, shown for comparison with the limit.
    case alternative
}

/// One pass of an implementation over a workload's input, ready to run.
public struct Runner {
    /// Runs one pass; the result depends on all the work done, so it cannot be skipped.
    public let run: () -> UInt64
    /// The checksum of the last pass: its result for folding workloads, the CRC-32 of its output
    /// for packing and encoding workloads. Not timed.
    public let checksum: () -> UInt64

    /// A runner whose pass returns the workload's fold.
    public static func folding(_ pass: @escaping () -> UInt64) -> Runner {
        let last = Box<UInt64>(0)
        return Runner(
            run: {
                let value = pass()
                last.value = value
                return value
            }, checksum: { last.value })
    }

    /// A runner whose pass writes into `output`; the checksum is the CRC-32 of `output()`'s bytes.
    public static func writing(_ pass: @escaping () -> UInt64, output: @escaping () -> [UInt8]) -> Runner {
        Runner(run: pass, checksum: { CRC32.checksum(output()) })
    }
}

/// A mutable value shared by a runner's closures.
final class Box<Value> {
    var value: Value

    init(_ value: Value) {
        self.value = value
    }
}

/// A non-copyable framer kept between passes; a pass takes it out and puts it back, so the
/// pass works on a local value with no exclusivity checks.
final class FramerHolder<Framer: ~Copyable> {
    var framer: Framer?

    init(_ framer: consuming Framer) {
        self.framer = consume framer
    }

    func take() -> Framer {
        framer.take()!
    }

    func put(_ framer: consuming Framer) {
        self.framer = consume framer
    }
}

/// One row of the table: an implementation of a workload.
public final class BenchmarkCase: @unchecked Sendable {
    // @unchecked: a case is prepared and run by one thread at a time (the benchmark runner's).
    /// The workload.
    public let workload: Workload
    /// The implementation's name in the table.
    public let implementation: String
    /// What it stands for.
    public let role: Role
    let make: (Inputs) -> Runner
    var runner: Runner?

    init(_ workload: Workload, _ implementation: String, _ role: Role, make: @escaping (Inputs) -> Runner) {
        self.workload = workload
        self.implementation = implementation
        self.role = role
        self.make = make
    }

    /// The benchmark's name: `W1 unpack '<IHHQd' / StructPack typed unpacker`.
    public var name: String { "\(workload.rawValue) \(implementation)" }

    /// Generates the inputs (if not yet) and the pass's buffers, outside any measurement.
    public func prepare(_ inputs: Inputs) {
        if runner == nil { runner = make(inputs) }
    }

    /// One pass; call ``prepare(_:)`` first.
    @inline(never)
    public func run() -> UInt64 {
        runner!.run()
    }

    /// The checksum of the last pass (`nil` for references, which compute no result).
    public func checksum() -> UInt64? {
        role == .reference ? nil : runner!.checksum()
    }

    /// Drops the pass's buffers.
    public func release() {
        runner = nil
    }
}
