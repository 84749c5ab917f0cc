//! Importing an HR export: units, people, managers and roles, all or nothing, on both databases.

mod common;

use std::collections::HashMap;

use common::{actor_for, fresh, organisation, people_in, units_in};
use kleur_domain::import::ImportIssue;
use kleur_services::import::{ImportError, ImportReport, import_people_csv};
use kleur_storage::people::Person;
use kleur_storage::{Db, org, people as store};
use kleur_test_support::{TestBackend, on_both_databases};

const HEADER: &str = "personeelsnummer;voornaam;tussenvoegsel;achternaam;email;functie;afdeling;leidinggevende;rollen";

/// What Dutch Excel writes with "CSV UTF-8": a byte order mark, `;` separators, CRLF line ends.
/// Reports come before their managers on purpose; unit names differ in case on line 6.
fn excel_export() -> Vec<u8> {
    let lines = [
        HEADER,
        "1003;Ahmed;;Yilmaz;ahmed.yilmaz@elderveen.nl;Consulent Werk en Inkomen;Gemeente Elderveen > Sociaal Domein > Werk en Inkomen > Team Noord;1002;",
        "1002;Sanne;van der;Berg;Sanne.vanderBerg@Elderveen.NL;Teamcoach;Gemeente Elderveen > Sociaal Domein > Werk en Inkomen > Team Noord;1001;leidinggevende",
        "1001;Willem;;Dekker;willem.dekker@elderveen.nl;Directeur Sociaal Domein;Gemeente Elderveen > Sociaal Domein;;directie",
        "1004;Priya;;Ramdin;priya.ramdin@elderveen.nl;HR-adviseur;Gemeente Elderveen > Bedrijfsvoering > Personeel en Organisatie;1001;hr-adviseur",
        "1005;Fatima;el;Amrani;fatima.elamrani@elderveen.nl;Beleidsadviseur;gemeente elderveen > sociaal domein > werk en inkomen > TEAM NOORD;1002;ambassadeur,beheerder",
    ];
    excel(&lines)
}

fn excel(lines: &[&str]) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    for line in lines {
        bytes.extend_from_slice(line.as_bytes());
        bytes.extend_from_slice(b"\r\n");
    }
    bytes
}

async fn by_number(db: &Db, organisation_id: &str, number: &str) -> Person {
    let mut conn = db.acquire().await.expect("conn");
    store::find_person_by_employee_number(&mut conn, organisation_id, number)
        .await
        .expect("query")
        .unwrap_or_else(|| panic!("person {number} exists"))
}

async fn roles(db: &Db, organisation_id: &str, person_id: &str) -> Vec<String> {
    let mut conn = db.acquire().await.expect("conn");
    store::roles_of(&mut conn, organisation_id, person_id)
        .await
        .expect("roles")
}

/// Path key -> unit, for checking the tree.
async fn units(db: &Db, organisation_id: &str) -> HashMap<String, org::Unit> {
    let mut conn = db.acquire().await.expect("conn");
    org::list_units(&mut conn, organisation_id)
        .await
        .expect("units")
        .into_iter()
        .map(|u| (u.path_key.clone(), u))
        .collect()
}

fn expect_issues(result: Result<ImportReport, ImportError>) -> Vec<ImportIssue> {
    match result {
        Err(ImportError::Invalid(issues)) => issues,
        other => panic!("expected the import to be refused with issues, got {other:?}"),
    }
}

fn lines_and_columns(issues: &[ImportIssue]) -> Vec<(usize, Option<&'static str>)> {
    issues.iter().map(|i| (i.line, i.column)).collect()
}

/// A snapshot of everything an import may touch, to prove a refused import changed nothing.
async fn snapshot(db: &Db, organisation_id: &str) -> Vec<String> {
    let mut rows: Vec<String> = sqlx::query_as::<_, (String, Option<String>, String, String, String, Option<String>, Option<String>)>(
        "SELECT id, employee_number, display_name, email, function_title, unit_id, manager_id FROM people WHERE organisation_id = $1",
    )
    .bind(organisation_id)
    .fetch_all(db.pool())
    .await
    .expect("people")
    .into_iter()
    .map(|row| format!("{row:?}"))
    .collect();
    rows.extend(
        sqlx::query_as::<_, (String, String)>(
            "SELECT person_id, role FROM person_roles WHERE organisation_id = $1",
        )
        .bind(organisation_id)
        .fetch_all(db.pool())
        .await
        .expect("roles")
        .into_iter()
        .map(|row| format!("{row:?}")),
    );
    rows.extend(
        sqlx::query_as::<_, (String, Option<String>, String)>(
            "SELECT id, parent_id, path_key FROM units WHERE organisation_id = $1",
        )
        .bind(organisation_id)
        .fetch_all(db.pool())
        .await
        .expect("units")
        .into_iter()
        .map(|row| format!("{row:?}")),
    );
    rows.sort();
    rows
}

