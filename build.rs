//! Generates the LALRPOP parsers from `grammar/*.lalrpop` into `OUT_DIR`.
//!
//! - `python.lalrpop`: table-driven, LALRPOP's default (lane table) construction.
//! - `literal.lalrpop` (the fast path) twice, both from canonical LR(1) tables
//!   (its flattened form is LR(1) but not within reach of the lane table
//!   construction): `literal.rs`, table-driven, and `literal_ra.rs`, the same
//!   grammar with LALRPOP's `#[recursive_ascent]` backend, which is faster
//!   but uses the native stack in proportion to the nesting depth (the
//!   parser picks it only when `max_depth` bounds that).

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=grammar");
    let out_dir = std::env::var("OUT_DIR").expect("cargo always sets OUT_DIR for build scripts");
    let out_dir = Path::new(&out_dir);

    generate(Path::new("grammar"), "python.lalrpop", out_dir);

    // Canonical LR(1) for the literal grammar. The variable is only read by
    // LALRPOP inside this build script.
    std::env::set_var("LALRPOP_LANE_TABLE", "disabled");
    generate(Path::new("grammar"), "literal.lalrpop", out_dir);

    let literal = std::fs::read_to_string("grammar/literal.lalrpop")
        .expect("grammar/literal.lalrpop is readable");
    let ra = literal.replacen("\ngrammar<", "\n#[recursive_ascent]\ngrammar<", 1);
    assert_ne!(
        ra, literal,
        "literal.lalrpop declares its grammar on a line of its own"
    );
    let ra_dir = out_dir.join("ra");
    std::fs::create_dir_all(&ra_dir).expect("OUT_DIR is writable");
    let ra_file = ra_dir.join("literal_ra.lalrpop");
    // Rewrite only on change, so LALRPOP's own up-to-date check can skip it.
    if std::fs::read_to_string(&ra_file).ok().as_deref() != Some(ra.as_str()) {
        std::fs::write(&ra_file, ra).expect("OUT_DIR is writable");
    }
    generate(&ra_dir, "literal_ra.lalrpop", out_dir);
}

fn generate(in_dir: &Path, file: &str, out_dir: &Path) {
    lalrpop::Configuration::new()
        .set_out_dir(out_dir)
        .emit_rerun_directives(false)
        .process_file(in_dir.join(file))
        .unwrap_or_else(|e| panic!("{file} must generate without conflicts: {e}"));
}
