#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file or standard input, read through its descriptor.
///
/// A regular file is read at offsets (`pread`), starting from the descriptor's position when
/// it was opened (standard input redirected from a file may already be partly read); anything
/// else is read in order.
public final class FileByteSource: ByteSource {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let name: String
    /// Where the source starts in a regular file.
    private let base: Int64
    /// The number of bytes from `base` to the end of a regular file; `nil` for streams.
    public let knownCount: Int?

    /// Opens `path` for reading; `-` is standard input.
    ///
    /// - Throws: ``ToolError`` `cannot open 'PATH': REASON`.
    public init(path: String) throws(ToolError) {
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
            name = "standard input"
        } else {
            let opened = open(path, O_RDONLY | O_CLOEXEC)
            guard opened >= 0 else {
                throw .failure("cannot open \(PythonRepr.string(path)): \(Self.systemReason())")
            }
            descriptor = opened
            ownsDescriptor = true
            name = PythonRepr.string(path)
        }
        var status = stat()
        let position = lseek(descriptor, 0, SEEK_CUR)
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, position >= 0 {
            base = Int64(position)
            knownCount = Int(max(0, Int64(status.st_size) - Int64(position)))
        } else {
            base = 0
            knownCount = nil
        }
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Reads with `pread`, retrying short reads until `count` bytes or the end of the file.
    ///
    /// - Throws: ``ToolError`` `cannot read NAME: REASON`.
    public func read(at offset: Int, count: Int) throws(ToolError) -> [UInt8] {
        try fill(count: count) { pointer, wanted, done in
            pread(descriptor, pointer, wanted, off_t(base + Int64(offset) + Int64(done)))
        }
    }

    /// Reads with `read`, retrying short reads until `count` bytes or the end of the input.
    ///
    /// - Throws: ``ToolError`` `cannot read NAME: REASON`.
    public func readNext(upTo count: Int) throws(ToolError) -> [UInt8] {
        try fill(count: count) { pointer, wanted, _ in
            systemRead(descriptor, pointer, wanted)
        }
    }

    /// Reads with one `read` call (retried only when interrupted), so bytes from a pipe are
    /// returned as soon as they arrive.
    ///
    /// - Returns: The number of bytes read; 0 only at the end of the input or for an empty
    ///   `buffer`.
    /// - Throws: ``ToolError`` `cannot read NAME: REASON`.
    public func readAvailable(into buffer: UnsafeMutableRawBufferPointer) throws(ToolError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            // safe because read writes at most buffer.count bytes at base.
            let got = systemRead(descriptor, base, buffer.count)
            if got >= 0 { return min(got, buffer.count) }
            if errno == EINTR { continue }
            throw .failure("cannot read \(name): \(Self.systemReason())")
        }
    }

    /// Calls `readCall(pointer, wanted, doneSoFar)` until `count` bytes are read or it returns
    /// 0, reading through a bounded scratch buffer so a large `count` costs memory only for
    /// bytes that exist.
    private func fill(count: Int, _ readCall: (UnsafeMutableRawPointer?, Int, Int) -> Int) throws(ToolError)
        -> [UInt8]
    {
        var result: [UInt8] = []
        var scratch = [UInt8](repeating: 0, count: min(count, 1 << 20))
        while result.count < count {
            let wanted = min(count - result.count, scratch.count)
            let done = result.count
            let got = scratch.withUnsafeMutableBytes { raw in
                // safe because wanted <= raw.count.
                readCall(raw.baseAddress, wanted, done)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw .failure("cannot read \(name): \(Self.systemReason())")
            }
            if got == 0 { break }
            result.append(contentsOf: scratch[..<got])
        }
        return result
    }

    /// The C library's text for the current `errno`.
    private static func systemReason() -> String {
        String(cString: strerror(errno))
    }
}

/// The C library's `read`.
private func systemRead(_ descriptor: Int32, _ pointer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Darwin)
    Darwin.read(descriptor, pointer, count)
    #elseif canImport(Musl)
    Musl.read(descriptor, pointer, count)
    #else
    Glibc.read(descriptor, pointer, count)
    #endif
}
