//! Demo data: the fictional municipality of Elderveen, with people, units, managers and logins.
//!
//! Generation is deterministic for a given size (a fixed seed), so benchmarks compare like with
//! like. Only the handful of demo logins get a password.

use kleur_domain::Role;
use kleur_storage::people::{BulkPerson, grant_roles_bulk, insert_people_bulk};
use kleur_storage::{Db, new_id, org};

use crate::Result;

pub const DEMO_SLUG: &str = "elderveen";
pub const DEMO_NAME: &str = "Gemeente Elderveen";
pub const DEMO_DOMAIN: &str = "elderveen.example";
pub const DEMO_PASSWORD: &str = "kleur-demo-2026";
pub const DEFAULT_PEOPLE: usize = 60;
pub const MAX_PEOPLE: usize = 100_000;
/// Every how-many-th generated person gets a demo portfolio (the demo logins always do).
const PORTFOLIO_EVERY: usize = 3;
const MAX_DEMO_PORTFOLIOS: usize = 5_000;

#[derive(Debug, Clone)]
pub struct DemoLogin {
    pub email: String,
    pub display_name: String,
    pub role: Role,
}

#[derive(Debug, Clone)]
pub struct DemoInfo {
    pub organisation_id: String,
    pub created: bool,
    pub people: i64,
    pub logins: Vec<DemoLogin>,
}

/// A small deterministic generator (SplitMix64): same seed, same organisation, on every machine.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const GIVEN: &[&str] = &[
    "Sanne", "Daan", "Fatima", "Joost", "Priya", "Noor", "Bram", "Lotte", "Mohammed", "Eva",
    "Thijs", "Anouk", "Youssef", "Femke", "Ruben", "Esra", "Jeroen", "Iris", "Kees", "Marieke",
    "Sven", "Ilse", "Hatice", "Wouter", "Lieke", "Tim", "Samira", "Pieter", "Roos", "Gert",
    "Annelies", "Mehmet", "Floor", "Jasper", "Naima", "Koen", "Marloes", "Dennis", "Yara", "Hans",
    "Ingrid", "Rachid", "Maud", "Bas", "Chantal", "Emre", "Petra", "Niels", "Sarita", "Willem",
    "Linda", "Tom", "Nadia", "Gijs", "Hanneke", "Ayoub", "Janneke", "Frank", "Mila", "Rik",
];
const PREFIX: &[&str] = &[
    "", "", "", "", "", "van", "de", "van der", "van den", "ter", "van de", "den",
];
const FAMILY: &[&str] = &[
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "Brouwer",
    "Dijkstra",
    "Kok",
    "Vermeulen",
    "Berg",
    "Yilmaz",
    "El Amrani",
    "Ramdin",
    "Boer",
    "Veen",
    "Wal",
    "Kaya",
    "Haan",
    "Leeuwen",
    "Graaf",
    "Groot",
    "Koster",
    "Prins",
    "Post",
    "Kuipers",
    "Willems",
    "Bosch",
    "Huisman",
    "Kramer",
    "Scholten",
    "Postma",
    "Hoekstra",
    "Boukhari",
    "Sahin",
    "Wijk",
    "Linden",
    "Maas",
    "Verhoeven",
    "Sanders",
    "Jacobs",
    "Brink",
    "Doorn",
    "Meer",
    "Tahiri",
    "Ramsaran",
    "Nguyen",
    "Çelik",
    "Öztürk",
    "Hoek",
    "Kuiper",
    "Zwart",
    "Bruin",
];

/// Directorates with their departments; teams are generated per department.
const STRUCTURE: &[(&str, &[&str])] = &[
    (
        "Sociaal Domein",
        &[
            "Werk en Inkomen",
            "Zorg en Jeugd",
            "Onderwijs en Participatie",
        ],
    ),
    (
        "Fysiek Domein",
        &[
            "Ruimtelijke Ontwikkeling",
            "Openbare Ruimte",
            "Wonen en Duurzaamheid",
        ],
    ),
    (
        "Dienstverlening",
        &["Publiekszaken", "Klantcontact", "Vergunningen"],
    ),
    (
        "Bedrijfsvoering",
        &[
            "Personeel en Organisatie",
            "Informatievoorziening",
            "Financiën",
        ],
    ),
];
const TEAM_NAMES: &[&str] = &[
    "Noord",
    "Zuid",
    "Oost",
    "West",
    "Centrum",
    "Advies",
    "Uitvoering",
    "Projecten",
];
const TITLES: &[&str] = &[
    "Beleidsadviseur",
    "Consulent Werk en Inkomen",
    "Klantmanager",
    "Projectleider",
    "Medewerker Publiekszaken",
    "Jurist",
    "Wijkregisseur",
    "Informatieadviseur",
    "Financieel adviseur",
    "Vergunningverlener",
    "Communicatieadviseur",
    "Data-analist",
    "Toezichthouder",
    "Jeugdconsulent",
    "Programmamanager",
];

