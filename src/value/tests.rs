//! Unit tests for the value tree. Every expected repr, equality and
//! dict/set outcome below was obtained by running python3 (CPython 3.11.7)
//! on the corresponding Python object; the tables keep the results only.

// Float literals are the exact values from the Python side.
#![allow(clippy::excessive_precision, clippy::approx_constant)]

use super::*;
use num_bigint::BigInt;
use std::mem::size_of;

fn i(n: i64) -> Value {
    Value::Int(Int::from(n))
}

fn big(digits: &str) -> Value {
    Value::Int(Int::from(digits.parse::<BigInt>().unwrap()))
}

fn f(x: f64) -> Value {
    Value::Float(x)
}

fn c(re: f64, im: f64) -> Value {
    Value::Complex(Complex { re, im })
}

fn s(text: &str) -> Value {
    Value::from(text)
}

fn s_cp(cps: &[u32]) -> Value {
    Value::Str(PyStr::from_code_points(cps.iter().copied()).unwrap())
}

fn list(items: Vec<Value>) -> Value {
    Value::List(items)
}

fn tup(items: Vec<Value>) -> Value {
    Value::Tuple(items)
}

fn dict(entries: Vec<(Value, Value)>) -> Value {
    let mut d = Dict::new();
    for (k, v) in entries {
        d.insert(k, v).unwrap();
    }
    Value::Dict(d)
}

fn set(items: Vec<Value>) -> Value {
    let mut st = Set::new();
    for v in items {
        st.insert(v).unwrap();
    }
    Value::Set(st)
}

#[test]
fn send_sync() {
    fn check<T: Send + Sync>() {}
    check::<Value>();
    check::<Dict>();
    check::<Set>();
}

#[test]
fn sizes() {
    assert!(size_of::<Dict>() <= 24, "{}", size_of::<Dict>());
    assert!(size_of::<Set>() <= 24, "{}", size_of::<Set>());
    assert!(size_of::<Value>() <= 32, "{}", size_of::<Value>());
}

