//! Single sign-on with OpenID Connect, one identity provider per organisation.
//!
//! The authorization code flow with PKCE (S256), a state and a nonce kept server-side (hashed
//! state, single use, ten minutes), the provider's discovery document and keys fetched over HTTPS
//! and cached, and the ID token checked before anyone is signed in: signature (RS256/384/512,
//! PS256/384/512, ES256/384 from the provider's JWKS), issuer, audience, authorised party, expiry,
//! issue time and nonce. A person is found by the provider's subject once linked, and linked the
//! first time by e-mail address or employee number; people are never created here.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration as StdDuration, Instant};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{Duration, Utc};
use jsonwebtoken::jwk::Jwk;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use kleur_domain::{Email, Role};
use kleur_storage::sso::{self as store, NewLogin, SsoConfig};
use kleur_storage::{Db, org, people, timestamp};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::audit::{self, Event};
use crate::auth::NewSession;
use crate::secret::{constant_time_eq, hash_token, random_token};
use crate::{Actor, Result, ServiceError, Settings};

/// How long a started sign-in may take at the provider.
pub const LOGIN_VALID_MINUTES: i64 = 10;
/// Clock difference tolerated between Kleur and the provider.
pub const CLOCK_LEEWAY_SECONDS: i64 = 60;
/// How long discovery documents and keys are kept before they are fetched again.
const CACHE_TTL: StdDuration = StdDuration::from_secs(10 * 60);
/// The path providers send people back to; register `{base_url}` + this at the provider.
pub const CALLBACK_PATH: &str = "/inloggen/sso/terug";

/// Why a sign-in through the provider did not work. Each has its own message for the person;
/// none carries personal data, so they can be logged as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SsoFailure {
    /// No (enabled) single sign-on for this organisation.
    NotConfigured,
    /// The state is unknown, used before, expired, or not this browser's.
    StateInvalid,
    /// The provider answered with an error (the person cancelled, for example).
    ProviderRefused,
    /// The provider could not be reached or answered nonsense.
    ProviderUnavailable,
    /// The ID token failed a check.
    Token(TokenError),
    /// No active person matches the claim.
    NoMatchingPerson,
}

impl SsoFailure {
    /// The translation key of the message shown to the person.
    pub fn message_key(self) -> &'static str {
        match self {
            SsoFailure::NotConfigured => "sso-error-not-configured",
            SsoFailure::StateInvalid => "sso-error-state",
            SsoFailure::ProviderRefused => "sso-error-refused",
            SsoFailure::ProviderUnavailable => "sso-error-unavailable",
            SsoFailure::Token(_) => "sso-error-token",
            SsoFailure::NoMatchingPerson => "sso-error-no-person",
        }
    }

    /// A short code for logs and the support line on the error page.
    pub fn code(self) -> &'static str {
        match self {
            SsoFailure::NotConfigured => "not-configured",
            SsoFailure::StateInvalid => "state",
            SsoFailure::ProviderRefused => "provider-refused",
            SsoFailure::ProviderUnavailable => "provider-unavailable",
            SsoFailure::Token(error) => error.code(),
            SsoFailure::NoMatchingPerson => "no-person",
        }
    }
}

/// A failed ID-token check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    Malformed,
    UnsupportedAlgorithm,
    UnknownKey,
    BadSignature,
    WrongIssuer,
    WrongAudience,
    WrongAuthorisedParty,
    Expired,
    IssuedInFuture,
    WrongNonce,
    MissingSubject,
}

