#!/usr/bin/env python3
"""Generates Sources/Implementations/Generated/StructPackCases.swift: one benchmark row per
StructPack entry point and input or output form, each its own `@inline(never)` function with the
call written the way the README shows it, so each row measures that entry point as a user's loop
meets it (a shared generic harness would measure the harness).

    python3 Benchmarks/Scripts/generate_cases.py          # rewrites the file
    python3 Benchmarks/Scripts/generate_cases.py --check  # exits 1 if it is out of date
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "Sources", "Implementations", "Generated", "StructPackCases.swift")

# (workload case, record set property, record type, format, size, tuple type, tuple field names,
#  checksum type, fold arguments for tuple names)
W = {
    "W1": dict(case=".unpack", set="standard", record="Record", format="<IHHQd", size=24,
               tuple="(UInt32, UInt16, UInt16, UInt64, Double)", names="a, b, c, d, e", fold="RecordChecksum"),
    "W5u": dict(case=".nativeUnpack", set="native", record="NativeRecord", format="@bhiq", size=16,
                tuple="(Int8, Int16, Int32, Int64)", names="b, h, i, q", fold="NativeChecksum"),
    "W6u": dict(case=".stringsUnpack", set="strings", record="StringRecord", format="<I16s8pH", size=30,
                tuple="(UInt32, [UInt8], [UInt8], UInt16)", names="a, s, p, h", fold="StringChecksum"),
    "W6v": dict(case=".stringsViews", set="strings", record="StringView", format="<I16s8pH", size=30,
                tuple="(UInt32, ArraySlice<UInt8>, ArraySlice<UInt8>, UInt16)", names="a, s, p, h",
                fold="StringChecksum"),
    "W11u": dict(case=".wideUnpack", set="wide", record="WideRecord", format="<16I16H16Q16d", size=352,
                 tuple=None, names=None, fold="WideChecksum"),
}
P = {
    "W2": dict(case=".pack", set="standard", record="Record", format="<IHHQd", size=24,
               tuple="(UInt32, UInt16, UInt16, UInt64, Double)", values="r.a, r.b, r.c, r.d, r.e",
               dynamic="[.int(r.a), .int(r.b), .int(r.c), .int(r.d), .double(r.e)]"),
    "W5p": dict(case=".nativePack", set="native", record="NativeRecord", format="@bhiq", size=16,
                tuple="(Int8, Int16, Int32, Int64)", values="r.b, r.h, r.i, r.q",
                dynamic="[.int(r.b), .int(r.h), .int(r.i), .int(r.q)]"),
    "W6p": dict(case=".stringsPack", set="strings", record="StringRecord", format="<I16s8pH", size=30,
                tuple="(UInt32, [UInt8], [UInt8], UInt16)", values="r.a, r.s, r.p, r.h",
                dynamic="[.int(r.a), .bytes(r.s), .bytes(r.p), .int(r.h)]"),
    "W11p": dict(case=".widePack", set="wide", record="WideRecord", format="<16I16H16Q16d", size=352,
                 tuple=None, values=None, dynamic=None),
}

UNPACK_FORMS = {
    # name: (setup lines, loop header, loop footer) with `bytes` the input inside the loop
    "[UInt8]": (["let bytes = packed"], None),
    "ArraySlice": (["let bytes = packed[...]"], None),
    "UnsafeRawBufferPointer": ([], "packed.withUnsafeBytes { bytes in"),
    "RawSpan": (["let bytes = packed.span.bytes"], None),
}

rows = []      # (workload case, implementation name, role, factory body, function text)
functions = []


def fold_record(w, var):
    if w["fold"] == "RecordChecksum":
        return f"fold.add({var}.a, {var}.b, {var}.c, {var}.d, {var}.e)"
    if w["fold"] == "NativeChecksum":
        return f"fold.add({var}.b, {var}.h, {var}.i, {var}.q)"
    if w["fold"] == "StringChecksum":
        return f"fold.add({var}.a, {var}.s, {var}.p, {var}.h)"
    return ("for k in 0..<16 { fold.add(integer: UInt64(" + var + ".i[k])) }; "
            "for k in 0..<16 { fold.add(integer: UInt64(" + var + ".h[k])) }; "
            "for k in 0..<16 { fold.add(integer: " + var + ".q[k]) }; "
            "for k in 0..<16 { fold.add(double: " + var + ".d[k]) }")


def fold_names(w):
    return f"fold.add({w['names']})"


def unpack_function(key, name, form, setup, per_record, records_loop=None):
    """A loop over record offsets (or a for-in loop when records_loop is given)."""
    w = W[key]
    fname = f"{key.lower()}_" + "".join(ch if ch.isalnum() else "_" for ch in name).strip("_")
    setup_lines = list(setup)
    lines = [f"    @inline(never)", f"    static func {fname}(_ packed: [UInt8]) -> UInt64 {{"]
    for line in setup_lines:
        lines.append(f"        {line}")
    form_setup, wrapper = UNPACK_FORMS[form] if form in UNPACK_FORMS else ([], None)
    indent = "        "
    if wrapper:
        # The fold is the closure's own local, as in the hand-written loops: a variable captured
        # by the closure lives in memory, a store and reload per record.
        lines.append(f"        return {wrapper}")
        indent = "            "
    lines.append(f"{indent}var fold = {w['fold']}()")
    for line in form_setup:
        lines.append(f"{indent}{line}")
    if records_loop:
        lines.append(f"{indent}{records_loop} {{")
        lines.append(f"{indent}    {per_record}")
        lines.append(f"{indent}}}")
    else:
        lines.append(f"{indent}var offset = 0")
        lines.append(f"{indent}while offset < packed.count {{")
        lines.append(f"{indent}    {per_record}")
        lines.append(f"{indent}    offset &+= {w['size']}")
        lines.append(f"{indent}}}")
    lines.append(f"{indent}return fold.value")
    if wrapper:
        lines.append("        }")
    lines.append("    }")
    functions.append("\n".join(lines))
    role = ".dynamic" if name.startswith("dynamic") else ".typed"
    rows.append(f'''            BenchmarkCase({w['case']}, "StructPack {name}", {role}) {{ inputs in
                let packed = inputs.{w['set']}.packed
                return .folding {{ {fname}(packed) }}
            }},''')


def pack_function(key, name, body_setup, per_record, wrapper=None, appending=False, finish=None, whole=None):
    p = P[key]
    fname = f"{key.lower()}_" + "".join(ch if ch.isalnum() else "_" for ch in name).strip("_")
    lines = [f"    @inline(never)",
             f"    static func {fname}(_ records: [{p['record']}], into output: inout [UInt8]) -> UInt64 {{"]
    for line in body_setup:
        lines.append(f"        {line}")
    indent = "        "
    if wrapper:
        lines.append(f"        {wrapper}")
        indent = "            "
    if whole:
        # One call for the whole workload (the batch API).
        lines.append(f"{indent}{whole}")
    else:
        lines.append(f"{indent}var offset = 0")
        lines.append(f"{indent}for r in records {{")
        lines.append(f"{indent}    {per_record}")
        lines.append(f"{indent}    offset &+= {p['size']}")
        lines.append(f"{indent}}}")
    if finish:
        lines.append(f"{indent}{finish}")
    if wrapper:
        lines.append("        }")
    lines.append(f"        return UInt64(output.count)")
    lines.append("    }")
    functions.append("\n".join(lines))
    role = ".dynamic" if name.startswith("dynamic") else ".typed"
    rows.append(f'''            BenchmarkCase({p['case']}, "StructPack {name}", {role}) {{ inputs in
                let records = inputs.{p['set']}.records
                let output = Box([UInt8](repeating: 0xEE, count: inputs.{p['set']}.packed.count))
                return .writing({{ {fname}(records, into: &output.value) }}, output: {{ output.value }})
            }},''')


def generate():
    fmt = lambda w: f'let format = try! Struct("{w["format"]}")'
    # Unpacking.
    for key in ("W1", "W5u", "W6u", "W6v", "W11u"):
        w = W[key]
        t, names = w["tuple"], w["names"]
        forms = list(UNPACK_FORMS) if key == "W1" else ["[UInt8]"]
        if key == "W6v":
            forms = ["[UInt8]", "ArraySlice"]
        if t:
            if key != "W6v":
                for form in forms:
                    unpack_function(key, f"tuple unpack(from:at:as:) {form}", form, [fmt(w)],
                                    f"let ({names}) = try! format.unpack(from: bytes, at: offset, as: {t}.self); {fold_names(w)}")
            if key == "W1":
                unpack_function(key, "tuple unpack(_:as:) ArraySlice", "ArraySlice", [fmt(w)],
                                f"let ({names}) = try! format.unpack(bytes[offset..<(offset &+ {w['size']})], as: {t}.self); {fold_names(w)}")
                unpack_function(key, "tuple unpack(_:as:) RawSpan", "RawSpan", [fmt(w)],
                                f"let ({names}) = try! format.unpack(bytes.extracting(offset..<(offset &+ {w['size']})), as: {t}.self); {fold_names(w)}")
            for form in forms:
                unpack_function(key, f"tuple unpacker(for:) {form}", form,
                                [fmt(w), f"let unpacker = try! format.unpacker(for: {t}.self)"],
                                f"let ({names}) = try! unpacker.unpack(from: bytes, at: offset); {fold_names(w)}")
            iter_forms = ["[UInt8]", "UnsafeRawBufferPointer"] if key == "W1" else ["[UInt8]"]
            for form in iter_forms:
                unpack_function(key, f"tuple iterUnpack(_:as:) {form}", form, [fmt(w)], fold_names(w),
                                records_loop=f"for ({names}) in try! format.iterUnpack(bytes, as: {t}.self)")
        record_forms = list(UNPACK_FORMS) if key == "W1" else (["[UInt8]", "ArraySlice"] if key == "W6v" else ["[UInt8]"])
        for form in record_forms:
            unpack_function(key, f"record init(unpacking:at:) {form}", form, [],
                            f"let record = try! {w['record']}(unpacking: bytes, at: offset); {fold_record(w, 'record')}")
        if key == "W1":
            unpack_function(key, "record init(unpacking:) ArraySlice", "ArraySlice", [],
                            f"let record = try! {w['record']}(unpacking: bytes[offset..<(offset &+ {w['size']})]); {fold_record(w, 'record')}")
            unpack_function(key, "record layout.unpacker [UInt8]", "[UInt8]",
                            [f"let unpacker = {w['record']}.layout.unpacker"],
                            f"let record = try! unpacker.unpack(from: bytes, at: offset); {fold_record(w, 'record')}")
            unpack_function(key, "record Struct.unpack(from:at:as:) [UInt8]", "[UInt8]", [fmt(w)],
                            f"let record = try! format.unpack(from: bytes, at: offset, as: {w['record']}.self); {fold_record(w, 'record')}")
        iter_forms = ["[UInt8]", "UnsafeRawBufferPointer"] if key == "W1" else ["[UInt8]"]
        for form in iter_forms:
            unpack_function(key, f"record iterUnpack(_:) {form}", form, [], fold_record(w, "record"),
                            records_loop=f"for record in try! {w['record']}.iterUnpack(bytes)")
        if key == "W1":
            # The same record declared without @inline(__always) on fields(_:) (PlainRecord).
            unpack_function(key, "record, plain fields(_:), init(unpacking:at:) [UInt8]", "[UInt8]", [],
                            f"let record = try! PlainRecord(unpacking: bytes, at: offset); {fold_record(w, 'record')}")
            unpack_function(key, "record, plain fields(_:), iterUnpack(_:) [UInt8]", "[UInt8]", [],
                            fold_record(w, "record"), records_loop="for record in try! PlainRecord.iterUnpack(bytes)")
        if key in ("W1", "W5u", "W6u"):
            # Dynamic values, as ported Python code reads them: `for values in s.iter_unpack(buf)`.
            if key == "W1":
                read = ("fold.add(UInt32(truncatingIfNeeded: values[0].intValue!), UInt16(truncatingIfNeeded: values[1].intValue!), "
                        "UInt16(truncatingIfNeeded: values[2].intValue!), UInt64(truncatingIfNeeded: values[3].intValue!), values[4].doubleValue!)")
            elif key == "W5u":
                read = ("fold.add(Int8(truncatingIfNeeded: values[0].intValue!), Int16(truncatingIfNeeded: values[1].intValue!), "
                        "Int32(truncatingIfNeeded: values[2].intValue!), Int64(truncatingIfNeeded: values[3].intValue!))")
            else:
                read = ("fold.add(UInt32(truncatingIfNeeded: values[0].intValue!), values[1].bytesValue!, values[2].bytesValue!, "
                        "UInt16(truncatingIfNeeded: values[3].intValue!))")
            unpack_function(key, "dynamic iterUnpack(_:) [UInt8]", "[UInt8]", [fmt(w)], read,
                            records_loop="for values in try! format.iterUnpack(bytes)")
            if key == "W1":
                unpack_function(key, "dynamic unpack(from:at:) [UInt8]", "[UInt8]", [fmt(w)],
                                "let values = try! format.unpack(from: bytes, at: offset); " + read)
    # Packing.
    for key in ("W2", "W5p", "W6p", "W11p"):
        p = P[key]
        t, values = p["tuple"], p["values"]
        fmtline = f'let format = try! Struct("{p["format"]}")'
        span = ["var span = output.mutableSpan", "var bytes = span.mutableBytes"]
        if t:
            pack_function(key, "tuple pack(into:at:_:...) [UInt8]", [fmtline],
                          f"try! format.pack(into: &output, at: offset, {values})")
            if key == "W2":
                pack_function(key, "tuple pack(into:at:_:...) UnsafeMutableRawBufferPointer", [fmtline],
                              f"try! format.pack(into: bytes, at: offset, {values})",
                              wrapper="output.withUnsafeMutableBytes { bytes in")
                pack_function(key, "tuple pack(into:at:_:...) MutableRawSpan", [fmtline] + span,
                              f"try! format.pack(into: &bytes, at: offset, {values})")
                pack_function(key, "tuple pack(appendingTo:_:...) [UInt8]", [fmtline, "output.removeAll(keepingCapacity: true)"],
                              f"try! format.pack(appendingTo: &output, {values})")
                pack_function(key, "tuple pack(appendingTo:_:...) OutputRawSpan", [fmtline],
                              f"try! format.pack(appendingTo: &out, {values})",
                              wrapper="output.withUnsafeMutableBytes { raw in var out = OutputRawSpan(buffer: raw, initializedCount: 0)",
                              finish="_ = out.finalize(for: raw)")
            pack_function(key, "tuple packer(for:) [UInt8]", [fmtline, f"let packer = try! format.packer(for: {t}.self)"],
                          f"try! packer.pack(({values}), into: &output, at: offset)")
            # Every workload also into a pointer: an `inout [UInt8]` per call checks the array's
            # uniqueness per call, and keeps the packed values' arrays retained across it.
            pack_function(key, "tuple packer(for:) UnsafeMutableRawBufferPointer",
                          [fmtline, f"let packer = try! format.packer(for: {t}.self)"],
                          f"try! packer.pack(({values}), into: bytes, at: offset)",
                          wrapper="output.withUnsafeMutableBytes { bytes in")
            if key == "W2":
                pack_function(key, "tuple packer(for:) MutableRawSpan",
                              [fmtline, f"let packer = try! format.packer(for: {t}.self)"] + span,
                              f"try! packer.pack(({values}), into: &bytes, at: offset)")
                pack_function(key, "tuple packer(for:) appending [UInt8]",
                              [fmtline, f"let packer = try! format.packer(for: {t}.self)", "output.removeAll(keepingCapacity: true)"],
                              f"try! packer.pack(({values}), appendingTo: &output)")
                pack_function(key, "tuple packer(for:) appending OutputRawSpan",
                              [fmtline, f"let packer = try! format.packer(for: {t}.self)"],
                              f"try! packer.pack(({values}), appendingTo: &out)",
                              wrapper="output.withUnsafeMutableBytes { raw in var out = OutputRawSpan(buffer: raw, initializedCount: 0)",
                              finish="_ = out.finalize(for: raw)")
        pack_function(key, "record pack(into:at:) [UInt8]", [], "try! r.pack(into: &output, at: offset)")
        pack_function(key, "record pack(into:at:) UnsafeMutableRawBufferPointer", [],
                      "try! r.pack(into: bytes, at: offset)", wrapper="output.withUnsafeMutableBytes { bytes in")
        if key == "W2":
            pack_function(key, "record pack(into:at:) MutableRawSpan", span, "try! r.pack(into: &bytes, at: offset)")
            pack_function(key, "record pack(appendingTo:) [UInt8]", ["output.removeAll(keepingCapacity: true)"],
                          "try! r.pack(appendingTo: &output)")
            pack_function(key, "record pack(appendingTo:) OutputRawSpan", [], "try! r.pack(appendingTo: &out)",
                          wrapper="output.withUnsafeMutableBytes { raw in var out = OutputRawSpan(buffer: raw, initializedCount: 0)",
                          finish="_ = out.finalize(for: raw)")
            pack_function(key, "record layout.packer [UInt8]", [f"let packer = {p['record']}.layout.packer"],
                          "try! packer.pack(r, into: &output, at: offset)")
            pack_function(key, "record Struct.pack(_:into:at:) [UInt8]", [fmtline],
                          "try! format.pack(r, into: &output, at: offset)")
            pack_function(key, "record, plain fields(_:), pack(into:at:) [UInt8]", [],
                          "try! PlainRecord(r).pack(into: &output, at: offset)")
        # The batch API: the whole collection in one call.
        pack_function(key, "record packer pack(contentsOf:appendingTo:) [UInt8]",
                      [f"let packer = {p['record']}.layout.packer", "output.removeAll(keepingCapacity: true)"], None,
                      whole="try! packer.pack(contentsOf: records, appendingTo: &output)")
        if key == "W2":
            pack_function(key, "record packer pack(contentsOf:appendingTo:) OutputRawSpan",
                          [f"let packer = {p['record']}.layout.packer"], None,
                          wrapper="output.withUnsafeMutableBytes { raw in var out = OutputRawSpan(buffer: raw, initializedCount: 0)",
                          whole="try! packer.pack(contentsOf: records, appendingTo: &out)", finish="_ = out.finalize(for: raw)")
        if t:
            pack_function(key, "tuple packer pack(contentsOf:appendingTo:) [UInt8]",
                          [fmtline, f"let packer = try! format.packer(for: {t}.self)", "output.removeAll(keepingCapacity: true)"],
                          None, whole=f"try! packer.pack(contentsOf: records.lazy.map {{ r in ({values}) }}, appendingTo: &output)")
        if p["dynamic"]:
            # As ported Python code writes `s.pack_into(buf, off, *values)`: a fresh array literal per call.
            pack_function(key, "dynamic pack(into:at:_:) [UInt8]", [fmtline],
                          f"try! format.pack(into: &output, at: offset, {p['dynamic']})")
            if ".bytes" not in p["dynamic"]:
                # The same literal typed [StructValue] (as a value that may hold bytes): the
                # overload a literal without byte strings no longer takes.
                pack_function(key, "dynamic [StructValue] literal pack(into:at:_:) [UInt8]", [fmtline],
                              f"try! format.pack(into: &output, at: offset, {p['dynamic']} as [StructValue])")


def main():
    generate()
    text = (
        "// GENERATED by Benchmarks/Scripts/generate_cases.py — do not edit.\n\n"
        "import StructPack\n"
        "import Workloads\n\n"
        "/// One row per StructPack entry point and input or output form (see the generator).\n"
        "enum StructPackCases {\n"
        "    static func cases() -> [BenchmarkCase] {\n"
        "        [\n"
        + "\n".join(rows) + "\n"
        "        ]\n"
        "    }\n\n"
        + "\n\n".join(functions) + "\n}\n")
    check = "--check" in sys.argv[1:]
    current = open(OUT).read() if os.path.exists(OUT) else None
    if current != text:
        if check:
            print("out of date: run python3 Benchmarks/Scripts/generate_cases.py", file=sys.stderr)
            sys.exit(1)
        with open(OUT, "w") as f:
            f.write(text)
        print(f"wrote {os.path.relpath(OUT, os.path.dirname(HERE))}")


if __name__ == "__main__":
    main()
