/// A cursor over the fuzzer's bytes that hands out small decisions, integers and byte strings,
/// in the manner of LLVM's `FuzzedDataProvider`: reading past the end yields zeros, never traps,
/// so every input, however short, is a valid test case.
///
/// Decisions are taken from the front of the input, so libFuzzer's mutations of early bytes
/// change the shape of a test case (the format, the framing) and later bytes change its data.
struct FuzzInput {
    /// The fuzzer's bytes, borrowed for the duration of one `LLVMFuzzerTestOneInput` call.
    let bytes: UnsafeRawBufferPointer
    /// The offset of the next byte to hand out.
    private(set) var position = 0

    /// Wraps the fuzzer's bytes.
    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The number of bytes not yet consumed.
    var remaining: Int { bytes.count - position }

    /// Whether every byte has been consumed.
    var isExhausted: Bool { position >= bytes.count }

    /// The next byte, or 0 past the end.
    mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// The next byte's low bit.
    mutating func bool() -> Bool {
        byte() & 1 == 1
    }

    /// A value in `range`, from one byte when the range is small, else from eight.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound))
        if width == UInt64.max { return Int(truncatingIfNeeded: uint64()) }
        let raw = width < 256 ? UInt64(byte()) : uint64()
        return range.lowerBound &+ Int(truncatingIfNeeded: raw % (width + 1))
    }

    /// One of `choices`, picked by the next byte.
    mutating func pick<T>(_ choices: [T]) -> T {
        choices[Int(byte()) % choices.count]
    }

    /// Eight bytes as a little-endian integer (missing bytes are zero).
    mutating func uint64() -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(byte()) << UInt64(8 * index) }
        return value
    }

    /// Sixteen bytes as a little-endian integer.
    mutating func uint128() -> UInt128 {
        UInt128(uint64()) | UInt128(uint64()) << 64
    }

    /// Up to `count` bytes (fewer at the end of the input).
    mutating func bytes(_ count: Int) -> [UInt8] {
        let available = Swift.max(0, Swift.min(count, remaining))
        defer { position += available }
        return Array(bytes[position..<(position + available)])
    }

    /// Every byte not yet consumed.
    mutating func rest() -> [UInt8] {
        bytes(remaining)
    }
}