impl TokenError {
    pub fn code(self) -> &'static str {
        match self {
            TokenError::Malformed => "token-malformed",
            TokenError::UnsupportedAlgorithm => "token-algorithm",
            TokenError::UnknownKey => "token-key",
            TokenError::BadSignature => "token-signature",
            TokenError::WrongIssuer => "token-issuer",
            TokenError::WrongAudience => "token-audience",
            TokenError::WrongAuthorisedParty => "token-azp",
            TokenError::Expired => "token-expired",
            TokenError::IssuedInFuture => "token-iat",
            TokenError::WrongNonce => "token-nonce",
            TokenError::MissingSubject => "token-sub",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Audit call sites: the audit log is built separately; these are where its events belong.

/// A sign-in through the identity provider failed; the reason is a code, never personal data.
/// Recorded in the organisation's audit log when the organisation is known.
pub async fn audit_sso_sign_in_failed(db: &Db, organisation_id: Option<&str>, failure: SsoFailure) {
    tracing::warn!(
        event = "sso.sign_in_failed",
        organisation_id = organisation_id.unwrap_or("-"),
        reason = failure.code(),
        "single sign-on failed"
    );
    let Some(organisation_id) = organisation_id else {
        return;
    };
    let recorded = async {
        let mut conn = db.acquire().await?;
        audit::record(
            &mut conn,
            organisation_id,
            Event::SignInFailed,
            None,
            None,
            &format!("sso:{}", failure.code()),
        )
        .await
    };
    if let Err(error) = recorded.await {
        tracing::error!(%error, "could not record a failed single sign-on");
    }
}

// ---------------------------------------------------------------------------------------------
// Settings, for administrators.

/// How a provider's claim finds the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkBy {
    Email,
    EmployeeNumber,
}

impl LinkBy {
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "email" => Some(LinkBy::Email),
            "employee_number" => Some(LinkBy::EmployeeNumber),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            LinkBy::Email => "email",
            LinkBy::EmployeeNumber => "employee_number",
        }
    }
}

/// The settings form as typed by the administrator.
#[derive(Debug, Clone, Default)]
pub struct SettingsInput {
    pub issuer: String,
    pub client_id: String,
    /// Empty keeps the stored secret.
    pub client_secret: String,
    pub scopes: String,
    pub link_by: String,
    pub link_claim: String,
    pub enabled: bool,
    pub sso_only: bool,
}

/// What the settings page shows: everything but the secret.
#[derive(Debug, Clone)]
pub struct SettingsView {
    pub issuer: String,
    pub client_id: String,
    pub has_secret: bool,
    pub scopes: String,
    pub link_by: String,
    pub link_claim: String,
    pub enabled: bool,
    pub sso_only: bool,
    pub callback_url: String,
}

pub async fn settings(db: &Db, settings: &Settings, actor: &Actor) -> Result<SettingsView> {
    actor.require_admin()?;
    let mut conn = db.acquire().await?;
    let config = store::get_config(&mut conn, &actor.organisation_id).await?;
    let callback_url = format!("{}{CALLBACK_PATH}", settings.base_url);
    Ok(match config {
        Some(c) => SettingsView {
            issuer: c.issuer,
            client_id: c.client_id,
            has_secret: !c.client_secret.is_empty(),
            scopes: c.scopes,
            link_by: c.link_by,
            link_claim: c.link_claim,
            enabled: c.enabled == 1,
            sso_only: c.sso_only == 1,
            callback_url,
        },
        None => SettingsView {
            issuer: String::new(),
            client_id: String::new(),
            has_secret: false,
            scopes: "openid email profile".into(),
            link_by: "email".into(),
            link_claim: "email".into(),
            enabled: false,
            sso_only: false,
            callback_url,
        },
    })
}

/// Whether a URL may be used to talk to a provider: HTTPS, or HTTP to this machine (for local
/// testing and a provider on the same host).
pub fn acceptable_provider_url(value: &str) -> bool {
    let Ok(url) = url::Url::parse(value) else {
        return false;
    };
    if url.cannot_be_a_base() || url.host_str().is_none() || !url.username().is_empty() {
        return false;
    }
    match url.scheme() {
        "https" => true,
        "http" => {
            matches!(url.host(), Some(url::Host::Domain("localhost")))
                || matches!(url.host(), Some(url::Host::Ipv4(ip)) if ip.is_loopback())
                || matches!(url.host(), Some(url::Host::Ipv6(ip)) if ip.is_loopback())
        }
        _ => false,
    }
}

