/// Bytes the typed API reads in place: `[UInt8]`, `ArraySlice<UInt8>`, `UnsafeRawBufferPointer`,
/// `UnsafeMutableRawBufferPointer` and `RawSpan`. Machinery: you never conform a type to it; pass
/// one of these wherever a signature says `some StructInput`.
public protocol _StructInputBytes: ~Escapable {
    /// Calls `body` with the bytes and, when they are an array's, that array (views share it).
    ///
    /// - Throws: what `body` throws.
    func _withStructBytes<Result, Failure: Error>(
        _ body: (RawSpan, ArraySlice<UInt8>?) throws(Failure) -> Result
    ) throws(Failure) -> Result
}

/// Bytes the typed API reads in place; a parameter of this type takes
/// `[UInt8]`, `ArraySlice<UInt8>`, `UnsafeRawBufferPointer`, `UnsafeMutableRawBufferPointer` or
/// `RawSpan`.
public typealias StructInput = _StructInputBytes & ~Escapable

/// Bytes a lazy record collection (`iterUnpack`) keeps and reads whenever a record is accessed:
/// `[UInt8]` and `ArraySlice<UInt8>` (shared, not copied) and `UnsafeRawBufferPointer` (which
/// must stay alive and unchanged while the collection is used). Machinery: you never conform a
/// type to it.
public protocol StructBuffer: _StructInputBytes {
    /// The storage the collection keeps.
    var _recordStorage: _RecordStorage { get }
}

/// Memory the typed API packs into in place: `[UInt8]` and `MutableRawSpan` (pass `&bytes`).
/// Machinery: you never conform a type to it.
public protocol _StructOutputBytes: ~Copyable, ~Escapable {
    /// Calls `body` with the bytes as a mutable span.
    ///
    /// - Throws: what `body` throws.
    mutating func _withMutableStructBytes<Result, Failure: Error>(
        _ body: (inout MutableRawSpan) throws(Failure) -> Result
    ) throws(Failure) -> Result
}

/// Memory the typed API packs into in place: `inout [UInt8]` or
/// `inout MutableRawSpan`.
public typealias StructOutput = _StructOutputBytes & ~Copyable & ~Escapable

extension Array: _StructInputBytes, StructBuffer where Element == UInt8 {
    @inlinable @inline(__always)
    public func _withStructBytes<Result, Failure: Error>(
        _ body: (RawSpan, ArraySlice<UInt8>?) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(span.bytes, self[...])
    }

    @inlinable
    public var _recordStorage: _RecordStorage { _RecordStorage(slice: self[...]) }
}

extension ArraySlice: _StructInputBytes, StructBuffer where Element == UInt8 {
    @inlinable @inline(__always)
    public func _withStructBytes<Result, Failure: Error>(
        _ body: (RawSpan, ArraySlice<UInt8>?) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(span.bytes, self)
    }

    @inlinable
    public var _recordStorage: _RecordStorage { _RecordStorage(slice: self) }
}

extension UnsafeRawBufferPointer: _StructInputBytes, StructBuffer {
    @inlinable @inline(__always)
    public func _withStructBytes<Result, Failure: Error>(
        _ body: (RawSpan, ArraySlice<UInt8>?) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(bytes, nil)
    }

    @inlinable
    public var _recordStorage: _RecordStorage { _RecordStorage(pointer: self) }
}

extension UnsafeMutableRawBufferPointer: _StructInputBytes {
    @inlinable @inline(__always)
    public func _withStructBytes<Result, Failure: Error>(
        _ body: (RawSpan, ArraySlice<UInt8>?) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(UnsafeRawBufferPointer(self).bytes, nil)
    }
}

extension RawSpan: _StructInputBytes {
    @inlinable @inline(__always)
    public func _withStructBytes<Result, Failure: Error>(
        _ body: (RawSpan, ArraySlice<UInt8>?) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(self, nil)
    }
}

extension Array: _StructOutputBytes where Element == UInt8 {
    @inlinable @inline(__always)
    public mutating func _withMutableStructBytes<Result, Failure: Error>(
        _ body: (inout MutableRawSpan) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        var span = mutableSpan
        var bytes = span.mutableBytes
        return try body(&bytes)
    }
}

extension MutableRawSpan: _StructOutputBytes {
    @inlinable @inline(__always)
    public mutating func _withMutableStructBytes<Result, Failure: Error>(
        _ body: (inout MutableRawSpan) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(&self)
    }
}

/// The bytes a lazy record collection reads: an array slice's storage (shared, not copied) or a
/// caller's buffer. A struct rather than an enum so that reading a record borrows the slice
/// instead of copying (and retaining) it. Machinery.
public struct _RecordStorage: @unchecked Sendable {
    // @unchecked: `pointer` is the caller's memory, documented as borrowed for the collection's
    // lifetime; the slice is a Sendable value.
    @usableFromInline let slice: ArraySlice<UInt8>
    @usableFromInline let pointer: UnsafeRawBufferPointer?

    @inlinable
    init(slice: ArraySlice<UInt8>) {
        self.slice = slice
        self.pointer = nil
    }

    @inlinable
    init(pointer: UnsafeRawBufferPointer) {
        self.slice = []
        self.pointer = pointer
    }

    /// The number of bytes.
    @inlinable
    var byteCount: Int { pointer?.count ?? slice.count }

    /// Calls `body` with the bytes and the owning slice when there is one.
    @inlinable @inline(__always)
    func withBytes<Result, Failure: Error>(_ body: (RawSpan, ArraySlice<UInt8>?) throws(Failure) -> Result)
        throws(Failure) -> Result
    {
        if let pointer { return try body(pointer.bytes, nil) }
        return try body(slice.span.bytes, slice)
    }
}
