#!/usr/bin/env bash
# run.sh CHANLAB FILE.go [WANT]: one test of the detect corpus. Runs
# `chanlab run --detect FILE.go` and checks it against the program's header
# (or against WANT, which replaces the header's `want`, as flip.sh does):
#   // want: none                      no finding at all
#   // want: race N[, leak N][, lockorder N]   exactly these counts
#   // exit: N                         the program's own exit status (default 0)
#   // output: varies                  stdout is not compared
# Counts come from stderr markers: "WARNING: DATA RACE" lines (races),
# lines starting "goroutine leak: goroutine " (leaks) and lines starting
# "POTENTIAL DEADLOCK: lock-order inversion" (lock order); a kind absent
# from the want must count 0. With a race and exit 0, stderr must also say
# "Found N data race(s)" with the same N. The exit status must be 66 when
# something was found and the program's own status would be 0, else the
# program's own status. For `none`, stderr must be empty. Unless the output
# varies, stdout must be the same as a plain `chanlab run FILE.go`.
# Exit 0 when everything holds, 1 with the reasons (and the run's stderr)
# otherwise.
set -uo pipefail
if (($# < 2)); then
    echo "usage: run.sh CHANLAB FILE.go [WANT]" >&2
    exit 2
fi
chanlab=$1 file=$2
header() { sed -n "s|^// $1: *||p" "$file" | head -n 1; }
want=${3:-$(header want)}
exitwant=$(header exit)
exitwant=${exitwant:-0}
if [[ -z $want ]]; then
    echo "$file: no '// want:' header"
    exit 1
fi

declare -A wantn=([race]=0 [leak]=0 [lockorder]=0)
if [[ $want != none ]]; then
    IFS=',' read -ra parts <<<"$want"
    for p in "${parts[@]}"; do
        read -r kind n <<<"$p"
        if [[ -z ${wantn[$kind]+x} || ! $n =~ ^[0-9]+$ ]]; then
            echo "$file: bad want '$want' (want: none, or kind N[, kind N] with kinds race, leak, lockorder)"
            exit 1
        fi
        wantn[$kind]=$n
    done
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
timeout 60 "$chanlab" run --detect "$file" >"$tmp/out" 2>"$tmp/err"
status=$?
declare -A got
got[race]=$(grep -c '^WARNING: DATA RACE$' "$tmp/err")
got[leak]=$(grep -c '^goroutine leak: goroutine ' "$tmp/err")
got[lockorder]=$(grep -c '^POTENTIAL DEADLOCK: lock-order inversion' "$tmp/err")

fails=()
((status == 124)) && fails+=("timed out after 60 s")
total=0
for kind in race leak lockorder; do
    ((total += wantn[$kind]))
    if ((got[$kind] != wantn[$kind])); then
        fails+=("$kind: ${got[$kind]} reported, want ${wantn[$kind]}")
    fi
done
status_want=$exitwant
((total > 0 && exitwant == 0)) && status_want=66
((status != status_want)) && fails+=("exit status $status, want $status_want")
if ((wantn[race] > 0 && exitwant == 0)) &&
    ! grep -qx "Found ${wantn[race]} data race(s)" "$tmp/err"; then
    fails+=("no line 'Found ${wantn[race]} data race(s)' on stderr")
fi
if [[ $want == none && -s $tmp/err ]]; then
    fails+=("stderr is not empty")
fi
if [[ $(header output) != varies* ]]; then
    timeout 60 "$chanlab" run "$file" >"$tmp/plain" 2>/dev/null
    if ! cmp -s "$tmp/out" "$tmp/plain"; then
        fails+=("stdout under --detect differs from a plain run:
$(diff "$tmp/plain" "$tmp/out" | sed -n '1,10s/^/    /p')")
    fi
fi

if ((${#fails[@]} == 0)); then
    echo "ok $file: want $want; exit $status"
    exit 0
fi
echo "FAIL $file (want: $want)"
for f in "${fails[@]}"; do echo "  $f"; done
echo "--- stderr of chanlab run --detect:"
head -c 4000 "$tmp/err"
exit 1
