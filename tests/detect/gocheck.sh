#!/usr/bin/env bash
# gocheck.sh [--chanlab PATH] [--runs N] [FILE.go...]: checks the detect
# corpus (tests/detect/programs/{pos,neg}/*.go, or the FILEs given) against
# the real Go toolchain and its race detector, so that what chanlab's
# detectors are asked to find is what Go itself finds.
#
# Every program is built with `go build -race` (Go 1.23, GOPATH mode so
# golang.org/x/sync comes from Debian's /usr/share/gocode) and run N times
# (--runs, default 1). The header comments of the program say what to expect:
#   // want: race N[, leak N, lockorder N]   or   // want: none
#   // exit: N          the program's own exit status (default 0)
#   // go-race: flaky   the race shows only in some schedules: skipped here
#   // go-race: count varies   Go's number of reports depends on the
#                       schedule: at least one is enough
#   // output: varies   stdout depends on the schedule: not compared
# A program whose want has "race N" must make Go print N "WARNING: DATA
# RACE" reports (Go reports a pair of code locations once, and a race
# empties the address's shadow state, as chanlab's detector does) and exit 66 (or its own status N when N != 0: Go keeps os.Exit's status);
# any other program must run clean under -race with its own exit status
# (leaks and lock-order inversions are not Go race reports). With
# --chanlab, `chanlab run FILE` (no detector flags) must also print the same
# stdout as the Go binary, unless the output varies, and exit with the
# program's status.
#
# Prints one line per program ("ok", "SKIP ... reason" or "FAIL ... reason")
# and a summary; exits 0 when nothing failed, 1 otherwise, and 77 (meson's
# "skipped") with a message when Go 1.23 is not installed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
go=${GO:-/usr/lib/go-1.23/bin/go}
chanlab=
runs=1
files=()
while (($#)); do
    case $1 in
    --chanlab) chanlab=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -h | --help) sed -n '2,/^set /p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) files+=("$1"); shift ;;
    esac
done
if ((${#files[@]} == 0)); then
    files=("$here"/programs/pos/*.go "$here"/programs/neg/*.go)
fi
if [[ ! -x $go ]]; then
    echo "gocheck.sh: Go 1.23 not found at $go (apt-get install golang-1.23-go); skipped"
    exit 77
fi
gopath=${GOCHECK_GOPATH:-/usr/share/gocode}
have_xsync=false
[[ -d $gopath/src/golang.org/x/sync/errgroup ]] && have_xsync=true

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A persistent build cache makes reruns fast (the race runtime takes a
# minute to build the first time).
export GOCACHE=${GOCACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/chanlab-gocheck}
export GOPATH=$gopath GO111MODULE=off GOTOOLCHAIN=local GOFLAGS= CGO_ENABLED=1

header() { # header FILE KEY: the value of the first "// KEY: value" line
    sed -n "s|^// $2: *||p" "$1" | head -n 1
}

pass=0 fail=0 skip=0
for f in "${files[@]}"; do
    name=$(basename "$(dirname "$f")")/$(basename "$f" .go)
    want=$(header "$f" want)
    exitwant=$(header "$f" exit)
    exitwant=${exitwant:-0}
    if [[ -z $want ]]; then
        echo "FAIL $name: no '// want:' header"
        ((fail++))
        continue
    fi
    if [[ $want == *race* && $(header "$f" go-race) == flaky* ]]; then
        echo "SKIP $name: go-race: flaky (the race needs a schedule Go rarely picks)"
        ((skip++))
        continue
    fi
    if ! $have_xsync && grep -q '"golang.org/x/' "$f"; then
        echo "SKIP $name: golang.org/x/sync not in $gopath (apt-get install golang-golang-x-sync-dev)"
        ((skip++))
        continue
    fi
    if ! "$go" build -race -o "$tmp/prog" "$f" 2>"$tmp/build.err"; then
        echo "FAIL $name: go build -race failed:"
        sed 's/^/    /' "$tmp/build.err"
        ((fail++))
        continue
    fi
    nrace=$(sed -n 's/.*race \([0-9][0-9]*\).*/\1/p' <<<"$want")
    anycount=false
    [[ $(header "$f" go-race) == "count varies"* ]] && anycount=true
    if [[ $want == *race* ]]; then
        racy=true
        status_want=$exitwant
        ((exitwant == 0)) && status_want=66
    else
        racy=false
        status_want=$exitwant
    fi
    why=
    for ((r = 1; r <= runs; r++)); do
        timeout 60 "$tmp/prog" >"$tmp/go.out" 2>"$tmp/go.err"
        status=$?
        if ((status == 124)); then
            why="timed out under Go (run $r)"
        elif $racy && ! grep -q '^WARNING: DATA RACE' "$tmp/go.err"; then
            why="Go's race detector saw no race (run $r, exit $status)"
        elif $racy && ! $anycount &&
            (($(grep -c '^WARNING: DATA RACE' "$tmp/go.err") != nrace)); then
            why="Go reported $(grep -c '^WARNING: DATA RACE' "$tmp/go.err") races, want $nrace (run $r)"
        elif ! $racy && grep -q 'DATA RACE' "$tmp/go.err"; then
            why="Go's race detector reported a race (run $r):
$(sed -n '1,30s/^/    /p' "$tmp/go.err")"
        elif ((status != status_want)); then
            why="exit status $status under go -race, want $status_want (run $r):
$(sed -n '1,10s/^/    /p' "$tmp/go.err")"
        fi
        [[ -n $why ]] && break
    done
    if [[ -z $why && -n $chanlab ]]; then
        timeout 60 "$chanlab" run "$f" >"$tmp/cl.out" 2>"$tmp/cl.err"
        cstatus=$?
        if ((cstatus != exitwant)); then
            why="chanlab run exits $cstatus, want $exitwant"
        elif [[ $(header "$f" output) != varies* ]] && ! cmp -s "$tmp/go.out" "$tmp/cl.out"; then
            why="stdout differs between Go and chanlab run:
$(diff "$tmp/go.out" "$tmp/cl.out" | sed -n '1,10s/^/    /p')"
        fi
    fi
    if [[ -n $why ]]; then
        echo "FAIL $name: $why"
        ((fail++))
    else
        echo "ok $name"
        ((pass++))
    fi
done
echo "gocheck: $pass ok, $fail failed, $skip skipped"
((fail == 0))
