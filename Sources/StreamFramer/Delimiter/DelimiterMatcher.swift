#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the first delimiter occurrence that ends in a byte range, for ``DelimiterFramer``.
///
/// Candidate end bytes are found with `memchr` when every delimiter ends with the same byte
/// (`\n` for both `\n` and `\r\n`), else with a 256-bit set of last bytes; each candidate is
/// then compared with the delimiters, longest first.
@usableFromInline
struct DelimiterMatcher: Sendable, Hashable {
    /// The delimiters' bytes, longest delimiter first, back to back.
    let flattened: [UInt8]
    /// Each delimiter's range in ``flattened``, longest first.
    let ranges: [Range<Int>]
    /// The byte every delimiter ends with, if they all end with the same one.
    let commonLastByte: UInt8?
    /// Bit `b` is set when some delimiter ends with byte `b`.
    let lastBytes: [UInt64]

    @usableFromInline
    init(delimitersLongestFirst: [[UInt8]]) {
        var flattened: [UInt8] = []
        var ranges: [Range<Int>] = []
        var lastBytes = [UInt64](repeating: 0, count: 4)
        for delimiter in delimitersLongestFirst {
            ranges.append(flattened.count..<(flattened.count + delimiter.count))
            flattened += delimiter
            if let last = delimiter.last { lastBytes[Int(last >> 6)] |= 1 << UInt64(last & 63) }
        }
        let lasts = Set(delimitersLongestFirst.compactMap(\.last))
        self.flattened = flattened
        self.ranges = ranges
        self.commonLastByte = lasts.count == 1 ? lasts.first : nil
        self.lastBytes = lastBytes
    }

    /// The first delimiter that ends at or after `scanStart` in `bytes` and lies wholly inside
    /// `bytes`, as (start, end) offsets into `bytes`; `nil` if none ends before `bytes.count`.
    ///
    /// - Complexity: O(`bytes.count - scanStart`) times the delimiters' total length at worst;
    ///   `memchr` speed for the common cases.
    @usableFromInline
    func firstMatch(in bytes: UnsafeRawBufferPointer, scanningFrom scanStart: Int) -> (start: Int, end: Int)? {
        guard let base = bytes.baseAddress, scanStart < bytes.count else { return nil }
        return flattened.withUnsafeBytes { delimiters -> (start: Int, end: Int)? in
            guard let delimiterBase = delimiters.baseAddress else { return nil }
            var position = scanStart
            while position < bytes.count {
                guard let candidate = nextCandidate(base, from: position, count: bytes.count) else { return nil }
                let end = candidate + 1
                for range in ranges where range.count <= end {
                    // safe because range lies inside flattened and end - range.count >= 0.
                    let start = end - range.count
                    if memcmp(base + start, delimiterBase + range.lowerBound, range.count) == 0 {
                        return (start, end)
                    }
                }
                position = end
            }
            return nil
        }
    }

    /// The offset of the next byte at or after `position` that ends some delimiter.
    private func nextCandidate(_ base: UnsafeRawPointer, from position: Int, count: Int) -> Int? {
        if let byte = commonLastByte {
            // safe because position < count, so the range searched lies inside the buffer.
            guard let found = memchr(base + position, Int32(byte), count - position) else { return nil }
            return UnsafeRawPointer(found) - base
        }
        var index = position
        while index < count {
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            if lastBytes[Int(byte >> 6)] & (1 << UInt64(byte & 63)) != 0 { return index }
            index += 1
        }
        return nil
    }
}
