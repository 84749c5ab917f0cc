//! The talent catalogue: talents and core qualities (*kernkwaliteiten*) people pick from in their
//! portfolio, in Dutch and English.
//!
//! Kleur ships a default catalogue written for the project (`catalogue/default.toml`, embedded in
//! the binary). A core quality carries Ofman's core quadrant: the pitfall (*valkuil*) is too much
//! of the quality, the challenge (*uitdaging*) is the positive opposite of the pitfall, and the
//! allergy (*allergie*) is too much of the challenge.
//!
//! Everything here is pure: [`parse_catalogue`] reads the structure, [`validate`] reports every
//! problem in words, and [`suggest_quadrant`] finds the core quality someone is typing.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::locale::Locale;

/// The default catalogue's source, embedded at compile time.
pub const DEFAULT_CATALOGUE_TOML: &str = include_str!("../catalogue/default.toml");

/// The longest name (of a category, entry, synonym or quadrant field), in characters.
pub const NAME_MAX: usize = 80;
/// The longest description, in characters.
pub const DESCRIPTION_MAX: usize = 300;
/// The shortest typed text [`suggest_quadrant`] completes as a prefix, in characters.
const PREFIX_MIN: usize = 4;

/// A group of entries, such as "Denken en analyseren".
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Category {
    /// A stable slug: lower-case ASCII letters and digits, words joined by single dashes.
    pub key: String,
    pub nl: String,
    pub en: String,
}

impl Category {
    pub fn name(&self, locale: Locale) -> &str {
        match locale {
            Locale::Nl => &self.nl,
            Locale::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// Something you are good at and that gives you energy.
    Talent,
    /// A *kernkwaliteit*, with its core quadrant.
    CoreQuality,
}

impl EntryKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Talent => "talent",
            EntryKind::CoreQuality => "core_quality",
        }
    }

    /// The inverse of [`EntryKind::as_str`].
    pub fn parse(text: &str) -> Option<EntryKind> {
        match text.trim() {
            "talent" => Some(EntryKind::Talent),
            "core_quality" => Some(EntryKind::CoreQuality),
            _ => None,
        }
    }
}

/// Ofman's core quadrant around a core quality, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Quadrant {
    pub pitfall_nl: String,
    pub challenge_nl: String,
    pub allergy_nl: String,
    pub pitfall_en: String,
    pub challenge_en: String,
    pub allergy_en: String,
}

impl Quadrant {
    pub fn pitfall(&self, locale: Locale) -> &str {
        match locale {
            Locale::Nl => &self.pitfall_nl,
            Locale::En => &self.pitfall_en,
        }
    }

    pub fn challenge(&self, locale: Locale) -> &str {
        match locale {
            Locale::Nl => &self.challenge_nl,
            Locale::En => &self.challenge_en,
        }
    }

    pub fn allergy(&self, locale: Locale) -> &str {
        match locale {
            Locale::Nl => &self.allergy_nl,
            Locale::En => &self.allergy_en,
        }
    }

    /// The six fields with a label for messages, in the file's order.
    fn fields(&self) -> [(&'static str, &str); 6] {
        [
            ("pitfall_nl", &self.pitfall_nl),
            ("challenge_nl", &self.challenge_nl),
            ("allergy_nl", &self.allergy_nl),
            ("pitfall_en", &self.pitfall_en),
            ("challenge_en", &self.challenge_en),
            ("allergy_en", &self.allergy_en),
        ]
    }
}

/// One talent or core quality.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    /// A stable slug, unique across all entries; portfolios refer to it.
    pub key: String,
    pub kind: EntryKind,
    /// The key of the entry's category.
    pub category: String,
    pub nl: String,
    pub en: String,
    pub description_nl: String,
    pub description_en: String,
    /// Lower-case words people search for.
    pub synonyms_nl: Vec<String>,
    pub synonyms_en: Vec<String>,
    /// Present for a core quality, absent for a talent.
    pub quadrant: Option<Quadrant>,
}

impl Entry {
    pub fn name(&self, locale: Locale) -> &str {
        match locale {
            Locale::Nl => &self.nl,
            Locale::En => &self.en,
        }
    }

    pub fn description(&self, locale: Locale) -> &str {
        match locale {
            Locale::Nl => &self.description_nl,
            Locale::En => &self.description_en,
        }
    }

    pub fn synonyms(&self, locale: Locale) -> &[String] {
        match locale {
            Locale::Nl => &self.synonyms_nl,
            Locale::En => &self.synonyms_en,
        }
    }

    /// The names and synonyms in both languages: everything a search may match.
    pub fn search_terms(&self) -> impl Iterator<Item = &str> {
        [self.nl.as_str(), self.en.as_str()]
            .into_iter()
            .chain(self.synonyms_nl.iter().map(String::as_str))
            .chain(self.synonyms_en.iter().map(String::as_str))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Catalogue {
    pub categories: Vec<Category>,
    pub entries: Vec<Entry>,
}

impl Catalogue {
    pub fn category(&self, key: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.key == key)
    }

    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key == key)
    }

    pub fn entries_of(&self, kind: EntryKind) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.kind == kind)
    }

    pub fn entries_in<'a>(&'a self, category: &'a str) -> impl Iterator<Item = &'a Entry> {
        self.entries.iter().filter(move |e| e.category == category)
    }
}

/// The catalogue file is not TOML of the expected shape (its content is checked by [`validate`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the catalogue file cannot be read: {0}")]
pub struct CatalogueParseError(String);

