//! The storage contract: every test runs on SQLite and on PostgreSQL, each on a fresh database.

use kleur_storage::{Db, StorageError, availability, backup, migrate, org, outbox, people};
use kleur_test_support::{TestBackend, TestDatabase, on_both_databases};

async fn fresh(backend: TestBackend) -> (TestDatabase, Db) {
    let database = TestDatabase::new(backend).await;
    let db = Db::connect(&database.url, 4).await.expect("connect");
    migrate::run(&db).await.expect("migrate");
    (database, db)
}

async fn seed(db: &Db) -> (String, String) {
    let mut tx = db.begin().await.expect("begin");
    let organisation = org::insert_organisation(&mut tx, "elderveen", "Gemeente Elderveen", "nl")
        .await
        .expect("org");
    let unit = org::insert_unit(
        &mut tx,
        &organisation.id,
        None,
        "Gemeente Elderveen",
        "gemeente elderveen",
    )
    .await
    .expect("unit");
    let names = [
        ("Sanne van der Berg", "sanne@elderveen.nl"),
        ("Ahmed Yilmaz", "ahmed@elderveen.nl"),
        ("Eva 50%_Jansen", "eva@elderveen.nl"),
    ];
    for (name, email) in names {
        people::insert_person(
            &mut tx,
            &people::NewPerson {
                organisation_id: &organisation.id,
                employee_number: Some(email),
                display_name: name,
                email,
                function_title: "Beleidsadviseur",
                unit_id: Some(&unit.id),
                manager_id: None,
                password_hash: None,
            },
        )
        .await
        .expect("person");
    }
    tx.commit().await.expect("commit");
    (organisation.id, unit.id)
}

async fn migrations_are_idempotent(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    assert_eq!(migrate::run(&db).await.expect("second run"), 0);
    assert!(migrate::is_up_to_date(&db).await.expect("check"));
}

async fn people_list_searches_and_pages(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let (organisation_id, unit_id) = seed(&db).await;
    let mut conn = db.acquire().await.expect("conn");
    let all = people::PeopleFilter::default();
    let (page, total) = people::list_people(&mut conn, &organisation_id, &all, 2, 0)
        .await
        .expect("list");
    assert_eq!(total, 3);
    assert_eq!(
        page.iter()
            .map(|p| p.display_name.as_str())
            .collect::<Vec<_>>(),
        ["Ahmed Yilmaz", "Eva 50%_Jansen"]
    );
    assert_eq!(page[0].unit_name.as_deref(), Some("Gemeente Elderveen"));
    let (second, _) = people::list_people(&mut conn, &organisation_id, &all, 2, 2)
        .await
        .expect("list");
    assert_eq!(second.len(), 1);

    let search = |s| people::PeopleFilter {
        search: Some(s),
        unit_id: Some(&unit_id),
        manager_id: None,
    };
    let (found, total) =
        people::list_people(&mut conn, &organisation_id, &search("VAN DER"), 10, 0)
            .await
            .expect("search");
    assert_eq!((found.len(), total), (1, 1));
    // Wildcards in the search text match literally.
    let (found, _) = people::list_people(&mut conn, &organisation_id, &search("%_"), 10, 0)
        .await
        .expect("search");
    assert_eq!(found.len(), 1);
    let (found, _) = people::list_people(&mut conn, "other-org", &all, 10, 0)
        .await
        .expect("other tenant");
    assert!(found.is_empty());
}

async fn duplicate_email_is_a_conflict(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let (organisation_id, _) = seed(&db).await;
    let mut conn = db.acquire().await.expect("conn");
    let result = people::insert_person(
        &mut conn,
        &people::NewPerson {
            organisation_id: &organisation_id,
            employee_number: None,
            display_name: "Dubbel",
            email: "sanne@elderveen.nl",
            function_title: "",
            unit_id: None,
            manager_id: None,
            password_hash: None,
        },
    )
    .await;
    assert!(
        matches!(result, Err(StorageError::Conflict(_))),
        "{result:?}"
    );
}

async fn outbox_claims_each_message_once(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let (organisation_id, _) = seed(&db).await;
    {
        let mut conn = db.acquire().await.expect("conn");
        for n in 0..5 {
            outbox::enqueue(
                &mut conn,
                &organisation_id,
                "a@b.nl",
                &format!("bericht {n}"),
                "tekst",
            )
            .await
            .expect("enqueue");
        }
    }
    let now = kleur_storage::now();
    let lease = kleur_storage::timestamp(chrono::Utc::now() + chrono::Duration::minutes(5));
    let (first, second) = tokio::join!(
        outbox::claim_due(&db, &now, &lease, 3),
        outbox::claim_due(&db, &now, &lease, 3)
    );
    let mut ids: Vec<String> = first
        .expect("claim")
        .into_iter()
        .chain(second.expect("claim"))
        .map(|m| m.id)
        .collect();
    ids.sort();
    let count = ids.len();
    ids.dedup();
    assert_eq!(count, 5, "all five due messages are claimed");
    assert_eq!(ids.len(), 5, "no message is claimed twice");
    let again = outbox::claim_due(&db, &now, &lease, 10)
        .await
        .expect("claim");
    assert!(again.is_empty(), "claimed messages are leased");
}

