// Python's `iter_unpack`: a buffer of back-to-back records, unpacked lazily. The records are
// a random-access collection, so `records.count` and `records[i]` work as well as `for`.

extension Struct {
    /// The bytes a record collection reads: an array's storage (shared, not copied) or a
    /// caller's buffer.
    @usableFromInline
    enum RecordStorage: @unchecked Sendable {
        // @unchecked: the pointer case is the caller's memory, documented as borrowed for the
        // collection's lifetime; the slice case is a Sendable value.
        case slice(ArraySlice<UInt8>)
        case pointer(UnsafeRawBufferPointer)

        @inlinable
        var byteCount: Int {
            switch self {
            case .slice(let bytes): bytes.count
            case .pointer(let bytes): bytes.count
            }
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
            let base = index * format.size
            // The allocation check already passed for one record when the collection was made.
            switch storage {
            case .slice(let bytes): return (try? format.values(in: bytes.span.bytes, at: base)) ?? []
            case .pointer(let bytes): return (try? format.values(in: bytes.bytes, at: base)) ?? []
            }
        }
    }

    /// Records of typed tuples, unpacked lazily from a buffer of back-to-back records; the
    /// types were checked once, when the sequence was made.
    ///
    /// A `Sequence` with a known ``count`` and random access through ``record(at:)``. (It is not
    /// a `Collection`: Swift 6.3 cannot yet compile a collection whose element is a variadic
    /// tuple.)
    public struct TypedRecords<each T: StructUnpackable>: Sequence {
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

        /// The number of records.
        @inlinable
        public var underestimatedCount: Int { count }

        /// The tuple of record `index`, or `nil` when `index` is outside `0..<count`.
        ///
        /// - Complexity: O(number of values); no heap allocation unless a type allocates.
        @inlinable
        public func record(at index: Int) -> (repeat each T)? {
            guard index >= 0 && index < count else { return nil }
            let base = index &* format.size
            let record: (repeat each T)
            switch storage {
            case .slice(let bytes):
                record = format.unpackUnchecked(bytes.span.bytes, at: base, as: repeat (each T).self)
            case .pointer(let bytes):
                record = format.unpackUnchecked(bytes.bytes, at: base, as: repeat (each T).self)
            }
            return record
        }

        /// An iterator over the records in order.
        @inlinable
        public func makeIterator() -> Iterator {
            Iterator(records: self)
        }

        /// Iterates over typed records in order.
        public struct Iterator: IteratorProtocol {
            @usableFromInline let records: TypedRecords<repeat each T>
            @usableFromInline var index = 0

            @inlinable
            init(records: TypedRecords<repeat each T>) {
                self.records = records
            }

            /// The next record's tuple, or `nil` after the last.
            @inlinable
            public mutating func next() -> (repeat each T)? {
                defer { index &+= 1 }
                return records.record(at: index)
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
        return Records(format: self, storage: .slice(bytes), count: try recordCount(byteCount: bytes.count))
    }

    /// Unpacks back-to-back records of a buffer lazily.
    ///
    /// - Warning: The collection reads `bytes` whenever it is accessed; keep the memory alive
    ///   and unchanged while you use it, and do not let it escape that scope.
    /// - Throws: as ``iterUnpack(_:)-([UInt8])``.
    public func iterUnpack(_ bytes: UnsafeRawBufferPointer) throws(StructError) -> Records {
        try Self.checkAllocation(count: valueCount, stride: MemoryLayout<StructValue>.stride)
        return Records(format: self, storage: .pointer(bytes), count: try recordCount(byteCount: bytes.count))
    }

    /// Unpacks back-to-back records lazily into typed tuples; the types are checked once here.
    ///
    /// ```swift
    /// for (id, value) in try Struct("<Id").iterUnpack(bytes, as: (UInt32, Double).self) { … }
    /// ```
    ///
    /// - Throws: `.zeroSizeIteration`, `.wrongBufferSize` or `.typeMismatch`.
    @inlinable
    public func iterUnpack<each T: StructUnpackable>(_ bytes: [UInt8], as types: (repeat each T).Type)
        throws(StructError) -> TypedRecords<repeat each T>
    {
        try iterUnpack(bytes[...], as: types)
    }

    /// Unpacks back-to-back records of a slice lazily into typed tuples, sharing its storage.
    ///
    /// - Throws: as ``iterUnpack(_:as:)-([UInt8],_)``.
    @inlinable
    public func iterUnpack<each T: StructUnpackable>(_ bytes: ArraySlice<UInt8>, as types: (repeat each T).Type)
        throws(StructError) -> TypedRecords<repeat each T>
    {
        let count = try recordCount(byteCount: bytes.count)
        try checkUnpackTypes(types)
        return TypedRecords(format: self, storage: .slice(bytes), count: count)
    }

    /// Unpacks back-to-back records of a buffer lazily into typed tuples.
    ///
    /// - Warning: The collection reads `bytes` whenever it is accessed; keep the memory alive
    ///   and unchanged while you use it, and do not let it escape that scope.
    /// - Throws: as ``iterUnpack(_:as:)-([UInt8],_)``.
    @inlinable
    public func iterUnpack<each T: StructUnpackable>(_ bytes: UnsafeRawBufferPointer, as types: (repeat each T).Type)
        throws(StructError) -> TypedRecords<repeat each T>
    {
        let count = try recordCount(byteCount: bytes.count)
        try checkUnpackTypes(types)
        return TypedRecords(format: self, storage: .pointer(bytes), count: count)
    }
}
