//! `--fix`: only reported spans change, and encoding, BOM and line endings round-trip.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| essaylint_fuzz::fix(data));
