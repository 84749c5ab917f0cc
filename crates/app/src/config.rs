//! Typed configuration from a TOML file and `KLEUR_*` environment variables (the environment
//! wins). Every wrong value gets a message that names the setting and says what is expected.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use kleur_services::mail::{SmtpSecurity, SmtpSettings};
use serde::Deserialize;

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub listen: SocketAddr,
    pub base_url: String,
    pub session_hours: i64,
    pub max_connections: u32,
    pub smtp: Option<SmtpSettings>,
    pub log_json: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    database_url: Option<String>,
    listen: Option<String>,
    base_url: Option<String>,
    data_dir: Option<String>,
    session_hours: Option<i64>,
    max_connections: Option<u32>,
    log_format: Option<String>,
    smtp: Option<FileSmtp>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSmtp {
    host: Option<String>,
    port: Option<u16>,
    security: Option<String>,
    username: Option<String>,
    password: Option<String>,
    from: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the configuration file {path}: {reason}")]
    File { path: String, reason: String },
    #[error("{setting} = '{value}' is not valid: {expected}")]
    Invalid {
        setting: &'static str,
        value: String,
        expected: &'static str,
    },
    #[error("{0}")]
    Missing(String),
}

fn invalid(setting: &'static str, value: &str, expected: &'static str) -> ConfigError {
    ConfigError::Invalid {
        setting,
        value: value.to_owned(),
        expected,
    }
}

/// Reads a setting from the environment (through `lookup`, so tests need not touch the process
/// environment) or else the file.
struct Sources<'a> {
    env: &'a dyn Fn(&str) -> Option<String>,
}

impl Sources<'_> {
    fn get(&self, variable: &str, file: Option<String>) -> Option<String> {
        (self.env)(variable)
            .filter(|v| !v.trim().is_empty())
            .or(file)
    }
}

impl Config {
    /// Loads the configuration: `file` if given (it must exist), else `kleur.toml` in the working
    /// directory if present; then the environment on top.
    pub fn load(
        file: Option<&Path>,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Config, ConfigError> {
        let file_config = match file {
            Some(path) => read_file(path)?,
            None if Path::new("kleur.toml").exists() => read_file(Path::new("kleur.toml"))?,
            None => FileConfig::default(),
        };
        Self::from_sources(file_config, &Sources { env })
    }

    fn from_sources(file: FileConfig, sources: &Sources<'_>) -> Result<Config, ConfigError> {
        let data_dir = PathBuf::from(
            sources
                .get("KLEUR_DATA_DIR", file.data_dir)
                .unwrap_or_else(|| "data".into()),
        );
        let listen_text = sources
            .get("KLEUR_LISTEN", file.listen)
            .unwrap_or_else(|| "127.0.0.1:8080".into());
        let listen: SocketAddr = listen_text.trim().parse().map_err(|_| {
            invalid(
                "KLEUR_LISTEN",
                &listen_text,
                "an address and port such as 127.0.0.1:8080 or 0.0.0.0:8080",
            )
        })?;
        let database_url = sources
            .get("KLEUR_DATABASE_URL", file.database_url)
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("kleur.db").display()));
        if kleur_storage::Backend::from_url(&database_url).is_none() {
            return Err(invalid(
                "KLEUR_DATABASE_URL",
                &redact_url(&database_url),
                "sqlite://path/to/kleur.db or postgres://user:password@host:5432/database",
            ));
        }
        let base_url_text = sources
            .get("KLEUR_BASE_URL", file.base_url)
            .unwrap_or_else(|| {
                let host = if listen.ip().is_unspecified() {
                    "localhost".to_owned()
                } else {
                    listen.ip().to_string()
                };
                format!("http://{host}:{}", listen.port())
            });
        let base_url = url::Url::parse(base_url_text.trim())
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
            .ok_or_else(|| {
                invalid(
                    "KLEUR_BASE_URL",
                    &base_url_text,
                    "the address people use to reach Kleur, such as https://kleur.example.nl",
                )
            })?;
        let session_hours = match sources.get(
            "KLEUR_SESSION_HOURS",
            file.session_hours.map(|h| h.to_string()),
        ) {
            None => 12,
            Some(text) => text
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|h| (1..=24 * 30).contains(h))
                .ok_or_else(|| {
                    invalid(
                        "KLEUR_SESSION_HOURS",
                        &text,
                        "a whole number of hours from 1 to 720",
                    )
                })?,
        };
        let max_connections = match sources.get(
            "KLEUR_DB_MAX_CONNECTIONS",
            file.max_connections.map(|h| h.to_string()),
        ) {
            None => 10,
            Some(text) => text
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=500).contains(n))
                .ok_or_else(|| {
                    invalid("KLEUR_DB_MAX_CONNECTIONS", &text, "a number from 1 to 500")
                })?,
        };
        let log_json = match sources
            .get("KLEUR_LOG_FORMAT", file.log_format)
            .as_deref()
            .map(str::trim)
        {
            None | Some("text") => false,
            Some("json") => true,
            Some(other) => return Err(invalid("KLEUR_LOG_FORMAT", other, "text or json")),
        };
        let smtp = smtp_settings(file.smtp.unwrap_or_default(), sources)?;
        Ok(Config {
            database_url,
            listen,
            base_url: base_url.as_str().trim_end_matches('/').to_owned(),
            session_hours,
            max_connections,
            smtp,
            log_json,
        })
    }

    pub fn settings(&self) -> kleur_services::Settings {
        kleur_services::Settings {
            base_url: self.base_url.clone(),
            session_hours: self.session_hours,
        }
    }

    /// Creates the data directory for an SQLite database that lives there.
    pub fn prepare_data_dir(&self) -> std::io::Result<()> {
        if let Some(path) = self.database_url.strip_prefix("sqlite://") {
            let path = path.split('?').next().unwrap_or(path);
            if let Some(parent) = Path::new(path)
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
            {
                std::fs::create_dir_all(parent)?;
            }
        }
        Ok(())
    }
}

