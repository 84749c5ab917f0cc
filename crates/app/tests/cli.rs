//! The command line itself: wrong settings name the setting and exit with code 2; the help texts
//! document what an administrator needs.

mod common;

use common::{TempDir, finish, kleur_command};

async fn kleur(args: &[&str], env: &[(&str, &str)]) -> common::Finished {
    let dir = TempDir::new();
    let mut command = kleur_command(dir.path());
    command.args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    finish(command, None).await
}

#[tokio::test]
async fn a_wrong_listen_address_names_kleur_listen() {
    let result = kleur(&["migrate"], &[("KLEUR_LISTEN", "nonsense")]).await;
    assert_eq!(result.code, Some(2), "{result:?}");
    assert!(result.stderr.contains("KLEUR_LISTEN"), "{}", result.stderr);
    assert!(result.stderr.contains("nonsense"), "{}", result.stderr);
}

#[tokio::test]
async fn an_unsupported_database_names_kleur_database_url() {
    let result = kleur(&["migrate"], &[("KLEUR_DATABASE_URL", "mysql://x")]).await;
    assert_eq!(result.code, Some(2), "{result:?}");
    assert!(
        result.stderr.contains("KLEUR_DATABASE_URL"),
        "{}",
        result.stderr
    );
}

#[tokio::test]
async fn a_database_password_is_not_repeated() {
    let result = kleur(
        &["migrate"],
        &[("KLEUR_DATABASE_URL", "mysql://kleur:geheim123@db/kleur")],
    )
    .await;
    assert_eq!(result.code, Some(2), "{result:?}");
    assert!(!result.stderr.contains("geheim123"), "{}", result.stderr);
}

#[tokio::test]
async fn a_broken_configuration_file_is_named() {
    let dir = TempDir::new();
    std::fs::write(dir.join("kleur.toml"), "listen = [").expect("write kleur.toml");
    let mut command = kleur_command(dir.path());
    command.arg("migrate");
    let result = finish(command, None).await;
    assert_eq!(result.code, Some(2), "{result:?}");
    assert!(result.stderr.contains("kleur.toml"), "{}", result.stderr);
}

#[tokio::test]
async fn help_lists_the_commands_and_settings() {
    let result = kleur(&["--help"], &[]).await;
    assert_eq!(result.code, Some(0), "{result:?}");
    for text in [
        "serve",
        "demo",
        "migrate",
        "import",
        "backup",
        "restore",
        "KLEUR_DATABASE_URL",
        "KLEUR_LISTEN",
    ] {
        assert!(result.stdout.contains(text), "no {text}: {}", result.stdout);
    }
}

#[tokio::test]
async fn import_help_documents_the_columns() {
    let result = kleur(&["import", "--help"], &[]).await;
    assert_eq!(result.code, Some(0), "{result:?}");
    for column in [
        "personeelsnummer",
        "voornaam",
        "tussenvoegsel",
        "achternaam",
        "email",
        "functie",
        "afdeling",
        "leidinggevende",
        "rollen",
        "--organisation",
    ] {
        assert!(
            result.stdout.contains(column),
            "no {column}: {}",
            result.stdout
        );
    }
}

#[tokio::test]
async fn an_unknown_command_is_refused() {
    let result = kleur(&["bogus"], &[]).await;
    assert_eq!(result.code, Some(2), "{result:?}");
    assert!(result.stderr.contains("bogus"), "{}", result.stderr);
}
