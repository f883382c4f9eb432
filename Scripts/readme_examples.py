#!/usr/bin/env python3
"""Builds and runs the README's Swift examples as a new user pastes them.

    python3 Scripts/readme_examples.py [--keep DIR]

The README's first Swift block (the usage example) becomes the top-level code of a new
package's `main.swift`, verbatim; the package depends on this checkout by path, as an
application would. Every later Swift block is a fragment: its `import` lines move to the top of
the file and the rest runs in a `do { }` scope of its own, after a prelude that defines what the
fragments assume (a frame handler, a log function, a closed socket, a finite stream of chunks).
The manifest fragment (`dependencies: [...]`) is skipped.

The build must succeed and the program must exit 0. This catches what the README tests, which
paraphrase the examples inside functions, cannot: code that only compiles inside a function (a
span borrowed by a top-level variable does not), or a symbol that is not public.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

MANIFEST = """// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "ReadmeExamples",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "%s")],
    targets: [
        .executableTarget(
            name: "ReadmeExamples",
            dependencies: [
                .product(name: "StructPack", package: "%s"),
                .product(name: "StreamFramer", package: "%s"),
            ]
        )
    ]
)
"""

PRELUDE = """
// What the README's fragments assume.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func handle(_ payload: FrameBytes) { print("frame", payload.hex) }
func log(_ message: String) { print(message) }
let socket: Int32 = -1                         // recv fails at once: the loop ends
let chunks = AsyncStream<[UInt8]> { continuation in
    continuation.yield(Array("one\\r\\ntw".utf8))
    continuation.yield(Array("o\\n".utf8))
    continuation.finish()
}
"""


def swift_blocks(readme):
    return re.findall(r"```swift\n(.*?)```", readme, re.S)


def main_swift(blocks):
    usage, fragments = blocks[0], blocks[1:]
    imports, scopes = [], []
    for index, block in enumerate(fragments, start=2):
        if block.lstrip().startswith("dependencies:"):
            continue  # the manifest fragment
        body = []
        for line in block.splitlines():
            if line.startswith("import "):
                imports.append(line)
            else:
                body.append(line)
        scopes.append("do {  // README Swift block %d\n%s\n}\n" % (index, "\n".join(body)))
    usage_imports = [line for line in usage.splitlines() if line.startswith("import ")]
    extra = sorted(set(imports) - set(usage_imports))
    return "\n".join(extra) + "\n" + usage + PRELUDE + "\n" + "\n".join(scopes)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", help="build in this directory and keep it")
    args = parser.parse_args()

    with open(os.path.join(ROOT, "README.md")) as file:
        blocks = swift_blocks(file.read())
    if not blocks:
        sys.exit("README.md has no Swift blocks")

    work = args.keep or tempfile.mkdtemp(prefix="readme-examples-")
    try:
        sources = os.path.join(work, "Sources", "ReadmeExamples")
        os.makedirs(sources, exist_ok=True)
        identity = os.path.basename(ROOT).lower()
        with open(os.path.join(work, "Package.swift"), "w") as file:
            file.write(MANIFEST % (ROOT, identity, identity))
        with open(os.path.join(sources, "main.swift"), "w") as file:
            file.write(main_swift(blocks))
        print("README: %d Swift blocks, built as a new package in %s" % (len(blocks), work), flush=True)
        build = subprocess.run(["swift", "build", "--package-path", work], capture_output=True, text=True)
        if build.returncode != 0:
            print(build.stdout[-6000:], build.stderr[-6000:], sep="\n")
            sys.exit("README examples do not build as a new user's package")
        run = subprocess.run(
            ["swift", "run", "--skip-build", "--package-path", work, "ReadmeExamples"], capture_output=True, text=True)
        if run.returncode != 0:
            print(run.stdout[-4000:], run.stderr[-4000:], sep="\n")
            sys.exit("README examples exit with status %d" % run.returncode)
        print("README examples build and run (%d lines of output)" % len(run.stdout.splitlines()))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