async fn excel_export_creates_units_people_managers_and_roles(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let organisation_id = organisation(&db, "elderveen").await;

    let report = import_people_csv(&db, &organisation_id, &excel_export())
        .await
        .expect("a clean file imports");
    assert_eq!(
        report,
        ImportReport {
            created: 5,
            updated: 0,
            units_created: 6
        }
    );
    assert_eq!(people_in(&db, &organisation_id).await, 5);
    assert_eq!(units_in(&db, &organisation_id).await, 6);

    // The unit tree: each path segment is a unit under the one before it; case does not matter.
    let units = units(&db, &organisation_id).await;
    let root = &units["gemeente elderveen"];
    assert_eq!(root.parent_id, None);
    assert_eq!(root.name, "Gemeente Elderveen");
    let parent_of = |key: &str| units[key].parent_id.clone();
    let id_of = |key: &str| Some(units[key].id.clone());
    assert_eq!(
        parent_of("gemeente elderveen > sociaal domein"),
        id_of("gemeente elderveen")
    );
    assert_eq!(
        parent_of("gemeente elderveen > sociaal domein > werk en inkomen"),
        id_of("gemeente elderveen > sociaal domein")
    );
    let team_key = "gemeente elderveen > sociaal domein > werk en inkomen > team noord";
    assert_eq!(
        parent_of(team_key),
        id_of("gemeente elderveen > sociaal domein > werk en inkomen")
    );
    assert_eq!(units[team_key].name, "Team Noord");
    assert_eq!(
        parent_of("gemeente elderveen > bedrijfsvoering > personeel en organisatie"),
        id_of("gemeente elderveen > bedrijfsvoering")
    );
    assert_eq!(
        parent_of("gemeente elderveen > bedrijfsvoering"),
        id_of("gemeente elderveen")
    );

    let willem = by_number(&db, &organisation_id, "1001").await;
    let sanne = by_number(&db, &organisation_id, "1002").await;
    let ahmed = by_number(&db, &organisation_id, "1003").await;
    let priya = by_number(&db, &organisation_id, "1004").await;
    let fatima = by_number(&db, &organisation_id, "1005").await;

    assert_eq!(sanne.display_name, "Sanne van der Berg");
    assert_eq!(
        sanne.email, "sanne.vanderberg@elderveen.nl",
        "e-mail is normalised"
    );
    assert_eq!(fatima.display_name, "Fatima el Amrani");
    assert_eq!(ahmed.function_title, "Consulent Werk en Inkomen");

    // Managers resolve even though each report comes before their manager in the file.
    assert_eq!(ahmed.manager_id.as_deref(), Some(sanne.id.as_str()));
    assert_eq!(sanne.manager_id.as_deref(), Some(willem.id.as_str()));
    assert_eq!(priya.manager_id.as_deref(), Some(willem.id.as_str()));
    assert_eq!(fatima.manager_id.as_deref(), Some(sanne.id.as_str()));
    assert_eq!(willem.manager_id, None);

    assert_eq!(ahmed.unit_id, id_of(team_key));
    assert_eq!(
        fatima.unit_id,
        id_of(team_key),
        "unit paths match case-insensitively"
    );
    assert_eq!(willem.unit_id, id_of("gemeente elderveen > sociaal domein"));

    // Roles from Dutch words; everyone is an employee.
    assert_eq!(roles(&db, &organisation_id, &ahmed.id).await, ["employee"]);
    assert_eq!(
        roles(&db, &organisation_id, &sanne.id).await,
        ["employee", "manager"]
    );
    assert_eq!(
        roles(&db, &organisation_id, &willem.id).await,
        ["employee", "management"]
    );
    assert_eq!(
        roles(&db, &organisation_id, &priya.id).await,
        ["employee", "hr_adviser"]
    );
    assert_eq!(
        roles(&db, &organisation_id, &fatima.id).await,
        ["administrator", "ambassador", "employee"]
    );

    // The service's view of the tree agrees: depth and head count per unit.
    let actor = actor_for(&db, &organisation_id, &priya.id).await;
    let tree = kleur_services::people::unit_tree(&db, &actor)
        .await
        .expect("tree");
    let team = tree
        .iter()
        .find(|node| node.unit.path_key == team_key)
        .expect("team in tree");
    assert_eq!((team.depth, team.people), (3, 3));
    assert_eq!(tree[0].unit.path_key, "gemeente elderveen");
}

