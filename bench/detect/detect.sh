#!/usr/bin/env bash
# detect.sh [BUILD_DIR]: the detectors' costs as seen by a user of
# `chanlab run`, printed as `name value unit` lines:
#   explore_rate N schedules/s     `chanlab run --explore 2000` on
#                                  explore50.go (2 goroutines, 50 statements,
#                                  never fails, so every schedule runs):
#                                  schedules per CPU second
#   race_slowdown_P X ratio        `chanlab run --race` time over plain
#                                  `chanlab run` time, for every
#                                  bench/interp program P
#   go_race_slowdown_P X ratio     the same for Go 1.23: a `go build -race`
#                                  binary over a plain one, GOMAXPROCS=1
#                                  (printed when Go is installed)
# Go builds share gocheck.sh's cache (~/.cache/chanlab-gocheck) unless GOCACHE
# is set. Times are CPU seconds of the process (user + sys, as bench/compare.sh
# measures; wall-clock time on a shared machine says more about the other
# jobs), best of 3 (ROUNDS), all measured in this run. The race runs must
# print the same stdout as the plain runs and report no race (the interp
# programs are race-free): a mismatch is reported and fails the script.
# BUILD_DIR defaults to ./build.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
chanlab=$build/chanlab
go=${GO:-/usr/lib/go-1.23/bin/go}
rounds=${ROUNDS:-3}
schedules=${SCHEDULES:-2000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GOCACHE=${GOCACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/chanlab-gocheck} GO111MODULE=off GOTOOLCHAIN=local GOPATH=$tmp/gopath

best() { # best of $rounds CPU seconds (user + sys) of "$@"; stdout to $tmp/out, stderr to $tmp/err
    local b= t
    for ((i = 0; i < rounds; i++)); do
        t=$( { TIMEFORMAT='%3U %3S'; time "$@" >"$tmp/out" 2>"$tmp/err"; } 2>&1 ) || true
        b=$(echo "$t ${b:-1e9}" | awk '{d=$1+$2; if (d < 0.001) d = 0.001; print (d<$3)?d:$3}')
    done
    echo "$b"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }

status=0

# Schedules per second.
t=$(best "$chanlab" run --explore "$schedules" "$here/explore50.go")
if ! grep -q "^explore: no failure in $schedules schedules" "$tmp/err"; then
    echo "explore50.go: the explorer did not run all $schedules schedules:" >&2
    cat "$tmp/err" >&2
    status=1
fi
awk -v n="$schedules" -v t="$t" 'BEGIN{printf "explore_rate %.0f schedules/s\n", n/t}'

# --race slowdown, chanlab and Go.
have_go=false
[[ -x $go ]] && have_go=true
$have_go || echo "detect.sh: Go 1.23 not found at $go: no go_race_slowdown lines" >&2
for src in "$root"/bench/interp/*.go; do
    name=$(basename "$src" .go)
    tp=$(best "$chanlab" run "$src")
    cp "$tmp/out" "$tmp/want"
    tr=$(best "$chanlab" run --race "$src")
    if ! cmp -s "$tmp/out" "$tmp/want" || grep -q 'DATA RACE' "$tmp/err"; then
        echo "$name: chanlab run --race printed other output, or a race:" >&2
        head -20 "$tmp/err" >&2
        status=1
    fi
    echo "race_slowdown_$name $(ratio "$tr" "$tp") ratio"
    if $have_go; then
        "$go" build -o "$tmp/$name" "$src"
        "$go" build -race -o "$tmp/$name-race" "$src"
        gp=$(GOMAXPROCS=1 best "$tmp/$name")
        gr=$(GOMAXPROCS=1 best "$tmp/$name-race")
        echo "go_race_slowdown_$name $(ratio "$gr" "$gp") ratio"
    fi
done
exit $status
