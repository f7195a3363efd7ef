#!/usr/bin/env bash
# compare.sh [BUILD_DIR]: time every bench/interp program under chanlab, as
# a binary built by Go 1.23 (GOMAXPROCS=1), and, for the CPU-only ones, the
# equivalent Lua 5.4 program of bench/lua; print one line per benchmark:
#   NAME chanlab=S go=S lua=S chanlab/go=R chanlab/lua=R cpu: chanlab=S go=S lua=S chanlab/go=R chanlab/lua=R
# (seconds, best of 3; lua=- when there is no Lua version). The first five
# are wall-clock times, the part after "cpu:" the process's CPU time (user +
# sys): on a shared machine other jobs stretch the wall clock, not the CPU
# time. Go's CPU time includes its runtime's helper threads. Outputs of the
# three are compared first: a mismatch is reported and fails the script.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
chanlab=$build/chanlab
go=${GO:-/usr/lib/go-1.23/bin/go}
lua=${LUA:-lua5.4}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GOCACHE=${GOCACHE:-$tmp/gocache} GO111MODULE=off GOTOOLCHAIN=local GOPATH=$tmp/gopath

best() { # best of 3 "WALL CPU" seconds of "$@" (each minimised), output to $tmp/out
    local bw= bc= t
    for _ in 1 2 3; do
        t=$( { TIMEFORMAT='%3R %3U %3S'; time "$@" >"$tmp/out"; } 2>&1 )
        read -r bw bc < <(echo "$t ${bw:-1e9} ${bc:-1e9}" |
            awk '{w=$1; c=$2+$3; if (c < 0.001) c = 0.001; if (w < 0.001) w = 0.001;
                  print (w<$4)?w:$4, (c<$5)?c:$5}')
    done
    echo "$bw $bc"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }

status=0
for src in "$here"/*.go; do
    name=$(basename "$src" .go)
    "$go" build -o "$tmp/$name" "$src"
    read -r tg cg < <(GOMAXPROCS=1 best "$tmp/$name"); cp "$tmp/out" "$tmp/want"
    read -r tc cc < <(best "$chanlab" run "$src")
    if ! cmp -s "$tmp/out" "$tmp/want"; then
        echo "$name: chanlab output differs from Go's" >&2
        status=1
    fi
    tl=- cl=- rl=- rcl=-
    if [[ -f $here/../lua/$name.lua ]] && command -v "$lua" >/dev/null; then
        read -r tl cl < <(best "$lua" "$here/../lua/$name.lua")
        if ! cmp -s "$tmp/out" "$tmp/want"; then
            echo "$name: Lua output differs from Go's" >&2
            status=1
        fi
        rl=$(ratio "$tc" "$tl")
        rcl=$(ratio "$cc" "$cl")
    fi
    printf '%s chanlab=%.3f go=%.3f lua=%s chanlab/go=%s chanlab/lua=%s cpu: chanlab=%.3f go=%.3f lua=%s chanlab/go=%s chanlab/lua=%s\n' \
        "$name" "$tc" "$tg" "$tl" "$(ratio "$tc" "$tg")" "$rl" "$cc" "$cg" "$cl" "$(ratio "$cc" "$cg")" "$rcl"
done
exit $status
