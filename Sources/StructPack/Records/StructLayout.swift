/// A record type's format, compiled and checked against the record's fields once: what a
/// ``StructRecord`` declares as `static let layout = StructLayout<Self>("<IHHQd")`.
///
/// The check runs when the layout is made (the first use of the record's `layout`): every field's
/// type must hold every value of its code, and the fields must use up the format's values
/// exactly. A bad format or a mismatch does not trap: it is kept and thrown by every operation
/// (``StructError/Code/typeMismatch`` naming the value index, its code and the Swift type, or the
/// format's compile error), and ``error`` shows it.
///
/// The layout also chooses how records move: when every field is one load or store at an offset
/// known from the types alone (no padding, or native alignment), unpacking and packing inline into
/// straight-line loads and stores after one bounds check per record.
public final class StructLayout<Record: StructRecord>: Sendable {
    @usableFromInline let plan: _RecordPlan

    /// Compiles `format` and checks `Record`'s fields against it.
    ///
    /// - Parameter format: A format such as `"<IHHQd"`, with one value per visited field value.
    public init(_ format: String) {
        do {
            let compiled = try Struct(format)
            plan = _RecordPlan.unpacking(Record.self, format: compiled)
        } catch {
            plan = _RecordPlan(path: .failed, format: Struct.empty, typeName: "\(Record.self)", failure: error)
        }
    }

    /// The compiled format; an empty format if it did not compile (see ``error``).
    public var format: Struct { plan.context?.format ?? Struct.empty }

    /// Why the layout cannot be used: the format's compile error or the fields' mismatch; `nil`
    /// when it is usable.
    public var error: StructError? { plan.path == .failed ? plan.failure : nil }

    /// Whether the layout is usable and its format text is `text`, compared where the context
    /// holds it (copying the whole `Struct` out would retain and release its arrays).
    @inlinable @inline(__always)
    func isUsable(withFormatText text: String) -> Bool {
        plan.path != .failed && plan.context?.hasFormatText(text) ?? false
    }

    /// A prepared unpacker for `Record` (the same plan), for loops that want it in a local.
    public var unpacker: Struct.Unpacker<Record> { Struct.Unpacker(plan: plan) }

    /// A prepared packer for `Record` (the same plan).
    public var packer: Struct.Packer<Record> { Struct.Packer(plan: plan) }
}
