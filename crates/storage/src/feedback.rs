//! Feedback rounds, invitations and the anonymous answers. What is stored, and what is not, is
//! the anonymity model: see migrations/0005_feedback.sql and docs/feedback-anonymity.md.

use sqlx::Row;

use crate::{Conn, Result, new_id, now};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Questionnaire {
    pub organisation_id: String,
    pub id: String,
    pub version: i64,
    pub name_nl: String,
    pub name_en: String,
    pub scale_points: i64,
    pub items: String,
    pub created_at: String,
}

const QUESTIONNAIRE_COLUMNS: &str =
    "organisation_id, id, version, name_nl, name_en, scale_points, items, created_at";

pub async fn insert_questionnaire(conn: &mut Conn, q: &Questionnaire) -> Result<()> {
    sqlx::query(
        "INSERT INTO feedback_questionnaires (organisation_id, id, version, name_nl, name_en, scale_points, items, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (organisation_id, id, version) DO NOTHING",
    )
    .bind(&q.organisation_id)
    .bind(&q.id)
    .bind(q.version)
    .bind(&q.name_nl)
    .bind(&q.name_en)
    .bind(q.scale_points)
    .bind(&q.items)
    .bind(&q.created_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The newest version of each questionnaire of an organisation.
pub async fn latest_questionnaires(
    conn: &mut Conn,
    organisation_id: &str,
) -> Result<Vec<Questionnaire>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {QUESTIONNAIRE_COLUMNS} FROM feedback_questionnaires q WHERE organisation_id = $1 \
         AND version = (SELECT MAX(version) FROM feedback_questionnaires v WHERE v.organisation_id = q.organisation_id AND v.id = q.id) \
         ORDER BY name_nl"
    )))
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?)
}

pub async fn get_questionnaire(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
    version: i64,
) -> Result<Option<Questionnaire>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {QUESTIONNAIRE_COLUMNS} FROM feedback_questionnaires WHERE organisation_id = $1 AND id = $2 AND version = $3"
    )))
    .bind(organisation_id)
    .bind(id)
    .bind(version)
    .fetch_optional(&mut *conn)
    .await?)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Round {
    pub organisation_id: String,
    pub id: String,
    pub subject_id: String,
    pub questionnaire_id: String,
    pub questionnaire_version: i64,
    pub title: String,
    pub deadline: String,
    pub status: String,
    pub min_respondents: i64,
    pub created_at: String,
    pub closed_at: Option<String>,
    pub shared_with_manager: i64,
    /// The manager who proposed the round (status `proposed` until the employee consents).
    pub proposed_by: Option<String>,
    /// The proposed raters (JSON), only while the round waits for consent.
    pub proposal: Option<String>,
}

const ROUND_COLUMNS: &str = "organisation_id, id, subject_id, questionnaire_id, questionnaire_version, title, deadline, status, min_respondents, created_at, closed_at, shared_with_manager, proposed_by, proposal";

pub async fn insert_round(conn: &mut Conn, round: &Round) -> Result<()> {
    sqlx::query(
        "INSERT INTO feedback_rounds (organisation_id, id, subject_id, questionnaire_id, questionnaire_version, title, deadline, status, min_respondents, created_at, closed_at, proposed_by, proposal) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(&round.organisation_id)
    .bind(&round.id)
    .bind(&round.subject_id)
    .bind(&round.questionnaire_id)
    .bind(round.questionnaire_version)
    .bind(&round.title)
    .bind(&round.deadline)
    .bind(&round.status)
    .bind(round.min_respondents)
    .bind(&round.created_at)
    .bind(&round.closed_at)
    .bind(&round.proposed_by)
    .bind(&round.proposal)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn get_round(conn: &mut Conn, organisation_id: &str, id: &str) -> Result<Option<Round>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ROUND_COLUMNS} FROM feedback_rounds WHERE organisation_id = $1 AND id = $2"
    )))
    .bind(organisation_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?)
}

