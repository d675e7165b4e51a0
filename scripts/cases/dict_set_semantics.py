"""Dict and set semantics: equal keys of different types (first key object kept,
last value wins, position of first occurrence kept), hash collisions between
unequal values, int/float equality across representations, signed zeros."""

from ._util import Cases

EQUIV_ONE = ["1", "True", "1.0", "1+0j", "0x1", "0b1", "0o1", "1e0", "(1+0j)", "1.0+0j",
             "0.1e1"]
EQUIV_ZERO = ["0", "False", "0.0", "-0.0", "0j", "-0j", "0x0", "-0", "0e0", "0+0j",
              "-0.0+0j", "-0.0-0j"]


def cases():
    c = Cases()
    for group in (EQUIV_ONE, EQUIV_ZERO):
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                c("{%s: 'a', %s: 'b'}" % (a, b))
                if group is EQUIV_ZERO or i == 0:
                    c("{%s, %s}" % (a, b))
        c("{" + ", ".join(group) + "}")
        c("{" + ", ".join(reversed(group)) + "}")
        c("{" + ", ".join("%s: %d" % (k, i) for i, k in enumerate(group)) + "}")
    # spec examples
    c("{1:'a', True:'b', 1.0:'c'}", "{True: 1, 1: 2}", "{0:1, False:2, 0.0:3, 0j:4}",
      "{-0.0: 1, 0.0: 2}", "{1:'a', 2:'b', 1:'c'}", "{True, 1}",
      "{0.0, -0.0, 0, False}")
    # order of first occurrence
    c("{1: 'a', 2: 'b', 3: 'c', 1: 'd'}", "{3: 0, 2: 0, 1: 0, 2: 1}",
      "{'b': 1, 'a': 2, 'b': 3}", "{1, 2, 3, 2, 1}", "{3, 2, 1, 1.0, 2.0, 3.0}",
      "{(1, 2): 'a', (1.0, 2.0): 'b'}", "{(1, True), (True, 1), (1.0, 1.0)}",
      "{((1,),): 1, ((True,),): 2}", "{(): 1, (()): 2}", "{((),): 1, ((),): 2}",
      "{'a': 1, b'a': 2}", "{'a', b'a'}", "{'': 1, b'': 2, 0: 3, (): 4, False: 5}",
      "{None: 1, None: 2}", "{...: 1, ...: 2}", "{None, ..., None}")
    # hash collisions between unequal keys
    c("{-1: 'a', -2: 'b'}", "{-1, -2}", "{-2, -1}",
      "{0: 'a', %d: 'b'}" % (2 ** 61 - 1), "{1: 'a', %d: 'b'}" % (2 ** 61),
      "{%d, 0}" % (2 ** 61 - 1), "{0.5: 1, %d: 2}" % (2 ** 60),
      "{1e100: 1, %d: 2}" % int(1e100), "{%d: 1, 1e100: 2}" % int(1e100),
      "{%d: 1, 1e100: 2}" % (int(1e100) + 1), "{1e22, %d}" % (10 ** 22),
      "{1e23, %d}" % (10 ** 23), "{%d, %d.0}" % (2 ** 53 + 1, 2 ** 53),
      "{%d: 'a', %d.0: 'b'}" % (2 ** 53, 2 ** 53), "{2.0**53: 1}",
      "{0x20000000000000: 1, 9007199254740992.0: 2}",
      "{1e309: 1, 1e400: 2, -1e309: 3}", "{1e309j: 1, 1e400j: 2}",
      "{1e-400: 1, 0: 2, -1e-400: 3}", "{0.1+0.2j: 1, 0.1+0.2j: 2}",
      "{1j: 1, 1.0j: 2, 0+1j: 3}", "{(1+2j): 1, 1+2j: 2}",
      "{%s: 1, %s: 2}" % ("0x" + "f" * 40, str(16 ** 40 - 1)),
      "{%s, %s}" % ("0b1" + "0" * 100, str(2 ** 100)))
    # nested containers as values (repr of nested sets keeps insertion order)
    c("{1: {3, 2, 1}, 0: {True, 1.0}}", "[{'z', 'y', 'x'}, {3.0, 2, True}]",
      "({(2, 1), (1, 2), (2, 1)},)", "{'k': {'k2': {0, -0.0, False}}}",
      "{1: set(), 1.0: {1}}", "{1: [], True: {}}")
    # large dict with duplicates
    c.named("dict_dups_200", "{" + ", ".join("%d: %d" % (i % 50, i) for i in range(200)) + "}")
    c.named("set_dups_200", "{" + ", ".join(str(i % 37) for i in range(200, 0, -1)) + "}")
    c.named("set_mixed_types_dups", "{" + ", ".join(
        ["%d" % i for i in range(10)] + ["%d.0" % i for i in range(10)] +
        ["%d+0j" % i for i in range(10)] + ["True", "False"]) + "}")
    return c.build()