/// The file format: flat entries, the quadrant's six fields beside the others.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    category: Vec<Category>,
    #[serde(default)]
    entry: Vec<RawEntry>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    key: String,
    kind: EntryKind,
    category: String,
    nl: String,
    en: String,
    description_nl: String,
    description_en: String,
    #[serde(default)]
    synonyms_nl: Vec<String>,
    #[serde(default)]
    synonyms_en: Vec<String>,
    pitfall_nl: Option<String>,
    challenge_nl: Option<String>,
    allergy_nl: Option<String>,
    pitfall_en: Option<String>,
    challenge_en: Option<String>,
    allergy_en: Option<String>,
}

impl From<RawEntry> for Entry {
    fn from(raw: RawEntry) -> Self {
        let fields = [
            raw.pitfall_nl,
            raw.challenge_nl,
            raw.allergy_nl,
            raw.pitfall_en,
            raw.challenge_en,
            raw.allergy_en,
        ];
        // A partly filled quadrant is kept with empty fields, so that `validate` can name them.
        let quadrant = fields.iter().any(Option::is_some).then(|| {
            let [
                pitfall_nl,
                challenge_nl,
                allergy_nl,
                pitfall_en,
                challenge_en,
                allergy_en,
            ] = fields.map(Option::unwrap_or_default);
            Quadrant {
                pitfall_nl,
                challenge_nl,
                allergy_nl,
                pitfall_en,
                challenge_en,
                allergy_en,
            }
        });
        Entry {
            key: raw.key,
            kind: raw.kind,
            category: raw.category,
            nl: raw.nl,
            en: raw.en,
            description_nl: raw.description_nl,
            description_en: raw.description_en,
            synonyms_nl: raw.synonyms_nl,
            synonyms_en: raw.synonyms_en,
            quadrant,
        }
    }
}

/// Reads a catalogue in the format of `catalogue/default.toml`. Only the structure is checked
/// here; run [`validate`] for the content.
pub fn parse_catalogue(text: &str) -> Result<Catalogue, CatalogueParseError> {
    let raw: RawFile = toml::from_str(text).map_err(|e| CatalogueParseError(e.to_string()))?;
    Ok(Catalogue {
        categories: raw.category,
        entries: raw.entry.into_iter().map(Entry::from).collect(),
    })
}

/// Kleur's default catalogue, parsed once.
pub fn default_catalogue_ref() -> &'static Catalogue {
    static DEFAULT: OnceLock<Catalogue> = OnceLock::new();
    DEFAULT.get_or_init(|| {
        parse_catalogue(DEFAULT_CATALOGUE_TOML)
            .expect("the embedded catalogue/default.toml is ours and must parse (see its tests)")
    })
}

/// Kleur's default catalogue (a copy an organisation can adjust).
pub fn default_catalogue() -> Catalogue {
    default_catalogue_ref().clone()
}

/// Every problem in the catalogue, in words, in the order of the file. Empty means valid.
pub fn validate(catalogue: &Catalogue) -> Vec<String> {
    let mut problems = Vec::new();

    let mut category_keys = HashSet::new();
    let mut category_names = NameRegister::default();
    for category in &catalogue.categories {
        let what = format!("category \"{}\"", category.key);
        check_slug(&what, &category.key, &mut problems);
        if !category_keys.insert(category.key.as_str()) {
            problems.push(format!("{what}: the key is used more than once"));
        }
        check_text(&what, "nl", &category.nl, NAME_MAX, &mut problems);
        check_text(&what, "en", &category.en, NAME_MAX, &mut problems);
        category_names.add("categories", &category.key, category, &mut problems);
    }

    let mut entry_keys = HashSet::new();
    let mut entry_names = NameRegister::default();
    for entry in &catalogue.entries {
        let what = format!("entry \"{}\"", entry.key);
        check_slug(&what, &entry.key, &mut problems);
        if !entry_keys.insert(entry.key.as_str()) {
            problems.push(format!("{what}: the key is used more than once"));
        }
        if !category_keys.contains(entry.category.as_str()) {
            problems.push(format!(
                "{what}: category \"{}\" does not exist",
                entry.category
            ));
        }
        check_text(&what, "nl", &entry.nl, NAME_MAX, &mut problems);
        check_text(&what, "en", &entry.en, NAME_MAX, &mut problems);
        check_text(
            &what,
            "description_nl",
            &entry.description_nl,
            DESCRIPTION_MAX,
            &mut problems,
        );
        check_text(
            &what,
            "description_en",
            &entry.description_en,
            DESCRIPTION_MAX,
            &mut problems,
        );
        check_synonyms(&what, "synonyms_nl", &entry.synonyms_nl, &mut problems);
        check_synonyms(&what, "synonyms_en", &entry.synonyms_en, &mut problems);
        match (entry.kind, &entry.quadrant) {
            (EntryKind::CoreQuality, None) => problems.push(format!(
                "{what}: a core quality needs its quadrant (pitfall, challenge and allergy in \
                 Dutch and English)"
            )),
            (EntryKind::CoreQuality, Some(quadrant)) => {
                for (field, text) in quadrant.fields() {
                    check_text(&what, field, text, NAME_MAX, &mut problems);
                }
            }
            (EntryKind::Talent, Some(_)) => problems.push(format!(
                "{what}: a talent has no quadrant; make it a core quality or remove the pitfall, \
                 challenge and allergy"
            )),
            (EntryKind::Talent, None) => {}
        }
        entry_names.add("entries", &entry.key, entry, &mut problems);
    }

    problems
}

