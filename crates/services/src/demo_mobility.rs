//! Demo content for internal mobility: who is open to opportunities and project teams
//! (deterministic, about 20 % and 30 %, always including the demo logins Daan and Noor), open
//! opportunities posted by the manager (Sanne) and HR (Priya), a draft, and expressed interest.

use kleur_domain::mobility::MATCHED_VISIBILITY;
use kleur_storage::Db;
use kleur_storage::mobility::{self as store, NewOpportunity};
use sqlx::Row;

use crate::Result;

/// A stable hash of a text (FNV-1a), so the same demo gets the same choices.
fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn days_from_now(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

struct Posting {
    kind: &'static str,
    title: &'static str,
    description: &'static str,
    hours: i64,
    months: Option<i64>,
    location: &'static str,
    closes_in: i64,
    starts_in: i64,
    required: &'static [&'static str],
    nice: &'static [&'static str],
    /// Posted by HR (Priya) rather than the manager (Sanne).
    by_hr: bool,
    published: bool,
}

const POSTINGS: &[Posting] = &[
    Posting {
        kind: "project",
        title: "Projectteam Omgevingswet: participatie in de wijken",
        description: "Help inwoners en ondernemers mee te praten over plannen in hun wijk. Je organiseert bijeenkomsten, verwerkt reacties en adviseert het projectteam.",
        hours: 12,
        months: Some(6),
        location: "Stadskantoor en wijkcentra",
        closes_in: 21,
        starts_in: 35,
        required: &["participatie-organiseren", "gespreksvoering"],
        nice: &["presenteren", "helder-schrijven"],
        by_hr: false,
        published: true,
    },
    Posting {
        kind: "temporary_role",
        title: "Tijdelijk teamcoach Werk en Inkomen",
        description: "Tijdens zwangerschapsverlof neem je de coaching van een team van twaalf consulenten over. Je krijgt zelf een ervaren coach als maatje.",
        hours: 32,
        months: Some(5),
        location: "Stadskantoor",
        closes_in: 14,
        starts_in: 30,
        required: &["coachen", "verbinden"],
        nice: &["feedback-geven", "plannen-en-prioriteren"],
        by_hr: true,
        published: true,
    },
    Posting {
        kind: "assignment",
        title: "Opdracht: dashboard wachttijden schuldhulp",
        description: "Zet de cijfers over wachttijden in één overzicht, zodat het team eerder ziet waar het knelt.",
        hours: 8,
        months: Some(3),
        location: "Hybride",
        closes_in: 28,
        starts_in: 42,
        required: &["analyseren", "cijfermatig-inzicht"],
        nice: &["digitaal-vaardig"],
        by_hr: false,
        published: true,
    },
    Posting {
        kind: "mentoring",
        title: "Mentor voor nieuwe beleidsadviseurs",
        description: "Neem een nieuwe collega een half jaar mee: wekelijks een uur sparren over beleid, bestuur en de organisatie.",
        hours: 2,
        months: Some(6),
        location: "Stadskantoor",
        closes_in: 30,
        starts_in: 45,
        required: &["beleid-ontwikkelen"],
        nice: &["kennis-delen", "adviseren"],
        by_hr: true,
        published: true,
    },
    Posting {
        kind: "job_rotation",
        title: "Jobrotatie: drie maanden meelopen bij Burgerzaken",
        description: "Ruil voor drie maanden van werkplek met een collega van Burgerzaken en leer de dienstverlening aan de balie kennen.",
        hours: 36,
        months: Some(3),
        location: "Publiekshal",
        closes_in: 35,
        starts_in: 60,
        required: &[],
        nice: &["inwoner-centraal", "eenvoudig-uitleggen"],
        by_hr: true,
        published: true,
    },
    Posting {
        kind: "shadowing",
        title: "Meekijken bij de gemeentesecretaris (concept)",
        description: "Een dag meelopen met de gemeentesecretaris. Nog niet gepubliceerd.",
        hours: 8,
        months: None,
        location: "Stadhuis",
        closes_in: 40,
        starts_in: 50,
        required: &["bestuurlijke-sensitiviteit"],
        nice: &[],
        by_hr: false,
        published: false,
    },
];

