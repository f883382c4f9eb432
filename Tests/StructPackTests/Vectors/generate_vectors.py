#!/usr/bin/env python3
"""Generates struct_vectors.json: golden vectors for StructPack, computed by CPython's struct.

Run with CPython 3.13 (the reference):
    PYENV_VERSION=3.13.0 python3 Tests/StructPackTests/Vectors/generate_vectors.py

Every expected value comes from actually calling CPython's struct module. Each case is tagged
with the category of CPython's Lib/test/test_struct.py it covers, so the Swift tests can check
that every category is present. Values are encoded so Swift can read them exactly:
  {"int": "<decimal>"}, {"bool": true}, {"float": "<16 hex digits of the IEEE bits>"},
  {"bytes": "<hex>"}.
Native-mode cases depend on the host C ABI; the file records the host it was generated on.
"""
import json
import math
import platform
import random
import struct
import sys

OUT = __file__.rsplit("/", 1)[0] + "/struct_vectors.json"
INT128_MIN, INT128_MAX = -(1 << 127), (1 << 127) - 1
PREFIXES = ["", "@", "=", "<", ">", "!"]
STANDARD = ["=", "<", ">", "!"]
INT_CODES = "bBhHiIlLqQ"
NATIVE_INT_CODES = "nNP"
ALL_CODES = "xcbB?hHiIlLqQnNefdspP"

rng = random.Random(20261121)
cases = []


def enc(v):
    if isinstance(v, bool):
        return {"bool": v}
    if isinstance(v, int):
        assert INT128_MIN <= v <= INT128_MAX, v
        return {"int": str(v)}
    if isinstance(v, float):
        return {"float": struct.pack(">d", v).hex()}
    if isinstance(v, (bytes, bytearray)):
        return {"bytes": bytes(v).hex()}
    raise TypeError(type(v))


def err(e):
    name = type(e).__name__
    return {"type": "struct.error" if isinstance(e, struct.error) else name, "message": str(e)}


def is_native(fmt):
    return isinstance(fmt, str) and (fmt[:1] not in "=<>!" or fmt == "")


def add(category, op, fmt, **fields):
    case = {"category": category, "op": op}
    if isinstance(fmt, bytes):
        case["formatBytes"] = fmt.hex()
    else:
        case["format"] = fmt
    case["native"] = is_native(fmt) if not isinstance(fmt, bytes) else True
    case.update(fields)
    cases.append(case)


def calcsize(category, fmt):
    try:
        add(category, "calcsize", fmt, size=struct.calcsize(fmt))
    except Exception as e:  # noqa: BLE001 - the oracle's errors are the expected data
        add(category, "calcsize", fmt, error=err(e))


def pack(category, fmt, values, also_unpack=True):
    try:
        packed = struct.pack(fmt, *values)
    except Exception as e:  # noqa: BLE001
        add(category, "pack", fmt, values=[enc(v) for v in values], error=err(e))
        return
    add(category, "pack", fmt, values=[enc(v) for v in values], bytes=packed.hex())
    if also_unpack:
        unpack(category, fmt, packed)


def unpack(category, fmt, data):
    try:
        values = struct.unpack(fmt, data)
    except Exception as e:  # noqa: BLE001
        add(category, "unpack", fmt, bytes=bytes(data).hex(), error=err(e))
        return
    add(category, "unpack", fmt, bytes=bytes(data).hex(), values=[enc(v) for v in values])


def unpack_from(category, fmt, data, offset):
    try:
        values = struct.unpack_from(fmt, data, offset)
    except Exception as e:  # noqa: BLE001
        add(category, "unpack_from", fmt, bytes=bytes(data).hex(), offset=offset, error=err(e))
        return
    add(category, "unpack_from", fmt, bytes=bytes(data).hex(), offset=offset,
        values=[enc(v) for v in values])