/// Remembers the names seen per language to report duplicates, ignoring case and accents.
#[derive(Default)]
struct NameRegister {
    seen: HashMap<(Locale, String), String>,
}

trait Named {
    fn name_in(&self, locale: Locale) -> &str;
}

impl Named for Category {
    fn name_in(&self, locale: Locale) -> &str {
        self.name(locale)
    }
}

impl Named for Entry {
    fn name_in(&self, locale: Locale) -> &str {
        self.name(locale)
    }
}

impl NameRegister {
    fn add(&mut self, plural: &str, key: &str, item: &impl Named, problems: &mut Vec<String>) {
        for locale in Locale::ALL {
            let name = item.name_in(locale);
            let folded = fold(name);
            if folded.is_empty() {
                continue;
            }
            match self.seen.get(&(locale, folded.clone())) {
                Some(first) => problems.push(format!(
                    "{plural} \"{first}\" and \"{key}\" have the same {} name \"{name}\"",
                    language(locale)
                )),
                None => {
                    self.seen.insert((locale, folded), key.to_owned());
                }
            }
        }
    }
}

fn language(locale: Locale) -> &'static str {
    match locale {
        Locale::Nl => "Dutch",
        Locale::En => "English",
    }
}

/// A slug is lower-case ASCII letters and digits, words joined by single dashes.
pub fn is_slug(key: &str) -> bool {
    !key.is_empty()
        && key.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn check_slug(what: &str, key: &str, problems: &mut Vec<String>) {
    if !is_slug(key) {
        problems.push(format!(
            "{what}: the key must be lower-case letters and digits joined by single dashes, \
             such as \"strategisch-denken\""
        ));
    }
}

fn check_text(what: &str, field: &str, text: &str, max: usize, problems: &mut Vec<String>) {
    let length = text.trim().chars().count();
    if length == 0 {
        problems.push(format!("{what}: {field} is empty"));
    } else if length > max {
        problems.push(format!(
            "{what}: {field} is {length} characters long, at most {max} are allowed"
        ));
    }
}

fn check_synonyms(what: &str, field: &str, synonyms: &[String], problems: &mut Vec<String>) {
    let mut seen = HashSet::new();
    for synonym in synonyms {
        let length = synonym.trim().chars().count();
        if length == 0 {
            problems.push(format!("{what}: {field} contains an empty synonym"));
            continue;
        }
        if length > NAME_MAX {
            problems.push(format!(
                "{what}: {field} has a synonym of {length} characters, at most {NAME_MAX} are \
                 allowed"
            ));
        }
        if synonym.to_lowercase() != *synonym {
            problems.push(format!(
                "{what}: {field} synonym \"{synonym}\" must be lower case"
            ));
        }
        if !seen.insert(fold(synonym)) {
            problems.push(format!(
                "{what}: {field} contains \"{synonym}\" more than once"
            ));
        }
    }
}

/// The core quality whose name or synonym, in Dutch or English, matches what someone typed,
/// ignoring case, accents and extra spaces or punctuation. Used by the portfolio form to offer
/// the matching quadrant.
///
/// An exact match wins. Otherwise the typed text (at least four characters) may be the start of a
/// name or synonym ("flexib" finds Flexibiliteit; the shortest completion wins), or a name or
/// synonym followed by more words ("zorgzaamheid voor cliënten" finds Zorgzaamheid).
pub fn suggest_quadrant<'a>(catalogue: &'a Catalogue, quality: &str) -> Option<&'a Entry> {
    suggest_quadrant_in(&catalogue.entries, quality)
}

/// [`suggest_quadrant`] over a list of entries, such as an organisation's active catalogue.
pub fn suggest_quadrant_in<'a>(entries: &'a [Entry], quality: &str) -> Option<&'a Entry> {
    let query = fold(quality);
    if query.is_empty() {
        return None;
    }
    let candidates = || {
        entries
            .iter()
            .filter(|e| e.kind == EntryKind::CoreQuality && e.quadrant.is_some())
            .flat_map(|e| e.search_terms().map(move |term| (e, fold(term))))
            .filter(|(_, term)| !term.is_empty())
    };

    if let Some((entry, _)) = candidates().find(|(_, term)| *term == query) {
        return Some(entry);
    }
    if query.chars().count() >= PREFIX_MIN {
        let completion = candidates()
            .filter(|(_, term)| term.starts_with(&query))
            .min_by_key(|(_, term)| term.len());
        if let Some((entry, _)) = completion {
            return Some(entry);
        }
    }
    candidates()
        .filter(|(_, term)| {
            term.chars().count() >= PREFIX_MIN
                && query
                    .strip_prefix(term.as_str())
                    .is_some_and(|rest| rest.starts_with(' '))
        })
        .min_by_key(|(_, term)| std::cmp::Reverse(term.len()))
        .map(|(entry, _)| entry)
}

/// Lower case without accents, apostrophes dropped, other punctuation and runs of white space as
/// one space: "Geëngageerd", "geengageerd" and " GEËNGAGEERD " fold alike, and so do
/// "risico's" and "risicos".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if is_combining_mark(c) || matches!(c, '\'' | '’' | '‘' | '`' | '´') {
            continue;
        }
        if !c.is_alphanumeric() {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => out.push('a'),
            'ç' | 'č' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' => out.push('i'),
            'ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'š' => out.push('s'),
            'ž' => out.push('z'),
            'ĳ' => out.push_str("ij"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ß' => out.push_str("ss"),
            other => out.push(other),
        }
    }
    out
}

/// Combining diacritical marks, as left by text in decomposed form ("e" + U+0308).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}')
}

