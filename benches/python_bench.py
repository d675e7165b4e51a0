#!/usr/bin/env python3
"""safelit.literal_eval against ast.literal_eval, json.loads and orjson.loads.

Usage (from the repository root, with the package installed, e.g. by
``maturin develop --release`` in ``python/``)::

    python3 benches/python_bench.py [--corpus DIR] [--rounds N] [--no-memory]

What it does, in one process:

* reads the benchmark corpus (``$SAFELIT_CORPUS`` or ``../shared/corpus``):
  ``py/*.py.txt`` documents and their JSON twins ``json/*.json`` (canada,
  citm_catalog, twitter), and ``small_records`` (one literal / JSON object
  per line, timed per line);
* checks that every parser gives the same Python value (type-exact, so
  ``1 != True`` and ``(1,) != [1]`` here): safelit against
  ``ast.literal_eval`` on the ``.py.txt`` text, and ``json.loads`` /
  ``orjson.loads`` of the twin against ``ast.literal_eval`` of the ``.py.txt``;
* times ``marshal.loads`` of the same values beside them: about the least
  work that builds those Python objects, so ``ast ÷ marshal`` is about the
  best ratio to ``ast.literal_eval`` that any parser could reach;
* times them in interleaved rounds (each round runs every parser once on
  every document, in a rotating order, so machine noise hits all alike) and
  prints the median per document with ratios;
* measures the peak memory growth of one parse of each document by each
  parser, each in a fresh child process (so one parser's freed memory does
  not hide another's) after one warm-up call on a small literal (so the
  page faults of loading a parser's code are not counted): Python-heap
  peak by ``tracemalloc`` and the growth of the process's peak RSS
  (``ru_maxrss``, which also sees memory allocated outside Python's
  allocator, e.g. by Rust).

safelit columns are skipped, with a message, when ``import safelit`` fails;
orjson likewise. Nothing here builds the package.
"""

from __future__ import annotations

import argparse
import ast
import gc
import json
import marshal
import math
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Optional

DOCS = [
    # name, .py.txt, JSON twin, per line
    ("canada", "py/canada.py.txt", "json/canada.json", False),
    ("citm_catalog", "py/citm_catalog.py.txt", "json/citm_catalog.json", False),
    ("twitter", "py/twitter.py.txt", "json/twitter.json", False),
    ("mixed", "py/mixed.py.txt", None, False),
    ("small_records", "py/small_records.txt", "json/small_records.jsonl", True),
]


def try_import(name: str) -> Optional[Any]:
    try:
        return __import__(name)
    except ImportError as exc:
        print(f"note: {name} is not installed ({exc}); its columns are skipped", file=sys.stderr)
        return None


def parsers() -> dict[str, tuple[Callable[[Any], Any], str]]:
    """name -> (function, which input it reads: 'py' or 'json')."""
    found: dict[str, tuple[Callable[[Any], Any], str]] = {
        "ast.literal_eval": (ast.literal_eval, "py"),
    }
    safelit = try_import("safelit")
    if safelit is not None:
        found["safelit"] = (safelit.literal_eval, "py")
    found["json.loads"] = (json.loads, "json")
    orjson = try_import("orjson")
    if orjson is not None:
        found["orjson.loads"] = (orjson.loads, "json")
    # Not a parser: unmarshalling the same value from CPython's own binary
    # format is about the least work that builds those objects, a floor for
    # a parser's time (so `ast ÷ marshal` is about the best `ast ÷ parser`).
    found["marshal.loads"] = (marshal.loads, "marshal")
    return found


def strict_equal(a: Any, b: Any) -> bool:
    """Type-exact equality (NaN equals NaN, -0.0 differs from 0.0)."""
    stack = [(a, b)]
    while stack:
        x, y = stack.pop()
        if type(x) is not type(y):
            return False
        if isinstance(x, (list, tuple)):
            if len(x) != len(y):
                return False
            stack.extend(zip(x, y))
        elif isinstance(x, dict):
            if len(x) != len(y) or list(map(type, x)) != list(map(type, y)):
                return False
            for (kx, vx), (ky, vy) in zip(x.items(), y.items()):
                stack.append((kx, ky))
                stack.append((vx, vy))
        elif isinstance(x, float):
            if not (x == y and math.copysign(1, x) == math.copysign(1, y)) and not (
                math.isnan(x) and math.isnan(y)
            ):
                return False
        elif isinstance(x, complex):
            stack.append((x.real, y.real))
            stack.append((x.imag, y.imag))
        elif x != y:
            return False
    return True


