#!/usr/bin/env python3
"""Generate the literal_eval conformance table from the running CPython.

Usage::

    python3 scripts/gen_cases.py            # write tests/data/cases-<major>.<minor>.jsonl
    python3 scripts/gen_cases.py --check    # regenerate in memory, fail if the file differs
    python3 scripts/gen_cases.py --stdout   # print the records instead of writing
    python3 scripts/gen_cases.py --group numbers --group complex   # only some groups (debug;
                                                                   # implies --stdout)

Run it once per oracle interpreter, e.g.::

    python3 scripts/gen_cases.py                                  # 3.11.7
    $(pyenv root)/versions/3.12.1/bin/python3 scripts/gen_cases.py
    $(pyenv root)/versions/3.13.0/bin/python3 scripts/gen_cases.py

Cases come from the modules in ``scripts/cases/`` (one group per module, in
``GROUP_ORDER``; modules starting with ``_`` are helpers).  An input listed by
several groups is emitted once, under the first group.  Every input is run
through the real ``ast.literal_eval`` and through a replica of its
``_convert`` (``Replica`` below) that records which node was blamed for a
``ValueError`` and in which order set elements were inserted.  The replica's
outcome is asserted to agree with the real one, so a drift between the replica
and CPython stops the generator.

Output: one JSON object per line, keys sorted, ``ensure_ascii=True``; the
format is described in ``tests/data/README.md``.  The output is deterministic
(no addresses, no set iteration order, no timing), so ``--check`` can compare
byte for byte.
"""

import argparse
import ast
import importlib
import json
import math
import os
import platform
import re
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, "tests", "data")

ADDR_RE = re.compile(r" at 0x[0-9a-fA-F]+>")
MALFORMED_RE = re.compile(
    r"^malformed node or string(?: on line (\d+))?: <ast\.(\w+) object>$")


def normalise_msg(msg):
    return ADDR_RE.sub(">", msg)


# ---------------------------------------------------------------------------
# Case loading

# Group order of the output.  An input listed by several groups is emitted
# once, under the first group in this order (spec first, mined CPython test
# inputs last).
GROUP_ORDER = [
    "spec", "whitespace", "comments", "indentation", "strings", "escapes",
    "names_escape", "bytes", "concat", "fstrings", "numbers", "int_limit",
    "complex", "unary", "containers", "dict_set_semantics", "hashing",
    "nonliterals", "syntax_errors", "nesting", "operator_chains", "positions",
    "unicode", "reprs", "cpython_tests",
]


def load_groups(only=None):
    found = sorted(
        fn[:-3] for fn in os.listdir(os.path.join(HERE, "cases"))
        if fn.endswith(".py") and not fn.startswith("_"))
    assert sorted(GROUP_ORDER) == found, (
        "scripts/cases modules and GROUP_ORDER differ: %s"
        % sorted(set(found) ^ set(GROUP_ORDER)))
    sys.path.insert(0, HERE)
    try:
        groups = []
        for name in GROUP_ORDER:
            mod = importlib.import_module("cases." + name)
            if hasattr(mod, "cases"):
                items = mod.cases()
            else:
                items = mod.CASES
            groups.append((name, list(items)))
    finally:
        sys.path.remove(HERE)
    seen = set()
    result = []
    for name, items in groups:
        kept = []
        for case_name, inp in items:
            if inp in seen:
                continue
            seen.add(inp)
            kept.append((case_name, inp))
        if not only or name in only:
            result.append((name, kept))
    return result


def check_input(gid, inp):
    assert isinstance(inp, str), gid
    try:
        inp.encode("utf-8")
    except UnicodeEncodeError:
        raise AssertionError("%s: input contains a lone surrogate" % gid)
    assert len(inp.encode("utf-8")) <= 24000, "%s: input too large (%d)" % (
        gid, len(inp))


# ---------------------------------------------------------------------------
# Replica of ast.literal_eval's _convert (Lib/ast.py, identical in 3.11-3.13)

