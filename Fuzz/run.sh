#!/usr/bin/env bash
# Builds and runs StructPack's libFuzzer targets. See Fuzz/README.md.
#
#   Fuzz/run.sh TARGET [SECONDS] [-- LIBFUZZER_ARGS...]   build, then fuzz one target (default 60 s)
#   Fuzz/run.sh all SECONDS [-- LIBFUZZER_ARGS...]        build, then fuzz every target in turn
#   Fuzz/run.sh --regressions [TARGET...]                 build, then replay Fuzz/FailCases and
#                                                         the seed corpora once (no fuzzing)
#   Fuzz/run.sh --build [TARGET...]                       build only
#   Fuzz/run.sh --list                                    print the target names
#
# Environment:
#   FUZZ_CONFIG=release|debug  release (default): -O, as users run the library; debug: -Onone,
#                              which also turns on the standard library's debug bounds checks
#                              of unsafe pointers inlined into our code.
#   FUZZ_NICE=N                run fuzzers under `nice -n N` (default 0).
#   FUZZ_MALLOC_LIMIT_MB=N     largest single allocation allowed before libFuzzer reports a
#                              crash (default 256): "huge counts are errors before allocation".
#   FUZZ_RSS_LIMIT_MB=N        memory limit of the fuzzing process (default 2048).
#   FUZZ_QUIET=1               keep libFuzzer's progress lines in Fuzz/.work/logs/ and print
#                              only the totals (or, on failure, the end of the log); CI sets it.
#
# Every failure (crash, trap, broken invariant, sanitizer report, leak, timeout, out of memory)
# makes this script exit non-zero; the input is saved under Fuzz/.work/artifacts/TARGET/.
set -euo pipefail

FUZZ_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$FUZZ_DIR")"
CONFIG="${FUZZ_CONFIG:-release}"
WORK="$FUZZ_DIR/.work"
BUILD="$WORK/build/$CONFIG"
NICE="${FUZZ_NICE:-0}"
MALLOC_LIMIT_MB="${FUZZ_MALLOC_LIMIT_MB:-256}"
RSS_LIMIT_MB="${FUZZ_RSS_LIMIT_MB:-2048}"

# The targets, in the order `all` runs them. Each is Fuzz/Targets/NAME/*.swift plus
# Fuzz/Support/*.swift, linked against the library modules it imports.
TARGETS=(FuzzFormat FuzzRoundTrip FuzzFramerSplit FuzzEncoderRoundTrip FuzzCLIParsers)

case "$CONFIG" in
    release) OPTIMIZE=(-O) ;;
    debug) OPTIMIZE=(-Onone) ;;
    *) echo "run.sh: FUZZ_CONFIG must be release or debug, not '$CONFIG'" >&2; exit 2 ;;
esac

# The package's settings (Package.swift: Swift 6 mode and the upcoming features), plus
# coverage instrumentation and AddressSanitizer (with LeakSanitizer) everywhere. swiftc has no
# -sanitize=undefined; Swift's own checks (overflow, bounds, unwrapping, exclusivity) trap in
# both configurations and libFuzzer reports those traps as crashes.
SWIFT_FLAGS=(
    "${OPTIMIZE[@]}" -g -swift-version 6
    -enable-upcoming-feature ExistentialAny
    -enable-upcoming-feature MemberImportVisibility
    -enable-upcoming-feature InternalImportsByDefault
    -sanitize=fuzzer,address
    # One package, as SwiftPM builds it: StreamFramer uses StructPack's `package` declarations.
    -package-name structpack
)

log() { printf '[fuzz] %s\n' "$*" >&2; }

is_target() {
    local name
    for name in "${TARGETS[@]}"; do [[ "$name" == "$1" ]] && return 0; done
    return 1
}

# Whether any file under the given paths is newer than $1 (or $1 is missing).
stale() {
    local output="$1"
    shift
    [[ ! -e "$output" ]] && return 0
    [[ -n "$(find "$@" -newer "$output" -type f -print -quit)" ]]
}

# build_module NAME DEPENDENCIES... : Sources/NAME → $BUILD/lib/libNAME.a + module interface.
build_module() {
    local name="$1"
    shift
    local archive="$BUILD/lib/lib$name.a"
    local inputs=("$ROOT/Sources/$name" "$FUZZ_DIR/run.sh")
    local dependency
    for dependency in "$@"; do inputs+=("$BUILD/lib/lib$dependency.a"); done
    if ! stale "$archive" "${inputs[@]}"; then return 0; fi
    log "building module $name ($CONFIG)"
    local sources=()
    mapfile -t sources < <(find "$ROOT/Sources/$name" -name '*.swift' | sort)
    swiftc "${SWIFT_FLAGS[@]}" -suppress-warnings -parse-as-library -whole-module-optimization \
        -module-name "$name" -emit-library -static -emit-module \
        -emit-module-path "$BUILD/modules/$name.swiftmodule" -I "$BUILD/modules" \
        "${sources[@]}" -o "$archive"
}

build_libraries() {
    mkdir -p "$BUILD/lib" "$BUILD/modules" "$BUILD/bin"
    build_module StructPack
    build_module StreamFramer StructPack
    build_module StructPackCLICore StructPack
    build_module FramingExamples StreamFramer
}