async fn backup_covers_every_table_and_column(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let tables = backup::actual_tables(&db).await.expect("tables");
    let mut known: Vec<String> = backup::TABLES.iter().map(|t| t.name.to_owned()).collect();
    known.sort();
    assert_eq!(
        tables, known,
        "backup::TABLES lists exactly the tables of the schema"
    );
    for table in backup::TABLES {
        let columns = backup::actual_columns(&db, table.name)
            .await
            .expect("columns");
        let listed: Vec<String> = table.columns.iter().map(|(c, _)| (*c).to_owned()).collect();
        assert_eq!(columns, listed, "columns of {}", table.name);
    }
}

async fn backup_restores_into_both_databases(backend: TestBackend) {
    let (_source_db, source) = fresh(backend).await;
    let (organisation_id, _) = seed(&source).await;
    {
        let mut conn = source.acquire().await.expect("conn");
        let list = people::list_people(&mut conn, &organisation_id, &Default::default(), 10, 0)
            .await
            .expect("list")
            .0;
        people::set_manager(&mut conn, &organisation_id, &list[1].id, Some(&list[0].id))
            .await
            .expect("manager");
        outbox::enqueue(
            &mut conn,
            &organisation_id,
            "a@b.nl",
            "Onderwerp",
            "Tekst met ë en \"quotes\"",
        )
        .await
        .expect("mail");
    }
    let mut file = Vec::new();
    let written = backup::dump(&source, &mut file).await.expect("dump");
    for target_backend in [TestBackend::Sqlite, TestBackend::Postgres] {
        let (_target_db, target) = fresh(target_backend).await;
        let restored = backup::restore(&target, file.as_slice())
            .await
            .expect("restore");
        assert_eq!(restored.rows(), written.rows());
        let mut again = Vec::new();
        backup::dump(&target, &mut again).await.expect("dump again");
        let body = |f: &[u8]| {
            String::from_utf8_lossy(f)
                .lines()
                .skip(1)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            body(&again),
            body(&file),
            "the restored database dumps to the same rows"
        );
        // A second restore into a database that has data is refused and changes nothing.
        assert!(backup::restore(&target, file.as_slice()).await.is_err());
    }
    // A backup from before the search index moved into memory holds `portfolio_terms` rows:
    // they are skipped, the index is made from the items.
    let text = String::from_utf8_lossy(&file).into_owned();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines.insert(
        1,
        format!(
            r#"{{"t":"portfolio_terms","r":["{organisation_id}","analys","organisation","p","i","talents",3]}}"#
        ),
    );
    let (_old_db, old) = fresh(backend).await;
    let restored = backup::restore(&old, (lines.join("\n") + "\n").as_bytes())
        .await
        .expect("restore a backup with the retired table");
    assert_eq!(restored.rows(), written.rows());
    let (_empty_db, empty) = fresh(backend).await;
    assert!(
        backup::restore(&empty, "not a backup".as_bytes())
            .await
            .is_err()
    );
    let truncated = [&file[..file.len() - 10], b"\n"].concat();
    assert!(backup::restore(&empty, truncated.as_slice()).await.is_err());
    let mut conn = empty.acquire().await.expect("conn");
    assert!(
        org::list_organisations(&mut conn)
            .await
            .expect("list")
            .is_empty(),
        "a failed restore leaves nothing"
    );
}

async fn availability_is_off_until_opted_in(backend: TestBackend) {
    let (_database, db) = fresh(backend).await;
    let (organisation_id, _unit) = seed(&db).await;
    let mut conn = db.acquire().await.expect("conn");
    let all = people::PeopleFilter {
        search: None,
        unit_id: None,
        manager_id: None,
    };
    let (page, _) = people::list_people(&mut conn, &organisation_id, &all, 10, 0)
        .await
        .expect("list");
    let person = &page[0].id;
    let default = availability::get(&mut conn, &organisation_id, person)
        .await
        .expect("get");
    assert_eq!(default, availability::Availability::default());
    assert!(
        availability::open_to_teams(&mut conn, &organisation_id)
            .await
            .expect("teams")
            .is_empty()
    );
    let chosen = availability::Availability {
        open_to_opportunities: false,
        open_to_teams: true,
        hours_per_week: Some(8),
        available_from: Some("2027-01-01".into()),
    };
    availability::set(&mut conn, &organisation_id, person, &chosen)
        .await
        .expect("set");
    assert_eq!(
        availability::get(&mut conn, &organisation_id, person)
            .await
            .expect("get"),
        chosen
    );
    assert_eq!(
        availability::open_to_teams(&mut conn, &organisation_id)
            .await
            .expect("teams"),
        vec![person.clone()]
    );
    assert!(
        availability::open_to_opportunities(&mut conn, &organisation_id)
            .await
            .expect("opps")
            .is_empty()
    );
    let changed = availability::Availability {
        open_to_teams: false,
        ..chosen
    };
    availability::set(&mut conn, &organisation_id, person, &changed)
        .await
        .expect("update");
    assert!(
        availability::open_to_teams(&mut conn, &organisation_id)
            .await
            .expect("teams")
            .is_empty()
    );
}

on_both_databases!(
    availability_is_off_until_opted_in,
    migrations_are_idempotent,
    people_list_searches_and_pages,
    duplicate_email_is_a_conflict,
    outbox_claims_each_message_once,
    backup_covers_every_table_and_column,
    backup_restores_into_both_databases,
);
