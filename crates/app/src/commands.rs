//! What each subcommand does.

use std::io::{BufRead, Write};
use std::time::Duration;

use anyhow::{Context, Result, anyhow, bail};
use kleur_domain::{Email, Role};
use kleur_services::{demo, import, mail};
use kleur_storage::{Db, migrate, org, people};

use crate::config::{Config, redact_url};
use crate::{Command, OrganisationCommand, UserCommand};

pub fn init_logging(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("KLEUR_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

async fn connect(config: &Config) -> Result<Db> {
    config
        .prepare_data_dir()
        .context("creating the data directory")?;
    let db = Db::connect(&config.database_url, config.max_connections)
        .await
        .with_context(|| format!("connecting to {}", redact_url(&config.database_url)))?;
    let applied = migrate::run(&db)
        .await
        .context("applying database migrations")?;
    if applied > 0 {
        tracing::info!(applied, "database migrated");
    }
    Ok(db)
}

pub async fn run(command: Command, mut config: Config) -> Result<()> {
    match command {
        Command::Serve(args) => {
            override_listen(&mut config, args.listen.as_deref())?;
            let db = connect(&config).await?;
            serve(db, &config).await
        }
        Command::Demo(args) => {
            override_listen(&mut config, args.listen.as_deref())?;
            let db = connect(&config).await?;
            let info = demo::ensure_demo(&db, args.people as usize).await?;
            print_demo(&config, &info);
            if args.no_serve {
                Ok(())
            } else {
                serve(db, &config).await
            }
        }
        Command::Migrate => {
            let db = connect(&config).await?;
            println!("The database is up to date ({}).", db.backend().name());
            Ok(())
        }
        Command::Import(args) => {
            let bytes = std::fs::read(&args.file)
                .with_context(|| format!("reading {}", args.file.display()))?;
            let db = connect(&config).await?;
            let organisation = organisation(&db, &args.organisation).await?;
            match import::import_people_csv(&db, &organisation.id, &bytes).await {
                Ok(report) => {
                    println!(
                        "Imported {}: {} people added, {} updated, {} units added.",
                        args.file.display(),
                        report.created,
                        report.updated,
                        report.units_created
                    );
                    Ok(())
                }
                Err(import::ImportError::Invalid(issues)) => {
                    for issue in &issues {
                        eprintln!("{}: {issue}", args.file.display());
                    }
                    bail!("{} problem(s) found; nothing was imported", issues.len())
                }
                Err(import::ImportError::Service(error)) => Err(error.into()),
            }
        }
        Command::Organisation(command) => {
            let db = connect(&config).await?;
            let mut conn = db.acquire().await?;
            match command {
                OrganisationCommand::Create { slug, name } => {
                    let slug = slug.trim().to_lowercase();
                    if slug.is_empty()
                        || slug.len() > 63
                        || !slug.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    {
                        bail!(
                            "the slug '{slug}' must be 1 to 63 lower-case letters, digits or dashes"
                        );
                    }
                    let name = kleur_domain::person::clean_text(&name, 200, true)
                        .map_err(|e| anyhow!("the name {e}"))?;
                    let organisation = org::insert_organisation(&mut conn, &slug, &name, "nl")
                        .await
                        .map_err(|e| match e {
                            kleur_storage::StorageError::Conflict(_) => {
                                anyhow!("an organisation '{slug}' already exists")
                            }
                            other => other.into(),
                        })?;
                    let key = name.to_lowercase();
                    org::insert_unit(&mut conn, &organisation.id, None, &name, &key).await?;
                    drop(conn);
                    kleur_services::catalogue::ensure_catalogue(&db, &organisation.id).await?;
                    println!(
                        "Created organisation {slug} ({name}) with the default talent catalogue."
                    );
                    return Ok(());
                }
                OrganisationCommand::List => {
                    for organisation in org::list_organisations(&mut conn).await? {
                        let count = people::count_people(&mut conn, &organisation.id).await?;
                        println!(
                            "{}\t{}\t{count} people",
                            organisation.slug, organisation.name
                        );
                    }
                }
            }
            Ok(())
        }
        Command::User(command) => user(command, &config).await,
        Command::Backup { file } => {
            let db = connect(&config).await?;
            let summary = if file.as_os_str() == "-" {
                let stdout = std::io::stdout();
                let mut out = std::io::BufWriter::new(stdout.lock());
                kleur_storage::backup::dump(&db, &mut out).await?
            } else {
                // Written beside the target and renamed, so a failed backup never leaves half a file.
                let partial = file.with_extension("partial");
                let handle = std::fs::File::create(&partial)
                    .with_context(|| format!("creating {}", partial.display()))?;
                let mut out = std::io::BufWriter::new(handle);
                let summary = kleur_storage::backup::dump(&db, &mut out).await?;
                out.flush()?;
                out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
                std::fs::rename(&partial, &file)?;
                summary
            };
            eprintln!(
                "Backed up {} rows from {} tables.",
                summary.rows(),
                summary.tables.len()
            );
            Ok(())
        }
        Command::Restore { file } => {
            let db = connect(&config).await?;
            let summary = if file.as_os_str() == "-" {
                kleur_storage::backup::restore(&db, std::io::stdin().lock()).await?
            } else {
                let handle = std::fs::File::open(&file)
                    .with_context(|| format!("opening {}", file.display()))?;
                kleur_storage::backup::restore(&db, std::io::BufReader::new(handle)).await?
            };
            println!(
                "Restored {} rows into {} tables.",
                summary.rows(),
                summary.tables.len()
            );
            Ok(())
        }
    }
}

fn override_listen(config: &mut Config, listen: Option<&str>) -> Result<()> {
    if let Some(listen) = listen {
        let address = listen.parse().map_err(|_| {
            anyhow!("--listen '{listen}' is not an address and port such as 127.0.0.1:8080")
        })?;
        let default_base = format!("http://{}:{}", config.listen.ip(), config.listen.port());
        config.listen = address;
        if config.base_url == default_base {
            let host = if config.listen.ip().is_unspecified() {
                "localhost".to_owned()
            } else {
                config.listen.ip().to_string()
            };
            config.base_url = format!("http://{host}:{}", config.listen.port());
        }
    }
    Ok(())
}

async fn organisation(db: &Db, slug: &str) -> Result<org::Organisation> {
    let mut conn = db.acquire().await?;
    org::find_organisation_by_slug(&mut conn, slug.trim()).await?.ok_or_else(|| {
        anyhow!("there is no organisation '{slug}'; create it with `kleur organisation create --slug {slug} --name \"…\"`")
    })
}

fn read_password() -> Result<String> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("reading the password from standard input")?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    kleur_domain::person::check_new_password(&password).map_err(|e| anyhow!("{e}"))?;
    Ok(password)
}

async fn user(command: UserCommand, config: &Config) -> Result<()> {
    let db = connect(config).await?;
    match command {
        UserCommand::Create {
            organisation: slug,
            email,
            name,
            roles,
        } => {
            let organisation = organisation(&db, &slug).await?;
            let email = Email::parse(&email).map_err(|e| anyhow!("--email: {e}"))?;
            let name = kleur_domain::person::clean_text(&name, 200, true)
                .map_err(|e| anyhow!("--name {e}"))?;
            let roles = roles
                .iter()
                .map(|r| Role::parse(r))
                .collect::<Result<Vec<_>, _>>()?;
            let password = read_password()?;
            let hash = kleur_services::auth::hash_password(&password).await?;
            let mut tx = db.begin().await?;
            let id = people::insert_person(
                &mut tx,
                &people::NewPerson {
                    organisation_id: &organisation.id,
                    employee_number: None,
                    display_name: &name,
                    email: email.as_str(),
                    function_title: "",
                    unit_id: None,
                    manager_id: None,
                    password_hash: Some(&hash),
                },
            )
            .await
            .map_err(|e| match e {
                kleur_storage::StorageError::Conflict(_) => {
                    anyhow!("{email} already exists in {slug}")
                }
                other => other.into(),
            })?;
            for role in std::iter::once(Role::Employee).chain(roles) {
                people::grant_role(&mut tx, &organisation.id, &id, role.as_str()).await?;
            }
            tx.commit().await?;
            println!("Created {name} <{email}> in {slug}.");
        }
        UserCommand::SetPassword {
            organisation: slug,
            email,
        } => {
            let (organisation, person) = find_person(&db, &slug, &email).await?;
            let password = read_password()?;
            kleur_services::auth::set_password(&db, &organisation.id, &person.id, &password)
                .await?;
            println!("Password set for {}.", person.email);
        }
        UserCommand::Grant {
            organisation: slug,
            email,
            role,
        } => {
            let (organisation, person) = find_person(&db, &slug, &email).await?;
            let role = Role::parse(&role)?;
            let mut conn = db.acquire().await?;
            people::grant_role(&mut conn, &organisation.id, &person.id, role.as_str()).await?;
            println!("{} now has the role {role}.", person.email);
        }
    }
    Ok(())
}

async fn find_person(
    db: &Db,
    slug: &str,
    email: &str,
) -> Result<(org::Organisation, people::Person)> {
    let organisation = organisation(db, slug).await?;
    let email = Email::parse(email).map_err(|e| anyhow!("--email: {e}"))?;
    let mut conn = db.acquire().await?;
    let person = people::find_person_by_email(&mut conn, &organisation.id, email.as_str())
        .await?
        .ok_or_else(|| anyhow!("nobody with e-mail address {email} in {slug}"))?;
    Ok((organisation, person))
}

fn print_demo(config: &Config, info: &demo::DemoInfo) {
    let verb = if info.created { "Created" } else { "Reusing" };
    println!();
    println!(
        "{verb} the demo organisation {} with {} people.",
        demo::DEMO_NAME,
        info.people
    );
    println!(
        "Open {} and sign in with any of these (password: {}):",
        config.base_url,
        demo::DEMO_PASSWORD
    );
    for login in &info.logins {
        println!(
            "  {:<42} {} ({})",
            login.email, login.display_name, login.role
        );
    }
    println!();
}

async fn serve(db: Db, config: &Config) -> Result<()> {
    let transport = match &config.smtp {
        Some(smtp) => mail::Transport::smtp(smtp)?,
        None => {
            tracing::warn!(
                "no SMTP settings: e-mail is kept on the administrators' sent mail page, not sent"
            );
            mail::Transport::Local
        }
    };
    let (stop_worker, worker_stopped) = tokio::sync::watch::channel(false);
    let worker = tokio::spawn(mail::run_worker(
        db.clone(),
        transport,
        Duration::from_secs(5),
        worker_stopped.clone(),
    ));
    // Check-in reminders go into the outbox; the worker above sends them.
    let checkin_reminders = tokio::spawn(kleur_services::checkins::run_reminders(
        db.clone(),
        config.base_url.clone(),
        Duration::from_secs(600),
        worker_stopped,
    ));
    let reminders = tokio::spawn(kleur_services::feedback::run_reminder_worker(
        db.clone(),
        config.settings(),
        Duration::from_secs(300),
        stop_worker.subscribe(),
    ));
    // In the background: the server answers at once, and a search before it is done builds
    // its organisation's index itself.
    let warm_search = tokio::spawn(kleur_services::directory::warm_search_index(db.clone()));
    let state = kleur_web::AppState::new(db.clone(), config.settings());
    let app = kleur_web::router(state);
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("listening on {}", config.listen))?;
    tracing::info!(address = %config.listen, base_url = %config.base_url, database = db.backend().name(), "Kleur is serving");
    println!("Kleur is serving at {} (Ctrl-C stops).", config.base_url);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .context("serving")?;
    let _ = stop_worker.send(true);
    let _ = worker.await;
    let _ = reminders.await;
    let _ = checkin_reminders.await;
    warm_search.abort();
    db.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = terminate => {}
    }
    tracing::info!("shutting down: finishing requests in flight");
}
