#!/usr/bin/env bash
# Sets up what the benchmark of issue 5 (the `bench` binary of the workspace member bench/,
# package dateline-bench) needs from the package registries: ripgrep (Debian's package as root,
# else `cargo install`), the release dateline binary and the release benchmark (tantivy and
# rusqlite's bundled SQLite come through Cargo). With arguments, runs the benchmark with them
# afterwards:
#
#   scripts/bench-setup.sh --n 200000 --runs 3 --json target/bench.json
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v rg >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        apt-get update -qq
        apt-get install -y -qq ripgrep
    else
        cargo install ripgrep --locked
    fi
fi
echo "bench-setup: $(rg --version | head -n 1)" >&2

cargo build --release -p dateline --bin dateline
cargo build --release -p dateline-bench --bin bench

if [ "$#" -gt 0 ]; then
    exec cargo run --release -p dateline-bench --bin bench -- "$@"
fi
echo "bench-setup: ready; run: cargo run --release -p dateline-bench --bin bench -- --n 200000" >&2