/// The most synonyms an entry may have per language.
pub const SYNONYMS_MAX: usize = 20;

/// What is wrong with one field of a single entry, as [`check_entry`] reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryProblem {
    /// The key is not a slug (see [`is_slug`]).
    KeyNotSlug,
    Empty,
    /// Longer than [`NAME_MAX`] (names, quadrant) or [`DESCRIPTION_MAX`] (descriptions).
    TooLong,
    ControlCharacters,
    /// An empty synonym, one longer than [`NAME_MAX`], or one not in lower case.
    BadSynonym,
    /// The same synonym twice (ignoring case and accents).
    SynonymTwice,
    /// More than [`SYNONYMS_MAX`] synonyms.
    TooManySynonyms,
    /// A core quality without its quadrant.
    QuadrantMissing,
    /// A talent with a quadrant.
    QuadrantOnTalent,
}

/// The rules of [`validate`] for one entry on its own, per field, for forms: the key is a slug,
/// names, descriptions, synonyms and quadrant fields are filled in and not too long, and only a
/// core quality has a (complete) quadrant. Whether the category exists and the names are unique
/// depends on the rest of the catalogue and is for the caller to check. Fields are named
/// `key`, `name_nl`, `name_en`, `description_nl`, `description_en`, `synonyms_nl`, `synonyms_en`,
/// `quadrant`, and the six quadrant fields (`pitfall_nl` …).
pub fn check_entry(entry: &Entry) -> Vec<(&'static str, EntryProblem)> {
    let mut problems = Vec::new();
    if !is_slug(&entry.key) {
        problems.push(("key", EntryProblem::KeyNotSlug));
    }
    let mut text = |field: &'static str, value: &str, max: usize| {
        let length = value.trim().chars().count();
        if length == 0 {
            problems.push((field, EntryProblem::Empty));
        } else if length > max {
            problems.push((field, EntryProblem::TooLong));
        } else if value.chars().any(char::is_control) {
            problems.push((field, EntryProblem::ControlCharacters));
        }
    };
    text("name_nl", &entry.nl, NAME_MAX);
    text("name_en", &entry.en, NAME_MAX);
    text("description_nl", &entry.description_nl, DESCRIPTION_MAX);
    text("description_en", &entry.description_en, DESCRIPTION_MAX);
    if let (EntryKind::CoreQuality, Some(quadrant)) = (entry.kind, &entry.quadrant) {
        for (field, value) in quadrant.fields() {
            text(field, value, NAME_MAX);
        }
    }
    for (field, synonyms) in [
        ("synonyms_nl", &entry.synonyms_nl),
        ("synonyms_en", &entry.synonyms_en),
    ] {
        let mut seen = HashSet::new();
        let problem = if synonyms.len() > SYNONYMS_MAX {
            Some(EntryProblem::TooManySynonyms)
        } else if synonyms.iter().any(|s| {
            let length = s.trim().chars().count();
            length == 0
                || length > NAME_MAX
                || s.to_lowercase() != *s
                || s.chars().any(char::is_control)
        }) {
            Some(EntryProblem::BadSynonym)
        } else if !synonyms.iter().all(|s| seen.insert(fold(s))) {
            Some(EntryProblem::SynonymTwice)
        } else {
            None
        };
        if let Some(problem) = problem {
            problems.push((field, problem));
        }
    }
    match (entry.kind, &entry.quadrant) {
        (EntryKind::CoreQuality, None) => {
            problems.push(("quadrant", EntryProblem::QuadrantMissing))
        }
        (EntryKind::Talent, Some(_)) => problems.push(("quadrant", EntryProblem::QuadrantOnTalent)),
        _ => {}
    }
    problems
}

/// A key for a new entry made from its name: "Oog voor détail" becomes "oog-voor-detail".
pub fn slug_from(name: &str) -> String {
    fold(name)
        .chars()
        .map(|c| if c == ' ' { '-' } else { c })
        .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
        .collect::<String>()
        .split('-')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join("-")
        .chars()
        .take(NAME_MAX)
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned()
}