fn clean_claim_name(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()
        && value.len() <= 100
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '/')))
    .then(|| value.to_owned())
}

pub async fn save_settings(db: &Db, actor: &Actor, input: &SettingsInput) -> Result<()> {
    actor.require_admin()?;
    let mut errors = Vec::new();
    let issuer = input.issuer.trim().trim_end_matches('/').to_owned();
    if !acceptable_provider_url(&issuer) || issuer.len() > 500 {
        errors.push(crate::FieldError::new(
            "issuer",
            "sso-settings-error-issuer",
        ));
    }
    let client_id = input.client_id.trim().to_owned();
    if client_id.is_empty() || client_id.len() > 300 || client_id.chars().any(char::is_control) {
        errors.push(crate::FieldError::new(
            "client_id",
            "sso-settings-error-client-id",
        ));
    }
    let scopes: Vec<&str> = input.scopes.split_whitespace().collect();
    let scopes_ok = scopes.contains(&"openid")
        && scopes.len() <= 20
        && scopes.iter().all(|s| {
            s.len() <= 100
                && s.chars()
                    .all(|c| c.is_ascii_graphic() && c != '"' && c != '\\')
        });
    if !scopes_ok {
        errors.push(crate::FieldError::new(
            "scopes",
            "sso-settings-error-scopes",
        ));
    }
    let link_by = LinkBy::parse(input.link_by.trim());
    if link_by.is_none() {
        errors.push(crate::FieldError::new(
            "link_by",
            "sso-settings-error-link-by",
        ));
    }
    let link_claim = if input.link_claim.trim().is_empty() {
        link_by.map(|l| l.as_str().to_owned())
    } else {
        clean_claim_name(&input.link_claim)
    };
    if link_claim.is_none() {
        errors.push(crate::FieldError::new(
            "link_claim",
            "sso-settings-error-link-claim",
        ));
    }
    if input.client_secret.len() > 1000 || input.client_secret.chars().any(char::is_control) {
        errors.push(crate::FieldError::new(
            "client_secret",
            "sso-settings-error-secret",
        ));
    }
    let mut tx = db.begin().await?;
    let existing = store::get_config(&mut tx, &actor.organisation_id).await?;
    let client_secret = if input.client_secret.trim().is_empty() {
        existing.map(|c| c.client_secret).unwrap_or_default()
    } else {
        input.client_secret.trim().to_owned()
    };
    if client_secret.is_empty() {
        errors.push(crate::FieldError::new(
            "client_secret",
            "sso-settings-error-secret",
        ));
    }
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors));
    }
    store::save_config(
        &mut tx,
        &SsoConfig {
            organisation_id: actor.organisation_id.clone(),
            issuer,
            client_id,
            client_secret,
            scopes: scopes.join(" "),
            link_by: link_by.map(LinkBy::as_str).unwrap_or("email").to_owned(),
            link_claim: link_claim.unwrap_or_default(),
            enabled: i64::from(input.enabled),
            sso_only: i64::from(input.sso_only),
            updated_at: kleur_storage::now(),
        },
    )
    .await?;
    audit::record(
        &mut tx,
        &actor.organisation_id,
        Event::SettingsChanged,
        Some(&actor.person_id),
        None,
        "sso",
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Organisations offering single sign-on, for buttons on the sign-in page: (slug, name).
pub async fn sign_in_choices(db: &Db) -> Result<Vec<(String, String)>> {
    let mut conn = db.acquire().await?;
    Ok(store::enabled_organisations(&mut conn).await?)
}

/// Whether a password sign-in of this person is refused because the organisation signs in with
/// single sign-on only. Administrators keep their password as the way in when the provider
/// fails (break-glass).
pub async fn password_refused(
    conn: &mut kleur_storage::Conn,
    organisation_id: &str,
    person_id: &str,
) -> Result<bool> {
    if !store::is_sso_only(conn, organisation_id).await? {
        return Ok(false);
    }
    let roles = people::roles_of(conn, organisation_id, person_id).await?;
    Ok(!roles.iter().any(|r| r == Role::Administrator.as_str()))
}

// ---------------------------------------------------------------------------------------------
// Talking to the provider.

#[derive(Debug, Clone, Deserialize)]
pub struct Discovery {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
}

struct CachedProvider {
    discovery: Discovery,
    keys: Vec<Jwk>,
    fetched: Instant,
}

fn cache() -> &'static Mutex<HashMap<String, std::sync::Arc<CachedProvider>>> {
    static CACHE: OnceLock<Mutex<HashMap<String, std::sync::Arc<CachedProvider>>>> =
        OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

fn http() -> Result<&'static reqwest::Client, SsoFailure> {
    static CLIENT: OnceLock<Option<reqwest::Client>> = OnceLock::new();
    CLIENT
        .get_or_init(|| {
            reqwest::Client::builder()
                .timeout(StdDuration::from_secs(10))
                .connect_timeout(StdDuration::from_secs(5))
                // A provider answers directly; following redirects could leak the code elsewhere.
                .redirect(reqwest::redirect::Policy::none())
                .user_agent("Kleur")
                .build()
                .ok()
        })
        .as_ref()
        .ok_or(SsoFailure::ProviderUnavailable)
}

