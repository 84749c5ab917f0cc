//! The people CSV importer: any bytes give records or a list of issues, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match kleur_domain::import::parse_people_csv(data) {
        Ok(records) => {
            // Every record came from at least one line of the input.
            assert!(records.len() <= data.iter().filter(|b| **b == b'\n').count() + 1);
        }
        Err(issues) => assert!(!issues.is_empty()),
    }
});
