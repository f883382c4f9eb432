#!/usr/bin/env python3
"""Generates TypedArities.swift: the typed API's entry points for tuples of 1 to 12 values.

Run from the package root after changing this script:
    python3 Sources/StructPack/Generated/generate_typed_arities.py

Why generated: Swift 6.3 does not specialize parameter packs across modules (a variadic
`unpack<each T>` compiles to a loop of witness-table calls in the caller, about twenty times
slower than hand-written loads), while ordinary generics specialize and inline fully. Each
entry point here is a one-line forward to the hand-written codec-generic implementation in
Struct+TypedUnpack.swift, Struct+TypedPack.swift and Struct+IterUnpack.swift.
"""
import os

MAX_ARITY = 12
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "TypedArities.swift")


def arity_block(n):
    ts = [f"T{i}" for i in range(n)]
    tuple_type = ts[0] if n == 1 else "(" + ", ".join(ts) + ")"
    codec = f"TupleCodec{n}<{', '.join(ts)}>"
    unpack_generics = "<" + ", ".join(f"{t}: StructUnpackable" for t in ts) + ">"
    pack_generics = "<" + ", ".join(f"{t}: StructPackable" for t in ts) + ">"
    values_params = ", ".join(f"_ v{i}: T{i}" for i in range(n))
    values_tuple = "v0" if n == 1 else "(" + ", ".join(f"v{i}" for i in range(n)) + ")"
    noun = "1 value" if n == 1 else f"{n} values"
    element = (lambda i: "tuple") if n == 1 else (lambda i: f"tuple.{i}")

    out = []
    w = out.append
    w(f"// MARK: - {noun}\n")
    w(f"/// The typed API's codec for {noun}; chosen by the compiler, never named in user code.")
    w(f"public enum TupleCodec{n}<{', '.join(ts)}> {{")
    w(f"    /// `{tuple_type}`.")
    w(f"    public typealias Tuple = {tuple_type}")
    plan_type = "ValueSlot" if n == 1 else "(" + ", ".join(["ValueSlot"] * n) + ")"
    w(f"    /// One slot per value, relative to a record's start.")
    w(f"    public typealias Plan = {plan_type}")
    w(f"    /// {n}.")
    w(f"    @inlinable public static var arity: Int {{ {n} }}\n")
    w("    /// The format's slots; the caller checked the format has exactly this many values.")
    w("    @inlinable @inline(__always)")
    w(f"    public static func plan(for format: Struct) -> Plan {{")
    if n == 1:
        w("        format.planSlot(0)")
    else:
        w("        (" + ", ".join(f"format.planSlot({i})" for i in range(n)) + ")")
    w("    }")
    w("}\n")
    w(f"extension TupleCodec{n}: TupleDecoding where {', '.join(f'{t}: StructUnpackable' for t in ts)} {{")
    w("    /// The element types' names.")
    w("    public static var typeNames: [String] { [" + ", ".join(f'"\\({t}.self)"' for t in ts) + "] }\n")
    w("    /// The first element whose type cannot hold its value's code, or `nil`.")
    w("    @inlinable @inline(__always)")
    w("    public static func firstMismatch(in format: Struct) -> Int? {")
    for i, t in enumerate(ts):
        w(f"        if !format.accepts({t}.self, value: {i}) {{ return {i} }}")
    w("        return nil")
    w("    }\n")
    w("    /// Reads every element; bounds and types were checked by the caller.")
    w("    @inlinable @inline(__always)")
    w(f"    public static func decode(_ plan: Plan, from bytes: RawSpan, at base: Int) -> {tuple_type} {{")
    slot = (lambda i: "plan") if n == 1 else (lambda i: f"plan.{i}")
    reads = [f"{t}.unpack(from: bytes, at: {slot(i)}.advanced(by: base))" for i, t in enumerate(ts)]
    if n == 1:
        w(f"        {reads[0]}")
    else:
        w("        (")
        w(",\n".join(f"            {r}" for r in reads))
        w("        )")
    w("    }\n")
    w("    /// Whether every value can be read with one load.")
    w("    @inlinable @inline(__always)")
    w("    public static func isDirect(_ plan: Plan) -> Bool {")
    w("        " + "\n            && ".join(f"{t}.canUnpackDirectly({slot(i)}.code, size: {slot(i)}.size)" for i, t in enumerate(ts)))
    w("    }\n")
    w("    /// Reads every element with one load each; bounds and directness were checked by the caller.")
    w("    @inlinable @inline(__always)")
    w(f"    public static func decodeDirect(_ plan: Plan, from bytes: RawSpan, at base: Int, swapsBytes: Bool) -> {tuple_type} {{")
    direct_reads = [f"{t}.unpackDirectly(from: bytes, at: base &+ {slot(i)}.offset, swapsBytes: swapsBytes)" for i, t in enumerate(ts)]
    if n == 1:
        w(f"        {direct_reads[0]}")
    else:
        w("        (")
        w(",\n".join(f"            {r}" for r in direct_reads))
        w("        )")
    w("    }\n")
    offsets = ["base"] + [f"o{i}" for i in range(1, n)]
    w("    /// The signature of a back-to-back format of exactly these types' direct layouts.")
    w("    @inlinable @inline(__always)")
    w("    public static var contiguousSignature: LayoutSignature {")
    w("        var low: UInt64 = 0")
    # `high` holds elements 8 and up; a constant when there are none, so it is never an unmutated var.
    w(f"        {'var' if n > 8 else 'let'} high: UInt64 = 0")
    for i, t in enumerate(ts):
        half = "low" if i < 8 else "high"
        w(f"        {half} |= LayoutSignature.byte(for: {t}.directUnpackLayout) << {(i % 8) * 8}")
    w(f"        return LayoutSignature(low: low, high: high, count: {n})")
    w("    }\n")
    w("    /// Reads every element at compile-time offsets; the caller checked bounds and contiguity.")
    w("    @inlinable @inline(__always)")
    w(f"    public static func decodeContiguous(from bytes: RawSpan, at base: Int, swapsBytes: Bool) -> {tuple_type} {{")
    for i in range(1, n):
        w(f"        let o{i} = {offsets[i - 1]} &+ T{i - 1}.directUnpackSize")
    contiguous_reads = [f"{t}.unpackDirectly(from: bytes, at: {offsets[i]}, swapsBytes: swapsBytes)" for i, t in enumerate(ts)]
    if n == 1:
        w(f"        return {contiguous_reads[0]}")
    else:
        w("        return (")
        w(",\n".join(f"            {r}" for r in contiguous_reads))
        w("        )")
    w("    }")
    w("}\n")
    w(f"extension TupleCodec{n}: TupleEncoding where {', '.join(f'{t}: StructPackable' for t in ts)} {{")
    w("    /// Writes the first `limit` elements, counting successes in `packed`.")
    w("    @inlinable @inline(__always)")
    w("    public static func encode(")
    w(f"        _ tuple: {tuple_type}, _ plan: Plan, into bytes: inout MutableRawSpan, at base: Int, limit: Int,")
    w("        packed: inout Int")
    w("    ) throws(StructError) {")
    slot = (lambda i: "plan") if n == 1 else (lambda i: f"plan.{i}")
    for i in range(n):
        w(f"        guard limit > {i} else {{ return }}")
        w(f"        try {element(i)}.pack(into: &bytes, at: {slot(i)}.advanced(by: base))")
        w(f"        packed = {i + 1}")
    w("    }\n")
    w("    /// Whether every value can be stored with one store and no check.")
    w("    @inlinable @inline(__always)")
    w("    public static func isDirect(_ plan: Plan) -> Bool {")
    w("        " + "\n            && ".join(f"{t}.canPackDirectly({slot(i)}.code, size: {slot(i)}.size)" for i, t in enumerate(ts)))
    w("    }\n")
    w("    /// Writes every element with one store each; bounds and directness were checked by the caller.")
    w("    @inlinable @inline(__always)")
    w(f"    public static func encodeDirect(")
    w(f"        _ tuple: {tuple_type}, _ plan: Plan, into bytes: inout MutableRawSpan, at base: Int, swapsBytes: Bool")
    w("    ) {")
    for i in range(n):
        w(f"        {element(i)}.packDirectly(into: &bytes, at: base &+ {slot(i)}.offset, swapsBytes: swapsBytes)")
    w("    }\n")
    offsets = ["base"] + [f"o{i}" for i in range(1, n)]
    w("    /// The signature of a back-to-back format of exactly these types' direct layouts.")
    w("    @inlinable @inline(__always)")
    w("    public static var contiguousSignature: LayoutSignature {")
    w("        var low: UInt64 = 0")
    # `high` holds elements 8 and up; a constant when there are none, so it is never an unmutated var.
    w(f"        {'var' if n > 8 else 'let'} high: UInt64 = 0")
    for i, t in enumerate(ts):
        half = "low" if i < 8 else "high"
        w(f"        {half} |= LayoutSignature.byte(for: {t}.directPackLayout) << {(i % 8) * 8}")
    w(f"        return LayoutSignature(low: low, high: high, count: {n})")
    w("    }\n")
    w("    /// Writes every element at compile-time offsets; the caller checked bounds and contiguity.")
    w("    @inlinable @inline(__always)")
    w(f"    public static func encodeContiguous(_ tuple: {tuple_type}, into bytes: inout MutableRawSpan, at base: Int, swapsBytes: Bool) {{")
    for i in range(1, n):
        w(f"        let o{i} = {offsets[i - 1]} &+ T{i - 1}.directPackSize")
    for i in range(n):
        w(f"        {element(i)}.packDirectly(into: &bytes, at: {offsets[i]}, swapsBytes: swapsBytes)")
    w("    }")
    w("}\n")

    u = unpack_generics
    p = pack_generics
    w("extension Struct {")
    # unpack, exact size
    for label, expr in [("RawSpan", "bytes"), ("[UInt8]", "bytes.span.bytes"),
                        ("ArraySlice<UInt8>", "bytes.span.bytes"), ("UnsafeRawBufferPointer", "bytes.bytes")]:
        w(f"    /// Unpacks exactly ``size`` bytes into {noun} of Swift types, read in place.")
        w("    ///")
        w("    /// - Throws: `.wrongBufferSize` or `.typeMismatch`; see ``unpack(_:codec:)``.")
        w("    @inlinable")
        w(f"    public func unpack{u}(_ bytes: {label}, as types: {tuple_type}.Type) throws(StructError)")
        w(f"        -> {tuple_type}")
        w("    {")
        w(f"        try unpack({expr}, codec: {codec}.self)")
        w("    }\n")
    # unpack_from
    for label, expr in [("RawSpan", "bytes"), ("[UInt8]", "bytes.span.bytes"),
                        ("ArraySlice<UInt8>", "bytes.span.bytes"), ("UnsafeRawBufferPointer", "bytes.bytes")]:
        w(f"    /// Unpacks ``size`` bytes at `offset` into {noun} of Swift types (Python's `unpack_from`;")
        w("    /// negative offsets count from the end).")
        w("    ///")
        w("    /// - Throws: `.bufferTooSmall`, `.offsetOutOfRange` or `.typeMismatch`.")
        w("    @inlinable")
        w(f"    public func unpack{u}(from bytes: {label}, at offset: Int = 0, as types: {tuple_type}.Type)")
        w(f"        throws(StructError) -> {tuple_type}")
        w("    {")
        w(f"        try unpack(from: {expr}, at: offset, codec: {codec}.self)")
        w("    }\n")
    # iterUnpack
    for label, expr in [("[UInt8]", "bytes[...]"), ("ArraySlice<UInt8>", "bytes"), ("UnsafeRawBufferPointer", "bytes")]:
        w(f"    /// Unpacks back-to-back records lazily into {noun} each (Python's `iter_unpack`); types")
        w("    /// are checked once, here." + ("" if label != "UnsafeRawBufferPointer" else ""))
        if label == "UnsafeRawBufferPointer":
            w("    ///")
            w("    /// - Warning: The records read `bytes` in place; keep it alive and unchanged while you use them.")
        w("    ///")
        w("    /// - Throws: `.zeroSizeIteration`, `.wrongBufferSize` or `.typeMismatch`.")
        w("    @inlinable")
        w(f"    public func iterUnpack{u}(_ bytes: {label}, as types: {tuple_type}.Type)")
        w(f"        throws(StructError) -> TypedRecords<{codec}>")
        w("    {")
        w(f"        try iterUnpack({expr}, codec: {codec}.self)")
        w("    }\n")
    # prepared forms
    w(f"    /// An unpacker for {noun} of these types, checked once: use it in loops.")
    w("    ///")
    w("    /// - Throws: `.typeMismatch` when the types do not match the format's values.")
    w("    @inlinable")
    w(f"    public func unpacker{u}(for types: {tuple_type}.Type) throws(StructError) -> Unpacker<{codec}> {{")
    w("        try Unpacker(format: self)")
    w("    }\n")
    w(f"    /// A packer for {noun} of these types, with the value count checked once: use it in loops.")
    w("    ///")
    w("    /// - Throws: `.itemCount` when the format does not have exactly this many values.")
    w("    @inlinable")
    w(f"    public func packer{p}(for types: {tuple_type}.Type) throws(StructError) -> Packer<{codec}> {{")
    w("        try Packer(format: self)")
    w("    }\n")
    # pack
    w(f"    /// Packs {noun} into a new array of ``size`` bytes.")
    w("    ///")
    w("    /// - Throws: `.itemCount`, a per-value error, or `.allocationLimit`; see ``pack(_:codec:)``.")
    w("    @inlinable")
    w(f"    public func pack{p}({values_params}) throws(StructError) -> [UInt8] {{")
    w(f"        try pack({values_tuple}, codec: {codec}.self)")
    w("    }\n")
    w(f"    /// Packs {noun} into `bytes` at `offset` (Python's `pack_into`). No heap allocation.")
    w("    ///")
    w("    /// - Throws: `.itemCount`, `.bufferTooSmall`, `.offsetOutOfRange`, or a per-value error.")
    w("    @inlinable")
    w(f"    public func pack{p}(into bytes: inout MutableRawSpan, at offset: Int = 0, {values_params})")
    w("        throws(StructError)")
    w("    {")
    w(f"        try pack({values_tuple}, codec: {codec}.self, into: &bytes, at: offset)")
    w("    }\n")
    w(f"    /// Packs {noun} into an array at `offset`, in place (Python's `pack_into`).")
    w("    ///")
    w("    /// - Throws: `.itemCount`, `.bufferTooSmall`, `.offsetOutOfRange`, or a per-value error.")
    w("    @inlinable")
    w(f"    public func pack{p}(into bytes: inout [UInt8], at offset: Int = 0, {values_params})")
    w("        throws(StructError)")
    w("    {")
    w("        var span = bytes.mutableSpan")
    w("        var raw = span.mutableBytes")
    w(f"        try pack({values_tuple}, codec: {codec}.self, into: &raw, at: offset)")
    w("    }\n")
    w(f"    /// Packs {noun} into a buffer at `offset`, in place (Python's `pack_into`).")
    w("    ///")
    w("    /// - Throws: `.itemCount`, `.bufferTooSmall`, `.offsetOutOfRange`, or a per-value error.")
    w("    @inlinable")
    w(f"    public func pack{p}(into bytes: UnsafeMutableRawBufferPointer, at offset: Int = 0, {values_params})")
    w("        throws(StructError)")
    w("    {")
    w("        var raw = bytes.mutableBytes")
    w(f"        try pack({values_tuple}, codec: {codec}.self, into: &raw, at: offset)")
    w("    }\n")
    w(f"    /// Appends {noun}, packed, to an array; on error the array is unchanged.")
    w("    ///")
    w("    /// - Throws: `.itemCount`, a per-value error, or `.allocationLimit`.")
    w("    @inlinable")
    w(f"    public func pack{p}(appendingTo bytes: inout [UInt8], {values_params}) throws(StructError) {{")
    w(f"        try pack({values_tuple}, codec: {codec}.self, appendingTo: &bytes)")
    w("    }\n")
    w(f"    /// Appends {noun}, packed, to an output span; on error it is unchanged. No heap allocation.")
    w("    ///")
    w("    /// - Throws: `.itemCount`, `.bufferTooSmall` (not enough free capacity), or a per-value error.")
    w("    @inlinable")
    w(f"    public func pack{p}(appendingTo output: inout OutputRawSpan, {values_params}) throws(StructError) {{")
    w(f"        try pack({values_tuple}, codec: {codec}.self, appendingTo: &output)")
    w("    }\n")
    # one-shot
    w(f"    /// Packs {noun} with a cached compiled format (Python's `struct.pack`).")
    w("    ///")
    w("    /// - Throws: the format's compile error, or as ``pack(_:codec:)``.")
    w("    @inlinable")
    w(f"    public static func pack{p}(_ format: String, {values_params}) throws(StructError) -> [UInt8] {{")
    w(f"        try compiled(format).pack({values_tuple}, codec: {codec}.self)")
    w("    }\n")
    w(f"    /// Packs {noun} into an array at `offset` with a cached compiled format (Python's")
    w("    /// `struct.pack_into`).")
    w("    ///")
    w("    /// - Throws: the format's compile error, or as ``pack(_:codec:into:at:)``.")
    w("    @inlinable")
    w(f"    public static func pack{p}(_ format: String, into bytes: inout [UInt8], at offset: Int, {values_params})")
    w("        throws(StructError)")
    w("    {")
    w("        var span = bytes.mutableSpan")
    w("        var raw = span.mutableBytes")
    w(f"        try compiled(format).pack({values_tuple}, codec: {codec}.self, into: &raw, at: offset)")
    w("    }\n")
    w(f"    /// Unpacks exactly `calcsize(format)` bytes into {noun} of Swift types with a cached")
    w("    /// compiled format (Python's `struct.unpack`).")
    w("    ///")
    w("    /// - Throws: the format's compile error, or as ``unpack(_:codec:)``.")
    w("    @inlinable")
    w(f"    public static func unpack{u}(_ format: String, _ bytes: [UInt8], as types: {tuple_type}.Type)")
    w(f"        throws(StructError) -> {tuple_type}")
    w("    {")
    w(f"        try compiled(format).unpack(bytes.span.bytes, codec: {codec}.self)")
    w("    }")
    w("}\n")
    return "\n".join(out)


def main():
    header = (
        "// GENERATED by Sources/StructPack/Generated/generate_typed_arities.py — do not edit.\n"
        "//\n"
        f"// The typed API for tuples of 1 to {MAX_ARITY} values. Each entry point forwards to the\n"
        "// codec-generic implementation so that, specialized in the caller, every value is read or\n"
        "// written with direct inlined code.\n\n"
    )
    body = "\n".join(arity_block(n) for n in range(1, MAX_ARITY + 1))
    with open(OUT, "w") as f:
        f.write(header + body)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