async fn get_json<T: serde::de::DeserializeOwned>(url: &str) -> Result<T, SsoFailure> {
    if !acceptable_provider_url(url) {
        return Err(SsoFailure::ProviderUnavailable);
    }
    let response = http()?
        .get(url)
        .header("accept", "application/json")
        .send()
        .await
        .map_err(|_| SsoFailure::ProviderUnavailable)?;
    if !response.status().is_success() {
        return Err(SsoFailure::ProviderUnavailable);
    }
    let body = response
        .bytes()
        .await
        .map_err(|_| SsoFailure::ProviderUnavailable)?;
    if body.len() > 512 * 1024 {
        return Err(SsoFailure::ProviderUnavailable);
    }
    serde_json::from_slice(&body).map_err(|_| SsoFailure::ProviderUnavailable)
}

/// The keys a provider signs with; keys of kinds this version does not know are skipped.
pub fn parse_jwks(document: &serde_json::Value) -> Vec<Jwk> {
    document
        .get("keys")
        .and_then(|k| k.as_array())
        .map(|keys| {
            keys.iter()
                .filter(|k| k.get("use").and_then(|u| u.as_str()) != Some("enc"))
                .filter_map(|k| serde_json::from_value::<Jwk>(k.clone()).ok())
                .collect()
        })
        .unwrap_or_default()
}

/// The provider's discovery document and keys, from the cache when fresh. `refresh` fetches
/// anew, for a token signed with a key not seen before (the provider rotated its keys).
async fn provider(
    issuer: &str,
    refresh: bool,
) -> Result<std::sync::Arc<CachedProvider>, SsoFailure> {
    if !refresh
        && let Ok(cache) = cache().lock()
        && let Some(found) = cache.get(issuer)
        && found.fetched.elapsed() < CACHE_TTL
    {
        return Ok(found.clone());
    }
    let discovery: Discovery =
        get_json(&format!("{issuer}/.well-known/openid-configuration")).await?;
    // The document must speak for the configured issuer (OpenID Connect Discovery 4.3), and every
    // endpoint must be one Kleur may talk to.
    if discovery.issuer.trim_end_matches('/') != issuer
        || !acceptable_provider_url(&discovery.authorization_endpoint)
        || !acceptable_provider_url(&discovery.token_endpoint)
        || !acceptable_provider_url(&discovery.jwks_uri)
    {
        return Err(SsoFailure::ProviderUnavailable);
    }
    let jwks: serde_json::Value = get_json(&discovery.jwks_uri).await?;
    let entry = std::sync::Arc::new(CachedProvider {
        discovery,
        keys: parse_jwks(&jwks),
        fetched: Instant::now(),
    });
    if let Ok(mut cache) = cache().lock() {
        cache.insert(issuer.to_owned(), entry.clone());
    }
    Ok(entry)
}

