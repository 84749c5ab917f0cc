//! Parsing a people export from an HR system.
//!
//! The file is what Dutch Excel writes by default: UTF-8 with a byte order mark and `;` between
//! fields (a `,` separated file is detected too). Headers may be Dutch or English. Every problem is
//! reported with its line number; the caller imports nothing unless the whole file is clean.

use std::collections::HashMap;
use std::fmt;

use crate::email::Email;
use crate::person::{TITLE_MAX, clean_text, display_name};
use crate::role::Role;
use crate::unit::UnitPath;

/// One valid row of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRecord {
    /// The line in the file (the header is line 1).
    pub line: usize,
    pub employee_number: String,
    pub display_name: String,
    pub email: Email,
    pub function_title: String,
    pub unit: Option<UnitPath>,
    pub manager_employee_number: Option<String>,
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    EmployeeNumber,
    GivenName,
    NamePrefix,
    FamilyName,
    Email,
    FunctionTitle,
    Unit,
    Manager,
    Roles,
}

impl Column {
    /// Every column with the header names it is recognised by (case-insensitive). The first name
    /// is the documented Dutch one.
    pub const ALL: [(Column, &'static [&'static str]); 9] = [
        (
            Column::EmployeeNumber,
            &["personeelsnummer", "employee_number", "personeelsnr"],
        ),
        (Column::GivenName, &["voornaam", "given_name", "roepnaam"]),
        (Column::NamePrefix, &["tussenvoegsel", "name_prefix"]),
        (Column::FamilyName, &["achternaam", "family_name"]),
        (Column::Email, &["email", "e-mail", "e-mailadres"]),
        (Column::FunctionTitle, &["functie", "function_title"]),
        (Column::Unit, &["afdeling", "unit", "organisatieonderdeel"]),
        (
            Column::Manager,
            &["leidinggevende", "manager_employee_number", "manager"],
        ),
        (Column::Roles, &["rollen", "roles"]),
    ];

    const REQUIRED: [Column; 3] = [Column::EmployeeNumber, Column::FamilyName, Column::Email];

    pub fn header(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(column, _)| *column == self)
            .map(|(_, names)| names[0])
            .unwrap_or_default()
    }

    fn from_header(header: &str) -> Option<Column> {
        let key = header.trim().to_lowercase();
        Self::ALL
            .iter()
            .find(|(_, names)| names.contains(&key.as_str()))
            .map(|(column, _)| *column)
    }
}

/// What is wrong, where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportIssue {
    pub line: usize,
    pub column: Option<&'static str>,
    pub problem: String,
}

impl fmt::Display for ImportIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.column {
            Some(column) => write!(
                f,
                "line {}, column '{}': {}",
                self.line, column, self.problem
            ),
            None => write!(f, "line {}: {}", self.line, self.problem),
        }
    }
}

pub const MAX_IMPORT_ROWS: usize = 200_000;

