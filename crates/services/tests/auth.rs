//! Signing in, rate limiting, sessions, password reset and API tokens, on both databases.

mod common;

use common::{actor_for, fresh, organisation, person, reset_token, settings};
use kleur_domain::Role;
use kleur_services::auth::{self, MAX_FAILURES, NewSession};
use kleur_services::mail::{Transport, deliver_due};
use kleur_services::{ServiceError, Settings};
use kleur_storage::{Db, outbox};
use kleur_test_support::{TestBackend, on_both_databases};

const EMAIL: &str = "sanne.vanderberg@elderveen.nl";
const PASSWORD: &str = "correct horse battery staple";

struct Fixture {
    organisation_id: String,
    person_id: String,
}

/// An organisation with Sanne, who has a password, and Ahmed, who has one too.
async fn with_people(db: &Db) -> Fixture {
    let organisation_id = organisation(db, "elderveen").await;
    let person_id = person(
        db,
        &organisation_id,
        "Sanne van der Berg",
        EMAIL,
        &[Role::Manager],
    )
    .await;
    auth::set_password(db, &organisation_id, &person_id, PASSWORD)
        .await
        .expect("set password");
    let ahmed = person(
        db,
        &organisation_id,
        "Ahmed Yilmaz",
        "ahmed@elderveen.nl",
        &[],
    )
    .await;
    auth::set_password(db, &organisation_id, &ahmed, "ahmeds own password")
        .await
        .expect("set password");
    Fixture {
        organisation_id,
        person_id,
    }
}

async fn login(db: &Db, email: &str, password: &str) -> Result<NewSession, ServiceError> {
    auth::login(db, &settings(), email, password).await
}

fn assert_invalid_credentials(result: Result<NewSession, ServiceError>) {
    assert!(
        matches!(result, Err(ServiceError::InvalidCredentials)),
        "expected InvalidCredentials, got {:?}",
        result.map(|s| s.actor)
    );
}

async fn login_checks_the_password(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let fixture = with_people(&db).await;

    let session = login(&db, "  Sanne.vanderBerg@Elderveen.NL ", PASSWORD)
        .await
        .expect("right password signs in");
    assert_eq!(session.actor.person_id, fixture.person_id);
    assert_eq!(session.actor.organisation_id, fixture.organisation_id);
    assert_eq!(session.actor.display_name, "Sanne van der Berg");
    assert!(session.actor.roles.has(Role::Manager));
    assert!(session.actor.roles.has(Role::Employee));
    assert_eq!(session.token.len(), 64);
    assert_ne!(session.token, session.csrf_token);

    assert_invalid_credentials(login(&db, EMAIL, "wrong password here").await);
    assert_invalid_credentials(login(&db, EMAIL, "").await);
    // Another person's password does not open this account.
    assert_invalid_credentials(login(&db, EMAIL, "ahmeds own password").await);
    assert_invalid_credentials(login(&db, "niemand@elderveen.nl", PASSWORD).await);
    assert_invalid_credentials(login(&db, "geen adres", PASSWORD).await);

    // Someone without a password cannot sign in with any.
    person(
        &db,
        &fixture.organisation_id,
        "Bram de Vries",
        "bram@elderveen.nl",
        &[],
    )
    .await;
    assert_invalid_credentials(login(&db, "bram@elderveen.nl", "").await);
    assert_invalid_credentials(login(&db, "bram@elderveen.nl", PASSWORD).await);
}

async fn repeated_failures_are_rate_limited(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    with_people(&db).await;

    for attempt in 1..=MAX_FAILURES {
        let result = login(&db, EMAIL, &format!("wrong password {attempt}")).await;
        assert_invalid_credentials(result);
    }
    let result = login(&db, EMAIL, PASSWORD).await;
    assert!(
        matches!(result, Err(ServiceError::RateLimited)),
        "even the right password is refused after {MAX_FAILURES} failures: {:?}",
        result.map(|s| s.actor)
    );
    // The address is spelled differently but is the same address.
    assert!(matches!(
        login(&db, "SANNE.VANDERBERG@elderveen.nl", PASSWORD).await,
        Err(ServiceError::RateLimited)
    ));
    // Other people are not affected.
    login(&db, "ahmed@elderveen.nl", "ahmeds own password")
        .await
        .expect("another address still signs in");

    // Unknown addresses are limited the same way, so limiting says nothing about who exists.
    for _ in 0..MAX_FAILURES {
        assert_invalid_credentials(login(&db, "niemand@elderveen.nl", "whatever it is").await);
    }
    assert!(matches!(
        login(&db, "niemand@elderveen.nl", "whatever it is").await,
        Err(ServiceError::RateLimited)
    ));
}

