#!/usr/bin/env bash
# The Python package's test suite under CPython 3.11, 3.12 and 3.13.
#
# For each version: finds the interpreter (pyenv's newest 3.X.*, else
# python3.X on PATH), creates a venv in target/python-venvs/3.X, installs
# the test tools from PyPI if they are missing (pytest, hypothesis, mypy),
# builds and installs the package with `pip install .` (pip fetches the
# maturin build backend named in pyproject.toml), and runs pytest (python/tests: parity
# with the live ast.literal_eval, differential properties, exceptions,
# warnings, threads, memory, stubs).
#
# SAFELIT_PYTHONS="3.12" limits the versions; extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

versions=${SAFELIT_PYTHONS:-"3.11 3.12 3.13"}
source scripts/find_python.sh

for minor in $versions; do
    printf '\n==> Python package on CPython %s\n' "$minor"
    python=$(find_python "$minor") || {
        echo "error: CPython $minor not found (pyenv install $minor, or set SAFELIT_PYTHONS)" >&2
        exit 1
    }
    venv="target/python-venvs/$minor"
    if [ ! -x "$venv/bin/python" ]; then
        "$python" -m venv "$venv"
    fi
    py="$venv/bin/python"
    if ! "$py" -c "import pytest, hypothesis, mypy" 2>/dev/null; then
        "$py" -m pip install --quiet pytest hypothesis mypy
    fi
    # What a user runs: `pip install .` (release build by maturin).
    "$py" -m pip install --quiet --no-deps --force-reinstall .
    "$py" -c "import sys, safelit; print('safelit', safelit.__version__, 'on', sys.version.split()[0], '- follows CPython', safelit.PYTHON_VERSION)"
    "$py" -m pytest -q -rP -p no:cacheprovider --durations=5 python/tests "$@"
done
