#!/usr/bin/env bash
# Runs every benchmark in one go and prints the combined table (see Benchmarks/README.md):
#
#   bash Benchmarks/Scripts/run.sh [--update-readme]
#
# 1. bench-verify runs every Swift implementation once, checks the checksums agree and writes the
#    inputs; 2. package-benchmark measures every Swift case (wall clock per pass, mallocs), in
#    ROUNDS rounds (default 3), each followed by cpython_struct.py measuring CPython's struct on
#    the same inputs; 3. report.py pools the rounds and prints the table.
# RUN_DIR (default: a new temporary directory) keeps every intermediate file.
set -euo pipefail
cd "$(dirname "$0")/.."
run=${RUN_DIR:-$(mktemp -d -t structpack-bench.XXXXXX)}
mkdir -p "$run"
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

swift build -c release
.build/release/bench-verify --write-inputs "$run/inputs" --json "$run/verify.json"
python=python3
if PYENV_VERSION=3.13.0 python3 -c 'import sys; assert sys.version_info[:2] == (3, 13)' 2>/dev/null; then
    python="env PYENV_VERSION=3.13.0 python3"
fi
# Several rounds, each a package-benchmark round of the Swift cases then two passes of every
# CPython case, pooled by report.py: on a shared 2-core machine one round's medians move by
# 10-20% with whatever else runs; alternating and pooling spreads that over both sides.
rounds=${ROUNDS:-3}
for round in $(seq 1 "$rounds"); do
    mkdir -p "$run/round$round"
    swift package --allow-writing-to-directory "$run" benchmark --format jmh --path "$run/round$round" --no-progress \
        --quiet
    $python Scripts/cpython_struct.py "$run/inputs" --repeat 2 --json "$run/round$round/python.json"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
python3 Scripts/report.py "$run" --load-before "$load_before" --load-after "$load_after" "$@"
echo "run files: $run"