async fn success_clears_earlier_failures(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    with_people(&db).await;
    for _ in 0..MAX_FAILURES - 1 {
        assert_invalid_credentials(login(&db, EMAIL, "wrong password!").await);
    }
    login(&db, EMAIL, PASSWORD).await.expect("still allowed");
    // The count starts again: four more failures and the right password still works.
    for _ in 0..MAX_FAILURES - 1 {
        assert_invalid_credentials(login(&db, EMAIL, "wrong password!").await);
    }
    login(&db, EMAIL, PASSWORD)
        .await
        .expect("failures were cleared by the earlier success");
}

async fn sessions_find_the_actor_until_logout(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let fixture = with_people(&db).await;
    let session = login(&db, EMAIL, PASSWORD).await.expect("login");
    let other = login(&db, EMAIL, PASSWORD).await.expect("second login");
    assert_ne!(session.token, other.token);

    let (actor, csrf) = auth::session_actor(&db, &settings(), &session.token)
        .await
        .expect("lookup")
        .expect("the session is live");
    assert_eq!(actor.person_id, fixture.person_id);
    assert_eq!(actor.organisation_id, fixture.organisation_id);
    assert_eq!(csrf, session.csrf_token);

    assert!(
        auth::session_actor(&db, &settings(), "not-a-session")
            .await
            .expect("lookup")
            .is_none()
    );
    // The stored value is a hash: the hash of the token does not work as a token.
    let hashed = kleur_services::secret::hash_token(&session.token);
    assert!(
        auth::session_actor(&db, &settings(), &hashed)
            .await
            .expect("lookup")
            .is_none()
    );

    auth::logout(&db, &session.token).await.expect("logout");
    assert!(
        auth::session_actor(&db, &settings(), &session.token)
            .await
            .expect("lookup")
            .is_none(),
        "logout ends the session"
    );
    assert!(
        auth::session_actor(&db, &settings(), &other.token)
            .await
            .expect("lookup")
            .is_some(),
        "logout ends only that session"
    );

    // A session that has expired is not found (session_hours = 0: it expires when it starts).
    let expired_settings = Settings {
        session_hours: 0,
        ..settings()
    };
    let expired = auth::login(&db, &expired_settings, EMAIL, PASSWORD)
        .await
        .expect("login");
    assert!(
        auth::session_actor(&db, &settings(), &expired.token)
            .await
            .expect("lookup")
            .is_none()
    );
}

/// Requests a reset for `email` and returns the token from the mail in the outbox.
async fn requested_reset_token(db: &Db, organisation_id: &str, email: &str) -> String {
    auth::request_password_reset(db, &settings(), email)
        .await
        .expect("request reset");
    let mut conn = db.acquire().await.expect("conn");
    let (messages, _) = outbox::list_recent(&mut conn, organisation_id, 1, 0)
        .await
        .expect("outbox");
    let message = messages.first().expect("a reset mail is queued");
    assert_eq!(message.recipient, email);
    reset_token(&message.body_text, &settings().base_url)
}

async fn password_reset_works_once_and_ends_sessions(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let fixture = with_people(&db).await;
    let session = login(&db, EMAIL, PASSWORD).await.expect("login");
    let token = requested_reset_token(&db, &fixture.organisation_id, EMAIL).await;
    assert!(
        auth::reset_token_is_valid(&db, &token)
            .await
            .expect("check")
    );
    assert!(
        !auth::reset_token_is_valid(&db, &"0".repeat(64))
            .await
            .expect("check")
    );

    // A too-short password is refused and does not use up the token.
    assert!(matches!(
        auth::reset_password(&db, &token, "kort").await,
        Err(ServiceError::Invalid(errors)) if errors[0].field == "password"
    ));
    assert!(
        auth::reset_token_is_valid(&db, &token)
            .await
            .expect("check")
    );

    let new_password = "een nieuw en lang wachtwoord";
    auth::reset_password(&db, &token, new_password)
        .await
        .expect("reset");

    assert!(
        auth::session_actor(&db, &settings(), &session.token)
            .await
            .expect("lookup")
            .is_none(),
        "a reset ends existing sessions"
    );
    assert_invalid_credentials(login(&db, EMAIL, PASSWORD).await);
    let signed_in = login(&db, EMAIL, new_password)
        .await
        .expect("the new password works");
    assert_eq!(signed_in.actor.person_id, fixture.person_id);

    // The token works once.
    assert!(
        !auth::reset_token_is_valid(&db, &token)
            .await
            .expect("check")
    );
    assert!(matches!(
        auth::reset_password(&db, &token, "nog een ander wachtwoord").await,
        Err(ServiceError::Invalid(errors)) if errors[0].field == "token"
    ));
    login(&db, EMAIL, new_password)
        .await
        .expect("the failed second use changed nothing");
    assert!(
        auth::session_actor(&db, &settings(), &signed_in.token)
            .await
            .expect("lookup")
            .is_some(),
        "the failed second use ended no session"
    );

    // A reset mail goes to the person who asked and works for nobody else.
    let mut conn = db.acquire().await.expect("conn");
    let (messages, total) = outbox::list_recent(&mut conn, &fixture.organisation_id, 10, 0)
        .await
        .expect("outbox");
    drop(conn);
    assert_eq!(total, 1);
    assert_eq!(messages[0].recipient, EMAIL);
    login(&db, "ahmed@elderveen.nl", "ahmeds own password")
        .await
        .expect("Ahmed's password is untouched");
}