async fn reimport_updates_by_employee_number(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let organisation_id = organisation(&db, "elderveen").await;
    import_people_csv(&db, &organisation_id, &excel_export())
        .await
        .expect("first import");
    let ahmed_before = by_number(&db, &organisation_id, "1003").await;
    let priya_before = by_number(&db, &organisation_id, "1004").await;
    let willem = by_number(&db, &organisation_id, "1001").await;
    assert_eq!(people_in(&db, &organisation_id).await, 5);

    // Ahmed is promoted and moves team with a new manager; Priya has a new e-mail address;
    // Bram is new. Sanne is not in this file and stays as she is.
    let changed = excel(&[
        HEADER,
        "1003;Ahmed;;Yilmaz;ahmed.yilmaz@elderveen.nl;Senior consulent;Gemeente Elderveen > Sociaal Domein > Werk en Inkomen > Team Zuid;1001;leidinggevende",
        "1001;Willem;;Dekker;willem.dekker@elderveen.nl;Directeur Sociaal Domein;Gemeente Elderveen > Sociaal Domein;;directie",
        "1004;Priya;;Ramdin;p.ramdin@elderveen.nl;HR-adviseur;Gemeente Elderveen > Bedrijfsvoering > Personeel en Organisatie;1001;hr-adviseur",
        "1005;Fatima;el;Amrani;fatima.elamrani@elderveen.nl;Beleidsadviseur;Gemeente Elderveen > Sociaal Domein > Werk en Inkomen > Team Noord;1002;ambassadeur",
        "1006;Bram;de;Vries;bram.devries@elderveen.nl;Klantmanager;Gemeente Elderveen > Sociaal Domein > Werk en Inkomen > Team Zuid;1003;",
    ]);
    let report = import_people_csv(&db, &organisation_id, &changed)
        .await
        .expect("second import");
    assert_eq!(
        report,
        ImportReport {
            created: 1,
            updated: 4,
            units_created: 1
        }
    );
    assert_eq!(
        people_in(&db, &organisation_id).await,
        6,
        "updated, not duplicated"
    );
    assert_eq!(units_in(&db, &organisation_id).await, 7);

    let ahmed = by_number(&db, &organisation_id, "1003").await;
    assert_eq!(ahmed.id, ahmed_before.id, "the same person is updated");
    assert_eq!(ahmed.function_title, "Senior consulent");
    let zuid = units(&db, &organisation_id).await
        ["gemeente elderveen > sociaal domein > werk en inkomen > team zuid"]
        .clone();
    assert_eq!(ahmed.unit_id.as_deref(), Some(zuid.id.as_str()));
    assert_ne!(ahmed.unit_id, ahmed_before.unit_id);
    assert_eq!(ahmed.manager_id.as_deref(), Some(willem.id.as_str()));
    assert_eq!(
        roles(&db, &organisation_id, &ahmed.id).await,
        ["employee", "manager"]
    );

    let priya = by_number(&db, &organisation_id, "1004").await;
    assert_eq!(priya.id, priya_before.id);
    assert_eq!(priya.email, "p.ramdin@elderveen.nl");

    let bram = by_number(&db, &organisation_id, "1006").await;
    assert_eq!(bram.manager_id.as_deref(), Some(ahmed.id.as_str()));
    assert_eq!(bram.unit_id.as_deref(), Some(zuid.id.as_str()));

    // What the service shows agrees with the table.
    let actor = actor_for(&db, &organisation_id, &priya.id).await;
    let detail = kleur_services::people::get(&db, &actor, &ahmed.id)
        .await
        .expect("detail");
    assert_eq!(detail.person.function_title, "Senior consulent");
    assert_eq!(detail.unit.map(|u| u.name).as_deref(), Some("Team Zuid"));
    assert_eq!(
        detail.manager.map(|m| m.display_name).as_deref(),
        Some("Willem Dekker")
    );

    // Importing the same file again changes no counts.
    let again = import_people_csv(&db, &organisation_id, &changed)
        .await
        .expect("third import");
    assert_eq!(
        again,
        ImportReport {
            created: 0,
            updated: 5,
            units_created: 0
        }
    );
    assert_eq!(people_in(&db, &organisation_id).await, 6);
    assert_eq!(units_in(&db, &organisation_id).await, 7);
}

