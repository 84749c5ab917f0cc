//! The learning-organisation programme through real HTTP, on both databases: only HR and
//! management run phases, activities and appointments; ambassadors record trainings and the
//! cascade shows who trained whom as nested lists; a team records and revisits intentions;
//! nothing crosses to the other organisation.

mod support;

use kleur_domain::Role;
use kleur_storage::{org, people};
use kleur_test_support::{TestBackend, on_both_databases};
use support::{Person, TestApp, person, text};

/// Team Noord of organisation A: manager Mila and her reports Olga, Tom and Tess; Otto manages
/// nobody in it.
struct Cast {
    manager: Person,
    olga: Person,
    tom: Person,
    tess: Person,
    other_manager: Person,
}

async fn cast(app: &TestApp) -> (Cast, String) {
    let mut tx = app.db.begin().await.expect("begin");
    let noord = org::insert_unit(
        &mut tx,
        &app.a.id,
        Some(&app.a.unit_id),
        "Team Noord",
        "aaa > team noord",
    )
    .await
    .expect("unit")
    .id;
    let manager = person(app, &mut tx, "Mila Manager", &noord, None, &[Role::Manager]).await;
    let olga = person(app, &mut tx, "Olga Owner", &noord, Some(&manager.id), &[]).await;
    let tom = person(app, &mut tx, "Tom Teammate", &noord, Some(&manager.id), &[]).await;
    let tess = person(app, &mut tx, "Tess Third", &noord, Some(&manager.id), &[]).await;
    let other_manager = person(
        app,
        &mut tx,
        "Otto Othermanager",
        &app.a.unit_id,
        None,
        &[Role::Manager],
    )
    .await;
    tx.commit().await.expect("commit");
    (
        Cast {
            manager,
            olga,
            tom,
            tess,
            other_manager,
        },
        noord,
    )
}

/// The cascade's nested lists reduced to their shape: names, `[` for a list, `]` for its end.
fn cascade_shape(page: &str) -> String {
    let start = page.find("class=\"kleur-cascade\"").expect("cascade");
    let end = start + page[start..].find("</div>").expect("end");
    let mut shape = String::new();
    let mut rest = &page[start..end];
    while let Some(i) = rest.find('<') {
        let tag_end = rest[i..].find('>').expect("tag") + i;
        let tag = &rest[i + 1..tag_end];
        match tag {
            "ul" => shape.push('['),
            "/ul" => shape.push(']'),
            "span class=\"kleur-cascade-name\"" => {
                let name_end = rest[tag_end..].find('<').expect("name") + tag_end;
                shape.push_str(&rest[tag_end + 1..name_end]);
                shape.push(' ');
            }
            _ => {}
        }
        rest = &rest[tag_end + 1..];
    }
    shape
}

