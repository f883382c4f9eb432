// Every typed operation on a record type, through its layout: Python's `unpack`, `unpack_from`,
// `iter_unpack`, `pack`, `pack_into`, and appending.
//
// The per-record operations repeat the few lines of `Struct.Unpacker` / `Struct.Packer` rather than
// call them: they read the layout's plan where the layout holds it. Going through a prepared
// unpacker or packer, or a shared helper taking the plan as an argument, copies the plan (a
// retain and release of its context) per call: measured 47 -> 221 instructions per record for
// `init(unpacking:at:)`, 111 -> 271 for appending.

extension StructRecord {
    /// Unpacks a record from exactly `Self.layout.format.size` bytes, read in place (Python's
    /// `unpack`).
    ///
    /// - Throws: the layout's error, `.wrongBufferSize`, or a field's error (a converted type's
    ///   `.invalidValue`, naming the value and its byte offset).
    @inlinable @inline(__always)
    public init(unpacking bytes: borrowing some StructInput) throws(StructError) {
        // The layout's plan is used where it lies, not copied into an unpacker: a copy costs a
        // retain and release of its context per record.
        let layout = Self.layout
        self = try bytes._withStructBytes { (span, owner) throws(StructError) -> Self in
            guard layout.plan.path != .failed else { throw layout.plan.failure }
            guard span.byteCount == layout.plan.size else { throw StructError.unpackSize(layout.plan.size) }
            return try _RecordEngine.read(Self.self, layout.plan, from: span, at: 0, owner: owner)
        }
    }

    /// Unpacks a record from the bytes at `offset` (Python's `unpack_from`; negative offsets
    /// count from the end).
    ///
    /// - Throws: the layout's error, `.bufferTooSmall`, `.offsetOutOfRange`, or a field's error.
    @inlinable @inline(__always)
    public init(unpacking bytes: borrowing some StructInput, at offset: Int) throws(StructError) {
        let layout = Self.layout
        self = try bytes._withStructBytes { (span, owner) throws(StructError) -> Self in
            let start = try Struct.resolvedOffset(offset, size: layout.plan.size, bufferCount: span.byteCount, packing: false)
            return try _RecordEngine.read(Self.self, layout.plan, from: span, at: start, owner: owner)
        }
    }

    /// Back-to-back records read lazily, in place (Python's `iter_unpack`).
    ///
    /// - Throws: the layout's error, `.zeroSizeIteration`, `.wrongBufferSize`, or (for records
    ///   with converted fields, all read once here) the first invalid record's error.
    @inlinable
    public static func iterUnpack(_ bytes: some StructBuffer) throws(StructError) -> StructRecords<Self> {
        try StructRecords(plan: layout.plan, storage: bytes._recordStorage)
    }

    /// The record packed into a new array (Python's `pack`).
    ///
    /// - Throws: the layout's error, or a field's pack error.
    @inlinable
    public func packed() throws(StructError) -> [UInt8] {
        try Self.layout.packer.pack(self)
    }

    /// Packs the record into `bytes` (`&array` or `&mutableRawSpan`) at `offset` (Python's
    /// `pack_into`; negative offsets count from the end). No heap allocation.
    ///
    /// - Throws: the layout's error, `.bufferTooSmall`, `.offsetOutOfRange`, or a field's error;
    ///   the destination then holds what CPython's `pack_into` would leave.
    @inlinable @inline(__always)
    public func pack(into bytes: inout some StructOutput, at offset: Int = 0) throws(StructError) {
        let layout = Self.layout
        try bytes._withMutableStructBytes { (span) throws(StructError) in
            let start = try Struct.resolvedOffset(offset, size: layout.plan.size, bufferCount: span.byteCount, packing: true)
            try _RecordEngine.write(Self.self, self, layout.plan, into: &span, at: start)
        }
    }

    /// Packs the record into a buffer at `offset`, in place.
    ///
    /// - Throws: as ``pack(into:at:)-(StructOutput,_)``.
    @inlinable @inline(__always)
    public func pack(into bytes: UnsafeMutableRawBufferPointer, at offset: Int = 0) throws(StructError) {
        var span = bytes.mutableBytes
        try pack(into: &span, at: offset)
    }

    /// Appends the packed record to an array; on error the array is unchanged.
    ///
    /// - Throws: the layout's error, a field's error, or `.allocationLimit`.
    @inlinable @inline(__always)
    public func pack(appendingTo bytes: inout [UInt8]) throws(StructError) {
        let layout = Self.layout
        guard layout.plan.path != .failed else { throw layout.plan.failure }
        try Struct.appendRecord(size: layout.plan.size, to: &bytes) { (raw, start) throws(StructError) in
            try _RecordEngine.write(Self.self, self, layout.plan, into: &raw, at: start)
        }
    }

    /// Appends the packed record to an output span; on error it is unchanged. No heap allocation.
    ///
    /// - Throws: the layout's error, `.bufferTooSmall`, or a field's error.
    @inlinable @inline(__always)
    public func pack(appendingTo output: inout OutputRawSpan) throws(StructError) {
        let layout = Self.layout
        guard layout.plan.path != .failed else { throw layout.plan.failure }
        try Struct.appendRecord(size: layout.plan.size, to: &output) { (raw, start) throws(StructError) in
            try _RecordEngine.write(Self.self, self, layout.plan, into: &raw, at: start)
        }
    }
}
