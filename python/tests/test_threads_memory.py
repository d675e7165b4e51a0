"""Many threads at once, large inputs with the GIL released, and no leaks."""

from __future__ import annotations

import ast
import gc
import os
import threading
import tracemalloc
from typing import Any, Callable

import safelit
from helpers import canon

SAMPLES = [
    "{'id': 7, 'tags': ('a', 'b'), 'score': -0.0, 'ok': True, 'n': None}",
    "[1, 2.5, 3j, b'x', 'y', ..., {1, 2}, (), [], {}]",
    "  {'nested': [[1, [2, [3, (4, 5)]]]], 1: 'x'}",
    "123456789012345678901234567890",
    "'\\u00e9t\\xe9 \\N{SNOWMAN}'",
]
ERRORS = ["[1, 2,", "x", "{[]: 1}", "1 +"]


def test_eight_threads_ten_thousand_calls_each() -> None:
    expected = [canon(ast.literal_eval(s)) for s in SAMPLES]
    expected_errors = [type(_error(ast.literal_eval, s)) for s in ERRORS]
    failures: list[str] = []
    big = "[" + ", ".join(f"{{'k{i}': ({i}, '{i}')}}" for i in range(20_000)) + "]"
    big_expected = canon(ast.literal_eval(big))

    def work(worker: int) -> None:
        for i in range(10_000):
            k = (i + worker) % len(SAMPLES)
            if canon(safelit.literal_eval(SAMPLES[k])) != expected[k]:
                failures.append(f"worker {worker} call {i}: {SAMPLES[k]!r}")
            if i % 10 == 0:
                e = (i // 10 + worker) % len(ERRORS)
                err = _error(safelit.literal_eval, ERRORS[e])
                if not isinstance(err, expected_errors[e]):
                    failures.append(f"worker {worker} call {i}: {ERRORS[e]!r} gave {err!r}")
            if i % 2_500 == 0 and canon(safelit.literal_eval(big)) != big_expected:
                failures.append(f"worker {worker} call {i}: large input")

    threads = [threading.Thread(target=work, args=(w,)) for w in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures[:10]


def _error(fn: Callable[[str], Any], text: str) -> BaseException:
    try:
        fn(text)
    except Exception as exc:  # noqa: BLE001
        return exc
    raise AssertionError(f"{text!r} did not fail")


def test_large_input_releases_the_gil() -> None:
    """While one thread parses a large input, another keeps running."""
    big = "[" + ", ".join(f"('item {i}', {i}, {i}.5)" for i in range(200_000)) + "]"
    ticks = 0
    done = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1

    counter = threading.Thread(target=count)
    counter.start()
    try:
        before = ticks
        value = safelit.literal_eval(big)
        during = ticks - before
    finally:
        done.set()
        counter.join()
    assert len(value) == 200_000 and value[-1] == ("item 199999", 199999, 199999.5)
    assert during > 0


def _rss_kib() -> int:
    with open(f"/proc/{os.getpid()}/statm") as f:
        return int(f.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)


def test_memory_is_flat_over_a_hundred_thousand_calls() -> None:
    inputs = SAMPLES + ERRORS + ["'\\d'"]

    def calls(n: int) -> None:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for i in range(n):
                try:
                    safelit.literal_eval(inputs[i % len(inputs)])
                except safelit.Error:
                    pass

    calls(10_000)  # warm up caches and allocator pools
    gc.collect()
    tracemalloc.start()
    rss_before = _rss_kib()
    snapshot_before = tracemalloc.take_snapshot()
    calls(100_000)
    gc.collect()
    snapshot_after = tracemalloc.take_snapshot()
    rss_after = _rss_kib()
    tracemalloc.stop()
    grown = sum(s.size_diff for s in snapshot_after.compare_to(snapshot_before, "filename"))
    assert grown < 256 * 1024, f"Python heap grew by {grown} bytes"
    assert rss_after - rss_before < 8 * 1024, f"RSS grew by {rss_after - rss_before} KiB"
