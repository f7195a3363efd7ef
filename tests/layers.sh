#!/usr/bin/env bash
# layers.sh SRCROOT: fails when a layer includes a header of a layer above it
# or another layer's internal header (*_impl.h), as ../shared/DESIGN.md forbids.
set -euo pipefail
cd "$1"
# layer order, bottom first; a layer may include the public headers of the
# layers before it.
layers=(runtime src/lang src/srs src/store src/bank src/tui src/cli)
# Which public headers each layer may include (besides its own files).
declare -A allowed=(
    [runtime]=""
    [src/lang]="runtime.h"
    [src/srs]=""
    [src/store]="srs.h"
    [src/bank]=""
    [src/tui]="runtime.h lang.h srs.h store.h bank.h"
    [src/cli]="runtime.h lang.h srs.h store.h bank.h tui.h"
)
public="runtime.h lang.h srs.h store.h bank.h tui.h cli.h"
bad=0
for layer in "${layers[@]}"; do
    own=$(find "$layer" -maxdepth 3 -type f -printf '%f\n' | sort -u)
    while IFS= read -r line; do
        file=${line%%:*}
        hdr=$(sed -E 's/.*#include "([^"]+)".*/\1/' <<<"${line#*:}")
        base=${hdr##*/}
        grep -qx -- "$base" <<<"$own" && continue
        [[ $base == chanlab_config.h ]] && continue
        if [[ " ${allowed[$layer]} " == *" $base "* ]]; then continue; fi
        if [[ " $public " == *" $base "* ]]; then
            echo "$file: includes $hdr, a layer that $layer may not depend on" >&2
        else
            echo "$file: includes $hdr, which is not a public header of a lower layer" >&2
        fi
        bad=1
    done < <(grep -rn --include='*.[ch]' '#include "' "$layer" | sed -E 's/^([^:]+):[0-9]+:/\1:/')
done
((bad == 0)) && echo "layers: every include points down"
exit $bad