class Malformed(Exception):
    """Raised by the replica instead of ValueError so the blamed node is kept."""

    def __init__(self, node, after=None):
        self.node = node
        self.after = after      # for node None (``**`` in a dict): the value node

    def message(self):
        msg = "malformed node or string"
        lno = getattr(self.node, "lineno", None)
        if lno:
            msg += f" on line {lno}"
        if isinstance(self.node, ast.AST):
            return msg + f": <ast.{type(self.node).__name__} object>"
        return msg + f": {self.node!r}"


class Replica:
    """Faithful re-implementation of literal_eval's _convert.

    Differences are only in bookkeeping: ``self.set_order[id(s)]`` lists the
    element objects of set ``s`` in insertion order (first equal element
    kept), and a ValueError is raised as ``Malformed`` carrying the node.
    Evaluation order (and therefore which error wins) is exactly the one of
    ``tuple(map(...))``, ``set(map(...))`` and ``dict(zip(map(...), map(...)))``.
    """

    def __init__(self):
        self.set_order = {}
        self._keep = []        # keep sets alive so id() stays unique

    def convert_num(self, node):
        if not isinstance(node, ast.Constant) or type(node.value) not in (
                int, float, complex):
            raise Malformed(node)
        return node.value

    def convert_signed_num(self, node):
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.UAdd, ast.USub)):
            operand = self.convert_num(node.operand)
            if isinstance(node.op, ast.UAdd):
                return + operand
            else:
                return - operand
        return self.convert_num(node)

    def new_set(self):
        s = set()
        self.set_order[id(s)] = []
        self._keep.append(s)
        return s

    def convert(self, node, dict_ctx=None):
        if node is None:
            # only reachable as the key of ``**x`` in a dict display
            raise Malformed(None, dict_ctx)
        if isinstance(node, ast.Constant):
            return node.value
        elif isinstance(node, ast.Tuple):
            return tuple([self.convert(e) for e in node.elts])
        elif isinstance(node, ast.List):
            return [self.convert(e) for e in node.elts]
        elif isinstance(node, ast.Set):
            s = self.new_set()
            order = self.set_order[id(s)]
            for e in node.elts:
                v = self.convert(e)
                if v not in s:          # raises TypeError exactly like set.add
                    order.append(v)
                s.add(v)
            return s
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and
              node.func.id == 'set' and node.args == node.keywords == []):
            return self.new_set()
        elif isinstance(node, ast.Dict):
            if len(node.keys) != len(node.values):
                raise Malformed(node)
            d = {}
            for k, v in zip(node.keys, node.values):
                ck = self.convert(k, dict_ctx=v)
                cv = self.convert(v)
                d[ck] = cv
            return d
        elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
            left = self.convert_signed_num(node.left)
            right = self.convert_num(node.right)
            if isinstance(left, (int, float)) and isinstance(right, complex):
                if isinstance(node.op, ast.Add):
                    return left + right
                else:
                    return left - right
        return self.convert_signed_num(node)


# ---------------------------------------------------------------------------
# Canonical repr and strict comparison

def crepr(v, set_order=None):
    """repr(v), except sets list their elements in ``set_order[id(s)]`` order
    (or iteration order when ``set_order`` is None, which must equal repr)."""
    t = type(v)
    if t is list:
        return "[" + ", ".join(crepr(x, set_order) for x in v) + "]"
    if t is tuple:
        if len(v) == 1:
            return "(" + crepr(v[0], set_order) + ",)"
        return "(" + ", ".join(crepr(x, set_order) for x in v) + ")"
    if t is dict:
        return "{" + ", ".join(
            crepr(k, set_order) + ": " + crepr(x, set_order)
            for k, x in v.items()) + "}"
    if t is set:
        elems = list(v) if set_order is None else set_order[id(v)]
        assert len(elems) == len(v)
        if not elems:
            return "set()"
        return "{" + ", ".join(crepr(x, set_order) for x in elems) + "}"
    assert t in (int, float, complex, str, bytes, bool, type(None),
                 type(Ellipsis)), t
    return repr(v)


