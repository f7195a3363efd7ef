#!/usr/bin/env bash
# format.sh SRCROOT: fails when any C file of the project differs from what
# clang-format makes of it (style in .clang-format).
set -euo pipefail
cd "$1"
mapfile -t files < <(find runtime src tests bench -name '*.[ch]' -not -path '*/testdata/*' | sort)
if ((${#files[@]} == 0)); then
    echo "format: no C files found under $1" >&2
    exit 1
fi
clang-format --dry-run --Werror "${files[@]}"
echo "format: ${#files[@]} files clean"