/// The fixed people everyone can sign in as, with what they show.
const LOGINS: &[(&str, &str, &str, Role, &str)] = &[
    (
        "Joost",
        "",
        "Bakker",
        Role::Administrator,
        "Functioneel beheerder",
    ),
    ("Priya", "", "Ramdin", Role::HrAdviser, "HR-adviseur"),
    ("Sanne", "van der", "Berg", Role::Manager, "Teamcoach"),
    (
        "Daan",
        "de",
        "Vries",
        Role::Employee,
        "Consulent Werk en Inkomen",
    ),
    ("Noor", "", "Hendriks", Role::Ambassador, "Beleidsadviseur"),
    (
        "Willem",
        "",
        "Dekker",
        Role::Management,
        "Gemeentesecretaris",
    ),
];

fn email_for(given: &str, prefix: &str, family: &str, number: usize) -> String {
    let clean = |s: &str| -> String {
        s.to_lowercase()
            .chars()
            .map(|c| match c {
                'ç' => 'c',
                'ö' => 'o',
                'ë' | 'é' => 'e',
                other => other,
            })
            .filter(|c| c.is_ascii_alphanumeric())
            .collect()
    };
    let suffix = if number == 0 {
        String::new()
    } else {
        format!(".{number}")
    };
    format!(
        "{}.{}{}{}@{DEMO_DOMAIN}",
        clean(given),
        clean(prefix),
        clean(family),
        suffix
    )
}

fn login_email(index: usize) -> String {
    let (given, prefix, family, _, _) = LOGINS[index];
    email_for(given, prefix, family, 0)
}

pub fn demo_logins() -> Vec<DemoLogin> {
    LOGINS
        .iter()
        .enumerate()
        .map(|(index, (given, prefix, family, role, _))| DemoLogin {
            email: login_email(index),
            display_name: kleur_domain::person::display_name(given, prefix, family),
            role: *role,
        })
        .collect()
}

