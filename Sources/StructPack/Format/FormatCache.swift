import Synchronization

/// The compiled formats behind the one-shot functions (`Struct.pack("<I", …)`), as CPython
/// caches compiled formats behind `struct.pack`: at most ``capacity`` entries, emptied when full.
enum FormatCache {
    static let capacity = 100
    /// The format with no values (`""`), for plans whose format did not compile.
    static let emptyFormat = Struct(emptyFormat: ())
    private static let entries = Mutex<[String: Struct]>([:])

    /// The compiled format for `format`, compiled and remembered on first use.
    ///
    /// - Throws: the format's compile error (errors are not cached).
    static func compiled(_ format: String) throws(StructError) -> Struct {
        if let cached = entries.withLock({ $0[format] }) { return cached }
        let compiled = try Struct(format)
        entries.withLock { cache in
            if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
            cache[format] = compiled
        }
        return compiled
    }
}
