"""Valid Python expressions that are not literals (ValueError naming the
rejected node), including every operator, call and lambda form, comprehensions,
await/yield, walrus, starred, and the set()/frozenset() variants."""

import itertools

from ._util import Cases

BINOPS = ["+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^"]
CMPOPS = ["<", ">", "==", ">=", "<=", "!=", "in", "not in", "is", "is not"]
LAMBDA_PARAMS = [
    "", "x", "x,", "x, y", "x=1", "x, y=1", "*args", "*args,", "**kw", "**kw,",
    "*, x", "*, x=1", "x, /", "x, /,", "x, /, y", "x=1, /, y=2", "x, /, *, y",
    "x, /, y, *args, z, **kw", "*args, **kw", "x, *args, y=1, **kw", "x=1, *, y",
    "x=(1, 2)", "x=lambda: 1", "x=[]",
]


def cases():
    c = Cases()
    # names
    c("x", "_", "__", "None_", "true", "false", "none", "null", "nan", "inf", "NaN",
      "Infinity", "Ellipsis", "__debug__", "NotImplemented", "set", "dict", "frozenset",
      "print", "self", "match", "case", "type", "_x", "x1", "x_y", "async_", "TRUE")
    # attributes and subscripts
    c("x.y", "x.y.z", "1 .real", "1.0.real", "1j.imag", "(1).real", "'a'.upper",
      "'abc'[0]", "[1][0]", "x[0]", "x[1:2]", "x[:]", "x[::]", "x[1:2:3]", "x[::2]",
      "x[1:]", "x[:2]", "x[a, b]", "x[1:2, 3]", "x[...]", "x[()]", "x[*a]", "x[*a, b]",
      "x[a:=1]", "x[(a:=1)]", "x.y[0].z", "x[0][1][2]", "().x", "[].x", "{}.x",
      "None.x", "True.real", "...[0]", "b'a'[0]", "x.__class__", "x .y", "x. y",
      "x\n.y", "(x\n.y)", "x.1", "x.[0]", "x[]", "x[0", "x.", ".x")
    # calls with every argument form
    c("f()", "f(1)", "f(1, 2)", "f(x=1)", "f(1, x=1)", "f(*a)", "f(**k)",
      "f(*a, **k)", "f(1, *a, x=1, **k)", "f(*a, *b)", "f(**a, **b)", "f(x=1, *a)",
      "f(x for x in y)", "f((x for x in y))", "f(x for x in y, 1)", "f(1, x for x in y)",
      "f(a=1, a=2)", "f(x=1, 2)", "f(**k, *a)", "f(**k, 1)", "f(1,)", "f(,)",
      "f(x=)", "f(=1)", "f(1=1)", "f(x.y=1)", "f(x()=1)", "f(True=1)", "f(None=1)",
      "f(__debug__=1)", "f(a:=1)", "f(a=b:=1)", "f(lambda: 1)", "f(lambda x: x)",
      "f()()", "f(1)(2)", "f().x", "f()[0]", "x.f()", "x.f(1)", "'a'.join([])",
      "print(1)", "int('1')", "float('nan')", "float('inf')", "complex(1, 2)",
      "tuple()", "list()", "dict()", "dict(a=1)", "bytes()", "str()", "range(3)",
      "__import__('os')", "eval('1')", "exec('1')", "open('f')", "getattr(x, 'y')",
      "type(1)", "object()", "len([])", "f(\n1,\n2\n)", "f (1)", "f\n(1)", "(f\n(1))")
    # set() variants
    c("set()", "set( )", "set(\n)", "(set)()", "((set))()", "set ()", "set\t()",
      "(set\n)()", "set(*())", "set(**{})", "set([])", "set(())", "set({})",
      "set(set())", "set([1])", "set((1,))", "set(x=1)", "set(*[])", "set(1)",
      "set()()", "set().x", "set()[0]", "set.x()", "x.set()", "set()+set()",
      "-set()", "not set()", "frozenset()", "frozenset([])", "frozenset({1})",
      "dict()", "list()", "tuple()", "Set()", "SET()", "set_()", "sets()",
      "set(", "set)", "set(,)", "set(1,)", "set((1))", "set(x for x in ())",
      "[set(), set()]", "{set(): 1}", "{1: set()}", "{set()}", "(set(),)",
      "set() if 1 else 2", "set(lambda: 1)", "set(*a)", "set(**a)")
    # lambdas with every parameter form
    for p in LAMBDA_PARAMS:
        c("lambda " + p + ": 0" if p else "lambda: 0")
    c("lambda: (yield)", "lambda: lambda: 1", "(lambda: 1)()", "lambda x: x, 1",
      "[lambda: 1]", "{1: lambda: 1}", "lambda *, x: x", "lambda: *x")
    # comprehensions of all kinds
    c("[x for x in y]", "(x for x in y)", "{x for x in y}", "{x: x for x in y}",
      "[x for x in y if x]", "[x for x in y if x if z]", "[x for x in y for z in w]",
      "[x for x, y in z]", "[x for (x, y) in z]", "[x for [x, y] in z]",
      "[x for x in y for y in z if x if y]", "[x async for x in y]",
      "(x async for x in y)", "{x async for x in y}", "{x: 1 async for x in y}",
      "[await x for x in y]", "[x for x in await y]", "[(yield) for x in y]",
      "[x := 1 for x in y]", "[(a := x) for x in y]", "[x for x in (a := y)]",
      "[i for i in ()]", "(i for i in ())", "{i for i in ()}", "{i: i for i in ()}",
      "[[x for x in y] for y in z]", "{**x for x in y}", "[*x for x in y]",
      "{*x for x in y}", "(*x for x in y)", "[x for x in *y]", "[x for *x in y]",
      "[x for x.y in z]", "[x for x[0] in z]", "[x for f() in z]", "[x for 1 in z]",
      "[x for x in]", "[x for in y]", "[for x in y]", "[x for x]", "[x if x in y]",
      "[x for x in y if]", "[x for x in y else z]", "[x, y for x in z]",
      "{x: y for x, y in z.items()}", "(x for x in y)[0]", "x for x in y")
    # await / yield / walrus / starred
    c("await x", "await", "(await x)", "[await x]", "await await x", "-await x",
      "await x + 1", "(yield)", "(yield 1)", "(yield from x)", "(yield x, y)",
      "[(yield)]", "yield", "yield 1", "yield from x", "(yield from)",
      "((yield))", "(yield) + 1", "(x := 1)", "x := 1", "(x := 1, 2)", "[x := 1]",
      "[(x := 1)]", "{x := 1}", "{(x := 1)}", "{1: (x := 1)}", "{(x := 1): 1}",
      "(x.y := 1)", "(x[0] := 1)", "((x) := 1)", "(1 := 1)", "(x := y := 1)",
      "(x := (y := 1))", "(*x,)", "[*x]", "{*x}", "{**x}", "*x", "**x", "(*x)",
      "[*[1]]", "{*[1]}", "[*[1], *[2]]", "(*x, *y)", "[*x, *y]", "{*()}",
      "[1, *[]]", "(1, *())")
    # conditional, boolean, comparison chains
    c("1 if 2 else 3", "1 if 2 else 3 if 4 else 5", "(1 if 2 else 3)", "x if y else z",
      "1 and 2", "1 or 2", "1 and 2 or 3", "not 1", "not not 1", "1 and not 2",
      "True and False", "None or 1", "'' or ''", "[] or [1]", "1 and 2 and 3",
      "1 or 2 or 3", "(1 and 2)", "[1 and 2]", "{'key': '' or ''}")
    for op in CMPOPS:
        c("1 %s 2" % op, "1 %s 2 %s 3" % (op, op))
    c("1 < 2 < 3 < 4", "1 < 2 > 3 == 4 != 5", "1 not in 2 is not 3", "x is None",
      "x is not None", "1 <> 2", "1 === 2", "1 !== 2", "1 => 2", "1 =< 2", "1 = 2",
      "1 == = 2", "1 is not not 2", "1 not is 2", "1 in not 2", "not in 1", "is 1")
    # every binary operator
    for op in BINOPS:
        c("1 %s 2" % op, "x %s y" % op, "'a' %s 1" % op, "1 %s" % op)
    for a, b in itertools.product(["+", "*", "**"], repeat=2):
        c("1 %s 2 %s 3" % (a, b))
    c("'%s' % 1", "'%d' % (1,)", "[1] * 2", "(1,) + (2,)", "'a' + 'b'", "b'a' * 2",
      "1 + 2", "1.0 + 2.0", "2 ** 3", "-2 ** 2", "(-2) ** 2", "2 ** -1", "1 / 0",
      "1 // 0", "1 % 0", "10 ** 10 ** 10", "1 << 10000", "~1", "~0", "-~1",
      "1 + +1", "1 - -1", "1 +- 1", "1 -+ 1j", "1 + (2)", "(1) + 2", "x += 1",
      "x = 1", "x -= 1", "x **= 2", "x //= 2", "x @= 2", "x ^= 2", "x |= 2",
      "x &= 2", "x <<= 2", "x >>= 2", "x %= 2", "x /= 2", "x *= 2")
    # misc valid expressions
    c("...", "Ellipsis", "(...)", "[...]", "{...: ...}", "... + 1", "... ...",
      "(1, 2)[x]", "[1, 2][1:]", "{1: 2}.get(1)", "{}.keys()", "{1, 2}.pop()",
      "'a' 'b'.upper()", "'a'.__class__", "type('a')", "globals()", "locals()",
      "vars()", "dir()", "__builtins__", "__name__", "__file__")
    return c.build()