pub async fn rounds_of(
    conn: &mut Conn,
    organisation_id: &str,
    subject_id: &str,
) -> Result<Vec<Round>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ROUND_COLUMNS} FROM feedback_rounds WHERE organisation_id = $1 AND subject_id = $2 ORDER BY created_at DESC"
    )))
    .bind(organisation_id)
    .bind(subject_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// Marks a round closed if it is open. False when it was already closed.
pub async fn close_round(conn: &mut Conn, organisation_id: &str, id: &str) -> Result<bool> {
    let result = sqlx::query("UPDATE feedback_rounds SET status = 'closed', closed_at = $3 WHERE organisation_id = $1 AND id = $2 AND status = 'open'")
        .bind(organisation_id)
        .bind(id)
        .bind(now())
        .execute(&mut *conn)
        .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn set_deadline(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
    deadline: &str,
) -> Result<()> {
    sqlx::query("UPDATE feedback_rounds SET deadline = $3 WHERE organisation_id = $1 AND id = $2 AND status = 'open'")
        .bind(organisation_id)
        .bind(id)
        .bind(deadline)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Open rounds whose deadline (a date) has passed.
pub async fn rounds_past_deadline(conn: &mut Conn, today: &str) -> Result<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT organisation_id, id FROM feedback_rounds WHERE status = 'open' AND deadline < $1",
    )
    .bind(today)
    .fetch_all(&mut *conn)
    .await?)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Invitation {
    pub organisation_id: String,
    pub id: String,
    pub round_id: String,
    pub rater_group: String,
    pub person_id: Option<String>,
    pub email: String,
    pub expires_at: String,
    pub revoked_at: Option<String>,
    pub submitted: i64,
    pub draft: Option<String>,
    /// Bits of the reminders already sent (1: three days before, 2: one day before).
    pub reminders_sent: i64,
}

const INVITATION_COLUMNS: &str = "organisation_id, id, round_id, rater_group, person_id, email, expires_at, revoked_at, submitted, draft, reminders_sent";

#[allow(clippy::too_many_arguments)]
pub async fn insert_invitation(
    conn: &mut Conn,
    organisation_id: &str,
    round_id: &str,
    rater_group: &str,
    person_id: Option<&str>,
    email: &str,
    token_hash: &str,
    expires_at: &str,
) -> Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO feedback_invitations (organisation_id, id, round_id, rater_group, person_id, email, token_hash, expires_at, submitted) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0)",
    )
    .bind(organisation_id)
    .bind(&id)
    .bind(round_id)
    .bind(rater_group)
    .bind(person_id)
    .bind(email)
    .bind(token_hash)
    .bind(expires_at)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// An invitation by the hash of its link's token: the only way a rater is recognised.
pub async fn invitation_by_token(conn: &mut Conn, token_hash: &str) -> Result<Option<Invitation>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {INVITATION_COLUMNS} FROM feedback_invitations WHERE token_hash = $1"
    )))
    .bind(token_hash)
    .fetch_optional(&mut *conn)
    .await?)
}

pub async fn get_invitation(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
) -> Result<Option<Invitation>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {INVITATION_COLUMNS} FROM feedback_invitations WHERE organisation_id = $1 AND id = $2"
    )))
    .bind(organisation_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?)
}

