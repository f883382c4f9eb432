#!/usr/bin/env python3
"""The oracle of structpack's differential test: what CPython prints for a structpack command.

    python3 cli_oracle.py generate SEED COUNT          # seeded random cases, one JSON object a line
    python3 cli_oracle.py evaluate                     # reads {"args": [...]} lines, answers each
    python3 cli_oracle.py generate-frames SEED COUNT   # framed streams and what `frames` shows of them

Every case is {"args": [...], "stdin": HEX or null, "stdout": ..., "stderr": ..., "status": N}
where stdout/stderr/status are what `structpack ARGS` must produce, computed with CPython's own
struct, ast.literal_eval, bytes.fromhex and repr. For `inspect --json` the answer is instead
what the document must hold (the table layout is structpack's own): {"tuple": repr of the values
whose bytes are all present, "hex": the record's bytes present, "start": its offset, "trailing":
bytes after it or null, "stderr"/"status"}, and with --iter {"records": [repr of each whole
record], "partial": {"tuple", "hex"} of the left-over bytes or null, "stderr"/"status"}. Which
values of a short record are complete is decided by CPython's calcsize of the format cut after
each value.

Run it with CPython 3.13, as the tests do (TestSupport's PythonOracle accepts no other version):
3.12 raises SystemError for unpack('0p', b''), and older versions word several struct errors
differently.
"""

import ast
import json
import random
import struct
import sys

PREFIXES = ["", "@", "=", "<", ">", "!"]
CODES = "xcbB?hHiIlLqQnNefdspP"
NATIVE_ONLY = "nNP"


def parse_value(text):
    """A VALUE argument as structpack reads it: a Python literal, or float()'s inf/nan words."""
    word = text.strip().lower().lstrip("+-").strip()
    if word in ("inf", "infinity", "nan"):
        return float(text.strip().replace(" ", "").replace("\t", ""))
    return ast.literal_eval(text.strip())


def parse_offset(text):
    """An --offset argument: a Python integer literal."""
    value = ast.literal_eval(text.strip())
    assert isinstance(value, int) and not isinstance(value, bool)
    return value


def error_result(exc):
    return {"stdout": "", "stderr": "structpack: error: %s\n" % exc, "status": 1}


def evaluate(args, stdin_hex=None):
    """What structpack prints for ARGS (every case the generator makes is well-formed)."""
    command, rest = args[0], args[1:]
    try:
        if command == "calcsize":
            return ok("%d\n" % struct.calcsize(rest[0]))
        if command == "pack":
            values = [parse_value(v) for v in rest[1:]]
            return ok(struct.pack(rest[0], *values).hex() + "\n")
        if command in ("unpack", "inspect"):
            options, positionals = split_options(rest)
            if "--file" in options:
                data = bytes.fromhex(stdin_hex)
            else:
                data = bytes.fromhex(" ".join(positionals[1:]))
            fmt = positionals[0]
            if command == "inspect":
                return inspect(fmt, data, options)
            if "--iter" in options:
                return ok("".join(repr(t) + "\n" for t in struct.iter_unpack(fmt, data)))
            if "--offset" in options:
                return ok(repr(struct.unpack_from(fmt, data, parse_offset(options["--offset"]))) + "\n")
            return ok(repr(struct.unpack(fmt, data)) + "\n")
    except (struct.error, OverflowError, UnicodeEncodeError, TypeError, ValueError) as exc:
        return error_result(exc)
    raise SystemExit("unknown command %r" % command)


