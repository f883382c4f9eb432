#!/usr/bin/env python3
"""Writes ContractCases.swift: the issue's contract cases with CPython 3.13's answers.

    PYENV_VERSION=3.13.0 python3 Tests/StructPackCLITests/EndToEnd/generate_contract_cases.py

Each case is a structpack command line; its expected stdout, stderr and exit status are computed
here with CPython's struct, ast.literal_eval, bytes.fromhex and repr (via ../Differential/
cli_oracle.py), never by structpack.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "Differential"))
import cli_oracle  # noqa: E402

assert sys.version_info >= (3, 13), "run with CPython 3.13"


def hexarg(value):
    return "0x" + format(value, "x")


# (group, arguments)
CASES = [
    # pack: the contract's examples and Python's type rules
    ("pack", ["pack", "<IH", "1", "2"]),
    ("pack", ["pack", "<h", "-5"]),
    ("pack", ["pack", "i", "1.0"]),
    ("pack", ["pack", "d", "1"]),
    ("pack", ["pack", "?", "0.0"]),
    ("pack", ["pack", "?", "-0.0"]),
    ("pack", ["pack", "?", "nan"]),
    ("pack", ["pack", "?", "b''"]),
    ("pack", ["pack", "5s", "b'ab'"]),
    ("pack", ["pack", "1s", "b'ab'"]),
    ("pack", ["pack", "5p", "b'abcdef'"]),
    ("pack", ["pack", ">hd5s?", "-5", "1.5", "b'ab'", "True"]),
    ("pack", ["pack", "<i?", "True", "False"]),
    ("pack", ["pack", "<d", "True"]),
    ("pack", ["pack", "", ]),
    ("pack", ["pack", "<2x", ]),
    ("pack", ["pack", "<ii", "1"]),
    ("pack", ["pack", "<i", "1", "2"]),
    ("pack", ["pack", "<bb", "300", "b'x'"]),
    ("pack", ["pack", "<s", "1"]),
    ("pack", ["pack", "<c", "b'ab'"]),
    ("pack", ["pack", "<d", "b'a'"]),
    ("pack", ["pack", "<h", "40000"]),
    ("pack", ["pack", "<B", "-1"]),
    ("pack", ["pack", "<Q", "-1"]),
    ("pack", ["pack", "<e", "65519"]),
    ("pack", ["pack", "<e", "65520"]),
    ("pack", ["pack", "<e", "65520.0"]),
    ("pack", ["pack", "<f", "3.5e38"]),
    ("pack", ["pack", "f", "3.5e38"]),
    ("pack", ["pack", "@P", "-1"]),
    # integer literal spellings
    ("int", ["pack", "<i", "0x_ff"]),
    ("int", ["pack", "<i", "0XFF"]),
    ("int", ["pack", "<i", "0o17"]),
    ("int", ["pack", "<i", "0O17"]),
    ("int", ["pack", "<i", "0b1010"]),
    ("int", ["pack", "<i", "0B1_0"]),
    ("int", ["pack", "<i", "1_000_000"]),
    ("int", ["pack", "<i", "-1_0"]),
    ("int", ["pack", "<i", "+7"]),
    ("int", ["pack", "<i", "- 7"]),
    ("int", ["pack", "<i", " 42 "]),
    ("int", ["pack", "<i", "00"]),
    ("int", ["pack", "<i", "0_0"]),
    ("int", ["pack", "<i", "-0"]),
    ("int", ["pack", "<q", "-0x8000_0000_0000_0000"]),
    ("int", ["pack", "<Q", "0b" + "1" * 64]),
    ("int", ["pack", "<Q", "0x1" + "0" * 16]),
    ("int", ["pack", "<I", "0o37777777777"]),
    # integers beyond Int128 (Python ints are unbounded)
    ("huge", ["pack", "<b", str(2 ** 200)]),
    ("huge", ["pack", "<Q", str(2 ** 200)]),
    ("huge", ["pack", "<q", str(-2 ** 200)]),
    ("huge", ["pack", "<Q", str(2 ** 127)]),
    ("huge", ["pack", "<q", str(-2 ** 127)]),
    ("huge", ["pack", "@P", str(2 ** 200)]),
    ("huge", ["pack", "<?", str(2 ** 200)]),
    ("huge", ["pack", "<?", hexarg(2 ** 4000)]),
    ("huge", ["pack", "<c", str(2 ** 200)]),
    ("huge", ["pack", "<3s", str(-2 ** 200)]),
    ("huge", ["pack", "<d", str(2 ** 200)]),
    ("huge", ["pack", "<d", str(2 ** 200 + 1)]),
    ("huge", ["pack", "<d", str(2 ** 128 + 2 ** 75)]),
    ("huge", ["pack", "<d", str(2 ** 128 + 2 ** 75 + 1)]),
    ("huge", ["pack", "<d", str(2 ** 128 + 3 * 2 ** 75)]),
    ("huge", ["pack", "<d", hexarg(2 ** 1024 - 2 ** 970 - 1)]),
    ("huge", ["pack", "<d", hexarg(2 ** 1024 - 2 ** 970)]),
    ("huge", ["pack", "<d", "-" + hexarg(2 ** 1024)]),
    ("huge", ["pack", "<d", "0b1" + "0" * 1100]),
    ("huge", ["pack", "<d", "0o1" + "0" * 300]),
    ("huge", ["pack", "<f", str(2 ** 128)]),
    ("huge", ["pack", "<f", str(2 ** 127 + 2 ** 100)]),
    ("huge", ["pack", "f", str(2 ** 200)]),
    ("huge", ["pack", "<e", str(2 ** 200)]),
    ("huge", ["pack", "<e", str(2 ** 1100)]),
    ("huge", ["pack", "<bd", "300", str(2 ** 1100)]),
    ("huge", ["pack", "<db", str(2 ** 1100), "300"]),
    ("huge", ["pack", "<fb", str(2 ** 200), "300"]),
    ("huge", ["pack", "<bf", "300", str(2 ** 200)]),
    ("huge", ["pack", "<d", "9" * 4300]),
    # float literals
    ("float", ["pack", "<d", "-0.0"]),
    ("float", ["pack", "<d", "inf"]),
    ("float", ["pack", "<d", "-inf"]),
    ("float", ["pack", "<d", "+Infinity"]),
    ("float", ["pack", "<d", "nan"]),
    ("float", ["pack", "<d", "-nan"]),
    ("float", ["pack", "<d", "NaN"]),
    ("float", ["pack", "<d", "1e400"]),
    ("float", ["pack", "<d", "-1e400"]),
    ("float", ["pack", "<d", "1e-400"]),
    ("float", ["pack", "<d", ".5"]),
    ("float", ["pack", "<d", "5."]),
    ("float", ["pack", "<d", "1.e5"]),
    ("float", ["pack", "<d", "1E5"]),
    ("float", ["pack", "<d", "1_0.5e-3_0"]),
    ("float", ["pack", "<d", "09.5"]),
    ("float", ["pack", "<d", "0.1"]),
    ("float", ["pack", "<d", "2.2250738585072014e-308"]),
    ("float", ["pack", "<d", "4.9e-324"]),
    ("float", ["pack", "<d", "1" * 400 + ".0"]),
    ("float", ["pack", "<d", "0." + "0" * 400 + "1e400"]),
    ("float", ["pack", "<e", "-nan"]),
    ("float", ["pack", "<f", "-nan"]),
    # bytes literals
    ("bytes", ["pack", "6s", r"b'\x00\n\\\''"]),
    ("bytes", ["pack", "4s", "b\"it's\""]),
    ("bytes", ["pack", "4s", r"b'it\'s'"]),
    ("bytes", ["pack", "5s", r"b'\101\0\7\08'"]),
    ("bytes", ["pack", "2s", r"b'\1234'"]),
    ("bytes", ["pack", "8s", r"b'\a\b\f\n\r\t\v\"'"]),
    ("bytes", ["pack", "3s", "rb'\\d'"]),
    ("bytes", ["pack", "3s", "Rb'\\''"]),
    ("bytes", ["pack", "3s", "BR\"\\x\""]),
    ("bytes", ["pack", "3s", "b'a\\\nb'"]),
    ("bytes", ["pack", "4s", "b'\t\x7f'"]),
    ("bytes", ["pack", "c", r"b'\\'"]),
    ("bytes", ["pack", "c", r"b'\xFf'"]),
    ("bytes", ["pack", "s", "b''"]),
    ("bytes", ["pack", "0s", "b'abc'"]),
    ("bytes", ["pack", "0p", "b'abc'"]),
    ("bytes", ["pack", "1p", "b'abc'"]),
    ("bytes", ["pack", "300p", "b'" + "a" * 299 + "'"]),
    # unpack and Python's reprs
    ("unpack", ["unpack", "<IH", "0100000002", "00"]),
    ("unpack", ["unpack", "<I", "07000000"]),
    ("unpack", ["unpack", "", ""]),
    ("unpack", ["unpack", "<2x", "0000"]),
    ("unpack", ["unpack", "<IH", "01 00 00 00\n02\t00 "]),
    ("unpack", ["unpack", "<IH", "0100000002"]),
    ("unpack", ["unpack", "<IH", "010000000200", "00"]),
    ("unpack", ["unpack", ">hd3s?", "fffb", "3ff8000000000000", "616200", "01"]),
    ("unpack", ["unpack", "<??", "02", "00"]),
    ("unpack", ["unpack", "<c", "27"]),
    ("unpack", ["unpack", "<3p", "056162"]),
    ("unpack", ["unpack", "<q", "0000000000000080"]),
    ("unpack", ["unpack", "<Q", "ffffffffffffffff"]),
    ("unpack", ["unpack", "@P", "ffffffffffffffff"]),
    ("unpack", ["unpack", "@bq", "ff" + "00" * 7 + "01" + "00" * 7]),
    ("float-repr", ["unpack", ">d", "4341c37937e08000"]),  # 1e16
    ("float-repr", ["unpack", ">d", "4341c37937e07fff"]),  # just below 1e16
    ("float-repr", ["unpack", ">d", "43118b54f22aeb00"]),  # 1234567890123456.0
    ("float-repr", ["unpack", ">d", "3f1a36e2eb1c432d"]),  # 1e-4
    ("float-repr", ["unpack", ">d", "3f1a36e2eb1c432c"]),  # just below 1e-4
    ("float-repr", ["unpack", ">d", "3ee4f8b588e368f1"]),  # 1e-5
    ("float-repr", ["unpack", ">d", "4202a05f20000000"]),  # 1e10
    ("float-repr", ["unpack", ">d", "44b52d02c7e14af6"]),  # 1e23
    ("float-repr", ["unpack", ">d", "3fb999999999999a"]),  # 0.1
    ("float-repr", ["unpack", ">d", "3fd3333333333333"]),  # 0.3
    ("float-repr", ["unpack", ">d", "3ff0000000000000"]),
    ("float-repr", ["unpack", ">d", "8000000000000000"]),
    ("float-repr", ["unpack", ">d", "0000000000000000"]),
    ("float-repr", ["unpack", ">d", "7ff0000000000000"]),
    ("float-repr", ["unpack", ">d", "fff0000000000000"]),
    ("float-repr", ["unpack", ">d", "7ff8000000000000"]),
    ("float-repr", ["unpack", ">d", "fff8000000000001"]),
    ("float-repr", ["unpack", ">d", "0000000000000001"]),
    ("float-repr", ["unpack", ">d", "7fefffffffffffff"]),
    ("float-repr", ["unpack", ">d", "0010000000000000"]),
    ("float-repr", ["unpack", ">d", "4340000000000000"]),  # 2**53
    ("float-repr", ["unpack", ">d", "c0fe240c9fbe76c9"]),
    ("float-repr", ["unpack", ">f", "3dcccccd"]),  # float32 0.1
    ("float-repr", ["unpack", ">f", "7f7fffff"]),
    ("float-repr", ["unpack", ">e", "7bff"]),
    ("float-repr", ["unpack", ">e", "0001"]),
    ("float-repr", ["unpack", ">e", "fc00"]),
    ("bytes-repr", ["unpack", "3s", "276162"]),  # b"'ab"
    ("bytes-repr", ["unpack", "2s", "2722"]),  # both quotes
    ("bytes-repr", ["unpack", "1s", "22"]),
    ("bytes-repr", ["unpack", "2s", "5c27"]),
    ("bytes-repr", ["unpack", "3s", "275c22"]),
    ("bytes-repr", ["unpack", "4s", "275c5c61"]),
    ("bytes-repr", ["unpack", "11s", "00090a0d1f207e7f80feff"]),
    ("bytes-repr", ["unpack", "0s", ""]),
    # errors: CPython's messages
    ("errors", ["calcsize", "z"]),
    ("errors", ["calcsize", "3"]),
    ("errors", ["calcsize", "<P"]),
    ("errors", ["calcsize", "i i"]),
    ("errors", ["calcsize", "3 i"]),
    ("errors", ["calcsize", "\u00e9i"]),
    ("errors", ["calcsize", "ab\u20ac\u20acc"]),
    ("errors", ["calcsize", "99999999999999999999i"]),
    ("errors", ["calcsize", "9223372036854775807q"]),
    ("errors", ["calcsize", "<IHHQd"]),
    ("errors", ["calcsize", "@bq"]),
    ("errors", ["calcsize", ""]),
    ("errors", ["pack", "<z", "1"]),
    ("errors", ["unpack", "<z", "00"]),
    ("errors", ["unpack", "<I", "000000"]),
    ("errors", ["unpack", "--iter", "", ""]),
    ("errors", ["unpack", "--iter", "<H", "000000"]),
    ("errors", ["unpack", "--iter", "<H", ""]),
    ("errors", ["unpack", "--iter", "<H", "0100", "0200"]),
    ("errors", ["unpack", "--offset", "4", "<I", "000000000000"]),
    ("errors", ["unpack", "--offset", "-2", "<I", "000000000000"]),
    ("errors", ["unpack", "--offset", "-20", "<I", "000000000000"]),
    ("errors", ["unpack", "--offset", "-4", "<I", "0001020304050607"]),
    ("errors", ["unpack", "--offset", "0x2", "<H", "00010203"]),
    ("errors", ["unpack", "--offset", "0", "<H", "00010203"]),
    ("errors", ["unpack", "--offset", "-0", "<0s", ""]),
]


def swift_string(text):
    out = ['"']
    for char in text:
        code = ord(char)
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F:
            out.append("\\u{%x}" % code)
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def main():
    lines = [
        "// Generated by Tests/StructPackCLITests/EndToEnd/generate_contract_cases.py with CPython %s."
        % sys.version.split()[0],
        "// Do not edit: every expected output is CPython's.",
        "",
        "/// A structpack command line and what CPython 3.13 says it must print.",
        "struct ContractCase: CustomStringConvertible, Sendable {",
        "    let group: String",
        "    let arguments: [String]",
        "    let stdout: String",
        "    let stderr: String",
        "    let status: Int32",
        "",
        "    var description: String { \"structpack \\(arguments.map { $0.count > 40 ? String($0.prefix(37)) + \"...\" : $0 })\" }",
        "}",
        "",
        "enum ContractCases {",
        "    static let all: [ContractCase] = [",
    ]
    for group, arguments in CASES:
        result = cli_oracle.evaluate(arguments)
        args = ", ".join(swift_string(a) for a in arguments)
        lines.append(
            "        ContractCase(group: %s, arguments: [%s], stdout: %s, stderr: %s, status: %d),"
            % (swift_string(group), args, swift_string(result["stdout"]), swift_string(result["stderr"]),
               result["status"]))
    lines += ["    ]", "}", ""]
    with open(os.path.join(HERE, "ContractCases.swift"), "w") as output:
        output.write("\n".join(lines))


if __name__ == "__main__":
    main()