def _fkey(x):
    return (x, math.copysign(1.0, x))


def skey(v):
    """Strict, hashable, type-aware key of a hashable literal value."""
    t = type(v)
    if t is float:
        return ("float",) + _fkey(v)
    if t is complex:
        return ("complex",) + _fkey(v.real) + _fkey(v.imag)
    if t is tuple:
        return ("tuple", tuple(skey(x) for x in v))
    return (t.__name__, v)


def strict_eq(a, b):
    if type(a) is not type(b):
        return False
    t = type(a)
    if t in (list, tuple):
        return len(a) == len(b) and all(strict_eq(x, y) for x, y in zip(a, b))
    if t is dict:
        ia, ib = list(a.items()), list(b.items())
        return len(ia) == len(ib) and all(
            strict_eq(ka, kb) and strict_eq(va, vb)
            for (ka, va), (kb, vb) in zip(ia, ib))
    if t is set:
        return len(a) == len(b) and {skey(x) for x in a} == {skey(x) for x in b}
    if t is float:
        return _fkey(a) == _fkey(b)
    if t is complex:
        return _fkey(a.real) == _fkey(b.real) and _fkey(a.imag) == _fkey(b.imag)
    return a == b


def unlimited_repr(fn):
    """Run fn() with the int->str digit limit disabled (printing only)."""
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return fn()
    finally:
        sys.set_int_max_str_digits(old)


def node_pos(node):
    return {
        "type": type(node).__name__,
        "lineno": node.lineno,
        "col_offset": node.col_offset,
        "end_lineno": node.end_lineno,
        "end_col_offset": node.end_col_offset,
    }


# ---------------------------------------------------------------------------
# Running one case

LIMIT_ERRORS = (MemoryError, RecursionError)


