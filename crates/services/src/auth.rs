//! Signing in and out, sessions, API tokens and password reset.

use std::sync::{Mutex, PoisonError};

use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use chrono::{Duration, Utc};
use kleur_domain::{Email, Locale};
use kleur_storage::{Db, auth as store, people, timestamp};

use crate::audit::{self, Event};
use crate::secret::{hash_token, random_token};
use crate::{Actor, Result, ServiceError, Settings, actor};

/// Failed sign-ins allowed per e-mail address in [`FAILURE_WINDOW_MINUTES`].
pub const MAX_FAILURES: i64 = 5;
pub const FAILURE_WINDOW_MINUTES: i64 = 15;
pub const RESET_VALID_MINUTES: i64 = 60;

/// Argon2id at the default cost needs 19 MiB of working memory per hash. Allocated afresh for
/// every sign-in, those blocks stayed in the allocator's per-thread arenas (RSS reached 500 MB in
/// the load run); so at most [`PARALLEL_HASHES`] hashes run at once, each on a reused buffer.
const PARALLEL_HASHES: usize = 2;
static HASH_SLOTS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(PARALLEL_HASHES);
static HASH_MEMORY: Mutex<Vec<Vec<Block>>> = Mutex::new(Vec::new());

/// Runs Argon2 on one of the reused buffers.
fn argon2_into(
    argon2: &Argon2<'_>,
    params: &Params,
    password: &[u8],
    salt: &[u8],
    out: &mut [u8],
) -> std::result::Result<(), argon2::Error> {
    let mut memory = HASH_MEMORY
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .pop()
        .unwrap_or_default();
    let blocks = params.block_count();
    if memory.len() < blocks {
        memory.resize(blocks, Block::default());
    }
    let result = argon2.hash_password_into_with_memory(password, salt, out, &mut memory[..blocks]);
    HASH_MEMORY
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(memory);
    result
}

fn internal(error: impl std::fmt::Display) -> ServiceError {
    ServiceError::Internal(error.to_string())
}

pub async fn hash_password(password: &str) -> Result<String> {
    let password = password.to_owned();
    let slot = HASH_SLOTS.acquire().await.map_err(internal)?;
    tokio::task::spawn_blocking(move || {
        let _slot = slot;
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(internal)?;
        let params = Params::default();
        let mut output = [0u8; Params::DEFAULT_OUTPUT_LEN];
        argon2_into(
            &Argon2::default(),
            &params,
            password.as_bytes(),
            &salt,
            &mut output,
        )
        .map_err(internal)?;
        let salt = SaltString::encode_b64(&salt).map_err(internal)?;
        let hash = PasswordHash {
            algorithm: Algorithm::Argon2id.ident(),
            version: Some(Version::V0x13.into()),
            params: ParamsString::try_from(&params).map_err(internal)?,
            salt: Some(salt.as_salt()),
            hash: Some(Output::new(&output).map_err(internal)?),
        };
        Ok(hash.to_string())
    })
    .await
    .map_err(internal)?
}

/// Checks a password against a stored PHC string (any Argon2 variant and cost it names).
fn password_matches(password: &str, hash: &str) -> Option<bool> {
    let parsed = PasswordHash::new(hash).ok()?;
    let algorithm = Algorithm::try_from(parsed.algorithm).ok()?;
    let version = match parsed.version {
        Some(version) => Version::try_from(version).ok()?,
        None => Version::default(),
    };
    let params = Params::try_from(&parsed).ok()?;
    let expected = parsed.hash?;
    let mut salt_buffer = [0u8; 64];
    let salt = parsed.salt?.decode_b64(&mut salt_buffer).ok()?;
    let argon2 = Argon2::new(algorithm, version, params.clone());
    let mut output = vec![0u8; expected.len()];
    argon2_into(&argon2, &params, password.as_bytes(), salt, &mut output).ok()?;
    // `Output` compares in constant time.
    Some(Output::new(&output).ok()? == expected)
}