/// Parses and checks the whole file. Returns every valid row, or every problem found.
pub fn parse_people_csv(bytes: &[u8]) -> Result<Vec<PersonRecord>, Vec<ImportIssue>> {
    let issue = |line, column, problem: &str| ImportIssue {
        line,
        column,
        problem: problem.to_owned(),
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let line = bytes[..error.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            return Err(vec![issue(
                line,
                None,
                "the file is not UTF-8 text; save it as 'CSV UTF-8'",
            )]);
        }
    };
    // The csv reader counts lines by '\n' and places a record before the '\n' of a CRLF pair, so
    // with Windows line ends (what Excel writes) every line number would be one too low.
    let text = text.replace("\r\n", "\n");
    let header_line = text.lines().next().unwrap_or_default();
    if header_line.trim().is_empty() {
        return Err(vec![issue(
            1,
            None,
            "the file is empty; the first line must name the columns",
        )]);
    }
    let delimiter = if header_line.matches(';').count() >= header_line.matches(',').count() {
        b';'
    } else {
        b','
    };

    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());

    let mut issues = Vec::new();
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(error) => {
            return Err(vec![issue(
                1,
                None,
                &format!("the header line cannot be read: {error}"),
            )]);
        }
    };
    let mut positions: HashMap<Column, usize> = HashMap::new();
    for (index, header) in headers.iter().enumerate() {
        match Column::from_header(header) {
            Some(column) if positions.contains_key(&column) => {
                issues.push(issue(1, Some(column.header()), "this column appears twice"));
            }
            Some(column) => {
                positions.insert(column, index);
            }
            None if header.trim().is_empty() => {}
            None => issues.push(ImportIssue {
                line: 1,
                column: None,
                problem: format!("unknown column '{}'", header.trim()),
            }),
        }
    }
    for required in Column::REQUIRED {
        if !positions.contains_key(&required) {
            issues.push(issue(
                1,
                Some(required.header()),
                "this required column is missing",
            ));
        }
    }
    if !issues.is_empty() {
        return Err(issues);
    }

    let mut records = Vec::new();
    let mut seen_numbers: HashMap<String, usize> = HashMap::new();
    let mut seen_emails: HashMap<Email, usize> = HashMap::new();
    for result in reader.records() {
        let record = match result {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line() as usize);
                issues.push(issue(
                    line,
                    None,
                    "this line cannot be read as CSV (an unclosed quote?)",
                ));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        if records.len() + issues.len() >= MAX_IMPORT_ROWS {
            issues.push(issue(
                line,
                None,
                "the file has more than 200,000 people; split it",
            ));
            break;
        }
        let field = |column: Column| {
            positions
                .get(&column)
                .and_then(|i| record.get(*i))
                .unwrap_or_default()
        };
        let before = issues.len();
        let mut text_field = |column: Column, max: usize, required: bool| match clean_text(
            field(column),
            max,
            required,
        ) {
            Ok(value) => value,
            Err(error) => {
                issues.push(ImportIssue {
                    line,
                    column: Some(column.header()),
                    problem: error.to_string(),
                });
                String::new()
            }
        };
        let employee_number = text_field(Column::EmployeeNumber, 64, true);
        let given = text_field(Column::GivenName, 100, false);
        let prefix = text_field(Column::NamePrefix, 40, false);
        let family = text_field(Column::FamilyName, 100, true);
        let function_title = text_field(Column::FunctionTitle, TITLE_MAX, false);
        let manager = text_field(Column::Manager, 64, false);
        let email = match Email::parse(field(Column::Email)) {
            Ok(email) => Some(email),
            Err(error) => {
                issues.push(ImportIssue {
                    line,
                    column: Some(Column::Email.header()),
                    problem: error.to_string(),
                });
                None
            }
        };
        let unit = match field(Column::Unit).trim() {
            "" => None,
            raw => match UnitPath::parse(raw) {
                Ok(path) => Some(path),
                Err(error) => {
                    issues.push(ImportIssue {
                        line,
                        column: Some(Column::Unit.header()),
                        problem: error.to_string(),
                    });
                    None
                }
            },
        };
        let mut roles = Vec::new();
        for raw in field(Column::Roles)
            .split([',', '|'])
            .filter(|r| !r.trim().is_empty())
        {
            match Role::parse(raw) {
                Ok(role) => roles.push(role),
                Err(error) => issues.push(ImportIssue {
                    line,
                    column: Some(Column::Roles.header()),
                    problem: error.to_string(),
                }),
            }
        }
        if !employee_number.is_empty() {
            if let Some(first) = seen_numbers.insert(employee_number.clone(), line) {
                issues.push(ImportIssue {
                    line,
                    column: Some(Column::EmployeeNumber.header()),
                    problem: format!(
                        "employee number {employee_number} already appears on line {first}"
                    ),
                });
            }
            if manager == employee_number {
                issues.push(issue(
                    line,
                    Some(Column::Manager.header()),
                    "a person cannot be their own manager",
                ));
            }
        }
        if let Some(email) = &email
            && let Some(first) = seen_emails.insert(email.clone(), line)
        {
            issues.push(ImportIssue {
                line,
                column: Some(Column::Email.header()),
                problem: format!("e-mail address {email} already appears on line {first}"),
            });
        }
        if issues.len() == before
            && let Some(email) = email
        {
            {
                records.push(PersonRecord {
                    line,
                    employee_number,
                    display_name: display_name(&given, &prefix, &family),
                    email,
                    function_title,
                    unit,
                    manager_employee_number: (!manager.is_empty()).then_some(manager),
                    roles,
                });
            }
        }
    }
    if issues.is_empty() {
        Ok(records)
    } else {
        Err(issues)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "\u{FEFF}personeelsnummer;voornaam;tussenvoegsel;achternaam;email;functie;afdeling;leidinggevende;rollen\n\
        1001;Sanne;van der;Berg;sanne@elderveen.nl;Teamcoach;Gemeente Elderveen > Sociaal Domein;;manager\n\
        1002;Ahmed;;Yilmaz;ahmed@elderveen.nl;Consulent;Gemeente Elderveen > Sociaal Domein;1001;\n";

    #[test]
    fn parses_dutch_excel_export() {
        let records = parse_people_csv(GOOD.as_bytes()).expect("valid file");
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].display_name, "Sanne van der Berg");
        assert_eq!(records[0].roles, vec![Role::Manager]);
        assert_eq!(records[1].line, 3);
        assert_eq!(records[1].manager_employee_number.as_deref(), Some("1001"));
    }

    #[test]
    fn reports_every_problem_with_its_line() {
        let file = "personeelsnummer;achternaam;email;rollen\n\
            1;Jansen;geen-email;\n\
            2;;b@x.nl;koning\n\
            1;Visser;c@x.nl;\n";
        let issues = parse_people_csv(file.as_bytes()).expect_err("invalid file");
        let lines: Vec<(usize, Option<&str>)> = issues.iter().map(|i| (i.line, i.column)).collect();
        assert_eq!(
            lines,
            vec![
                (2, Some("email")),
                (3, Some("achternaam")),
                (3, Some("rollen")),
                (4, Some("personeelsnummer"))
            ]
        );
        assert!(issues[3].to_string().contains("line 4"));
    }

    #[test]
    fn line_numbers_hold_with_windows_line_ends() {
        let file =
            "\u{FEFF}personeelsnummer;achternaam;email\r\n1;Jansen;a@x.nl\r\n2;Visser;geen\r\n";
        let issues = parse_people_csv(file.as_bytes()).expect_err("invalid file");
        assert_eq!(issues[0].line, 3);
        let records = parse_people_csv(GOOD.replace('\n', "\r\n").as_bytes()).expect("valid");
        assert_eq!(records.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 3]);
    }

    #[test]
    fn comma_separated_english_headers_work() {
        let file = "employee_number,family_name,email\nA1,Bakker,a@b.nl\n";
        assert_eq!(parse_people_csv(file.as_bytes()).expect("valid").len(), 1);
    }

    #[test]
    fn missing_columns_and_bad_encoding_are_reported() {
        let issues = parse_people_csv(b"voornaam;email\nA;a@b.nl\n").expect_err("missing columns");
        assert_eq!(issues.len(), 2);
        let issues = parse_people_csv(b"personeelsnummer;achternaam;email\n1;M\xFCller;a@b.nl\n")
            .expect_err("latin-1");
        assert_eq!(issues[0].line, 2);
        assert!(parse_people_csv(b"").is_err());
    }
}
