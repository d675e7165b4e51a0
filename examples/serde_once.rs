//! Parses a JSON file once with `serde_json` (the reference for instruction
//! counts under callgrind): `serde_once FILE.json`.
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    println!(
        "{}",
        serde_json::from_str::<serde_json::Value>(&text).is_ok()
    );
}
