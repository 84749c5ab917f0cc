//! Reading and writing the few cookies Kleur uses.

use axum::http::HeaderMap;
use axum::http::header::COOKIE;

pub const SESSION: &str = "kleur_session";
/// Double-submit CSRF token for forms shown before signing in.
pub const CSRF: &str = "kleur_csrf";
/// A visitor's language choice before signing in.
pub const LANGUAGE: &str = "kleur_lang";

pub fn get(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.trim().to_owned())
        .filter(|value| !value.is_empty())
}

/// A `Set-Cookie` value. HttpOnly and SameSite=Lax always; Secure over HTTPS.
pub fn set(name: &str, value: &str, max_age_seconds: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_seconds}{secure}")
}

pub fn clear(name: &str, secure: bool) -> String {
    set(name, "", 0, secure)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cookies_from_several_headers() {
        let mut headers = HeaderMap::new();
        headers.append(COOKIE, "a=1; kleur_session=abc".parse().expect("header"));
        headers.append(COOKIE, "kleur_lang=en".parse().expect("header"));
        assert_eq!(get(&headers, SESSION).as_deref(), Some("abc"));
        assert_eq!(get(&headers, LANGUAGE).as_deref(), Some("en"));
        assert_eq!(get(&headers, "missing"), None);
    }
}
