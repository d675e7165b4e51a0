"""Helper (not a case group): extract input strings from CPython's test suite.

Used once to produce ``cpython_tests.py``; kept for provenance.  It collects
the first string argument of calls to eval/compile/ast.parse/literal_eval/
check_syntax_error/_check_error/check/... , the string lists passed to
``assertAllRaise`` and the ``>>>`` inputs of doctests (continuation lines
joined with newlines).  Inputs only: the generator computes the outcomes.

Usage (prints JSON ``{file name: [inputs]}``)::

    python3.13 scripts/cases/_mine_cpython_tests.py \\
        $(pyenv root)/versions/3.13.0/lib/python3.13/test/test_fstring.py ...

The lists in ``cpython_tests.py`` are the union of the 3.11.7 and 3.13.0
copies of test_ast, test_string_literals, test_grammar, test_fstring,
test_syntax, test_exceptions, test_eof, test_float and test_int (run with the
3.13 interpreter so that PEP 701 test files parse), minus inputs containing
lone surrogates or longer than 20000 characters, deduplicated in that order.
"""

import ast
import json
import sys

FUNCS = {'eval', 'compile', 'literal_eval', '_check_error', 'check',
         'check_syntax_error', 'assertAllRaise', 'parse', 'check_syntax_warning',
         'assertRaises', 'assertRaisesRegex', 'assertSyntaxError', '_check',
         'checkEqual'}


def strs_from_call(node):
    f = node.func
    name = f.attr if isinstance(f, ast.Attribute) else getattr(f, 'id', None)
    if name not in FUNCS:
        return []
    out = []
    args = node.args
    if name in ('assertRaises', 'assertRaisesRegex'):
        # assertRaises(Exc, eval, "..")
        if len(args) >= 3 and isinstance(args[1], (ast.Name, ast.Attribute)):
            fn = args[1].attr if isinstance(args[1], ast.Attribute) else args[1].id
            if fn in ('eval', 'literal_eval', 'compile', 'parse'):
                args = args[2:3] if name == 'assertRaises' else args[3:4]
            else:
                return []
        else:
            return []
    for a in args[:1] if name != 'assertAllRaise' else args[2:3]:
        if isinstance(a, ast.Constant) and isinstance(a.value, str):
            out.append(a.value)
        if isinstance(a, ast.Constant) and isinstance(a.value, bytes):
            try:
                out.append(a.value.decode('utf-8'))
            except UnicodeDecodeError:
                pass
        if isinstance(a, (ast.List, ast.Tuple)):
            for e in a.elts:
                if isinstance(e, ast.Constant) and isinstance(e.value, str):
                    out.append(e.value)
    return out


def doctest_inputs(text):
    out = []
    lines = text.split('\n')
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if line.startswith('>>> '):
            buf = [line[4:]]
            j = i + 1
            while j < len(lines) and lines[j].strip().startswith('...'):
                buf.append(lines[j].strip()[4:])
                j += 1
            out.append('\n'.join(buf))
            i = j
        else:
            i += 1
    return out


def main(paths):
    res = {}
    for path in paths:
        with open(path, encoding='utf-8') as f:
            tree = ast.parse(f.read())
        out = []
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                out += strs_from_call(node)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and '>>> ' in node.value):
                out += doctest_inputs(node.value)
        res[path.split('/')[-1]] = out
    json.dump(res, sys.stdout, indent=1)


if __name__ == '__main__':
    main(sys.argv[1:])
