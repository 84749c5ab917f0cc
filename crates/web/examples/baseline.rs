//! Baselines for the load harness (`bench/load.sh`, issue 11), measured in the same run as Kleur:
//!
//! - `baseline serve ADDR`: a bare axum handler returning a small askama page, the ceiling for a
//!   page on this machine (no session, no database);
//! - `baseline inserts SQLITE_URL SECONDS CLIENTS`: one-row write transactions into SQLite through
//!   Kleur's data layer (same pool settings, `BEGIN IMMEDIATE`) from CLIENTS tasks, the ceiling
//!   for a write; prints the inserts per second;
//! - `baseline proxy ADDR BACKEND...`: a round-robin TCP proxy that hands each new connection to
//!   the next backend, to put two `kleur serve` nodes behind one port.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use askama::Template;
use axum::Router;
use axum::response::Html;
use axum::routing::get;

#[derive(Template)]
#[template(
    source = "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>{{ title }}</title></head>\
<body><h1>{{ title }}</h1><p>{{ text }}</p><ul>{% for link in links %}<li><a href=\"/{{ link }}\">{{ link }}</a></li>{% endfor %}</ul></body></html>",
    ext = "html"
)]
struct Small<'a> {
    title: &'a str,
    text: &'a str,
    links: &'a [&'a str],
}

async fn page() -> Html<String> {
    let links = ["portfolio", "doelen", "feedback", "mensen", "profiel"];
    Html(
        Small {
            title: "Kleur",
            text: "Een kleine pagina.",
            links: &links,
        }
        .render()
        .unwrap_or_default(),
    )
}

async fn serve(address: &str) {
    let app = Router::new()
        .route("/", get(page))
        .route("/readyz", get(|| async { "ok" }));
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .expect("bind the address");
    axum::serve(listener, app).await.expect("serve");
}

async fn inserts(url: &str, seconds: u64, clients: usize) {
    let db = kleur_storage::Db::connect(url, clients as u32)
        .await
        .expect("connect");
    sqlx::query("CREATE TABLE IF NOT EXISTS baseline_rows (organisation_id TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (organisation_id, id))")
        .execute(db.pool())
        .await
        .expect("create table");
    let done = Arc::new(AtomicU64::new(0));
    let until = Instant::now() + Duration::from_secs(seconds);
    let tasks: Vec<_> = (0..clients)
        .map(|_| {
            let db = db.clone();
            let done = done.clone();
            tokio::spawn(async move {
                while Instant::now() < until {
                    let mut tx = db.begin().await.expect("begin");
                    sqlx::query("INSERT INTO baseline_rows (organisation_id, id, body, created_at) VALUES ($1, $2, $3, $4)")
                        .bind("org")
                        .bind(kleur_storage::new_id())
                        .bind("Een nieuw portfolio-item met wat tekst erin.")
                        .bind(kleur_storage::now())
                        .execute(&mut *tx)
                        .await
                        .expect("insert");
                    tx.commit().await.expect("commit");
                    done.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    let started = Instant::now();
    for task in tasks {
        task.await.expect("task");
    }
    let rate = done.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64();
    println!("{rate:.0}");
}

async fn proxy(address: &str, backends: Vec<String>) {
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .expect("bind the address");
    let mut next = 0usize;
    loop {
        let Ok((mut client, _)) = listener.accept().await else {
            continue;
        };
        let backend = backends[next % backends.len()].clone();
        next += 1;
        tokio::spawn(async move {
            if let Ok(mut server) = tokio::net::TcpStream::connect(&backend).await {
                let _ = client.set_nodelay(true);
                let _ = server.set_nodelay(true);
                let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
            }
        });
    }
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("serve") => serve(args.get(2).map_or("127.0.0.1:8090", String::as_str)).await,
        Some("inserts") => {
            let url = args.get(2).expect("SQLITE_URL");
            let seconds = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(10);
            let clients = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(32);
            inserts(url, seconds, clients).await
        }
        Some("proxy") if args.len() >= 4 => proxy(&args[2], args[3..].to_vec()).await,
        _ => {
            eprintln!(
                "usage: baseline serve ADDR | baseline inserts SQLITE_URL SECONDS CLIENTS | baseline proxy ADDR BACKEND..."
            );
            std::process::exit(2);
        }
    }
}
