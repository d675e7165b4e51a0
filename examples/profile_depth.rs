//! Parses a file once with the given `max_depth`, for profilers:
//! `profile_depth DEPTH FILE`. A depth above 256 makes the fast path use its
//! table-driven parser, 200 (the default) its recursive ascent one.
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let limits = safelit::Limits {
        max_depth: a[1].parse().unwrap(),
        ..Default::default()
    };
    let text = std::fs::read_to_string(&a[2]).unwrap();
    println!("{}", safelit::parse_with(&text, &limits).is_ok());
}
