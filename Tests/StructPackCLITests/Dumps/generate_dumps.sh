#!/usr/bin/env bash
# Writes the golden dumps in this folder: SAMPLE (below) dumped by the real xxd, hexdump and od.
# DumpDecoderTests reads them and must get SAMPLE back (or, for od's squeezed output, the
# documented error); EndToEnd/DumpInputTests runs the same tools live when they are installed.
#
#   bash Tests/StructPackCLITests/Dumps/generate_dumps.sh
#
# SAMPLE: every byte value 00…ff, 64 zero bytes (four identical lines, which hexdump, xxd -a
# and od shorten to '*'), then the 11 bytes "Dump's end." (a short last line).
set -euo pipefail
cd "$(dirname "$0")"
sample=$(mktemp)
trap 'rm -f "$sample"' EXIT
{
    for ((byte = 0; byte < 256; byte++)); do printf "\\x$(printf %02x "$byte")"; done
    head -c 64 /dev/zero
    printf "Dump's end."
} > "$sample"
[[ $(wc -c < "$sample") -eq 331 ]] || { echo "sample is not 331 bytes" >&2; exit 1; }

xxd "$sample" > xxd.txt                      # 00000000: 0001 0203 …  ................
xxd -g1 -u "$sample" > xxd-g1-u.txt          # one byte per group, uppercase
xxd -c 24 -g 4 "$sample" > xxd-c24-g4.txt    # 24 bytes a line in groups of 4
xxd -a "$sample" > xxd-a.txt                 # '*' for the repeated zero lines
xxd -s 0x130 "$sample" > xxd-s130.txt        # starts at offset 0x130 (the last 27 bytes)
xxd -p "$sample" > xxd-p.txt                 # plain: 60 digits a line, no offsets
hexdump -C "$sample" > hexdump-C.txt         # offsets, '*', |ASCII|, final length line
od -An -tx1 "$sample" > od.txt               # no offsets, '*' (an error: the count is lost)
od -v -An -tx1 "$sample" > od-v.txt          # no offsets, every line
echo "wrote $(ls *.txt | wc -l) dumps with: $(xxd --version 2>&1 | head -1); hexdump and od from $(od --version | head -1)"
