#!/usr/bin/env python3
"""Generates the per-arity code of the typed tuple API, and the fuzz target's wrappers of it.

    python3 Scripts/generate_arities.py          # rewrites both files
    python3 Scripts/generate_arities.py --check  # exits 1 if either file is out of date (CI)

Outputs:
- Sources/StructPack/Typed/Generated/TypedArities.swift: for tuples of 1 to MAX_ARITY values,
  the two adapters (`_TupleReaderN`, `_TupleWriterN`: how a tuple's elements are read and written
  one by one) and the public entry points that take a tuple type or tuple values, each a one-line
  forward to the generic implementation in Typed/Struct+Tuples.swift, Typed/Unpacker.swift and
  Typed/Packer.swift. Only what cannot be written once is here: Swift has no way to be generic
  over a tuple's arity that runs at full speed (parameter packs are not specialized across modules
  in Swift 6.3: measured 12 to 23 times slower than these adapters).
- Fuzz/Targets/FuzzRoundTrip/TypedOperations+Arities.swift: the same entry points wrapped as
  closures over run-time element types, for the round-trip fuzz target.
"""
import os
import sys

MAX_ARITY = 12  # Struct.typedTupleLimit
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIBRARY_OUT = os.path.join(ROOT, "Sources", "StructPack", "Typed", "Generated", "TypedArities.swift")
FUZZ_OUT = os.path.join(ROOT, "Fuzz", "Targets", "FuzzRoundTrip", "TypedOperations+Arities.swift")


def shape(n):
    ts = [f"T{i}" for i in range(n)]
    tuple_type = ts[0] if n == 1 else "(" + ", ".join(ts) + ")"
    return ts, tuple_type


