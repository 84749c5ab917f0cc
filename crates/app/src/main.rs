//! The `kleur` binary: one program that serves Kleur and does its administration.

mod commands;
mod config;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// Kleur: employee-owned development portfolios, 360° feedback that the employee starts, and
/// insight into the talent an organisation already has.
///
/// Kleur keeps its data in an embedded SQLite file by default (under ./data) or in PostgreSQL.
/// Settings come from a TOML file (--config, or ./kleur.toml) and KLEUR_* environment variables,
/// which win: KLEUR_DATABASE_URL, KLEUR_LISTEN, KLEUR_BASE_URL, KLEUR_DATA_DIR,
/// KLEUR_SESSION_HOURS, KLEUR_DB_MAX_CONNECTIONS, KLEUR_LOG_FORMAT (text|json), and for e-mail
/// KLEUR_SMTP_HOST, KLEUR_SMTP_PORT, KLEUR_SMTP_SECURITY (none|starttls|tls),
/// KLEUR_SMTP_USERNAME, KLEUR_SMTP_PASSWORD, KLEUR_SMTP_FROM. Without SMTP settings, mail is kept
/// for administrators on the "sent mail" page instead of being sent.
#[derive(Parser, Debug)]
#[command(name = "kleur", version, max_term_width = 100)]
struct Cli {
    /// A TOML configuration file. Without it, ./kleur.toml is read if it exists.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Serve Kleur over HTTP. Applies pending database migrations first, then serves pages, the
    /// API and health checks (/healthz, /readyz) and sends queued e-mail, until Ctrl-C or SIGTERM.
    /// Several `kleur serve` processes can share one PostgreSQL database.
    Serve(ServeArgs),
    /// Create (or reuse) the demo organisation, the fictional municipality of Elderveen, print its
    /// sign-in details, and serve it.
    Demo(DemoArgs),
    /// Apply pending database migrations and exit. `serve` does this too; run it separately
    /// to migrate before starting several nodes.
    Migrate,
    /// Import people and units from a CSV export of an HR system, all or nothing.
    ///
    /// The file may be UTF-8 with a byte order mark and `;` separators, as Dutch Excel writes it
    /// ("CSV UTF-8"), or `,` separated. The first line names the columns (Dutch or English):
    /// personeelsnummer (employee_number, required), voornaam (given_name), tussenvoegsel
    /// (name_prefix), achternaam (family_name, required), email (required), functie
    /// (function_title), afdeling (unit: a path such as "Gemeente X > Sociaal Domein > Team
    /// Noord"), leidinggevende (manager_employee_number), rollen (roles, comma separated:
    /// medewerker, leidinggevende, hr-adviseur, ambassadeur, directie, beheerder). People are
    /// matched on employee number (else e-mail address) and updated; new people are added.
    /// Every problem is reported with its line number, and then nothing is imported.
    Import(ImportArgs),
    /// Manage organisations (tenants).
    #[command(subcommand)]
    Organisation(OrganisationCommand),
    /// Manage people who sign in: create them, set passwords, grant roles.
    #[command(subcommand)]
    User(UserCommand),
    /// Write the whole database to one file (JSON Lines), consistent while Kleur keeps serving.
    /// The file restores into SQLite or PostgreSQL.
    Backup {
        /// Where to write the backup; `-` for standard output.
        file: PathBuf,
    },
    /// Restore a backup into an empty database (migrations are applied first). Refuses a
    /// database that already holds data; a failed restore changes nothing.
    Restore {
        /// The backup file; `-` for standard input.
        file: PathBuf,
    },
}

#[derive(Args, Debug)]
struct ServeArgs {
    /// Address and port to listen on, e.g. 0.0.0.0:8080 (overrides KLEUR_LISTEN).
    #[arg(long, value_name = "ADDR")]
    listen: Option<String>,
}

#[derive(Args, Debug)]
struct DemoArgs {
    /// How many people the demo organisation gets (deterministic for a given number; 10 to 100000).
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u32).range(10..=100_000))]
    people: u32,
    /// Address and port to listen on (overrides KLEUR_LISTEN).
    #[arg(long, value_name = "ADDR")]
    listen: Option<String>,
    /// Create the demo data and exit without serving.
    #[arg(long)]
    no_serve: bool,
}

#[derive(Args, Debug)]
struct ImportArgs {
    /// The CSV file.
    file: PathBuf,
    /// The organisation to import into (its short name, e.g. `elderveen`).
    #[arg(long, value_name = "SLUG")]
    organisation: String,
}

#[derive(Subcommand, Debug)]
enum OrganisationCommand {
    /// Create an organisation.
    Create {
        /// A short name for URLs and commands: lower-case letters, digits and dashes.
        #[arg(long)]
        slug: String,
        /// The full name, e.g. "Gemeente Elderveen".
        #[arg(long)]
        name: String,
    },
    /// List the organisations.
    List,
}

#[derive(Subcommand, Debug)]
enum UserCommand {
    /// Add a person who can sign in. The password is read from the first line of standard input.
    Create {
        #[arg(long, value_name = "SLUG")]
        organisation: String,
        #[arg(long)]
        email: String,
        /// The name shown in Kleur.
        #[arg(long)]
        name: String,
        /// A role to grant (repeatable): manager, hr_adviser, ambassador, management, administrator.
        #[arg(long = "role")]
        roles: Vec<String>,
    },
    /// Set a person's password, read from the first line of standard input. Ends their sessions.
    SetPassword {
        #[arg(long, value_name = "SLUG")]
        organisation: String,
        #[arg(long)]
        email: String,
    },
    /// Grant a role to a person.
    Grant {
        #[arg(long, value_name = "SLUG")]
        organisation: String,
        #[arg(long)]
        email: String,
        #[arg(long)]
        role: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let env = |name: &str| std::env::var(name).ok();
    let config = match config::Config::load(cli.config.as_deref(), &env) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("kleur: configuration error: {error}");
            return ExitCode::from(2);
        }
    };
    commands::init_logging(config.log_json);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("kleur: cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(commands::run(cli.command, config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kleur: {error:#}");
            ExitCode::FAILURE
        }
    }
}