pub async fn invitations_of_round(
    conn: &mut Conn,
    organisation_id: &str,
    round_id: &str,
) -> Result<Vec<Invitation>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {INVITATION_COLUMNS} FROM feedback_invitations WHERE organisation_id = $1 AND round_id = $2 ORDER BY rater_group, email"
    )))
    .bind(organisation_id)
    .bind(round_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// Open requests for a signed-in rater: invitations to them in rounds still open.
pub async fn open_invitations_for(
    conn: &mut Conn,
    organisation_id: &str,
    person_id: &str,
) -> Result<Vec<(Invitation, String, String)>> {
    let rows = sqlx::query(
        "SELECT i.id, i.round_id, i.rater_group, i.email, i.expires_at, i.submitted, r.title, p.display_name FROM feedback_invitations i \
         JOIN feedback_rounds r ON r.organisation_id = i.organisation_id AND r.id = i.round_id \
         JOIN people p ON p.organisation_id = r.organisation_id AND p.id = r.subject_id \
         WHERE i.organisation_id = $1 AND i.person_id = $2 AND r.status = 'open' AND i.revoked_at IS NULL AND i.submitted = 0 ORDER BY r.deadline",
    )
    .bind(organisation_id)
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::new();
    for row in rows {
        out.push((
            Invitation {
                organisation_id: organisation_id.to_owned(),
                id: row.try_get(0)?,
                round_id: row.try_get(1)?,
                rater_group: row.try_get(2)?,
                person_id: Some(person_id.to_owned()),
                email: row.try_get(3)?,
                expires_at: row.try_get(4)?,
                revoked_at: None,
                submitted: row.try_get(5)?,
                draft: None,
                reminders_sent: 0,
            },
            row.try_get(6)?,
            row.try_get(7)?,
        ));
    }
    Ok(out)
}

pub async fn save_draft(
    conn: &mut Conn,
    organisation_id: &str,
    invitation_id: &str,
    draft: &str,
) -> Result<()> {
    sqlx::query("UPDATE feedback_invitations SET draft = $3 WHERE organisation_id = $1 AND id = $2 AND submitted = 0")
        .bind(organisation_id)
        .bind(invitation_id)
        .bind(draft)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Marks an invitation used, once: false when it was already submitted (a double submit).
pub async fn mark_submitted(
    conn: &mut Conn,
    organisation_id: &str,
    invitation_id: &str,
) -> Result<bool> {
    let result = sqlx::query(
        "UPDATE feedback_invitations SET submitted = 1, draft = NULL WHERE organisation_id = $1 AND id = $2 AND submitted = 0 AND revoked_at IS NULL",
    )
    .bind(organisation_id)
    .bind(invitation_id)
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn revoke_invitation(
    conn: &mut Conn,
    organisation_id: &str,
    round_id: &str,
    invitation_id: &str,
) -> Result<bool> {
    let result = sqlx::query(
        "UPDATE feedback_invitations SET revoked_at = $4 WHERE organisation_id = $1 AND round_id = $2 AND id = $3 AND submitted = 0 AND revoked_at IS NULL",
    )
    .bind(organisation_id)
    .bind(round_id)
    .bind(invitation_id)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Stores one rater's answers: a random id, the group, nothing else about them.
pub async fn insert_response(
    conn: &mut Conn,
    organisation_id: &str,
    round_id: &str,
    rater_group: &str,
    ratings_json: &str,
) -> Result<()> {
    sqlx::query("INSERT INTO feedback_responses (organisation_id, id, round_id, rater_group, ratings) VALUES ($1, $2, $3, $4, $5)")
        .bind(organisation_id)
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(round_id)
        .bind(rater_group)
        .bind(ratings_json)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn insert_comment(
    conn: &mut Conn,
    organisation_id: &str,
    round_id: &str,
    item_key: &str,
    body: &str,
) -> Result<()> {
    sqlx::query("INSERT INTO feedback_comments (organisation_id, id, round_id, item_key, body) VALUES ($1, $2, $3, $4, $5)")
        .bind(organisation_id)
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(round_id)
        .bind(item_key)
        .bind(body)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// `(group, ratings JSON)` of every response of a round, in id (random) order.
pub async fn responses_of_round(
    conn: &mut Conn,
    organisation_id: &str,
    round_id: &str,
) -> Result<Vec<(String, String)>> {
    Ok(sqlx::query_as("SELECT rater_group, ratings FROM feedback_responses WHERE organisation_id = $1 AND round_id = $2 ORDER BY id")
        .bind(organisation_id)
        .bind(round_id)
        .fetch_all(&mut *conn)
        .await?)
}

/// `(item key, text)` of every comment of a round, in id (random) order.
pub async fn comments_of_round(
    conn: &mut Conn,
    organisation_id: &str,
    round_id: &str,
) -> Result<Vec<(String, String)>> {
    Ok(sqlx::query_as("SELECT item_key, body FROM feedback_comments WHERE organisation_id = $1 AND round_id = $2 ORDER BY item_key, id")
        .bind(organisation_id)
        .bind(round_id)
        .fetch_all(&mut *conn)
        .await?)
}

/// Replaces a round's responses and comments by the same content with new random ids, in the
/// given order (the caller shuffles and merges small groups), so nothing physical or logical
/// keeps the order of submission.
pub async fn rewrite_anonymous_rows(
    conn: &mut Conn,
    organisation_id: &str,
    round_id: &str,
    responses: &[(String, String)],
    comments: &[(String, String)],
) -> Result<()> {
    sqlx::query("DELETE FROM feedback_responses WHERE organisation_id = $1 AND round_id = $2")
        .bind(organisation_id)
        .bind(round_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM feedback_comments WHERE organisation_id = $1 AND round_id = $2")
        .bind(organisation_id)
        .bind(round_id)
        .execute(&mut *conn)
        .await?;
    for (group, ratings) in responses {
        insert_response(conn, organisation_id, round_id, group, ratings).await?;
    }
    for (item, body) in comments {
        insert_comment(conn, organisation_id, round_id, item, body).await?;
    }
    Ok(())
}

pub async fn set_invitation_expiry(
    conn: &mut Conn,
    organisation_id: &str,
    round_id: &str,
    expires_at: &str,
) -> Result<()> {
    sqlx::query("UPDATE feedback_invitations SET expires_at = $3 WHERE organisation_id = $1 AND round_id = $2 AND submitted = 0")
        .bind(organisation_id)
        .bind(round_id)
        .bind(expires_at)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn set_shared_with_manager(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
    shared: bool,
) -> Result<()> {
    sqlx::query("UPDATE feedback_rounds SET shared_with_manager = $3 WHERE organisation_id = $1 AND id = $2")
        .bind(organisation_id)
        .bind(id)
        .bind(i64::from(shared))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Closed rounds whose report the subject shared with `manager_id`, who must still be their
/// manager.
pub async fn rounds_shared_with(
    conn: &mut Conn,
    organisation_id: &str,
    manager_id: &str,
) -> Result<Vec<(Round, String)>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {}, p.display_name FROM feedback_rounds r JOIN people p ON p.organisation_id = r.organisation_id AND p.id = r.subject_id \
         WHERE r.organisation_id = $1 AND p.manager_id = $2 AND r.shared_with_manager = 1 AND r.status = 'closed' ORDER BY r.closed_at DESC",
        ROUND_COLUMNS.split(", ").map(|c| format!("r.{c}")).collect::<Vec<_>>().join(", ")
    )))
    .bind(organisation_id)
    .bind(manager_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::new();
    for row in &rows {
        use sqlx::FromRow;
        let round = Round::from_row(row)?;
        let name: String = row.try_get("display_name")?;
        out.push((round, name));
    }
    Ok(out)
}

/// The invitations of every round of one subject, for the overview of their rounds.
pub async fn invitations_of_subject(
    conn: &mut Conn,
    organisation_id: &str,
    subject_id: &str,
) -> Result<Vec<Invitation>> {
    let columns: Vec<String> = INVITATION_COLUMNS
        .split(", ")
        .map(|c| format!("i.{c}"))
        .collect();
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {} FROM feedback_invitations i JOIN feedback_rounds r ON r.organisation_id = i.organisation_id AND r.id = i.round_id \
         WHERE i.organisation_id = $1 AND r.subject_id = $2",
        columns.join(", ")
    )))
    .bind(organisation_id)
    .bind(subject_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// The newest version of one questionnaire.
pub async fn latest_questionnaire(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
) -> Result<Option<Questionnaire>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {QUESTIONNAIRE_COLUMNS} FROM feedback_questionnaires WHERE organisation_id = $1 AND id = $2 ORDER BY version DESC LIMIT 1"
    )))
    .bind(organisation_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Every version of one questionnaire, newest first.
pub async fn questionnaire_versions(
    conn: &mut Conn,
    organisation_id: &str,
    id: &str,
) -> Result<Vec<i64>> {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT version FROM feedback_questionnaires WHERE organisation_id = $1 AND id = $2 ORDER BY version DESC",
    )
    .bind(organisation_id)
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|(v,)| v).collect())
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow, serde::Serialize)]
pub struct Assignment {
    pub questionnaire_id: String,
    pub target_kind: String,
    pub target: String,
}

