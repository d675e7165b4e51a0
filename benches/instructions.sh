#!/usr/bin/env bash
# Instruction counts (valgrind --tool=callgrind) of one parse of each corpus
# document by safelit and of its JSON twin by serde_json, and their ratio.
# Unlike wall-clock times these are reproducible on a busy shared machine.
#
#   benches/instructions.sh            # needs valgrind; corpus from $SAFELIT_CORPUS or ../shared/corpus
#
# Counts cover the whole example process (reading the file, parsing, dropping
# the value): the file reading is a small constant part of each.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${SAFELIT_CORPUS:-../shared/corpus}"
command -v valgrind >/dev/null || { echo "needs valgrind" >&2; exit 1; }
[ -d "$corpus/py" ] || { echo "corpus not found at $corpus (set SAFELIT_CORPUS)" >&2; exit 1; }
cargo build --release --example profile_once --example serde_once >&2

count() { # prints the instruction count of a command
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null \
        | awk '/Collected/ {print $NF}'
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# small_records: the first 20,000 lines, one literal (JSON document) per line.
head -n 20000 "$corpus/py/small_records.txt" >"$tmp/small_records.txt"
head -n 20000 "$corpus/json/small_records.jsonl" >"$tmp/small_records.jsonl"

echo "| document | safelit | serde_json (JSON twin) | safelit ÷ serde_json |"
echo "|---|---:|---:|---:|"
for doc in canada citm_catalog twitter small_records; do
    if [ "$doc" = small_records ]; then
        ours=$(count target/release/examples/profile_once --lines "$tmp/small_records.txt")
        theirs=$(count target/release/examples/serde_once --lines "$tmp/small_records.jsonl")
        label="small_records (20,000 lines, per line)"
    else
        ours=$(count target/release/examples/profile_once "$corpus/py/$doc.py.txt")
        theirs=$(count target/release/examples/serde_once "$corpus/json/$doc.json")
        label=$doc
    fi
    awk -v d="$label" -v a="$ours" -v b="$theirs" \
        'BEGIN { printf "| %s | %.1f M | %.1f M | %.2f× |\n", d, a / 1e6, b / 1e6, a / b }'
done
