extension Struct {
    /// Unpacks records of one Swift shape — a tuple or a ``StructRecord`` — checked against the
    /// format once, when it was made: each unpack is then the bounds check and one load per
    /// value (one conversion per value where the types need it).
    ///
    /// ```swift
    /// let header = try Struct("!HHI").unpacker(for: (UInt16, UInt16, UInt32).self)
    /// for offset in stride(from: 0, to: buffer.count, by: 8) {
    ///     let (kind, flags, length) = try header.unpack(from: buffer, at: offset)
    /// }
    /// ```
    ///
    /// An unpacker is three words and a reference; copy it freely.
    public struct Unpacker<Shape: _StructDecoding>: Sendable {
        @usableFromInline let plan: _RecordPlan

        /// The format.
        public var format: Struct { plan.context?.format ?? Struct.empty }

        /// Checks `Shape` against `format`.
        ///
        /// - Throws: `.typeMismatch` when a type cannot hold its value's code or the value
        ///   counts differ.
        @inlinable
        init(format: Struct) throws(StructError) {
            plan = _RecordPlan.unpacking(Shape.self, format: format)
            if plan.path == .failed { throw plan.failure }
        }

        /// An unpacker for an existing plan (a record's layout), failed or not.
        @inlinable
        init(plan: _RecordPlan) {
            self.plan = plan
        }

        /// Unpacks exactly `format.size` bytes (Python's `unpack`).
        ///
        /// - Throws: `.wrongBufferSize` (`unpack requires a buffer of N bytes`), or an
        ///   unpacked value's error (a converted type's `.invalidValue`, located).
        @inlinable
        public func unpack(_ bytes: borrowing some StructInput) throws(StructError) -> Shape._Value {
            try bytes._withStructBytes { (span, owner) throws(StructError) -> Shape._Value in
                guard plan.path != .failed else { throw plan.failure }
                guard span.byteCount == plan.size else { throw StructError.unpackSize(plan.size) }
                return try _RecordEngine.read(Shape.self, plan, from: span, at: 0, owner: owner)
            }
        }

        /// Unpacks `format.size` bytes at `offset` (Python's `unpack_from`; negative offsets
        /// count from the end).
        ///
        /// - Throws: `.bufferTooSmall` or `.offsetOutOfRange` with CPython's messages, or an
        ///   unpacked value's error.
        @inlinable @inline(__always)
        public func unpack(from bytes: borrowing some StructInput, at offset: Int = 0) throws(StructError)
            -> Shape._Value
        {
            try bytes._withStructBytes { (span, owner) throws(StructError) -> Shape._Value in
                let start = try Struct.resolvedOffset(offset, size: plan.size, bufferCount: span.byteCount, packing: false)
                return try _RecordEngine.read(Shape.self, plan, from: span, at: start, owner: owner)
            }
        }

        /// Unpacks back-to-back records lazily (Python's `iter_unpack`), in place.
        ///
        /// - Throws: `.zeroSizeIteration` or `.wrongBufferSize` with CPython's messages; for a
        ///   shape whose values can fail to convert (``StructConvertible`` types), the first
        ///   record's error, found by reading every record once here.
        /// - Complexity: O(1), or O(records) for shapes that can fail to convert.
        @inlinable
        public func iterUnpack(_ bytes: some StructBuffer) throws(StructError) -> StructRecords<Shape> {
            try StructRecords(plan: plan, storage: bytes._recordStorage)
        }
    }
}

extension Struct {
    /// A format of no values, for an unpacker or packer that lost its context.
    @usableFromInline
    static var empty: Struct { FormatCache.emptyFormat }
}
