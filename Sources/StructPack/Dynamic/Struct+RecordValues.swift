// One record of `iterUnpack`'s dynamic records: a view that reads each value when it is
// subscripted, so a loop that reads some or all of a record's values builds no array.

extension Struct {
    /// The values of one record of ``Records``, read from the bytes when accessed: a
    /// random-access collection of ``StructValue``, like the tuple Python's `iter_unpack` yields.
    ///
    /// ```swift
    /// for values in try Struct("<Id").iterUnpack(bytes) {
    ///     let id = values[0].intValue!, ratio = values[1].doubleValue!
    /// }
    /// ```
    ///
    /// `values[i]` decodes value `i` each time it is read (`c`, `s` and `p` values make a new
    /// byte array each time); `Array(values)` decodes them all once. A record keeps the bytes it
    /// reads alive (an array's storage is shared, not copied); over an `UnsafeRawBufferPointer`
    /// it reads the caller's memory, which must stay alive and unchanged while the record is used.
    public struct RecordValues: RandomAccessCollection, Sendable, CustomStringConvertible {
        @usableFromInline let source: _DynamicRecordSource
        /// The record's first byte.
        @usableFromInline let base: Int

        /// The record at byte `base`, which the caller keeps inside the buffer.
        @inlinable @inline(__always)
        init(source: _DynamicRecordSource, base: Int) {
            self.source = source
            self.base = base
        }

        /// 0.
        @inlinable
        public var startIndex: Int { 0 }

        /// The number of values (the format's ``Struct/valueCount``).
        @inlinable
        public var endIndex: Int { source.valueCount }

        /// Value `index` of the record, as Python's `unpack` returns it.
        ///
        /// - Precondition: `0 <= index < count`, as for any collection.
        /// - Complexity: O(1) plus the length of a byte value; O(log fields) for formats of more
        ///   than 1,024 values.
        @inlinable
        public subscript(index: Int) -> StructValue {
            // Always inlined, so that a caller's `values[0].intValue!` becomes one load.
            @inline(always) get {
                // The caller's index (Collection's contract); never a value from the bytes.
                precondition(index >= 0 && index < source.valueCount, "value index out of range")
                return source.value(index, base: base)
            }
        }

        /// The values as an array of them prints: `[1, True, 1.5, b'ab']`.
        public var description: String {
            Array(self).description
        }
    }
}
