//! The latex reader, the model, every rule and every renderer on arbitrary bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| essaylint_fuzz::input(data, essaylint::input::Format::Latex));
