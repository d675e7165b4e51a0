//! Parses a JSON file once with `serde_json` (the reference for instruction
//! counts under callgrind): `serde_once [--lines] FILE.json` (`--lines`: one
//! document per line, as for small_records.jsonl).
fn main() {
    let mut per_line = false;
    for arg in std::env::args().skip(1) {
        if arg == "--lines" {
            per_line = true;
            continue;
        }
        let text = std::fs::read_to_string(&arg).unwrap_or_default();
        let parse = |s: &str| serde_json::from_str::<serde_json::Value>(s).is_ok();
        let ok = if per_line {
            text.lines().all(parse)
        } else {
            parse(&text)
        };
        println!("{arg}: {ok}");
    }
}
