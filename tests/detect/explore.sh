#!/usr/bin/env bash
# explore.sh CHANLAB [MEASURE]: the explorer finds a rare deadlock and its
# replay line reproduces it bit for bit (tests/detect/explore/rare_deadlock.go).
#  1. A plain run finishes (exit 0, "total: 29").
#  2. The deadlock is rare: over `chanlab run --preempt 0.05 --seed i` for
#     i = 1..MEASURE (default 1000) it happens in more than 0 and under 5% of
#     the runs (the rate is printed).
#  3. `chanlab run --explore 1000 --trace T1` finds it: exit 1, the outcome
#     is Go's deadlock error, and stderr carries a "replay: chanlab run ..."
#     line.
#  4. Running that line with --trace T2 ends the same way (exit 2, the same
#     fatal error and goroutine dump on stderr as the explorer's outcome) and
#     T2 is byte for byte T1.
# Exit 0 when all hold; 1 with the reason otherwise.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
chanlab=${1:?usage: explore.sh CHANLAB [MEASURE]}
measure=${2:-1000}
prog=$here/explore/rare_deadlock.go
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

out=$("$chanlab" run "$prog" 2>&1)
st=$?
((st == 0)) && [[ $out == "total: 29" ]] || fail "plain run: exit $st, output: $out"
echo "ok plain run: $out"

dead=0
for ((i = 1; i <= measure; i++)); do
    "$chanlab" run --preempt 0.05 --seed "$i" "$prog" >/dev/null 2>"$tmp/err"
    st=$?
    if ((st == 2)) && grep -q '^fatal error: all goroutines are asleep - deadlock!' "$tmp/err"; then
        ((dead++))
    elif ((st != 0)); then
        fail "--preempt 0.05 --seed $i: exit $st: $(head -3 "$tmp/err")"
    fi
done
rate=$(awk -v d="$dead" -v n="$measure" 'BEGIN{printf "%.1f", 100*d/n}')
echo "deadlock rate under --preempt 0.05: $dead of $measure seeds ($rate%)"
((dead > 0)) || fail "no deadlock in $measure random schedules: the program is not a test of the explorer"
((dead * 20 < measure)) || fail "the deadlock is not rare: $rate% of random schedules (want under 5%)"

"$chanlab" run --explore 1000 --trace "$tmp/t1" "$prog" >"$tmp/xout" 2>"$tmp/xerr"
st=$?
cat "$tmp/xerr"
((st == 1)) || fail "--explore 1000 exited $st, want 1 (a failing schedule found)"
[[ -s $tmp/xout ]] && fail "--explore printed program output on stdout"
grep -q '^explore: outcome: fatal error: all goroutines are asleep - deadlock!' "$tmp/xerr" ||
    fail "the explorer's outcome is not Go's deadlock"
xstatus=$(sed -n 's/^explore: outcome: .*(exit status \([0-9]*\))$/\1/p' "$tmp/xerr")
[[ $xstatus == 2 ]] || fail "the explorer's outcome has exit status '$xstatus', want 2"
replay=$(sed -n 's/^replay: chanlab run //p' "$tmp/xerr")
[[ -n $replay ]] || fail "no 'replay: chanlab run ...' line"
[[ -s $tmp/t1 ]] || fail "--explore --trace wrote no trace"

read -ra args <<<"$replay"
"$chanlab" run "${args[@]}" --trace "$tmp/t2" >"$tmp/rout" 2>"$tmp/rerr"
st=$?
((st == xstatus)) || fail "the replay exited $st, the explored schedule $xstatus: $(head -3 "$tmp/rerr")"
grep -q '^fatal error: all goroutines are asleep - deadlock!' "$tmp/rerr" ||
    fail "the replay did not deadlock: $(head -3 "$tmp/rerr")"
cmp "$tmp/t1" "$tmp/t2" || fail "the replay's trace differs from the explorer's"
echo "ok replay: chanlab run $replay --trace T2: exit 2, deadlock, trace identical ($(wc -l <"$tmp/t1") events)"