/// Seeds availability, opportunities and interest. Does nothing when opportunities exist.
pub async fn seed_demo(db: &Db, organisation_id: &str) -> Result<()> {
    let mut tx = db.begin().await?;
    let existing: i64 =
        sqlx::query("SELECT COUNT(*) FROM opportunities WHERE organisation_id = $1")
            .bind(organisation_id)
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
    if existing > 0 {
        return Ok(());
    }
    let everyone = sqlx::query(
        "SELECT id, email FROM people WHERE organisation_id = $1 AND active = 1 ORDER BY email",
    )
    .bind(organisation_id)
    .fetch_all(&mut *tx)
    .await?;
    let find = |prefix: &str| -> Option<String> {
        everyone.iter().find_map(|row| {
            let email: String = row.try_get(1).ok()?;
            email
                .starts_with(prefix)
                .then(|| row.try_get::<String, _>(0).ok())
                .flatten()
        })
    };
    let (Some(sanne), Some(priya), Some(daan), Some(noor)) = (
        find("sanne.vanderberg@"),
        find("priya.ramdin@"),
        find("daan.devries@"),
        find("noor.hendriks@"),
    ) else {
        return Ok(());
    };
    let mut rows = Vec::with_capacity(everyone.len());
    let mut open_to_opportunities = Vec::new();
    for row in &everyone {
        let id: String = row.try_get(0)?;
        let email: String = row.try_get(1)?;
        let h = hash(&email);
        let login = id == daan || id == noor;
        let teams = login || h % 10 < 3;
        let opportunities = login || (h / 10).is_multiple_of(5);
        if !teams && !opportunities {
            continue;
        }
        if opportunities {
            open_to_opportunities.push(id.clone());
        }
        let hours = [None, Some(4), Some(8), Some(16), Some(24)][((h / 50) % 5) as usize];
        rows.push((id, opportunities, teams, hours));
    }
    store::insert_availability_bulk(&mut tx, organisation_id, &rows).await?;

    let mut ids = Vec::new();
    for posting in POSTINGS {
        let poster = if posting.by_hr { &priya } else { &sanne };
        let start = days_from_now(posting.starts_in);
        let closing = days_from_now(posting.closes_in);
        let id = store::insert(
            &mut tx,
            organisation_id,
            poster,
            &NewOpportunity {
                kind: posting.kind,
                title: posting.title,
                description: posting.description,
                hours_per_week: posting.hours,
                duration_months: posting.months,
                unit_id: None,
                location: posting.location,
                start_date: Some(&start),
                closing_date: &closing,
            },
        )
        .await?;
        let mut talents: Vec<(String, bool)> = posting
            .required
            .iter()
            .map(|k| ((*k).to_owned(), true))
            .collect();
        talents.extend(posting.nice.iter().map(|k| ((*k).to_owned(), false)));
        store::set_talents(&mut tx, organisation_id, &id, &talents).await?;
        if posting.published {
            store::set_status(
                &mut tx,
                organisation_id,
                &id,
                &["draft"],
                "published",
                None,
                "",
            )
            .await?;
        }
        ids.push(id);
    }
    // The assignment also asks for one of Daan's shared talents, so his best match is visible.
    let daan_items = store::items_of_people(
        &mut tx,
        organisation_id,
        MATCHED_VISIBILITY.as_str(),
        std::slice::from_ref(&daan),
    )
    .await?;
    if let Some(key) = daan_items
        .iter()
        .find(|i| i.section == "talents")
        .and_then(|i| i.catalogue_key.clone())
        && !POSTINGS[2].required.contains(&key.as_str())
        && !POSTINGS[2].nice.contains(&key.as_str())
    {
        let mut talents: Vec<(String, bool)> = POSTINGS[2]
            .required
            .iter()
            .map(|k| ((*k).to_owned(), true))
            .collect();
        talents.extend(POSTINGS[2].nice.iter().map(|k| ((*k).to_owned(), false)));
        talents.push((key, false));
        store::set_talents(&mut tx, organisation_id, &ids[2], &talents).await?;
    }
    store::express_interest(
        &mut tx,
        organisation_id,
        &ids[1],
        &daan,
        "Ik coach al nieuwe collega's en wil graag ervaren hoe het is om een heel team te begeleiden.",
        true,
    )
    .await?;
    store::express_interest(
        &mut tx,
        organisation_id,
        &ids[0],
        &noor,
        "Als ambassadeur organiseer ik al bijeenkomsten; participatie in de wijk trekt me enorm.",
        false,
    )
    .await?;
    // A few more colleagues who opted in show interest, so shortlists are not empty.
    for (n, person) in open_to_opportunities
        .iter()
        .filter(|p| **p != daan && **p != noor && **p != sanne && **p != priya)
        .take(6)
        .enumerate()
    {
        store::express_interest(
            &mut tx,
            organisation_id,
            &ids[n % 3],
            person,
            "Dit sluit aan bij wat ik wil leren, en ik heb de uren ervoor vrij.",
            n % 2 == 0,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
