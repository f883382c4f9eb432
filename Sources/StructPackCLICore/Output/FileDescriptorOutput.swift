#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered output to a file descriptor (standard output or standard error).
public final class FileDescriptorOutput: OutputSink {
    private let descriptor: Int32
    private let name: String
    private var buffer: [UInt8] = []
    /// Buffered bytes are written once there are this many.
    private static let bufferLimit = 1 << 16

    /// Output to `descriptor`, named `name` in error messages (`standard output`).
    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// Buffers `bytes`, writing the buffer out when it is full.
    ///
    /// - Throws: ``ToolError`` when the descriptor refuses the bytes.
    public func write(_ bytes: [UInt8]) throws(ToolError) {
        buffer += bytes
        if buffer.count >= Self.bufferLimit { try flush() }
    }

    /// Writes out the buffer, retrying partial writes and interrupted calls.
    ///
    /// - Throws: ``ToolError`` naming the descriptor and the system's reason.
    public func flush() throws(ToolError) {
        var written = 0
        while written < buffer.count {
            let result = buffer.withUnsafeBytes { raw in
                // safe because written < raw.count.
                systemWrite(descriptor, raw.baseAddress.map { $0 + written }, raw.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                buffer.removeAll()
                throw .failure("cannot write to \(name): \(reason)")
            }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// The C library's `write`.
private func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Darwin)
    Darwin.write(descriptor, pointer, count)
    #elseif canImport(Musl)
    Musl.write(descriptor, pointer, count)
    #else
    Glibc.write(descriptor, pointer, count)
    #endif
}
