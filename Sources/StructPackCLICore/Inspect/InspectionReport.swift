/// One of `inspect`'s outputs (the table, JSON, the annotated dump), written as the records
/// are read, in this order: ``begin()``, ``record(_:index:)`` for each record (once without
/// `--iter`), ``trailing(_:)`` for bytes after a single record, ``end(error:)``.
///
/// Everything a report writes is on standard output before a failure is reported, so the rows
/// of a record the input ends inside are shown, then CPython's error (SPEC §2.4).
protocol InspectionReport {
    /// Writes what comes before the records.
    mutating func begin() throws(ToolError)
    /// Writes one record's rows; `index` is its number with `--iter`, `nil` otherwise.
    mutating func record(_ inspection: Inspection, index: Int?) throws(ToolError)
    /// Writes the bytes after a single record.
    mutating func trailing(_ trailing: RecordReader.Trailing) throws(ToolError)
    /// Writes what comes after the records; `error` is the failure to be reported, if any.
    mutating func end(error: ToolError?) throws(ToolError)
}