async fn reset_mails_are_delivered_and_each_token_is_its_own(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let fixture = with_people(&db).await;
    let first = requested_reset_token(&db, &fixture.organisation_id, EMAIL).await;
    let second = requested_reset_token(&db, &fixture.organisation_id, EMAIL).await;
    assert_ne!(first, second);
    let report = deliver_due(&db, &Transport::Local).await.expect("deliver");
    assert_eq!(report.sent, 2);
    auth::reset_password(&db, &second, "het tweede nieuwe wachtwoord")
        .await
        .expect("second link");
    // Using one link does not spend the other; the last one used sets the password.
    auth::reset_password(&db, &first, "het eerste nieuwe wachtwoord")
        .await
        .expect("first link");
    assert_invalid_credentials(login(&db, EMAIL, "het tweede nieuwe wachtwoord").await);
    login(&db, EMAIL, "het eerste nieuwe wachtwoord")
        .await
        .expect("login");
}

async fn api_tokens_work_until_revoked(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let fixture = with_people(&db).await;
    let actor = actor_for(&db, &fixture.organisation_id, &fixture.person_id).await;

    let (id, token) = auth::create_api_token(&db, &actor, "  Rapportage  ")
        .await
        .expect("create");
    assert!(token.starts_with("kleur_"), "{token}");
    let (_other_id, other_token) = auth::create_api_token(&db, &actor, "Tweede")
        .await
        .expect("create");

    let found = auth::token_actor(&db, &token)
        .await
        .expect("lookup")
        .expect("the token works");
    assert_eq!(found.person_id, fixture.person_id);
    assert_eq!(found.organisation_id, fixture.organisation_id);
    assert!(found.roles.has(Role::Manager));
    assert!(
        auth::token_actor(&db, "kleur_0000")
            .await
            .expect("lookup")
            .is_none()
    );

    let listed = auth::list_api_tokens(&db, &actor).await.expect("list");
    assert_eq!(listed.len(), 2);
    let listed_token = listed.iter().find(|t| t.id == id).expect("listed");
    assert_eq!(listed_token.name, "Rapportage");
    assert!(listed_token.last_used_at.is_some(), "use is recorded");
    assert!(listed_token.revoked_at.is_none());

    // Someone else cannot revoke it, even knowing its id.
    let ahmed_id = {
        let mut conn = db.acquire().await.expect("conn");
        kleur_storage::people::find_person_by_email(
            &mut conn,
            &fixture.organisation_id,
            "ahmed@elderveen.nl",
        )
        .await
        .expect("query")
        .expect("Ahmed")
        .id
    };
    let ahmed = actor_for(&db, &fixture.organisation_id, &ahmed_id).await;
    assert!(matches!(
        auth::revoke_api_token(&db, &ahmed, &id).await,
        Err(ServiceError::NotFound)
    ));
    assert!(
        auth::token_actor(&db, &token)
            .await
            .expect("lookup")
            .is_some()
    );

    auth::revoke_api_token(&db, &actor, &id)
        .await
        .expect("revoke");
    assert!(
        auth::token_actor(&db, &token)
            .await
            .expect("lookup")
            .is_none(),
        "a revoked token stops working"
    );
    assert!(matches!(
        auth::revoke_api_token(&db, &actor, &id).await,
        Err(ServiceError::NotFound)
    ));
    assert!(
        auth::token_actor(&db, &other_token)
            .await
            .expect("lookup")
            .is_some(),
        "other tokens keep working"
    );
    assert!(matches!(
        auth::create_api_token(&db, &actor, "   ").await,
        Err(ServiceError::Invalid(_))
    ));
}

on_both_databases!(
    login_checks_the_password,
    repeated_failures_are_rate_limited,
    success_clears_earlier_failures,
    sessions_find_the_actor_until_logout,
    password_reset_works_once_and_ends_sessions,
    reset_mails_are_delivered_and_each_token_is_its_own,
    api_tokens_work_until_revoked,
);
