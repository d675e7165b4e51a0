#!/usr/bin/env bash
# Differential fuzzing of the Python package: safelit.literal_eval against
# the interpreter's own ast.literal_eval, with atheris (from PyPI), for
# SECONDS (default 60). Exits non-zero if the run found a mismatch or a crash;
# the texts are in fuzz/python/crashes/ (gitignored), one .txt (the exact
# text) and one .json (what CPython and safelit gave) each. Replay them with
#   target/python-venvs/fuzz-3.11/bin/python fuzz/python/differential.py --replay fuzz/python/crashes/*.txt
# and turn each into a regression case (tests/data/fuzz-regressions/python/README.md).
#
#   fuzz/python/run.sh [SECONDS]
#
# Steps: finds CPython (SAFELIT_FUZZ_PYTHON=3.X, default 3.11: pyenv's newest
# 3.X.*, else python3.X on PATH), creates or reuses the venv
# target/python-venvs/fuzz-3.X, installs atheris and maturin there from PyPI
# if missing, builds the package (`maturin build --release`, target dir
# target/fuzz-python) with SanitizerCoverage so that libFuzzer sees the Rust
# code's coverage and installs the wheel into the venv (such an extension
# imports only once atheris's libFuzzer is loaded: differential.py does that),
# writes seeds from the parity table and the regression inputs, and runs
# fuzz/python/differential.py.
#
# Environment:
#   SAFELIT_FUZZ_PYTHON=3.12   the CPython minor version to fuzz against
#   SAFELIT_FUZZ_SANCOV=0      build without coverage instrumentation (atheris
#                              then only sees the Python code's coverage)
#   FUZZ_ARGS="-jobs=2 ..."    extra libFuzzer arguments
#   SAFELIT_FUZZ_CRASHES=DIR   the crash folder, relative to the repository
#                              (default fuzz/python/crashes)
#   SAFELIT_FUZZ_ABORT=1, SAFELIT_FUZZ_MESSAGES=1, SAFELIT_FUZZ_WARNINGS=1:
#                              see differential.py
#
# Corpus: fuzz/python/corpus/ (gitignored) grows across runs; seeds are
# rewritten each run in target/fuzz-python/seeds/.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-60}
minor=${SAFELIT_FUZZ_PYTHON:-3.11}
sancov=${SAFELIT_FUZZ_SANCOV:-1}
crashes=${SAFELIT_FUZZ_CRASHES:-fuzz/python/crashes}
export SAFELIT_FUZZ_CRASHES="$PWD/$crashes"
read -r -a extra <<<"${FUZZ_ARGS:-}"

step() { printf '\n==> %s\n' "$*"; }
fail() {
    printf '\nerror: %s\n' "$*" >&2
    exit 1
}

source scripts/find_python.sh

python=$(find_python "$minor") || fail "CPython $minor not found (pyenv install $minor, or set SAFELIT_FUZZ_PYTHON)"
venv="target/python-venvs/fuzz-$minor"
py="$venv/bin/python"

step "venv $venv (CPython $("$python" -c 'import sys; print(sys.version.split()[0])'))"
if [ ! -x "$py" ]; then
    "$python" -m venv "$venv" || fail "cannot create the venv $venv"
fi
if ! "$py" -c "import atheris" 2>/dev/null; then
    step "installing atheris from PyPI"
    "$py" -m pip install --quiet atheris \
        || fail "atheris did not install (pip install atheris into $venv failed; it needs a wheel for CPython $minor or clang with libFuzzer to build one): the Python fuzzer cannot run"
    "$py" -c "import atheris" || fail "atheris installed but does not import: the Python fuzzer cannot run"
fi
if ! "$venv/bin/maturin" --version >/dev/null 2>&1; then
    step "installing maturin from PyPI"
    "$py" -m pip install --quiet "maturin>=1.9.4,<2" || fail "maturin did not install"
fi

step "building safelit into the venv (sancov=$sancov)"
host=$(rustc -vV | sed -n 's/^host: //p')
if [ "$sancov" = 1 ]; then
    # The flags cargo-fuzz uses; --target keeps them off build scripts and
    # proc macros (which would miss the callbacks at build time).
    export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks"
fi
wheels="target/fuzz-python/wheels-sancov-$sancov"
rm -rf "$wheels"
"$venv/bin/maturin" build --quiet --release --target "$host" --interpreter "$py" \
    --target-dir "target/fuzz-python/sancov-$sancov" --out "$wheels" \
    || fail "building safelit failed"
unset RUSTFLAGS
"$py" -m pip install --quiet --no-deps --force-reinstall "$wheels"/*.whl \
    || fail "installing the safelit wheel failed"

step "seeds from the parity table and the regression inputs"
seeds=target/fuzz-python/seeds
rm -rf "$seeds"
mkdir -p "$seeds" fuzz/python/corpus "$crashes"
"$py" - "$seeds" <<'EOF'
import hashlib, json, pathlib, sys
out = pathlib.Path(sys.argv[1])
texts = [json.loads(line)["input"] for line in open("tests/data/cases-3.11.jsonl", encoding="utf-8")]
for folder in ("tests/data/fuzz-regressions", "tests/data/fuzz-regressions/python"):
    texts += [p.read_bytes().decode("utf-8", "surrogatepass") for p in pathlib.Path(folder).glob("*.input")]
for text in texts:
    data = text.encode("utf-8", "surrogatepass")
    (out / hashlib.sha1(data).hexdigest()).write_bytes(data)
print(len(texts), "seeds")
EOF

step "fuzzing for ${seconds}s"
marker=$(mktemp)
trap 'rm -f "$marker"' EXIT
status=0
"$py" fuzz/python/differential.py \
    fuzz/python/corpus "$seeds" -dict=fuzz/python.dict \
    -max_total_time="$seconds" -max_len=2048 -timeout=20 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$crashes/" "${extra[@]}" || status=$?

new=$(find "$crashes" -newer "$marker" -type f | sort)
if [ "$status" -ne 0 ] || [ -n "$new" ]; then
    printf '\nTHE PYTHON FUZZER FOUND PROBLEMS (exit status %s)\n' "$status"
    if [ -n "$new" ]; then
        printf 'new findings in %s/:\n%s\n' "$crashes" "$new"
    fi
    exit 1
fi
printf '\nthe Python fuzzer ran %ss without a mismatch or a crash\n' "$seconds"