def library_arity(n):
    ts, tuple_type = shape(n)
    reader = f"_TupleReader{n}<{', '.join(ts)}>"
    writer = f"_TupleWriter{n}<{', '.join(ts)}>"
    u = "<" + ", ".join(f"{t}: StructUnpackable" for t in ts) + ">"
    p = "<" + ", ".join(f"{t}: StructPackable" for t in ts) + ">"
    values = ", ".join(f"_ v{i}: T{i}" for i in range(n))
    value = "v0" if n == 1 else "(" + ", ".join(f"v{i}" for i in range(n)) + ")"
    noun = "1 value" if n == 1 else f"{n} values"
    element = (lambda i: "value") if n == 1 else (lambda i: f"value.{i}")
    names = ", ".join(f"\\({t}.self)" for t in ts)
    type_name = f'"{names}"' if n == 1 else f'"({names})"'
    out = []
    w = out.append
    w(f"// MARK: - {noun}\n")
    w(f"/// Reads a tuple of {noun} element by element. Machinery of the typed API.")
    w(f"public enum _TupleReader{n}{u}: _StructDecoding {{")
    w(f"    public typealias _Value = {tuple_type}\n")
    w("    @inlinable @inline(__always)")
    w(f"    public static func _read<V: StructFieldVisitor & ~Copyable>(_ visitor: inout V) throws(StructError) -> {tuple_type} {{")
    reads = [f"try visitor._next({t}.self)" for t in ts]
    w("        " + (reads[0] if n == 1 else "(" + ", ".join(reads) + ")"))
    w("    }\n")
    w("    @inlinable")
    w("    public static func _visitTypes<V: StructFieldVisitor & ~Copyable>(_ visitor: inout V) throws(StructError) {")
    for t in ts:
        w(f"        try visitor._expect({t}.self)")
    w("    }\n")
    w(f"    @inlinable public static var _typeName: String {{ {type_name} }}\n")
    w("    @inlinable @inline(__always) public static var _visitsAreFixed: Bool { true }\n")
    w("    @inlinable @inline(__always)")
    w("    public static var _signature: _LayoutSignature? {")
    w("        var signature = _LayoutSignature()")
    for t in ts:
        w(f"        signature.append({t}._directLayout)")
    w("        return signature")
    w("    }")
    w("}\n")
    w(f"/// Writes a tuple of {noun} element by element. Machinery of the typed API.")
    w(f"public enum _TupleWriter{n}{p}: _StructEncoding {{")
    w(f"    public typealias _Value = {tuple_type}\n")
    w("    @inlinable @inline(__always)")
    w(f"    public static func _write<V: StructFieldVisitor & ~Copyable>(_ value: {tuple_type}, _ visitor: inout V) throws(StructError) {{")
    for i in range(n):
        w(f"        try visitor._put({element(i)})")
    w("    }\n")
    w("    @inlinable")
    w("    public static func _visitPackingTypes<V: StructFieldVisitor & ~Copyable>(_ visitor: inout V) throws(StructError) {")
    for t in ts:
        w(f"        try visitor._expectPacking({t}.self)")
    w("    }\n")
    w(f"    @inlinable public static var _typeName: String {{ {type_name} }}\n")
    w("    @inlinable @inline(__always) public static var _visitsAreFixed: Bool { true }\n")
    w("    @inlinable @inline(__always)")
    w("    public static var _signature: _LayoutSignature? {")
    w("        var signature = _LayoutSignature()")
    for t in ts:
        w(f"        signature.append({t}._directLayout)")
    w("        return signature")
    w("    }")
    w("}\n")
    w("extension Struct {")

    def fn(doc, throws, signature, body):
        for line in doc:
            w(f"    /// {line}" if line else "    ///")
        w("    ///")
        w(f"    /// - Throws: {throws}")
        w("    @inlinable")
        w(f"    {signature} {{")
        w(f"        {body}")
        w("    }\n")

    fn([f"Unpacks exactly ``size`` bytes into {noun} of Swift types, read in place (Python's",
        "`unpack`)."], "`.wrongBufferSize`, `.typeMismatch`, or an unpacked value's error.",
       f"public func unpack{u}(_ bytes: borrowing some StructInput, as types: {tuple_type}.Type) throws(StructError) -> {tuple_type}",
       f"try unpack(bytes, shape: {reader}.self)")
    fn([f"Unpacks ``size`` bytes at `offset` into {noun} of Swift types (Python's `unpack_from`;",
        "negative offsets count from the end)."],
       "`.bufferTooSmall`, `.offsetOutOfRange`, `.typeMismatch`, or a value's error.",
       f"public func unpack{u}(from bytes: borrowing some StructInput, at offset: Int = 0, as types: {tuple_type}.Type) throws(StructError) -> {tuple_type}",
       f"try unpack(from: bytes, at: offset, shape: {reader}.self)")
    fn([f"Unpacks back-to-back records lazily into {noun} each (Python's `iter_unpack`), in place;",
        "the types are checked once, here."],
       "`.zeroSizeIteration`, `.wrongBufferSize` or `.typeMismatch`.",
       f"public func iterUnpack{u}(_ bytes: some StructBuffer, as types: {tuple_type}.Type) throws(StructError) -> StructRecords<{reader}>",
       f"try iterUnpack(bytes, shape: {reader}.self)")
    fn([f"An unpacker for {noun} of these types, checked once: use it in loops."],
       "`.typeMismatch` when the types do not match the format's values.",
       f"public func unpacker{u}(for types: {tuple_type}.Type) throws(StructError) -> Unpacker<{reader}>",
       "try Unpacker(format: self)")
    fn([f"A packer for {noun} of these types, with the value count checked once: use it in loops."],
       "`.itemCount` when the format does not have exactly this many values.",
       f"public func packer{p}(for types: {tuple_type}.Type) throws(StructError) -> Packer<{writer}>",
       "try Packer(format: self)")
    fn([f"Packs {noun} into a new array of ``size`` bytes (Python's `pack`)."],
       "`.itemCount`, a per-value error, or `.allocationLimit`.",
       f"public func pack{p}({values}) throws(StructError) -> [UInt8]",
       f"try pack({value}, shape: {writer}.self)")
    fn([f"Packs {noun} into `bytes` (`&array` or `&mutableRawSpan`) at `offset` (Python's",
        "`pack_into`; negative offsets count from the end). No heap allocation."],
       "`.itemCount`, `.bufferTooSmall`, `.offsetOutOfRange`, or a per-value error.",
       f"public func pack{p}(into bytes: inout some StructOutput, at offset: Int = 0, {values}) throws(StructError)",
       f"try pack({value}, shape: {writer}.self, into: &bytes, at: offset)")
    fn([f"Packs {noun} into a buffer at `offset`, in place (Python's `pack_into`)."],
       "`.itemCount`, `.bufferTooSmall`, `.offsetOutOfRange`, or a per-value error.",
       f"public func pack{p}(into bytes: UnsafeMutableRawBufferPointer, at offset: Int = 0, {values}) throws(StructError)",
       f"try pack({value}, shape: {writer}.self, into: bytes, at: offset)")
    fn([f"Appends {noun}, packed, to an array; on error the array is unchanged."],
       "`.itemCount`, a per-value error, or `.allocationLimit`.",
       f"public func pack{p}(appendingTo bytes: inout [UInt8], {values}) throws(StructError)",
       f"try pack({value}, shape: {writer}.self, appendingTo: &bytes)")
    fn([f"Appends {noun}, packed, to an output span; on error it is unchanged. No heap allocation."],
       "`.itemCount`, `.bufferTooSmall` (not enough free capacity), or a per-value error.",
       f"public func pack{p}(appendingTo output: inout OutputRawSpan, {values}) throws(StructError)",
       f"try pack({value}, shape: {writer}.self, appendingTo: &output)")
    fn([f"Packs {noun} with a cached compiled format (Python's `struct.pack`)."],
       "the format's compile error, or as the instance method.",
       f"public static func pack{p}(_ format: String, {values}) throws(StructError) -> [UInt8]",
       f"try compiled(format).pack({value}, shape: {writer}.self)")
    fn([f"Packs {noun} into an array at `offset` with a cached compiled format (Python's",
        "`struct.pack_into`)."],
       "the format's compile error, or as the instance method.",
       f"public static func pack{p}(_ format: String, into bytes: inout [UInt8], at offset: Int, {values}) throws(StructError)",
       f"try compiled(format).pack({value}, shape: {writer}.self, into: &bytes, at: offset)")
    fn([f"Unpacks exactly `calcsize(format)` bytes into {noun} of Swift types with a cached",
        "compiled format (Python's `struct.unpack`)."],
       "the format's compile error, or as the instance method.",
       f"public static func unpack{u}(_ format: String, _ bytes: borrowing some StructInput, as types: {tuple_type}.Type) throws(StructError) -> {tuple_type}",
       f"try compiled(format).unpack(bytes, shape: {reader}.self)")
    out[-1] = out[-1].rstrip("\n")
    w("}\n")
    return "\n".join(out)


