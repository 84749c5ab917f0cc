use std::fmt;

/// An e-mail address, trimmed and lower-cased, checked for the shape `local@domain.tld`.
///
/// Deliberately lenient about the local part (organisations use all sorts), strict about what
/// would break mail delivery or header injection: no whitespace, no control characters, one `@`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct Email(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("the e-mail address is empty")]
    Empty,
    #[error("the e-mail address is longer than 254 characters")]
    TooLong,
    #[error("the e-mail address is not of the form name@example.nl")]
    Invalid,
}

impl Email {
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let value = input.trim().to_lowercase();
        if value.is_empty() {
            return Err(EmailError::Empty);
        }
        if value.chars().count() > 254 {
            return Err(EmailError::TooLong);
        }
        if value.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';' | '"')
        }) {
            return Err(EmailError::Invalid);
        }
        let (local, domain) = value.split_once('@').ok_or(EmailError::Invalid)?;
        let domain_ok = !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..");
        if local.is_empty() || !domain_ok {
            return Err(EmailError::Invalid);
        }
        Ok(Self(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_and_whitespace() {
        let email = Email::parse("  Fatima.El-Amrani@Elderveen.NL ").expect("valid");
        assert_eq!(email.as_str(), "fatima.el-amrani@elderveen.nl");
    }

    #[test]
    fn rejects_malformed_addresses() {
        for bad in [
            "",
            "   ",
            "no-at-sign",
            "a@b",
            "@elderveen.nl",
            "a@@b.nl",
            "a b@c.nl",
            "a@b..nl",
            "a@b.nl\r\nBcc: x@y.nl",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn rejects_overlong_addresses() {
        let long = format!("{}@elderveen.nl", "a".repeat(250));
        assert_eq!(Email::parse(&long), Err(EmailError::TooLong));
    }
}