async fn the_ambassador_cascade_is_a_nested_tree(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let (cast, _) = cast(&app).await;
    let hr = app.sign_in(&app.a.admin_email).await;
    let olga = app.sign_in(&cast.olga.email).await;
    let tom = app.sign_in(&cast.tom.email).await;
    // Not yet an ambassador: Olga may not record a training.
    let response = app
        .post_form(
            &olga,
            "/programma/ambassadeurs",
            "/programma/trainingen",
            &[
                ("topic", "Kleur"),
                ("held_on", "2026-03-01"),
                ("trainees", &cast.tom.email),
            ],
        )
        .await;
    assert_eq!(response.status(), 403);
    // An employee may not appoint.
    let response = app
        .post_form(
            &olga,
            "/programma/ambassadeurs",
            "/programma/ambassadeurs",
            &[("email", &cast.olga.email)],
        )
        .await;
    assert_eq!(response.status(), 403);
    for (email, trained) in [(&cast.olga.email, "2026-02-01"), (&cast.tom.email, "")] {
        let response = app
            .post_form(
                &hr,
                "/programma/ambassadeurs",
                "/programma/ambassadeurs",
                &[
                    ("email", email),
                    ("informed_on", "2026-01-10"),
                    ("enthused_on", "2026-01-20"),
                    ("trained_on", trained),
                ],
            )
            .await;
        assert_eq!(response.status(), 303, "appointing {email}");
    }
    let mut conn = app.db.acquire().await.expect("conn");
    let roles = people::roles_of(&mut conn, &app.a.id, &cast.olga.id)
        .await
        .expect("roles");
    assert!(
        roles.iter().any(|r| r == "ambassador"),
        "appointing grants the role"
    );
    drop(conn);
    // Olga trains Tom and Tess; Tom then trains Mila; HR records that Olga trained Mila later
    // (she stays under Tom, who trained her first).
    let response = app
        .post_form(
            &olga,
            "/programma/ambassadeurs",
            "/programma/trainingen",
            &[
                ("topic", "Kleur in het team"),
                ("held_on", "2026-03-01"),
                (
                    "trainees",
                    &format!("{}, {}", cast.tom.email, cast.tess.email),
                ),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let response = app
        .post_form(
            &tom,
            "/programma/ambassadeurs",
            "/programma/trainingen",
            &[
                ("topic", "Feedback vragen"),
                ("held_on", "2026-04-01"),
                ("trainees", &cast.manager.email),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let response = app
        .post_form(
            &hr,
            "/programma/ambassadeurs",
            "/programma/trainingen",
            &[
                ("trainer", &cast.olga.email),
                ("topic", "Herhaling"),
                ("held_on", "2026-05-01"),
                ("trainees", &cast.manager.email),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    // Bad input: unknown trainee, no date.
    let response = app
        .post_form(
            &tom,
            "/programma/ambassadeurs",
            "/programma/trainingen",
            &[
                ("topic", "x"),
                ("held_on", ""),
                ("trainees", "niemand@elders.nl"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.expect("body");
    assert!(page.contains("href=\"#trainees\"") && page.contains("href=\"#training_held_on\""));

    let (status, page) = text(&olga, &app, "/programma/ambassadeurs").await;
    assert_eq!(status, 200);
    assert_eq!(
        cascade_shape(&page),
        "[Olga Owner [Tom Teammate [Mila Manager ]Tess Third ]]",
        "Olga at the root, Tom under her with Mila under him, then Tess"
    );
    assert!(
        page.contains("3 collega&#39;s verder getraind")
            || page.contains("3 collega's verder getraind")
    );
    assert!(page.contains("getraind op 2026-03-01"));
    // The other organisation sees none of it.
    let other = app.sign_in(&app.b.admin_email).await;
    let (_, page) = text(&other, &app, "/programma/ambassadeurs").await;
    assert!(!page.contains("Olga Owner") && !page.contains("kleur-cascade\""));
}

async fn only_hr_and_management_run_the_phases(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let (cast, noord) = cast(&app).await;
    let unit = format!("/programma/onderdelen/{noord}");
    let olga = app.sign_in(&cast.olga.email).await;
    let response = app
        .post_form(
            &olga,
            &unit,
            &format!("{unit}/fasen"),
            &[("verklaren", "2026-01-05")],
        )
        .await;
    assert_eq!(response.status(), 403);
    let response = app
        .post_form(
            &olga,
            &unit,
            &format!("{unit}/activiteiten"),
            &[
                ("phase", "verklaren"),
                ("title", "x"),
                ("held_on", "2026-01-05"),
            ],
        )
        .await;
    assert_eq!(response.status(), 403);
    let hr = app.sign_in(&app.a.admin_email).await;
    let response = app
        .post_form(
            &hr,
            &unit,
            &format!("{unit}/fasen"),
            &[("verklaren", "2026-01-05"), ("laden", "31-02-2026")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let response = app
        .post_form(
            &hr,
            &unit,
            &format!("{unit}/fasen"),
            &[("verklaren", "2026-01-05"), ("laden", "2026-03-01")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let response = app
        .post_form(
            &hr,
            &unit,
            &format!("{unit}/activiteiten"),
            &[
                ("phase", "laden"),
                ("title", "Teamdag over eigenaarschap"),
                ("held_on", "2026-03-10"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (_, page) = text(&olga, &app, &unit).await;
    assert!(page.contains("Huidige fase: Laden") && page.contains("Teamdag over eigenaarschap"));
    let (_, overview) = text(&olga, &app, "/programma").await;
    assert!(overview.contains("Laden") && overview.contains("2026-03-01"));
    // The other organisation: no such unit.
    let other = app.sign_in(&app.b.admin_email).await;
    assert_eq!(text(&other, &app, &unit).await.0, 404);
    let response = app
        .post_form(
            &other,
            "/programma",
            &format!("{unit}/fasen"),
            &[("verklaren", "2026-01-05")],
        )
        .await;
    assert_eq!(response.status(), 404);
}

async fn teams_record_and_revisit_intentions(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let (cast, noord) = cast(&app).await;
    let unit = format!("/programma/onderdelen/{noord}");
    let olga = app.sign_in(&cast.olga.email).await;
    let outsider = app.sign_in(&cast.other_manager.email).await;
    let response = app
        .post_form(
            &outsider,
            &unit,
            &format!("{unit}/sessies"),
            &[("title", "x"), ("held_on", "2026-04-01")],
        )
        .await;
    assert_eq!(response.status(), 403, "someone from another unit");
    let response = app
        .post_form(
            &olga,
            &unit,
            &format!("{unit}/sessies"),
            &[("title", ""), ("held_on", "gisteren")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let response = app
        .post_form(
            &olga,
            &unit,
            &format!("{unit}/sessies"),
            &[("title", "Teamsessie feedback"), ("held_on", "2026-04-01")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (_, page) = text(&olga, &app, &unit).await;
    let session = page
        .split("/programma/sessies/")
        .nth(1)
        .expect("session form")
        .split('/')
        .next()
        .expect("id")
        .to_owned();
    let path = format!("/programma/sessies/{session}/voornemens");
    let response = app
        .post_form(
            &olga,
            &unit,
            &path,
            &[
                ("text", "We vragen elkaar na elk project om feedback"),
                ("owner_id", &cast.tom.id),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let response = app
        .post_form(
            &olga,
            &unit,
            &path,
            &[("text", "Zonder eigenaar"), ("owner_id", "onbekend")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let response = app
        .post_form(
            &outsider,
            &unit,
            &path,
            &[("text", "Ingebroken"), ("owner_id", &cast.tom.id)],
        )
        .await;
    assert_eq!(response.status(), 403);
    let (_, page) = text(&olga, &app, &unit).await;
    assert!(
        page.contains("We vragen elkaar na elk project om feedback")
            && page.contains("Tom Teammate")
    );
    let intention = page
        .split("/programma/voornemens/")
        .nth(1)
        .expect("revisit form")
        .split('"')
        .next()
        .expect("id")
        .to_owned();
    let revisit = format!("/programma/voornemens/{intention}");
    assert_eq!(
        app.post_form(&outsider, &unit, &revisit, &[("status", "dropped")])
            .await
            .status(),
        403
    );
    assert_eq!(
        app.post_form(&olga, &unit, &revisit, &[("status", "forgotten")])
            .await
            .status(),
        422
    );
    assert_eq!(
        app.post_form(&olga, &unit, &revisit, &[("status", "kept")])
            .await
            .status(),
        303
    );
    let (_, page) = text(&olga, &app, &unit).await;
    assert!(page.contains("volgehouden ("));
    let other = app.sign_in(&app.b.admin_email).await;
    assert_eq!(
        app.post_form(&other, "/programma", &revisit, &[("status", "dropped")])
            .await
            .status(),
        404
    );
    assert_eq!(
        app.post_form(
            &other,
            "/programma",
            &path,
            &[("text", "x"), ("owner_id", &cast.tom.id)]
        )
        .await
        .status(),
        404
    );
}

async fn the_dashboard_hides_small_groups(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let (cast, noord) = cast(&app).await;
    let hr = app.sign_in(&app.a.admin_email).await;
    let today = chrono::Utc::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    let row = |page: &str| -> String {
        let start = page
            .find(&format!("/programma/onderdelen/{noord}\""))
            .expect("row of Team Noord");
        page[start..start + page[start..].find("</tr>").expect("row end")].to_owned()
    };
    let check_in = async |person: &str| {
        let mut conn = app.db.acquire().await.expect("conn");
        kleur_storage::checkins::upsert(&mut conn, &app.a.id, person, &today, [3; 5], "")
            .await
            .expect("check-in");
    };
    check_in(&cast.olga.id).await;
    check_in(&cast.tom.id).await;
    let (status, page) = text(&hr, &app, "/programma/voortgang").await;
    assert_eq!(status, 200);
    let noord_row = row(&page);
    assert!(
        noord_row.contains("verborgen"),
        "two people who checked in are hidden"
    );
    assert!(!noord_row.contains("2 mensen"));
    check_in(&cast.tess.id).await;
    let (_, page) = text(&hr, &app, "/programma/voortgang?weken=4").await;
    assert!(row(&page).contains("3 mensen (3×)"), "three are shown");
    // Not for employees, nor for the other organisation's data.
    let olga = app.sign_in(&cast.olga.email).await;
    assert_eq!(text(&olga, &app, "/programma/voortgang").await.0, 403);
    let other = app.sign_in(&app.b.admin_email).await;
    let (_, page) = text(&other, &app, "/programma/voortgang").await;
    assert!(!page.contains(&noord) && !page.contains("(3×)"));
}

on_both_databases!(
    the_ambassador_cascade_is_a_nested_tree,
    only_hr_and_management_run_the_phases,
    teams_record_and_revisit_intentions,
    the_dashboard_hides_small_groups,
);
