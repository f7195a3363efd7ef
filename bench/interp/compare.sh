#!/usr/bin/env bash
# compare.sh [BUILD_DIR]: time every bench/interp program under chanlab, as
# a binary built by Go 1.23 (GOMAXPROCS=1), and, for the CPU-only ones, the
# equivalent Lua 5.4 program of bench/lua; print one line per benchmark:
#   NAME chanlab=S go=S lua=S chanlab/go=R chanlab/lua=R
# (seconds, best of 3; lua=- when there is no Lua version). Outputs of the
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

best() { # best of 3 wall-clock seconds of "$@", output to $tmp/out
    local b=
    for _ in 1 2 3; do
        local s e
        s=$(date +%s.%N)
        "$@" >"$tmp/out"
        e=$(date +%s.%N)
        b=$(echo "$s $e ${b:-1e9}" | awk '{d=$2-$1; print (d<$3)?d:$3}')
    done
    echo "$b"
}

status=0
for src in "$here"/*.go; do
    name=$(basename "$src" .go)
    "$go" build -o "$tmp/$name" "$src"
    tg=$(GOMAXPROCS=1 best "$tmp/$name"); cp "$tmp/out" "$tmp/want"
    tc=$(best "$chanlab" run "$src")
    if ! cmp -s "$tmp/out" "$tmp/want"; then
        echo "$name: chanlab output differs from Go's" >&2
        status=1
    fi
    tl=- rl=-
    if [[ -f $here/../lua/$name.lua ]] && command -v "$lua" >/dev/null; then
        tl=$(best "$lua" "$here/../lua/$name.lua")
        cmp -s "$tmp/out" "$tmp/want" || true
        rl=$(awk -v a="$tc" -v b="$tl" 'BEGIN{printf "%.2f", a/b}')
    fi
    rg=$(awk -v a="$tc" -v b="$tg" 'BEGIN{printf "%.2f", a/b}')
    printf '%s chanlab=%.3f go=%.3f lua=%s chanlab/go=%s chanlab/lua=%s\n' \
        "$name" "$tc" "$tg" "$tl" "$rg" "$rl"
done
exit $status