/// Everything a search may match of an entry (names and synonyms in both languages), folded and
/// joined by `" | "`: a folded query never contains `|`, so it cannot match across two terms.
pub fn search_text(entry: &Entry) -> String {
    entry
        .search_terms()
        .map(fold)
        .filter(|term| !term.is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}

#[cfg(test)]
mod tests {
    use super::*;

    // ---- the default catalogue ----

    #[test]
    fn the_default_catalogue_validates_without_problems() {
        let problems = validate(&default_catalogue());
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn the_default_catalogue_is_big_enough() {
        let catalogue = default_catalogue();
        let talents = catalogue.entries_of(EntryKind::Talent).count();
        let core_qualities = catalogue.entries_of(EntryKind::CoreQuality).count();
        assert!(talents >= 45, "{talents} talents");
        assert!(core_qualities >= 25, "{core_qualities} core qualities");
        assert!(
            (5..=7).contains(&catalogue.categories.len()),
            "{} categories",
            catalogue.categories.len()
        );
        for category in &catalogue.categories {
            assert!(
                catalogue.entries_in(&category.key).count() >= 5,
                "category {} has few entries",
                category.key
            );
        }
    }

    #[test]
    fn default_entries_have_two_to_five_lower_case_synonyms_per_language() {
        for entry in &default_catalogue().entries {
            for synonyms in [&entry.synonyms_nl, &entry.synonyms_en] {
                assert!(
                    (2..=5).contains(&synonyms.len()),
                    "{}: {synonyms:?}",
                    entry.key
                );
            }
        }
    }

    #[test]
    fn every_default_search_term_points_to_one_entry() {
        // Within a language, a name or synonym belongs to one entry only, so a search on it is
        // never ambiguous and no two entries are near-duplicates by their words.
        let catalogue = default_catalogue();
        for locale in Locale::ALL {
            let mut owner: HashMap<String, &str> = HashMap::new();
            for entry in &catalogue.entries {
                let terms = std::iter::once(entry.name(locale))
                    .chain(entry.synonyms(locale).iter().map(String::as_str));
                for term in terms {
                    let folded = fold(term);
                    if let Some(other) = owner.insert(folded, &entry.key) {
                        assert_eq!(
                            other, entry.key,
                            "\"{term}\" ({locale}) is used by {other} and {}",
                            entry.key
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn default_quadrants_name_four_different_things() {
        for entry in default_catalogue().entries_of(EntryKind::CoreQuality) {
            let Some(quadrant) = &entry.quadrant else {
                panic!("{} has no quadrant", entry.key);
            };
            for locale in Locale::ALL {
                let corners = [
                    fold(entry.name(locale)),
                    fold(quadrant.pitfall(locale)),
                    fold(quadrant.challenge(locale)),
                    fold(quadrant.allergy(locale)),
                ];
                let distinct: HashSet<_> = corners.iter().collect();
                assert_eq!(distinct.len(), 4, "{} ({locale}): {corners:?}", entry.key);
            }
        }
    }

    #[test]
    fn the_default_catalogue_is_parsed_once_and_copied() {
        assert_eq!(&default_catalogue(), default_catalogue_ref());
        assert!(std::ptr::eq(
            default_catalogue_ref(),
            default_catalogue_ref()
        ));
    }

    // ---- parsing ----

    const SMALL: &str = r#"
        [[category]]
        key = "zorg"
        nl = "Zorg"
        en = "Care"

        [[entry]]
        key = "luisteren"
        kind = "talent"
        category = "zorg"
        nl = "Luisteren"
        en = "Listening"
        description_nl = "Je luistert goed."
        description_en = "You listen well."
        synonyms_nl = ["aandacht"]
        synonyms_en = ["attention"]

        [[entry]]
        key = "zorgzaamheid"
        kind = "core_quality"
        category = "zorg"
        nl = "Zorgzaamheid"
        en = "Caring"
        description_nl = "Je zorgt goed voor anderen."
        description_en = "You look after others."
        pitfall_nl = "Betuttelen"
        challenge_nl = "Loslaten"
        allergy_nl = "Onverschilligheid"
        pitfall_en = "Smothering"
        challenge_en = "Letting go"
        allergy_en = "Indifference"
    "#;

    #[test]
    fn parses_talents_and_core_qualities_with_their_quadrant() {
        let catalogue = parse_catalogue(SMALL).expect("parses");
        assert_eq!(catalogue.categories.len(), 1);
        assert_eq!(catalogue.entries.len(), 2);
        let talent = &catalogue.entries[0];
        assert_eq!(talent.kind, EntryKind::Talent);
        assert_eq!(talent.synonyms_nl, ["aandacht"]);
        assert_eq!(talent.quadrant, None);
        let quality = catalogue.entry("zorgzaamheid").expect("present");
        assert_eq!(quality.kind, EntryKind::CoreQuality);
        assert!(quality.synonyms_en.is_empty());
        let quadrant = quality.quadrant.as_ref().expect("quadrant");
        assert_eq!(quadrant.pitfall(Locale::Nl), "Betuttelen");
        assert_eq!(quadrant.challenge(Locale::En), "Letting go");
        assert_eq!(quadrant.allergy(Locale::En), "Indifference");
        assert!(validate(&catalogue).is_empty());
    }

    #[test]
    fn rejects_unknown_fields_and_kinds() {
        let typo = SMALL.replace("synonyms_nl", "synonym_nl");
        assert!(parse_catalogue(&typo).is_err());
        let kind = SMALL.replace("\"talent\"", "\"skill\"");
        assert!(parse_catalogue(&kind).is_err());
        assert!(parse_catalogue("this is not toml [").is_err());
    }

    #[test]
    fn keeps_a_partial_quadrant_for_validate_to_report() {
        let text = SMALL.replace("allergy_en = \"Indifference\"", "");
        let catalogue = parse_catalogue(&text).expect("parses");
        let quadrant = catalogue.entries[1].quadrant.as_ref().expect("kept");
        assert_eq!(quadrant.allergy_en, "");
        assert_eq!(
            validate(&catalogue),
            ["entry \"zorgzaamheid\": allergy_en is empty"]
        );
    }

    #[test]
    fn the_kind_is_written_in_snake_case() {
        #[derive(serde::Serialize)]
        struct Wrapper {
            kind: EntryKind,
        }
        let text = toml::to_string(&Wrapper {
            kind: EntryKind::CoreQuality,
        })
        .expect("serialises");
        assert_eq!(text.trim(), "kind = \"core_quality\"");
        assert_eq!(EntryKind::CoreQuality.as_str(), "core_quality");
        assert_eq!(EntryKind::Talent.as_str(), "talent");
        for kind in [EntryKind::Talent, EntryKind::CoreQuality] {
            assert_eq!(EntryKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(EntryKind::parse("skill"), None);
    }

    // ---- validation ----

    fn category(key: &str, nl: &str, en: &str) -> Category {
        Category {
            key: key.into(),
            nl: nl.into(),
            en: en.into(),
        }
    }

    fn talent(key: &str, nl: &str, en: &str) -> Entry {
        Entry {
            key: key.into(),
            kind: EntryKind::Talent,
            category: "denken".into(),
            nl: nl.into(),
            en: en.into(),
            description_nl: "Je doet iets goed.".into(),
            description_en: "You do something well.".into(),
            synonyms_nl: vec!["iets".into()],
            synonyms_en: vec!["something".into()],
            quadrant: None,
        }
    }

    fn quadrant() -> Quadrant {
        Quadrant {
            pitfall_nl: "Betuttelen".into(),
            challenge_nl: "Loslaten".into(),
            allergy_nl: "Onverschilligheid".into(),
            pitfall_en: "Smothering".into(),
            challenge_en: "Letting go".into(),
            allergy_en: "Indifference".into(),
        }
    }

    fn core_quality(key: &str, nl: &str, en: &str) -> Entry {
        Entry {
            kind: EntryKind::CoreQuality,
            quadrant: Some(quadrant()),
            ..talent(key, nl, en)
        }
    }

    fn small() -> Catalogue {
        Catalogue {
            categories: vec![category("denken", "Denken", "Thinking")],
            entries: vec![
                talent("analyseren", "Analyseren", "Analysing"),
                core_quality("zorgzaamheid", "Zorgzaamheid", "Caring"),
            ],
        }
    }

    fn problems_after(change: impl FnOnce(&mut Catalogue)) -> Vec<String> {
        let mut catalogue = small();
        assert!(
            validate(&catalogue).is_empty(),
            "{:?}",
            validate(&catalogue)
        );
        change(&mut catalogue);
        validate(&catalogue)
    }

    fn assert_one_problem(problems: &[String], expected: &str) {
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert!(
            problems[0].contains(expected),
            "\"{}\" does not mention \"{expected}\"",
            problems[0]
        );
    }

    #[test]
    fn an_empty_catalogue_has_no_problems() {
        assert!(validate(&Catalogue::default()).is_empty());
    }

    #[test]
    fn reports_duplicate_entry_keys() {
        let problems = problems_after(|c| {
            c.entries
                .push(talent("analyseren", "Analyse maken", "Making analyses"));
        });
        assert_one_problem(
            &problems,
            "entry \"analyseren\": the key is used more than once",
        );
    }

    #[test]
    fn reports_duplicate_category_keys() {
        let problems = problems_after(|c| {
            c.categories
                .push(category("denken", "Nadenken", "Reflecting"));
        });
        assert_one_problem(
            &problems,
            "category \"denken\": the key is used more than once",
        );
    }

    #[test]
    fn reports_keys_that_are_not_slugs() {
        for bad in [
            "",
            "Analyseren",
            "analyseren ",
            "strategisch denken",
            "strategisch_denken",
            "-analyseren",
            "analyseren-",
            "strategisch--denken",
            "créatief",
        ] {
            let problems = problems_after(|c| c.entries[0].key = bad.into());
            assert_one_problem(&problems, "the key must be lower-case");
        }
        for good in ["a", "strategisch-denken", "level-2", "360-feedback"] {
            assert!(is_slug(good), "{good}");
        }
        let problems = problems_after(|c| c.categories[0].key = "Denken".into());
        // The entries now point to a category that does not exist, too.
        assert!(problems[0].contains("category \"Denken\": the key must be lower-case"));
    }

    #[test]
    fn reports_an_unknown_category() {
        let problems = problems_after(|c| c.entries[1].category = "zorg".into());
        assert_one_problem(
            &problems,
            "entry \"zorgzaamheid\": category \"zorg\" does not exist",
        );
    }

    #[test]
    fn reports_empty_texts() {
        type Change = fn(&mut Catalogue);
        let cases: [(Change, &str); 6] = [
            (|c| c.categories[0].nl = String::new(), "nl is empty"),
            (|c| c.categories[0].en = "  ".into(), "en is empty"),
            (|c| c.entries[0].nl = String::new(), "nl is empty"),
            (|c| c.entries[0].en = String::new(), "en is empty"),
            (
                |c| c.entries[0].description_nl = String::new(),
                "description_nl is empty",
            ),
            (
                |c| c.entries[1].description_en = " ".into(),
                "description_en is empty",
            ),
        ];
        for (change, expected) in cases {
            assert_one_problem(&problems_after(change), expected);
        }
    }

    #[test]
    fn reports_texts_that_are_too_long() {
        let problems = problems_after(|c| c.entries[0].nl = "a".repeat(81));
        assert_one_problem(&problems, "nl is 81 characters long, at most 80");
        let problems = problems_after(|c| c.categories[0].en = "b".repeat(81));
        assert_one_problem(&problems, "en is 81 characters long, at most 80");
        let problems = problems_after(|c| c.entries[1].description_en = "c".repeat(301));
        assert_one_problem(
            &problems,
            "description_en is 301 characters long, at most 300",
        );
        // Characters count, not bytes.
        let problems = problems_after(|c| c.entries[0].description_nl = "ë".repeat(300));
        assert!(problems.is_empty(), "{problems:?}");
        let problems = problems_after(|c| c.entries[0].nl = "ë".repeat(80));
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn reports_bad_synonyms() {
        let problems = problems_after(|c| c.entries[0].synonyms_nl.push(String::new()));
        assert_one_problem(&problems, "synonyms_nl contains an empty synonym");
        let problems = problems_after(|c| c.entries[0].synonyms_en.push("Analytical".into()));
        assert_one_problem(&problems, "synonym \"Analytical\" must be lower case");
        let problems = problems_after(|c| c.entries[0].synonyms_en.push("x".repeat(81)));
        assert_one_problem(&problems, "synonym of 81 characters");
        let problems = problems_after(|c| c.entries[0].synonyms_nl.push("íets".into()));
        assert_one_problem(&problems, "synonyms_nl contains \"íets\" more than once");
    }

    #[test]
    fn reports_a_core_quality_without_a_quadrant() {
        let problems = problems_after(|c| c.entries[1].quadrant = None);
        assert_one_problem(
            &problems,
            "entry \"zorgzaamheid\": a core quality needs its quadrant",
        );
    }

    #[test]
    fn reports_each_empty_or_too_long_field_of_a_quadrant() {
        let problems = problems_after(|c| {
            if let Some(q) = c.entries[1].quadrant.as_mut() {
                q.challenge_nl = String::new();
                q.allergy_en = "z".repeat(81);
            }
        });
        assert_eq!(
            problems,
            [
                "entry \"zorgzaamheid\": challenge_nl is empty",
                "entry \"zorgzaamheid\": allergy_en is 81 characters long, at most 80 are allowed",
            ]
        );
    }

    #[test]
    fn reports_a_talent_with_a_quadrant() {
        let problems = problems_after(|c| c.entries[0].quadrant = Some(quadrant()));
        assert_one_problem(&problems, "entry \"analyseren\": a talent has no quadrant");
    }

    #[test]
    fn reports_duplicate_names_per_language_ignoring_case_and_accents() {
        let problems = problems_after(|c| {
            c.entries
                .push(talent("analyse", "ANALYSEREN", "Doing analyses"));
        });
        assert_one_problem(
            &problems,
            "entries \"analyseren\" and \"analyse\" have the same Dutch name \"ANALYSEREN\"",
        );
        let problems = problems_after(|c| {
            c.entries.push(talent("zorg", "Zorg", "caring"));
        });
        assert_one_problem(
            &problems,
            "entries \"zorgzaamheid\" and \"zorg\" have the same English name \"caring\"",
        );
        let problems = problems_after(|c| {
            c.entries.push(talent("creeren", "Creëren", "Creating"));
            c.entries.push(talent("creeren-2", "creeren", "Making"));
        });
        assert_one_problem(&problems, "have the same Dutch name \"creeren\"");
        let problems = problems_after(|c| {
            c.categories
                .push(category("nadenken", "denken", "Reflecting"));
        });
        assert_one_problem(
            &problems,
            "categories \"denken\" and \"nadenken\" have the same Dutch name",
        );
        // A Dutch name may equal another entry's English name: languages are compared apart.
        let problems = problems_after(|c| {
            c.entries.push(talent("coachen", "Coachen", "Coaching"));
            c.entries.push(talent("coaching", "Coaching", "Mentoring"));
        });
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn reports_every_problem_at_once() {
        let problems = problems_after(|c| {
            c.entries[0].key = "Bad Key".into();
            c.entries[0].category = "onbekend".into();
            c.entries[1].quadrant = None;
        });
        assert_eq!(problems.len(), 3, "{problems:#?}");
    }

    // ---- suggesting a quadrant ----

    fn suggested(text: &str) -> Option<&'static str> {
        suggest_quadrant(default_catalogue_ref(), text).map(|e| e.key.as_str())
    }

    #[test]
    fn suggests_by_dutch_and_english_name() {
        assert_eq!(suggested("Zorgzaamheid"), Some("zorgzaamheid"));
        assert_eq!(suggested("Caring"), Some("zorgzaamheid"));
        assert_eq!(suggested("Geduld"), Some("geduld"));
        assert_eq!(
            suggested("Sense of responsibility"),
            Some("verantwoordelijkheidsgevoel")
        );
    }

    #[test]
    fn suggests_by_synonym_in_both_languages() {
        assert_eq!(suggested("zorgzaam"), Some("zorgzaamheid"));
        assert_eq!(suggested("caring nature"), Some("zorgzaamheid"));
        assert_eq!(suggested("inlevingsvermogen"), Some("empathie"));
        assert_eq!(suggested("tenacity"), Some("doorzettingsvermogen"));
    }

    #[test]
    fn ignores_case_spaces_and_punctuation() {
        assert_eq!(suggested("ZORGZAAMHEID"), Some("zorgzaamheid"));
        assert_eq!(suggested("  zorgzaamheid  "), Some("zorgzaamheid"));
        assert_eq!(suggested("Oog  voor detail."), Some("nauwkeurigheid"));
        assert_eq!(suggested("down to earth"), Some("pragmatisme"));
    }

    #[test]
    fn ignores_accents_both_ways() {
        // ë in the catalogue, typed without it, and the other way round.
        assert_eq!(suggested("geengageerd"), Some("betrokkenheid"));
        assert_eq!(suggested("GEËNGAGEERD"), Some("betrokkenheid"));
        assert_eq!(suggested("efficient"), Some("doelgerichtheid"));
        // é in the catalogue ("élan") and typed where the catalogue has none.
        assert_eq!(suggested("elan"), Some("enthousiasme"));
        assert_eq!(suggested("Élan"), Some("enthousiasme"));
        assert_eq!(suggested("Créativiteit"), Some("creativiteit"));
        assert_eq!(suggested("zörgzaam"), Some("zorgzaamheid"));
        // Decomposed form: "e" followed by a combining diaeresis.
        assert_eq!(suggested("gee\u{0308}ngageerd"), Some("betrokkenheid"));
    }

    #[test]
    fn completes_what_is_being_typed() {
        assert_eq!(suggested("flexib"), Some("flexibiliteit"));
        assert_eq!(suggested("Nieuwsgie"), Some("nieuwsgierigheid"));
        assert_eq!(suggested("perseve"), Some("doorzettingsvermogen"));
        assert_eq!(
            suggested("zorgzaamheid voor cliënten"),
            Some("zorgzaamheid")
        );
        // Too short to guess.
        assert_eq!(suggested("zo"), None);
    }

    #[test]
    fn suggests_nothing_for_unknown_text_or_talents() {
        assert_eq!(suggested(""), None);
        assert_eq!(suggested("   "), None);
        assert_eq!(suggested("-"), None);
        assert_eq!(suggested("xyzzy"), None);
        // A pitfall is not a quality.
        assert_eq!(suggested("Stubbornness"), None);
        assert_eq!(suggested("Kwantumfysica"), None);
        // Talents have no quadrant.
        assert_eq!(suggested("Analyseren"), None);
        assert_eq!(suggested("Verbinden"), None);
        assert_eq!(suggested("Rust bewaren in crisis"), None);
    }

    #[test]
    fn suggests_from_a_custom_catalogue_and_skips_core_qualities_without_quadrant() {
        let mut catalogue = small();
        assert_eq!(
            suggest_quadrant(&catalogue, "caring").map(|e| e.key.as_str()),
            Some("zorgzaamheid")
        );
        catalogue.entries[1].quadrant = None;
        assert_eq!(suggest_quadrant(&catalogue, "caring"), None);
    }

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(fold("  Geëngageerd!  "), "geengageerd");
        assert_eq!(fold("risico's inschatten"), "risicos inschatten");
        assert_eq!(fold("Jip-en-Janneketaal"), "jip en janneketaal");
        assert_eq!(fold("IJsbreker"), "ijsbreker");
        assert_eq!(fold("ĳver"), "ijver");
        assert_eq!(fold("Ça va, Ñandú"), "ca va nandu");
        assert_eq!(fold("...?"), "");
    }

    // ---- one entry on its own ----

    #[test]
    fn checks_one_entry_per_field() {
        assert!(check_entry(&talent("analyseren", "Analyseren", "Analysing")).is_empty());
        assert!(check_entry(&core_quality("zorgzaamheid", "Zorgzaamheid", "Caring")).is_empty());
        let mut entry = talent("Bad Key", "", "x");
        entry.description_en = "d".repeat(DESCRIPTION_MAX + 1);
        entry.synonyms_nl = vec!["Hoofdletter".into()];
        entry.synonyms_en = vec!["same".into(), "sáme".into()];
        entry.quadrant = Some(quadrant());
        assert_eq!(
            check_entry(&entry),
            [
                ("key", EntryProblem::KeyNotSlug),
                ("name_nl", EntryProblem::Empty),
                ("description_en", EntryProblem::TooLong),
                ("synonyms_nl", EntryProblem::BadSynonym),
                ("synonyms_en", EntryProblem::SynonymTwice),
                ("quadrant", EntryProblem::QuadrantOnTalent),
            ]
        );
        let mut quality = core_quality("geduld", "Geduld", "Patience");
        if let Some(q) = quality.quadrant.as_mut() {
            q.allergy_en = String::new();
        }
        assert_eq!(check_entry(&quality), [("allergy_en", EntryProblem::Empty)]);
        quality.quadrant = None;
        assert_eq!(
            check_entry(&quality),
            [("quadrant", EntryProblem::QuadrantMissing)]
        );
        quality.synonyms_nl = (0..=SYNONYMS_MAX).map(|i| format!("woord {i}")).collect();
        assert!(check_entry(&quality).contains(&("synonyms_nl", EntryProblem::TooManySynonyms)));
    }

    #[test]
    fn every_default_entry_passes_the_single_entry_check() {
        for entry in &default_catalogue().entries {
            assert!(check_entry(entry).is_empty(), "{}", entry.key);
        }
    }

    #[test]
    fn makes_slugs_from_names() {
        assert_eq!(slug_from("Oog voor détail"), "oog-voor-detail");
        assert_eq!(slug_from("  Risico's inschatten! "), "risicos-inschatten");
        assert_eq!(slug_from("360° feedback"), "360-feedback");
        assert_eq!(slug_from("Ĳver"), "ijver");
        assert_eq!(slug_from("???"), "");
        assert!(is_slug(&slug_from(&"lang woord ".repeat(20))));
    }

    #[test]
    fn search_text_folds_every_term() {
        let entry = core_quality("zorgzaamheid", "Zorgzaamheid", "Caring");
        assert_eq!(
            search_text(&entry),
            "zorgzaamheid | caring | iets | something"
        );
        let betrokken = default_catalogue_ref()
            .entry("betrokkenheid")
            .expect("present");
        assert!(search_text(betrokken).contains("geengageerd"));
    }

    #[test]
    fn suggests_from_a_list_of_entries() {
        let catalogue = default_catalogue();
        let without: Vec<Entry> = catalogue
            .entries
            .iter()
            .filter(|e| e.key != "zorgzaamheid")
            .cloned()
            .collect();
        assert_eq!(
            suggest_quadrant_in(&catalogue.entries, "zorgzaam").map(|e| e.key.as_str()),
            Some("zorgzaamheid")
        );
        assert_eq!(
            suggest_quadrant_in(&without, "Zorgzaamheid").map(|e| e.key.as_str()),
            None
        );
    }
}
