//! Parses each file once (for profilers):
//! `cargo run --release --example profile_once -- [--lines] FILE...`
//! (`--lines`: one literal per line, as for small_records).
fn main() {
    let mut per_line = false;
    for arg in std::env::args().skip(1) {
        if arg == "--lines" {
            per_line = true;
            continue;
        }
        let text = std::fs::read_to_string(&arg).unwrap_or_default();
        let ok = if per_line {
            text.lines().all(|line| safelit::parse(line).is_ok())
        } else {
            safelit::parse(&text).is_ok()
        };
        println!("{arg}: {ok}");
    }
}
