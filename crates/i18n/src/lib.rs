//! Translations. Every user-facing text lives in `locales/{nl,en}.ftl`; code refers to keys.
//!
//! Dutch is the default and the fallback: a key missing in English shows the Dutch text (and a
//! test fails, so that never ships).

use std::collections::BTreeSet;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use kleur_domain::Locale;

pub const NL_SOURCE: &str = include_str!("../locales/nl.ftl");
pub const EN_SOURCE: &str = include_str!("../locales/en.ftl");

pub fn source(locale: Locale) -> &'static str {
    match locale {
        Locale::Nl => NL_SOURCE,
        Locale::En => EN_SOURCE,
    }
}

struct Catalog {
    nl: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

fn bundle(locale: Locale) -> FluentBundle<FluentResource> {
    let tag: unic_langid::LanguageIdentifier = locale.as_str().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // Unicode isolation marks would end up inside HTML attributes and e-mail subjects.
    bundle.set_use_isolating(false);
    let resource = match FluentResource::try_new(source(locale).to_owned()) {
        Ok(resource) => resource,
        Err((resource, _errors)) => resource,
    };
    let _ = bundle.add_resource(resource);
    bundle
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog {
        nl: bundle(Locale::Nl),
        en: bundle(Locale::En),
    })
}

fn format(locale: Locale, key: &str, args: Option<&FluentArgs>) -> Option<String> {
    let catalog = catalog();
    let bundle = match locale {
        Locale::Nl => &catalog.nl,
        Locale::En => &catalog.en,
    };
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

/// Translates `key`; falls back to Dutch, then to the key itself so a gap is visible, not blank.
pub fn translate(locale: Locale, key: &str, args: &[(&str, &str)]) -> String {
    let fluent_args = (!args.is_empty()).then(|| {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            // Numbers are passed as numbers so Fluent can pick plural forms.
            match value.parse::<i64>() {
                Ok(number) => fluent_args.set(*name, FluentValue::from(number)),
                Err(_) => fluent_args.set(*name, FluentValue::from(value.to_string())),
            }
        }
        fluent_args
    });
    format(locale, key, fluent_args.as_ref())
        .or_else(|| format(Locale::Nl, key, fluent_args.as_ref()))
        .unwrap_or_else(|| key.to_owned())
}

/// A translator bound to one language, handed to templates as `t`.
#[derive(Clone, Copy, Debug)]
pub struct Tr {
    pub locale: Locale,
}

impl Tr {
    pub fn new(locale: Locale) -> Self {
        Self { locale }
    }

    /// `{{ t.get("key") }}` in a template.
    pub fn get(&self, key: &str) -> String {
        translate(self.locale, key, &[])
    }

    /// `{{ t.arg("key", "name", value) }}` for one argument.
    pub fn arg(&self, key: &str, name: &str, value: impl ToString) -> String {
        translate(self.locale, key, &[(name, &value.to_string())])
    }

    pub fn args(&self, key: &str, args: &[(&str, &str)]) -> String {
        translate(self.locale, key, args)
    }

    pub fn lang(&self) -> &'static str {
        self.locale.as_str()
    }
}

/// The message identifiers defined in a Fluent source.
pub fn keys(source: &str) -> BTreeSet<String> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// Parse errors of a Fluent source, as text.
pub fn parse_errors(source: &str) -> Vec<String> {
    match fluent_syntax::parser::parse(source) {
        Ok(_) => Vec::new(),
        Err((_, errors)) => errors.iter().map(|e| format!("{e:?}")).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_keys() {
        assert!(
            parse_errors(NL_SOURCE).is_empty(),
            "nl.ftl: {:?}",
            parse_errors(NL_SOURCE)
        );
        assert!(
            parse_errors(EN_SOURCE).is_empty(),
            "en.ftl: {:?}",
            parse_errors(EN_SOURCE)
        );
        let nl = keys(NL_SOURCE);
        let en = keys(EN_SOURCE);
        let only_nl: Vec<_> = nl.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&nl).collect();
        assert!(only_nl.is_empty(), "keys only in nl.ftl: {only_nl:?}");
        assert!(only_en.is_empty(), "keys only in en.ftl: {only_en:?}");
        assert!(nl.len() > 20);
    }

    #[test]
    fn translates_with_arguments_and_falls_back() {
        assert_eq!(translate(Locale::Nl, "app-name", &[]), "Kleur");
        assert_ne!(
            translate(Locale::En, "nav-home", &[]),
            translate(Locale::Nl, "nav-home", &[])
        );
        assert_eq!(translate(Locale::En, "no-such-key", &[]), "no-such-key");
        let text = Tr::new(Locale::En).arg("people-count", "count", 3);
        assert!(text.contains('3'), "{text}");
    }
}
