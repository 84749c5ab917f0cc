//! The talent catalogue file format (TOML): any text parses or is refused, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = kleur_domain::catalogue::parse_catalogue(text);
    }
});
