/// Cleans a free-text field from a form or import: trims it, rejects it when required and empty,
/// and rejects text longer than `max_chars` or containing control characters.
pub fn clean_text(input: &str, max_chars: usize, required: bool) -> Result<String, TextError> {
    let value = input.trim();
    if value.is_empty() {
        return if required {
            Err(TextError::Empty)
        } else {
            Ok(String::new())
        };
    }
    if value.chars().count() > max_chars {
        return Err(TextError::TooLong(max_chars));
    }
    if value.chars().any(|c| c.is_control()) {
        return Err(TextError::ControlCharacters);
    }
    Ok(value.to_owned())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("is empty")]
    Empty,
    #[error("is longer than {0} characters")]
    TooLong(usize),
    #[error("contains control characters")]
    ControlCharacters,
}

pub const NAME_MAX: usize = 200;
pub const TITLE_MAX: usize = 200;

/// Builds the name people are shown by, the Dutch way: given name, name prefix
/// (*tussenvoegsel*, "van der"), family name.
pub fn display_name(given: &str, prefix: &str, family: &str) -> String {
    [given, prefix, family]
        .iter()
        .map(|part| part.trim())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A password as a person chooses it. Length is what matters (NCSC guidance); no composition rules.
pub fn check_new_password(password: &str) -> Result<(), PasswordError> {
    let length = password.chars().count();
    if length < PASSWORD_MIN {
        return Err(PasswordError::TooShort(PASSWORD_MIN));
    }
    if length > PASSWORD_MAX {
        return Err(PasswordError::TooLong(PASSWORD_MAX));
    }
    Ok(())
}

pub const PASSWORD_MIN: usize = 10;
pub const PASSWORD_MAX: usize = 512;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("the password must be at least {0} characters")]
    TooShort(usize),
    #[error("the password must be at most {0} characters")]
    TooLong(usize),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_dutch_names() {
        assert_eq!(
            display_name("Sanne", "van der", "Berg"),
            "Sanne van der Berg"
        );
        assert_eq!(display_name(" Ahmed ", "", "Yilmaz"), "Ahmed Yilmaz");
    }

    #[test]
    fn cleans_text() {
        assert_eq!(
            clean_text("  Beleidsadviseur ", 50, true),
            Ok("Beleidsadviseur".into())
        );
        assert_eq!(clean_text("  ", 50, true), Err(TextError::Empty));
        assert_eq!(clean_text("  ", 50, false), Ok(String::new()));
        assert_eq!(clean_text("abc", 2, true), Err(TextError::TooLong(2)));
        assert_eq!(
            clean_text("a\u{0}b", 20, true),
            Err(TextError::ControlCharacters)
        );
    }

    #[test]
    fn passwords_need_length() {
        assert!(check_new_password("kort").is_err());
        assert!(check_new_password("lang genoeg wachtwoord").is_ok());
    }
}
