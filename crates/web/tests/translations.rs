//! Every translation key the templates and the code use exists in both languages.

use std::collections::BTreeSet;
use std::path::Path;

/// Finds `"key"` right after each of the given call prefixes, e.g. `t.get("` or `invalid("email", "`.
fn keys_after(text: &str, prefix: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut rest = text;
    while let Some(position) = rest.find(prefix) {
        let tail = &rest[position + prefix.len()..];
        // `t.get(` but not `document.get(`.
        let standalone =
            !rest[..position].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
        let key: String = tail
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        if standalone && tail[key.len()..].starts_with('"') && !key.is_empty() {
            keys.push(key);
        }
        rest = tail;
    }
    keys
}

/// `FieldError::new("field", "key")` and `invalid("field", "key")`: the second string.
fn second_argument_keys(text: &str, prefix: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut rest = text;
    while let Some(position) = rest.find(prefix) {
        let tail = &rest[position + prefix.len()..];
        if let Some(comma) = tail.find("\", \"") {
            let after = &tail[comma + 4..];
            let key: String = after.chars().take_while(|c| *c != '"').collect();
            if comma < 40 && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                keys.push(key);
            }
        }
        rest = tail;
    }
    keys
}

fn files(dir: &Path, extension: &str, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, extension, out);
        } else if path.extension().is_some_and(|e| e == extension) {
            out.push(path);
        }
    }
}

#[test]
fn every_used_key_is_translated() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut sources = Vec::new();
    files(&root.join("crates/web/templates"), "html", &mut sources);
    for crate_dir in ["crates/web/src", "crates/services/src"] {
        files(&root.join(crate_dir), "rs", &mut sources);
    }
    let mut used = BTreeSet::new();
    for path in &sources {
        let text = std::fs::read_to_string(path).expect("read");
        for prefix in [
            "t.get(\"",
            "t.arg(\"",
            "t.args(\"",
            "translate(locale, \"",
            "with_notice(Some(\"",
        ] {
            used.extend(keys_after(&text, prefix));
        }
        for prefix in ["FieldError::new(\"", "invalid(\""] {
            used.extend(second_argument_keys(&text, prefix));
        }
    }
    assert!(
        used.len() > 50,
        "the scan found only {} keys: is it still looking in the right places?",
        used.len()
    );
    let nl = kleur_i18n::keys(kleur_i18n::NL_SOURCE);
    let en = kleur_i18n::keys(kleur_i18n::EN_SOURCE);
    let missing: Vec<_> = used
        .iter()
        .filter(|k| !nl.contains(*k) || !en.contains(*k))
        .collect();
    assert!(
        missing.is_empty(),
        "keys used but not translated in both nl.ftl and en.ftl: {missing:?}"
    );
    let roles: Vec<_> = kleur_domain::Role::ALL
        .iter()
        .map(|r| format!("role-{}", r.as_str()))
        .filter(|k| !nl.contains(k) || !en.contains(k))
        .collect();
    assert!(
        roles.is_empty(),
        "role names without translation: {roles:?}"
    );
    for status in [400, 401, 403, 404, 405, 413, 415, 422, 429, 500] {
        for part in ["title", "text"] {
            let key = format!("error-{status}-{part}");
            assert!(nl.contains(&key) && en.contains(&key), "{key}");
        }
    }
}
