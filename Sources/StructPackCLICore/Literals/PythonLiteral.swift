/// The value of one `VALUE` argument of `structpack pack`: a Python literal.
///
/// ```
/// 42  -0x_ff  0b1010  1_000        → .integer
/// 1.5  -0.0  1e-05  inf  -nan      → .float
/// True  False                      → .bool
/// b'ab\x00'  b"it's"  rb'\d'       → .bytes
/// ```
///
/// A literal becomes a `StructValue` only once the format code it is packed into is known
/// (see ``structValue(for:byteOrder:)``), because integers are unbounded in Python.
public enum PythonLiteral: Sendable, Hashable {
    /// An `int` literal, of any size.
    case integer(PythonInteger)
    /// A `float` literal, or `inf`, `infinity`, `nan` with an optional sign (any letter case),
    /// as Python's `float()` accepts them.
    case float(Double)
    /// `True` or `False`.
    case bool(Bool)
    /// A `bytes` literal.
    case bytes([UInt8])
}
