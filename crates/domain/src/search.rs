//! Dutch-aware search terms for the talent directory: folding (case, accents), stop words,
//! Snowball Dutch stemming, query expansion through the catalogue's names and synonyms, and
//! highlighting of the words that matched.
//!
//! The same [`terms`] function turns an item's text into index terms and a query into search
//! terms, so both sides always agree.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::catalogue::fold;

static DUTCH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Dutch));

/// The prefix of the term that stands for "this item is catalogue entry X", whatever its text.
pub const CATALOGUE_TERM_PREFIX: &str = "cat:";

/// The most words of a query that are searched; the rest is ignored.
pub const MAX_QUERY_WORDS: usize = 8;

/// Dutch and English words too common to say anything about a person.
const STOP_WORDS: &[&str] = &[
    "aan", "al", "als", "and", "at", "bij", "by", "dan", "dat", "de", "den", "der", "des", "die",
    "dit", "door", "een", "en", "er", "for", "from", "het", "hij", "hoe", "ik", "in", "is", "je",
    "maar", "me", "met", "mijn", "na", "naar", "niet", "of", "om", "on", "ook", "op", "or", "over",
    "te", "the", "to", "tot", "uit", "van", "voor", "was", "wat", "we", "wel", "when", "with",
    "zijn", "ze", "zo",
];

/// The stem of one folded word.
pub fn stem(folded_word: &str) -> String {
    DUTCH.stem(folded_word).into_owned()
}

/// The folded words of a text, in order (duplicates kept), without stop words.
fn words(text: &str) -> impl Iterator<Item = String> {
    fold(text)
        .split(' ')
        .filter(|w| w.chars().count() >= 2 && !STOP_WORDS.contains(w))
        .map(str::to_owned)
        .collect::<Vec<_>>()
        .into_iter()
}

/// The distinct search terms of a text: folded, stop words dropped, stemmed.
pub fn terms(text: &str) -> BTreeSet<String> {
    words(text).map(|w| stem(&w)).collect()
}

/// The term that marks an item as a catalogue entry.
pub fn catalogue_term(entry_key: &str) -> String {
    format!("{CATALOGUE_TERM_PREFIX}{entry_key}")
}

/// A catalogue entry as far as search needs it: its key and everything it is called.
#[derive(Debug, Clone)]
pub struct ExpansionEntry {
    pub key: String,
    /// Names and synonyms in both languages.
    pub names: Vec<String>,
}

/// The catalogue prepared for query expansion: per entry, the stems of its one-word names and
/// synonyms. Stemming every name is the costly part of parsing a query, so callers keep this.
#[derive(Debug, Clone, Default)]
pub struct Expansion {
    entries: Vec<(String, Vec<String>)>,
}

impl Expansion {
    pub fn new(catalogue: &[ExpansionEntry]) -> Expansion {
        Expansion {
            entries: catalogue
                .iter()
                .map(|entry| {
                    let mut single_words: Vec<String> = Vec::new();
                    for name in &entry.names {
                        let folded = fold(name);
                        if !folded.is_empty() && !folded.contains(' ') {
                            single_words.push(stem(&folded));
                        }
                    }
                    (entry.key.clone(), single_words)
                })
                .collect(),
        }
    }
}

/// One word of the query with everything it may match: any of `terms`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryGroup {
    /// The word as the searcher typed it (folded).
    pub word: String,
    /// Stems and catalogue terms, sorted.
    pub terms: BTreeSet<String>,
    /// Keys of the catalogue entries the word named (for "also searched for …").
    pub entries: Vec<String>,
}

/// A parsed query: every group must match (AND), any term within a group will do (OR).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub groups: Vec<QueryGroup>,
}

