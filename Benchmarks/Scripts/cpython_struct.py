#!/usr/bin/env python3
"""CPython's `struct` on the benchmark workloads, on the inputs bench-verify wrote.

    PYENV_VERSION=3.13.0 python3 Benchmarks/Scripts/cpython_struct.py INPUT_DIR [--repeat N] [--json OUT]

Each case runs N times (default 5) and folds its results exactly as the Swift implementations do
(Benchmarks/Sources/Workloads/Checksums.swift), so its checksum must equal theirs; packed and
encoded outputs are compared by CRC-32. Inputs are converted to Python objects (tuples, bytes
chunks) before timing, as a program receiving them would already hold them. Exits 1 on a
checksum mismatch.
"""
import json
import os
import struct
import sys
import time
import zlib

MASK = (1 << 64) - 1


def double_bits(value):
    return struct.unpack("<Q", struct.pack("<d", value))[0]


def w1_iter_unpack(ctx):
    s, f = 0, 0.0
    for a, b, c, d, e in ctx["standard_struct"].iter_unpack(ctx["standard"]):
        s += a + b + c + d
        f += e
    return (s & MASK) ^ double_bits(f)


def w1_unpack_from(ctx):
    s, f = 0, 0.0
    unpack_from = ctx["standard_struct"].unpack_from
    buf = ctx["standard"]
    for offset in range(0, len(buf), 24):
        a, b, c, d, e = unpack_from(buf, offset)
        s += a + b + c + d
        f += e
    return (s & MASK) ^ double_bits(f)


def pack_into_all(struct_, records, out, size):
    pack_into = struct_.pack_into
    offset = 0
    for record in records:
        pack_into(out, offset, *record)
        offset += size
    return out


def w2_pack_into(ctx):
    return pack_into_all(ctx["standard_struct"], ctx["standard_records"], ctx["standard_out"], 24)


def w5_iter_unpack(ctx):
    s = 0
    for b, h, i, q in ctx["native_struct"].iter_unpack(ctx["native"]):
        s += b + h + i + q
    return s & MASK


def w5_pack_into(ctx):
    return pack_into_all(ctx["native_struct"], ctx["native_records"], ctx["native_out"], 16)


def w6_iter_unpack(ctx):
    s = 0
    for a, x, y, h in ctx["strings_struct"].iter_unpack(ctx["strings"]):
        s += a + 3 * h + 5 * x[0] + 7 * x[15] + 11 * len(y) + 13 * (y[-1] if y else 0)
    return s & MASK


def w6_pack_into(ctx):
    return pack_into_all(ctx["strings_struct"], ctx["strings_records"], ctx["strings_out"], 30)


def w11_iter_unpack(ctx):
    s, f = 0, 0.0
    for values in ctx["wide_struct"].iter_unpack(ctx["wide"]):
        s += sum(values[:48])
        for d in values[48:]:
            f += d
    return (s & MASK) ^ double_bits(f)


def w11_pack_into(ctx):
    return pack_into_all(ctx["wide_struct"], ctx["wide_records"], ctx["wide_out"], 352)


def receive_loop(chunks):
    """The classic Python receive loop: append each recv() chunk, cut '!I' frames off the front."""
    header = struct.Struct("!I")
    unpack_from = header.unpack_from
    buf = bytearray()
    h = 0
    for chunk in chunks:
        buf += chunk
        while len(buf) >= 4:
            (n,) = unpack_from(buf)
            if len(buf) < 4 + n:
                break
            payload = bytes(buf[4:4 + n])
            del buf[:4 + n]
            h = (h * 31 + n + 3 * int.from_bytes(payload[:8], "little")
                 + 5 * int.from_bytes(payload[-8:], "little")) & MASK
    return h


def crc(output):
    return zlib.crc32(output)


def identity(result):
    return result


def w3_receive(ctx):
    return receive_loop(ctx["small_chunks"])


def w4_receive(ctx):
    return receive_loop(ctx["large_chunks"])


def w7_compile(ctx):
    formats = ctx["formats"]
    total = 0
    for index in range(ctx["formats_compiled"]):
        total += struct.Struct(formats[index % len(formats)]).size
    return total


