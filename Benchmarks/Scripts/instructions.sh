#!/usr/bin/env bash
# Instructions per operation of selected cases, counted by callgrind: repeatable on a loaded
# machine where timings are not (this machine offers no perf counters to package-benchmark).
#
#   bash Benchmarks/Scripts/instructions.sh ['W1 ' 'W3 StreamFramer' ...]
#
# Each case runs on the smoke inputs for 1 and for 3 passes; the difference divided by two
# passes' operations is the per-operation count, free of start-up and input generation. The
# binary is copied without debug info, which valgrind 3.19 cannot read for Swift.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind not found (apt-get install valgrind)"; exit 1; }
swift build -c release --product bench-verify >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp .build/release/bench-verify "$work/bench-verify"
strip --strip-debug "$work/bench-verify"
"$work/bench-verify" --smoke --write-inputs "$work/inputs" >/dev/null
patterns=("$@")
if [ ${#patterns[@]} -eq 0 ]; then
    patterns=("W1 " "W2 " "W3 " "W5u " "W5p " "W7 " "W8 ")
fi
count() {  # count PASSES NAME -> instructions collected
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$work/bench-verify" --smoke --only "$2" --passes "$1" </dev/null \
        2>&1 >/dev/null | awk '/Collected/ {print $4}'
}
for pattern in "${patterns[@]}"; do
    "$work/bench-verify" --smoke --only "$pattern" | awk 'NR > 1 && !/checksums/ {print}' | cut -c1-70 |
        while IFS= read -r line; do
            workload=$(echo "$line" | awk '{print $1}')
            name=$(echo "$line" | cut -c11- | sed 's/ *$//')
            ops=$(python3 -c "import json,sys; print(json.load(open('$work/inputs/inputs.json'))['workloads']['$workload']['operations'])")
            one=$(count 1 "$workload $name")
            three=$(count 3 "$workload $name")
            python3 -c "print('%-5s %-58s %10.1f instructions/op' % ('$workload', '''$name''', ($three - $one) / (2 * $ops)))"
        done
done