def pack_into(category, fmt, buffer, offset, values):
    buf = bytearray(buffer)
    fields = {"buffer": bytes(buffer).hex(), "offset": offset, "values": [enc(v) for v in values]}
    try:
        struct.pack_into(fmt, buf, offset, *values)
    except Exception as e:  # noqa: BLE001
        fields["error"] = err(e)
    fields["result"] = bytes(buf).hex()
    add(category, "pack_into", fmt, **fields)


def iter_unpack(category, fmt, data):
    try:
        records = [[enc(v) for v in r] for r in struct.iter_unpack(fmt, data)]
    except Exception as e:  # noqa: BLE001
        add(category, "iter_unpack", fmt, bytes=bytes(data).hex(), error=err(e))
        return
    add(category, "iter_unpack", fmt, bytes=bytes(data).hex(), records=records)


def int_range(fmt):
    size = struct.calcsize(fmt)
    code = fmt[-1]
    if code == "P":
        return -(1 << 63), (1 << 64) - 1
    if code.isupper():
        return 0, (1 << (8 * size)) - 1
    return -(1 << (8 * size - 1)), (1 << (8 * size - 1)) - 1


def prefixes_for(code):
    return ["", "@"] if code in "nNP" else PREFIXES


def random_bytes(n):
    return bytes(rng.randrange(256) for _ in range(n))


# --- test_consistence / test_calcsize / test_nN_code: sizes of every code under every prefix.
for code in ALL_CODES:
    for prefix in PREFIXES:
        for count in ["", "0", "1", "2", "3", "10", "02", "007"]:
            calcsize("calcsize", prefix + count + code)
for fmt in ["cbxxxxxxhhhhiillffd?", "3c3b18x12h6i6l6f3d3?", "iii", "i", "", "<", "@", "!", "xcbhilfd?",
            "xcBHILfd?", " 3i ", "<\ti", "\x0bi", "\n\r\t\x0c\x0b i", "i i i", "2 s"]:
    calcsize("consistence", fmt)
for code in "nN":
    for prefix in STANDARD:
        calcsize("nN_code", prefix + code)
        pack("nN_code", prefix + code, [0], also_unpack=False)
        unpack("nN_code", prefix + code, b"")

# --- alignment tables: every pair of codes, with counts, in native mode.
for a in ALL_CODES:
    for b in ALL_CODES:
        calcsize("alignment", a + b)
        calcsize("alignment", "3" + a + "2" + b)
        calcsize("alignment", a + "0" + b)
for _ in range(400):
    n = rng.randrange(2, 7)
    fmt = rng.choice(["", "@"]) + "".join(
        (str(rng.choice([0, 1, 2, 3, 5])) if rng.random() < 0.4 else "") + rng.choice(ALL_CODES) for _ in range(n))
    calcsize("alignment", fmt)
for fmt in ["0l", "c0l", "c0q", "b0h", "b0i", "bh0q", "c0d", "ci0e", "c0P", "c0n", "c0?", "0i0q", "q0c", "3x0d", "s0q"]:
    calcsize("trailing_zero_count", fmt)
    calcsize("trailing_zero_count", "=" + fmt.replace("P", "q").replace("n", "q"))


# --- test_integers / test_issue98248: boundaries of every integer code under every prefix.
def int_samples(lo, hi):
    samples = {lo, hi, lo - 1, hi + 1, 0, 1, -1, lo + 1, hi - 1, 127, 128, 255, 256, -128, -129,
               32767, 32768, 65535, 65536, 2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**63 - 1, 2**63, 2**64 - 1,
               2**64, -2**31, -2**31 - 1, -2**63, -2**63 - 1, 10**30, -10**30, INT128_MAX, INT128_MIN}
    for _ in range(6):
        samples.add(rng.randint(lo, hi))
    return sorted(samples)


