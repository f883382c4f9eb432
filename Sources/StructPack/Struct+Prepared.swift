// Prepared typed unpackers and packers: the types are checked against the format once, so a
// loop over many records pays only the offset check and one load or store per value.

extension Struct {
    /// Unpacks records of one tuple shape, the types checked once when it was made.
    ///
    /// ```swift
    /// let header = try Struct("!HHI").unpacker(for: (UInt16, UInt16, UInt32).self)
    /// for offset in stride(from: 0, to: buffer.count, by: 8) {
    ///     let (kind, flags, length) = try header.unpack(from: buffer, at: offset)
    /// }
    /// ```
    public struct Unpacker<Codec: TupleDecoding>: Sendable {
        /// The format.
        public let format: Struct
        @usableFromInline let plan: Codec.Plan
        @usableFromInline let access: TupleAccess

        @inlinable
        init(format: Struct) throws(StructError) {
            try format.checkTypes(Codec.self)
            self.format = format
            self.plan = Codec.plan(for: format)
            self.access = Codec.access(plan, format: format)
        }

        /// Unpacks exactly `format.size` bytes.
        ///
        /// - Throws: `.wrongBufferSize` (`unpack requires a buffer of N bytes`).
        @inlinable
        public func unpack(_ bytes: RawSpan) throws(StructError) -> Codec.Tuple {
            guard bytes.byteCount == format.size else { throw StructError.unpackSize(format.size) }
            return decode(bytes, at: 0)
        }

        /// Unpacks exactly `format.size` bytes of an array, in place.
        ///
        /// - Throws: `.wrongBufferSize`.
        @inlinable
        public func unpack(_ bytes: [UInt8]) throws(StructError) -> Codec.Tuple {
            try unpack(bytes.span.bytes)
        }

        /// Unpacks `format.size` bytes at `offset` (Python's `unpack_from`; negative offsets
        /// count from the end).
        ///
        /// - Throws: `.bufferTooSmall` or `.offsetOutOfRange` with CPython's messages.
        @inlinable @inline(__always)
        public func unpack(from bytes: RawSpan, at offset: Int = 0) throws(StructError) -> Codec.Tuple {
            let start = try format.resolvedOffset(offset, bufferCount: bytes.byteCount, packing: false)
            return decode(bytes, at: start)
        }

        /// Unpacks `format.size` bytes of an array at `offset`, in place.
        ///
        /// - Throws: `.bufferTooSmall` or `.offsetOutOfRange`.
        @inlinable @inline(__always)
        public func unpack(from bytes: [UInt8], at offset: Int = 0) throws(StructError) -> Codec.Tuple {
            try unpack(from: bytes.span.bytes, at: offset)
        }

        /// Unpacks `format.size` bytes of a slice at `offset` (relative to the slice), in place.
        ///
        /// - Throws: `.bufferTooSmall` or `.offsetOutOfRange`.
        @inlinable
        public func unpack(from bytes: ArraySlice<UInt8>, at offset: Int = 0) throws(StructError) -> Codec.Tuple {
            try unpack(from: bytes.span.bytes, at: offset)
        }

        /// Unpacks `format.size` bytes of a buffer at `offset`, in place.
        ///
        /// - Throws: `.bufferTooSmall` or `.offsetOutOfRange`.
        @inlinable
        public func unpack(from bytes: UnsafeRawBufferPointer, at offset: Int = 0) throws(StructError)
            -> Codec.Tuple
        {
            try unpack(from: bytes.bytes, at: offset)
        }

        @inlinable @inline(__always)
        func decode(_ bytes: RawSpan, at base: Int) -> Codec.Tuple {
            Codec.read(plan, access, from: bytes, at: base, swapsBytes: format.swapsBytes)
        }
    }

    /// Packs tuples of one shape, the value count checked once when it was made.
    ///
    /// ```swift
    /// let record = try Struct("<IHHQd").packer(for: (UInt32, UInt16, UInt16, UInt64, Double).self)
    /// try record.pack((7, 1, 2, 1 << 40, 0.5), into: &buffer, at: offset)
    /// ```
    ///
    /// A packer is four words (the format lives behind one reference), so a loop keeps it in
    /// registers: each `pack` is then the offset check, one branch on the path chosen when the
    /// packer was made, and one store per value.
    public struct Packer<Codec: TupleEncoding>: Sendable {
        /// What the slow paths need, behind one reference.
        @usableFromInline
        final class Storage: Sendable {
            @usableFromInline let format: Struct
            @usableFromInline let plan: Codec.Plan

            @usableFromInline
            init(format: Struct, plan: Codec.Plan) {
                self.format = format
                self.plan = plan
            }
        }

        @usableFromInline let storage: Storage
        @usableFromInline let size: Int
        @usableFromInline let path: PackPath
        @usableFromInline let paddingMask: UInt64

        /// The format.
        public var format: Struct { storage.format }