# build_target NAME : Fuzz/Targets/NAME + Fuzz/Support → $BUILD/bin/NAME, linked with libFuzzer.
build_target() {
    local name="$1"
    local binary="$BUILD/bin/$name"
    if ! stale "$binary" "$FUZZ_DIR/Targets/$name" "$FUZZ_DIR/Support" "$BUILD/lib" "$FUZZ_DIR/run.sh"; then
        return 0
    fi
    log "building target $name ($CONFIG)"
    local sources=()
    mapfile -t sources < <(find "$FUZZ_DIR/Targets/$name" "$FUZZ_DIR/Support" -name '*.swift' | sort)
    # Libraries after their users: the static linker resolves left to right. Run from the
    # build folder, where the driver leaves the debug module it emits when linking.
    mkdir -p "$BUILD/link"
    (cd "$BUILD/link" && swiftc "${SWIFT_FLAGS[@]}" -parse-as-library -whole-module-optimization -module-name "$name" \
        -I "$BUILD/modules" "${sources[@]}" \
        "$BUILD/lib/libStructPackCLICore.a" "$BUILD/lib/libFramingExamples.a" "$BUILD/lib/libStreamFramer.a" \
        "$BUILD/lib/libStructPack.a" \
        -o "$binary" 2> >(grep -v "Cannot export local symbol '__asan" >&2))
}

build() {
    build_libraries
    local name
    for name in "$@"; do build_target "$name"; done
}

# Crashes are libFuzzer's and AddressSanitizer's to report: Swift's own backtracer would hold
# the process (and the script) while it symbolicates.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:handle_abort=1}"
if command -v llvm-symbolizer >/dev/null 2>&1; then
    export ASAN_SYMBOLIZER_PATH="${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer)}"
fi

# The libFuzzer options every run shares.
common_options() {
    local name="$1"
    local options=(
        -rss_limit_mb="$RSS_LIMIT_MB" -malloc_limit_mb="$MALLOC_LIMIT_MB" -timeout=20
        -detect_leaks=1 -print_final_stats=1
        -artifact_prefix="$WORK/artifacts/$name/"
    )
    [[ -f "$FUZZ_DIR/Dictionaries/$name.dict" ]] && options+=(-dict="$FUZZ_DIR/Dictionaries/$name.dict")
    printf '%s\n' "${options[@]}"
}

# fuzz NAME SECONDS EXTRA... : one campaign; new inputs go to the working corpus in .work.
fuzz() {
    local name="$1" seconds="$2"
    shift 2
    local corpus="$WORK/corpus/$name"
    mkdir -p "$corpus" "$WORK/artifacts/$name"
    local seeds=()
    [[ -d "$FUZZ_DIR/Corpus/$name" ]] && seeds+=("$FUZZ_DIR/Corpus/$name")
    local options=()
    mapfile -t options < <(common_options "$name")
    log "fuzzing $name for ${seconds}s"
    local command=(nice -n "$NICE" "$BUILD/bin/$name" "${options[@]}" -max_total_time="$seconds" "$@" "$corpus" "${seeds[@]}")
    if [[ "${FUZZ_QUIET:-0}" != 1 ]]; then
        "${command[@]}"
        return
    fi
    mkdir -p "$WORK/logs"
    local output="$WORK/logs/fuzz-$name.log"
    if "${command[@]}" >"$output" 2>&1; then
        grep -E '^(stat::|Done )' "$output" >&2 || true
        grep -E '^#[0-9]+' "$output" | tail -n 1 >&2 || true
    else
        tail -n 200 "$output" >&2
        log "$name failed; the input is in $WORK/artifacts/$name/, the whole log in $output"
        return 1
    fi
}

# replay NAME : every fail case and seed input once; any crash, leak or report fails.
replay() {
    local name="$1"
    local inputs=()
    local directory
    for directory in "$FUZZ_DIR/FailCases/$name" "$FUZZ_DIR/Corpus/$name"; do
        [[ -d "$directory" ]] || continue
        mapfile -t -O "${#inputs[@]}" inputs < <(find "$directory" -type f ! -name '.*' ! -name '*.md' | sort)
    done
    if [[ ${#inputs[@]} -eq 0 ]]; then
        log "$name: no fail cases or seeds to replay"
        return 0
    fi
    mkdir -p "$WORK/artifacts/$name"
    local options=()
    mapfile -t options < <(common_options "$name")
    log "replaying ${#inputs[@]} inputs for $name"
    "$BUILD/bin/$name" "${options[@]}" -runs=1 "${inputs[@]}" >"$WORK/replay-$name.log" 2>&1 || {
        cat "$WORK/replay-$name.log" >&2
        log "$name: a replayed input failed"
        return 1
    }
}

main() {
    if [[ $# -eq 0 ]]; then
        sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
        exit 2
    fi
    case "$1" in
        --list)
            printf '%s\n' "${TARGETS[@]}"
            ;;
        --build)
            shift
            if [[ $# -eq 0 ]]; then set -- "${TARGETS[@]}"; fi
            build "$@"
            ;;
        --regressions)
            shift
            if [[ $# -eq 0 ]]; then set -- "${TARGETS[@]}"; fi
            local name
            for name in "$@"; do is_target "$name" || { log "unknown target '$name'"; exit 2; }; done
            build "$@"
            for name in "$@"; do replay "$name"; done
            log "regressions passed: $*"
            ;;
        all)
            local seconds="${2:?usage: run.sh all SECONDS}"
            shift 2
            [[ "${1:-}" == "--" ]] && shift
            build "${TARGETS[@]}"
            local name
            for name in "${TARGETS[@]}"; do fuzz "$name" "$seconds" "$@"; done
            ;;
        *)
            local name="$1"
            is_target "$name" || { log "unknown target '$name'; targets: ${TARGETS[*]}"; exit 2; }
            local seconds="${2:-60}"
            shift
            [[ $# -gt 0 ]] && shift
            [[ "${1:-}" == "--" ]] && shift
            build "$name"
            fuzz "$name" "$seconds" "$@"
            ;;
    esac
}

# One line, so a script edited while a campaign runs is not read again afterwards.
main "$@"; exit $?
