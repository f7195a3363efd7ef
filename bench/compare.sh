#!/usr/bin/env bash
# compare.sh [BUILD_DIR]: runs the runtime's benchmarks (bench/rt/rt-bench)
# and the same programs in Go (bench/go/rtbench.go, built with Go 1.19 and
# Go 1.23, run at GOMAXPROCS=1), five rounds interleaved so that a busy
# machine weighs on all three alike, and prints for every figure
#   NAME chanlab=V go=V unit=U ratio=R
# where V are medians of the five runs, go is the better of the two Go
# versions on that figure and R = chanlab / go (lower is better for every
# figure). Times are process CPU time per operation on both sides.
# chanlab's figures run with its event trace off, as Go's execution tracer
# is by default; NAME_traced lines repeat the time figures with the trace
# ring on (chanlab's default) against the same Go figure.
# Needs the Debian packages golang-1.19-go and golang-1.23-go (or go1.19 and
# go1.23 on PATH). BUILD_DIR defaults to ./build (configured by meson).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
rounds=${ROUNDS:-5}

if [[ ! -f $build/build.ninja ]]; then
    meson setup "$build" "$root" >/dev/null
fi
ninja -C "$build" bench/rt/rt-bench >/dev/null
rtbench=$build/bench/rt/rt-bench

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GOCACHE=$tmp/gocache GOPATH=$tmp/gopath GOFLAGS= GO111MODULE=off GOTOOLCHAIN=local

findgo() {
    if [[ -x /usr/lib/go-$1/bin/go ]]; then
        echo "/usr/lib/go-$1/bin/go"
    elif command -v "go$1" >/dev/null; then
        command -v "go$1"
    fi
}

# installgo V installs golang-V-go with apt-get (as root, or through sudo),
# so the script runs on a fresh machine after README's Quick start: Debian 12
# has Go 1.19 in main and Go 1.23 in bookworm-backports, which it enables
# from the machine's own Debian entry first, as .ci/run does.
installgo() {
    local v=$1 sudo=
    command -v apt-get >/dev/null || return 1
    [[ $(id -u) -eq 0 ]] || sudo=sudo
    echo "compare.sh: Go $v not found; installing golang-$v-go" >&2
    if ! apt-cache show "golang-$v-go" >/dev/null 2>&1 &&
        ! grep -rqs bookworm-backports /etc/apt/sources.list /etc/apt/sources.list.d/; then
        local src=/etc/apt/sources.list.d/debian.sources uris key
        uris=$(awk '/^URIs:/ && $2 ~ /debian\/?$/ {print $2; exit}' "$src" 2>/dev/null || true)
        key=$(awk '/^Signed-By:/ {print $2; exit}' "$src" 2>/dev/null || true)
        printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: %s\n' \
            "${uris:-http://deb.debian.org/debian}" \
            "${key:-/usr/share/keyrings/debian-archive-keyring.gpg}" |
            $sudo tee /etc/apt/sources.list.d/bookworm-backports.sources >/dev/null
    fi
    $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q "golang-$v-go" >&2
}

gobin() {
    local v=$1 go
    go=$(findgo "$v")
    if [[ -z $go ]] && installgo "$v"; then
        go=$(findgo "$v")
    fi
    if [[ -z $go ]]; then
        echo "compare.sh: Go $v not found and could not be installed (apt-get install golang-$v-go)" >&2
        exit 1
    fi
    echo "$go"
}
versions=(1.19 1.23)
for v in "${versions[@]}"; do
    "$(gobin "$v")" build -o "$tmp/rtbench-$v" "$root/bench/go/rtbench.go"
done

for ((r = 1; r <= rounds; r++)); do
    "$rtbench" >>"$tmp/chanlab.txt"
    for v in "${versions[@]}"; do
        GOMAXPROCS=1 GOGC=100 "$tmp/rtbench-$v" >>"$tmp/go-$v.txt"
    done
done

# median FILE NAME: the median value of NAME's lines in FILE.
median() {
    awk -v n="$2" '$1 == n { print $2 }' "$1" | sort -g |
        awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

awk '{ print $1, $3 }' "$tmp/chanlab.txt" | awk '!seen[$1]++' | while read -r name unit; do
    c=$(median "$tmp/chanlab.txt" "$name")
    best=
    for v in "${versions[@]}"; do
        g=$(median "$tmp/go-$v.txt" "${name%_traced}")
        if [[ -z $best ]] || awk -v a="$g" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$g
        fi
    done
    awk -v n="$name" -v c="$c" -v g="$best" -v u="$unit" \
        'BEGIN { printf "%s chanlab=%s go=%s unit=%s ratio=%.2f\n", n, c, g, u, c / g }'
done
