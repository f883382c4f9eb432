// The folds every implementation applies to its results, so that results must match exactly
// across implementations and no implementation can skip work. Each is cheap (a few instructions
// per record or frame) so it does not dilute the differences being measured, and each has a
// one-line Python equivalent in Scripts/cpython_struct.py.

/// W1's fold over `'<IHHQd'` records: `s += a + b + c + d (mod 2^64)`, `f += e` in record
/// order; the checksum is `s ^ bits(f)`. Light on purpose: the loop a user writes to sum fields,
/// so the fold does not hide the unpacking being measured.
public struct RecordChecksum: Sendable {
    public var integers: UInt64 = 0
    public var doubles: Double = 0

    public init() {}

    @inlinable @inline(__always)
    public mutating func add(_ a: UInt32, _ b: UInt16, _ c: UInt16, _ d: UInt64, _ e: Double) {
        integers &+= UInt64(a) &+ UInt64(b) &+ UInt64(c) &+ d
        doubles += e
    }

    @inlinable
    public var value: UInt64 { integers ^ doubles.bitPattern }
}

/// The native `'@bhiq'` fold: `s += b + h + i + q (mod 2^64)`, signed values wrapping.
public struct NativeChecksum: Sendable {
    public var value: UInt64 = 0

    public init() {}

    @inlinable @inline(__always)
    public mutating func add(_ b: Int8, _ h: Int16, _ i: Int32, _ q: Int64) {
        value &+= UInt64(bitPattern: Int64(b) &+ Int64(h) &+ Int64(i) &+ q)
    }
}

/// The 64-value `'<16I16H16Q16d'` fold: `s += every integer (mod 2^64)`, `f += every double` in
/// order; the checksum is `s ^ bits(f)`.
public struct WideChecksum: Sendable {
    public var integers: UInt64 = 0
    public var doubles: Double = 0

    public init() {}

    @inlinable @inline(__always)
    public mutating func add(integer: UInt64) {
        integers &+= integer
    }

    @inlinable @inline(__always)
    public mutating func add(double: Double) {
        doubles += double
    }

    @inlinable
    public var value: UInt64 { integers ^ doubles.bitPattern }
}

/// The `'<I16s8pH'` fold: `s += a + 3h + 5 s[0] + 7 s[15] + 11 len(p) + 13 p[-1] (0 if empty)`.
public struct StringChecksum: Sendable {
    public var value: UInt64 = 0

    public init() {}

    @inlinable @inline(__always)
    public mutating func add(_ a: UInt32, first: UInt8, last: UInt8, pascalCount: Int, pascalLast: UInt8, _ h: UInt16) {
        value &+= UInt64(a) &+ 3 &* UInt64(h) &+ 5 &* UInt64(first) &+ 7 &* UInt64(last)
            &+ 11 &* UInt64(pascalCount) &+ 13 &* UInt64(pascalLast)
    }

    @inlinable @inline(__always)
    public mutating func add(_ a: UInt32, _ s: [UInt8], _ p: [UInt8], _ h: UInt16) {
        add(a, first: s.first ?? 0, last: s.last ?? 0, pascalCount: p.count, pascalLast: p.last ?? 0, h)
    }

    @inlinable @inline(__always)
    public mutating func add(_ a: UInt32, _ s: ArraySlice<UInt8>, _ p: ArraySlice<UInt8>, _ h: UInt16) {
        add(a, first: s.first ?? 0, last: s.last ?? 0, pascalCount: p.count, pascalLast: p.last ?? 0, h)
    }
}

/// The frame fold: per frame `h = 31h + n + 3 first8 + 5 last8 (mod 2^64)`, where `first8` and
/// `last8` are the payload's first and last (up to) 8 bytes read as a little-endian integer.
/// Misframing by one byte changes it; reading every byte would measure the checksum, not the
/// framer.
public struct FrameChecksum: Sendable {
    public var value: UInt64 = 0
    public var frames = 0
    public var bytes = 0

    public init() {}

    @inlinable @inline(__always)
    public mutating func add(_ payload: UnsafeRawBufferPointer) {
        let count = payload.count
        let first: UInt64
        let last: UInt64
        if count >= 8 {
            first = UInt64(littleEndian: payload.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
            last = UInt64(littleEndian: payload.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        } else {
            first = Self.short(payload)
            last = first
        }
        value = value &* 31 &+ UInt64(count) &+ 3 &* first &+ 5 &* last
        frames &+= 1
        bytes &+= count
    }

    @inline(never)
    @usableFromInline
    static func short(_ payload: UnsafeRawBufferPointer) -> UInt64 {
        var word: UInt64 = 0
        for index in payload.indices.reversed() { word = word << 8 | UInt64(payload[index]) }
        return word
    }
}

/// CRC-32 (zlib's polynomial), for checking packed and encoded outputs byte for byte against
/// Python's `zlib.crc32`; computed after a pass, never timed.
public enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var c = UInt32(index)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// The CRC-32 of `bytes`.
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var crc: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { table in
            for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        }
        return UInt64(crc ^ 0xFFFF_FFFF)
    }

    /// The CRC-32 of an array.
    public static func checksum(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { checksum($0) }
    }
}