/// Fetches a provider's discovery document (no cache), e.g. to check settings.
pub async fn discover(issuer: &str) -> Result<Discovery, SsoFailure> {
    Ok(provider(issuer.trim_end_matches('/'), true)
        .await?
        .discovery
        .clone())
}

/// The keys a provider publishes (fresh fetch).
pub async fn provider_keys(issuer: &str) -> Result<Vec<Jwk>, SsoFailure> {
    Ok(provider(issuer.trim_end_matches('/'), true)
        .await?
        .keys
        .clone())
}

// ---------------------------------------------------------------------------------------------
// ID-token validation.

/// What the ID token must say.
#[derive(Debug, Clone)]
pub struct Expected<'a> {
    pub issuer: &'a str,
    pub client_id: &'a str,
    pub nonce: &'a str,
    /// Seconds since the epoch; a parameter so that tests can check expiry without waiting.
    pub now: i64,
}

/// The checked claims of an ID token.
#[derive(Debug, Clone)]
pub struct IdClaims {
    pub subject: String,
    pub claims: serde_json::Map<String, serde_json::Value>,
}

const ALLOWED_ALGORITHMS: &[Algorithm] = &[
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::RS512,
    Algorithm::PS256,
    Algorithm::PS384,
    Algorithm::PS512,
    Algorithm::ES256,
    Algorithm::ES384,
];

/// Checks an ID token's signature against the provider's keys and its claims against what Kleur
/// expects (OpenID Connect Core 3.1.3.7).
pub fn validate_id_token(
    token: &str,
    keys: &[Jwk],
    expected: &Expected<'_>,
) -> Result<IdClaims, TokenError> {
    let header = jsonwebtoken::decode_header(token).map_err(|_| TokenError::Malformed)?;
    // Only asymmetric algorithms: "none" and HS256 with the client secret are refused.
    if !ALLOWED_ALGORITHMS.contains(&header.alg) {
        return Err(TokenError::UnsupportedAlgorithm);
    }
    let key = match &header.kid {
        Some(kid) => keys
            .iter()
            .find(|k| k.common.key_id.as_deref() == Some(kid.as_str())),
        None if keys.len() == 1 => keys.first(),
        None => None,
    }
    .ok_or(TokenError::UnknownKey)?;
    let decoding_key = DecodingKey::from_jwk(key).map_err(|_| TokenError::UnknownKey)?;
    let mut validation = Validation::new(header.alg);
    // The claims are checked below against `expected.now`, with one leeway for all.
    validation.validate_exp = false;
    validation.validate_nbf = false;
    validation.validate_aud = false;
    validation.required_spec_claims.clear();
    let data = jsonwebtoken::decode::<serde_json::Map<String, serde_json::Value>>(
        token,
        &decoding_key,
        &validation,
    )
    .map_err(|error| match error.kind() {
        jsonwebtoken::errors::ErrorKind::InvalidSignature => TokenError::BadSignature,
        jsonwebtoken::errors::ErrorKind::InvalidAlgorithm => TokenError::UnsupportedAlgorithm,
        _ => TokenError::Malformed,
    })?;
    check_claims(data.claims, expected)
}

