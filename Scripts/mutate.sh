#!/usr/bin/env bash
# Mutation check: applies small deliberate bugs to the library, one at a time, and runs the
# tests that should catch each one. Every mutation must be caught ("killed"); one that the tests
# miss ("survived") is a gap in the tests. Not run by CI: it takes 10 to 60 s a mutation.
#
#   Scripts/mutate.sh                      every mutation in Scripts/mutations.txt
#   Scripts/mutate.sh --only NAME          one mutation (repeat --only for several)
#   Scripts/mutate.sh --list FILE          mutations from another file
#   Scripts/mutate.sh --check              only check that every mutation applies (no build)
#
# The mutations apply to a scratch clone of the current HEAD (commit first: uncommitted changes
# are not seen), kept in $MUTATE_WORKDIR (default ${TMPDIR:-/tmp}/structpack-mutate) with its
# own .build, which later runs reuse. Each mutation is an exact text replacement that must match
# exactly once in its file; otherwise it is NOT APPLICABLE (a refactor moved the code: update the
# list). The unmutated clone must build and pass the listed tests first. Then, per mutation:
# `git checkout -- .`, replace, `swift build --build-tests` (a failure is INVALID, not killed),
# `swift test --skip-build --filter TESTS` (failing tests, a crash or a time-out after
# $MUTATE_TIMEOUT seconds, default 300, kill it). Logs go to WORKDIR/.mutate-logs/NAME.log.
#
# Exit status: 0 when every mutation is killed, 1 when any survived or is invalid or not
# applicable, 2 for a usage error or an unmutated clone that fails.
set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true  # '&' in a replacement is literal text

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(git -C "$SCRIPT_DIR" rev-parse --show-toplevel)"
LIST="$SCRIPT_DIR/mutations.txt"
WORKDIR="${MUTATE_WORKDIR:-${TMPDIR:-/tmp}/structpack-mutate}"
TIMEOUT="${MUTATE_TIMEOUT:-300}"
ONLY=()
CHECK_ONLY=0

# The parsed list, one entry per mutation, and what became of each (by name).
NAMES=() FILES=() FINDS=() REPLACES=() TESTS=()
SELECTED=() APPLICABLE=()
declare -A RESULT=() DETAIL=()

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
    exit 2
}

log() { printf '[mutate] %s\n' "$*" >&2; }

# --- Reading the list: blocks of "key: value" lines (name, file, find, replace, tests),
# blank-line separated; '#' starts a comment line. A value is everything after "key:" and the
# spaces that follow it.

add_mutation() {
    local name="$1" file="$2" find="$3" replace="$4" tests="$5"
    [[ -z "$name" && -z "$file" && -z "$find" ]] && return 0
    if [[ -z "$name" || -z "$file" || -z "$find" || -z "$tests" || "$replace" == $'\x01' ]]; then
        echo "mutate.sh: $LIST: incomplete mutation '${name:-?}' (needs name, file, find, replace, tests)" >&2
        exit 2
    fi
    NAMES+=("$name") FILES+=("$file") FINDS+=("$find") REPLACES+=("$replace") TESTS+=("$tests")
}

parse_list() {
    local name="" file="" find="" replace=$'\x01' tests="" line key value
    while IFS= read -r line || [[ -n "$line" ]]; do
        if [[ -z "${line//[[:space:]]/}" ]]; then
            add_mutation "$name" "$file" "$find" "$replace" "$tests"
            name="" file="" find="" replace=$'\x01' tests=""
            continue
        fi
        [[ "$line" == \#* ]] && continue
        key="${line%%:*}"
        value="${line#*:}"
        value="${value#"${value%%[! ]*}"}"  # drop the spaces after the colon
        case "$key" in
            name) name="$value" ;;
            file) file="$value" ;;
            find) find="$value" ;;
            replace) replace="$value" ;;
            tests) tests="$value" ;;
            *) echo "mutate.sh: $LIST: unknown key '$key' in: $line" >&2; exit 2 ;;
        esac
    done <"$LIST"
    add_mutation "$name" "$file" "$find" "$replace" "$tests"
}

