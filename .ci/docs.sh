#!/usr/bin/env bash
# Builds the DocC catalogs of StructPack and StreamFramer with the toolchain's `docc`, from the
# symbol graphs the compiler emits (no plugin, no dependency), and fails on any documentation
# warning (a broken link, an undocumented parameter, an unknown symbol in a Topics group).
#
#   bash .ci/docs.sh [OUTPUT_DIR]      # the rendered archives go to OUTPUT_DIR (default: temporary)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
# A scratch path of its own: the extra compiler flags would otherwise invalidate the main build.
scratch=${DOCS_SCRATCH:-.build/docs}
graphs="$out/symbol-graphs"
mkdir -p "$graphs"
swift build --scratch-path "$scratch" --target StreamFramer \
    -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$graphs"
for module in StructPack StreamFramer; do
    mkdir -p "$graphs/$module"
    # The module's own graph and its extensions of other modules' types (StructPack@Swift…).
    cp "$graphs/$module.symbols.json" "$graphs/$module"@*.symbols.json "$graphs/$module/" 2>/dev/null ||
        cp "$graphs/$module.symbols.json" "$graphs/$module/"
    docc convert "Sources/$module/$module.docc" --additional-symbol-graph-dir "$graphs/$module" \
        --fallback-display-name "$module" --fallback-bundle-identifier "org.structpack.$module" \
        --output-path "$out/$module.doccarchive" --warnings-as-errors
    echo "docs: $module built without warnings ($out/$module.doccarchive)"
done
