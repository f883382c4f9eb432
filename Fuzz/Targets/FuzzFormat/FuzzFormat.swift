/// Target 1, format parsing: the fuzzer's bytes are a format.
///
/// Checks, for every input:
/// - `Struct(formatBytes:)` never traps and agrees with ``ReferenceFormat`` (SPEC.md §1.1–1.4):
///   same error code, or the same byte order, fields, offsets, size and value count;
/// - a Swift `String` format agrees with the bytes format when it is ASCII, and is
///   `nonASCIIFormat` (with CPython's message shape) otherwise; `Struct.calcsize` (the cached
///   one-shot path) agrees;
/// - huge counts are errors before allocation: the operations below run on formats of any size
///   and must answer from the size alone (`-malloc_limit_mb` in `run.sh` turns any large
///   allocation into a crash);
/// - the offset rule of §1.7 (`byteRange`, `unpack(from:at:)`) matches the reference for extreme
///   buffer lengths and offsets; `slot(ofValue:)` stays inside the record.
///
/// The checks are in `FormatCheck.swift`, which `swift test` also runs on every fail case.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormat(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    checkFormat(UnsafeRawBufferPointer(start: data, count: count))
    return 0
}