def inspect(fmt, data, options):
    """What `inspect --json` must show: the complete values and present bytes, then the error."""
    size = struct.calcsize(fmt)  # a bad format raises: nothing is shown
    if "--iter" in options:
        whole = len(data) // size if size else 0
        error = failure(lambda: list(struct.iter_unpack(fmt, data)))
        if size == 0:
            return error_result(error)
        records = [repr(t) for t in struct.iter_unpack(fmt, data[:whole * size])]
        left = data[whole * size:]
        partial = {"tuple": complete_values(fmt, left), "hex": left.hex()} if left else None
        return {"records": records, "partial": partial, "stderr": stderr(error), "status": 1 if error else 0}
    offset = options.get("--offset")
    if offset is None:
        start, error = 0, failure(lambda: struct.unpack(fmt, data))
    else:
        offset = parse_offset(offset)
        start = offset if offset >= 0 else len(data) + offset
        error = failure(lambda: struct.unpack_from(fmt, data, offset))
    if start < 0 or start > len(data):
        return error_result(error)  # the record is outside the input: nothing shown
    present = data[start:start + size]
    trailing = len(data) - size if offset is None and len(data) > size else None
    return {"tuple": complete_values(fmt, present), "hex": present.hex(), "start": start, "trailing": trailing,
            "stderr": stderr(error), "status": 1 if error else 0}


def complete_values(fmt, present):
    """repr of the values of fmt whose bytes all lie in `present` (the start of a record)."""
    size = struct.calcsize(fmt)
    values = struct.unpack(fmt, present.ljust(size, b"\0")[:size])
    ends = value_ends(fmt)
    return repr(tuple(value for value, end in zip(values, ends) if end <= len(present)))


def value_ends(fmt):
    """Where each value of fmt ends: CPython's calcsize of the format cut after that value."""
    prefix = fmt[:1] if fmt[:1] in "@=<>!" else ""
    body = fmt[len(prefix):]
    ends, done, count = [], "", ""
    for char in body:
        if char.isdigit():
            count += char
            continue
        if char.isspace():
            continue
        n = int(count) if count else 1
        if char == "x":
            pass
        elif char in "sp":
            ends.append(struct.calcsize(prefix + done + count + char))
        else:
            for item in range(1, n + 1):
                ends.append(struct.calcsize(prefix + done + str(item) + char))
        done += count + char
        count = ""
    return ends


def failure(call):
    """The text of the struct.error `call` raises, or None."""
    try:
        call()
    except (struct.error, OverflowError) as exc:
        return str(exc)
    return None


def stderr(error):
    return "structpack: error: %s\n" % error if error else ""


def ok(stdout):
    return {"stdout": stdout, "stderr": "", "status": 0}


def split_options(arguments):
    options, positionals, index = {}, [], 0
    while index < len(arguments):
        argument = arguments[index]
        if argument in ("--file", "--offset"):
            options[argument] = arguments[index + 1]
            index += 2
        elif argument in ("--iter", "--json"):
            options[argument] = True
            index += 1
        else:
            positionals.append(argument)
            index += 1
    return options, positionals


# ---------------------------------------------------------------- random cases


def random_format(rng, standard_only=False):
    prefix = rng.choice(PREFIXES[2:] if standard_only else PREFIXES)
    parts = []
    for _ in range(rng.randint(0, 5)):
        code = rng.choice(CODES)
        if code in NATIVE_ONLY and prefix not in ("", "@"):
            code = "i"
        count = rng.choice(["", "", "", "0", "1", "2", "3", str(rng.randint(4, 12))])
        parts.append(count + code)
    text = prefix + "".join(parts)
    if rng.random() < 0.03:
        text = text + rng.choice(["z", "3", "@", " i", "<"])  # bad formats
    return text


def value_codes(fmt):
    """The code of every value of a valid format, in order."""
    body = fmt[1:] if fmt[:1] in "@=<>!" else fmt
    codes, count = [], ""
    for char in body:
        if char.isdigit():
            count += char
            continue
        if char.isspace():
            continue
        n = int(count) if count else 1
        count = ""
        if char == "x":
            continue
        codes.extend([char] if char in "sp" else [char] * n)
    return codes


def integer_literal(rng, value):
    sign = "-" if value < 0 else rng.choice(["", "", "+"])
    magnitude = abs(value)
    style = rng.random()
    if style < 0.15:
        digits = "0x" + format(magnitude, "x")
    elif style < 0.2:
        digits = "0o" + format(magnitude, "o")
    elif style < 0.25:
        digits = "0b" + format(magnitude, "b")
    elif style < 0.35 and magnitude >= 1000:
        digits = format(magnitude, "_d")
    else:
        digits = str(magnitude)
    return sign + digits