fn check_claims(
    claims: serde_json::Map<String, serde_json::Value>,
    expected: &Expected<'_>,
) -> Result<IdClaims, TokenError> {
    let text = |name: &str| claims.get(name).and_then(|v| v.as_str());
    let number = |name: &str| claims.get(name).and_then(|v| v.as_i64());
    if text("iss") != Some(expected.issuer) {
        return Err(TokenError::WrongIssuer);
    }
    let audiences: Vec<&str> = match claims.get("aud") {
        Some(serde_json::Value::String(one)) => vec![one.as_str()],
        Some(serde_json::Value::Array(many)) => many.iter().filter_map(|a| a.as_str()).collect(),
        _ => Vec::new(),
    };
    if !audiences.contains(&expected.client_id) {
        return Err(TokenError::WrongAudience);
    }
    match text("azp") {
        Some(azp) if azp != expected.client_id => return Err(TokenError::WrongAuthorisedParty),
        None if audiences.len() > 1 => return Err(TokenError::WrongAuthorisedParty),
        _ => {}
    }
    let exp = number("exp").ok_or(TokenError::Malformed)?;
    if expected.now >= exp + CLOCK_LEEWAY_SECONDS {
        return Err(TokenError::Expired);
    }
    let iat = number("iat").ok_or(TokenError::Malformed)?;
    if iat > expected.now + CLOCK_LEEWAY_SECONDS {
        return Err(TokenError::IssuedInFuture);
    }
    if let Some(nbf) = number("nbf")
        && nbf > expected.now + CLOCK_LEEWAY_SECONDS
    {
        return Err(TokenError::IssuedInFuture);
    }
    if !text("nonce").is_some_and(|n| constant_time_eq(n, expected.nonce)) {
        return Err(TokenError::WrongNonce);
    }
    let subject = text("sub")
        .filter(|s| !s.is_empty() && s.len() <= 255)
        .ok_or(TokenError::MissingSubject)?
        .to_owned();
    Ok(IdClaims { subject, claims })
}

// ---------------------------------------------------------------------------------------------
// The flow.

/// PKCE S256: the challenge for a verifier (RFC 7636 4.2).
pub fn code_challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// A started sign-in: send the browser to `redirect_url`, and bind `state` to it (cookie).
#[derive(Debug, Clone)]
pub struct Started {
    pub redirect_url: String,
    pub state: String,
}

async fn enabled_config(
    conn: &mut kleur_storage::Conn,
    organisation_id: &str,
) -> Result<Option<SsoConfig>> {
    Ok(store::get_config(conn, organisation_id)
        .await?
        .filter(|c| c.enabled == 1))
}

/// Starts a sign-in for the organisation with this slug.
pub async fn start(
    db: &Db,
    settings: &Settings,
    organisation_slug: &str,
    return_to: &str,
) -> Result<Result<Started, SsoFailure>> {
    let mut conn = db.acquire().await?;
    let Some(organisation) = org::find_organisation_by_slug(&mut conn, organisation_slug).await?
    else {
        return Ok(Err(SsoFailure::NotConfigured));
    };
    let Some(config) = enabled_config(&mut conn, &organisation.id).await? else {
        return Ok(Err(SsoFailure::NotConfigured));
    };
    drop(conn);
    let provider = match provider(&config.issuer, false).await {
        Ok(p) => p,
        Err(failure) => {
            audit_sso_sign_in_failed(db, Some(&organisation.id), failure).await;
            return Ok(Err(failure));
        }
    };
    let state = random_token();
    let nonce = random_token();
    let verifier = random_token();
    let expires_at = timestamp(Utc::now() + Duration::minutes(LOGIN_VALID_MINUTES));
    let mut conn = db.acquire().await?;
    store::insert_login(
        &mut conn,
        &NewLogin {
            state_hash: &hash_token(&state),
            organisation_id: &organisation.id,
            nonce: &nonce,
            code_verifier: &verifier,
            return_to,
            expires_at: &expires_at,
        },
    )
    .await?;
    let mut url = match url::Url::parse(&provider.discovery.authorization_endpoint) {
        Ok(url) => url,
        Err(_) => return Ok(Err(SsoFailure::ProviderUnavailable)),
    };
    url.query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", &config.client_id)
        .append_pair(
            "redirect_uri",
            &format!("{}{CALLBACK_PATH}", settings.base_url),
        )
        .append_pair("scope", &config.scopes)
        .append_pair("state", &state)
        .append_pair("nonce", &nonce)
        .append_pair("code_challenge", &code_challenge(&verifier))
        .append_pair("code_challenge_method", "S256");
    Ok(Ok(Started {
        redirect_url: url.into(),
        state,
    }))
}

