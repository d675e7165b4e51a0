//! The command line: subcommands, shared options and JSON policies (clap).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Check Python literals and convert them to JSON or canonical repr,
/// exactly as CPython 3.11's `ast.literal_eval` reads them — without
/// evaluating anything.
///
/// Exit status: 0 when every input is a valid literal (and converts),
/// 1 when some input is not, 2 on usage or I/O errors (unreadable file,
/// closed output pipe).
#[derive(Debug, Parser)]
#[command(name = "safelit", version, about, long_about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check that each FILE holds a valid Python literal; print errors as
    /// `FILE:LINE:COL: error: message` with the source line and a caret.
    Check(CheckArgs),
    /// Convert a Python literal to JSON on stdout.
    Json(JsonArgs),
    /// Print the canonical Python repr of a literal on stdout.
    Repr(ReprArgs),
}

/// Arguments of `safelit check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files to check; `-` or none reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Do not print CPython's warnings (invalid escape sequences, numbers
    /// glued to keywords).
    #[arg(long)]
    pub no_warnings: bool,
    /// Options every command has.
    #[command(flatten)]
    pub common: Common,
}

/// Arguments of `safelit json`.
#[derive(Debug, Args)]
pub struct JsonArgs {
    /// The input file; `-` or none reads standard input.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// How to write `bytes` (default: refuse them).
    #[arg(long, value_enum, value_name = "HOW")]
    pub bytes: Option<BytesPolicy>,
    /// How to write `complex` numbers (default: refuse them).
    #[arg(long, value_enum, value_name = "HOW")]
    pub complex: Option<ComplexPolicy>,
    /// How to write dict keys that are not strings (default: refuse them).
    #[arg(long, value_enum, value_name = "HOW")]
    pub keys: Option<KeysPolicy>,
    /// How to write `inf`, `-inf` and `nan` floats (default: refuse them).
    #[arg(long, value_enum, value_name = "HOW")]
    pub nonfinite: Option<NonFinitePolicy>,
    /// Escape every non-ASCII character as `\uXXXX` (Python's
    /// `ensure_ascii=True`).
    #[arg(long)]
    pub ascii: bool,
    /// Indent by two spaces (Python's `json.dumps(indent=2)`).
    #[arg(long, conflicts_with = "lines")]
    pub pretty: bool,
    /// Options every command has.
    #[command(flatten)]
    pub common: Common,
}

/// Arguments of `safelit repr`.
#[derive(Debug, Args)]
pub struct ReprArgs {
    /// The input file; `-` or none reads standard input.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Break containers that do not fit in 80 columns over several
    /// indented lines (still a valid literal of the same value).
    #[arg(long, conflicts_with = "lines")]
    pub pretty: bool,
    /// Options every command has.
    #[command(flatten)]
    pub common: Common,
}

/// Options shared by every command: line mode and limits.
#[derive(Debug, Args)]
pub struct Common {
    /// Read one literal per input line (blank lines are skipped) and write
    /// one result per line.
    #[arg(long)]
    pub lines: bool,
    /// With --lines: report bad lines and go on (exit 1 at the end).
    #[arg(long, requires = "lines")]
    pub keep_going: bool,
    /// Maximum number of nested brackets (CPython's limit: 200).
    #[arg(long, value_name = "N", default_value_t = safelit::Limits::CPYTHON.max_depth)]
    pub max_depth: usize,
    /// Maximum digits of a decimal int literal; 0 = unlimited (CPython's
    /// default: 4300).
    #[arg(long, value_name = "N", default_value_t = safelit::Limits::CPYTHON.max_int_digits)]
    pub max_int_digits: usize,
    /// Maximum input size in bytes (per line with --lines); default: unlimited.
    #[arg(long, value_name = "N")]
    pub max_input_bytes: Option<usize>,
    /// Maximum number of values in one result; default: unlimited.
    #[arg(long, value_name = "N")]
    pub max_nodes: Option<usize>,
    /// Never show the progress indicator (shown on a terminal for large
    /// inputs).
    #[arg(long)]
    pub no_progress: bool,
}

impl Common {
    /// The library limits these options ask for.
    pub fn limits(&self) -> safelit::Limits {
        let default = safelit::Limits::default();
        safelit::Limits {
            max_depth: self.max_depth,
            max_int_digits: self.max_int_digits,
            max_input_bytes: self.max_input_bytes.unwrap_or(default.max_input_bytes),
            max_nodes: self.max_nodes.unwrap_or(default.max_nodes),
        }
    }
}

/// `--bytes`: JSON has no byte strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BytesPolicy {
    /// A string of standard base64 with padding.
    Base64,
    /// A string with one character U+0000–U+00FF per byte (`b.decode('latin-1')`).
    Latin1,
}

/// `--complex`: JSON has no complex numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ComplexPolicy {
    /// A two-element array `[real, imag]`.
    Pair,
}

/// `--keys`: JSON object keys are strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KeysPolicy {
    /// int, float, bool and None keys become strings as Python's
    /// `json.dumps` makes them (`"1"`, `"1.5"`, `"true"`, `"null"`,
    /// `"Infinity"`); other keys are still refused.
    Str,
    /// Every non-string key becomes its Python repr (`"(1, 2)"`, `"True"`).
    Repr,
}

/// `--nonfinite`: JSON has no infinities or NaN.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum NonFinitePolicy {
    /// `null`.
    Null,
    /// The strings `"Infinity"`, `"-Infinity"` and `"NaN"`.
    String,
}