def random_int(rng):
    choice = rng.random()
    if choice < 0.4:
        return rng.randint(-300, 300)
    if choice < 0.7:
        bits = rng.choice([7, 8, 15, 16, 31, 32, 63, 64])
        return rng.choice([1, -1]) * (2 ** bits + rng.randint(-2, 1))
    if choice < 0.85:
        return rng.randint(-(2 ** 64), 2 ** 64)
    # beyond Int128: clamped for integer codes, correctly rounded for float codes
    return rng.choice([1, -1]) * (2 ** rng.choice([127, 128, 200, 1023, 1024, 1100]) + rng.randint(-3, 3))


def random_float_literal(rng):
    choice = rng.random()
    if choice < 0.1:
        return rng.choice(["inf", "-inf", "nan", "-nan", "+inf", "Infinity", "NaN"])
    if choice < 0.2:
        return rng.choice(["0.0", "-0.0", "1e16", "1e-4", "1e-5", "9999999999999998.0", "1e+300", "1e400",
                           "65504.0", "65520.0", "3.4028235e38", "3.5e38", "5e-324", ".5", "1.", "1_0.5e-3_0"])
    value = rng.choice([rng.uniform(-1e6, 1e6), rng.gauss(0, 1), 10 ** rng.uniform(-20, 40)])
    text = repr(value)
    if rng.random() < 0.2:
        text = "%.6e" % value
    return text


def random_bytes_literal(rng, length):
    data = bytes(rng.choice([0, 9, 10, 13, 39, 34, 92, 65, 97, 127, 128, 255, rng.randint(0, 255)])
                 for _ in range(length))
    text = repr(data)
    if rng.random() < 0.3:
        # spell it with \x escapes only
        text = "b'" + "".join("\\x%02x" % b for b in data) + "'"
    return text


def in_range_int(rng, code):
    bits = 8 * struct.calcsize(code)
    if code in "bhilqn":
        low, high = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1
    else:
        low, high = 0, 2 ** bits - 1
    return rng.choice([low, high, 0, rng.randint(low, high), rng.randint(max(low, -100), min(high, 100))])


def random_value(rng, code):
    if rng.random() < 0.03:  # a value of the wrong type
        code = rng.choice(CODES.replace("x", ""))
    if code in "bBhHiIlLqQnNP":
        if rng.random() < 0.8:
            return integer_literal(rng, in_range_int(rng, code))
        return integer_literal(rng, random_int(rng))
    if code == "?":
        return rng.choice(["True", "False", "0", "1", "0.0", "b''", "b'a'", "-7"])
    if code in "efd":
        if rng.random() < 0.15:
            return integer_literal(rng, random_int(rng))
        if code == "e" and rng.random() < 0.7:
            return repr(rng.choice([rng.uniform(-70000, 70000), rng.gauss(0, 10), 2.0 ** rng.randint(-26, 15)]))
        return random_float_literal(rng)
    if code == "c":
        return random_bytes_literal(rng, rng.choice([1, 1, 1, 0, 2]))
    return random_bytes_literal(rng, rng.randint(0, 12))


def pack_case(rng):
    fmt = random_format(rng)
    try:
        codes = value_codes(fmt)
        struct.calcsize(fmt)
    except struct.error:
        codes = ["i"]
    if len(codes) > 12:
        fmt, codes = "<i", ["i"]
    values = [random_value(rng, code) for code in codes]
    if rng.random() < 0.05:
        values = values[:-1] if values else ["1"]
    return ["pack", fmt] + values


def random_record(rng, fmt):
    size = struct.calcsize(fmt)
    data = bytes(rng.choice([0, 0xFF, 0x7F, 0x80, 0x3F, 0x7C, rng.randint(0, 255)]) for _ in range(size))
    return data


def split_hex(rng, data):
    text = data.hex()
    pieces, index = [], 0
    while index < len(text):
        step = 2 * rng.randint(1, 6)
        pieces.append(text[index:index + step])
        index += step
    return pieces or [""]