/// What the provider sent back to the callback.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Callback {
    pub state: Option<String>,
    pub code: Option<String>,
    pub error: Option<String>,
}

/// A finished sign-in: the new session and where to go next.
pub struct Finished {
    pub session: NewSession,
    pub return_to: String,
}

#[derive(Deserialize)]
struct TokenResponse {
    id_token: Option<String>,
}

/// Finishes a sign-in: checks the state against the one this browser started with, exchanges
/// the code (with the PKCE verifier), checks the ID token, finds the person, opens a session.
pub async fn finish(
    db: &Db,
    settings: &Settings,
    callback: &Callback,
    browser_state: Option<&str>,
) -> Result<Result<Finished, SsoFailure>> {
    let Some(state) = callback.state.as_deref().filter(|s| s.len() <= 200) else {
        audit_sso_sign_in_failed(db, None, SsoFailure::StateInvalid).await;
        return Ok(Err(SsoFailure::StateInvalid));
    };
    // The state must be the one this browser started with: a code cannot be pushed into
    // someone else's browser to sign them in as another person.
    if !browser_state.is_some_and(|b| constant_time_eq(b, state)) {
        audit_sso_sign_in_failed(db, None, SsoFailure::StateInvalid).await;
        return Ok(Err(SsoFailure::StateInvalid));
    }
    // Read what is needed and give the connection back before any failure is audited (which
    // takes a connection of its own): holding one while waiting for another can exhaust the pool.
    let (login, config) = {
        let mut conn = db.acquire().await?;
        let login =
            store::consume_login(&mut conn, &hash_token(state), &kleur_storage::now()).await?;
        let config = match &login {
            Some(login) => enabled_config(&mut conn, &login.organisation_id).await?,
            None => None,
        };
        (login, config)
    };
    let Some(login) = login else {
        audit_sso_sign_in_failed(db, None, SsoFailure::StateInvalid).await;
        return Ok(Err(SsoFailure::StateInvalid));
    };
    let organisation_id = login.organisation_id.clone();
    let fail = async |failure: SsoFailure| -> Result<Result<Finished, SsoFailure>> {
        audit_sso_sign_in_failed(db, Some(&organisation_id), failure).await;
        Ok(Err(failure))
    };
    if callback.error.is_some() {
        return fail(SsoFailure::ProviderRefused).await;
    }
    let Some(code) = callback
        .code
        .as_deref()
        .filter(|c| !c.is_empty() && c.len() <= 2000)
    else {
        return fail(SsoFailure::ProviderRefused).await;
    };
    let Some(config) = config else {
        return fail(SsoFailure::NotConfigured).await;
    };
    let provider_entry = match provider(&config.issuer, false).await {
        Ok(p) => p,
        Err(failure) => return fail(failure).await,
    };
    let redirect_uri = format!("{}{CALLBACK_PATH}", settings.base_url);
    let id_token = match exchange_code(
        &provider_entry.discovery.token_endpoint,
        &config,
        code,
        &login.code_verifier,
        &redirect_uri,
    )
    .await
    {
        Ok(token) => token,
        Err(failure) => return fail(failure).await,
    };
    let expected = Expected {
        issuer: &config.issuer,
        client_id: &config.client_id,
        nonce: &login.nonce,
        now: Utc::now().timestamp(),
    };
    let mut result = validate_id_token(&id_token, &provider_entry.keys, &expected);
    if matches!(result, Err(TokenError::UnknownKey)) {
        // The provider may have rotated its keys since they were cached.
        match provider(&config.issuer, true).await {
            Ok(fresh) => result = validate_id_token(&id_token, &fresh.keys, &expected),
            Err(failure) => return fail(failure).await,
        }
    }
    let claims = match result {
        Ok(claims) => claims,
        Err(error) => return fail(SsoFailure::Token(error)).await,
    };
    let mut tx = db.begin().await?;
    let Some(person_id) = find_person(&mut tx, &config, &claims).await? else {
        drop(tx);
        return fail(SsoFailure::NoMatchingPerson).await;
    };
    let session =
        crate::auth::create_session(&mut tx, settings, &organisation_id, &person_id).await?;
    audit::record(
        &mut tx,
        &organisation_id,
        Event::SignedInSso,
        Some(&person_id),
        Some(&person_id),
        "",
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(Finished {
        session,
        return_to: login.return_to,
    }))
}

