// Every typed operation of a format accepts a record type as it accepts a tuple: the record's
// fields are checked against this format (its own layout's plan is reused when the formats are
// the same), so one record type can serve several formats with the same values, such as a
// protocol's little- and big-endian variants.
//
// When the format is the layout's, a per-call operation is the record's own (which reads the
// layout's plan where it lies); going through a plan copied out of the layout costs a retain and
// release per call, and copying the layout's `Struct` out to compare it four more.

extension Struct {
    /// Whether `R`'s layout is usable and has this format's text, so that the record's own
    /// operations do what this format's would.
    @inlinable @inline(__always)
    func isLayoutFormat<R: StructRecord>(of type: R.Type) -> Bool {
        R.layout.isUsable(withFormatText: format)
    }

    /// The plan for `R` with this format: the record's own when its layout has this format,
    /// else checked for this call.
    ///
    /// - Throws: `.typeMismatch`.
    @inlinable @inline(__always)
    func recordPlan<R: StructRecord>(_ type: R.Type) throws(StructError) -> _RecordPlan {
        if isLayoutFormat(of: R.self) { return R.layout.plan }
        return try recordPlanSlowly(R.self)
    }

    /// A plan for `R` with this format, made for this call.
    ///
    /// - Throws: `.typeMismatch`.
    @inlinable @inline(never)
    func recordPlanSlowly<R: StructRecord>(_ type: R.Type) throws(StructError) -> _RecordPlan {
        let plan = _RecordPlan.unpacking(R.self, format: self)
        if plan.path == .failed { throw plan.failure }
        return plan
    }

    /// Unpacks exactly ``size`` bytes into a record.
    ///
    /// - Throws: `.typeMismatch`, `.wrongBufferSize`, or a field's error.
    @inlinable @inline(__always)
    public func unpack<R: StructRecord>(_ bytes: borrowing some StructInput, as type: R.Type) throws(StructError) -> R {
        if isLayoutFormat(of: R.self) { return try R(unpacking: bytes) }
        return try unpackOtherFormat(bytes, at: nil, as: R.self)
    }

    /// Unpacks ``size`` bytes at `offset` into a record (Python's `unpack_from`).
    ///
    /// - Throws: `.typeMismatch`, `.bufferTooSmall`, `.offsetOutOfRange`, or a field's error.
    @inlinable @inline(__always)
    public func unpack<R: StructRecord>(from bytes: borrowing some StructInput, at offset: Int = 0, as type: R.Type)
        throws(StructError) -> R
    {
        if isLayoutFormat(of: R.self) { return try R(unpacking: bytes, at: offset) }
        return try unpackOtherFormat(bytes, at: offset, as: R.self)
    }

    /// Unpacks a record whose layout has another format: exactly ``size`` bytes when `offset` is
    /// `nil`, else at `offset`.
    ///
    /// - Throws: as the `unpack` operations.
    @inlinable @inline(never)
    func unpackOtherFormat<R: StructRecord>(_ bytes: borrowing some StructInput, at offset: Int?, as type: R.Type)
        throws(StructError) -> R
    {
        let unpacker = try Unpacker<R>(plan: recordPlanSlowly(R.self))
        guard let offset else { return try unpacker.unpack(bytes) }
        return try unpacker.unpack(from: bytes, at: offset)
    }

    /// Back-to-back records read lazily, in place (Python's `iter_unpack`).
    ///
    /// - Throws: `.typeMismatch`, `.zeroSizeIteration`, `.wrongBufferSize`, or an invalid
    ///   record's error.
    @inlinable
    public func iterUnpack<R: StructRecord>(_ bytes: some StructBuffer, as type: R.Type) throws(StructError)
        -> StructRecords<R>
    {
        try StructRecords(plan: recordPlan(R.self), storage: bytes._recordStorage)
    }

    /// An unpacker for a record type, checked once.
    ///
    /// - Throws: `.typeMismatch`.
    @inlinable
    public func unpacker<R: StructRecord>(for type: R.Type) throws(StructError) -> Unpacker<R> {
        Unpacker<R>(plan: try recordPlan(R.self))
    }

