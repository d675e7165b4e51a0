#!/usr/bin/env bash
# The whole test suite of safelit: formatting, lints, every Rust test of the
# workspace (library: unit, CPython parity tables, properties, limits, deep
# nesting, doc tests; CLI `cli/`: unit and integration tests that run the
# binary), the documentation build, when the benchmark corpus is beside the
# repository the CLI's JSON output against the corpus' JSON twins, then the
# Python package's suite under CPython 3.11, 3.12 and 3.13
# (scripts/test_python.sh). `.ci/run` calls this script.
#
# Needs: a Rust toolchain (cargo), and CPython 3.11-3.13 (pyenv) with
# access to PyPI for the Python suite's tools. Installs the rustfmt and
# clippy components when rustup is there and they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

if command -v rustup >/dev/null 2>&1; then
    for component in rustfmt clippy; do
        rustup component list --installed 2>/dev/null | grep -q "^$component" \
            || rustup component add "$component"
    done
fi

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (workspace, all targets, warnings are errors)"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo test (library: unit, parity, properties, limits, deep nesting, examples; CLI: unit, integration)"
cargo test --workspace --all-targets

step "cargo test --doc"
cargo test --workspace --doc

step "cargo doc (warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps

step "CLI: safelit json on the benchmark corpus equals its JSON twins"
if [ -d ../shared/corpus/py ] && [ -d ../shared/corpus/json ]; then
    cargo test -p safelit-cli --test corpus -- --ignored --nocapture
else
    echo "skipped: no benchmark corpus at ../shared/corpus/ (it is not part of the repository)"
fi

step "the CPython parity table and the CLI's expected outputs are up to date"
if command -v python3 >/dev/null 2>&1 && [ "$(python3 -c 'import sys; print(sys.version.split()[0])')" = "3.11.7" ]; then
    python3 scripts/gen_cases.py --check
    python3 cli/tests/fixtures/generate.py --check
else
    echo "skipped: needs CPython 3.11.7 as python3 (the oracle); the committed tables were tested above"
fi

step "Python package (CPython 3.11, 3.12, 3.13)"
scripts/test_python.sh

step "all tests passed"