for code in INT_CODES + NATIVE_INT_CODES:
    for prefix in prefixes_for(code):
        fmt = prefix + code
        lo, hi = int_range(fmt)
        for v in int_samples(lo, hi):
            pack("integers", fmt, [v])
        for v in [True, False]:
            pack("integers", fmt, [v])
        size = struct.calcsize(fmt)
        for data in [bytes(size), b"\xff" * size, b"\x80" + bytes(size - 1), bytes(size - 1) + b"\x80",
                     b"\x7f" + b"\xff" * (size - 1), random_bytes(size), random_bytes(size)]:
            unpack("integers", fmt, data)
        unpack("integers", fmt, bytes(size + 1))
        unpack("integers", fmt, bytes(max(0, size - 1)))
        # test_1530559 / test_issue98248: non-integers are rejected with one message.
        for v in [1.0, 1.5, -0.0, float("nan"), b"", b"1"]:
            pack("1530559", fmt, [v], also_unpack=False)
for prefix in PREFIXES:
    fmt = prefix + "bBhHiIlLqQ"
    pack("integers", fmt, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    pack("integers", fmt, [-1, 2, -3, 4, -5, 6, -7, 8, -9, 10])

# --- test_new_features / test_transitiveness: one value of each kind under each prefix.
features = [("c", b"a"), ("xc", b"a"), ("cx", b"a"), ("s", b"a"), ("0s", b"helloworld"), ("1s", b"helloworld"),
            ("9s", b"helloworld"), ("10s", b"helloworld"), ("11s", b"helloworld"), ("20s", b"helloworld"),
            ("0p", b"helloworld"), ("1p", b"helloworld"), ("2p", b"helloworld"), ("10p", b"helloworld"),
            ("11p", b"helloworld"), ("12p", b"helloworld"), ("20p", b"helloworld"), ("b", 7), ("b", -7),
            ("B", 7), ("B", 249), ("h", 700), ("h", -700), ("H", 700), ("H", 0x10000 - 700), ("i", 70000000),
            ("i", -70000000), ("I", 70000000), ("I", 0x100000000 - 70000000), ("l", 70000000), ("l", -70000000),
            ("L", 70000000), ("L", 0x100000000 - 70000000), ("f", 2.0), ("d", 2.0), ("f", -2.0), ("d", -2.0),
            ("?", 0), ("?", 3), ("?", True)]
for prefix in PREFIXES:
    for fmt, arg in features:
        pack("new_features", prefix + fmt, [arg])
    for fmt in ("xcbhilfd?", "xcBHILfd?"):
        pack("transitiveness", prefix + fmt, [b"a", 1, 255, 65535, 65536, 3.1415, 3.1415, True])

# --- test_bool: truthiness of every value type, and any nonzero byte unpacks as True.
for prefix in PREFIXES:
    for v in [True, False, 0, 1, 2, -1, 5, 0xffffffff + 1, 2**100, 0.0, -0.0, 0.5, float("nan"), float("inf"),
              0xffffffff / 2, b"", b"\x00", b"ab", b"test"]:
        pack("bool", prefix + "?", [v])
    for byte in [0, 1, 2, 0x7f, 0x80, 0xff, 0x0f, 0xf0]:
        unpack("bool", prefix + "?", bytes([byte]))
    pack("bool", prefix + "5?", [(), [], 0, "", 0] if False else [0, 0.0, b"", False, 0])
    pack("bool", prefix + "3?", [5, -1, b"t"])

# --- char code: bytes of length exactly one.
for prefix in PREFIXES:
    for v in [b"a", b"\x00", b"\xff", b"", b"ab", 1, 1.0, True]:
        pack("char", prefix + "c", [v])
    for byte in [0, 0x41, 0x7f, 0x80, 0xff]:
        unpack("char", prefix + "c", bytes([byte]))
    pack("char", prefix + "3c", [b"x", b"y", b"z"])

# --- s code: truncate and pad, and type errors.
inputs = [b"", b"a", b"abc", b"helloworld", bytes(range(256)), b"\x00\xff" * 3]
for prefix in ["", "<", "!"]:
    for count in [0, 1, 2, 3, 5, 10, 11, 20, 256, 300]:
        for v in inputs:
            pack("s_code", f"{prefix}{count}s", [v])
    for v in [1, 1.0, True]:
        pack("s_code", prefix + "s", [v], also_unpack=False)
        pack("s_code", prefix + "3s", [v], also_unpack=False)

# --- test_p_code: Pascal strings.
for prefix in ["", "<", "!"]:
    for count in [0, 1, 2, 3, 4, 5, 6, 10, 11, 12, 254, 255, 256, 257, 300, 1000]:
        for v in [b"", b"a", b"abc", b"helloworld", b"x" * 1000, bytes(range(256))]:
            pack("p_code", f"{prefix}{count}p", [v])
    for v in [1, 1.0, True]:
        pack("p_code", prefix + "p", [v], also_unpack=False)
    for count in [1, 2, 4, 10, 300]:
        for length_byte in [0, 1, 3, 9, 10, 200, 255]:
            unpack("p_code", f"{prefix}{count}p", bytes([length_byte]) + random_bytes(count - 1))
    pack("p_code", prefix + "p0p", [b"a", b"b"])


# --- floats: test_705836 and test_half_float, plus random values of every magnitude.
def float_samples():
    out = [0.0, -0.0, 1.0, -1.0, 2.0, 0.5, 1 / 3, math.pi, float("inf"), float("-inf"), float("nan"), -float("nan"),
           5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 65504.0, 65519.0, 65519.99, 65520.0, 65536.0,
           1e300, -1e300, 2.0**-14, 2.0**-24, 2.0**-25, 2.0**-26, 2.0**-25 + 2.0**-35, 2.0**-14 - 2.0**-24,
           2.0**-14 - 2.0**-25 - 2.0**-65, 2.0**-14 - 2.0**-25, 1.0 + 2.0**-11 + 2.0**-16, 1.0 + 2.0**-11,
           1.0 + 2.0**-12, 0.333251953125, 0x1ffdffffff * 2**-26, 3.4028234663852886e38, 3.4028235677973362e38,
           3.4028235677973366e38, 3.5e38, 1.401298464324817e-45, 7e-46, 1.1754943508222875e-38, 1e-50,
           math.ldexp((1 << 24) - 1, 127 - 23), math.ldexp((1 << 25) - 1, 127 - 24), 1e16, 1e-5, 123456.789]
    for base in range(1, 33):
        delta = 0.5
        while base - delta / 2.0 != base:
            delta /= 2.0
        out.append(base - delta)
    for _ in range(60):
        out.append(math.ldexp(rng.random() * 2 - 1, rng.randint(-160, 140)))
    for _ in range(40):
        out.append(struct.unpack("<d", random_bytes(8))[0])
    for _ in range(40):
        # Values whose binary16 rounding is decided by a tie or a sticky bit.
        e = rng.randint(-26, 16)
        m = rng.randrange(1 << 11)
        out.append(math.ldexp(m + 0.5 + rng.choice([0.0, 2.0**-30, -2.0**-30]), e - 10))
    return out


for code in "efd":
    for prefix in PREFIXES:
        fmt = prefix + code
        for v in float_samples():
            pack("floats", fmt, [v])
        for v in [0, 1, -1, 3, 2**24 + 1, 2**53 + 1, 2**63 - 1, 2**64 - 1, -2**63, 2**100 + 1, INT128_MAX,
                  2**64 + 2**11 + 1, True, False, 65520, 65519, 10**38]:
            pack("floats", fmt, [v])
        for v in [b"", b"a"]:
            pack("floats", fmt, [v], also_unpack=False)
        size = struct.calcsize(fmt)
        patterns = [bytes(size), b"\xff" * size, random_bytes(size), random_bytes(size), random_bytes(size)]
        if code == "e":
            patterns += [bytes.fromhex(h) for h in ["0100", "ff03", "0004", "ff7b", "007c", "00fc", "017c",
                                                    "ff7f", "00fe", "01fc", "ffff", "0080", "5535", "003c"]]
        if code == "f":
            patterns += [bytes.fromhex(h) for h in ["0100807f", "0000c07f", "0100c0ff", "ffffff7f", "01000000",
                                                    "ffff7f7f", "0000807f", "000080ff"]]
        if code == "d":
            patterns += [bytes.fromhex(h) for h in ["010000000000f07f", "000000000000f87f", "0100000020fff07f",
                                                    "000000000000f0ff", "0100000000000000"]]
        for data in patterns:
            if prefix in (">", "!"):
                data = data[::-1]
            unpack("floats", fmt, data)
for prefix in PREFIXES:
    pack("half_float", prefix + "3e", [1.0, -2.0, 65504.0])
    for v in [65520.0, 65536.0, 1e300, -65520.0, -65536.0, -1e300]:
        pack("half_float", prefix + "e", [v])

# --- test_count_overflow / test_trailing_counter / test_issue35714: format errors.
maxsize = sys.maxsize
for fmt in [f"{maxsize + 1}b", f"{maxsize // 2}b{maxsize // 2}H", f"{maxsize}x", f"{maxsize}s", f"{maxsize}p",
            f"{maxsize}c", f"c{maxsize}x", f"c{maxsize - 8}q", f"{maxsize - 1}x2c", f"{maxsize // 2}h",
            f"{maxsize // 2 + 1}h", f"{maxsize // 8}q", f"{maxsize // 8 + 1}q", "99999999999999999999",
            "99999999999999999999i", f"{maxsize}xx", f"b{maxsize}x", f"{maxsize * 10 + 9}x", "0" * 40 + "1i"]:
    calcsize("count_overflow", fmt)
for fmt in ["12345", "c12345", "14s42", "3", "i3", "3 i", "+3i", "-3i"]:
    calcsize("trailing_counter", fmt)
    unpack("trailing_counter", fmt, b"")
    pack("trailing_counter", fmt, [], also_unpack=False)
    unpack_from("trailing_counter", fmt, bytes(100), 0)
for fmt in ["\0", "2\0i", "i\0", "\0\u00e9"]:
    calcsize("issue35714", fmt)
for fmt in [b"\0", b"i\0i", b"\xe9", b"<i", b"3s"]:
    calcsize("issue35714", fmt)
for fmt in ["z", "Z", "@@", "i<", "<P", "=n", "!N", ">P", " <i", "\x1ci", "{", "i%", "\x7f", "iZi", "3z", "0z"]:
    calcsize("bad_char", fmt)
for fmt in ["\u00e9", "i\u00e9", "a\u00e9\u20ac\U0001F600\u00e9", "\u00e9\u20ac", "i\x85", "\u20ac", "\U0001F600i",
            "i\u00e9i\u00e9", "\u00e9\0"]:
    calcsize("non_ascii", fmt)

# --- item counts.
for fmt, values in [("ii", [1]), ("i", [1, 2]), ("", [1]), ("x", [1]), ("0i", [1]), ("2x", []), ("0s", []),
                    ("0p", []), ("0c", []), ("3s", []), ("3s", [b"a", b"b"]), ("i2xi", [1, 2]), ("?", [])]:
    pack("item_count", fmt, values)
    pack_into("item_count", fmt, bytes(16), 0, values)

# --- test_unpack_from / test_pack_into / test_boundary_error_message*: offsets, grids of them.
for fmt in ["", "b", "<i", "4s", "<bq", "3x", "0s"]:
    size = struct.calcsize(fmt)
    nvalues = len(struct.unpack(fmt, bytes(size)))
    for n in [0, 1, 3, 4, 5, 8, 9]:
        data = bytes(range(1, n + 1))
        for offset in list(range(-12, 13)) + [maxsize, -maxsize - 1, maxsize - 3, 2**40, -2**40]:
            unpack_from("unpack_from", fmt, data, offset)
            pack_into("pack_into", fmt, bytes([0xAA]) * n, offset, [7] * nvalues if fmt not in ("4s", "0s")
                      else [b"wxyz"] * nvalues)
data = b"abcd01234"
for offset in range(len(data) + 1):
    unpack_from("unpack_from", "4s", data, offset)
for offset in [0, 10, 79]:
    pack_into("pack_into", "21s", b" " * 100, offset, [b"Reykjavik rocks, eow!"])
for offset in [0, 2]:
    pack_into("pack_into", "21s", b" " * 10, offset, [b"Reykjavik rocks, eow!"])
pack_into("boundary_error_message", "b", bytes(1), 5, [1])
unpack_from("boundary_error_message", "b", bytes(1), 5)
pack_into("boundary_error_message", "<I", bytes(10), -2, [123])
pack_into("boundary_error_message", "<B", bytes(10), -11, [123])
unpack_from("boundary_error_message", "<I", bytes(10), -2)
unpack_from("boundary_error_message", "<B", bytes(10), -11)
pack_into("boundary_error_message", "<I", bytes(10), maxsize, [1])
unpack_from("boundary_error_message", "<I", bytes(10), maxsize)
# pack_into leaves the record zeroed except for values packed before a failing one.
for fmt, values in [("<iii", [1, 2**40, 3]), ("<bxhq", [1, 2, 2**70]), ("@bq", [1, 1.5]), ("<3s4si", [b"ab", 9, 1]),
                    ("<hhh", [1, 2, 40000]), ("<4p?e", [b"abc", True, 1e6]), ("@ci", [b"a", b"b"])]:
    pack_into("pack_into_partial", fmt, bytes([0xEE]) * 24, 2, values)

# --- test_iterate / test_length_hint / test_module_func: iter_unpack.
for fmt, data in [(">IB", bytes(range(1, 16))), (">IB", bytes(range(1, 11))), (">IB", bytes(range(1, 12))),
                  (">IB", b""), ("", b""), ("0i", b""), ("x", b"\x01\x02"), ("<h", b"\x01"), ("<h", b"\x01\x00\x02\x00"),
                  ("@bq", random_bytes(48)), ("3s", b"abcdef"), ("2p", b"\x01a\x05b"), ("<e", bytes.fromhex("003c00c0"))]:
    iter_unpack("iterate", fmt, data)

# --- random round trips of mixed formats (seeded).
simple_codes = "cbB?hHiIlLqQefd"
for _ in range(600):
    prefix = rng.choice(PREFIXES)
    codes = simple_codes + ("nNP" if prefix in ("", "@") else "")
    parts = []
    for _ in range(rng.randrange(1, 6)):
        code = rng.choice(codes + "spx")
        count = rng.choice(["", "", "", "0", "1", "2", "3", "5"])
        parts.append(count + code)
    fmt = prefix + "".join(parts)
    size = struct.calcsize(fmt)
    unpack("random_roundtrip", fmt, random_bytes(size))

for case in cases:
    case.setdefault("native", False)

with open(OUT, "w") as out:
    out.write("{\n")
    out.write(f'  "generator": "Tests/StructPackTests/Vectors/generate_vectors.py",\n')
    out.write(f'  "python": "{platform.python_version()}",\n')
    native = {code: [struct.calcsize(code), struct.calcsize("c" + code) - struct.calcsize(code)] for code in ALL_CODES}
    host = {"machine": platform.machine(), "byteorder": sys.byteorder, "native": native}
    out.write(f'  "host": {json.dumps(host, sort_keys=True)},\n')
    out.write('  "cases": [\n')
    out.write(",\n".join("    " + json.dumps(c, sort_keys=True) for c in cases))
    out.write("\n  ]\n}\n")
print(f"wrote {len(cases)} cases to {OUT}", file=sys.stderr)