    /// A packer for a record type, checked once.
    ///
    /// - Throws: `.typeMismatch`.
    @inlinable
    public func packer<R: StructRecord>(for type: R.Type) throws(StructError) -> Packer<R> {
        Packer<R>(plan: try recordPlan(R.self))
    }

    /// Packs a record into a new array.
    ///
    /// - Throws: `.typeMismatch`, a field's error, or `.allocationLimit`.
    @inlinable
    public func pack<R: StructRecord>(_ record: R) throws(StructError) -> [UInt8] {
        try Packer<R>(plan: recordPlan(R.self)).pack(record)
    }

    /// Packs a record into `bytes` (`&array` or `&mutableRawSpan`) at `offset` (Python's `pack_into`).
    ///
    /// - Throws: `.typeMismatch`, `.bufferTooSmall`, `.offsetOutOfRange`, or a field's error.
    @inlinable @inline(__always)
    public func pack<R: StructRecord>(_ record: R, into bytes: inout some StructOutput, at offset: Int = 0)
        throws(StructError)
    {
        if isLayoutFormat(of: R.self) { return try record.pack(into: &bytes, at: offset) }
        try packOtherFormat(record, into: &bytes, at: offset)
    }

    /// Packs a record whose layout has another format into `bytes` at `offset`.
    ///
    /// - Throws: as ``pack(_:into:at:)-(_,StructOutput,_)``.
    @inlinable @inline(never)
    func packOtherFormat<R: StructRecord>(_ record: R, into bytes: inout some StructOutput, at offset: Int)
        throws(StructError)
    {
        try Packer<R>(plan: recordPlanSlowly(R.self)).pack(record, into: &bytes, at: offset)
    }

    /// Packs a record into a buffer at `offset`.
    ///
    /// - Throws: as ``pack(_:into:at:)-(_,StructOutput,_)``.
    @inlinable @inline(__always)
    public func pack<R: StructRecord>(_ record: R, into bytes: UnsafeMutableRawBufferPointer, at offset: Int = 0)
        throws(StructError)
    {
        var span = bytes.mutableBytes
        try pack(record, into: &span, at: offset)
    }

    /// Appends a packed record to an array; on error the array is unchanged.
    ///
    /// - Throws: `.typeMismatch`, a field's error, or `.allocationLimit`.
    @inlinable @inline(__always)
    public func pack<R: StructRecord>(_ record: R, appendingTo bytes: inout [UInt8]) throws(StructError) {
        if isLayoutFormat(of: R.self) { return try record.pack(appendingTo: &bytes) }
        try packOtherFormat(record, appendingTo: &bytes)
    }

    /// Appends a record whose layout has another format to an array.
    ///
    /// - Throws: as ``pack(_:appendingTo:)-(_,[UInt8])``.
    @inlinable @inline(never)
    func packOtherFormat<R: StructRecord>(_ record: R, appendingTo bytes: inout [UInt8]) throws(StructError) {
        try Packer<R>(plan: recordPlanSlowly(R.self)).pack(record, appendingTo: &bytes)
    }

    /// Appends a packed record to an output span; on error it is unchanged.
    ///
    /// - Throws: `.typeMismatch`, `.bufferTooSmall`, or a field's error.
    @inlinable @inline(__always)
    public func pack<R: StructRecord>(_ record: R, appendingTo output: inout OutputRawSpan) throws(StructError) {
        if isLayoutFormat(of: R.self) { return try record.pack(appendingTo: &output) }
        try packOtherFormat(record, appendingTo: &output)
    }

    /// Appends a record whose layout has another format to an output span.
    ///
    /// - Throws: as ``pack(_:appendingTo:)-(_,OutputRawSpan)``.
    @inlinable @inline(never)
    func packOtherFormat<R: StructRecord>(_ record: R, appendingTo output: inout OutputRawSpan) throws(StructError) {
        try Packer<R>(plan: recordPlanSlowly(R.self)).pack(record, appendingTo: &output)
    }
}