def unpack_case(rng):
    fmt = random_format(rng)
    try:
        data = random_record(rng, fmt)
    except struct.error:
        return ["unpack", fmt, "00"], None
    mode = rng.random()
    if mode < 0.1 and data:
        data = data[:-1]  # wrong size
    elif mode < 0.15:
        data = data + b"\x00"
    stdin = None
    if mode < 0.55:
        args = ["unpack", fmt] + split_hex(rng, data)
    elif mode < 0.7:
        args = ["unpack", "--iter", fmt] + split_hex(rng, data * rng.randint(0, 3))
    else:
        prefix = bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 5)))
        suffix = bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 5)))
        whole = prefix + data + suffix
        offset = rng.choice([len(prefix), len(prefix), len(prefix) - len(whole), len(whole) + 1, -len(whole) - 1])
        args = ["unpack", "--offset", str(offset), fmt]
        if rng.random() < 0.5:
            args += split_hex(rng, whole)
        else:
            args += ["--file", "-"]
            stdin = whole.hex()
    return args, stdin


def inspect_case(rng):
    """inspect --json on a record, cut short, followed by more bytes, at an offset, or iterated."""
    fmt = random_format(rng)
    try:
        data = random_record(rng, fmt)
    except struct.error:
        fmt, data = "<I", b"\x01\x02\x03\x04"
    options = []
    mode = rng.random()
    if mode < 0.2:
        data = data[:rng.randint(0, max(0, len(data) - 1))]  # the data ends inside the record
    elif mode < 0.3:
        data = data + bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 20)))  # trailing bytes
    elif mode < 0.5:
        prefix = bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 5)))
        whole = prefix + data[:rng.choice([len(data), len(data), rng.randint(0, len(data))])]
        offset = rng.choice([len(prefix), len(prefix) - len(whole), len(whole), len(whole) + 1, -len(whole) - 1, -1])
        options, data = ["--offset", str(offset)], whole
    elif mode < 0.7:
        records = data * rng.randint(0, 3)
        options, data = ["--iter"], records + data[:rng.randint(0, max(0, len(data) - 1))]
    if rng.random() < 0.3:
        return ["inspect", "--json"] + options + [fmt, "--file", "-"], data.hex()
    return ["inspect", "--json"] + options + [fmt] + split_hex(rng, data), None


def calcsize_case(rng):
    return ["calcsize", random_format(rng)], None


def generate(seed, count):
    rng = random.Random(seed)
    for _ in range(count):
        kind = rng.random()
        if kind < 0.45:
            args, stdin = pack_case(rng), None
        elif kind < 0.8:
            args, stdin = unpack_case(rng)
        elif kind < 0.9:
            args, stdin = inspect_case(rng)
        else:
            args, stdin = calcsize_case(rng)
        case = {"args": args, "stdin": stdin}
        case.update(evaluate(args, stdin))
        print(json.dumps(case))


# ---------------------------------------------------------------- frames


def varint(n):
    out = bytearray()
    while True:
        low, n = n & 0x7F, n >> 7
        out.append(low | (0x80 if n else 0))
        if not n:
            return bytes(out)


# (options, header format or None, length adjustment, how a payload goes on the wire)
FRAMINGS = [
    ([], "!I", 0),
    (["--header", "<H"], "<H", 0),
    (["--header", "!cI", "--length-adjustment", "-4"], "!cI", -4),
    (["--header", "@bq"], "@bq", 0),
    (["--header", ">BH"], ">BH", 0),
    (["--varint"], None, 0),
    (["--delimiter", "0a"], None, 0),
]

UNPACK_FORMATS = ["<H", ">i", "<HB", "2s", "<d", "?", "<e", "!Q", "@bi", "c", "<3h", "0s", ">f2x"]