def load_docs(corpus: Path) -> list[dict[str, Any]]:
    docs = []
    for name, py, js, per_line in DOCS:
        py_path = corpus / py
        if not py_path.exists():
            print(f"note: {py_path} missing; {name} skipped", file=sys.stderr)
            continue
        text = py_path.read_text(encoding="utf-8")
        twin = (corpus / js).read_text(encoding="utf-8") if js and (corpus / js).exists() else None
        if per_line:
            py_inputs = text.splitlines()
            json_inputs = twin.splitlines() if twin is not None else None
        else:
            py_inputs = [text]
            json_inputs = [twin] if twin is not None else None
        expected = [ast.literal_eval(s) for s in py_inputs]
        docs.append(
            {
                "name": name,
                "per_line": per_line,
                "py": py_inputs,
                "json": json_inputs,
                "expected": expected,
                "marshal": [marshal.dumps(v) for v in expected],
                "py_bytes": len(text.encode("utf-8")),
                "json_bytes": len(twin.encode("utf-8")) if twin is not None else None,
            }
        )
    return docs


def check_values(docs: list[dict[str, Any]], found: dict[str, tuple[Callable, str]]) -> None:
    for doc in docs:
        expected = doc["expected"]
        for name, (fn, kind) in found.items():
            inputs = doc[kind]
            if inputs is None or name == "ast.literal_eval":
                continue
            got = [fn(s) for s in inputs]
            if len(got) != len(expected) or not all(map(strict_equal, got, expected)):
                raise SystemExit(f"{name} gives a different value than ast.literal_eval on {doc['name']}")
        print(f"checked: every parser gives ast.literal_eval's value on {doc['name']}", file=sys.stderr)


def time_once(fn: Callable[[Any], Any], inputs: list[Any]) -> float:
    gc.collect()
    start = time.perf_counter()
    for s in inputs:
        fn(s)
    return time.perf_counter() - start


