"""Whitespace: the leading ' '/'\\t' strip, form feed, newlines (LF, CRLF, CR),
blank lines, trailing whitespace, and every other control / Unicode space
character in each position (before, after, between tokens, inside literals)."""

import itertools

from ._util import Cases

# characters that are NOT stripped and NOT inter-token whitespace (except FF)
OTHER_SPACES = [
    "\f", "\v", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0", "\u1680",
    "\u180e", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005",
    "\u2006", "\u2007", "\u2008", "\u2009", "\u200a", "\u200b", "\u2028",
    "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff",
]


def cases():
    c = Cases()
    # --- leading strip: every combination of up to 3 spaces/tabs
    bodies = ["1", "[1]", "'a'", "1 2", "-1", "x", "", "\n1", "#c", "\f1", "1,"]
    for n in range(1, 4):
        for prefix in itertools.product(" \t", repeat=n):
            p = "".join(prefix)
            for b in bodies[:2] if n == 3 else bodies:
                c(p + b)
    c(" " * 100 + "1", "\t" * 100 + "1", " \t" * 50 + "[1,\n2]", " " * 20 + "1 2")
    # strip happens only at the very start
    c("1 ", "1\t", "1 \t ", "[ 1 ]", "[\t1\t]", "(\t1\t,\t2\t)", "{ 1 : 2 }",
      "{\t1\t:\t2\t}", "1\t,\t2", "-\t1", "- 1", "-\t\t1", "1\t+\t1j")
    # --- newlines
    for nl in ("\n", "\r\n", "\r"):
        c(nl + "1", "1" + nl, nl + nl + "1" + nl + nl, "[1," + nl + "2]",
          "1" + nl + "2", "1" + nl + " 2", "(1" + nl + ")", "{" + nl + "}",
          "'''a" + nl + "b'''", "1" + nl + "#c" + nl, "#c" + nl + "1",
          "1" + nl + " ", "1" + nl + " " + nl, "[" + nl + "]" + nl,
          nl, nl * 3, " " + nl, "\t" + nl + "1", nl + " " + nl + "1",
          "1" + nl + "\t" + nl, "1" + nl + "\f" + nl, "1" + nl + "\f",
          "(" + nl + "1" + nl + "," + nl + "2" + nl + ")")
    c("1\n\r\n\r", "\r\r\n\n1", "[1,\r\n\r2]", "1\r\r", "1\r\n\n", "1\n\r")
    # --- form feed
    c("\f", "\f\f", "\f1", "\f\f1", "1\f", "1\f\f", "[1,\f2]", "\f 1", "\f\t1",
      "\t\f1", " \f1", "\f\n1", "\n\f1", "\n\f 1", "\n \f1", "1\n\f", "1\n\f\n",
      "[1,\n\f2]", "1 \f+ 1j", "\f\f \f1", " \t\f 1", " \t\f1", "\f \f1")
    # --- empty and blank inputs
    c("", " ", "  ", "\t", " \t", "\n", "\n\n", "\r", "\r\n", "\f", " \n",
      "\t\n", "\n ", "\n\t", "#", " #", "# c", "\n#", "#\n", "#\n\n", "\\\n")
    # --- other spaces / control characters in each position
    for ch in OTHER_SPACES:
        c(ch + "1", "1" + ch, "[1," + ch + "2]", "'" + ch + "'", "1" + ch + "2")
    for cp in list(range(0x01, 0x20)) + [0x7f]:
        ch = chr(cp)
        c(ch + "1", "1" + ch, "[1," + ch + "2]", "'" + ch + "'", "b'" + ch + "'")
    c("1 \n", "1\n  \n", "1\n\t\t\n", "1\n \t \n", "1 \r\n ", "1 \\\n")
    return c.build()
