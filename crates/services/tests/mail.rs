//! Delivering the outbox over real SMTP (a sink on localhost), failing, backing off, retrying,
//! and the local transport; on both databases.

mod common;

use common::{fresh, organisation, person, reset_token, settings};
use kleur_services::auth;
use kleur_services::mail::{DeliveryReport, SmtpSecurity, SmtpSettings, Transport, deliver_due};
use kleur_storage::outbox::{self, OutboxMessage};
use kleur_storage::{Db, parse_timestamp};
use kleur_test_support::{ReceivedMail, SmtpSink, TestBackend, on_both_databases};

const RECIPIENT: &str = "sanne.vanderberg@elderveen.nl";

fn smtp_to(port: u16) -> Transport {
    Transport::smtp(&SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        security: SmtpSecurity::None,
        username: None,
        password: None,
        from: "Kleur <noreply@kleur.test>".into(),
    })
    .expect("transport")
}

/// A port nothing listens on: bound, then released.
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    drop(listener);
    port
}

/// An organisation with one person who asked for a password reset: one message in the outbox.
async fn reset_requested(db: &Db) -> String {
    let organisation_id = organisation(db, "elderveen").await;
    person(db, &organisation_id, "Sanne van der Berg", RECIPIENT, &[]).await;
    auth::request_password_reset(db, &settings(), "Sanne.vanderBerg@Elderveen.nl")
        .await
        .expect("request reset");
    organisation_id
}

async fn messages(db: &Db, organisation_id: &str) -> Vec<OutboxMessage> {
    let mut conn = db.acquire().await.expect("conn");
    let (items, total) = outbox::list_recent(&mut conn, organisation_id, 50, 0)
        .await
        .expect("outbox");
    assert_eq!(items.len() as i64, total);
    items
}

async fn only_message(db: &Db, organisation_id: &str) -> OutboxMessage {
    let mut all = messages(db, organisation_id).await;
    assert_eq!(all.len(), 1, "exactly one message in the outbox: {all:#?}");
    all.remove(0)
}

async fn next_attempt_at(db: &Db, message: &OutboxMessage) -> String {
    sqlx::query_scalar::<_, String>(
        "SELECT next_attempt_at FROM outbox WHERE organisation_id = $1 AND id = $2",
    )
    .bind(&message.organisation_id)
    .bind(&message.id)
    .fetch_one(db.pool())
    .await
    .expect("next attempt")
}

/// Splits a received message into headers and its decoded text body.
fn decode(mail: &ReceivedMail) -> (String, String) {
    let data = mail.data.replace("\r\n", "\n");
    let (headers, body) = data.split_once("\n\n").expect("headers and body");
    let encoding = headers
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("content-transfer-encoding")
                .then(|| value.trim().to_ascii_lowercase())
        })
        .unwrap_or_else(|| "7bit".into());
    let bytes = match encoding.as_str() {
        "quoted-printable" => quoted_printable(body),
        "base64" => base64(body),
        _ => body.as_bytes().to_vec(),
    };
    (
        headers.to_owned(),
        String::from_utf8(bytes).expect("UTF-8 body"),
    )
}

