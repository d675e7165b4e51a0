#!/usr/bin/env python3
"""Instructions per parse of safelit.literal_eval and its peers, by callgrind.

Usage (from the repository root, with the package installed and valgrind on
the PATH)::

    python3 benches/python_instructions.py [--corpus DIR] [--lines N] [--docs a,b]

On a shared machine the wall-clock ratios of ``python_bench.py`` move with
the neighbours' load (``ast.literal_eval``'s few rounds most); instruction
counts do not. For every parser of ``python_bench.py`` and every document,
a child process of this script runs under ``valgrind --tool=callgrind`` with
collection off, parses the document once (the warm-up: the same string
objects are parsed again below, as in ``python_bench.py``'s rounds, so caches
such as the input's UTF-8 form and safelit's key cache are warm; skipped for
``ast.literal_eval``, whose one cache is that UTF-8 form, a few instructions
per byte next to its thousands), then parses it again through
``itertools.starmap``, and callgrind counts only the instructions spent inside
``starmap``'s ``__next__`` (``--toggle-collect=starmap_next``): the parser's
calls and nothing else, not even freeing their results, which are kept.
small_records is parsed line by line (its first ``--lines`` lines) and
reported per line.

Instructions are not time: cache misses and memory stalls cost nothing here,
so this complements ``python_bench.py`` rather than replacing it. The run
takes a few minutes, most of it ``ast.literal_eval`` under valgrind.
"""

from __future__ import annotations

import argparse
import ast
import itertools
import marshal
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import python_bench  # noqa: E402 - the parsers and documents of the timing script

CHILD = "--child"


def source_of(corpus: Path, doc: str, kind: str, marshal_dir: Path) -> Path | None:
    """The file `kind` of parser reads for `doc` (None if it has none)."""
    _, py, js, _ = next(d for d in python_bench.DOCS if d[0] == doc)
    if kind == "marshal":
        return marshal_dir / f"{doc}.marshal"
    name = py if kind == "py" else js
    path = corpus / name if name else None
    return path if path is not None and path.exists() else None


def inputs_of(corpus: Path, doc: str, kind: str, lines: int, marshal_dir: Path) -> list:
    """The inputs `kind` of parser reads for `doc` (None if it has none)."""
    path = source_of(corpus, doc, kind, marshal_dir)
    if path is None:
        return None
    if kind == "marshal":
        return marshal.loads(path.read_bytes())
    text = path.read_text(encoding="utf-8")
    per_line = next(d for d in python_bench.DOCS if d[0] == doc)[3]
    return text.splitlines()[:lines] if per_line else [text]


def child(parser: str, doc: str, corpus: Path, lines: int, marshal_dir: Path) -> None:
    fn, kind = python_bench.parsers()[parser]
    inputs = inputs_of(corpus, doc, kind, lines, marshal_dir)
    if kind != "marshal":
        fn(python_bench.WARM_UP_PY if kind == "py" else python_bench.WARM_UP_JSON)
    if parser != "ast.literal_eval":
        for s in inputs:
            fn(s)
    results = list(itertools.starmap(fn, [(s,) for s in inputs]))
    # Leave without freeing anything (nothing is counted here anyway).
    sys.stdout.flush()
    os._exit(0 if len(results) == len(inputs) else 1)


def count(parser: str, doc: str, corpus: Path, lines: int, marshal_dir: Path) -> int | None:
    cmd = [
        "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
        "--collect-atstart=no", "--toggle-collect=starmap_next",
        sys.executable, __file__, CHILD, parser, doc,
        "--corpus", str(corpus), "--lines", str(lines), "--marshal-dir", str(marshal_dir),
    ]
    env = dict(os.environ, PYTHONHASHSEED="0")
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    found = re.findall(r"Collected : (\d+)", proc.stderr)
    if proc.returncode != 0 or not found:
        print(f"{parser} on {doc} failed:\n{proc.stderr[-2000:]}", file=sys.stderr)
        return None
    return int(found[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path(os.environ.get("SAFELIT_CORPUS", "../shared/corpus")))
    ap.add_argument("--lines", type=int, default=2000, help="small_records lines (default 2000)")
    ap.add_argument("--docs", default=",".join(d[0] for d in python_bench.DOCS))
    ap.add_argument("--marshal-dir", type=Path)
    if len(sys.argv) > 3 and sys.argv[1] == CHILD:
        rest = ap.parse_args(sys.argv[4:])
        child(sys.argv[2], sys.argv[3], rest.corpus, rest.lines, rest.marshal_dir)
        return
    args = ap.parse_args()
    if not (args.corpus / "py").is_dir():
        raise SystemExit(f"corpus not found at {args.corpus} (use --corpus or SAFELIT_CORPUS)")
    found = python_bench.parsers()
    docs = [d for d in args.docs.split(",") if d]
    counts: dict[tuple[str, str], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        marshal_dir = Path(tmp)
        for doc in docs:
            # marshal.loads rebuilds ast.literal_eval's values (see python_bench.py).
            py_inputs = inputs_of(args.corpus, doc, "py", args.lines, marshal_dir)
            values = [ast.literal_eval(s) for s in py_inputs]
            (marshal_dir / f"{doc}.marshal").write_bytes(marshal.dumps([marshal.dumps(v) for v in values]))
            for name, (_, kind) in found.items():
                if source_of(args.corpus, doc, kind, marshal_dir) is None:
                    continue
                n = count(name, doc, args.corpus, args.lines, marshal_dir)
                if n is not None:
                    counts[(doc, name)] = n / len(py_inputs)
                print(f"{doc}: {name} done", file=sys.stderr)

    names = list(found)
    print(f"\nPython {sys.version.split()[0]}; instructions per parse (callgrind; small_records per line, "
          f"first {args.lines} lines)\n")
    ratios = [("ast ÷ safelit", "ast.literal_eval", "safelit"), ("safelit ÷ json", "safelit", "json.loads"),
              ("safelit ÷ orjson", "safelit", "orjson.loads"), ("ast ÷ marshal", "ast.literal_eval", "marshal.loads")]
    ratios = [r for r in ratios if r[1] in found and r[2] in found]
    header = ["document"] + names + [r[0] for r in ratios]
    print("| " + " | ".join(header) + " |")
    print("|---|" + "---:|" * (len(header) - 1))
    for doc in docs:
        row = [doc + (" (per line)" if doc == "small_records" else "")]
        for name in names:
            n = counts.get((doc, name))
            row.append("–" if n is None else (f"{n / 1e6:.1f} M" if n >= 1e6 else f"{n / 1e3:.1f} k"))
        for _, a, b in ratios:
            x, y = counts.get((doc, a)), counts.get((doc, b))
            row.append("–" if x is None or y is None else f"{x / y:.2f}×")
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