async fn file_with_errors_reports_lines_and_imports_nothing(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let organisation_id = organisation(&db, "elderveen").await;
    import_people_csv(&db, &organisation_id, &excel_export())
        .await
        .expect("first import");
    let before = snapshot(&db, &organisation_id).await;

    let broken = excel(&[
        HEADER,
        // Valid, and would create a unit and change Ahmed's title.
        "1003;Ahmed;;Yilmaz;ahmed.yilmaz@elderveen.nl;Teamleider;Gemeente Elderveen > Dienstverlening > Klantcontact;;",
        "2001;Kees;;Visser;geen-emailadres;Jurist;Gemeente Elderveen > Dienstverlening;;",
        "2002;Iris;;Smit;iris.smit@elderveen.nl;Jurist;;;koning",
        "2001;Joost;;Bakker;joost.bakker@elderveen.nl;Jurist;;;",
        "2003;Lotte;;;lotte@elderveen.nl;Jurist;Gemeente Elderveen >> Dienstverlening;;",
        "2004;Noor;;Hendriks;noor@elderveen.nl;Jurist;;2004;",
    ]);
    let issues = expect_issues(import_people_csv(&db, &organisation_id, &broken).await);
    assert_eq!(
        lines_and_columns(&issues),
        vec![
            (3, Some("email")),
            (4, Some("rollen")),
            (5, Some("personeelsnummer")),
            (6, Some("achternaam")),
            (6, Some("afdeling")),
            (7, Some("leidinggevende")),
        ],
        "{issues:#?}"
    );
    assert!(issues[0].to_string().starts_with("line 3"), "{}", issues[0]);
    assert!(
        issues[2].problem.contains("line 3"),
        "{}",
        issues[2].problem
    );

    assert_eq!(
        snapshot(&db, &organisation_id).await,
        before,
        "nothing changed"
    );
    assert_eq!(people_in(&db, &organisation_id).await, 5);
    assert_eq!(units_in(&db, &organisation_id).await, 6);
    let ahmed = by_number(&db, &organisation_id, "1003").await;
    assert_eq!(ahmed.function_title, "Consulent Werk en Inkomen");
}

async fn unknown_manager_is_reported_and_nothing_is_imported(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let organisation_id = organisation(&db, "elderveen").await;
    import_people_csv(&db, &organisation_id, &excel_export())
        .await
        .expect("first import");
    let before = snapshot(&db, &organisation_id).await;

    let file = excel(&[
        HEADER,
        "1003;Ahmed;;Yilmaz;ahmed.yilmaz@elderveen.nl;Teamleider;Gemeente Elderveen > Dienstverlening > Klantcontact;1001;",
        "2001;Kees;;Visser;kees.visser@elderveen.nl;Jurist;Gemeente Elderveen > Dienstverlening > Klantcontact;9999;",
        "2002;Iris;;Smit;iris.smit@elderveen.nl;Jurist;Gemeente Elderveen > Dienstverlening > Klantcontact;1003;beheerder",
    ]);
    let issues = expect_issues(import_people_csv(&db, &organisation_id, &file).await);
    assert_eq!(
        lines_and_columns(&issues),
        vec![(3, Some("leidinggevende"))]
    );
    assert!(issues[0].problem.contains("9999"), "{}", issues[0].problem);

    // The valid lines were written inside the transaction and are rolled back with it, units too.
    assert_eq!(snapshot(&db, &organisation_id).await, before);
    assert_eq!(people_in(&db, &organisation_id).await, 5);
    assert_eq!(units_in(&db, &organisation_id).await, 6);
    let mut conn = db.acquire().await.expect("conn");
    assert!(
        store::find_person_by_email(&mut conn, &organisation_id, "iris.smit@elderveen.nl")
            .await
            .expect("query")
            .is_none()
    );
    assert!(
        org::find_unit_by_key(
            &mut conn,
            &organisation_id,
            "gemeente elderveen > dienstverlening"
        )
        .await
        .expect("query")
        .is_none()
    );
}