/// Creates the demo organisation with `people` people, or reuses it when it exists.
pub async fn ensure_demo(db: &Db, people: usize) -> Result<DemoInfo> {
    let people = people.clamp(LOGINS.len() + 4, MAX_PEOPLE);
    let mut conn = db.acquire().await?;
    if let Some(existing) = org::find_organisation_by_slug(&mut conn, DEMO_SLUG).await? {
        let count = kleur_storage::people::count_people(&mut conn, &existing.id).await?;
        return Ok(DemoInfo {
            organisation_id: existing.id,
            created: false,
            people: count,
            logins: demo_logins(),
        });
    }
    drop(conn);
    let password_hash = crate::auth::hash_password(DEMO_PASSWORD).await?;
    let mut tx = db.begin().await?;
    db.bulk_load_cache(&mut tx, true).await?;
    let organisation = org::insert_organisation(&mut tx, DEMO_SLUG, DEMO_NAME, "nl").await?;
    let id = organisation.id.as_str();
    let root = org::insert_unit(&mut tx, id, None, DEMO_NAME, &DEMO_NAME.to_lowercase()).await?;

    // Units: four directorates of three departments, and enough teams for about 12 people each.
    let team_count = (people / 12).max(STRUCTURE.len() * 3);
    let mut departments = Vec::new();
    let mut directorates = Vec::new();
    for (directorate, department_names) in STRUCTURE {
        let key = format!("{} > {}", root.path_key, directorate.to_lowercase());
        let unit = org::insert_unit(&mut tx, id, Some(&root.id), directorate, &key).await?;
        for department in *department_names {
            let department_key = format!("{key} > {}", department.to_lowercase());
            let department_unit =
                org::insert_unit(&mut tx, id, Some(&unit.id), department, &department_key).await?;
            departments.push(department_unit);
        }
        directorates.push(unit);
    }
    let mut teams = Vec::new();
    for n in 0..team_count {
        let department = &departments[n % departments.len()];
        let round = n / departments.len();
        let base = TEAM_NAMES[round % TEAM_NAMES.len()];
        let name = if round < TEAM_NAMES.len() {
            format!("Team {base}")
        } else {
            format!("Team {base} {}", round / TEAM_NAMES.len() + 1)
        };
        let key = format!("{} > {}", department.path_key, name.to_lowercase());
        teams.push(org::insert_unit(&mut tx, id, Some(&department.id), &name, &key).await?);
    }

    let mut rng = Seeded(0x4b4c_4555_5200 ^ people as u64);
    let mut rows: Vec<BulkPerson> = Vec::with_capacity(people);
    let mut grants: Vec<(String, String)> = Vec::with_capacity(people + 16);
    let push = |rows: &mut Vec<BulkPerson>,
                grants: &mut Vec<(String, String)>,
                person: BulkPerson,
                role: Role| {
        grants.push((person.id.clone(), Role::Employee.as_str().to_owned()));
        if role != Role::Employee {
            grants.push((person.id.clone(), role.as_str().to_owned()));
        }
        rows.push(person);
    };

    // The secretary heads the organisation; the fixed logins come first, in the first team.
    let login = |index: usize, unit: &str, manager: Option<String>| {
        let (given, prefix, family, _, title) = LOGINS[index];
        BulkPerson {
            id: new_id(),
            employee_number: format!("E{:06}", index + 1),
            display_name: kleur_domain::person::display_name(given, prefix, family),
            email: login_email(index),
            function_title: title.to_owned(),
            unit_id: Some(unit.to_owned()),
            manager_id: manager,
            password_hash: Some(password_hash.clone()),
        }
    };
    let secretary = login(5, &root.id, None);
    let secretary_id = secretary.id.clone();
    push(&mut rows, &mut grants, secretary, Role::Management);
    let first_team = &teams[0];
    let sanne = login(2, &first_team.id, Some(secretary_id.clone()));
    let sanne_id = sanne.id.clone();
    push(&mut rows, &mut grants, sanne, Role::Manager);
    for index in [0, 1, 3, 4] {
        let unit = match LOGINS[index].3 {
            Role::Administrator | Role::HrAdviser => &departments[9].id,
            _ => &first_team.id,
        };
        let manager = if unit == &first_team.id {
            sanne_id.clone()
        } else {
            secretary_id.clone()
        };
        let role = LOGINS[index].3;
        push(
            &mut rows,
            &mut grants,
            login(index, unit, Some(manager)),
            role,
        );
    }

    // Everyone else: directors, then per team a team coach and members.
    let mut number = rows.len();
    let mut person = |rng: &mut Seeded, unit: &str, manager: Option<String>, title: &str| {
        number += 1;
        let given = rng.pick(GIVEN);
        let prefix = rng.pick(PREFIX);
        let family = rng.pick(FAMILY);
        BulkPerson {
            id: new_id(),
            employee_number: format!("E{number:06}"),
            display_name: kleur_domain::person::display_name(given, prefix, family),
            email: email_for(given, prefix, family, number),
            function_title: title.to_owned(),
            unit_id: Some(unit.to_owned()),
            manager_id: manager,
            password_hash: None,
        }
    };
    let mut directors = Vec::new();
    for directorate in &directorates {
        if rows.len() >= people {
            break;
        }
        let director = person(
            &mut rng,
            &directorate.id,
            Some(secretary_id.clone()),
            "Directeur",
        );
        directors.push(director.id.clone());
        push(&mut rows, &mut grants, director, Role::Management);
    }
    let mut coaches: Vec<Option<String>> = vec![None; teams.len()];
    coaches[0] = Some(sanne_id.clone());
    let mut team_index = 1 % teams.len();
    while rows.len() < people {
        let team = &teams[team_index];
        let director = directors
            .get((team_index % departments.len()) / 3)
            .cloned()
            .or(Some(secretary_id.clone()));
        match &coaches[team_index] {
            None => {
                let coach = person(&mut rng, &team.id, director, "Teamcoach");
                coaches[team_index] = Some(coach.id.clone());
                push(&mut rows, &mut grants, coach, Role::Manager);
            }
            Some(coach) => {
                let title = rng.pick(TITLES);
                let member = person(&mut rng, &team.id, Some(coach.clone()), title);
                let role = if rng.next().is_multiple_of(40) {
                    Role::Ambassador
                } else {
                    Role::Employee
                };
                push(&mut rows, &mut grants, member, role);
            }
        }
        team_index = (team_index + 1) % teams.len();
    }
    insert_people_bulk(&mut tx, id, &rows).await?;
    grant_roles_bulk(&mut tx, id, &grants).await?;
    // Portfolios for the demo logins and a share of everyone else, so pages have content
    // without making a 100,000-person demo slow to generate.
    let owners: Vec<(usize, String)> = rows
        .iter()
        .enumerate()
        .filter(|(index, _)| *index < LOGINS.len() || index % PORTFOLIO_EVERY == 0)
        .take(MAX_DEMO_PORTFOLIOS)
        .map(|(index, person)| (index, person.id.clone()))
        .collect();
    crate::demo_content::seed_portfolios(&mut tx, id, &owners).await?;
    let with_portfolio = owners.iter().map(|(index, _)| *index).collect();
    crate::demo_directory::seed(
        &mut tx,
        id,
        &rows,
        &with_portfolio,
        &first_team.id,
        &sanne_id,
    )
    .await?;
    db.bulk_load_cache(&mut tx, false).await?;
    tx.commit().await?;
    // The organisation's own talent catalogue, goals for the 2026 cycle, and a closed feedback
    // round with a full report for the employee demo login (Daan).
    crate::catalogue::ensure_catalogue(db, id).await?;
    crate::goals::seed_demo_goals(db, id).await?;
    if let Some(daan) = rows.iter().find(|p| p.email == login_email(3)) {
        crate::feedback::seed_demo(db, id, &daan.id).await?;
    }
    // An open round of the manager (Sanne) that her team can still answer.
    if let Some(sanne) = rows.iter().find(|p| p.email == login_email(2)) {
        crate::feedback::seed_demo_open(db, id, &sanne.id).await?;
    }
    // Availability, open opportunities and interest for internal mobility.
    crate::demo_mobility::seed_demo(db, id).await?;
    // Themed, dated sharing for organisation insight and people open to project teams.
    let login_ids: Vec<String> = rows
        .iter()
        .take(LOGINS.len())
        .map(|p| p.id.clone())
        .collect();
    crate::demo_talent::seed(db, id, &login_ids).await?;
    // Check-ins for most people (some left out, so small groups show as hidden); Daan shares
    // his averages with Sanne, Noor shares nothing.
    let checkin_people: Vec<(String, bool)> = rows
        .iter()
        .enumerate()
        .filter(|(index, _)| *index < LOGINS.len() || index % 4 != 3)
        .take(crate::checkins::MAX_DEMO_PEOPLE)
        .map(|(_, person)| (person.id.clone(), person.email == login_email(3)))
        .collect();
    crate::checkins::seed_demo(db, id, &checkin_people).await?;
    let login_id = |index: usize| {
        rows.iter()
            .find(|p| p.email == login_email(index))
            .map(|p| p.id.clone())
    };
    if let (Some(daan), Some(noor), Some(sanne)) = (login_id(3), login_id(4), login_id(2)) {
        crate::conversations::seed_demo(db, id, &daan, &noor, &sanne).await?;
        // Colleagues in Sanne's team besides the demo logins, for the ambassador cascade.
        let colleagues: Vec<String> = rows
            .iter()
            .skip(LOGINS.len())
            .filter(|p| p.manager_id.as_deref() == Some(sanne.as_str()))
            .map(|p| p.id.clone())
            .take(3)
            .collect();
        crate::programme::seed_demo(db, id, &noor, &daan, &colleagues).await?;
    }
    let mut conn = db.acquire().await?;
    db.finish_bulk_load(&mut conn).await?;
    drop(conn);
    Ok(DemoInfo {
        organisation_id: organisation.id,
        created: true,
        people: rows.len() as i64,
        logins: demo_logins(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_ascii_and_unique_per_number() {
        assert_eq!(
            email_for("Sanne", "van der", "Berg", 0),
            "sanne.vanderberg@elderveen.example"
        );
        assert_eq!(
            email_for("Emre", "", "Çelik", 7),
            "emre.celik.7@elderveen.example"
        );
        for login in demo_logins() {
            assert!(kleur_domain::Email::parse(&login.email).is_ok());
        }
    }

    #[test]
    fn generator_is_deterministic() {
        let mut a = Seeded(42);
        let mut b = Seeded(42);
        assert_eq!(
            (0..10).map(|_| a.next()).collect::<Vec<_>>(),
            (0..10).map(|_| b.next()).collect::<Vec<_>>()
        );
    }
}
