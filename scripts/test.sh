#!/usr/bin/env bash
# The whole test suite of safelit: formatting, lints, every Rust test
# (unit, CPython parity tables, properties, limits, deep nesting, doc tests),
# the documentation build, then the Python package's suite under CPython
# 3.11, 3.12 and 3.13 (scripts/test_python.sh). `.ci/run` calls this script.
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

step "cargo test (unit, parity, properties, limits, deep nesting, examples)"
cargo test --all-targets

step "cargo test --doc"
cargo test --doc

step "cargo doc (warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps

step "the CPython parity table is up to date"
if command -v python3 >/dev/null 2>&1 && [ "$(python3 -c 'import sys; print(sys.version.split()[0])')" = "3.11.7" ]; then
    python3 scripts/gen_cases.py --check
else
    echo "skipped: needs CPython 3.11.7 as python3 (the table's oracle); the table itself was tested above"
fi

step "Python package (CPython 3.11, 3.12, 3.13)"
scripts/test_python.sh

step "all tests passed"