def fuzz_arity(n):
    generics = ", ".join(f"T{i}: FuzzElement" for i in range(n))
    params = ", ".join(f"_: T{i}.Type" for i in range(n))
    ts, tuple_type = shape(n)
    meta = f"({', '.join(ts)}).self" if n > 1 else "T0.self"
    box = "[" + ", ".join(f"r.{i}" for i in range(n)) + "]" if n > 1 else "[r]"
    casts = "\n".join(f"        let v{i} = element(values, {i}, as: T{i}.self)" for i in range(n))
    args = ", ".join(f"v{i}" for i in range(n))
    tuple_value = f"({args})" if n > 1 else "v0"
    return f'''/// The typed API for {n} value{"s" if n > 1 else ""} of the given types.
func typedOperations{n}<{generics}>({params}) -> TypedOperations {{
    func box(_ r: {tuple_type}) -> [any FuzzElement] {{ {box} }}
    func tuple(_ values: [any FuzzElement]) -> {tuple_type} {{
{casts}
        return {tuple_value}
    }}
    return TypedOperations(
        arity: {n},
        unpack: {{ (format, bytes) throws(StructError) in
            box(try format.unpack(bytes, as: {meta}))
        }},
        unpackFrom: {{ (format, bytes, offset) throws(StructError) in
            box(try format.unpack(from: bytes, at: offset, as: {meta}))
        }},
        unpackSlice: {{ (format, bytes, offset) throws(StructError) in
            box(try format.unpack(from: bytes, at: offset, as: {meta}))
        }},
        unpacker: {{ (format, bytes, offset) throws(StructError) in
            box(try format.unpacker(for: {meta}).unpack(from: bytes, at: offset))
        }},
        iterUnpack: {{ (format, bytes) throws(StructError) in
            try format.iterUnpack(bytes, as: {meta}).map(box)
        }},
        pack: {{ (format, values) throws(StructError) in
            let ({args}) = tuple(values)
            return try format.pack({args})
        }},
        packInto: {{ (format, buffer, offset, values) throws(StructError) in
            let ({args}) = tuple(values)
            try format.pack(into: &buffer, at: offset, {args})
        }},
        packer: {{ (format, buffer, offset, values) throws(StructError) in
            let packer = try format.packer(for: {meta})
            try packer.pack(tuple(values), into: &buffer, at: offset)
        }},
        packAppending: {{ (format, buffer, values) throws(StructError) in
            let ({args}) = tuple(values)
            try format.pack(appendingTo: &buffer, {args})
        }},
        packOutput: {{ (format, output, values) throws(StructError) in
            let ({args}) = tuple(values)
            try format.pack(appendingTo: &output, {args})
        }}
    )
}}
'''


def library_file():
    header = (
        "// GENERATED by Scripts/generate_arities.py — do not edit.\n"
        "//\n"
        f"// The typed tuple API for tuples of 1 to {MAX_ARITY} values: per arity, the two adapters and the\n"
        "// entry points that take a tuple type or tuple values, each forwarding to the generic\n"
        "// implementation, so that specialized in the caller every value is read or written with\n"
        "// direct inlined code.\n\n"
    )
    return header + "\n".join(library_arity(n) for n in range(1, MAX_ARITY + 1))


def fuzz_file():
    dispatch = "\n".join(
        f"    case {n}:\n        return typedOperations{n}(" + ", ".join(f"types[{i}]" for i in range(n)) + ")"
        for n in range(1, MAX_ARITY + 1))
    return (
        "// GENERATED by Scripts/generate_arities.py — do not edit.\n\n"
        "import StructPack\n\n"
        f"/// The typed API for tuples of the given element types (1 to {MAX_ARITY} of them).\n"
        "func typedOperations(_ types: [any FuzzElement.Type]) -> TypedOperations {\n"
        "    switch types.count {\n"
        f"{dispatch}\n"
        "    default:\n"
        f"        invariantFailure(\"no typed API for \\(types.count) values\")\n"
        "    }\n"
        "}\n\n"
        + "\n".join(fuzz_arity(n) for n in range(1, MAX_ARITY + 1)))


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for path, text in ((LIBRARY_OUT, library_file()), (FUZZ_OUT, fuzz_file())):
        current = open(path).read() if os.path.exists(path) else None
        if current == text:
            continue
        if check:
            stale.append(os.path.relpath(path, ROOT))
        else:
            with open(path, "w") as f:
                f.write(text)
            print(f"wrote {os.path.relpath(path, ROOT)}")
    if stale:
        print("out of date (run python3 Scripts/generate_arities.py): " + ", ".join(stale), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
