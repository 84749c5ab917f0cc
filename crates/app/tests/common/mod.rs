//! Running the real `kleur` binary in tests: one-shot commands and `kleur serve` processes that
//! are killed when the test ends, however it ends.
//!
//! Every child runs in a temporary working directory (so no ./kleur.toml is picked up) with the
//! `KLEUR_*` variables of the test process removed and `KLEUR_DATABASE_URL` set to the test's own
//! database.

// Each test binary uses a different part of this module.
#![allow(dead_code)]

use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use kleur_test_support::TestDatabase;
use reqwest::StatusCode;
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};

pub const KLEUR: &str = env!("CARGO_BIN_EXE_kleur");

/// A directory that exists for one test and is removed when dropped.
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    pub fn new() -> TempDir {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let path = std::env::temp_dir().join(format!(
            "kleur-app-test-{}-{}-{nanos}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&path).expect("create a temporary directory");
        TempDir { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn join(&self, name: &str) -> PathBuf {
        self.path.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// A `kleur` command in `dir`, with a clean `KLEUR_*` environment.
pub fn kleur_command(dir: &Path) -> Command {
    let mut command = Command::new(KLEUR);
    command.current_dir(dir);
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("KLEUR_") {
            command.env_remove(name);
        }
    }
    command
}

/// What a finished command did.
#[derive(Debug)]
pub struct Finished {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Finished {
    pub fn success(&self) -> bool {
        self.code == Some(0)
    }

    /// Panics with the whole output unless the command succeeded.
    pub fn expect_success(self, what: &str) -> Finished {
        assert!(
            self.success(),
            "`{what}` failed with {:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.code,
            self.stdout,
            self.stderr
        );
        self
    }
}

/// Runs a command to the end (on a blocking thread), feeding it `stdin`.
pub async fn finish(mut command: Command, stdin: Option<String>) -> Finished {
    tokio::task::spawn_blocking(move || {
        command
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("start kleur");
        if let Some(text) = stdin {
            let mut pipe = child.stdin.take().expect("stdin pipe");
            pipe.write_all(text.as_bytes()).expect("write stdin");
        }
        let output = child.wait_with_output().expect("wait for kleur");
        Finished {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    })
    .await
    .expect("the command thread")
}

/// The `kleur` binary pointed at one test database.
pub struct Kleur {
    pub database_url: String,
    pub dir: TempDir,
}

impl Kleur {
    pub fn new(database: &TestDatabase) -> Kleur {
        Kleur {
            database_url: database.url.clone(),
            dir: TempDir::new(),
        }
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = kleur_command(self.dir.path());
        command.env("KLEUR_DATABASE_URL", &self.database_url);
        command.args(args);
        command
    }

    pub async fn run(&self, args: &[&str]) -> Finished {
        finish(self.command(args), None).await
    }

    pub async fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Finished {
        finish(self.command(args), Some(stdin.to_owned())).await
    }

    /// Runs a command that must succeed.
    pub async fn ok(&self, args: &[&str]) -> Finished {
        self.run(args).await.expect_success(&args.join(" "))
    }

    /// Starts `kleur serve` on a free port and waits until /healthz answers.
    pub async fn serve(&self) -> Server {
        // Another process may take the free port before the server binds it; then try another.
        for _ in 0..3 {
            let port = free_port();
            let listen = format!("127.0.0.1:{port}");
            let log_path = self.dir.join(&format!("serve-{port}.log"));
            let log = std::fs::File::create(&log_path).expect("create the server log");
            let child = self
                .command(&["serve", "--listen", &listen])
                .stdin(Stdio::null())
                .stdout(log.try_clone().expect("log handle"))
                .stderr(log)
                .spawn()
                .expect("start kleur serve");
            let mut server = Server {
                child,
                base: format!("http://{listen}"),
                log: log_path,
            };
            match server.wait_until_healthy().await {
                Ok(()) => return server,
                Err(log) if log.contains("listening on") => continue,
                Err(log) => panic!("kleur serve did not start:\n{log}"),
            }
        }
        panic!("kleur serve found no free port in three attempts");
    }
}

/// A port nobody listened on a moment ago.
pub fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("local address").port()
}

/// A running `kleur serve`; killed when dropped, also when the test fails.
pub struct Server {
    child: Child,
    pub base: String,
    log: PathBuf,
}

impl Server {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Polls /healthz (at most 200 times, 50 ms apart). On failure returns the server's log.
    async fn wait_until_healthy(&mut self) -> Result<(), String> {
        let client = client();
        let url = self.url("/healthz");
        for _ in 0..200 {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!("exited with {status}\n{}", self.log()));
            }
            if let Ok(response) = client.get(&url).send().await
                && response.status() == StatusCode::OK
            {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err(format!("/healthz did not answer in time\n{}", self.log()))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP client that does not follow redirects and keeps no cookies: tests send exactly the
/// cookies they mean to.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .expect("an HTTP client")
}

/// The value of the cookie `name` set by a response, if any.
pub fn set_cookie(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| key.trim() == name)
        .map(|(_, value)| value.trim().to_owned())
}

/// The value of the first hidden `csrf` field in a page.
pub fn csrf_field(html: &str) -> Option<String> {
    const MARKER: &str = r#"name="csrf" value=""#;
    let start = html.find(MARKER)? + MARKER.len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_owned())
}

pub fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Signs in through the login form as a browser would and returns the session token.
pub async fn sign_in(
    client: &reqwest::Client,
    server: &Server,
    email: &str,
    password: &str,
) -> String {
    match try_sign_in(client, server, email, password).await {
        Ok(token) => token,
        Err((status, body)) => panic!("signing in as {email} answered {status}:\n{body}"),
    }
}

/// Signs in; on failure returns the status and page of the answer.
pub async fn try_sign_in(
    client: &reqwest::Client,
    server: &Server,
    email: &str,
    password: &str,
) -> Result<String, (StatusCode, String)> {
    let form = client
        .get(server.url("/inloggen"))
        .send()
        .await
        .expect("GET /inloggen");
    assert_eq!(form.status(), StatusCode::OK, "GET /inloggen");
    let csrf_cookie = set_cookie(&form, "kleur_csrf").expect("a kleur_csrf cookie");
    let html = form.text().await.expect("the login page");
    let csrf = csrf_field(&html).expect("a csrf field in the login form");
    assert_eq!(csrf, csrf_cookie, "the form carries the cookie's token");

    // `form` sends application/x-www-form-urlencoded, as a browser does.
    let response = client
        .post(server.url("/inloggen"))
        .header(COOKIE, format!("kleur_csrf={csrf_cookie}"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", email),
            ("password", password),
            ("terug", "/"),
        ])
        .send()
        .await
        .expect("POST /inloggen");
    let status = response.status();
    if status != StatusCode::SEE_OTHER {
        let body = response.text().await.unwrap_or_default();
        return Err((status, body));
    }
    assert_eq!(location(&response), "/", "signing in returns to `terug`");
    Ok(set_cookie(&response, "kleur_session").expect("a kleur_session cookie"))
}
