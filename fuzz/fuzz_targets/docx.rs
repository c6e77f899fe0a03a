//! The DOCX reader (zip, XML, extraction), the model, every rule and every renderer.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| essaylint_fuzz::docx(data));
