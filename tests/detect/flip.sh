#!/usr/bin/env bash
# flip.sh CHANLAB [FILE.go...]: the detect harness must be able to fail.
# For every corpus program (default: tests/detect/programs/{pos,neg}/*.go)
# run.sh is run again with a wrong want, and must fail each time:
#   a negative (want: none) is checked against "race 1", "leak 1" and
#   "lockorder 1";
#   a positive is checked against "none", and against its own want with
#   each count one higher and one lower.
# Prints "caught" lines quietly counted and every flip that passed
# ("NOT CAUGHT"), then a summary; exits 1 when any flip passed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
chanlab=${1:?usage: flip.sh CHANLAB [FILE.go...]}
shift
files=("$@")
((${#files[@]})) || files=("$here"/programs/pos/*.go "$here"/programs/neg/*.go)

caught=0 missed=0
check() { # check FILE WANT: run.sh must fail
    if "$here/run.sh" "$chanlab" "$1" "$2" >/dev/null 2>&1; then
        echo "NOT CAUGHT: $1 passes with the wrong want '$2'"
        ((missed++))
    else
        ((caught++))
    fi
}

for f in "${files[@]}"; do
    want=$(sed -n 's|^// want: *||p' "$f" | head -n 1)
    if [[ $want == none ]]; then
        check "$f" "race 1"
        check "$f" "leak 1"
        check "$f" "lockorder 1"
        continue
    fi
    check "$f" none
    IFS=',' read -ra parts <<<"$want"
    for i in "${!parts[@]}"; do
        for d in 1 -1; do
            flipped=()
            for j in "${!parts[@]}"; do
                read -r kind n <<<"${parts[$j]}"
                ((j == i)) && n=$((n + d))
                ((n > 0)) && flipped+=("$kind $n")
            done
            w=$(IFS=,; echo "${flipped[*]}")
            check "$f" "${w:-none}"
        done
    done
done
echo "flip: $caught wrong wants caught, $missed passed"
((missed == 0))
