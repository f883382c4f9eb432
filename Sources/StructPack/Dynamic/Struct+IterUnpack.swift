// Python's `iter_unpack`: a buffer of back-to-back records, unpacked lazily. The records are
// a random-access collection, so `records.count` and `records[i]` work as well as `for`.

extension Struct {
    /// Checks Python's `iter_unpack` preconditions and returns the number of records.
    ///
    /// - Throws: `.zeroSizeIteration` for a zero-size format, `.wrongBufferSize` when
    ///   `byteCount` is not a multiple of ``size``.
    @inlinable
    func recordCount(byteCount: Int) throws(StructError) -> Int {
        guard size > 0 else { throw StructError.zeroSizeIteration }
        guard byteCount % size == 0 else { throw StructError.iterationSize(size) }
        return byteCount / size
    }

    /// Records of dynamic values, unpacked lazily from a buffer of back-to-back records: each
    /// element is a ``RecordValues`` view that reads a value when it is subscripted.
    public struct Records: RandomAccessCollection, Sendable {
        @usableFromInline let source: _DynamicRecordSource

        /// The number of records.
        public let count: Int

        @usableFromInline
        init(source: _DynamicRecordSource, count: Int) {
            self.source = source
            self.count = count
        }

        /// The format of each record.
        public var format: Struct { source.format }

        /// 0.
        @inlinable
        public var startIndex: Int { 0 }

        /// The number of records.
        @inlinable
        public var endIndex: Int { count }

        /// The values of record `index`.
        ///
        /// - Precondition: `0 <= index < count`, as for any collection.
        /// - Complexity: O(1) for formats within 1,024 values, O(format size) otherwise.
        @inlinable
        public subscript(index: Int) -> RecordValues {
            // The caller's index (Collection's contract); never a value from the bytes.
            precondition(index >= 0 && index < count, "record index out of range")
            // index < count, so the record lies inside the buffer.
            return RecordValues(source: source, base: index &* source.size)
        }

        /// An iterator that walks byte offsets.
        @inlinable
        public func makeIterator() -> Iterator {
            Iterator(source: source, end: count &* source.size)
        }

        /// Iterates over records in order.
        public struct Iterator: IteratorProtocol, Sendable {
            @usableFromInline let source: _DynamicRecordSource
            /// The buffer's byte count: count × size, checked when the records were made.
            @usableFromInline let end: Int
            @usableFromInline var offset = 0

            @inlinable
            init(source: _DynamicRecordSource, end: Int) {
                self.source = source
                self.end = end
            }

            /// The next record's values, or `nil` after the last.
            @inlinable @inline(__always)
            public mutating func next() -> RecordValues? {
                guard offset < end else { return nil }
                let base = offset
                offset &+= source.size
                return RecordValues(source: source, base: base)
            }
        }
    }

    /// Unpacks back-to-back records lazily (Python's `iter_unpack`); the array's storage is
    /// shared, not copied.
    ///
    /// - Throws: `.zeroSizeIteration` or `.wrongBufferSize` with CPython's messages, or
    ///   `.allocationLimit` when one record's values would exceed ``allocationLimit``.
    public func iterUnpack(_ bytes: [UInt8]) throws(StructError) -> Records {
        try iterUnpack(bytes[...])
    }

    /// Unpacks back-to-back records of a slice lazily, sharing its storage.
    ///
    /// - Throws: as ``iterUnpack(_:)-([UInt8])``.
    public func iterUnpack(_ bytes: ArraySlice<UInt8>) throws(StructError) -> Records {
        try Self.checkAllocation(count: valueCount, stride: MemoryLayout<StructValue>.stride)
        let count = try recordCount(byteCount: bytes.count)
        return Records(source: _DynamicRecordSource(format: self, storage: _RecordStorage(slice: bytes)), count: count)
    }

    /// Unpacks back-to-back records of a buffer lazily.
    ///
    /// - Warning: The collection reads `bytes` whenever it is accessed; keep the memory alive
    ///   and unchanged while you use it, and do not let it escape that scope.
    /// - Throws: as ``iterUnpack(_:)-([UInt8])``.
    public func iterUnpack(_ bytes: UnsafeRawBufferPointer) throws(StructError) -> Records {
        try Self.checkAllocation(count: valueCount, stride: MemoryLayout<StructValue>.stride)
        let count = try recordCount(byteCount: bytes.count)
        return Records(source: _DynamicRecordSource(format: self, storage: _RecordStorage(pointer: bytes)), count: count)
    }
}