# select_mutations: SELECTED holds the indices of the mutations to run (all, or the --only ones).
select_mutations() {
    local index wanted found
    for index in "${!NAMES[@]}"; do
        if [[ ${#ONLY[@]} -eq 0 ]]; then SELECTED+=("$index"); continue; fi
        for wanted in "${ONLY[@]}"; do [[ "${NAMES[$index]}" == "$wanted" ]] && SELECTED+=("$index"); done
    done
    for wanted in "${ONLY[@]}"; do
        found=0
        for index in "${!NAMES[@]}"; do [[ "${NAMES[$index]}" == "$wanted" ]] && found=1; done
        [[ $found -eq 1 ]] || { echo "mutate.sh: no mutation named '$wanted' in $LIST" >&2; exit 2; }
    done
}

# --- Text replacement, exact and byte for byte.

# occurrences FILE TEXT: how many times TEXT occurs in FILE.
occurrences() {
    local content rest count=0
    content="$(cat "$1"; printf x)"
    rest="${content%x}"
    while [[ "$rest" == *"$2"* ]]; do
        rest="${rest#*"$2"}"
        count=$((count + 1))
    done
    echo "$count"
}

# apply FILE FIND REPLACE: replaces the one occurrence, keeping the file's bytes otherwise.
apply() {
    local content
    content="$(cat "$1"; printf x)"
    content="${content%x}"
    printf '%s' "${content/"$2"/"$3"}" >"$1"
}

# --- Reading test results.

# failing_tests XUNIT: Suite.test for every test with a failure in a swift-testing xUnit file.
failing_tests() {
    [[ -f "$1" ]] || return 0
    awk '
        /<testcase / {
            current = ""
            if (match($0, /classname="[^"]*"/)) { cls = substr($0, RSTART + 11, RLENGTH - 12) }
            if (match($0, / name="[^"]*"/)) { current = substr($0, RSTART + 7, RLENGTH - 8) }
            sub(/^[^.]*\./, "", cls)
            sub(/\(.*$/, "", current)
            current = cls "." current
        }
        /<failure / && current != "" && !(current in seen) { seen[current] = 1; print current }
    ' "$1"
}

# shorten: test names (one a line) as one line, at most four, then how many more.
shorten() {
    awk '{ names[NR] = $0 } END {
        line = ""
        for (i = 1; i <= NR && i <= 4; i++) line = line (i > 1 ? " " : "") names[i]
        if (NR > 4) line = line " (+" (NR - 4) " more)"
        print line
    }'
}

# crash_report LOG STATUS: the trap that ended the test process, and the first test frame of
# its backtrace.
crash_report() {
    local trap frame
    trap="$(grep -m 1 -Eo 'Fatal error.*|exited with unexpected signal code [0-9]+' "$1" || true)"
    frame="$(grep -m 1 -Eo 'Tests/[A-Za-z]+/[^ ]+\.swift:[0-9]+' "$1" || true)"
    echo "crash: ${trap:-exit status $2}${frame:+ at $frame}"
}

# stop_leftover_tests: `swift test` killed by a time-out leaves its test process running; end
# it by its id (the processes running this clone's test bundle).
stop_leftover_tests() {
    local pid
    for pid in $(pgrep -f -- "^$WORKDIR/\.build/[^ ]*PackageTests\.xctest" || true); do
        kill "$pid" 2>/dev/null || true
    done
}

# --- The steps.

# prepare_clone: the scratch clone, at the current HEAD, with nothing left over but .build.
prepare_clone() {
    if [[ ! -d "$WORKDIR/.git" ]]; then
        log "cloning $REPO into $WORKDIR"
        git clone -q "$REPO" "$WORKDIR"
    fi
    git -C "$WORKDIR" fetch -q "$REPO" HEAD
    git -C "$WORKDIR" checkout -q --force --detach FETCH_HEAD
    git -C "$WORKDIR" clean -q -fd
    log "scratch clone at $(git -C "$WORKDIR" log --oneline -1)"
    mkdir -p "$WORKDIR/.mutate-logs"
}

# check_applicable: APPLICABLE holds the selected mutations whose text occurs exactly once.
check_applicable() {
    local index name path count
    for index in "${SELECTED[@]}"; do
        name="${NAMES[$index]}" path="$WORKDIR/${FILES[$index]}"
        if [[ ! -f "$path" ]]; then
            RESULT[$name]="NOT APPLICABLE"; DETAIL[$name]="no file ${FILES[$index]}"
            continue
        fi
        count="$(occurrences "$path" "${FINDS[$index]}")"
        if [[ "$count" -ne 1 ]]; then
            RESULT[$name]="NOT APPLICABLE"; DETAIL[$name]="the text occurs $count times in ${FILES[$index]}"
            continue
        fi
        APPLICABLE+=("$index")
    done
}

# run_baseline: the unmutated clone must build and pass every test the mutations run.
run_baseline() {
    local filters=() index filter
    for index in "${APPLICABLE[@]}"; do filters+=("${TESTS[$index]}"); done
    [[ ${#filters[@]} -gt 0 ]] || return 0
    filter="$(printf '%s\n' "${filters[@]}" | sort -u | paste -sd '|')"
    log "baseline: building the unmutated clone"
    if ! swift build --build-tests >"$WORKDIR/.mutate-logs/baseline-build.log" 2>&1; then
        tail -n 30 "$WORKDIR/.mutate-logs/baseline-build.log" >&2
        log "the unmutated clone does not build"
        exit 2
    fi
    log "baseline: swift test --filter '$filter'"
    if ! timeout "$TIMEOUT" swift test --skip-build --filter "$filter" >"$WORKDIR/.mutate-logs/baseline-test.log" 2>&1; then
        stop_leftover_tests
        grep -E '✘|error' "$WORKDIR/.mutate-logs/baseline-test.log" | head -n 20 >&2 || true
        log "the unmutated clone fails its tests (log: $WORKDIR/.mutate-logs/baseline-test.log)"
        exit 2
    fi
}

# run_mutation INDEX POSITION: applies one mutation, builds, tests, and records the result.
run_mutation() {
    local index="$1" position="$2"
    local name="${NAMES[$index]}" file="${FILES[$index]}" tests="${TESTS[$index]}"
    local logfile="$WORKDIR/.mutate-logs/$name.log" xunit="$WORKDIR/.mutate-logs/$name.xml"
    local started=$SECONDS status ran killers
    rm -f "$logfile" "$xunit" "${xunit%.xml}-swift-testing.xml"
    git checkout -q -- .
    apply "$file" "${FINDS[$index]}" "${REPLACES[$index]}"
    git --no-pager diff --no-color >"$logfile"
    log "[$position/${#APPLICABLE[@]}] $name: $file, tests $tests"
    if ! swift build --build-tests >>"$logfile" 2>&1; then
        RESULT[$name]="INVALID"; DETAIL[$name]="does not build (see $logfile)"
        log "    INVALID: does not build"
        return 0
    fi
    set +e
    timeout "$TIMEOUT" swift test --skip-build --filter "$tests" --xunit-output "$xunit" >>"$logfile" 2>&1
    status=$?
    set -e
    ran="$(grep -Eo 'Test run with [0-9]+ test' "$logfile" | grep -Eo '[0-9]+' | tail -n 1 || true)"
    killers="$(failing_tests "${xunit%.xml}-swift-testing.xml" | shorten)"
    if [[ $status -eq 124 ]]; then
        stop_leftover_tests
        RESULT[$name]="KILLED"; DETAIL[$name]="time-out after ${TIMEOUT}s ${killers}"
    elif [[ $status -ne 0 ]]; then
        # No xUnit file when the test process crashed: name the trap and the test it hit.
        [[ -n "$killers" ]] || killers="$(crash_report "$logfile" "$status")"
        RESULT[$name]="KILLED"; DETAIL[$name]="$killers"
    elif [[ "${ran:-0}" -eq 0 ]]; then
        RESULT[$name]="NO TESTS"; DETAIL[$name]="the filter '$tests' matched no test"
    else
        RESULT[$name]="SURVIVED"; DETAIL[$name]="$ran tests passed"
    fi
    log "    ${RESULT[$name]} ($((SECONDS - started))s): ${DETAIL[$name]}"
}

# summary: the table; succeeds only if every selected mutation was killed.
summary() {
    local index name killed=0 other=0
    printf '\n%-46s %-14s %s\n' "MUTATION" "RESULT" "DETAIL (failing tests, or why)"
    for index in "${SELECTED[@]}"; do
        name="${NAMES[$index]}"
        printf '%-46s %-14s %s\n' "$name" "${RESULT[$name]:-NOT RUN}" "${DETAIL[$name]:-}"
        if [[ "${RESULT[$name]:-}" == KILLED ]]; then killed=$((killed + 1)); else other=$((other + 1)); fi
    done
    printf '\n%d mutations: %d killed, %d not killed\n' "${#SELECTED[@]}" "$killed" "$other"
    [[ $other -eq 0 ]]
}

main() {
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --only) ONLY+=("${2:?--only needs a NAME}"); shift 2 ;;
            --list) LIST="${2:?--list needs a FILE}"; shift 2 ;;
            --check) CHECK_ONLY=1; shift ;;
            -h | --help) usage ;;
            *) echo "mutate.sh: unknown argument '$1'" >&2; usage ;;
        esac
    done
    parse_list
    select_mutations
    prepare_clone
    check_applicable
    if [[ $CHECK_ONLY -eq 1 ]]; then
        local index
        for index in "${APPLICABLE[@]}"; do RESULT[${NAMES[$index]}]="APPLIES"; done
        printf '\n'
        for index in "${SELECTED[@]}"; do
            printf '%-46s %-14s %s\n' "${NAMES[$index]}" "${RESULT[${NAMES[$index]}]}" "${DETAIL[${NAMES[$index]}]:-}"
        done
        [[ ${#APPLICABLE[@]} -eq ${#SELECTED[@]} ]]
        return
    fi
    cd "$WORKDIR"
    run_baseline
    local position=0 index
    for index in "${APPLICABLE[@]}"; do
        position=$((position + 1))
        run_mutation "$index" "$position"
    done
    git checkout -q -- .
    summary
}

# One line, so editing this file while it runs cannot change what runs.
main "$@"; exit $?