def real_call(inp):
    """ast.literal_eval(inp) with all warnings recorded."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = ast.literal_eval(inp)
            exc = None
        except Exception as e:   # noqa: BLE001 - we record every class
            value = None
            exc = e
    ws = [{"category": w.category.__name__, "message": str(w.message),
           "lineno": w.lineno} for w in caught]
    return value, exc, ws


def quiet_parse(src):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return ast.parse(src, mode="eval"), None
        except Exception as e:   # noqa: BLE001
            return None, e


def syntax_fields(e):
    return {
        "msg": e.msg,
        "lineno": e.lineno,
        "offset": e.offset,
        "end_lineno": e.end_lineno,
        "end_offset": e.end_offset,
        "text": e.text,
    }


def run_case(gid, inp):
    stripped = inp.lstrip(" \t")
    rec = {
        "id": gid,
        "group": gid.split("/", 1)[0],
        "input": inp,
        "python": platform.python_version(),
        "strip": len(inp) - len(stripped),
    }
    # Sanity: literal_eval must see the default digit limit.
    assert sys.get_int_max_str_digits() == DEFAULT_DIGITS
    value, exc, ws = real_call(inp)
    rec["warnings"] = ws

    tree, perr = quiet_parse(stripped)
    if perr is not None:
        # The parser stage failed: literal_eval must have failed the same way.
        # (RecursionError/MemoryError thresholds depend on the stack depth, and
        # literal_eval calls the parser one frame deeper than quiet_parse, so
        # near a threshold the two may legitimately disagree on the class.)
        assert exc is not None, (gid, perr)
        if not isinstance(exc, LIMIT_ERRORS) and not isinstance(perr, LIMIT_ERRORS):
            assert type(exc) is type(perr), (gid, exc, perr)
            assert str(exc) == str(perr), (gid, exc, perr)
    else:
        rep = Replica()
        try:
            rvalue = rep.convert(tree.body)
            rexc = None
        except Exception as e:   # noqa: BLE001
            rvalue = None
            rexc = e
        if exc is None:
            assert rexc is None, (gid, rexc)
            assert strict_eq(value, rvalue), (gid, value, rvalue)
            # our container printer must agree with repr() on the real value
            assert unlimited_repr(lambda: crepr(value) == repr(value)), gid
            rec["outcome"] = "value"
            rec["repr"] = unlimited_repr(lambda: crepr(rvalue, rep.set_order))
            rec["type"] = type(value).__name__
            return rec
        if isinstance(exc, LIMIT_ERRORS) and not isinstance(rexc, LIMIT_ERRORS):
            pass    # parser limit reached only at literal_eval's (deeper) stack depth
        elif isinstance(rexc, Malformed):
            assert type(exc) is ValueError, (gid, exc, rexc)
            real_msg = normalise_msg(str(exc))
            assert real_msg == rexc.message(), (gid, real_msg, rexc.message())
            if rexc.node is not None:
                m = MALFORMED_RE.match(real_msg)
                assert m and m.group(2) == type(rexc.node).__name__, (gid, real_msg)
                assert int(m.group(1)) == rexc.node.lineno, (gid, real_msg)
                rec["node"] = node_pos(rexc.node)
            else:
                assert real_msg == "malformed node or string: None", (gid, real_msg)
                rec["node"] = None
                rec["node_after"] = node_pos(rexc.after)
        else:
            assert rexc is not None, (gid, exc)
            assert type(exc) is type(rexc), (gid, exc, rexc)
            assert str(exc) == str(rexc), (gid, exc, rexc)

    assert exc is not None
    rec["outcome"] = "error"
    rec["exc"] = type(exc).__name__
    if isinstance(exc, SyntaxError):
        rec.update(syntax_fields(exc))
    else:
        rec["msg"] = normalise_msg(str(exc))
    return rec


# ---------------------------------------------------------------------------

def generate(only=None):
    lines = []
    ids = set()
    for group, items in load_groups(only):
        for name, inp in items:
            gid = "%s/%s" % (group, name)
            assert gid not in ids, "duplicate id %r" % gid
            ids.add(gid)
            check_input(gid, inp)
            rec = run_case(gid, inp)
            line = json.dumps(rec, ensure_ascii=True, sort_keys=True)
            # Every string in the record must be valid UTF-8 (serde_json, &str).
            assert _pairs_ok(rec), gid
            lines.append(line)
    return "".join(line + "\n" for line in lines)


def _pairs_ok(rec):
    def ok(x):
        if isinstance(x, str):
            try:
                x.encode("utf-8")
            except UnicodeEncodeError:
                return False
            return True
        if isinstance(x, dict):
            return all(ok(v) for v in x.values())
        if isinstance(x, list):
            return all(ok(v) for v in x)
        return True
    return ok(rec)


def out_path():
    return os.path.join(DATA, "cases-%d.%d.jsonl" % sys.version_info[:2])


DEFAULT_DIGITS = sys.get_int_max_str_digits()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="fail if the committed file differs from a fresh run")
    ap.add_argument("--stdout", action="store_true", help="print, do not write")
    ap.add_argument("--group", action="append",
                    help="only this group (repeatable; implies --stdout)")
    args = ap.parse_args(argv)
    assert DEFAULT_DIGITS == 4300, "run with the default int_max_str_digits"
    text = generate(args.group)
    if args.group or args.stdout:
        sys.stdout.write(text)
        return 0
    path = out_path()
    if args.check:
        try:
            with open(path, encoding="ascii") as f:
                old = f.read()
        except FileNotFoundError:
            print("%s: missing" % path, file=sys.stderr)
            return 1
        if old != text:
            old_l, new_l = old.splitlines(), text.splitlines()
            diff = [i for i, (a, b) in enumerate(zip(old_l, new_l)) if a != b]
            print("%s differs from a fresh run (%d vs %d lines; first differing "
                  "line %s)" % (path, len(old_l), len(new_l),
                                diff[0] + 1 if diff else min(len(old_l), len(new_l)) + 1),
                  file=sys.stderr)
            return 1
        print("%s: up to date (%d cases)" % (path, text.count("\n")))
        return 0
    os.makedirs(DATA, exist_ok=True)
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write(text)
    print("wrote %s (%d cases)" % (path, text.count("\n")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