pub async fn assignments(conn: &mut Conn, organisation_id: &str) -> Result<Vec<Assignment>> {
    Ok(sqlx::query_as(
        "SELECT questionnaire_id, target_kind, target FROM feedback_questionnaire_assignments WHERE organisation_id = $1 \
         ORDER BY questionnaire_id, target_kind, target",
    )
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?)
}

pub async fn insert_assignment(
    conn: &mut Conn,
    organisation_id: &str,
    assignment: &Assignment,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO feedback_questionnaire_assignments (organisation_id, questionnaire_id, target_kind, target, created_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (organisation_id, questionnaire_id, target_kind, target) DO NOTHING",
    )
    .bind(organisation_id)
    .bind(&assignment.questionnaire_id)
    .bind(&assignment.target_kind)
    .bind(&assignment.target)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Another questionnaire assigned to exactly this target, if any (one per target).
pub async fn assigned_to(
    conn: &mut Conn,
    organisation_id: &str,
    target_kind: &str,
    target: &str,
) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT questionnaire_id FROM feedback_questionnaire_assignments WHERE organisation_id = $1 AND target_kind = $2 AND target = $3",
    )
    .bind(organisation_id)
    .bind(target_kind)
    .bind(target)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

pub async fn delete_assignment(
    conn: &mut Conn,
    organisation_id: &str,
    assignment: &Assignment,
) -> Result<bool> {
    let result = sqlx::query(
        "DELETE FROM feedback_questionnaire_assignments WHERE organisation_id = $1 AND questionnaire_id = $2 AND target_kind = $3 AND target = $4",
    )
    .bind(organisation_id)
    .bind(&assignment.questionnaire_id)
    .bind(&assignment.target_kind)
    .bind(&assignment.target)
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// The distinct function titles of an organisation's active people, for assigning.
pub async fn function_titles(conn: &mut Conn, organisation_id: &str) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT function_title FROM people WHERE organisation_id = $1 AND active = 1 AND function_title <> '' ORDER BY function_title",
    )
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|(t,)| t).collect())
}