def w8_encode(ctx):
    pack = struct.Struct("!I").pack
    out = bytearray()
    for payload in ctx["small_payloads"]:
        out += pack(len(payload))
        out += payload
    return out


# (workload, implementation, timed pass, checksum of its result computed after timing)
CASES = [
    ("W1", "CPython Struct.iter_unpack", w1_iter_unpack, identity),
    ("W1", "CPython Struct.unpack_from loop", w1_unpack_from, identity),
    ("W2", "CPython Struct.pack_into loop", w2_pack_into, crc),
    ("W3", "CPython classic receive loop", w3_receive, identity),
    ("W4", "CPython classic receive loop", w4_receive, identity),
    ("W5u", "CPython Struct.iter_unpack", w5_iter_unpack, identity),
    ("W5p", "CPython Struct.pack_into loop", w5_pack_into, crc),
    ("W6u", "CPython Struct.iter_unpack", w6_iter_unpack, identity),
    ("W6v", "CPython Struct.iter_unpack", w6_iter_unpack, identity),
    ("W6p", "CPython Struct.pack_into loop", w6_pack_into, crc),
    ("W7", "CPython struct.Struct(fmt)", w7_compile, identity),
    ("W8", "CPython bytearray += pack + payload", w8_encode, crc),
    ("W11u", "CPython Struct.iter_unpack", w11_iter_unpack, identity),
    ("W11p", "CPython Struct.pack_into loop", w11_pack_into, crc),
]


def read(directory, name):
    with open(os.path.join(directory, name), "rb") as handle:
        return handle.read()


def chunks_of(stream, sizes_bytes):
    chunks, offset = [], 0
    for (size,) in struct.iter_unpack("<I", sizes_bytes):
        chunks.append(stream[offset:offset + size])
        offset += size
    return chunks


def payloads_of(stream):
    payloads, offset = [], 0
    while offset < len(stream):
        (n,) = struct.unpack_from("!I", stream, offset)
        payloads.append(stream[offset + 4:offset + 4 + n])
        offset += 4 + n
    return payloads


def load(directory):
    meta = json.loads(read(directory, "inputs.json"))
    ctx = {"meta": meta, "formats": meta["formats"], "formats_compiled": meta["formatsCompiled"]}
    for name, fmt in (("standard", "<IHHQd"), ("native", "@bhiq"), ("strings", "<I16s8pH"),
                      ("wide", "<16I16H16Q16d")):
        data = read(directory, name + ".bin")
        ctx[name] = data
        ctx[name + "_struct"] = struct.Struct(fmt)
        ctx[name + "_records"] = list(ctx[name + "_struct"].iter_unpack(data))
        ctx[name + "_out"] = bytearray(len(data))
    small = read(directory, "small.stream")
    ctx["small_chunks"] = chunks_of(small, read(directory, "small.chunks"))
    ctx["small_payloads"] = payloads_of(small)
    ctx["large_chunks"] = chunks_of(read(directory, "large.stream"), read(directory, "large.chunks"))
    return ctx


def main():
    args = sys.argv[1:]
    directory = args[0]
    repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 5
    output = args[args.index("--json") + 1] if "--json" in args else None
    ctx = load(directory)
    results, failures = [], 0
    for workload, name, function, finish in CASES:
        expected = int(ctx["meta"]["workloads"][workload]["checksum"])
        seconds, checksum = [], None
        for _ in range(repeat):
            start = time.perf_counter()
            result = function(ctx)
            seconds.append(time.perf_counter() - start)
            checksum = finish(result)
        ok = checksum == expected
        failures += not ok
        print(f"{workload:5} {name:40} median {sorted(seconds)[len(seconds) // 2] * 1000:9.1f} ms  "
              f"checksum {checksum} {'ok' if ok else 'MISMATCH (expected %d)' % expected}", flush=True)
        results.append({"workload": workload, "implementation": name, "role": "cpython", "seconds": seconds,
                        "checksum": str(checksum), "ok": ok})
    if output:
        with open(output, "w") as handle:
            json.dump({"python": sys.version.split()[0], "results": results}, handle, indent=1)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
