#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Stops the fuzzer with a report when an invariant does not hold.
///
/// The message goes to standard error and the process aborts, which libFuzzer records as a
/// crash and saves the input as `crash-…`: a broken invariant is treated exactly like a trap.
///
/// - Parameters:
///   - condition: The invariant.
///   - message: What was expected, built only on failure.
@inline(__always)
func invariant(_ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
    if !condition { invariantFailure(message(), file: file, line: line) }
}

/// Reports a broken invariant and aborts; see ``invariant(_:_:file:line:)``.
@inline(never)
func invariantFailure(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
    var report = "\n==== FUZZ INVARIANT BROKEN (\(file):\(line)) ====\n\(message)\n\n"
    report.withUTF8 { text in _ = write(2, text.baseAddress, text.count) }
    abort()
}

/// A fresh allocation of exactly `bytes.count` bytes holding `bytes`, so that AddressSanitizer
/// reports any read or write even one byte outside it (an array's spare capacity would hide an
/// overrun). Deallocate it with `deallocate()`.
func exactCopy(_ bytes: some Collection<UInt8>) -> UnsafeMutableRawBufferPointer {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
    _ = buffer.initializeMemory(as: UInt8.self, from: bytes)
    return buffer
}

/// Calls `body` with an exact-size copy of `bytes` (see ``exactCopy(_:)``), freed afterwards.
func withExactCopy<R>(of bytes: some Collection<UInt8>, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    let buffer = exactCopy(bytes)
    defer { buffer.deallocate() }
    return try body(UnsafeRawBufferPointer(buffer))
}

/// Bytes as lowercase hexadecimal, for invariant messages.
func hex(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}
