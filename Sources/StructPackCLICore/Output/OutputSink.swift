/// Where a command writes its standard output.
///
/// Commands compute everything that can fail before they write, so a failing command writes
/// nothing; output that is produced incrementally (`unpack --iter` over a large file) is
/// written as it goes.
public protocol OutputSink: AnyObject {
    /// Writes bytes (possibly buffering them).
    ///
    /// - Throws: ``ToolError`` when the destination refuses them.
    func write(_ bytes: [UInt8]) throws(ToolError)

    /// Writes out anything buffered.
    ///
    /// - Throws: ``ToolError`` when the destination refuses it.
    func flush() throws(ToolError)
}

extension OutputSink {
    /// Writes text as UTF-8.
    ///
    /// - Throws: as ``write(_:)``.
    public func write(_ text: String) throws(ToolError) {
        try write(Array(text.utf8))
    }
}

/// Output kept in memory, for tests and fuzzing.
public final class MemoryOutput: OutputSink {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty output.
    public init() {}

    /// The output as text (invalid UTF-8 repaired).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends `bytes`.
    public func write(_ bytes: [UInt8]) {
        self.bytes += bytes
    }

    /// Does nothing.
    public func flush() {}
}
