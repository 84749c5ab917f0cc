//! Goals through real HTTP, on both databases: the authorisation matrix for personal goals (goal
//! page, overview, contributions and API), who may set which goals, proposing a personal goal to
//! the team, progress and the aggregate of an organisation goal, stale edits and bad input.

mod support;

use kleur_domain::Role;
use kleur_domain::portfolio::Visibility;
use kleur_services::Actor;
use kleur_services::goals::{self, GoalInput};
use kleur_storage::org;
use kleur_test_support::{TestBackend, on_both_databases};
use serde_json::{Value, json};
use support::{Person, TestApp, person, text};

const CYCLE: &str = "2026";

/// People of organisation A around an owner in Team Noord whose manager sits in Team Zuid.
struct Cast {
    noord: String,
    zuid: String,
    owner: Person,
    manager: Person,
    teammate: Person,
    other_manager: Person,
    colleague: Person,
    hr: Person,
    /// A manager in Team Noord who is not the owner's manager.
    noord_manager: Person,
    /// Management (directie/MT).
    director: Person,
    admin: Person,
}

async fn cast(app: &TestApp) -> Cast {
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
    let zuid = org::insert_unit(
        &mut tx,
        &app.a.id,
        Some(&app.a.unit_id),
        "Team Zuid",
        "aaa > team zuid",
    )
    .await
    .expect("unit")
    .id;
    let manager = person(app, &mut tx, "Mila Manager", &zuid, None, &[Role::Manager]).await;
    let owner = person(app, &mut tx, "Olga Owner", &noord, Some(&manager.id), &[]).await;
    let teammate = person(app, &mut tx, "Tom Teammate", &noord, Some(&manager.id), &[]).await;
    let other_manager = person(
        app,
        &mut tx,
        "Otto Othermanager",
        &zuid,
        None,
        &[Role::Manager],
    )
    .await;
    let colleague = person(app, &mut tx, "Cor Colleague", &zuid, None, &[]).await;
    let hr = person(app, &mut tx, "Hanna Hr", &zuid, None, &[Role::HrAdviser]).await;
    let noord_manager = person(
        app,
        &mut tx,
        "Nina Noordmanager",
        &noord,
        None,
        &[Role::Manager],
    )
    .await;
    let director = person(
        app,
        &mut tx,
        "Dirk Directeur",
        &app.a.unit_id,
        None,
        &[Role::Management],
    )
    .await;
    tx.commit().await.expect("commit");
    Cast {
        noord,
        zuid,
        owner,
        manager,
        teammate,
        other_manager,
        colleague,
        hr,
        noord_manager,
        director,
        admin: Person {
            id: app.a.admin_id.clone(),
            email: app.a.admin_email.clone(),
        },
    }
}

async fn actor(app: &TestApp, organisation_id: &str, person_id: &str) -> Actor {
    let mut conn = app.db.acquire().await.expect("conn");
    kleur_services::actor::load(&mut conn, organisation_id, person_id)
        .await
        .expect("actor")
}

/// Sets a goal through the service, as `person` of organisation A.
async fn set_goal(app: &TestApp, person: &Person, input: GoalInput) -> String {
    let actor = actor(app, &app.a.id, &person.id).await;
    goals::create(&app.db, &actor, &input).await.expect("goal")
}

fn goal(level: &str, title: &str, parent: Option<&str>) -> GoalInput {
    GoalInput {
        level: level.into(),
        cycle: CYCLE.into(),
        title: title.into(),
        parent_id: parent.unwrap_or_default().into(),
        ..Default::default()
    }
}

