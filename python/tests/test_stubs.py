"""The type stubs match the extension module, and the package type-checks."""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT


def run(*args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_stubtest() -> None:
    """``mypy.stubtest``: the installed module against ``_safelit.pyi``."""
    run("mypy.stubtest", "safelit", "--ignore-missing-stub")


def test_mypy_strict() -> None:
    """The package's Python code and the tests, with ``mypy --strict``."""
    run("mypy", "--strict", "--no-incremental", "python/safelit", "python/tests")