def run_timing(docs, found, rounds: int) -> dict[tuple[str, str], list[float]]:
    times: dict[tuple[str, str], list[float]] = {}
    jobs = [
        (doc, name, fn, doc[kind])
        for doc in docs
        for name, (fn, kind) in found.items()
        if doc[kind] is not None
    ]
    # ast.literal_eval is ~100x slower than the rest: fewer rounds for it.
    slow_rounds = max(3, rounds // 4)
    for r in range(rounds):
        shift = r % len(jobs)
        for doc, name, fn, inputs in jobs[shift:] + jobs[:shift]:
            if name == "ast.literal_eval" and r >= slow_rounds:
                continue
            times.setdefault((doc["name"], name), []).append(time_once(fn, inputs))
        print(f"round {r + 1}/{rounds} done", file=sys.stderr)
    return times


MEMORY_CHILD = "--memory-child"


def _status_kib(field: str) -> Optional[int]:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_peak_rss() -> bool:
    """Resets the peak RSS (VmHWM) to the current RSS (Linux ≥ 4.0)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


#: Small documents of each kind with every sort of value the corpus has.
WARM_UP_PY = "{'a': [1, -2.5, 'x\\n\\u00e9', None, True, 'é😀', 12345678901234567890], 'b': {}}"
WARM_UP_JSON = '{"a": [1, -2.5, "x\\n\\u00e9", null, true, "é😀", 12345678901234567890], "b": {}}'


def memory_child(parser_name: str, doc_name: str, corpus: Path) -> None:
    """Prints `tracemalloc_peak rss_growth` (bytes) for one parse."""
    import tracemalloc

    fn, kind = parsers()[parser_name]
    _, py, js, per_line = next(d for d in DOCS if d[0] == doc_name)
    text = (corpus / (py if kind == "py" else js)).read_text(encoding="utf-8")
    inputs = text.splitlines() if per_line else [text]
    # One call on a small literal first, so that loading the parser's code
    # (page faults on its first run, about 0.4-0.6 MB for safelit's
    # extension) is not counted as memory the document needed.
    fn(WARM_UP_PY if kind == "py" else WARM_UP_JSON)
    gc.collect()
    # Peak RSS growth first (tracemalloc itself costs memory): the peak
    # resident size during the parse (results kept) minus the size before.
    if _reset_peak_rss() and _status_kib("VmHWM") is not None:
        before = _status_kib("VmRSS") or 0
        results = [fn(s) for s in inputs]
        rss_growth = ((_status_kib("VmHWM") or 0) - before) * 1024
    else:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        results = [fn(s) for s in inputs]
        rss_growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024
    del results
    gc.collect()
    tracemalloc.start()
    results = [fn(s) for s in inputs]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del results
    print(peak, max(rss_growth, 0))


def run_memory(docs, found, corpus: Path) -> dict[tuple[str, str], tuple[int, int]]:
    out = {}
    for doc in docs:
        for name, (_, kind) in found.items():
            if doc[kind] is None or kind == "marshal":
                continue
            proc = subprocess.run(
                [sys.executable, __file__, MEMORY_CHILD, name, doc["name"], "--corpus", str(corpus)],
                capture_output=True,
                text=True,
                check=False,
            )
            if proc.returncode != 0:
                print(f"memory of {name} on {doc['name']} failed: {proc.stderr.strip()}", file=sys.stderr)
                continue
            peak, rss = proc.stdout.split()
            out[(doc["name"], name)] = (int(peak), int(rss))
    return out


def fmt_time(seconds: float, per_line: bool, lines: int) -> str:
    if per_line:
        return f"{seconds / lines * 1e6:.2f} µs/line"
    return f"{seconds * 1e3:.2f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path(os.environ.get("SAFELIT_CORPUS", "../shared/corpus")))
    ap.add_argument("--rounds", type=int, default=12)
    ap.add_argument("--no-memory", action="store_true")
    if len(sys.argv) > 1 and sys.argv[1] == MEMORY_CHILD:
        rest = ap.parse_args(sys.argv[4:])
        memory_child(sys.argv[2], sys.argv[3], rest.corpus)
        return
    args = ap.parse_args()
    if not (args.corpus / "py").is_dir():
        raise SystemExit(f"corpus not found at {args.corpus} (use --corpus or SAFELIT_CORPUS)")

    found = parsers()
    docs = load_docs(args.corpus)
    check_values(docs, found)
    times = run_timing(docs, found, args.rounds)
    memory = {} if args.no_memory else run_memory(docs, found, args.corpus)

    print(f"\nPython {sys.version.split()[0]} on {os.uname().machine}, {os.cpu_count()} CPUs; "
          f"median of {args.rounds} interleaved rounds ({max(3, args.rounds // 4)} for ast.literal_eval)\n")
    names = list(found)
    header = ["document"] + names
    if "safelit" in found:
        header += ["ast ÷ safelit", "safelit ÷ json", "safelit ÷ orjson" if "orjson.loads" in found else None]
    header += ["ast ÷ marshal"]
    header = [h for h in header if h]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for doc in docs:
        lines = len(doc["py"])
        med = {n: statistics.median(times[(doc["name"], n)]) for n in names if (doc["name"], n) in times}
        row = [doc["name"] + (" (per line)" if doc["per_line"] else "")]
        row += [fmt_time(med[n], doc["per_line"], lines) if n in med else "–" for n in names]
        if "safelit" in found:
            s = med["safelit"]
            row.append(f"{med['ast.literal_eval'] / s:.1f}×")
            row.append(f"{s / med['json.loads']:.2f}×" if "json.loads" in med else "–")
            if "orjson.loads" in found:
                row.append(f"{s / med['orjson.loads']:.2f}×" if "orjson.loads" in med else "–")
        row.append(f"{med['ast.literal_eval'] / med['marshal.loads']:.1f}×")
        print("| " + " | ".join(row) + " |")

    if memory:
        print("\nPeak memory growth of one parse (Python heap by tracemalloc / process peak RSS), "
              "and as a multiple of the input size\n")
        measured = [n for n in names if found[n][1] != "marshal"]
        print("| document | " + " | ".join(measured) + " |")
        print("|" + "---|" * (len(measured) + 1))
        for doc in docs:
            row = [doc["name"]]
            for n in measured:
                kind = found[n][1]
                size = doc["py_bytes"] if kind == "py" else doc["json_bytes"]
                if (doc["name"], n) not in memory or not size:
                    row.append("–")
                    continue
                peak, rss = memory[(doc["name"], n)]
                row.append(f"{peak / 1e6:.1f} / {rss / 1e6:.1f} MB ({peak / size:.1f}× / {rss / size:.1f}×)")
            print("| " + " | ".join(row) + " |")
        if "safelit" in found:
            print("\nsafelit's Rust-side allocations are not seen by tracemalloc; the RSS column sees them.")


if __name__ == "__main__":
    main()