impl Query {
    /// Parses free text, expanding each word through the catalogue: a word that is (the stem of)
    /// a one-word name or synonym of an entry also matches the entry itself and its other
    /// one-word names and synonyms, so *coaching* finds *coachen* and *teamspeler* finds
    /// *samenwerken*. Groups that end up sharing a term are merged, so a query never asks for
    /// two things one term could only satisfy once.
    pub fn parse(text: &str, catalogue: &[ExpansionEntry]) -> Query {
        Query::parse_expanded(text, &Expansion::new(catalogue))
    }

    /// [`Query::parse`] with the catalogue's stems worked out beforehand (they can be cached).
    pub fn parse_expanded(text: &str, expansion: &Expansion) -> Query {
        let mut groups: Vec<QueryGroup> = Vec::new();
        let mut seen = BTreeSet::new();
        for word in words(text) {
            if !seen.insert(word.clone()) {
                continue;
            }
            if seen.len() > MAX_QUERY_WORDS {
                break;
            }
            let stemmed = stem(&word);
            let mut group = QueryGroup {
                word: word.clone(),
                terms: BTreeSet::from([stemmed.clone()]),
                entries: Vec::new(),
            };
            for (key, single_words) in &expansion.entries {
                if single_words.contains(&stemmed) {
                    group.terms.insert(catalogue_term(key));
                    group.terms.extend(single_words.iter().cloned());
                    group.entries.push(key.clone());
                }
            }
            match groups
                .iter_mut()
                .find(|g| !g.terms.is_disjoint(&group.terms))
            {
                Some(existing) => {
                    existing.terms.extend(group.terms);
                    existing.entries.extend(group.entries);
                }
                None => groups.push(group),
            }
        }
        Query { groups }
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Every term of every group.
    pub fn all_terms(&self) -> BTreeSet<String> {
        self.groups
            .iter()
            .flat_map(|g| g.terms.iter().cloned())
            .collect()
    }
}

/// A piece of text, marked when it is a word that matched the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub matched: bool,
}

/// Splits `text` into segments, marking every word whose stem is one of `terms`.
pub fn highlight(text: &str, terms: &BTreeSet<String>) -> Vec<Segment> {
    let mut segments: Vec<Segment> = Vec::new();
    let mut push = |text: &str, matched: bool| match segments.last_mut() {
        Some(last) if last.matched == matched => last.text.push_str(text),
        _ => segments.push(Segment {
            text: text.to_owned(),
            matched,
        }),
    };
    let mut start = 0;
    let mut in_word = false;
    for (index, c) in text.char_indices() {
        let wordish = c.is_alphanumeric() || c == '\'' || c == '’';
        if wordish != in_word {
            let piece = &text[start..index];
            push(piece, in_word && word_matches(piece, terms));
            start = index;
            in_word = wordish;
        }
    }
    let piece = &text[start..];
    push(piece, in_word && word_matches(piece, terms));
    segments.retain(|s| !s.text.is_empty());
    segments
}

fn word_matches(word: &str, terms: &BTreeSet<String>) -> bool {
    let folded = fold(word);
    !folded.is_empty()
        && !folded.contains(' ')
        && !STOP_WORDS.contains(&folded.as_str())
        && terms.contains(&stem(&folded))
}