async fn verify_password(password: &str, hash: &str) -> bool {
    let (password, hash) = (password.to_owned(), hash.to_owned());
    let Ok(slot) = HASH_SLOTS.acquire().await else {
        return false;
    };
    tokio::task::spawn_blocking(move || {
        let _slot = slot;
        password_matches(&password, &hash).unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// A hash of a password nobody has, verified when an address is unknown so that the answer
/// takes as long as for a known address.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$jXhR9JKcDcyWqw3Z8bEoqmQ5mZdG7Fi2Hv3gH0D1bxI";

/// A new session: the secret for the cookie and the CSRF token for forms.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token: String,
    pub csrf_token: String,
    pub actor: Actor,
}

pub fn failure_subject(email: &str) -> String {
    hash_token(&format!("login:{email}"))
}

pub async fn login(
    db: &Db,
    settings: &Settings,
    email_input: &str,
    password: &str,
) -> Result<NewSession> {
    let Ok(email) = Email::parse(email_input) else {
        return Err(ServiceError::InvalidCredentials);
    };
    let subject = failure_subject(email.as_str());
    let mut conn = db.acquire().await?;
    let since = timestamp(Utc::now() - Duration::minutes(FAILURE_WINDOW_MINUTES));
    if store::count_login_failures(&mut conn, &subject, &since).await? >= MAX_FAILURES {
        return Err(ServiceError::RateLimited);
    }
    let candidates = people::login_candidates(&mut conn, email.as_str()).await?;
    drop(conn);
    let mut matched = None;
    for candidate in &candidates {
        if verify_password(password, &candidate.password_hash).await {
            matched = Some(candidate.clone());
            break;
        }
    }
    if candidates.is_empty() {
        verify_password(password, DUMMY_HASH).await;
    }
    let mut tx = db.begin().await?;
    let Some(candidate) = matched else {
        store::record_login_failure(&mut tx, &subject).await?;
        // An unknown address has no organisation to log it in; the failure record above still
        // counts towards the rate limit.
        for candidate in &candidates {
            audit::record(
                &mut tx,
                &candidate.organisation_id,
                Event::SignInFailed,
                None,
                Some(&candidate.id),
                "",
            )
            .await?;
        }
        tx.commit().await?;
        return Err(ServiceError::InvalidCredentials);
    };
    // Checked only after the password matched, so it reveals nothing to a guesser.
    if crate::sso::password_refused(&mut tx, &candidate.organisation_id, &candidate.id).await? {
        return Err(ServiceError::invalid("email", "login-sso-only"));
    }
    store::clear_login_failures(&mut tx, &subject).await?;
    let session =
        create_session(&mut tx, settings, &candidate.organisation_id, &candidate.id).await?;
    audit::record(
        &mut tx,
        &candidate.organisation_id,
        Event::SignedIn,
        Some(&candidate.id),
        Some(&candidate.id),
        "",
    )
    .await?;
    tx.commit().await?;
    Ok(session)
}

pub(crate) async fn create_session(
    conn: &mut kleur_storage::Conn,
    settings: &Settings,
    organisation_id: &str,
    person_id: &str,
) -> Result<NewSession> {
    let token = random_token();
    let csrf_token = random_token();
    let expires_at = timestamp(Utc::now() + Duration::hours(settings.session_hours));
    store::insert_session(
        conn,
        &hash_token(&token),
        organisation_id,
        person_id,
        &csrf_token,
        &expires_at,
    )
    .await?;
    let actor = actor::load(conn, organisation_id, person_id).await?;
    Ok(NewSession {
        token,
        csrf_token,
        actor,
    })
}

/// The person behind a session cookie, with the session's CSRF token. Extends a session that is
/// past half its life, so active people stay signed in.
pub async fn session_actor(
    db: &Db,
    settings: &Settings,
    token: &str,
) -> Result<Option<(Actor, String)>> {
    let token_hash = hash_token(token);
    let now = Utc::now();
    let mut conn = db.acquire().await?;
    let Some(session) = store::find_session(&mut conn, &token_hash, &timestamp(now)).await? else {
        return Ok(None);
    };
    let halfway = timestamp(now + Duration::hours(settings.session_hours) / 2);
    if session.expires_at < halfway {
        store::extend_session(
            &mut conn,
            &token_hash,
            &timestamp(now + Duration::hours(settings.session_hours)),
        )
        .await?;
    }
    let actor = actor::load(&mut conn, &session.organisation_id, &session.person_id).await?;
    Ok(Some((actor, session.csrf_token)))
}

pub async fn logout(db: &Db, token: &str) -> Result<()> {
    let token_hash = hash_token(token);
    let mut tx = db.begin().await?;
    if let Some(session) = store::find_session(&mut tx, &token_hash, &kleur_storage::now()).await? {
        audit::record(
            &mut tx,
            &session.organisation_id,
            Event::SignedOut,
            Some(&session.person_id),
            Some(&session.person_id),
            "",
        )
        .await?;
    }
    store::delete_session(&mut tx, &token_hash).await?;
    tx.commit().await?;
    Ok(())
}

/// The person behind an API token (`Authorization: Bearer …`).
pub async fn token_actor(db: &Db, token: &str) -> Result<Option<Actor>> {
    let token_hash = hash_token(token);
    let mut conn = db.acquire().await?;
    let Some(found) = store::find_api_token(&mut conn, &token_hash).await? else {
        return Ok(None);
    };
    store::touch_api_token(&mut conn, &token_hash).await?;
    Ok(Some(
        actor::load(&mut conn, &found.organisation_id, &found.person_id).await?,
    ))
}

/// Creates an API token for the actor; the secret is shown once and never stored.
pub async fn create_api_token(db: &Db, actor: &Actor, name: &str) -> Result<(String, String)> {
    let name = kleur_domain::person::clean_text(name, 100, true)
        .map_err(|_| ServiceError::invalid("name", "error-token-name"))?;
    let token = format!("kleur_{}", random_token());
    let id = kleur_storage::new_id();
    let mut tx = db.begin().await?;
    store::insert_api_token(
        &mut tx,
        &hash_token(&token),
        &actor.organisation_id,
        &id,
        &actor.person_id,
        &name,
    )
    .await?;
    audit::record(
        &mut tx,
        &actor.organisation_id,
        Event::ApiKeyCreated,
        Some(&actor.person_id),
        Some(&actor.person_id),
        "",
    )
    .await?;
    tx.commit().await?;
    Ok((id, token))
}

pub async fn list_api_tokens(db: &Db, actor: &Actor) -> Result<Vec<store::ApiToken>> {
    let mut conn = db.acquire().await?;
    Ok(store::list_api_tokens(&mut conn, &actor.organisation_id, &actor.person_id).await?)
}

pub async fn revoke_api_token(db: &Db, actor: &Actor, id: &str) -> Result<()> {
    let mut tx = db.begin().await?;
    if store::revoke_api_token(&mut tx, &actor.organisation_id, &actor.person_id, id).await? {
        audit::record(
            &mut tx,
            &actor.organisation_id,
            Event::ApiKeyRevoked,
            Some(&actor.person_id),
            Some(&actor.person_id),
            "",
        )
        .await?;
        tx.commit().await?;
        Ok(())
    } else {
        Err(ServiceError::NotFound)
    }
}

/// Sends a reset link if the address belongs to someone; says nothing either way, so the form
/// cannot be used to find out who has an account.
pub async fn request_password_reset(db: &Db, settings: &Settings, email_input: &str) -> Result<()> {
    let email = Email::parse(email_input)
        .map_err(|_| ServiceError::invalid("email", "error-email-invalid"))?;
    let mut tx = db.begin().await?;
    let candidates = people::login_candidates_any(&mut tx, email.as_str()).await?;
    for (organisation_id, person_id, locale) in candidates {
        let token = random_token();
        let expires_at = timestamp(Utc::now() + Duration::minutes(RESET_VALID_MINUTES));
        store::insert_password_reset(
            &mut tx,
            &hash_token(&token),
            &organisation_id,
            &person_id,
            &expires_at,
        )
        .await?;
        let locale = locale
            .as_deref()
            .and_then(Locale::parse)
            .unwrap_or_default();
        let link = format!("{}/wachtwoord-herstellen/{token}", settings.base_url);
        let minutes = RESET_VALID_MINUTES.to_string();
        let subject = kleur_i18n::translate(locale, "mail-reset-subject", &[]);
        let body = kleur_i18n::translate(
            locale,
            "mail-reset-body",
            &[("link", &link), ("minutes", &minutes)],
        );
        kleur_storage::outbox::enqueue(&mut tx, &organisation_id, email.as_str(), &subject, &body)
            .await?;
        audit::record(
            &mut tx,
            &organisation_id,
            Event::PasswordResetRequested,
            None,
            Some(&person_id),
            "",
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn reset_token_is_valid(db: &Db, token: &str) -> Result<bool> {
    let mut conn = db.acquire().await?;
    Ok(
        store::password_reset_is_valid(&mut conn, &hash_token(token), &kleur_storage::now())
            .await?,
    )
}

/// Sets a new password with a reset token: the token works once, and every session of the person
/// ends.
pub async fn reset_password(db: &Db, token: &str, new_password: &str) -> Result<()> {
    kleur_domain::person::check_new_password(new_password).map_err(|e| match e {
        kleur_domain::person::PasswordError::TooShort(_) => {
            ServiceError::invalid("password", "error-password-short")
        }
        kleur_domain::person::PasswordError::TooLong(_) => {
            ServiceError::invalid("password", "error-password-long")
        }
    })?;
    let hash = hash_password(new_password).await?;
    let mut tx = db.begin().await?;
    let Some((organisation_id, person_id)) =
        store::consume_password_reset(&mut tx, &hash_token(token), &kleur_storage::now()).await?
    else {
        return Err(ServiceError::invalid("token", "error-reset-token"));
    };
    people::set_password_hash(&mut tx, &organisation_id, &person_id, &hash).await?;
    store::delete_sessions_of(&mut tx, &organisation_id, &person_id).await?;
    audit::record(
        &mut tx,
        &organisation_id,
        Event::PasswordReset,
        Some(&person_id),
        Some(&person_id),
        "",
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sets a password directly (the `kleur user set-password` command).
pub async fn set_password(
    db: &Db,
    organisation_id: &str,
    person_id: &str,
    new_password: &str,
) -> Result<()> {
    kleur_domain::person::check_new_password(new_password)
        .map_err(|_| ServiceError::invalid("password", "error-password-short"))?;
    let hash = hash_password(new_password).await?;
    let mut tx = db.begin().await?;
    people::set_password_hash(&mut tx, organisation_id, person_id, &hash).await?;
    store::delete_sessions_of(&mut tx, organisation_id, person_id).await?;
    tx.commit().await?;
    Ok(())
}

/// Housekeeping: expired sessions, old failure records, spent reset tokens, expired SSO sign-ins.
pub async fn purge_expired(db: &Db) -> Result<u64> {
    let mut conn = db.acquire().await?;
    let before = timestamp(Utc::now() - Duration::minutes(FAILURE_WINDOW_MINUTES * 4));
    let removed = store::purge_expired(&mut conn, &kleur_storage::now(), &before).await?;
    drop(conn);
    Ok(removed + crate::sso::purge_expired(db).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_dummy_hash_parses() {
        let hash = hash_password("correct horse battery").await.expect("hash");
        assert!(verify_password("correct horse battery", &hash).await);
        assert!(!verify_password("wrong", &hash).await);
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    }

    /// Hashes stored before the reused-buffer change (made by the crate's own hasher) still
    /// verify, and new hashes verify with the crate's own verifier.
    #[tokio::test]
    async fn hashes_agree_with_the_argon2_crate() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let salt = SaltString::encode_b64(b"sixteen byte salt").expect("salt");
        let stored = Argon2::default()
            .hash_password(b"oud wachtwoord", &salt)
            .expect("hash")
            .to_string();
        assert!(verify_password("oud wachtwoord", &stored).await);
        assert!(!verify_password("oud wachtwoorD", &stored).await);

        let ours = hash_password("nieuw wachtwoord").await.expect("hash");
        let parsed = PasswordHash::new(&ours).expect("parse");
        assert!(
            Argon2::default()
                .verify_password(b"nieuw wachtwoord", &parsed)
                .is_ok()
        );
        assert!(
            Argon2::default()
                .verify_password(b"ander wachtwoord", &parsed)
                .is_err()
        );
        assert!(!verify_password("x", "not a hash").await);
    }
}
