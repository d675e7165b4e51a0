//! Measures the native stack a parse needs (for tuning the recursive ascent
//! bound in `src/parser/mod.rs`): parses one SHAPE (list, tuple, dict, set,
//! paren, neg, mix) nested DEPTH deep on a thread of STACK_KIB KiB and
//! prints `true`; a stack overflow aborts the process instead. Bisect the
//! stack size from a shell:
//!
//! ```text
//! cargo build --release --example stack_probe
//! target/release/examples/stack_probe 256 600 dict
//! ```
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let depth: usize = a[1].parse().unwrap();
    let kib: usize = a[2].parse().unwrap();
    let (open, close) = match a[3].as_str() {
        "list" => ("[", "]"),
        "tuple" => ("(", ",)"),
        "dict" => ("{1: ", "}"),
        "set" => ("{", "}"),
        "paren" => ("(", ")"),
        "neg" => ("(-", ")"),
        _ => ("[{1: (", ",)}]"),
    };
    let d = if a[3] == "mix" { depth / 3 } else { depth };
    let text = format!("{}None{}", open.repeat(d), close.repeat(d));
    let text = if a[3] == "neg" {
        format!("{}1{}", open.repeat(d), close.repeat(d))
    } else {
        text
    };
    let ok = std::thread::Builder::new()
        .stack_size(kib << 10)
        .spawn(move || {
            let limits = safelit::Limits {
                max_depth: depth,
                ..Default::default()
            };
            safelit::parse_with(&text, &limits).is_ok()
        })
        .unwrap()
        .join()
        .unwrap();
    println!("{ok}");
}