/// `(id, name)` of everyone who manages at least one active person: the teams.
pub async fn team_leads(conn: &mut Conn, organisation_id: &str) -> Result<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT m.id, m.display_name FROM people m WHERE m.organisation_id = $1 AND EXISTS \
         (SELECT 1 FROM people p WHERE p.organisation_id = m.organisation_id AND p.manager_id = m.id AND p.active = 1) ORDER BY m.display_name",
    )
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// Whether managers may propose rounds for their team (off unless HR turned it on).
pub async fn manager_rounds_enabled(conn: &mut Conn, organisation_id: &str) -> Result<bool> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT manager_rounds FROM feedback_settings WHERE organisation_id = $1")
            .bind(organisation_id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.is_some_and(|(v,)| v == 1))
}

pub async fn set_manager_rounds(conn: &mut Conn, organisation_id: &str, on: bool) -> Result<()> {
    sqlx::query(
        "INSERT INTO feedback_settings (organisation_id, manager_rounds, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (organisation_id) DO UPDATE SET manager_rounds = $2, updated_at = $3",
    )
    .bind(organisation_id)
    .bind(i64::from(on))
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Reminder bits in `feedback_invitations.reminders_sent`.
pub const REMINDER_THREE_DAYS: i64 = 1;
pub const REMINDER_ONE_DAY: i64 = 2;
pub const REMINDER_BY_EMPLOYEE: i64 = 4;

/// Gives an unanswered invitation a new link (the old hash stops matching) and records the
/// reminder bit, once: false when the invitation was answered, revoked or already had the bit.
pub async fn renew_link(
    conn: &mut Conn,
    organisation_id: &str,
    invitation_id: &str,
    token_hash: &str,
    reminder_bit: i64,
) -> Result<bool> {
    // `&` is bitwise AND on both SQLite and PostgreSQL.
    let result = sqlx::query(
        "UPDATE feedback_invitations SET token_hash = $3, reminders_sent = reminders_sent + $4 \
         WHERE organisation_id = $1 AND id = $2 AND submitted = 0 AND revoked_at IS NULL AND (reminders_sent & $4) = 0",
    )
    .bind(organisation_id)
    .bind(invitation_id)
    .bind(token_hash)
    .bind(reminder_bit)
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Unanswered, unrevoked invitations (not the employee's own) of open rounds created before
/// `created_before` whose deadline lies in `[from, to]` and that have had neither `bit` nor a
/// later automatic reminder: `(organisation, invitation id)`.
pub async fn invitations_due_reminder(
    conn: &mut Conn,
    from: &str,
    to: &str,
    created_before: &str,
    bit: i64,
) -> Result<Vec<(String, String)>> {
    // A reminder is skipped once a later one went out (bit 2 also rules out bit 1).
    let skip = if bit == REMINDER_THREE_DAYS {
        REMINDER_THREE_DAYS | REMINDER_ONE_DAY
    } else {
        bit
    };
    Ok(sqlx::query_as(
        "SELECT i.organisation_id, i.id FROM feedback_invitations i JOIN feedback_rounds r ON r.organisation_id = i.organisation_id AND r.id = i.round_id \
         WHERE r.status = 'open' AND r.deadline >= $1 AND r.deadline <= $2 AND r.created_at < $3 \
         AND i.submitted = 0 AND i.revoked_at IS NULL AND i.rater_group <> 'self' AND (i.reminders_sent & $4) = 0",
    )
    .bind(from)
    .bind(to)
    .bind(created_before)
    .bind(skip)
    .fetch_all(&mut *conn)
    .await?)
}

/// Rounds proposed to `subject_id` by their manager and still waiting for consent.
pub async fn proposals_for(
    conn: &mut Conn,
    organisation_id: &str,
    subject_id: &str,
) -> Result<Vec<Round>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ROUND_COLUMNS} FROM feedback_rounds WHERE organisation_id = $1 AND subject_id = $2 AND status = 'proposed' ORDER BY created_at DESC"
    )))
    .bind(organisation_id)
    .bind(subject_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// Rounds `manager_id` proposed, whatever became of them, with the employee's name.
pub async fn proposals_by(
    conn: &mut Conn,
    organisation_id: &str,
    manager_id: &str,
) -> Result<Vec<(String, String, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT r.id, r.title, r.status, p.display_name FROM feedback_rounds r JOIN people p ON p.organisation_id = r.organisation_id AND p.id = r.subject_id \
         WHERE r.organisation_id = $1 AND r.proposed_by = $2 ORDER BY r.created_at DESC",
    )
    .bind(organisation_id)
    .bind(manager_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// The employee declines a proposal: it stays as 'declined' (so the manager sees the answer),
/// without the proposed raters.
pub async fn decline_proposal(conn: &mut Conn, organisation_id: &str, id: &str) -> Result<bool> {
    let result = sqlx::query(
        "UPDATE feedback_rounds SET status = 'declined', proposal = NULL, closed_at = $3 WHERE organisation_id = $1 AND id = $2 AND status = 'proposed'",
    )
    .bind(organisation_id)
    .bind(id)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Removes a proposal that is being turned into a real round (same id) in this transaction.
pub async fn delete_proposal(conn: &mut Conn, organisation_id: &str, id: &str) -> Result<bool> {
    let result = sqlx::query(
        "DELETE FROM feedback_rounds WHERE organisation_id = $1 AND id = $2 AND status = 'proposed'",
    )
    .bind(organisation_id)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// One stored answer of a closed round, with what HR aggregates need and nothing more: the
/// subject's unit and id (to count distinct people), the questionnaire, the group, the ratings.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ClosedAnswer {
    pub unit_id: Option<String>,
    pub subject_id: String,
    pub questionnaire_id: String,
    pub questionnaire_version: i64,
    pub rater_group: String,
    pub ratings: String,
}

/// Every answer of the organisation's closed rounds, for aggregates above the threshold.
pub async fn closed_answers(conn: &mut Conn, organisation_id: &str) -> Result<Vec<ClosedAnswer>> {
    Ok(sqlx::query_as(
        "SELECT p.unit_id, r.subject_id, r.questionnaire_id, r.questionnaire_version, a.rater_group, a.ratings \
         FROM feedback_responses a JOIN feedback_rounds r ON r.organisation_id = a.organisation_id AND r.id = a.round_id \
         JOIN people p ON p.organisation_id = r.organisation_id AND p.id = r.subject_id \
         WHERE a.organisation_id = $1 AND r.status = 'closed'",
    )
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?)
}
