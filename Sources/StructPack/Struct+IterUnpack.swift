// Python's `iter_unpack`: a buffer of back-to-back records, unpacked lazily. The records are
// a random-access collection, so `records.count` and `records[i]` work as well as `for`.

extension Struct {
    /// The bytes a record collection reads: an array slice's storage (shared, not copied) or,
    /// when `pointer` is set, a caller's buffer. A struct rather than an enum so that reading a
    /// record borrows the slice instead of copying (and retaining) it.
    @usableFromInline
    struct RecordStorage: @unchecked Sendable {
        // @unchecked: `pointer` is the caller's memory, documented as borrowed for the
        // collection's lifetime; the slice is a Sendable value.
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
    }

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
        @usableFromInline let storage: RecordStorage

        /// The number of records.
        public let count: Int

        @usableFromInline
        init(format: Struct, storage: RecordStorage, count: Int) {
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

    /// Records of typed tuples, unpacked lazily from a buffer of back-to-back records; the types
    /// were checked once, when the collection was made, so reading a record checks nothing.
    public struct TypedRecords<Codec: TupleDecoding>: RandomAccessCollection, Sendable {
        /// The format of each record.
        public let format: Struct
        @usableFromInline let storage: RecordStorage
        @usableFromInline let plan: Codec.Plan
        @usableFromInline let access: TupleAccess
        @usableFromInline let swapsBytes: Bool
        @usableFromInline let recordSize: Int

        /// The number of records.
        public let count: Int

        @inlinable
        init(format: Struct, storage: RecordStorage, count: Int) {
            self.format = format
            self.storage = storage
            self.count = count
            self.plan = Codec.plan(for: format)
            self.access = Codec.access(plan, format: format)
            self.swapsBytes = format.swapsBytes
            self.recordSize = format.size
        }

        /// 0.
        @inlinable
        public var startIndex: Int { 0 }
        /// The number of records.
        @inlinable
        public var endIndex: Int { count }

        /// The tuple of record `index`.
        ///
        /// - Precondition: `0 <= index < count`, as for any collection's subscript.
        /// - Complexity: O(number of values); no heap allocation unless a type allocates.
        @inlinable @inline(__always)
        public subscript(index: Int) -> Codec.Tuple {
            precondition(index >= 0 && index < count, "record index out of range")
            return record(at: index &* recordSize)
        }

        @inlinable @inline(__always)
        func decode(_ bytes: RawSpan, at base: Int) -> Codec.Tuple {
            Codec.read(plan, access, from: bytes, at: base, swapsBytes: swapsBytes)
        }

        /// The record starting at byte `base`, which the caller keeps inside the buffer.
        @inlinable @inline(__always)
        func record(at base: Int) -> Codec.Tuple {
            if let pointer = storage.pointer { return decode(pointer.bytes, at: base) }
            return decode(storage.slice.span.bytes, at: base)
        }

        /// An iterator that walks byte offsets, so a `for` loop pays no index check and no
        /// multiplication per record.
        @inlinable
        public func makeIterator() -> Iterator {
            Iterator(records: self)
        }

        /// Iterates over the records in order. It holds only what reading needs (not the format),
        /// so advancing it copies nothing that is reference counted.
        public struct Iterator: IteratorProtocol, Sendable {
            @usableFromInline let storage: RecordStorage
            @usableFromInline let plan: Codec.Plan
            @usableFromInline let access: TupleAccess
            @usableFromInline let swapsBytes: Bool
            @usableFromInline let recordSize: Int
            @usableFromInline let end: Int
            @usableFromInline var offset: Int

            @inlinable
            init(records: TypedRecords) {
                self.storage = records.storage
                self.plan = records.plan
                self.access = records.access
                self.swapsBytes = records.swapsBytes
                self.recordSize = records.recordSize
                // count * recordSize is the buffer's byte count, checked when the records were made.
                self.end = records.count &* records.recordSize
                self.offset = 0
            }

            /// The next record's tuple, or `nil` after the last.
            @inlinable @inline(__always)
            public mutating func next() -> Codec.Tuple? {
                guard offset < end else { return nil }
                let base = offset
                offset &+= recordSize
                if let pointer = storage.pointer {
                    return Codec.read(plan, access, from: pointer.bytes, at: base, swapsBytes: swapsBytes)
                }
                return Codec.read(plan, access, from: storage.slice.span.bytes, at: base, swapsBytes: swapsBytes)
            }
        }
    }

    /// Checks the types and the buffer for a typed `iterUnpack` and makes the collection.
    ///
    /// - Throws: `.zeroSizeIteration`, `.wrongBufferSize` or `.typeMismatch`.
    @inlinable
    public func iterUnpack<C: TupleDecoding>(_ bytes: ArraySlice<UInt8>, codec: C.Type) throws(StructError)
        -> TypedRecords<C>
    {
        let count = try recordCount(byteCount: bytes.count)
        try checkTypes(codec)
        return TypedRecords(format: self, storage: RecordStorage(slice: bytes), count: count)
    }

    /// Checks the types and the buffer for a typed `iterUnpack` over a buffer and makes the
    /// collection.
    ///
    /// - Warning: The collection reads `bytes` whenever it is accessed; keep the memory alive
    ///   and unchanged while you use it, and do not let it escape that scope.
    /// - Throws: `.zeroSizeIteration`, `.wrongBufferSize` or `.typeMismatch`.
    @inlinable
    public func iterUnpack<C: TupleDecoding>(_ bytes: UnsafeRawBufferPointer, codec: C.Type) throws(StructError)
        -> TypedRecords<C>
    {
        let count = try recordCount(byteCount: bytes.count)
        try checkTypes(codec)
        return TypedRecords(format: self, storage: RecordStorage(pointer: bytes), count: count)
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
        return Records(format: self, storage: RecordStorage(slice: bytes), count: try recordCount(byteCount: bytes.count))
    }

    /// Unpacks back-to-back records of a buffer lazily.
    ///
    /// - Warning: The collection reads `bytes` whenever it is accessed; keep the memory alive
    ///   and unchanged while you use it, and do not let it escape that scope.
    /// - Throws: as ``iterUnpack(_:)-([UInt8])``.
    public func iterUnpack(_ bytes: UnsafeRawBufferPointer) throws(StructError) -> Records {
        try Self.checkAllocation(count: valueCount, stride: MemoryLayout<StructValue>.stride)
        return Records(format: self, storage: RecordStorage(pointer: bytes), count: try recordCount(byteCount: bytes.count))
    }
}
