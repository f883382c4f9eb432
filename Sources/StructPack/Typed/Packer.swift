extension Struct {
    /// Packs values of one Swift shape — a tuple or a ``StructRecord`` — into the format, with the
    /// count (and a record's types) checked once, when it was made: each pack is then the bounds
    /// check and one store per value where the types allow it, else CPython's per-value checks.
    ///
    /// ```swift
    /// let record = try Struct("<IHHQd").packer(for: (UInt32, UInt16, UInt16, UInt64, Double).self)
    /// try record.pack((7, 1, 2, 1 << 40, 0.5), into: &buffer, at: offset)
    /// ```
    ///
    /// On error, the destination holds what CPython's `pack_into` leaves there: the record's
    /// bytes zeroed, except the values packed before the failing one.
    public struct Packer<Shape: _StructEncoding>: Sendable {
        @usableFromInline let plan: _RecordPlan

        /// The format.
        public var format: Struct { plan.context?.format ?? Struct.empty }

        /// Plans packing `Shape` with `format`.
        ///
        /// - Throws: `.itemCount` when the counts differ (or a record's type mismatch).
        @inlinable
        init(format: Struct) throws(StructError) {
            plan = _RecordPlan.packing(Shape.self, format: format, operation: "pack")
            if plan.path == .failed { throw plan.failure }
        }

        /// A packer for an existing plan (a record's layout), failed or not.
        @inlinable
        init(plan: _RecordPlan) {
            self.plan = plan
        }

        /// Packs a value into a new array of `format.size` bytes (Python's `pack`).
        ///
        /// - Throws: a per-value error (see ``StructPackable``), or `.allocationLimit`.
        @inlinable
        public func pack(_ value: Shape._Value) throws(StructError) -> [UInt8] {
            guard plan.path != .failed else { throw plan.failure }
            try Struct.checkAllocation(count: plan.size, stride: 1)
            var result = [UInt8](repeating: 0, count: plan.size)
            var span = result.mutableSpan
            var bytes = span.mutableBytes
            try _RecordEngine.write(Shape.self, value, plan, into: &bytes, at: 0)
            return result
        }

        /// Packs a value into `bytes` at `offset` (Python's `pack_into`; negative offsets count
        /// from the end). No heap allocation.
        ///
        /// - Throws: `.bufferTooSmall`, `.offsetOutOfRange`, or a per-value error.
        @inlinable @inline(__always)
        public func pack(_ value: Shape._Value, into bytes: inout some StructOutput, at offset: Int = 0)
            throws(StructError)
        {
            try bytes._withMutableStructBytes { (span) throws(StructError) in
                let start = try Struct.resolvedOffset(offset, size: plan.size, bufferCount: span.byteCount, packing: true)
                try _RecordEngine.write(Shape.self, value, plan, into: &span, at: start)
            }
        }

        /// Packs a value into a buffer at `offset`, in place.
        ///
        /// - Throws: `.bufferTooSmall`, `.offsetOutOfRange`, or a per-value error.
        @inlinable @inline(__always)
        public func pack(_ value: Shape._Value, into bytes: UnsafeMutableRawBufferPointer, at offset: Int = 0)
            throws(StructError)
        {
            var span = bytes.mutableBytes
            try pack(value, into: &span, at: offset)
        }

        /// Appends a packed value to an array; on error the array is unchanged.
        ///
        /// - Throws: a per-value error, or `.allocationLimit`.
        /// - Complexity: O(`format.size`) amortised.
        @inlinable
        public func pack(_ value: Shape._Value, appendingTo bytes: inout [UInt8]) throws(StructError) {
            guard plan.path != .failed else { throw plan.failure }
            try Struct.appendRecord(size: plan.size, to: &bytes) { (raw, start) throws(StructError) in
                try _RecordEngine.write(Shape.self, value, plan, into: &raw, at: start)
            }
        }

        /// Appends a packed value to an output span; on error it is unchanged. No heap
        /// allocation.
        ///
        /// - Throws: `.bufferTooSmall` when fewer than `format.size` bytes are free, or a
        ///   per-value error.
        @inlinable
        public func pack(_ value: Shape._Value, appendingTo output: inout OutputRawSpan) throws(StructError) {
            guard plan.path != .failed else { throw plan.failure }
            try Struct.appendRecord(size: plan.size, to: &output) { (raw, start) throws(StructError) in
                try _RecordEngine.write(Shape.self, value, plan, into: &raw, at: start)
            }
        }
    }
}
