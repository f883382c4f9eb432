public import StructPack

extension PythonLiteral {
    /// The value to pack when the count of values may not match the format: integers beyond
    /// `Int128` are clamped. Used only to let `pack` report its item-count error.
    var approximateValue: StructValue {
        switch self {
        case .integer(let integer): .int(integer.clampedInt128)
        case .float(let number): .double(number)
        case .bool(let flag): .bool(flag)
        case .bytes(let bytes): .bytes(bytes)
        }
    }

    /// The `StructValue` that packs into `code` exactly as Python packs this literal, or the
    /// error Python raises for it when StructPack's values cannot carry that error.
    ///
    /// Integers outside `Int128` are the only literals needing care:
    /// - for integer codes, `?`, `c`, `s` and `p` the value clamped to `Int128` behaves
    ///   identically (same range message, same truthiness, same type errors);
    /// - for `e`, `f` and `d` Python converts the int to its correctly rounded double: beyond
    ///   the double range that fails with `required argument is not a float`, and a double too
    ///   large for `e`, or for `f` under a standard prefix, fails with the int's message,
    ///   `int too large to convert`.
    ///
    /// - Parameters:
    ///   - code: The code of the value's slot.
    ///   - byteOrder: The format's byte order (native `f` stores infinity instead of failing).
    /// - Returns: The value, or the error CPython raises for this literal and code.
    public func structValue(for code: FormatCode, byteOrder: ByteOrder) -> Result<StructValue, StructError> {
        guard case .integer(let integer) = self, integer.exactInt128 == nil, code.kind == .floatingPoint else {
            return .success(approximateValue)
        }
        let nearest = integer.nearestDouble
        guard nearest.isFinite else {
            return .failure(StructError(.notAFloat, "required argument is not a float"))
        }
        do {
            // Pack the double alone under the same prefix to learn whether it fits the code.
            let single = try Struct(String(byteOrder.character) + String(code.character))
            _ = try single.pack([.double(nearest)])
        } catch where error.code == .floatTooLarge {
            return .failure(StructError(.integerOutOfRange, "int too large to convert"))
        } catch {
            return .failure(error)
        }
        return .success(.double(nearest))
    }
}