/// Exchanges the authorization code for tokens at the provider (client_secret_basic).
pub async fn exchange_code(
    token_endpoint: &str,
    config: &SsoConfig,
    code: &str,
    code_verifier: &str,
    redirect_uri: &str,
) -> Result<String, SsoFailure> {
    if !acceptable_provider_url(token_endpoint) {
        return Err(SsoFailure::ProviderUnavailable);
    }
    // RFC 6749 2.3.1: id and secret are form-encoded before going into the Basic header.
    let encode = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    let response = http()?
        .post(token_endpoint)
        .basic_auth(
            encode(&config.client_id),
            Some(encode(&config.client_secret)),
        )
        .header("accept", "application/json")
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", redirect_uri),
            ("code_verifier", code_verifier),
        ])
        .send()
        .await
        .map_err(|_| SsoFailure::ProviderUnavailable)?;
    if response.status().is_client_error() {
        // invalid_grant and friends: a code that was used, expired, or not ours.
        return Err(SsoFailure::ProviderRefused);
    }
    if !response.status().is_success() {
        return Err(SsoFailure::ProviderUnavailable);
    }
    let body: TokenResponse = response
        .json()
        .await
        .map_err(|_| SsoFailure::ProviderUnavailable)?;
    body.id_token.ok_or(SsoFailure::ProviderUnavailable)
}

/// The active person behind a checked ID token: by the remembered subject, or the first time by
/// the linking claim (then the subject is remembered). Never creates anyone.
async fn find_person(
    conn: &mut kleur_storage::Conn,
    config: &SsoConfig,
    claims: &IdClaims,
) -> Result<Option<String>> {
    let organisation_id = &config.organisation_id;
    if let Some(person_id) = store::find_identity(conn, organisation_id, &claims.subject).await? {
        let active = people::get_person(conn, organisation_id, &person_id)
            .await?
            .is_some_and(|p| p.active == 1);
        if !active {
            return Ok(None);
        }
        store::touch_identity(conn, organisation_id, &claims.subject).await?;
        return Ok(Some(person_id));
    }
    let Some(value) = claims
        .claims
        .get(&config.link_claim)
        .and_then(|v| v.as_str())
        .map(str::trim)
        .filter(|v| !v.is_empty())
    else {
        return Ok(None);
    };
    let person = match LinkBy::parse(&config.link_by) {
        Some(LinkBy::Email) => {
            // An unverified address is not proof of anything.
            if claims.claims.get("email_verified") == Some(&serde_json::Value::Bool(false)) {
                return Ok(None);
            }
            let Ok(email) = Email::parse(value) else {
                return Ok(None);
            };
            people::find_person_by_email(conn, organisation_id, email.as_str()).await?
        }
        Some(LinkBy::EmployeeNumber) => {
            people::find_person_by_employee_number(conn, organisation_id, value).await?
        }
        None => None,
    };
    let Some(person) = person.filter(|p| p.active == 1) else {
        return Ok(None);
    };
    store::link_identity(conn, organisation_id, &claims.subject, &person.id).await?;
    Ok(Some(person.id))
}

/// Housekeeping: sign-ins that expired.
pub async fn purge_expired(db: &Db) -> Result<u64> {
    let mut conn = db.acquire().await?;
    Ok(store::purge_logins(&mut conn, &kleur_storage::now()).await?)
}
