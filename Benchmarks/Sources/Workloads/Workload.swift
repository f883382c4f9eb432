/// The workloads of issue 6 and the extras users ask about. The raw value is the short id used in
/// benchmark names, the verifier's output and the CPython script.
public enum Workload: String, CaseIterable, Sendable {
    case unpack = "W1"
    case pack = "W2"
    case smallFrames = "W3"
    case largeFrames = "W4"
    case nativeUnpack = "W5u"
    case nativePack = "W5p"
    case stringsUnpack = "W6u"
    case stringsViews = "W6v"
    case stringsPack = "W6p"
    case compile = "W7"
    case encode = "W8"
    case hugeFrameChunks = "W9"
    case hugeFrameBytes = "W10"
    case wideUnpack = "W11u"
    case widePack = "W11p"

    /// What the table calls it.
    public var title: String {
        switch self {
        case .unpack: "W1 unpack '<IHHQd'"
        case .pack: "W2 pack '<IHHQd'"
        case .smallFrames: "W3 small frames"
        case .largeFrames: "W4 large frames"
        case .nativeUnpack: "W5 unpack native '@bhiq'"
        case .nativePack: "W5 pack native '@bhiq'"
        case .stringsUnpack: "W6 unpack '<I16s8pH'"
        case .stringsViews: "W6 unpack '<I16s8pH' as views"
        case .stringsPack: "W6 pack '<I16s8pH'"
        case .compile: "W7 compile formats"
        case .encode: "W8 encode '!I' frames"
        case .hugeFrameChunks: "W9 one 64 MiB frame, 64 KiB chunks"
        case .hugeFrameBytes: "W10 one 64 MiB frame, 1-byte chunks"
        case .wideUnpack: "W11 unpack 64-value '<16I16H16Q16d'"
        case .widePack: "W11 pack 64-value '<16I16H16Q16d'"
        }
    }

    /// The unit one operation is counted in.
    public var unit: String {
        switch self {
        case .smallFrames, .largeFrames, .encode, .hugeFrameChunks, .hugeFrameBytes: "frames"
        case .compile: "formats"
        default: "records"
        }
    }

    /// Whether MB/s (of the stream) is the throughput that matters.
    public var reportsBytes: Bool {
        switch self {
        case .smallFrames, .largeFrames, .encode, .hugeFrameChunks, .hugeFrameBytes: true
        default: false
        }
    }
}

/// Every input of one scale, generated on first use and then shared (single-threaded use).
public final class Inputs: @unchecked Sendable {
    /// The scale the inputs were generated at.
    public let scale: Scale

    /// Inputs of `scale`; nothing is generated until used.
    public init(scale: Scale) {
        self.scale = scale
    }

    /// W1 and W2.
    public private(set) lazy var standard = RecordSet.standard(count: scale.records)
    /// Native `'@bhiq'`.
    public private(set) lazy var native = RecordSet.native(count: scale.records)
    /// `'<I16s8pH'`.
    public private(set) lazy var strings = RecordSet.strings(count: scale.records)
    /// `'<16I16H16Q16d'`.
    public private(set) lazy var wide = RecordSet.wide(count: scale.wideRecords)
    /// W3 and the encoder's payloads.
    public private(set) lazy var small = FrameStream.small(byteCount: scale.smallStreamBytes)
    /// W4.
    public private(set) lazy var large = FrameStream.large(frames: scale.largeFrames)
    /// W9 and W10.
    public private(set) lazy var huge = SingleFrameStream.make(payloadSize: scale.hugeFrameBytes)

    /// Operations in one pass over `workload` (records, frames, formats).
    public func operations(_ workload: Workload) -> Int {
        switch workload {
        case .unpack, .pack, .nativeUnpack, .nativePack, .stringsUnpack, .stringsViews, .stringsPack: scale.records
        case .wideUnpack, .widePack: scale.wideRecords
        case .smallFrames, .encode: small.frames
        case .largeFrames: large.frames
        case .hugeFrameChunks, .hugeFrameBytes: 1
        case .compile: scale.formatsCompiled
        }
    }

    /// Stream bytes in one pass (frame workloads), else 0.
    public func bytes(_ workload: Workload) -> Int {
        switch workload {
        case .smallFrames, .encode: small.stream.count
        case .largeFrames: large.stream.count
        case .hugeFrameChunks, .hugeFrameBytes: huge.stream.count
        default: 0
        }
    }

    /// The checksum every implementation of `workload` must produce.
    public func expectedChecksum(_ workload: Workload) -> UInt64 {
        switch workload {
        case .unpack: standard.checksum
        case .pack: CRC32.checksum(standard.packed)
        case .nativeUnpack: native.checksum
        case .nativePack: CRC32.checksum(native.packed)
        case .stringsUnpack, .stringsViews: strings.checksum
        case .stringsPack: CRC32.checksum(strings.packed)
        case .wideUnpack: wide.checksum
        case .widePack: CRC32.checksum(wide.packed)
        case .smallFrames: small.checksum
        case .largeFrames: large.checksum
        case .hugeFrameChunks, .hugeFrameBytes: huge.checksum
        case .encode: CRC32.checksum(small.stream)
        case .compile: compiledSizeSum(count: scale.formatsCompiled)
        }
    }
}

/// The sizes of the formats of ``compiledFormats`` for `count` compilations in turn, added up:
/// the compilation workload's checksum.
func compiledSizeSum(count: Int) -> UInt64 {
    let sizes: [UInt64] = [24, 16, 30, 4, 5, 12, 22, 24, 32, 20]
    return (0..<count).reduce(0) { $0 &+ sizes[$1 % sizes.count] }
}