def frame_wire(options, header, adjustment, payload, rng):
    """The frame's bytes on the wire and its header bytes."""
    if header is not None:
        values = [rng.choice([b"Q", b"Z", b"D"]) if code == "c" else rng.randint(0, 100)
                  for code in value_codes(header)[:-1]]
        head = struct.pack(header, *values, len(payload) - adjustment)
        return head + payload, head, b""
    if options == ["--varint"]:
        head = varint(len(payload))
        return head + payload, head, b""
    return payload + b"\n", b"", b"\n"


def frames_case(rng):
    options, header, adjustment = rng.choice(FRAMINGS)
    delimited = options[:1] == ["--delimiter"]
    fmt = rng.choice(UNPACK_FORMATS)
    view = []
    if not delimited and rng.random() < 0.5:
        view.append("--header-values")
    unpacks = rng.random() < 0.7
    iterates = unpacks and rng.random() < 0.4
    if unpacks:
        view += ["--unpack", fmt] + (["--iter"] if iterates else [])
    if rng.random() < 0.4:
        view.append("--json")
    size = struct.calcsize(fmt)
    stream, lines, offset, failures, count = b"", [], 0, 0, 0
    for index in range(rng.choice([0, 1, 2, 3, 6])):
        records = rng.randint(0, 3) if iterates else 1
        payload = bytes(rng.choice([0, 1, 0x3C, 0x7F, 0x80, 0xFF, rng.randint(0, 255)]) for _ in range(size * records))
        if rng.random() < 0.25:
            payload = payload[:rng.randint(0, len(payload))] + bytes(rng.randint(1, 3))  # does not fit
        if delimited:
            payload = payload.replace(b"\n", b"\x0b")
        wire, head, delimiter = frame_wire(options, header, adjustment, payload, rng)
        header_values = struct.unpack(header, head) if header else (len(payload),) if head else None
        error = None
        values = None
        if unpacks:
            try:
                values = list(struct.iter_unpack(fmt, payload)) if iterates else struct.unpack(fmt, payload)
            except struct.error as exc:
                error, failures = str(exc), failures + 1
        if "--json" in view:
            lines.append(json.dumps({
                "index": index, "offset": offset, "size": len(wire),
                "header": head.hex() if header_values is not None else None,
                "headerValues": [typed(v) for v in header_values] if header_values is not None else None,
                "headerRepr": repr(header_values) if header_values is not None else None,
                "delimiter": delimiter.hex() if delimited else None,
                "payload": payload.hex(),
                "values": None if values is None else
                [[typed(v) for v in t] for t in values] if iterates else [typed(v) for v in values],
                "repr": None if values is None else repr(values),
                "error": error, "discarded": False,
            }) + "\n")
        else:
            text = repr(values) if values is not None else "error: " + error if error else payload.hex()
            if "--header-values" in view:
                text = repr(header_values) + (" " + text if unpacks or payload else "")
            lines.append(text + "\n")
        stream += wire
        offset += len(wire)
        count += 1
    stderr = ""
    if iterates and size == 0:
        # Checked before the stream is read, as for inspect --iter: nothing is printed.
        lines, failures = [], 0
        stderr = "structpack: error: cannot iteratively unpack with a struct of length 0\n"
    elif failures:
        stderr = "structpack: error: %d of %d frame%s did not unpack with %r\n" % (
            failures, count, "" if count == 1 else "s", fmt)
    return {"args": ["frames"] + options + view, "stream": stream.hex(), "stdout": "".join(lines),
            "stderr": stderr, "status": 1 if stderr else 0}


def typed(value):
    """A value as structpack's JSON types it: bytes as hex, non-finite floats as null."""
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return None
    return value


def generate_frames(seed, count):
    rng = random.Random(seed)
    for _ in range(count):
        print(json.dumps(frames_case(rng)))


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "generate":
        generate(int(sys.argv[2]), int(sys.argv[3]))
    elif len(sys.argv) >= 2 and sys.argv[1] == "generate-frames":
        generate_frames(int(sys.argv[2]), int(sys.argv[3]))
    elif len(sys.argv) >= 2 and sys.argv[1] == "evaluate":
        for line in sys.stdin:
            case = json.loads(line)
            case.update(evaluate(case["args"], case.get("stdin")))
            print(json.dumps(case), flush=True)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
