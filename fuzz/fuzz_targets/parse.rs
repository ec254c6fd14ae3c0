//! Every article reader on arbitrary bytes. The check itself is in `fuzz/checks.rs`.
#![no_main]

include!("../checks.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| check_parse(data));
