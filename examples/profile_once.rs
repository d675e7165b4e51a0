//! Parses each file once (for profilers): `cargo run --release --example profile_once -- FILE...`
fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let ok = safelit::parse(&text).is_ok();
        println!("{path}: {ok}");
    }
}
