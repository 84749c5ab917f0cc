//! Every parser of a single form or query field: e-mail addresses, unit paths, languages,
//! cycles, percentages, ratings, dates, roles, sections, free text. None may panic, and what they
//! accept must hold up (an accepted rating is 1–5, a percentage 0–100).
#![no_main]

use kleur_domain::{Email, Locale, Role, goals, person, portfolio, unit};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(email) = Email::parse(text) {
        assert!(email.as_str().contains('@'));
        assert_eq!(Email::parse(email.as_str()).ok().as_ref(), Some(&email));
    }
    let _ = unit::UnitPath::parse(text);
    let _ = Locale::parse(text);
    let _ = Locale::from_accept_language(text);
    let _ = Role::parse(text);
    let _ = goals::parse_cycle(text);
    if let Ok(Some(percent)) = goals::parse_percent(text) {
        assert!((0..=100).contains(&percent));
    }
    if let Ok(Some(rating)) = portfolio::parse_rating(text) {
        assert!((1..=5).contains(&rating));
    }
    let _ = portfolio::parse_date(text);
    let _ = portfolio::Section::parse(text);
    let _ = portfolio::Visibility::parse(text);
    if let Ok(clean) = person::clean_text(text, 200, true) {
        assert!(clean.chars().count() <= 200);
    }
    let _ = kleur_domain::catalogue::fold(text);
    let _ = kleur_domain::catalogue::slug_from(text);
});
