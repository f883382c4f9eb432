#!/usr/bin/env python3
"""Writes the small committed seed corpora, one folder per fuzz target.

Each seed is laid out as its harness reads its input (see the harness and Fuzz/Support);
libFuzzer grows the working corpus (Fuzz/.work/corpus/TARGET) from these.

    python3 Fuzz/Corpus/generate_seeds.py
"""
import os
import shutil
import struct

HERE = os.path.dirname(os.path.abspath(__file__))

PREFIXES = ["", "@", "=", "<", ">", "!"]
CODES = "xcbB?hHiIlLqQnNefdspP"
STANDARD_CODES = "xcbB?hHiIlLqQefdsp"


def write(target, seeds):
    folder = os.path.join(HERE, target)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for index, seed in enumerate(seeds):
        with open(os.path.join(folder, f"seed-{index:02d}"), "wb") as output:
            output.write(seed)


def format_seeds():
    formats = ["!I", "<IHHQd", "@bhiq", "@qb0q", "<3h\t2x 10s\n0p ", "02i", "=?ef d", "@nNP",
               "9223372036854775807x", "1152921504606846975q", ">255p", "2147483648x", "@b0l",
               "3s2xq", "", "<\xe9", "i\x00"]
    return [text.encode("latin-1") for text in formats]


def round_trip_seed(prefix, items, record, tail=b""):
    """prefix: one of PREFIXES; items: (code, count byte) pairs, as FormatBuilder reads them."""
    native = prefix in ("", "@")
    codes = CODES if native else STANDARD_CODES
    data = bytes([PREFIXES.index(prefix), len(items)])
    for code, count_byte in items:
        data += bytes([codes.index(code), count_byte])
    return data + record + tail


def round_trip_seeds():
    nan_half = struct.pack("<H", 0x7C01)
    snan_float = struct.pack("<I", 0x7F800001)
    snan_double = struct.pack("<Q", 0x7FF0000000000001)
    return [
        round_trip_seed("<", [("I", 0), ("H", 0), ("H", 0), ("Q", 0), ("d", 0)], bytes(range(24)), bytes(32)),
        round_trip_seed("!", [("c", 0), ("I", 0)], b"Q\x00\x00\x00\x0d", bytes(16)),
        round_trip_seed("@", [("b", 0), ("h", 0), ("i", 0), ("q", 0)], bytes(range(1, 17))),
        round_trip_seed("<", [("e", 0), ("f", 0), ("d", 0)], nan_half + snan_float + snan_double, bytes(40)),
        round_trip_seed(">", [("?", 4 + 8 * 2), ("p", 7), ("s", 4 + 8 * 1)], b"\x00\x02\xff\xff\x05abcdefgh"),
        round_trip_seed("", [("x", 4), ("P", 0), ("n", 0), ("N", 0)], bytes(range(40))),
        round_trip_seed("=", [("l", 4 + 8 * 3), ("L", 0), ("B", 6 + 8 * 12)], bytes([0xff] * 64)),
    ]


def framing_seeds():
    seeds = []
    # Length field '!I' (header index 0), default index, adjustment byte, maximum, keepsHeader.
    stream = b"".join(struct.pack("!I", len(p)) + p for p in [b"hello", b"", b"abc"])
    seeds.append(bytes([0, 0, 1, 3, 1, 200, 0]) + bytes([2, 1, 5, 0, 0, 0]) + stream)
    # PostgreSQL '!cI' with the adjustment of -header.size.
    pg = b"Q\x00\x00\x00\x0dSELECT 1\x00Z\x00\x00\x00\x05IS\x00\x00\x00\x04"
    seeds.append(bytes([0, 3, 1, 1, 3, 255, 1]) + bytes([3, 0x41, 0x07, 0x3f, 1]) + pg)
    # Delimiters \n and \r\n, keepsDelimiter, final frame, skip; maximum 16.
    seeds.append(bytes([1, 1, 0, 1, 0b111, 4, 16]) + bytes([2, 3, 1, 0]) + b"one\r\ntwo\nthree-is-too-long-by-far\nfour")
    # Fixed length 3.
    seeds.append(bytes([2, 2]) + bytes([2, 2, 5]) + b"abcdefgh")
    # Varint, maximum 300, non-minimal allowed.
    seeds.append(bytes([3, 0x82]) + bytes([1, 1]) + b"\x03abc\x00\xac\x02" + bytes(300) + b"\x85\x80\x00")
    return seeds


def encoder_seeds():
    seeds = []
    value = struct.pack("<Q", 300) + bytes([0]) + bytes([3, 0x80, 0x01])
    seeds.append(value + bytes([0, 0, 1, 3, 1, 200, 0]) + bytes([3, 5]) + b"hello" + bytes([0]) + bytes([3]) + b"abc")
    seeds.append(value + bytes([1, 2, 0, 1, 0, 3, 50]) + bytes([3, 2]) + b"ab" + bytes([3]) + b"c\rd" + bytes([1]) + b"\r" + bytes([1, 0]))
    seeds.append(value + bytes([2, 2, 2, 3]) + b"abc" + bytes([4]) + b"defg")
    seeds.append(value + bytes([3, 0x80, 2, 3]) + b"xyz" + bytes([0]))
    return seeds


def cli_seeds():
    texts = [
        (0, "-0x_ff"), (0, "b'ab\\x00\\377\\n'"), (0, "1_000.5e-3_0"), (0, "123456789012345678901234567890"),
        (0, "  - 5  "), (0, "rb'\\d'"), (0, "0o777"), (0, "0b1_0"), (0, "-nan"), (0, "1e400"), (0, "True"),
        (0, "0x" + "f" * 40), (3, "01 00 ff\tAB"), (3, "0x0a"), (3, "abc"), (3, "zz"),
    ]
    seeds = [bytes([mode]) + text.encode() for mode, text in texts]
    seeds.append(bytes([2]) + struct.pack("<d", 1e-5) + bytes(range(16)) + bytes([5]) + b"\x00'\"\\\x7f\xff")
    seeds.append(bytes([5]) + bytes(range(0, 256, 7)))
    # Dump text (mode 6): a plan of 3 piece lengths, then the text of each layout.
    dumps = [
        "00000000: 4749 4638 3961 4001 f000 00ff 0a0d 6865  GIF89a@.......he\n00000010: 6c6c 6f  llo\n",
        "00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n*\n"
        "00000030  61 62                                             |ab|\n00000032\n",
        "0000   51 00 00 00 0d 53 45 4c 45 43 54 20 31 00 5a 00   Q....SELECT 1.Z.\n"
        "0010   00 00 05 49                                       ...I\n",
        " 47 49 46 38 39 61\n*\n 00 01\n",
        "00000000: 0102  ..\n00000003: 03  .\n",
    ]
    seeds += [bytes([6, 3, 5, 40, 1]) + text.encode() for text in dumps]
    # Dump round trips (mode 7): a style byte per layout, an empty plan, then bytes.
    for style in [0, 0x88, 1, 2, 3, 4, 5]:
        seeds.append(bytes([7, style, 0]) + bytes(range(40)) + bytes(48) + b"end")
    return seeds


def main():
    write("FuzzFormat", format_seeds())
    write("FuzzRoundTrip", round_trip_seeds())
    write("FuzzFramerSplit", framing_seeds())
    write("FuzzEncoderRoundTrip", encoder_seeds())
    write("FuzzCLIParsers", cli_seeds())


if __name__ == "__main__":
    main()
