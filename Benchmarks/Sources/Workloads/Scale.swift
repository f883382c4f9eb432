/// How big the inputs are: the full workloads of the issue, or a small smoke run for CI.
public struct Scale: Sendable, Hashable {
    /// Records in the record workloads (W1, W2, native, strings).
    public let records: Int
    /// Bytes of the small-frame stream (W3) and of the payloads the encoder writes.
    public let smallStreamBytes: Int
    /// Frames of 1 MiB in the large-frame stream (W4).
    public let largeFrames: Int
    /// Formats compiled per pass.
    public let formatsCompiled: Int
    /// The payload of the single frame of W9 and W10.
    public let hugeFrameBytes: Int
    /// Records in the 64-value workload (W11).
    public let wideRecords: Int

    /// The issues' sizes: 1,000,000 records, a 64 MiB stream, 64 frames of 1 MiB, one of 64 MiB.
    public static let full = Scale(records: 1_000_000, smallStreamBytes: 64 << 20, largeFrames: 64, formatsCompiled: 10_000, hugeFrameBytes: 64 << 20, wideRecords: 100_000)
    /// A run of a second or two, for CI: checksums must still agree.
    public static let smoke = Scale(records: 20_000, smallStreamBytes: 1 << 20, largeFrames: 4, formatsCompiled: 200, hugeFrameBytes: 1 << 20, wideRecords: 2_000)

    /// The scale named by `BENCHMARK_SCALE` (`smoke`), else ``full``.
    public static func fromEnvironment(_ value: String?) -> Scale {
        value == "smoke" ? .smoke : .full
    }
}