fn quoted_printable(text: &str) -> Vec<u8> {
    let joined = text.replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("ascii");
            out.push(u8::from_str_radix(hex, 16).expect("hex escape"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

fn base64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
    {
        let value = ALPHABET
            .iter()
            .position(|a| *a == c)
            .expect("base64 character") as u32;
        buffer = (buffer << 6) | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    out
}

async fn reset_mail_is_delivered_over_smtp_once(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let organisation_id = reset_requested(&db).await;
    let queued = only_message(&db, &organisation_id).await;
    assert_eq!(queued.recipient, RECIPIENT);
    assert_eq!((queued.attempts, queued.sent_at.as_deref()), (0, None));

    let sink = SmtpSink::start().await;
    let transport = smtp_to(sink.port);
    let report = deliver_due(&db, &transport).await.expect("deliver");
    assert_eq!(report, DeliveryReport { sent: 1, failed: 0 });

    let received = sink.messages();
    assert_eq!(received.len(), 1, "the sink got exactly one message");
    let mail = &received[0];
    assert_eq!(mail.to, [format!("<{RECIPIENT}>")]);
    assert_eq!(mail.from, "<noreply@kleur.test>");
    let (headers, body) = decode(mail);
    assert!(
        headers.contains("Subject: Nieuw wachtwoord voor Kleur"),
        "{headers}"
    );
    assert!(headers.contains(&format!("To: {RECIPIENT}")), "{headers}");
    assert!(
        headers.contains(&format!("Message-ID: <{}@kleur>", queued.id)),
        "{headers}"
    );
    // The link points at the configured address and carries a token that works.
    let token = reset_token(&body, &settings().base_url);
    assert!(
        auth::reset_token_is_valid(&db, &token)
            .await
            .expect("check token")
    );
    // The whole text arrives intact, accents included.
    let normalise = |text: &str| text.replace("\r\n", "\n").trim().to_owned();
    assert_eq!(normalise(&body), normalise(&queued.body_text));
    assert!(body.contains("één keer"), "{body}");

    let sent = only_message(&db, &organisation_id).await;
    assert!(sent.sent_at.is_some());
    assert_eq!(sent.transport.as_deref(), Some("smtp"));
    assert_eq!(sent.attempts, 1);
    assert_eq!(sent.last_error, None);

    // Nothing is sent twice.
    let again = deliver_due(&db, &transport).await.expect("deliver again");
    assert_eq!(again, DeliveryReport::default());
    assert_eq!(sink.messages().len(), 1);
    assert_eq!(only_message(&db, &organisation_id).await.attempts, 1);
}

async fn unreachable_server_marks_failed_and_backs_off(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let organisation_id = reset_requested(&db).await;

    let dead = smtp_to(closed_port());
    let report = deliver_due(&db, &dead).await.expect("deliver");
    assert_eq!(report, DeliveryReport { sent: 0, failed: 1 });
    let failed = only_message(&db, &organisation_id).await;
    assert_eq!(failed.sent_at, None);
    assert_eq!(failed.transport, None);
    assert_eq!(failed.attempts, 1);
    assert!(
        failed.last_error.as_deref().is_some_and(|e| !e.is_empty()),
        "{failed:#?}"
    );
    // The next attempt waits the first backoff step after the failure.
    let next = parse_timestamp(&next_attempt_at(&db, &failed).await).expect("timestamp");
    let created = parse_timestamp(&failed.created_at).expect("timestamp");
    assert!(
        next - created >= kleur_services::mail::backoff(1),
        "next attempt {next} is at least 30 s after {created}"
    );

    // Not due yet: a working server right now still gets nothing.
    let sink = SmtpSink::start().await;
    let working = smtp_to(sink.port);
    assert_eq!(
        deliver_due(&db, &working).await.expect("deliver"),
        DeliveryReport::default()
    );
    assert_eq!(
        deliver_due(&db, &dead).await.expect("deliver"),
        DeliveryReport::default()
    );
    assert!(sink.messages().is_empty());
    assert_eq!(only_message(&db, &organisation_id).await.attempts, 1);

    // Once due, the retry goes out and clears the error.
    sqlx::query("UPDATE outbox SET next_attempt_at = $1 WHERE organisation_id = $2")
        .bind("2000-01-01T00:00:00.000000Z")
        .bind(&organisation_id)
        .execute(db.pool())
        .await
        .expect("make due");
    assert_eq!(
        deliver_due(&db, &working).await.expect("retry"),
        DeliveryReport { sent: 1, failed: 0 }
    );
    assert_eq!(sink.messages().len(), 1);
    let sent = only_message(&db, &organisation_id).await;
    assert_eq!(sent.attempts, 2);
    assert_eq!(sent.last_error, None);
    assert_eq!(sent.transport.as_deref(), Some("smtp"));
}

async fn local_transport_marks_sent(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let organisation_id = reset_requested(&db).await;
    {
        let mut conn = db.acquire().await.expect("conn");
        outbox::enqueue(
            &mut conn,
            &organisation_id,
            "ahmed@elderveen.nl",
            "Welkom",
            "Hallo Ahmed",
        )
        .await
        .expect("enqueue");
    }
    let report = deliver_due(&db, &Transport::Local).await.expect("deliver");
    assert_eq!(report, DeliveryReport { sent: 2, failed: 0 });
    let all = messages(&db, &organisation_id).await;
    assert_eq!(all.len(), 2);
    for message in &all {
        assert!(message.sent_at.is_some(), "{message:#?}");
        assert_eq!(message.transport.as_deref(), Some("local"));
        assert_eq!(message.attempts, 1);
        assert_eq!(message.last_error, None);
    }
    assert_eq!(
        deliver_due(&db, &Transport::Local).await.expect("again"),
        DeliveryReport::default()
    );
}

async fn unknown_address_enqueues_nothing(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let organisation_id = reset_requested(&db).await;
    auth::request_password_reset(&db, &settings(), "niemand@elderveen.nl")
        .await
        .expect("same answer for unknown addresses");
    assert_eq!(messages(&db, &organisation_id).await.len(), 1);
    assert!(matches!(
        auth::request_password_reset(&db, &settings(), "geen adres").await,
        Err(kleur_services::ServiceError::Invalid(_))
    ));
}

on_both_databases!(
    reset_mail_is_delivered_over_smtp_once,
    unreachable_server_marks_failed_and_backs_off,
    local_transport_marks_sent,
    unknown_address_enqueues_nothing,
);