/// A short part of a long text around its first matching word, at most `max` characters.
pub fn excerpt(text: &str, terms: &BTreeSet<String>, max: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= max {
        return text.to_owned();
    }
    let first_match = highlight(text, terms)
        .iter()
        .scan(0usize, |offset, s| {
            let at = *offset;
            *offset += s.text.chars().count();
            Some((at, s.matched))
        })
        .find(|(_, matched)| *matched)
        .map(|(at, _)| at)
        .unwrap_or(0);
    let begin = first_match.saturating_sub(max / 3).min(chars.len() - max);
    let mut out = String::new();
    if begin > 0 {
        out.push('…');
    }
    out.extend(&chars[begin..begin + max]);
    if begin + max < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> Vec<ExpansionEntry> {
        crate::catalogue::default_catalogue_ref()
            .entries
            .iter()
            .map(|e| ExpansionEntry {
                key: e.key.clone(),
                names: e.search_terms().map(str::to_owned).collect(),
            })
            .collect()
    }

    fn matches(query: &str, text: &str) -> bool {
        let query = Query::parse(query, &[]);
        let indexed = terms(text);
        query.groups.iter().all(|g| !g.terms.is_disjoint(&indexed))
    }

    /// What Snowball Dutch does with the words the issue names: *gemeente* and its plural
    /// share a stem, *samenwerken* and *samenwerking* too; *coachen* and *coaching* do not
    /// (the *-ing* is outside the stemmer's R2 region), which the catalogue's synonyms bridge.
    #[test]
    fn dutch_stemming_on_real_words() {
        assert_eq!(stem("gemeente"), stem("gemeenten"));
        assert!(matches(
            "gemeente",
            "Tien jaar bij de gemeenten Elderveen en Dalen"
        ));
        assert!(matches("gemeenten", "Adviseur bij de gemeente"));
        assert_eq!(stem("samenwerken"), stem("samenwerking"));
        assert!(matches("samenwerking", "Ik kan goed samenwerken"));
        assert!(matches("samenwerken", "De samenwerking met de wijk"));
        assert_eq!(stem("coachen"), stem("coach"));
        assert!(matches("coachen", "Ik coach nieuwe collega's"));
        assert_ne!(
            stem("coachen"),
            stem("coaching"),
            "Snowball leaves coaching alone"
        );
        assert!(!matches("coaching", "Ik kan goed coachen"));
        // The catalogue names coachen "Coaching" in English, so the query expands to it.
        let expanded = Query::parse("coaching", &catalogue());
        assert!(expanded.groups[0].terms.contains("coach"));
        assert!(
            expanded.groups[0]
                .terms
                .contains(&catalogue_term("coachen"))
        );
        assert!(!terms("Ik kan goed coachen").is_disjoint(&expanded.groups[0].terms));
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert!(matches("GEËNGAGEERD", "geengageerd"));
        assert!(matches("geengageerd", "Zeer Geëngageerd"));
        assert!(matches("creatief", "CREATIEF"));
        assert!(!matches("creatief", "analytisch"));
    }

    #[test]
    fn stop_words_are_not_terms() {
        assert!(terms("de het een van en").is_empty());
        assert_eq!(Query::parse("de gemeente", &[]).groups.len(), 1);
    }

    #[test]
    fn synonyms_expand_the_query() {
        let query = Query::parse("teamspeler", &catalogue());
        assert_eq!(query.groups.len(), 1);
        assert!(query.groups[0].entries.contains(&"samenwerken".to_owned()));
        assert!(query.groups[0].terms.contains(&stem("samenwerken")));
        // Two words for one entry become one group: either satisfies it.
        let same = Query::parse("coachen coaching", &catalogue());
        assert_eq!(same.groups.len(), 1);
        let two = Query::parse("coachen gemeente", &catalogue());
        assert_eq!(two.groups.len(), 2);
    }

    #[test]
    fn highlights_matching_words_only() {
        let query = Query::parse("samenwerking", &[]);
        let segments = highlight("Goed samenwerken, én Samenwerking!", &query.all_terms());
        let marked: Vec<&str> = segments
            .iter()
            .filter(|s| s.matched)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marked, ["samenwerken", "Samenwerking"]);
        let joined: String = segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, "Goed samenwerken, én Samenwerking!");
    }

    #[test]
    fn excerpts_centre_on_the_match() {
        let text = format!("{} gemeente {}", "woord ".repeat(50), "eind ".repeat(50));
        let cut = excerpt(&text, &terms("gemeente"), 80);
        assert!(cut.contains("gemeente"));
        assert!(cut.starts_with('…') && cut.ends_with('…'));
        assert_eq!(excerpt("kort", &terms("x"), 80), "kort");
    }
}