fn smtp_settings(
    file: FileSmtp,
    sources: &Sources<'_>,
) -> Result<Option<SmtpSettings>, ConfigError> {
    let Some(host) = sources.get("KLEUR_SMTP_HOST", file.host) else {
        return Ok(None);
    };
    let security_text = sources
        .get("KLEUR_SMTP_SECURITY", file.security)
        .unwrap_or_else(|| "starttls".into());
    let security = match security_text.trim().to_lowercase().as_str() {
        "none" => SmtpSecurity::None,
        "starttls" => SmtpSecurity::StartTls,
        "tls" => SmtpSecurity::Tls,
        _ => {
            return Err(invalid(
                "KLEUR_SMTP_SECURITY",
                &security_text,
                "none, starttls or tls",
            ));
        }
    };
    let default_port = match security {
        SmtpSecurity::None => 25,
        SmtpSecurity::StartTls => 587,
        SmtpSecurity::Tls => 465,
    };
    let port = match sources.get("KLEUR_SMTP_PORT", file.port.map(|p| p.to_string())) {
        None => default_port,
        Some(text) => text
            .trim()
            .parse::<u16>()
            .ok()
            .filter(|p| *p > 0)
            .ok_or_else(|| invalid("KLEUR_SMTP_PORT", &text, "a port number from 1 to 65535"))?,
    };
    let from = sources
        .get("KLEUR_SMTP_FROM", file.from)
        .ok_or_else(|| ConfigError::Missing("KLEUR_SMTP_FROM is needed with KLEUR_SMTP_HOST: the sender, such as 'Kleur <kleur@example.nl>'".into()))?;
    if from.parse::<kleur_services::mail::Mailbox>().is_err() {
        return Err(invalid(
            "KLEUR_SMTP_FROM",
            &from,
            "an address such as 'Kleur <kleur@example.nl>'",
        ));
    }
    let username = sources.get("KLEUR_SMTP_USERNAME", file.username);
    let password = sources.get("KLEUR_SMTP_PASSWORD", file.password);
    if username.is_some() != password.is_some() {
        return Err(ConfigError::Missing(
            "KLEUR_SMTP_USERNAME and KLEUR_SMTP_PASSWORD go together: set both or neither".into(),
        ));
    }
    Ok(Some(SmtpSettings {
        host: host.trim().to_owned(),
        port,
        security,
        username,
        password,
        from,
    }))
}

fn read_file(path: &Path) -> Result<FileConfig, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError::File {
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    toml::from_str(&text).map_err(|e| ConfigError::File {
        path: path.display().to_string(),
        reason: e.to_string(),
    })
}

/// A database URL without its password, for messages and logs.
pub fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn load(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Config::from_sources(
            FileConfig::default(),
            &Sources {
                env: &move |k| map.get(k).cloned(),
            },
        )
    }

    #[test]
    fn defaults_are_a_local_sqlite_install() {
        let config = load(&[]).expect("defaults");
        assert_eq!(config.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(config.base_url, "http://127.0.0.1:8080");
        assert!(config.database_url.starts_with("sqlite://"));
        assert!(config.smtp.is_none());
    }

    #[test]
    fn wrong_values_name_the_setting() {
        for (variable, value) in [
            ("KLEUR_LISTEN", "localhost"),
            ("KLEUR_DATABASE_URL", "mysql://x"),
            ("KLEUR_BASE_URL", "kleur.nl"),
            ("KLEUR_SESSION_HOURS", "0"),
            ("KLEUR_LOG_FORMAT", "xml"),
        ] {
            let message = load(&[(variable, value)]).expect_err(variable).to_string();
            assert!(message.contains(variable), "{message}");
        }
        let message = load(&[("KLEUR_SMTP_HOST", "mail.example.nl")])
            .expect_err("from missing")
            .to_string();
        assert!(message.contains("KLEUR_SMTP_FROM"), "{message}");
        let message = load(&[
            ("KLEUR_SMTP_HOST", "m"),
            ("KLEUR_SMTP_FROM", "x"),
            ("KLEUR_SMTP_PORT", "99999"),
        ])
        .expect_err("port")
        .to_string();
        assert!(message.contains("KLEUR_SMTP_PORT"), "{message}");
    }

    #[test]
    fn passwords_are_redacted() {
        let message = load(&[("KLEUR_DATABASE_URL", "mysql://u:secret@h/db")])
            .expect_err("bad")
            .to_string();
        assert!(!message.contains("secret"), "{message}");
        assert_eq!(
            redact_url("postgres://u:secret@h/db"),
            "postgres://u:***@h/db"
        );
    }

    #[test]
    fn smtp_settings_parse() {
        let config = load(&[
            ("KLEUR_SMTP_HOST", "smtp.example.nl"),
            ("KLEUR_SMTP_FROM", "Kleur <kleur@example.nl>"),
            ("KLEUR_SMTP_SECURITY", "tls"),
        ])
        .expect("smtp");
        let smtp = config.smtp.expect("smtp settings");
        assert_eq!(smtp.port, 465);
        assert_eq!(smtp.security, SmtpSecurity::Tls);
    }
}
