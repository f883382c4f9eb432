/// Back-to-back records unpacked lazily from a buffer, in place (Python's `iter_unpack`), as
/// tuples or as a ``StructRecord`` type: a random-access collection, so `count`, `records[i]` and
/// `for` loops all work. The shape was checked against the format when the collection was made
/// (and, for shapes with converted values, every record was read once), so reading a record
/// checks nothing and cannot fail.
///
/// ```swift
/// for (id, ratio) in try Struct("<Id").iterUnpack(bytes, as: (UInt32, Double).self) { … }
/// for header in try Header.iterUnpack(bytes) { … }
/// ```
public struct StructRecords<Shape: _StructDecoding>: RandomAccessCollection, Sendable {
    @usableFromInline let plan: _RecordPlan
    @usableFromInline let storage: _RecordStorage

    /// The number of records.
    public let count: Int

    /// Checks the buffer (and validates every record of a shape that can fail to convert).
    ///
    /// - Throws: `.zeroSizeIteration`, `.wrongBufferSize`, the plan's failure, or the first
    ///   invalid record's error.
    @inlinable
    init(plan: _RecordPlan, storage: _RecordStorage) throws(StructError) {
        guard plan.size > 0 else { throw StructError.zeroSizeIteration }
        guard storage.byteCount % plan.size == 0 else { throw StructError.iterationSize(plan.size) }
        if plan.path == .failed { throw plan.failure }
        self.plan = plan
        self.storage = storage
        self.count = storage.byteCount / plan.size
        if plan.unpackingCanFail { try validate() }
    }

    /// Reads every record once, so that a bad converted value is an error here rather than in
    /// the subscript, which cannot throw.
    ///
    /// - Throws: the first invalid record's error.
    @usableFromInline
    func validate() throws(StructError) {
        var offset = 0
        while offset < count &* plan.size {
            _ = try read(at: offset)
            offset &+= plan.size
        }
    }

    /// 0.
    @inlinable
    public var startIndex: Int { 0 }

    /// The number of records.
    @inlinable
    public var endIndex: Int { count }

    /// Record `index`.
    ///
    /// - Precondition: `0 <= index < count`, as for any collection's subscript; and, for a
    ///   collection over an `UnsafeRawBufferPointer`, the memory is still alive and unchanged.
    /// - Complexity: O(number of values); no heap allocation unless a type allocates.
    @inlinable @inline(__always)
    public subscript(index: Int) -> Shape._Value {
        // The caller's index (Collection's contract); never a value from the bytes.
        precondition(index >= 0 && index < count, "record index out of range")
        return record(at: index &* plan.size)
    }

    /// The record at byte `offset`, which the caller keeps inside the buffer.
    @inlinable @inline(__always)
    func record(at offset: Int) -> Shape._Value {
        do {
            return try read(at: offset)
        } catch {
            // Not reachable from bytes: the shape was checked, and records whose values can fail to
            // convert were all read once, when the collection was made. Only a broken contract
            // gets here: memory behind an UnsafeRawBufferPointer changed since then, or a
            // record's `fields(_:)` visiting other fields for other values (StructFieldGroup
            // requires the same visits every time). A Collection subscript cannot throw.
            preconditionFailure("the records' bytes changed after iterUnpack checked them: \(error)")
        }
    }

    @inlinable @inline(__always)
    func read(at offset: Int) throws(StructError) -> Shape._Value {
        try storage.withBytes { (span, owner) throws(StructError) -> Shape._Value in
            try _RecordEngine.read(Shape.self, plan, from: span, at: offset, owner: owner)
        }
    }

    /// An iterator that walks byte offsets, so a `for` loop pays no index check and no
    /// multiplication per record.
    @inlinable
    public func makeIterator() -> Iterator {
        Iterator(records: self)
    }

    /// Iterates over the records in order.
    public struct Iterator: IteratorProtocol, Sendable {
        @usableFromInline let records: StructRecords
        @usableFromInline let end: Int
        @usableFromInline var offset = 0

        @inlinable
        init(records: StructRecords) {
            self.records = records
            // count * size is the buffer's byte count, checked when the records were made.
            self.end = records.count &* records.plan.size
        }

        /// The next record, or `nil` after the last.
        @inlinable @inline(__always)
        public mutating func next() -> Shape._Value? {
            guard offset < end else { return nil }
            let base = offset
            offset &+= records.plan.size
            return records.record(at: base)
        }
    }
}
