use std::fmt;

/// The interface languages. Dutch is the default: Kleur is built for Dutch organisations first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Nl,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Nl, Locale::En];

    pub fn as_str(self) -> &'static str {
        match self {
            Locale::Nl => "nl",
            Locale::En => "en",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        match input.trim().to_ascii_lowercase().as_str() {
            "nl" | "nl-nl" | "nl-be" => Some(Locale::Nl),
            "en" | "en-gb" | "en-us" => Some(Locale::En),
            _ => None,
        }
    }

    /// Picks the first supported language from an `Accept-Language` header, honouring q-values.
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let mut candidates: Vec<(f32, usize, Locale)> = header
            .split(',')
            .enumerate()
            .filter_map(|(position, part)| {
                let mut pieces = part.split(';');
                let tag = pieces.next()?.trim();
                let quality = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                let primary = tag.split('-').next()?;
                let locale = Locale::parse(primary)?;
                (quality > 0.0).then_some((quality, position, locale))
            })
            .collect();
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        candidates.first().map(|c| c.2)
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_prefers_highest_quality() {
        assert_eq!(
            Locale::from_accept_language("de-DE,en;q=0.8,nl;q=0.9"),
            Some(Locale::Nl)
        );
        assert_eq!(
            Locale::from_accept_language("en-GB,en;q=0.9"),
            Some(Locale::En)
        );
        assert_eq!(Locale::from_accept_language("fr, de"), None);
        assert_eq!(
            Locale::from_accept_language("nl;q=0, en;q=0.1"),
            Some(Locale::En)
        );
    }
}