async fn api_get(app: &TestApp, token: &str, path: &str) -> (u16, Value) {
    let response = reqwest::Client::new()
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("api");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn api_send(
    app: &TestApp,
    token: &str,
    method: reqwest::Method,
    path: &str,
    body: Value,
) -> (u16, Value) {
    let response = reqwest::Client::new()
        .request(method, app.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("api");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn allowed(relation: &str) -> &'static [Visibility] {
    match relation {
        "owner" => &Visibility::ALL,
        "manager" => &[
            Visibility::Manager,
            Visibility::Team,
            Visibility::Organisation,
        ],
        "teammate" => &[Visibility::Team, Visibility::Organisation],
        _ => &[Visibility::Organisation],
    }
}

fn titles(values: &Value) -> Vec<String> {
    values
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i["title"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

async fn personal_goal_visibility_matrix(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let organisation_goal = set_goal(
        &app,
        &cast.admin,
        goal("organisation", "Inwoners ervaren één overheid", None),
    )
    .await;
    let team_goal = set_goal(
        &app,
        &cast.noord_manager,
        goal("team", "Snel een eerste gesprek", Some(&organisation_goal)),
    )
    .await;
    let mut personal = Vec::new();
    for (index, visibility) in Visibility::ALL.into_iter().enumerate() {
        // Half link to the organisation goal directly, half through the team goal.
        let parent = if index % 2 == 0 {
            &organisation_goal
        } else {
            &team_goal
        };
        let input = GoalInput {
            visibility: visibility.as_str().into(),
            ..goal("personal", &format!("Geheim-{visibility}"), Some(parent))
        };
        personal.push((visibility, set_goal(&app, &cast.owner, input).await));
    }

    let viewers = [
        ("owner", &cast.owner, "owner"),
        ("own manager", &cast.manager, "manager"),
        ("teammate", &cast.teammate, "teammate"),
        ("other manager", &cast.other_manager, "colleague"),
        ("other-unit colleague", &cast.colleague, "colleague"),
        ("HR adviser", &cast.hr, "colleague"),
        ("administrator", &cast.admin, "colleague"),
    ];
    for (label, viewer, relation) in viewers {
        let browser = app.sign_in(&viewer.email).await;
        let token = app.api_token(&app.a.id, &viewer.id).await;
        let may = |v: &Visibility| allowed(relation).contains(v);

        let (status, overview) = text(&browser, &app, "/doelen?cyclus=2026").await;
        assert_eq!(status, 200, "{label} overview");
        let (status, organisation_page) =
            text(&browser, &app, &format!("/doelen/{organisation_goal}")).await;
        assert_eq!(status, 200, "{label} sees the organisation goal");
        let (status, team_page) = text(&browser, &app, &format!("/doelen/{team_goal}")).await;
        assert_eq!(status, 200, "{label} sees the team goal");
        let (status, list) = api_get(&app, &token, "/api/v1/goals?per_page=200").await;
        assert_eq!(status, 200);
        let listed = titles(&list["items"]);
        assert_eq!(
            list["total"],
            listed.len(),
            "{label}: the total counts what is listed"
        );
        let (_, organisation_json) =
            api_get(&app, &token, &format!("/api/v1/goals/{organisation_goal}")).await;
        let mut contributed: Vec<String> = Vec::new();
        for contribution in organisation_json["contributions"]
            .as_array()
            .expect("contributions")
        {
            contributed.extend(titles(&json!([contribution["goal"]])));
            contributed.extend(titles(&contribution["contributions"]));
        }
        assert_eq!(
            organisation_json["aggregate"]["visible_contributions"],
            contributed.len(),
            "{label}: the count is of what the viewer may see"
        );

        for (visibility, id) in &personal {
            let title = format!("Geheim-{visibility}");
            let may = may(visibility);
            let (status, page) = text(&browser, &app, &format!("/doelen/{id}")).await;
            assert_eq!(
                status,
                if may { 200 } else { 404 },
                "{label} opening a {visibility} goal"
            );
            assert_eq!(
                page.contains(&title),
                may,
                "{label}, {visibility} goal page"
            );
            let (status, _) = api_get(&app, &token, &format!("/api/v1/goals/{id}")).await;
            assert_eq!(
                status,
                if may { 200 } else { 404 },
                "{label} reading a {visibility} goal over the API"
            );
            assert_eq!(
                listed.contains(&title),
                may,
                "{label}, {visibility} goal in the API list"
            );
            assert_eq!(
                organisation_page.contains(&title) || team_page.contains(&title),
                may,
                "{label}, {visibility} goal among the contributions"
            );
            assert_eq!(
                contributed.contains(&title),
                may,
                "{label}, {visibility} goal among the API's contributions"
            );
            // The overview lists one's own goals and what the team and the people one manages
            // share; never anything the viewer may not see.
            let close = matches!(relation, "owner" | "manager" | "teammate");
            assert_eq!(
                overview.contains(&title),
                may && close,
                "{label}, {visibility} goal on the overview"
            );

            // Only the owner changes a personal goal: 404 when it is hidden, 403 when it is shown.
            let expected = match (relation, may) {
                ("owner", _) => 200,
                (_, true) => 403,
                (_, false) => 404,
            };
            let (status, _) = text(&browser, &app, &format!("/doelen/{id}/wijzigen")).await;
            assert_eq!(status, expected, "{label} editing a {visibility} goal");
            let (status, _) = text(&browser, &app, &format!("/doelen/{id}/voortgang")).await;
            assert_eq!(status, expected, "{label} reporting on a {visibility} goal");
            if relation != "owner" {
                let (status, _) = api_send(
                    &app,
                    &token,
                    reqwest::Method::PUT,
                    &format!("/api/v1/goals/{id}"),
                    json!({"title": "overgenomen", "cycle": 2026}),
                )
                .await;
                assert_eq!(status, expected, "{label} changing a {visibility} goal");
                let (status, _) = api_send(
                    &app,
                    &token,
                    reqwest::Method::POST,
                    &format!("/api/v1/goals/{id}/progress"),
                    json!({"percent": 99}),
                )
                .await;
                assert_eq!(status, expected, "{label} reporting on a {visibility} goal");
                let response = app
                    .post_form(
                        &browser,
                        "/doelen",
                        &format!("/doelen/{id}/voorstellen"),
                        &[],
                    )
                    .await;
                assert_eq!(
                    response.status(),
                    expected,
                    "{label} proposing a {visibility} goal"
                );
            }
        }
        if relation != "owner" {
            let (_, detail) =
                api_get(&app, &token, &format!("/api/v1/goals/{}", personal[3].1)).await;
            assert!(
                detail["goal"]["visibility"].is_null(),
                "visibility is the owner's business"
            );
        }
    }

    // Another organisation finds none of it, through any route.
    let outsider = app.sign_in(&app.b.admin_email).await;
    let token = app.api_token(&app.b.id, &app.b.admin_id).await;
    let all_ids = personal
        .iter()
        .map(|(_, id)| id.clone())
        .chain([organisation_goal.clone(), team_goal.clone()]);
    for id in all_ids {
        for path in [
            format!("/doelen/{id}"),
            format!("/doelen/{id}/wijzigen"),
            format!("/doelen/{id}/voortgang"),
            format!("/doelen/{id}/voorstellen"),
        ] {
            let (status, _) = text(&outsider, &app, &path).await;
            assert_eq!(status, 404, "{path} from another organisation");
        }
        for path in [
            format!("/doelen/{id}/wijzigen"),
            format!("/doelen/{id}/voortgang"),
            format!("/doelen/{id}/voorstel/accepteren"),
            format!("/doelen/{id}/voorstel/afwijzen"),
        ] {
            let response = app.post_form(&outsider, "/doelen", &path, &[]).await;
            assert_eq!(
                response.status(),
                404,
                "POST {path} from another organisation"
            );
        }
        let (status, _) = api_get(&app, &token, &format!("/api/v1/goals/{id}")).await;
        assert_eq!(status, 404);
        let (status, _) = api_send(
            &app,
            &token,
            reqwest::Method::PUT,
            &format!("/api/v1/goals/{id}"),
            json!({"title": "overgenomen"}),
        )
        .await;
        assert_eq!(status, 404);
        let (status, _) = api_send(
            &app,
            &token,
            reqwest::Method::POST,
            &format!("/api/v1/goals/{id}/progress"),
            json!({"percent": 1}),
        )
        .await;
        assert_eq!(status, 404);
    }
    let (_, list) = api_get(&app, &token, "/api/v1/goals").await;
    assert_eq!(list["total"], 0, "organisation B has no goals of its own");
    // A goal of organisation B cannot be linked to from organisation A.
    let foreign = {
        let actor = actor(&app, &app.b.id, &app.b.admin_id).await;
        goals::create(&app.db, &actor, &goal("organisation", "Van B", None))
            .await
            .expect("goal")
    };
    let owner_token = app.api_token(&app.a.id, &cast.owner.id).await;
    let (status, problem) = api_send(
        &app,
        &owner_token,
        reqwest::Method::POST,
        "/api/v1/goals",
        json!({"title": "Meeliften", "cycle": 2026, "parent_id": foreign}),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "parent_id");
}

async fn who_may_set_which_goals(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let employee = app.sign_in(&app.a.employee_email).await;
    let employee_token = app.api_token(&app.a.id, &app.a.employee_id).await;

    // An employee sets personal goals only.
    let (_, form) = text(&employee, &app, "/doelen/nieuw").await;
    assert!(
        form.contains("name=\"level\" value=\"personal\"")
            && !form.contains("id=\"level-organisation\""),
        "the form offers an employee personal goals only"
    );
    for level in ["organisation", "team"] {
        let response = app
            .post_form(
                &employee,
                "/doelen/nieuw",
                "/doelen/nieuw",
                &[("level", level), ("cycle", CYCLE), ("title", "Alles beter")],
            )
            .await;
        assert_eq!(response.status(), 403, "an employee setting a {level} goal");
        let (status, _) = api_send(
            &app,
            &employee_token,
            reqwest::Method::POST,
            "/api/v1/goals",
            json!({"level": level, "cycle": 2026, "title": "Alles beter"}),
        )
        .await;
        assert_eq!(
            status, 403,
            "an employee setting a {level} goal over the API"
        );
    }
    let response = app
        .post_form(
            &employee,
            "/doelen/nieuw",
            "/doelen/nieuw",
            &[("cycle", CYCLE), ("title", "Leren presenteren")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().expect("location");
    let (status, page) = text(&employee, &app, location).await;
    assert_eq!(status, 200);
    assert!(page.contains("Leren presenteren") && page.contains("Het doel is opgeslagen."));

    // A manager sets team goals for their own unit, not for another.
    let manager = app.sign_in(&cast.other_manager.email).await;
    let (_, form) = text(&manager, &app, "/doelen/nieuw?niveau=team").await;
    assert!(form.contains("Team Zuid") && !form.contains("Team Noord"));
    let response = app
        .post_form(
            &manager,
            "/doelen/nieuw",
            "/doelen/nieuw",
            &[
                ("level", "team"),
                ("cycle", CYCLE),
                ("title", "Zuid werkt samen"),
                ("unit_id", &cast.zuid),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let response = app
        .post_form(
            &manager,
            "/doelen/nieuw",
            "/doelen/nieuw",
            &[
                ("level", "team"),
                ("cycle", CYCLE),
                ("title", "Noord moet anders"),
                ("unit_id", &cast.noord),
            ],
        )
        .await;
    assert_eq!(
        response.status(),
        403,
        "a manager setting another unit's goal"
    );
    let response = app
        .post_form(
            &manager,
            "/doelen/nieuw",
            "/doelen/nieuw",
            &[("level", "organisation"), ("cycle", CYCLE), ("title", "x")],
        )
        .await;
    assert_eq!(
        response.status(),
        403,
        "a manager setting an organisation goal"
    );

    // Management and administrators set organisation goals, and team goals for any unit.
    let director = app.sign_in(&cast.director.email).await;
    let response = app
        .post_form(
            &director,
            "/doelen/nieuw",
            "/doelen/nieuw",
            &[
                ("level", "organisation"),
                ("cycle", CYCLE),
                ("title", "Een wendbare, lerende organisatie"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let director_token = app.api_token(&app.a.id, &cast.director.id).await;
    let (status, created) = api_send(
        &app,
        &director_token,
        reqwest::Method::POST,
        "/api/v1/goals",
        json!({"level": "team", "cycle": 2026, "title": "Noord leert", "unit_id": cast.noord}),
    )
    .await;
    assert_eq!(status, 201);
    let (_, detail) = api_get(
        &app,
        &director_token,
        &format!("/api/v1/goals/{}", created["id"].as_str().expect("id")),
    )
    .await;
    assert_eq!(detail["goal"]["level"], "team");
    assert_eq!(detail["goal"]["unit_name"], "Team Noord");
    let admin_token = app.api_token(&app.a.id, &app.a.admin_id).await;
    let (status, _) = api_send(
        &app,
        &admin_token,
        reqwest::Method::POST,
        "/api/v1/goals",
        json!({"level": "organisation", "cycle": 2026, "title": "Duurzaam Elderveen"}),
    )
    .await;
    assert_eq!(status, 201);
    // Everyone sees the organisation's goals of the cycle on the overview, with filters in the API.
    let (_, overview) = text(&employee, &app, "/doelen?cyclus=2026").await;
    assert!(overview.contains("Een wendbare, lerende organisatie"));
    assert!(overview.contains("Duurzaam Elderveen"));
    let (_, list) = api_get(
        &app,
        &employee_token,
        "/api/v1/goals?level=organisation&cycle=2026",
    )
    .await;
    assert_eq!(list["total"], 2);
    let (_, list) = api_get(&app, &employee_token, "/api/v1/goals?cycle=2025").await;
    assert_eq!(list["total"], 0);
    let (status, _) = api_get(&app, &employee_token, "/api/v1/goals?level=afdeling").await;
    assert_eq!(status, 422);
    // The team goal of Team Zuid and Noord show to everyone; a team's own page lists its own.
    let (status, list) =
        api_get(&app, &employee_token, "/api/v1/goals?level=team&per_page=1").await;
    assert_eq!(status, 200);
    assert_eq!(list["total"], 2);
    assert_eq!(list["total_pages"], 2);
}

async fn personal_goals_become_team_goals_by_proposal(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let organisation_goal = set_goal(
        &app,
        &cast.director,
        goal("organisation", "Iedereen doet mee", None),
    )
    .await;
    let team_goal = set_goal(
        &app,
        &cast.noord_manager,
        goal(
            "team",
            "Binnen vier weken een gesprek",
            Some(&organisation_goal),
        ),
    )
    .await;
    let idea = set_goal(
        &app,
        &cast.owner,
        goal("personal", "Spreekuur in de bibliotheek", Some(&team_goal)),
    )
    .await;
    let owner = app.sign_in(&cast.owner.email).await;
    let teammate = app.sign_in(&cast.teammate.email).await;
    let manager = app.sign_in(&cast.manager.email).await;
    let other_manager = app.sign_in(&cast.other_manager.email).await;

    // Nobody can accept what was not proposed.
    let response = app
        .post_form(
            &manager,
            "/doelen",
            &format!("/doelen/{idea}/voorstel/accepteren"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 404, "a private goal, not proposed");

    // The owner proposes: an explicit step with an explanation of what it means.
    let (status, confirm) = text(&owner, &app, &format!("/doelen/{idea}/voorstellen")).await;
    assert_eq!(status, 200);
    assert!(confirm.contains("Team Noord") && confirm.contains("toestemming"));
    let response = app
        .post_form(
            &owner,
            "/doelen",
            &format!("/doelen/{idea}/voorstellen"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    let response = app
        .post_form(
            &owner,
            "/doelen",
            &format!("/doelen/{idea}/voorstellen"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 422, "proposing twice");
    let response = app
        .post_form(
            &owner,
            "/doelen",
            &format!("/doelen/{idea}/voorstel/accepteren"),
            &[],
        )
        .await;
    assert_eq!(
        response.status(),
        403,
        "the owner cannot accept their own proposal"
    );

    // A private goal stays hidden from colleagues who do not decide: the teammate is no manager,
    // the other manager manages neither the owner nor Team Noord.
    for (label, client) in [("teammate", &teammate), ("other manager", &other_manager)] {
        let (status, _) = text(client, &app, &format!("/doelen/{idea}")).await;
        assert_eq!(status, 404, "{label} opening the proposal");
        let response = app
            .post_form(
                client,
                "/doelen",
                &format!("/doelen/{idea}/voorstel/accepteren"),
                &[],
            )
            .await;
        assert_eq!(response.status(), 404, "{label} accepting");
    }
    // The owner's manager sees the proposal waiting, and accepts.
    let (_, overview) = text(&manager, &app, "/doelen?cyclus=2026").await;
    assert!(
        overview.contains("Voorstellen van je team")
            && overview.contains("Spreekuur in de bibliotheek")
    );
    let (status, page) = text(&manager, &app, &format!("/doelen/{idea}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("/voorstel/accepteren"));
    let response = app
        .post_form(
            &manager,
            "/doelen",
            &format!("/doelen/{idea}/voorstel/accepteren"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    let response = app
        .post_form(
            &manager,
            "/doelen",
            &format!("/doelen/{idea}/voorstel/accepteren"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 409, "accepting again");

    // Now it is a shared team goal of Team Noord, for everyone, serving the organisation goal.
    let colleague_token = app.api_token(&app.a.id, &cast.colleague.id).await;
    let (status, detail) = api_get(&app, &colleague_token, &format!("/api/v1/goals/{idea}")).await;
    assert_eq!(status, 200);
    assert_eq!(detail["goal"]["level"], "team");
    assert_eq!(detail["goal"]["unit_name"], "Team Noord");
    assert_eq!(detail["goal"]["parent_id"], organisation_goal.as_str());
    assert_eq!(detail["goal"]["proposal_pending"], false);
    let kinds: Vec<&str> = detail["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["created", "proposed", "accepted"]);
    assert_eq!(detail["events"][1]["actor_name"], "Olga Owner");
    assert_eq!(detail["events"][2]["actor_name"], "Mila Manager");
    let (_, page) = text(&teammate, &app, &format!("/doelen/{idea}")).await;
    assert!(page.contains("Teamdoel"));
    assert!(page.contains("Door Olga Owner voorgesteld als teamdoel"));
    assert!(page.contains("Door Mila Manager geaccepteerd"));
    let (_, overview) = text(&teammate, &app, "/doelen?cyclus=2026").await;
    assert!(
        overview.contains("Spreekuur in de bibliotheek"),
        "among the team's goals"
    );

    // A second proposal, visible to the team: the teammate sees it but may not decide (403);
    // a manager in Team Noord declines with a word of explanation.
    let second = set_goal(
        &app,
        &cast.owner,
        GoalInput {
            visibility: "team".into(),
            ..goal("personal", "Maatjesproject", None)
        },
    )
    .await;
    let response = app
        .post_form(
            &owner,
            "/doelen",
            &format!("/doelen/{second}/voorstellen"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    let response = app
        .post_form(
            &teammate,
            "/doelen",
            &format!("/doelen/{second}/voorstel/accepteren"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 403, "a teammate who is no manager");
    let response = app
        .post_form(
            &teammate,
            "/doelen",
            &format!("/doelen/{second}/voorstel/afwijzen"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 403);
    let noord_manager = app.sign_in(&cast.noord_manager.email).await;
    let response = app
        .post_form(
            &noord_manager,
            "/doelen",
            &format!("/doelen/{second}/voorstel/afwijzen"),
            &[("note", "Mooi idee, maar eerst na de zomer.")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let owner_token = app.api_token(&app.a.id, &cast.owner.id).await;
    let (_, detail) = api_get(&app, &owner_token, &format!("/api/v1/goals/{second}")).await;
    assert_eq!(detail["goal"]["level"], "personal");
    assert_eq!(detail["goal"]["visibility"], "team");
    assert_eq!(detail["events"][2]["kind"], "declined");
    assert_eq!(
        detail["events"][2]["note"],
        "Mooi idee, maar eerst na de zomer."
    );
    let (_, page) = text(&owner, &app, &format!("/doelen/{second}")).await;
    assert!(
        page.contains("Door Nina Noordmanager afgewezen") && page.contains("eerst na de zomer")
    );
    assert!(page.contains("/voorstellen"), "and can be proposed again");
}

async fn progress_and_the_aggregate(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let organisation_goal = set_goal(
        &app,
        &cast.director,
        goal("organisation", "Een wendbare organisatie", None),
    )
    .await;
    let noord_goal = set_goal(
        &app,
        &cast.noord_manager,
        goal("team", "Noord leert van elkaar", Some(&organisation_goal)),
    )
    .await;
    let zuid_goal = set_goal(
        &app,
        &cast.other_manager,
        goal("team", "Zuid deelt kennis", Some(&organisation_goal)),
    )
    .await;
    let private_goal = set_goal(
        &app,
        &cast.owner,
        goal("personal", "Stiekem leren", Some(&noord_goal)),
    )
    .await;

    // The team's manager reports on the page, the other over the API.
    let noord_manager = app.sign_in(&cast.noord_manager.email).await;
    let path = format!("/doelen/{noord_goal}/voortgang");
    let response = app
        .post_form(
            &noord_manager,
            &path,
            &path,
            &[
                ("percent", "40"),
                ("status", "on_track"),
                ("note", "Vier intervisies gehouden."),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let zuid_token = app.api_token(&app.a.id, &cast.other_manager.id).await;
    let (status, _) = api_send(
        &app,
        &zuid_token,
        reqwest::Method::POST,
        &format!("/api/v1/goals/{zuid_goal}/progress"),
        json!({"percent": 80, "status": "at_risk"}),
    )
    .await;
    assert_eq!(status, 201);

    let colleague = app.sign_in(&cast.colleague.email).await;
    let (_, page) = text(&colleague, &app, &format!("/doelen/{organisation_goal}")).await;
    assert!(
        page.contains("Gemiddelde voortgang van de teamdoelen: 60% (over 2 teamdoelen)"),
        "the aggregate is the average of the team goals' latest progress"
    );
    assert!(page.contains("Je ziet 2 doelen die hieraan bijdragen."));
    assert!(
        !page.contains("Stiekem leren"),
        "a private goal's title never shows"
    );
    let colleague_token = app.api_token(&app.a.id, &cast.colleague.id).await;
    let (_, detail) = api_get(
        &app,
        &colleague_token,
        &format!("/api/v1/goals/{organisation_goal}"),
    )
    .await;
    assert_eq!(detail["aggregate"]["average"], 60);
    assert_eq!(detail["aggregate"]["measured"], 2);
    assert_eq!(detail["aggregate"]["visible_contributions"], 2);
    let owner_token = app.api_token(&app.a.id, &cast.owner.id).await;
    let (_, detail) = api_get(
        &app,
        &owner_token,
        &format!("/api/v1/goals/{organisation_goal}"),
    )
    .await;
    assert_eq!(
        detail["aggregate"]["visible_contributions"], 3,
        "the owner also sees their own goal among the contributions"
    );

    // History: newest first, with who and what.
    let (_, page) = text(&colleague, &app, &format!("/doelen/{noord_goal}")).await;
    assert!(page.contains("Vier intervisies gehouden.") && page.contains("Nina Noordmanager"));
    assert!(page.contains("Op koers") && page.contains("40%"));
    let response = app
        .post_form(
            &noord_manager,
            &path,
            &path,
            &[
                ("percent", ""),
                ("status", "on_track"),
                ("note", "Mijlpaal: iedereen heeft een maatje."),
            ],
        )
        .await;
    assert_eq!(response.status(), 303, "a milestone without a percentage");
    let (_, detail) = api_get(
        &app,
        &colleague_token,
        &format!("/api/v1/goals/{noord_goal}"),
    )
    .await;
    assert_eq!(
        detail["goal"]["progress"], 40,
        "the latest percentage stays"
    );
    assert_eq!(detail["progress"].as_array().expect("progress").len(), 2);
    assert_eq!(
        detail["progress"][0]["note"],
        "Mijlpaal: iedereen heeft een maatje."
    );

    // A team goal is shared work: anyone in the unit reports on it, nobody outside it.
    let teammate = app.sign_in(&cast.teammate.email).await;
    let response = app
        .post_form(
            &teammate,
            &path,
            &path,
            &[("percent", "50"), ("status", "on_track")],
        )
        .await;
    assert_eq!(response.status(), 303, "a member of Team Noord");
    let response = app
        .post_form(
            &colleague,
            "/doelen",
            &path,
            &[("percent", "90"), ("status", "on_track")],
        )
        .await;
    assert_eq!(response.status(), 403, "someone of Team Zuid");
    let employee_token = app.api_token(&app.a.id, &app.a.employee_id).await;
    let (status, _) = api_send(
        &app,
        &employee_token,
        reqwest::Method::POST,
        &format!("/api/v1/goals/{organisation_goal}/progress"),
        json!({"percent": 100}),
    )
    .await;
    assert_eq!(status, 403, "an employee on an organisation goal");

    // Bad input: 422 with the field named, on the page and over the API.
    let response = app
        .post_form(
            &noord_manager,
            &path,
            &path,
            &[("percent", "150"), ("status", "gaat-wel")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.expect("body");
    assert!(body.contains("href=\"#percent\"") && body.contains("href=\"#status\""));
    assert!(body.contains("value=\"150\""), "what was typed is kept");
    let response = app
        .post_form(
            &noord_manager,
            &path,
            &path,
            &[("percent", ""), ("note", "")],
        )
        .await;
    assert_eq!(response.status(), 422, "an update without anything in it");
    let (status, problem) = api_send(
        &app,
        &zuid_token,
        reqwest::Method::POST,
        &format!("/api/v1/goals/{zuid_goal}/progress"),
        json!({"percent": -5, "note": "x".repeat(2001)}),
    )
    .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(fields, ["percent", "note"]);

    // A stopped team goal no longer counts in the aggregate.
    let (status, _) = api_send(
        &app,
        &zuid_token,
        reqwest::Method::POST,
        &format!("/api/v1/goals/{zuid_goal}/progress"),
        json!({"status": "stopped", "note": "Opgegaan in een nieuw plan."}),
    )
    .await;
    assert_eq!(status, 201);
    let (_, detail) = api_get(
        &app,
        &colleague_token,
        &format!("/api/v1/goals/{organisation_goal}"),
    )
    .await;
    assert_eq!(detail["aggregate"]["average"], 50);
    assert_eq!(detail["aggregate"]["measured"], 1);
    assert_eq!(detail["aggregate"]["team_goals"], 2);

    // The owner reports on their own goal; it stays private.
    let owner = app.sign_in(&cast.owner.email).await;
    let own_path = format!("/doelen/{private_goal}/voortgang");
    let response = app
        .post_form(
            &owner,
            &own_path,
            &own_path,
            &[("percent", "10"), ("status", "open")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (status, _) = text(&colleague, &app, &format!("/doelen/{private_goal}")).await;
    assert_eq!(status, 404);
}

async fn stale_edits_and_bad_input_are_refused(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let organisation_goal = set_goal(
        &app,
        &cast.director,
        goal("organisation", "Eén overheid", None),
    )
    .await;
    let old_goal = set_goal(
        &app,
        &cast.director,
        GoalInput {
            cycle: "2025".into(),
            ..goal("organisation", "Vorig jaar", None)
        },
    )
    .await;
    let team_goal = set_goal(
        &app,
        &cast.noord_manager,
        goal("team", "Noord helpt", Some(&organisation_goal)),
    )
    .await;
    let owner = app.sign_in(&cast.owner.email).await;

    // Bad input: every field named, nothing stored.
    let response = app
        .post_form(
            &owner,
            "/doelen/nieuw",
            "/doelen/nieuw",
            &[
                ("title", ""),
                ("cycle", "volgend jaar"),
                ("visibility", "iedereen"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.expect("body");
    for field in ["title", "cycle", "visibility"] {
        assert!(
            body.contains(&format!("href=\"#{field}\"")),
            "{field} in the summary"
        );
    }
    assert!(body.contains("aria-invalid=\"true\""));
    let response = app
        .post_form(
            &owner,
            "/doelen/nieuw",
            "/doelen/nieuw",
            &[
                ("title", "Meedoen"),
                ("cycle", CYCLE),
                ("parent_id", &old_goal),
            ],
        )
        .await;
    assert_eq!(response.status(), 422, "a parent of another cycle");
    assert!(
        response
            .text()
            .await
            .expect("body")
            .contains("href=\"#parent_id\"")
    );
    let owner_token = app.api_token(&app.a.id, &cast.owner.id).await;
    let (status, problem) = api_send(
        &app,
        &owner_token,
        reqwest::Method::POST,
        "/api/v1/goals",
        json!({"title": "", "cycle": 1999, "visibility": "iedereen"}),
    )
    .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(fields, ["cycle", "title", "visibility"]);
    let manager_token = app.api_token(&app.a.id, &cast.noord_manager.id).await;
    let (status, problem) = api_send(
        &app,
        &manager_token,
        reqwest::Method::POST,
        "/api/v1/goals",
        json!({"level": "team", "title": "Onder een teamdoel", "cycle": 2026, "parent_id": team_goal}),
    )
    .await;
    assert_eq!(
        status, 422,
        "a team goal contributes to an organisation goal only"
    );
    assert_eq!(problem["errors"][0]["field"], "parent_id");
    let (_, list) = api_get(&app, &owner_token, "/api/v1/goals?level=personal").await;
    assert_eq!(list["total"], 0, "nothing was stored");
    let injected = "<script>alert(1)</script>";
    let response = app
        .post_form(
            &owner,
            "/doelen/nieuw",
            "/doelen/nieuw",
            &[
                ("title", injected),
                ("cycle", CYCLE),
                ("parent_id", &team_goal),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let id = location
        .trim_start_matches("/doelen/")
        .split('?')
        .next()
        .expect("id")
        .to_owned();
    let (_, page) = text(&owner, &app, &location).await;
    assert!(!page.contains(injected), "titles are escaped");
    assert!(
        page.contains("Noord helpt") && page.contains("Eén overheid"),
        "the chain upward"
    );

    // Two tabs: the second save is refused and keeps what was typed; the first is not lost.
    let edit = format!("/doelen/{id}/wijzigen");
    let (_, form) = text(&owner, &app, &edit).await;
    let version = form
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("version")
        .to_owned();
    let fields = |title: &'static str| {
        vec![
            ("title", title),
            ("cycle", CYCLE),
            ("visibility", "team"),
            ("version", version.as_str()),
        ]
    };
    let first = app
        .post_form(&owner, &edit, &edit, &fields("Eerste tabblad"))
        .await;
    assert_eq!(first.status(), 303);
    let second = app
        .post_form(&owner, &edit, &edit, &fields("Tweede tabblad"))
        .await;
    assert_eq!(second.status(), 409);
    let body = second.text().await.expect("body");
    assert!(body.contains("Tweede tabblad") && body.contains("href=\"#title\""));
    let (_, detail) = api_get(&app, &owner_token, &format!("/api/v1/goals/{id}")).await;
    assert_eq!(detail["goal"]["title"], "Eerste tabblad");
    assert_eq!(detail["goal"]["visibility"], "team");
    let (status, _) = api_send(
        &app,
        &owner_token,
        reqwest::Method::PUT,
        &format!("/api/v1/goals/{id}"),
        json!({"title": "Via de API", "cycle": 2026, "version": version.parse::<i64>().expect("number")}),
    )
    .await;
    assert_eq!(status, 409, "a stale edit over the API");
    let current = detail["goal"]["version"].as_i64().expect("version");
    let (status, _) = api_send(
        &app,
        &owner_token,
        reqwest::Method::PUT,
        &format!("/api/v1/goals/{id}"),
        json!({"title": "Via de API", "cycle": 2026, "version": current, "visibility": "manager", "parent_id": organisation_goal}),
    )
    .await;
    assert_eq!(status, 204);
    let (_, detail) = api_get(&app, &owner_token, &format!("/api/v1/goals/{id}")).await;
    assert_eq!(detail["goal"]["title"], "Via de API");
    assert_eq!(detail["goal"]["parent_id"], organisation_goal.as_str());

    // The year of a goal others contribute to stays.
    let director_token = app.api_token(&app.a.id, &cast.director.id).await;
    let (status, problem) = api_send(
        &app,
        &director_token,
        reqwest::Method::PUT,
        &format!("/api/v1/goals/{organisation_goal}"),
        json!({"title": "Eén overheid", "cycle": 2027}),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "cycle");
}

async fn goal_pages_render_in_both_languages(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let cast = cast(&app).await;
    let organisation_goal = set_goal(
        &app,
        &cast.director,
        goal("organisation", "Eén overheid", None),
    )
    .await;
    let team_goal = set_goal(
        &app,
        &cast.noord_manager,
        goal("team", "Noord helpt", Some(&organisation_goal)),
    )
    .await;
    let own = set_goal(
        &app,
        &cast.owner,
        goal("personal", "Leren", Some(&team_goal)),
    )
    .await;
    let owner = app.sign_in(&cast.owner.email).await;
    let pages = [
        "/".to_owned(),
        "/doelen".to_owned(),
        "/doelen/nieuw".to_owned(),
        format!("/doelen/{organisation_goal}"),
        format!("/doelen/{team_goal}"),
        format!("/doelen/{team_goal}/voortgang"),
        format!("/doelen/{own}"),
        format!("/doelen/{own}/wijzigen"),
        format!("/doelen/{own}/voortgang"),
        format!("/doelen/{own}/voorstellen"),
    ];
    for language in ["nl", "en"] {
        let response = app
            .post_form(&owner, "/", "/taal", &[("taal", language), ("terug", "/")])
            .await;
        assert_eq!(response.status(), 303);
        for page in &pages {
            let (status, body) = text(&owner, &app, page).await;
            assert_eq!(status, 200, "{page} in {language}");
            assert!(
                body.contains(&format!("<html lang=\"{language}\"")),
                "{page}"
            );
            assert!(
                body.contains("href=\"/doelen\""),
                "{page} has Goals in the navigation"
            );
            for marker in ["goals-", "nav-", "home-", "visibility-", "error-"] {
                assert!(
                    !body.contains(&format!(">{marker}")) && !body.contains("\"goals-"),
                    "{page} in {language} shows an untranslated key starting {marker}"
                );
            }
        }
    }
}

async fn demo_goals_show_a_living_organisation(backend: TestBackend) {
    let app = TestApp::spawn(backend).await;
    let demo = kleur_services::demo::ensure_demo(&app.db, 60)
        .await
        .expect("demo");
    goals::seed_demo_goals(&app.db, &demo.organisation_id)
        .await
        .expect("goals");
    let mut conn = app.db.acquire().await.expect("conn");
    let count = kleur_storage::goals::count(&mut conn, &demo.organisation_id)
        .await
        .expect("count");
    drop(conn);
    assert!(count >= 15, "{count} goals");
    goals::seed_demo_goals(&app.db, &demo.organisation_id)
        .await
        .expect("again");
    let mut conn = app.db.acquire().await.expect("conn");
    assert_eq!(
        kleur_storage::goals::count(&mut conn, &demo.organisation_id)
            .await
            .expect("count"),
        count,
        "seeding twice adds nothing"
    );
    drop(conn);
    let sign_in = async |email: &str| {
        let client = app.client();
        let csrf = app.csrf(&client, "/inloggen").await;
        let response = client
            .post(app.url("/inloggen"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("email", email),
                ("password", kleur_services::demo::DEMO_PASSWORD),
                ("terug", "/"),
            ])
            .send()
            .await
            .expect("post");
        assert_eq!(response.status(), 303, "{email}");
        client
    };
    let logins = kleur_services::demo::demo_logins();
    let sanne = sign_in(&logins[2].email).await;
    let (_, overview) = text(
        &sanne,
        &app,
        &format!("/doelen?cyclus={}", goals::current_cycle()),
    )
    .await;
    assert!(overview.contains("Inwoners ervaren één overheid"));
    assert!(overview.contains("Voorstellen van je team") && overview.contains("maatjesproject"));
    assert!(
        overview.contains("Ik word de vraagbaak voor re-integratie van jongeren"),
        "Daan shares with his team"
    );
    let daan = sign_in(&logins[3].email).await;
    let (_, overview) = text(
        &daan,
        &app,
        &format!("/doelen?cyclus={}", goals::current_cycle()),
    )
    .await;
    assert!(overview.contains("Training motiverende gespreksvoering afronden"));
    assert!(
        overview.contains("Een wekelijks werkspreekuur in de bibliotheek van Noord"),
        "accepted as a team goal"
    );
    let joost = sign_in(&logins[0].email).await;
    let (_, overview) = text(
        &joost,
        &app,
        &format!("/doelen?cyclus={}", goals::current_cycle()),
    )
    .await;
    assert!(
        !overview.contains("Training motiverende gespreksvoering"),
        "Daan shares that with Sanne only"
    );
    assert!(
        !overview.contains("Brieven schrijven op taalniveau B1"),
        "Noor's private goal"
    );
}

on_both_databases!(
    personal_goal_visibility_matrix,
    who_may_set_which_goals,
    personal_goals_become_team_goals_by_proposal,
    progress_and_the_aggregate,
    stale_edits_and_bad_input_are_refused,
    goal_pages_render_in_both_languages,
    demo_goals_show_a_living_organisation,
);