#[test]
fn float_repr() {
    // (value, repr(value)) from python3.
    let cases: &[(f64, &str)] = &[
        (0.0, "0.0"),
        (-0.0, "-0.0"),
        (1.0, "1.0"),
        (-1.0, "-1.0"),
        (0.1, "0.1"),
        (1.0 / 3.0, "0.3333333333333333"),
        (2.0 / 3.0, "0.6666666666666666"),
        (5e-324, "5e-324"),
        (-5e-324, "-5e-324"),
        (1e-323, "1e-323"),
        (5e-310, "5e-310"),
        (1.5e-320, "1.5e-320"),
        (2.2250738585072014e-308, "2.2250738585072014e-308"),
        (2.225073858507201e-308, "2.225073858507201e-308"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (-1.7976931348623157e308, "-1.7976931348623157e+308"),
        (1e16, "1e+16"),
        (1e15, "1000000000000000.0"),
        (9999999999999998.0, "9999999999999998.0"),
        (1e17, "1e+17"),
        (1.5e16, "1.5e+16"),
        (123456789012345678.0, "1.2345678901234568e+17"),
        (12345678901234567890.0, "1.2345678901234567e+19"),
        (9007199254740992.0, "9007199254740992.0"),
        (9007199254740994.0, "9007199254740994.0"),
        (9.223372036854776e18, "9.223372036854776e+18"),
        (0.0001, "0.0001"),
        (0.00001, "1e-05"),
        (0.00012345, "0.00012345"),
        (1.2345e-5, "1.2345e-05"),
        (9.999999999999999e-5, "9.999999999999999e-05"),
        (1e-7, "1e-07"),
        (1e-10, "1e-10"),
        (1e22, "1e+22"),
        (1e23, "1e+23"),
        (1e100, "1e+100"),
        (1e300, "1e+300"),
        (100.0, "100.0"),
        (1234.5, "1234.5"),
        (2.5, "2.5"),
        (3.14159, "3.14159"),
        (4.35, "4.35"),
        (0.3, "0.3"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1.1, "1.1"),
        (123456789.123, "123456789.123"),
        // Exact ties between two shortest candidates: CPython rounds the
        // last digit half to even (Rust's `{:e}` alone rounds half up).
        (1059438285926254.25, "1059438285926254.2"),
        (1059438285926254.75, "1059438285926254.8"),
        (1059438285926253.25, "1059438285926253.2"),
        (1059438285926253.75, "1059438285926253.8"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (f64::NAN, "nan"),
        (-f64::NAN, "nan"),
    ];
    for &(x, want) in cases {
        assert_eq!(f(x).to_string(), want, "{:e}", x);
    }
}

#[test]
fn complex_repr() {
    // (re, im, repr(complex(re, im))) from python3.
    let cases: &[(f64, f64, &str)] = &[
        (0.0, 0.0, "0j"),
        (0.0, -0.0, "-0j"),
        (0.0, 1.0, "1j"),
        (0.0, -1.0, "-1j"),
        (0.0, f64::INFINITY, "infj"),
        (0.0, f64::NEG_INFINITY, "-infj"),
        (0.0, f64::NAN, "nanj"),
        (0.0, 2.0, "2j"),
        (0.0, 1e-05, "1e-05j"),
        (-0.0, 0.0, "(-0+0j)"),
        (-0.0, -0.0, "(-0-0j)"),
        (-0.0, 1.0, "(-0+1j)"),
        (-0.0, -1.0, "(-0-1j)"),
        (-0.0, f64::INFINITY, "(-0+infj)"),
        (-0.0, f64::NEG_INFINITY, "(-0-infj)"),
        (-0.0, f64::NAN, "(-0+nanj)"),
        (-0.0, 2.0, "(-0+2j)"),
        (-0.0, 1e-05, "(-0+1e-05j)"),
        (1.0, 0.0, "(1+0j)"),
        (1.0, -0.0, "(1-0j)"),
        (1.0, 1.0, "(1+1j)"),
        (1.0, -1.0, "(1-1j)"),
        (1.0, f64::INFINITY, "(1+infj)"),
        (1.0, f64::NEG_INFINITY, "(1-infj)"),
        (1.0, f64::NAN, "(1+nanj)"),
        (1.0, 2.0, "(1+2j)"),
        (1.0, 1e-05, "(1+1e-05j)"),
        (-1.0, 0.0, "(-1+0j)"),
        (-1.0, -0.0, "(-1-0j)"),
        (-1.0, 1.0, "(-1+1j)"),
        (-1.0, -1.0, "(-1-1j)"),
        (-1.0, f64::INFINITY, "(-1+infj)"),
        (-1.0, f64::NEG_INFINITY, "(-1-infj)"),
        (-1.0, f64::NAN, "(-1+nanj)"),
        (-1.0, 2.0, "(-1+2j)"),
        (-1.0, 1e-05, "(-1+1e-05j)"),
        (f64::INFINITY, 0.0, "(inf+0j)"),
        (f64::INFINITY, -0.0, "(inf-0j)"),
        (f64::INFINITY, 1.0, "(inf+1j)"),
        (f64::INFINITY, -1.0, "(inf-1j)"),
        (f64::INFINITY, f64::INFINITY, "(inf+infj)"),
        (f64::INFINITY, f64::NEG_INFINITY, "(inf-infj)"),
        (f64::INFINITY, f64::NAN, "(inf+nanj)"),
        (f64::INFINITY, 2.0, "(inf+2j)"),
        (f64::INFINITY, 1e-05, "(inf+1e-05j)"),
        (f64::NAN, 0.0, "(nan+0j)"),
        (f64::NAN, -0.0, "(nan-0j)"),
        (f64::NAN, 1.0, "(nan+1j)"),
        (f64::NAN, -1.0, "(nan-1j)"),
        (f64::NAN, f64::INFINITY, "(nan+infj)"),
        (f64::NAN, f64::NEG_INFINITY, "(nan-infj)"),
        (f64::NAN, f64::NAN, "(nan+nanj)"),
        (f64::NAN, 2.0, "(nan+2j)"),
        (f64::NAN, 1e-05, "(nan+1e-05j)"),
        (1.5, 0.0, "(1.5+0j)"),
        (1.5, -0.0, "(1.5-0j)"),
        (1.5, 1.0, "(1.5+1j)"),
        (1.5, -1.0, "(1.5-1j)"),
        (1.5, f64::INFINITY, "(1.5+infj)"),
        (1.5, f64::NEG_INFINITY, "(1.5-infj)"),
        (1.5, f64::NAN, "(1.5+nanj)"),
        (1.5, 2.0, "(1.5+2j)"),
        (1.5, 1e-05, "(1.5+1e-05j)"),
        (1e+16, 0.0, "(1e+16+0j)"),
        (1e+16, -0.0, "(1e+16-0j)"),
        (1e+16, 1.0, "(1e+16+1j)"),
        (1e+16, -1.0, "(1e+16-1j)"),
        (1e+16, f64::INFINITY, "(1e+16+infj)"),
        (1e+16, f64::NEG_INFINITY, "(1e+16-infj)"),
        (1e+16, f64::NAN, "(1e+16+nanj)"),
        (1e+16, 2.0, "(1e+16+2j)"),
        (1e+16, 1e-05, "(1e+16+1e-05j)"),
        (-f64::NAN, 1.0, "(nan+1j)"),
        (1.0, -f64::NAN, "(1+nanj)"),
        (0.0, -f64::NAN, "nanj"),
        (-0.0, -f64::INFINITY, "(-0-infj)"),
        (2.5e-7, 1e22, "(2.5e-07+1e+22j)"),
    ];
    for &(re, im, want) in cases {
        assert_eq!(c(re, im).to_string(), want, "{re:?} {im:?}");
    }
}

#[test]
fn str_repr() {
    // (code points, repr(str)) from python3; only characters whose
    // printability the placeholder `is_printable` already gets right.
    let cases: &[(&[u32], &str)] = &[
        (&[], r#"''"#),
        (&[97, 98, 99], r#"'abc'"#),
        (&[105, 116, 39, 115], r#""it's""#),
        (&[115, 97, 121, 32, 34, 104, 105, 34], r#"'say "hi"'"#),
        (
            &[98, 111, 116, 104, 32, 39, 32, 97, 110, 100, 32, 34],
            r#"'both \' and "'"#,
        ),
        (&[92], r#"'\\'"#),
        (&[116, 97, 98, 9, 104, 101, 114, 101], r#"'tab\there'"#),
        (&[110, 108, 10, 99, 114, 13], r#"'nl\ncr\r'"#),
        (&[0, 1, 31, 127], r#"'\x00\x01\x1f\x7f'"#),
        (&[128, 159, 255], r#"'\x80\x9fÿ'"#),
        (&[233, 8364, 128512], r#"'é€😀'"#),
        (&[256], r#"'Ā'"#),
        (&[55296], r#"'\ud800'"#),
        (&[97, 57343, 98], r#"'a\udfffb'"#),
        (&[55357, 56832], r#"'\ud83d\ude00'"#),
        (&[39], r#""'""#),
        (&[34], r#"'"'"#),
        (&[39, 34], r#"'\'"'"#),
        (&[27, 91, 48, 109], r#"'\x1b[0m'"#),
        (&[97, 92, 98, 39, 99], r#""a\\b'c""#),
        (&[937, 109, 101, 103, 97, 56448], r#"'Ωmega\udc80'"#),
    ];
    for &(cps, want) in cases {
        let v = s_cp(cps);
        assert_eq!(v.to_string(), want, "{cps:?}");
        let Value::Str(py) = &v else { unreachable!() };
        assert_eq!(format!("{py:?}"), want);
    }
}

#[test]
fn str_repr_non_printable() {
    // (code points, repr(str)) from python3.
    let cases: &[(&[u32], &str)] = &[
        (&[160], r#"'\xa0'"#),
        (&[173], r#"'\xad'"#),
        (&[8232], r#"'\u2028'"#),
        (&[65279], r#"'\ufeff'"#),
        (&[917505], r#"'\U000e0001'"#),
        (&[888], r#"'\u0378'"#),
        (&[1114111], r#"'\U0010ffff'"#),
        (&[12288], r#"'\u3000'"#),
        (&[128512, 120, 8203], r#"'😀x\u200b'"#),
        (&[57344], r#"'\ue000'"#),
        (&[56319, 128512], r#"'\udbff😀'"#),
    ];
    for &(cps, want) in cases {
        assert_eq!(s_cp(cps).to_string(), want, "{cps:?}");
    }
}

#[test]
fn bytes_repr() {
    // (bytes, repr(bytes)) from python3.
    let cases: &[(&[u8], &str)] = &[
        (&[], r#"b''"#),
        (&[97, 98, 99], r#"b'abc'"#),
        (&[105, 116, 39, 115], r#"b"it's""#),
        (&[115, 97, 121, 32, 34, 104, 105, 34], r#"b'say "hi"'"#),
        (
            &[98, 111, 116, 104, 32, 39, 32, 97, 110, 100, 32, 34],
            r#"b'both \' and "'"#,
        ),
        (&[92], r#"b'\\'"#),
        (&[9, 10, 13], r#"b'\t\n\r'"#),
        (
            &[
                0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
                23, 24, 25, 26, 27, 28, 29, 30, 31,
            ],
            r#"b'\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f'"#,
        ),
        (&[127, 128, 160, 255], r#"b'\x7f\x80\xa0\xff'"#),
        (&[39], r#"b"'""#),
        (&[34], r#"b'"'"#),
        (&[39, 34], r#"b'\'"'"#),
        (&[32, 126], r#"b' ~'"#),
    ];
    for &(b, want) in cases {
        assert_eq!(Value::Bytes(b.to_vec()).to_string(), want, "{b:?}");
    }
}

#[test]
fn container_repr() {
    // (value, repr(value)) from python3.
    let cases: Vec<(Value, &str)> = vec![
        (list(vec![i(1), i(2)]), r#"[1, 2]"#),
        (list(vec![]), r#"[]"#),
        (tup(vec![]), r#"()"#),
        (tup(vec![i(1)]), r#"(1,)"#),
        (tup(vec![i(1), i(2)]), r#"(1, 2)"#),
        (tup(vec![tup(vec![])]), r#"((),)"#),
        (tup(vec![list(vec![])]), r#"([],)"#),
        (dict(vec![]), r#"{}"#),
        (dict(vec![(i(1), i(2))]), r#"{1: 2}"#),
        (
            dict(vec![
                (s("a"), list(vec![i(1), f(2.5), Value::None])),
                (
                    s("b"),
                    tup(vec![Value::Bool(true), Value::Bytes(vec![120])]),
                ),
            ]),
            r#"{'a': [1, 2.5, None], 'b': (True, b'x')}"#,
        ),
        (set(vec![]), r#"set()"#),
        (set(vec![tup(vec![i(1), i(2)])]), r#"{(1, 2)}"#),
        (set(vec![i(1), i(2), i(3)]), r#"{1, 2, 3}"#),
        (list(vec![list(vec![list(vec![])])]), r#"[[[]]]"#),
        (tup(vec![list(vec![dict(vec![])])]), r#"([{}],)"#),
        (
            dict(vec![(
                s("k"),
                dict(vec![(
                    s("n"),
                    dict(vec![(i(1), dict(vec![(i(2), tup(vec![]))]))]),
                )]),
            )]),
            r#"{'k': {'n': {1: {2: ()}}}}"#,
        ),
        (
            list(vec![f(1e+16), f(-0.0), c(0.0, 1.0), Value::Ellipsis]),
            r#"[1e+16, -0.0, 1j, Ellipsis]"#,
        ),
        (
            dict(vec![(Value::None, Value::Ellipsis)]),
            r#"{None: Ellipsis}"#,
        ),
        (
            dict(vec![(
                tup(vec![i(1), tup(vec![s("a")])]),
                list(vec![set(vec![])]),
            )]),
            r#"{(1, ('a',)): [set()]}"#,
        ),
        (
            tup(vec![tup(vec![tup(vec![tup(vec![i(1)])])])]),
            r#"((((1,),),),)"#,
        ),
        (
            list(vec![tup(vec![]), list(vec![]), dict(vec![]), set(vec![])]),
            r#"[(), [], {}, set()]"#,
        ),
        (
            list(vec![
                Value::Bool(true),
                Value::Bool(false),
                Value::None,
                big("100000000000000000000"),
                i(-5),
                f(0.1),
                c(-0.0, -1.0),
            ]),
            r#"[True, False, None, 100000000000000000000, -5, 0.1, (-0-1j)]"#,
        ),
        (
            dict(vec![(s("it's"), Value::Bytes(vec![105, 116, 39, 115]))]),
            r#"{"it's": b"it's"}"#,
        ),
        (
            dict(vec![(Value::Bytes(vec![34]), s_cp(&[34]))]),
            r#"{b'"': '"'}"#,
        ),
    ];
    for (v, want) in cases {
        assert_eq!(v.to_string(), want);
        assert_eq!(format!("{v:?}"), want);
        match &v {
            Value::Dict(d) => assert_eq!(format!("{d:?}"), want),
            Value::Set(st) => assert_eq!(format!("{st}"), want),
            _ => {}
        }
    }
    assert_eq!(
        big("-123456789012345678901234567890").to_string(),
        "-123456789012345678901234567890"
    );
}

/// Python `==` over a table of values, and its agreement with dict keys:
/// two hashable values find each other as keys exactly when they are equal.
#[test]
fn python_equality_and_hash() {
    #[rustfmt::skip]
    let vals: Vec<Value> = vec![
        i(0),
        i(1),
        i(-1),
        Value::Bool(true),
        Value::Bool(false),
        f(0.0),
        f(-0.0),
        f(1.0),
        c(0.0, 0.0),
        c(-0.0, -0.0),
        c(1.0, 0.0),
        c(1.0, -0.0),
        c(0.0, 1.0),
        f(0.5),
        c(0.5, 0.0),
        f(f64::NAN),
        f(f64::INFINITY),
        f(f64::NEG_INFINITY),
        c(f64::INFINITY, 0.0),
        i(9007199254740992),
        i(9007199254740993),
        f(9007199254740992.0),
        f(9007199254740994.0),
        i(9007199254740994),
        big("9223372036854775808"),
        f(9.223372036854776e+18),
        i(9223372036854775807),
        i(-9223372036854775808),
        f(-9.223372036854776e+18),
        big("18446744073709551616"),
        f(1.8446744073709552e+19),
        big("18446744073709551617"),
        big("89884656743115795386465259539451236680898848947115328636715040578866337902750481566354238661203768010560056939935696678829394884407208311246423715319737062188883946712432742638151109800623047059726541476042502884419075341171231440736956555270413618581675255342293149119973622969239858152417678164812112068608"),
        f(8.98846567431158e+307),
        big("89884656743115795386465259539451236680898848947115328636715040578866337902750481566354238661203768010560056939935696678829394884407208311246423715319737062188883946712432742638151109800623047059726541476042502884419075341171231440736956555270413618581675255342293149119973622969239858152417678164812112068609"),
        i(2305843009213693951),
        i(4611686018427387902),
        big("1000000000000000000000000000000"),
        big("-1000000000000000000000000000000"),
        f(1e+30),
        big("1000000000000000019884624838656"),
        c(1e+30, 0.0),
        c(9007199254740992.0, 0.0),
        s(""),
        s("a"),
        Value::Bytes(vec![]),
        Value::Bytes(vec![97]),
        Value::None,
        Value::Ellipsis,
        tup(vec![]),
        list(vec![]),
        tup(vec![i(1)]),
        list(vec![i(1)]),
        tup(vec![f(1.0)]),
        tup(vec![Value::Bool(true)]),
        tup(vec![i(1), i(2)]),
        tup(vec![i(1), tup(vec![i(2)])]),
        tup(vec![f(1.0), tup(vec![c(2.0, 0.0)])]),
        list(vec![i(1), list(vec![i(2)])]),
        list(vec![f(1.0), list(vec![c(2.0, 0.0)])]),
        tup(vec![s("a"), Value::Bytes(vec![97])]),
        tup(vec![f(f64::NAN)]),
        s("A"),
        dict(vec![]),
        set(vec![]),
        dict(vec![(i(1), s("a")), (i(2), s("b"))]),
        dict(vec![(i(2), s("b")), (f(1.0), s("a"))]),
        dict(vec![(i(1), s("a")), (i(2), s("c"))]),
        dict(vec![(i(1), s("a"))]),
        dict(vec![(Value::Bool(true), s("a")), (i(2), s("b"))]),
        set(vec![i(1), i(2)]),
        set(vec![Value::Bool(true), f(2.0)]),
        set(vec![i(1), i(3)]),
        set(vec![tup(vec![i(1), i(2)]), s("x")]),
        set(vec![tup(vec![f(1.0), c(2.0, 0.0)]), s("x")]),
        dict(vec![(i(1), list(vec![i(1), dict(vec![(i(2), tup(vec![]))])]))]),
        dict(vec![(i(1), list(vec![f(1.0), dict(vec![(f(2.0), tup(vec![]))])]))]),
        dict(vec![(i(1), list(vec![f(1.0), dict(vec![(f(2.0), list(vec![]))])]))]),
    ];
    // eq[i] lists the indices j with vals[i] == vals[j]
    let eq: &[&[usize]] = &[
        &[0, 4, 5, 6, 8, 9],
        &[1, 3, 7, 10, 11],
        &[2],
        &[1, 3, 7, 10, 11],
        &[0, 4, 5, 6, 8, 9],
        &[0, 4, 5, 6, 8, 9],
        &[0, 4, 5, 6, 8, 9],
        &[1, 3, 7, 10, 11],
        &[0, 4, 5, 6, 8, 9],
        &[0, 4, 5, 6, 8, 9],
        &[1, 3, 7, 10, 11],
        &[1, 3, 7, 10, 11],
        &[12],
        &[13, 14],
        &[13, 14],
        &[],
        &[16, 18],
        &[17],
        &[16, 18],
        &[19, 21, 42],
        &[20],
        &[19, 21, 42],
        &[22, 23],
        &[22, 23],
        &[24, 25],
        &[24, 25],
        &[26],
        &[27, 28],
        &[27, 28],
        &[29, 30],
        &[29, 30],
        &[31],
        &[32, 33],
        &[32, 33],
        &[34],
        &[35],
        &[36],
        &[37],
        &[38],
        &[39, 40, 41],
        &[39, 40, 41],
        &[39, 40, 41],
        &[19, 21, 42],
        &[43],
        &[44],
        &[45],
        &[46],
        &[47],
        &[48],
        &[49],
        &[50],
        &[51, 53, 54],
        &[52],
        &[51, 53, 54],
        &[51, 53, 54],
        &[55],
        &[56, 57],
        &[56, 57],
        &[58, 59],
        &[58, 59],
        &[60],
        &[],
        &[62],
        &[63],
        &[64],
        &[65, 66, 69],
        &[65, 66, 69],
        &[67],
        &[68],
        &[65, 66, 69],
        &[70, 71],
        &[70, 71],
        &[72],
        &[73, 74],
        &[73, 74],
        &[75, 76],
        &[75, 76],
        &[77],
    ];
    assert_eq!(vals.len(), eq.len());
    for (a_i, a) in vals.iter().enumerate() {
        for (b_i, b) in vals.iter().enumerate() {
            let want = eq[a_i].contains(&b_i);
            assert_eq!(a == b, want, "{a} == {b}");
            if hash::check_hashable(a).is_ok() && hash::check_hashable(b).is_ok() {
                let mut d = Dict::new();
                d.insert(a.clone(), Value::None).unwrap();
                assert_eq!(d.contains_key(b), want, "{a} as key, lookup {b}");
                let mut st = Set::new();
                st.insert(a.clone()).unwrap();
                assert_eq!(st.contains(b), want, "{a} in set, lookup {b}");
            }
        }
    }
}

#[test]
fn dict_first_key_last_value() {
    // (inserted pairs, repr of the resulting dict) from python3.
    let cases: Vec<(Value, &str)> = vec![
        (
            dict(vec![
                (i(1), s("a")),
                (Value::Bool(true), s("b")),
                (f(1.0), s("c")),
            ]),
            "{1: 'c'}",
        ),
        (
            dict(vec![(Value::Bool(true), i(1)), (i(1), i(2))]),
            "{True: 2}",
        ),
        (
            dict(vec![
                (i(0), i(1)),
                (Value::Bool(false), i(2)),
                (f(0.0), i(3)),
                (c(0.0, 0.0), i(4)),
            ]),
            "{0: 4}",
        ),
        (dict(vec![(f(-0.0), i(1)), (f(0.0), i(2))]), "{-0.0: 2}"),
        (
            dict(vec![(i(1), s("a")), (i(2), s("b")), (i(1), s("c"))]),
            "{1: 'c', 2: 'b'}",
        ),
        (
            dict(vec![
                (i(1 << 53), s("a")),
                (f(9007199254740992.0), s("b")),
                (i((1 << 53) + 1), s("c")),
            ]),
            "{9007199254740992: 'b', 9007199254740993: 'c'}",
        ),
        (
            dict(vec![
                (tup(vec![i(1), f(2.0)]), s("a")),
                (tup(vec![f(1.0), i(2)]), s("b")),
            ]),
            "{(1, 2.0): 'b'}",
        ),
        (
            dict(vec![
                (big("18446744073709551616"), i(1)),
                (f(1.8446744073709552e19), i(2)),
            ]),
            "{18446744073709551616: 2}",
        ),
        (
            dict(vec![
                (f(1e300), i(1)),
                (Int::from_integral_f64(1e300).unwrap().into(), i(2)),
            ]),
            "{1e+300: 2}",
        ),
        (
            dict(vec![(c(0.0, 1.0), i(1)), (c(0.0, 1.0), i(2))]),
            "{1j: 2}",
        ),
        (
            dict(vec![(c(1.0, 0.0), s("x")), (i(1), s("y"))]),
            "{(1+0j): 'y'}",
        ),
        (dict(vec![(f(0.5), i(1)), (c(0.5, 0.0), i(2))]), "{0.5: 2}"),
        (
            dict(vec![
                (f(f64::INFINITY), i(1)),
                (c(f64::INFINITY, 0.0), i(2)),
            ]),
            "{inf: 2}",
        ),
        (
            dict(vec![
                (big("9223372036854775808"), s("a")),
                (f(9.223372036854776e18), s("b")),
                (i(i64::MIN), s("c")),
                (f(-9.223372036854776e18), s("d")),
            ]),
            "{9223372036854775808: 'b', -9223372036854775808: 'd'}",
        ),
        (
            dict(vec![
                (tup(vec![]), i(1)),
                (tup(vec![tup(vec![])]), i(2)),
                (tup(vec![tup(vec![tup(vec![])])]), i(3)),
            ]),
            "{(): 1, ((),): 2, (((),),): 3}",
        ),
        (
            dict(vec![(s("a"), i(1)), (Value::Bytes(b"a".to_vec()), i(2))]),
            "{'a': 1, b'a': 2}",
        ),
    ];
    for (v, want) in cases {
        assert_eq!(v.to_string(), want);
    }
    // NaN equals nothing, so each NaN is its own key.
    assert_eq!(
        dict(vec![(f(f64::NAN), i(1)), (f(f64::NAN), i(2))]).to_string(),
        "{nan: 1, nan: 2}"
    );

    let mut d = Dict::new();
    assert_eq!(d.insert(i(1), s("a")).unwrap(), None);
    assert_eq!(d.insert(f(1.0), s("b")).unwrap(), Some(s("a")));
    let (k, v) = d.get_key_value(&Value::Bool(true)).unwrap();
    assert!(k.strict_eq(&i(1)) && v.strict_eq(&s("b")));
    assert_eq!(d.get(&list(vec![])), None);
    assert!(!d.contains_key(&tup(vec![list(vec![])])));
    *d.get_mut(&i(1)).unwrap() = s("z");
    for v in d.values_mut() {
        assert_eq!(*v, s("z"));
    }
    assert_eq!(d.get_index(0).map(|(k, _)| k.type_name()), Some("int"));
}

#[test]
fn dict_api() {
    let mut d = Dict::with_capacity(4);
    assert!(d.is_empty());
    for n in 0..5 {
        d.insert(i(4 - n), i(n)).unwrap();
    }
    assert_eq!(d.len(), 5);
    assert_eq!(
        d.keys().map(|k| k.to_string()).collect::<Vec<_>>(),
        ["4", "3", "2", "1", "0"]
    );
    assert_eq!(
        d.values().rev().map(|v| v.to_string()).collect::<Vec<_>>(),
        ["4", "3", "2", "1", "0"]
    );
    assert_eq!(d.iter().len(), 5);
    assert_eq!((&d).into_iter().count(), 5);
    let copy = d.clone();
    assert!(copy
        .iter()
        .zip(d.iter())
        .all(|(a, b)| a.0.strict_eq(b.0) && a.1.strict_eq(b.1)));
    let owned: Vec<(Value, Value)> = copy.into_iter().collect();
    assert_eq!(owned.len(), 5);
    assert!(owned[0].0.strict_eq(&i(4)));
    assert_eq!(Dict::default().into_iter().count(), 0);
    assert_eq!(Dict::new(), Dict::default());
    assert_eq!(format!("{:?}", Dict::new()), "{}");
}

#[test]
fn set_first_element_kept() {
    // (inserted elements, repr of the resulting set) from python3.
    let cases: Vec<(Value, &str)> = vec![
        (set(vec![Value::Bool(true), i(1)]), "{True}"),
        (
            set(vec![f(0.0), f(-0.0), i(0), Value::Bool(false)]),
            "{0.0}",
        ),
        (
            set(vec![i(1), f(1.0), Value::Bool(true), c(1.0, 0.0), i(2)]),
            "{1, 2}",
        ),
        (
            set(vec![tup(vec![i(1), i(2)]), tup(vec![f(1.0), c(2.0, 0.0)])]),
            "{(1, 2)}",
        ),
    ];
    for (v, want) in cases {
        assert_eq!(v.to_string(), want);
    }
    let mut st = Set::with_capacity(2);
    assert!(st.insert(s("x")).unwrap());
    assert!(!st.insert(s("x")).unwrap());
    assert!(st.insert(Value::Bytes(b"x".to_vec())).unwrap());
    assert_eq!(st.len(), 2);
    assert_eq!(st.get(&s("x")).map(|v| v.type_name()), Some("str"));
    assert_eq!(st.get_index(1).map(|v| v.type_name()), Some("bytes"));
    assert!(!st.contains(&list(vec![])));
    assert_eq!(
        st.iter().rev().map(|v| v.to_string()).collect::<Vec<_>>(),
        ["b'x'", "'x'"]
    );
    assert_eq!(st.clone().into_iter().count(), 2);
    assert_eq!((&st).into_iter().count(), 2);
    assert_eq!(st, st.clone());
}

#[test]
fn unhashable_names_first_in_python_order() {
    // (key, type named by `hash(key)`'s TypeError) from python3.
    let cases: Vec<(Value, &str)> = vec![
        (list(vec![]), "list"),
        (dict(vec![]), "dict"),
        (set(vec![]), "set"),
        (
            tup(vec![tup(vec![i(1), list(vec![])]), dict(vec![])]),
            "list",
        ),
        (
            tup(vec![tup(vec![i(1), dict(vec![])]), list(vec![])]),
            "dict",
        ),
        (tup(vec![list(vec![]), dict(vec![])]), "list"),
        (tup(vec![i(1), dict(vec![]), list(vec![])]), "dict"),
        (tup(vec![tup(vec![set(vec![])]), list(vec![])]), "set"),
        (
            tup(vec![
                tup(vec![tup(vec![tup(vec![tup(vec![])])])]),
                list(vec![list(vec![])]),
            ]),
            "list",
        ),
        (
            tup(vec![
                i(1),
                tup(vec![
                    i(2),
                    tup(vec![i(3), tup(vec![dict(vec![(i(4), i(5))])])]),
                ]),
                list(vec![]),
            ]),
            "dict",
        ),
    ];
    for (key, want) in cases {
        let mut d = Dict::new();
        let err = d.insert(key.clone(), Value::None).unwrap_err();
        assert_eq!(err.type_name(), want, "{key}");
        assert_eq!(err.to_string(), format!("unhashable type: '{want}'"));
        assert!(d.is_empty());
        let mut st = Set::new();
        assert_eq!(st.insert(key).unwrap_err().type_name(), want);
        assert!(st.is_empty());
    }
}

#[test]
fn strict_equality() {
    // (a, b, a == b in python3, strict_eq)
    let cases: Vec<(Value, Value, bool, bool)> = vec![
        (i(1), Value::Bool(true), true, false),
        (i(1), f(1.0), true, false),
        (f(1.0), c(1.0, 0.0), true, false),
        (i(5), i(5), true, true),
        (
            big("18446744073709551616"),
            big("18446744073709551616"),
            true,
            true,
        ),
        (f(-0.0), f(0.0), true, false),
        (f(f64::NAN), f(f64::NAN), false, true),
        (c(0.0, -0.0), c(0.0, 0.0), true, false),
        (c(1.5, 2.0), c(1.5, 2.0), true, true),
        (list(vec![i(1)]), tup(vec![i(1)]), false, false),
        (
            list(vec![i(1), list(vec![f(2.0)])]),
            list(vec![i(1), list(vec![i(2)])]),
            true,
            false,
        ),
        (
            dict(vec![(i(1), s("a")), (i(2), s("b"))]),
            dict(vec![(i(2), s("b")), (i(1), s("a"))]),
            true,
            false,
        ),
        (
            dict(vec![(i(1), s("a"))]),
            dict(vec![(f(1.0), s("a"))]),
            true,
            false,
        ),
        (
            dict(vec![(i(1), f(0.0))]),
            dict(vec![(i(1), f(-0.0))]),
            true,
            false,
        ),
        (
            dict(vec![(i(1), s("a")), (i(2), list(vec![]))]),
            dict(vec![(i(1), s("a")), (i(2), list(vec![]))]),
            true,
            true,
        ),
        (set(vec![i(1), i(2)]), set(vec![i(2), i(1)]), true, true),
        (set(vec![i(1)]), set(vec![f(1.0)]), true, false),
        (
            set(vec![tup(vec![i(1), i(2)])]),
            set(vec![tup(vec![i(1), f(2.0)])]),
            true,
            false,
        ),
        (set(vec![i(1)]), set(vec![i(2)]), false, false),
        (set(vec![]), dict(vec![]), false, false),
        (s("a"), Value::Bytes(b"a".to_vec()), false, false),
        (Value::None, Value::None, true, true),
        (Value::Ellipsis, Value::Ellipsis, true, true),
        (Value::None, Value::Ellipsis, false, false),
    ];
    for (a, b, eq, strict) in cases {
        assert_eq!(a == b, eq, "{a} == {b}");
        assert_eq!(b == a, eq, "{b} == {a}");
        assert_eq!(a.strict_eq(&b), strict, "{a} strict {b}");
        assert_eq!(b.strict_eq(&a), strict, "{b} strict {a}");
        assert!(a.clone().strict_eq(&a) || a.to_string() == "nan");
    }
}

#[test]
fn accessors_and_moves() {
    assert_eq!(Value::from(true).as_bool(), Some(true));
    assert_eq!(Value::from(1.5).as_f64(), Some(1.5));
    assert_eq!(i(1).as_f64(), None);
    assert_eq!(Value::from(String::from("x")).as_str(), Some("x"));
    assert_eq!(s_cp(&[0xD800]).as_str(), None);
    assert!(s_cp(&[0xD800]).as_py_str().is_some());
    assert_eq!(Value::Bytes(vec![1]).as_bytes(), Some(&[1u8][..]));
    assert_eq!(list(vec![i(1)]).as_list().map(<[Value]>::len), Some(1));
    assert_eq!(tup(vec![]).as_tuple().map(<[Value]>::len), Some(0));
    assert!(list(vec![]).as_tuple().is_none());
    assert!(dict(vec![]).as_dict().is_some());
    assert!(set(vec![]).as_set().is_some());
    assert!(Value::None.is_none());
    assert_eq!(c(1.0, 2.0).as_complex(), Some(Complex { re: 1.0, im: 2.0 }));
    let names: Vec<&str> = [
        Value::None,
        Value::from(false),
        i(0),
        f(0.0),
        c(0.0, 0.0),
        s(""),
        Value::Bytes(vec![]),
        list(vec![]),
        tup(vec![]),
        dict(vec![]),
        set(vec![]),
        Value::Ellipsis,
    ]
    .iter()
    .map(Value::type_name)
    .collect();
    assert_eq!(
        names,
        [
            "NoneType", "bool", "int", "float", "complex", "str", "bytes", "list", "tuple", "dict",
            "set", "ellipsis"
        ]
    );
    assert_eq!(tup(vec![i(1)]).into_tuple().unwrap().len(), 1);
    assert_eq!(dict(vec![(i(1), i(2))]).into_dict().unwrap().len(), 1);
    assert_eq!(set(vec![i(1)]).into_set().unwrap().len(), 1);
    assert_eq!(s("ab").into_py_str().unwrap(), "ab");
    assert_eq!(Value::Bytes(vec![7]).into_bytes().unwrap(), [7]);
    assert_eq!(
        big("99999999999999999999").into_int().unwrap().to_string(),
        "99999999999999999999"
    );
    assert!(i(1).into_list().unwrap_err().strict_eq(&i(1)));
    assert!(Value::from(PyStr::from("p")).strict_eq(&s("p")));
    assert!(Value::from(Int::from(3)).strict_eq(&Value::from(3i64)));
    assert!(Value::from(Complex { re: 0.0, im: 1.0 }).strict_eq(&c(0.0, 1.0)));
    assert!(Value::from(Dict::new()).strict_eq(&dict(vec![])));
    assert!(Value::from(Set::new()).strict_eq(&set(vec![])));
}

const DEEP: usize = 1_000_000;

/// Runs `f` on a thread with a 2 MiB stack.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn deep_list() {
    on_small_stack(|| {
        let mut v = list(vec![]);
        for _ in 0..DEEP {
            v = list(vec![v]);
        }
        let copy = v.clone();
        assert!(copy == v);
        assert!(copy.strict_eq(&v));
        let mut other = list(vec![i(1)]);
        for _ in 0..DEEP {
            other = list(vec![other]);
        }
        assert!(other != v);
        assert!(!other.strict_eq(&v));
        let text = v.to_string();
        assert_eq!(text.len(), 2 * (DEEP + 1));
        assert!(text.starts_with("[[[[") && text.ends_with("]]]]"));
        assert_eq!(format!("{copy:?}").len(), text.len());
        drop(v);
        drop(copy);
        drop(other);
    });
}

/// Cycles list -> tuple -> dict (with a set sibling) -> list ... around `leaf`.
fn deep_mixed(leaf: Value) -> Value {
    let mut v = leaf;
    for n in 0..DEEP {
        v = match n % 3 {
            0 => list(vec![v, i(n as i64)]),
            1 => tup(vec![v]),
            _ => dict(vec![
                (i(n as i64), v),
                (s("s"), set(vec![tup(vec![f(0.5), i(n as i64)])])),
            ]),
        };
    }
    v
}

#[test]
fn deep_mixed_containers() {
    on_small_stack(|| {
        let v = deep_mixed(i(0));
        let copy = v.clone();
        assert!(copy == v);
        assert!(copy.strict_eq(&v));
        let text = v.to_string();
        assert!(
            text.starts_with("[{999998: ([{999995: ([{"),
            "{}",
            &text[..40]
        );
        assert!(text.ends_with("(0.5, 999998)}}, 999999]"));
        drop(copy);
        // Python-equal but not strictly equal at the bottom.
        let other = deep_mixed(f(0.0));
        assert!(other == v);
        assert!(!other.strict_eq(&v));
        drop((v, other));
    });
}

#[test]
fn deep_tuple_as_key_and_element() {
    on_small_stack(|| {
        let mut key = tup(vec![]);
        for n in 0..DEEP {
            key = tup(vec![key, i(n as i64 % 7)]);
        }
        let mut float_key = tup(vec![]);
        for n in 0..DEEP {
            float_key = tup(vec![float_key, f((n % 7) as f64)]);
        }
        let mut d = Dict::new();
        assert_eq!(d.insert(key.clone(), s("a")).unwrap(), None);
        assert_eq!(d.insert(float_key.clone(), s("b")).unwrap(), Some(s("a")));
        assert_eq!(d.len(), 1);
        assert_eq!(d.get(&float_key), Some(&s("b")));
        assert!(d.keys().next().unwrap().strict_eq(&key));
        let mut st = Set::new();
        assert!(st.insert(float_key.clone()).unwrap());
        assert!(!st.insert(key.clone()).unwrap());
        let mut bad = tup(vec![list(vec![])]);
        for _ in 0..DEEP {
            bad = tup(vec![bad]);
        }
        assert_eq!(st.insert(bad).unwrap_err().type_name(), "list");
        let d2 = d.clone();
        assert!(d2 == d);
        let holder = Value::Dict(d);
        assert!(holder.clone().strict_eq(&holder));
        assert!(holder.to_string().starts_with("{((((("));
        let sv = Value::Set(st);
        assert!(sv.clone() == sv);
        assert!(sv.to_string().ends_with(", 0.0)}"));
        drop((holder, sv, d2, key, float_key));
    });
}

mod props {
    use super::*;
    use proptest::prelude::*;

    /// Small numbers of every numeric type, many of them Python-equal.
    fn number() -> impl Strategy<Value = Value> {
        prop_oneof![
            any::<bool>().prop_map(Value::Bool),
            (-3i64..4).prop_map(i),
            (-3i64..4).prop_map(|n| f(n as f64)),
            (-3i64..4).prop_map(|n| f(n as f64 / 2.0)),
            Just(f(-0.0)),
            Just(f(f64::INFINITY)),
            Just(f(f64::NAN)),
            (-2i64..3, -1i64..2).prop_map(|(re, im)| c(re as f64, im as f64)),
            Just(c(-0.0, -0.0)),
            Just(big("18446744073709551616")),
            Just(f(1.8446744073709552e19)),
        ]
    }

    fn key() -> impl Strategy<Value = Value> {
        number().prop_recursive(2, 8, 3, |inner| {
            prop_oneof![
                prop::collection::vec(inner, 0..3).prop_map(tup),
                Just(s("a")),
                Just(Value::Bytes(b"a".to_vec())),
                Just(Value::None),
            ]
        })
    }

    proptest! {
        /// `Dict` agrees with a linear-scan model of Python's dict.
        #[test]
        fn dict_matches_model(pairs in prop::collection::vec((key(), 0i64..100), 0..24)) {
            let mut d = Dict::new();
            let mut model: Vec<(Value, Value)> = Vec::new();
            for (k, v) in pairs {
                let old = d.insert(k.clone(), i(v)).unwrap();
                match model.iter_mut().find(|(mk, _)| *mk == k) {
                    Some(entry) => {
                        let prev = std::mem::replace(&mut entry.1, i(v));
                        prop_assert!(old.is_some_and(|o| o.strict_eq(&prev)));
                    }
                    None => {
                        prop_assert!(old.is_none());
                        model.push((k, i(v)));
                    }
                }
            }
            prop_assert_eq!(d.len(), model.len());
            for ((k, v), (mk, mv)) in d.iter().zip(&model) {
                prop_assert!(k.strict_eq(mk) && v.strict_eq(mv));
            }
            for (mk, mv) in &model {
                let found = d.get(mk);
                // NaN (alone, or inside a tuple) is never found again.
                prop_assert!(found.is_none_or(|v| v.strict_eq(mv)));
                prop_assert_eq!(found.is_some(), *mk == *mk);
            }
            let copy = Value::Dict(d.clone());
            let orig = Value::Dict(d);
            prop_assert!(copy.strict_eq(&orig));
            prop_assert_eq!(copy.to_string(), orig.to_string());
        }

        /// `Set` agrees with a linear-scan model of Python's set.
        #[test]
        fn set_matches_model(items in prop::collection::vec(key(), 0..24)) {
            let mut st = Set::new();
            let mut model: Vec<Value> = Vec::new();
            for k in items {
                let added = st.insert(k.clone()).unwrap();
                let known = model.contains(&k);
                prop_assert_eq!(added, !known);
                if !known {
                    model.push(k);
                }
            }
            prop_assert_eq!(st.len(), model.len());
            for (a, b) in st.iter().zip(&model) {
                prop_assert!(a.strict_eq(b));
            }
        }

        /// Float reprs parse back to the same float.
        #[test]
        fn float_repr_round_trips(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            let text = f(x).to_string();
            if x.is_nan() {
                prop_assert_eq!(text, "nan");
            } else {
                prop_assert_eq!(text.parse::<f64>().map(f64::to_bits), Ok(bits));
            }
        }
    }
}
