//! `kleur import`: a CSV file as Dutch Excel writes it goes in whole; a file with errors names
//! every bad line and changes nothing.

mod common;

use common::Kleur;
use kleur_test_support::{TestBackend, TestDatabase, on_both_databases};

const HEADER: &str = "personeelsnummer;voornaam;tussenvoegsel;achternaam;email;functie;afdeling;leidinggevende;rollen";

/// What Excel's "CSV UTF-8" writes: a byte order mark, `;` separators, CRLF line ends.
fn excel_csv(lines: &[&str]) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    for line in std::iter::once(&HEADER).chain(lines) {
        bytes.extend_from_slice(line.as_bytes());
        bytes.extend_from_slice(b"\r\n");
    }
    bytes
}

async fn import_reports_and_rolls_back(backend: TestBackend) {
    let database = TestDatabase::new(backend).await;
    let kleur = Kleur::new(&database);
    let created = kleur
        .ok(&[
            "organisation",
            "create",
            "--slug",
            "test",
            "--name",
            "Gemeente Test",
        ])
        .await;
    assert!(
        created.stdout.contains("Created organisation test"),
        "{}",
        created.stdout
    );

    let good = kleur.dir.join("medewerkers.csv");
    std::fs::write(
        &good,
        excel_csv(&[
            "1001;Sanne;van der;Berg;sanne.vanderberg@test.example;Teamcoach;Gemeente Test > Sociaal Domein > Team Noord;;leidinggevende",
            "1002;Ahmed;;Yılmaz;ahmed.yilmaz@test.example;Consulent Werk en Inkomen;Gemeente Test > Sociaal Domein > Team Noord;1001;medewerker",
            "1003;Eva;;Jansen;eva.jansen@test.example;Beleidsadviseur;Gemeente Test > Ruimte;1001;\"ambassadeur,hr-adviseur\"",
        ]),
    )
    .expect("write the CSV file");
    let good_path = good.to_str().expect("path");
    let import = kleur
        .run(&["import", good_path, "--organisation", "test"])
        .await
        .expect_success("import");
    assert!(
        import
            .stdout
            .contains("3 people added, 0 updated, 3 units added."),
        "{}",
        import.stdout
    );
    let list = kleur.ok(&["organisation", "list"]).await.stdout;
    assert!(list.contains("test\tGemeente Test\t3 people"), "{list}");

    // Importing the same file again updates the same people.
    let again = kleur
        .ok(&["import", good_path, "--organisation", "test"])
        .await;
    assert!(
        again
            .stdout
            .contains("0 people added, 3 updated, 0 units added."),
        "{}",
        again.stdout
    );

    // Problems on lines 3 and 5 (the header is line 1): nothing of the file goes in.
    let bad = kleur.dir.join("fouten.csv");
    std::fs::write(
        &bad,
        excel_csv(&[
            "1004;Noor;;Hendriks;noor.hendriks@test.example;Jurist;Gemeente Test > Ruimte;1001;",
            "1005;Bram;;Visser;geen-e-mailadres;Jurist;Gemeente Test > Ruimte;;",
            "1006;Lotte;de;Wit;lotte.dewit@test.example;Jurist;Gemeente Test > Nieuw;;",
            "1007;Daan;;Smit;daan.smit@test.example;Jurist;;;koning",
        ]),
    )
    .expect("write the CSV file");
    let failed = kleur
        .run(&[
            "import",
            bad.to_str().expect("path"),
            "--organisation",
            "test",
        ])
        .await;
    assert!(!failed.success(), "a file with errors: {failed:?}");
    assert!(failed.stderr.contains("line 3"), "{}", failed.stderr);
    assert!(failed.stderr.contains("line 5"), "{}", failed.stderr);
    for clean in ["line 2", "line 4"] {
        assert!(!failed.stderr.contains(clean), "{}", failed.stderr);
    }
    assert!(
        failed.stderr.contains("nothing was imported"),
        "{}",
        failed.stderr
    );
    assert!(!failed.stdout.contains("Imported"), "{}", failed.stdout);
    assert_eq!(kleur.ok(&["organisation", "list"]).await.stdout, list);

    // An organisation that does not exist is named.
    let unknown = kleur
        .run(&["import", good_path, "--organisation", "elders"])
        .await;
    assert!(!unknown.success(), "{unknown:?}");
    assert!(unknown.stderr.contains("elders"), "{}", unknown.stderr);
}

on_both_databases!(import_reports_and_rolls_back);