async fn manager_cycle_is_reported_and_nothing_is_imported(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let organisation_id = organisation(&db, "elderveen").await;

    // Within one file: A manages B and B manages A.
    let file = excel(&[
        HEADER,
        "3000;Tim;;Kok;tim.kok@elderveen.nl;Adviseur;Gemeente Elderveen > Projecten;;",
        "3001;Anouk;;Bos;anouk.bos@elderveen.nl;Projectleider;Gemeente Elderveen > Projecten;3002;",
        "3002;Daan;;Mulder;daan.mulder@elderveen.nl;Projectleider;Gemeente Elderveen > Projecten;3001;",
    ]);
    let issues = expect_issues(import_people_csv(&db, &organisation_id, &file).await);
    assert_eq!(
        lines_and_columns(&issues),
        vec![(3, Some("leidinggevende")), (4, Some("leidinggevende"))]
    );
    assert_eq!(people_in(&db, &organisation_id).await, 0);
    assert_eq!(units_in(&db, &organisation_id).await, 0);

    // Across the file and the database: Sanne manages Ahmed; a file making Ahmed Sanne's manager
    // closes a circle.
    import_people_csv(&db, &organisation_id, &excel_export())
        .await
        .expect("clean import");
    let before = snapshot(&db, &organisation_id).await;
    let file = excel(&[
        HEADER,
        "2001;Kees;;Visser;kees.visser@elderveen.nl;Jurist;Gemeente Elderveen > Dienstverlening;;",
        "1002;Sanne;van der;Berg;sanne.vanderberg@elderveen.nl;Teamcoach;Gemeente Elderveen > Sociaal Domein > Werk en Inkomen > Team Noord;1003;leidinggevende",
    ]);
    let issues = expect_issues(import_people_csv(&db, &organisation_id, &file).await);
    assert_eq!(
        lines_and_columns(&issues),
        vec![(3, Some("leidinggevende"))]
    );
    assert_eq!(snapshot(&db, &organisation_id).await, before);
    assert_eq!(people_in(&db, &organisation_id).await, 5);
}

async fn email_of_someone_else_is_reported(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let organisation_id = organisation(&db, "elderveen").await;
    import_people_csv(&db, &organisation_id, &excel_export())
        .await
        .expect("first import");
    let before = snapshot(&db, &organisation_id).await;

    // Employee number 1003 takes the address that belongs to 1002.
    let file = excel(&[
        HEADER,
        "1003;Ahmed;;Yilmaz;sanne.vanderberg@elderveen.nl;Consulent;;;",
    ]);
    let issues = expect_issues(import_people_csv(&db, &organisation_id, &file).await);
    assert_eq!(lines_and_columns(&issues), vec![(2, Some("email"))]);
    assert_eq!(snapshot(&db, &organisation_id).await, before);
}

async fn imports_stay_in_their_organisation(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let elderveen = organisation(&db, "elderveen").await;
    let rivierstad = organisation(&db, "rivierstad").await;
    import_people_csv(&db, &elderveen, &excel_export())
        .await
        .expect("import into elderveen");
    // The same file, same numbers and addresses, into another organisation: all new there.
    let report = import_people_csv(&db, &rivierstad, &excel_export())
        .await
        .expect("import into rivierstad");
    assert_eq!(
        report,
        ImportReport {
            created: 5,
            updated: 0,
            units_created: 6
        }
    );
    assert_eq!(people_in(&db, &elderveen).await, 5);
    assert_eq!(people_in(&db, &rivierstad).await, 5);
    let a = by_number(&db, &elderveen, "1003").await;
    let b = by_number(&db, &rivierstad, "1003").await;
    assert_ne!(a.id, b.id);
    let manager = by_number(&db, &rivierstad, "1002").await;
    assert_eq!(b.manager_id.as_deref(), Some(manager.id.as_str()));
}

on_both_databases!(
    excel_export_creates_units_people_managers_and_roles,
    reimport_updates_by_employee_number,
    file_with_errors_reports_lines_and_imports_nothing,
    unknown_manager_is_reported_and_nothing_is_imported,
    manager_cycle_is_reported_and_nothing_is_imported,
    email_of_someone_else_is_reported,
    imports_stay_in_their_organisation,
);
