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

    /// Records of dynamic values, unpacked lazily from a buffer of back-to-back records.
    public struct Records: RandomAccessCollection, Sendable {
        /// The format of each record.
        public let format: Struct
        @usableFromInline let storage: _RecordStorage

        /// The number of records.
        public let count: Int

        @usableFromInline
        init(format: Struct, storage: _RecordStorage, count: Int) {
            self.format = format
            self.storage = storage
            self.count = count
        }

        /// 0.
        public var startIndex: Int { 0 }
        /// The number of records.
        public var endIndex: Int { count }

        /// The values of record `index`.
        ///
        /// - Precondition: `0 <= index < count`, as for any collection.
        /// - Complexity: O(format size).
        public subscript(index: Int) -> [StructValue] {
            precondition(index >= 0 && index < count, "record index out of range")
            var values: [StructValue] = []
            read(index, into: &values)
            return values
        }

        /// Replaces `values` with record `index`'s values, reusing its storage when it can.
        @inline(__always)
        func read(_ index: Int, into values: inout [StructValue]) {
            let base = index &* format.size  // index < count, so inside the buffer
            if format.slots.count == format.valueCount {
                // The per-value table's fast path, given the table and two flags rather than the
                // whole format.
                if let pointer = storage.pointer {
                    Struct.fillValues(
                        &values, from: pointer.bytes, at: base, slots: format.slots, byteOrder: format.byteOrder,
                        swapsBytes: format.swapsBytes)
                } else {
                    Struct.fillValues(
                        &values, from: storage.slice.span.bytes, at: base, slots: format.slots,
                        byteOrder: format.byteOrder, swapsBytes: format.swapsBytes)
                }
                return
            }
            // The allocation check already passed for one record when the collection was made.
            if let pointer = storage.pointer {
                try? format.values(in: pointer.bytes, at: base, into: &values)
            } else {
                try? format.values(in: storage.slice.span.bytes, at: base, into: &values)
            }
        }

        /// An iterator that reuses one array for every record when the previous record's array
        /// has been released (as in a `for` loop), so iterating allocates once, not per record.
        public func makeIterator() -> Iterator {
            Iterator(records: self)
        }

        /// Iterates over records in order, reusing storage between them.
        public struct Iterator: IteratorProtocol, Sendable {
            let records: Records
            var index = 0
            var scratch: [StructValue] = []

            init(records: Records) {
                self.records = records
            }

            /// The next record's values, or `nil` after the last.
            public mutating func next() -> [StructValue]? {
                guard index < records.count else { return nil }
                // Move the array out so that reading the records overlaps no access to self.
                var values: [StructValue] = []
                swap(&values, &scratch)
                records.read(index, into: &values)
                index += 1
                scratch = values
                return values
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
        return Records(format: self, storage: _RecordStorage(slice: bytes), count: try recordCount(byteCount: bytes.count))
    }

    /// Unpacks back-to-back records of a buffer lazily.
    ///
    /// - Warning: The collection reads `bytes` whenever it is accessed; keep the memory alive
    ///   and unchanged while you use it, and do not let it escape that scope.
    /// - Throws: as ``iterUnpack(_:)-([UInt8])``.
    public func iterUnpack(_ bytes: UnsafeRawBufferPointer) throws(StructError) -> Records {
        try Self.checkAllocation(count: valueCount, stride: MemoryLayout<StructValue>.stride)
        return Records(format: self, storage: _RecordStorage(pointer: bytes), count: try recordCount(byteCount: bytes.count))
    }
}
