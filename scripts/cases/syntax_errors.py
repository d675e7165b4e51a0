"""Invalid syntax, with emphasis on CPython's specialised messages: forgotten
commas, unclosed / mismatched / unmatched brackets, dict display errors,
missing 'else', invalid comprehension targets, keyword misuse, 'print 1',
invalid lambda parameters, starred and '**' misuse, assignment inside brackets,
statements in eval mode, stray characters."""

from ._util import Cases

KEYWORDS = ["False", "None", "True", "and", "as", "assert", "async", "await", "break",
            "class", "continue", "def", "del", "elif", "else", "except", "finally",
            "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
            "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
            "match", "case", "type", "_"]


def cases():
    c = Cases()
    # forgot a comma
    c("[1 2]", "(1 2)", "{1 2}", "{1: 2 3: 4}", "{1: 2, 3 4}", "[1, 2 3]", "(1, 2 3)",
      "[a b]", "[a b c d e f]", "['a' 'b' c]", "[1 'a']", "['a' 1]", "[1 x]",
      "[x 1]", "[1. 2]", "[1 .2]", "[(1) (2)]", "[[1] [2]]", "[{1} {2}]",
      "[1 -2]", "[1 +2j]", "[None None]", "[True False]", "[... ...]", "[1\n2]",
      "[1\n 2]", "(1\n2)", "{1\n2}", "[x\ny]", "[f(x) g(y)]", "[x.y z]",
      "[1 if 1 else 2 3]", "[lambda: 1 2]", "[1 for x in y 2]", "1 2", "x y",
      "'a' 1", "[1, 2 3, 4]", "f(a b)", "f(1 2)", "{1: 2 3}", "{1 2: 3}",
      "[(1, 2) (3, 4)]", "[[1, 2] [3, 4]]", "[1 [2]]", "[x [2]]", "[b'a' b'c' 1]")
    # never closed / mismatched / unmatched
    for o in "([{":
        c(o, o + "1", o + "1,", o + "1, 2", o + "\n", o + "\n1", "1, " + o,
          "[" + o + "1]", o + "1\n\n\n", o + "'a'", o + "# c", o + "1 2",
          o + "x for x in y", o + "\\\n")
    for o, cl in (("(", "]"), ("(", "}"), ("[", ")"), ("[", "}"), ("{", ")"),
                  ("{", "]")):
        c(o + cl, o + "1" + cl, o + "1,\n2" + cl, "[" + o + "1" + cl + "]",
          o + "\n" + cl, o + "1 2" + cl)
    for cl in ")]}":
        c(cl, "1" + cl, "1, 2" + cl, "[1]" + cl, "\n" + cl, cl + "1", "(1)" + cl + cl)
    c("((1)", "(1))", "[[1]", "[1]]", "{{1}", "{1}}", "([1)]", "[(1])", "{(1})",
      "((((1)))", "(((1))))", "[1, (2, 3]", "[1, (2, 3)", "(\n[\n{\n", "(\n[\n{\n)",
      "'(' ')'", "')'", "(')'", "(']')")
    # after a generic syntax error, a tokenizer error on a later (indented)
    # line replaces it
    c("1 2\n )", "1:\n 7.f", "1:\n\t\"x", "1\n 7.f", "1\n )", "1\n '''x",
      "1 2\n 0b2", "1 2\n 1_", "1 2\n 09", "1 2\n ]", "(1 2\n ]", "1 2\n\t'\\x'",
      "1 2\n €", "1 2\n 1\n  )", "1 2\n  )\n )", "1 if\n )", "1,,\n )",
      "1 2\n  #\n )", "1 2\n \\\n )", "1 2\n 1e", "1 2\n 0o8", "1 2\n \\x")
    # a string before a tokenizer error: the parser may fail on the string
    # first, or read on (its second pass too) and meet the tokenizer error
    for s in ("'a'", "'\\x'", "b'a' 'b'", "f'{x}'"):
        for e in ("\\x", "\\", "1_", "$"):
            for pre in ("", "x\n", "x ", "[1 ", "1 if "):
                c(pre + s + " " + e)
    # dictionary displays
    c("{1:2, 3:4, 5}", "{1:2, 3:4, 5:}", "{1: *12+1, 23: 1}", "{1: *12+1}",
      "{1: 23, 1: *12+1}", "{1:}", "{1} $", "{1: 2, 3: foo(,), 4: 5}", "{1: $, 2: 3}",
      "{1: 2, 3}", "{1, 2: 3}", "{1:2:3}", "{1: 2 3: 4}", "{1 2: 3}", "{:1}",
      "{1: 2,, 3: 4}", "{1: **x}", "{**x: 1}", "{*x: 1}", "{1: *x}", "{1: 2, *x}",
      "{*x, 1: 2}", "{**x, 1}", "{1, **x}", "{'a'=1}", "{'Alice'=22, 'Bob'=23}",
      "{a=1, b=2}", "{1 => 2}", "{1 -> 2}", "{1: 2 for}", "{x: for x in y}",
      "{:}", "{'a' 'b': 1}", "{'a': 'b' 'c'}", "{1: (2, 3}", "{1: [2, 3}",
      "{\n1: 2,\n3\n}", "{\n1: 2,\n3:\n}", "{1: lambda: 1, 2}")
    # conditional expressions
    c("1 if 2", "1 if 2 else", "x if y", "[1 if 2]", "(1 if 2)", "{1 if 2}",
      "1 if else 2", "if 1 else 2", "1 else 2", "1 if 2 else 3 else 4",
      "1 if 2 elif 3 else 4", "[1, 42 if True, 4]", "a = 42 if True", "(42 if True)",
      "1 if 2 then 3", "1 ? 2 : 3", "1 if (2) else", "x if y else pass")
    # comprehension targets and structure
    c("[x for 1 in y]", "[x for x() in y]", "[x for x + 1 in y]", "[x for 'a' in y]",
      "[x for (x, 1) in y]", "[x for [x, f()] in y]", "[x for *x, y in z]",
      "[x for x.y in z]", "[x for x[0] in z]", "[x for None in y]",
      "[x for True in y]", "[x for __debug__ in y]", "[x for x in y if z else w]",
      "[x, y for x, y in z]", "{x, y for x, y in z}", "[file for str(file) in []\n]",
      "[\nfile\nfor str(file)\nin\n[]\n]", "[file for\n str(file) in []]",
      "[*x for x in xs]", "{**x for x in y}", "[x for x in y for]", "[x for x in y if]",
      "[x for x y]", "[x for x in y z]", "[x for x in lambda: 1]",
      "[x for x in y if lambda: 1]", "[x for x in 1, 2]", "(x for x in 1, 2)",
      "[(yield) for x in y]", "[x async for x in y async]", "[x for async x in y]",
      "f(x for x in y, 1)", "f(1, x for x in y)", "f(x for x in y for)",
      "foo(x,    y for y in range(3) for z in range(2) if z    , p)",
      "[i for i in range(5) if (j := 0) for j in range(5)]",
      "[i := 0 for i in range(5)]", "[j for i in range(5) if (i := 1)]",
      "[x for x in (y := [1])]", "{i: i for i in range(5) if (i := 1)}")
    # keyword misuse
    for kw in KEYWORDS:
        c(kw, kw + " 1", "[" + kw + "]", "(" + kw + ")", "{" + kw + ": 1}", "1 " + kw,
          kw + "()", "f(" + kw + "=1)", "x." + kw, kw + " = 1")
    c("True = 1", "None = 1", "__debug__ = 1", "(True := 1)", "(None := 1)",
      "(__debug__ := 1)", "f(True=1)", "f(__debug__=1)", "lambda True: 1",
      "lambda None: 1", "lambda __debug__: 1", "lambda x, x: 1", "del x", "del 1",
      "del (1, 2)", "del None", "del f()", "del x, y", "import os", "from x import y",
      "pass", "break", "continue", "return", "return 1", "raise", "raise X",
      "global x", "nonlocal x", "assert x", "assert 1, 2", "def f(): pass",
      "class C: pass", "if x: pass", "while 1: pass", "for x in y: pass",
      "with x: pass", "try: pass\nexcept: pass", "async def f(): pass",
      "@decorator\ndef f(): pass", "match x:\n case 1: pass", "type X = int",
      "x: int", "x: int = 1", "x, y = 1, 2", "x = y = 1", "1; 2", "1;", ";",
      "1\n;", "x = 1; y = 2", "print 1", "print 'hello'", "print x", "print(1)",
      "print 1, 2", "print >> f, 1", "exec 'x'", "exec('x')", "`1`", "1 <> 2",
      "0777L", "u'a' ur'b'", "'a' if 1 else 'b' if", "async", "async x",
      "async for", "await", "not", "lambda", "lambda:", "yield", "in", "is",
      "1 in", "1 not", "1 is not", "and 1", "1 and", "1 or", "or 1")
    # lambda parameters
    c("lambda (x): 1", "lambda (x, y): 1", "lambda x, (y, z): 1", "lambda (x, y, z), w: None",
      "lambda x, (y, z), w: None", "lambda (x, y, z, w): None", "lambda x=1, y: 1",
      "lambda *: 1", "lambda *,: 1", "lambda **: 1", "lambda *x, *y: 1",
      "lambda **x, y: 1", "lambda **x, *y: 1", "lambda **x, **y: 1", "lambda /: 1",
      "lambda x, /, /: 1", "lambda *, /: 1", "lambda x, *, /: 1", "lambda *x, /: 1",
      "lambda x=: 1", "lambda x: int: 1", "lambda x: int = 1: 1", "lambda 1: 1",
      "lambda x.y: 1", "lambda x[0]: 1", "lambda 'x': 1", "lambda x y: 1",
      "lambda x,, y: 1", "lambda ,: 1", "lambda x: ", "lambda x", "lambda x:=1",
      "lambda: x = 1", "lambda x: x = 2", "lambda *x=1: 1", "lambda **x=1: 1",
      "lambda x, **y,: 1", "lambda *, **k: 1", "lambda a, *, b=1, **c: d, e",
      "lambda /,a,b,c: None", "lambda a,/,/,b,c: None", "lambda a,/,a1,/,b,c: None",
      "lambda a=1,/,/,*b,/,c: None", "lambda a,/,a1=1,/,b,c: None",
      "lambda a,*b,c,/,d,e: None", "lambda a=1,*b,c=3,/,d,e: None",
      "lambda a=1,/*,b,c: None", "lambda a,*b=3,c: None", "lambda a,**b=3: None",
      "lambda a, *a, b, **c, d: None", "lambda a,*a, b, **c, d=4: None",
      "lambda a,*a, b, **c, *d: None", "lambda a,*a, b, **c, **d: None",
      "lambda a=1,/,**b,/,c: None", "lambda *b,*d: None",
      "lambda a,*b,c,*d,*e,c: None", "lambda a,b,/,c,*b,c,*d,*e,c: None",
      "lambda a,b,/,c,*b,c,*d,**e: None", "lambda a=1,d=,c: None",
      "lambda a,d=,c: None")
    # starred and ** misuse
    c("*x", "*x, y", "**x", "(*x)", "(**x)", "[**x]", "{**x, *y}", "*", "**",
      "(*)", "[*]", "{*}", "{**}", "*1", "**1", "* x", "*(x)", "(*x) = 1",
      "*x + 1", "-*x", "not *x", "(1, *)", "[*x for x in y]", "f(**)", "f(*)",
      "f(*, x)", "f(**x, *y)", "f(**x, y)", "f(**x, y=1)", "f(*x, y)", "x[**y]",
      "x[*]", "x[*y:]", "{1: *x}", "{*x: 1}", "(*x for x in y)", "*x if 1 else 2",
      "1 if *x else 2", "print(*x=1)", "f(x=*y)", "f(x=**y)", "[1, **x]",
      "{1: 2, **x: 3}", "*[1], *[2]", "*[1],", "(*[1],)", "x, *y = z", "(*x, *y)")
    # assignment inside brackets / expressions
    c("(x = 1)", "[x = 1]", "{x = 1}", "f(x() = 1)", "(x, y = 1)", "[x, y, z=3, d, e]",
      "(x, y, z=3, d, e)", "{x, y, z=3, d, e}", "[z=3]", "{z=3}", "f(a or b=1)",
      "f(x.y=1)", "f((x)=2)", "f(1=2)", "foo(1=2)", "(a + 1 = 2)", "(1 = 1)",
      "('a' = 1)", "((x) = 1)", "(x == 1 = 2)", "(x := 1 = 2)", "[x := 1 = 2]",
      "(a, b) += 1", "(yield) = 1", "f() = 1", "x.y = 1", "x[0] = 1", "(x.y := 1)",
      "(x[0] := 1)", "(1 := 1)", "[(x, y) := 1]", "(x := 1) = 2", "{1: x = 1}",
      "x = ", "= 1", "==", "= =", "1 ==", "== 1", "x =! 1", "x ! 1", "x !", "!x",
      "x++", "x--", "++x", "x -> y", "x => y", "x :: y", "x :", ": x", "x::",
      "x ;", "x ,,", "x . . y", "x ... y", "x . 1", "1 . x", "1.x", "1..x",
      "1 .. x", "x@", "@x", "@", "x @ @ y", "x $ y", "$x", "x?", "?x", "x ?? y",
      "x ?. y", "x || y", "x && y", "!1", "~", "`x`", "'a' 'b' 'c' 1", "1 '",
      "1 \"", "1 '''", "1 \"\"\"")
    # f-strings / strings / numbers mixed in statements from test_exceptions
    c("1 +\n", "Python = \"Python\" +", "x = \"a", "f{a + b + c}",
      "a = \xab hello \xbb \xab world \xbb", "(0x+1)", "x = 0xI", "0010 + 2",
      "x = 32e-+4", "x = 0o9", "\u03b1 = 0xI", "(1+)", "pass\npass\npass\n(1+)",
      "[interesting\nfoo()\n", "f(a for a in b, c)", "f(a for a in b if a, c)",
      "f(a, b for b in c)", "f(a, b for b in c, d)", "foo(x for x in range(10), 100)")
    return c.build()
