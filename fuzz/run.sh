#!/usr/bin/env bash
# Builds and runs every fuzz target of safelit for SECONDS each (default 60),
# one after the other, one process each. Exits non-zero if any target finds a
# crash, a timeout or a memory blow-up; libFuzzer writes the input to
# fuzz/artifacts/<target>/ (gitignored). Replay one with
#   cargo +nightly fuzz run <target> fuzz/artifacts/<target>/<file>
# and turn it into a regression test (tests/data/fuzz-regressions/README.md).
#
#   fuzz/run.sh [SECONDS]
#
# Environment:
#   TARGETS="parse roundtrip limits"   which targets to run
#   FUZZ_ARGS="-jobs=1 ..."            extra libFuzzer arguments for every target
#
# Needs a Rust toolchain with rustup. Uses the nightly toolchain when it is
# installed, else stable with RUSTC_BOOTSTRAP=1 (cargo-fuzz needs -Z flags);
# installs cargo-fuzz from crates.io when it is missing.
#
# Corpora: fuzz/corpus/<target>/ (gitignored) grows across runs; the `parse`
# target also reads seeds written from the CPython parity table and the
# regression inputs (fuzz/target/seeds/parse/, rewritten each run), and every
# target reads its committed seeds in fuzz/seeds/<target>/ if present.
set -euo pipefail
cd "$(dirname "$0")"

seconds=${1:-60}
targets=${TARGETS:-parse roundtrip limits}
read -r -a extra <<<"${FUZZ_ARGS:-}"

step() { printf '\n==> %s\n' "$*"; }

if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    cargo=(cargo +nightly)
    toolchain=nightly
else
    cargo=(cargo)
    export RUSTC_BOOTSTRAP=1
    toolchain="stable with RUSTC_BOOTSTRAP=1"
fi

if ! "${cargo[@]}" fuzz --version >/dev/null 2>&1; then
    step "installing cargo-fuzz from crates.io"
    cargo install cargo-fuzz --locked
fi

step "seeds from the parity table and the regression inputs"
mkdir -p target
rustc --edition 2021 -O examples/seeds.rs -o target/seeds-tool
rm -rf target/seeds
target/seeds-tool .. target/seeds

step "building the fuzz targets ($toolchain)"
"${cargo[@]}" fuzz build

# libFuzzer options per target.
options() {
    case "$1" in
        parse) echo "-max_len=8192 -timeout=20 -dict=python.dict" ;;
        roundtrip) echo "-max_len=4096 -timeout=20 -len_control=0" ;;
        limits) echo "-max_len=512 -timeout=60 -len_control=0" ;;
        *) echo "" ;;
    esac
}

failed=()
for target in $targets; do
    step "fuzzing $target for ${seconds}s"
    mkdir -p "corpus/$target"
    corpora=("corpus/$target")
    for dir in "seeds/$target" "target/seeds/$target"; do
        if [ -d "$dir" ]; then
            corpora+=("$dir")
        fi
    done
    read -r -a target_options <<<"$(options "$target")"
    if ! "${cargo[@]}" fuzz run "$target" "${corpora[@]}" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1 \
        "${target_options[@]}" "${extra[@]}"; then
        failed+=("$target")
    fi
done

if [ "${#failed[@]}" -ne 0 ]; then
    printf '\nFUZZING FOUND PROBLEMS in: %s (inputs in fuzz/artifacts/)\n' "${failed[*]}"
    exit 1
fi
printf '\nall fuzz targets ran %ss without a crash\n' "$seconds"