        @inlinable
        init(format: Struct) throws(StructError) {
            try format.checkCount(Codec.self, operation: "pack")
            let plan = Codec.plan(for: format)
            self.storage = Storage(format: format, plan: plan)
            self.size = format.size
            self.paddingMask = format.paddingMask
            switch Codec.access(plan, format: format) {
            case .contiguous where !format.hasPadding:
                self.path = format.swapsBytes ? .contiguousSwapped : .contiguousNative
            case .contiguous, .direct:
                self.path =
                    format.hasPadding && format.size > 64
                    ? .general : format.swapsBytes ? .directSwapped : .directNative
            case .general:
                self.path = .general
            }
        }

        /// Packs a tuple into a new array of `format.size` bytes.
        ///
        /// - Throws: a per-value error (see ``StructPackable``), or `.allocationLimit`.
        @inlinable
        public func pack(_ tuple: Codec.Tuple) throws(StructError) -> [UInt8] {
            try Struct.checkAllocation(count: size, stride: 1)
            var result = [UInt8](repeating: 0, count: size)
            var span = result.mutableSpan
            var bytes = span.mutableBytes
            try encode(tuple, into: &bytes, at: 0)
            return result
        }

        /// Packs a tuple into `bytes` at `offset` (Python's `pack_into`; negative offsets count
        /// from the end). No heap allocation. On error the record holds what CPython leaves.
        ///
        /// - Throws: `.bufferTooSmall`, `.offsetOutOfRange`, or a per-value error.
        @inlinable @inline(__always)
        public func pack(_ tuple: Codec.Tuple, into bytes: inout MutableRawSpan, at offset: Int = 0)
            throws(StructError)
        {
            let start = try Struct.resolvedOffset(offset, size: size, bufferCount: bytes.byteCount, packing: true)
            try encode(tuple, into: &bytes, at: start)
        }

        /// Packs a tuple into an array at `offset`, in place.
        ///
        /// - Throws: `.bufferTooSmall`, `.offsetOutOfRange`, or a per-value error.
        @inlinable
        public func pack(_ tuple: Codec.Tuple, into bytes: inout [UInt8], at offset: Int = 0) throws(StructError) {
            var span = bytes.mutableSpan
            var raw = span.mutableBytes
            try pack(tuple, into: &raw, at: offset)
        }

        /// Packs a tuple into a buffer at `offset`, in place.
        ///
        /// - Throws: `.bufferTooSmall`, `.offsetOutOfRange`, or a per-value error.
        @inlinable
        public func pack(_ tuple: Codec.Tuple, into bytes: UnsafeMutableRawBufferPointer, at offset: Int = 0)
            throws(StructError)
        {
            var raw = bytes.mutableBytes
            try pack(tuple, into: &raw, at: offset)
        }

        /// Appends a packed tuple to an output span; on error it is unchanged. No heap allocation.
        ///
        /// - Throws: `.bufferTooSmall` when fewer than `format.size` bytes are free, or a
        ///   per-value error.
        @inlinable
        public func pack(_ tuple: Codec.Tuple, appendingTo output: inout OutputRawSpan) throws(StructError) {
            let start = try format.reserve(in: &output)
            do throws(StructError) {
                var raw = output.mutableBytes
                try encode(tuple, into: &raw, at: start)
            } catch {
                output.removeLast(size)
                throw error
            }
        }

        /// Writes the record at `base` (bounds checked) by the path chosen at creation: the
        /// store-only paths in host order inline (a compare each, which a loop predicts), the
        /// others out of line.
        ///
        /// - Throws: the first failing value's ``StructError`` (general path only).
        @inlinable @inline(__always)
        func encode(_ tuple: Codec.Tuple, into bytes: inout MutableRawSpan, at base: Int) throws(StructError) {
            if path == .contiguousNative {
                Codec.encodeContiguous(tuple, into: &bytes, at: base, swapsBytes: false)
            } else if path == .contiguousSwapped {
                Codec.encodeContiguous(tuple, into: &bytes, at: base, swapsBytes: true)
            } else if path == .directNative {
                Struct.zeroPadding(&bytes, at: base, mask: paddingMask)
                Codec.encodeDirect(tuple, storage.plan, into: &bytes, at: base, swapsBytes: false)
            } else {
                try encodeByPlan(tuple, into: &bytes, at: base)
            }
        }

        /// The paths not inlined: padding zeroed by mask then one byte-swapped store per value, or
        /// value by value with conversions and range checks.
        ///
        /// - Throws: the first failing value's ``StructError`` (general path only).
        @inlinable @inline(never)
        func encodeByPlan(_ tuple: Codec.Tuple, into bytes: inout MutableRawSpan, at base: Int) throws(StructError) {
            switch path {
            case .directNative:
                Struct.zeroPadding(&bytes, at: base, mask: paddingMask)
                Codec.encodeDirect(tuple, storage.plan, into: &bytes, at: base, swapsBytes: false)
            case .directSwapped:
                Struct.zeroPadding(&bytes, at: base, mask: paddingMask)
                Codec.encodeDirect(tuple, storage.plan, into: &bytes, at: base, swapsBytes: true)
            case .contiguousNative, .contiguousSwapped, .general:
                try Codec.writeGeneral(tuple, storage.plan, format: storage.format, into: &bytes, at: base)
            }
        }
    }
}
