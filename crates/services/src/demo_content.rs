//! Living demo content: portfolios in plain Dutch, so a newcomer sees what Kleur is for.
//! Deterministic: the same people get the same portfolios on every machine.

use kleur_domain::catalogue::{EntryKind, default_catalogue_ref};
use kleur_storage::Conn;
use kleur_storage::portfolio::{BulkItem, insert_items_bulk};

use crate::Result;
use crate::portfolio::Details;

const VALUES: &[(&str, &str)] = &[
    (
        "Inwoners centraal",
        "Ik werk voor de mensen in Elderveen. Bij elke beslissing vraag ik me af: wat merkt de inwoner hiervan?",
    ),
    (
        "Eerlijk en betrouwbaar",
        "Ik zeg wat ik doe en doe wat ik zeg. Ook als het nieuws niet leuk is.",
    ),
    (
        "Samen sterker",
        "De beste oplossingen ontstaan als we over de grenzen van afdelingen heen werken.",
    ),
    (
        "Blijven leren",
        "Ik wil elk jaar iets kunnen wat ik vorig jaar nog niet kon.",
    ),
    (
        "Ruimte voor verschil",
        "Iedereen telt mee. Verschillende achtergronden maken ons werk beter.",
    ),
    (
        "Zorg voor elkaar",
        "Ik let op hoe het met collega's gaat, juist als het druk is.",
    ),
    (
        "Maatschappelijke waarde",
        "Ik wil dat mijn werk zichtbaar bijdraagt aan een leefbare gemeente.",
    ),
    (
        "Duurzaam werken",
        "Ik denk aan de volgende generatie, in beleid én in hoe we met onszelf omgaan.",
    ),
];

const SITUATIONS: &[&str] = &[
    "Bij de wijkavond in Elderveen-Noord kwamen bewoners en de woningcorporatie weer met elkaar in gesprek.",
    "Tijdens de invoering van het nieuwe zaaksysteem hielp ik collega's op weg.",
    "Bij een ingewikkelde schuldhulpvraag zocht ik samen met de inwoner naar een oplossing.",
    "In het project Omgevingswet bracht ik de adviezen van vier afdelingen bij elkaar.",
    "Toen de wateroverlast begon, coördineerde ik de eerste meldingen.",
    "In het teamoverleg stelde ik voor om de werkvoorraad anders te verdelen.",
];

const RESULTS: &[&str] = &[
    "De doorlooptijd van aanvragen ging van zes naar drie weken.",
    "Bewoners gaven de avond een 8,2.",
    "Drie collega's werken nu zelfstandig met het systeem.",
    "Er kwam één advies in plaats van vier losse.",
    "Geen enkele melding bleef liggen.",
];

const PASSIONS: &[(&str, &str)] = &[
    (
        "Mensen verder helpen",
        "Ik krijg energie van het moment dat iemand weer vooruit kan.",
    ),
    (
        "Puzzels oplossen",
        "Een ingewikkeld dossier waar niemand uitkomt: daar word ik blij van.",
    ),
    (
        "De buitenruimte",
        "Groen, water, pleinen: ik zie graag hoe de openbare ruimte mensen samenbrengt.",
    ),
    (
        "Data die iets vertellen",
        "Cijfers omzetten in een verhaal dat het bestuur begrijpt.",
    ),
    (
        "Nieuwe collega's begeleiden",
        "Ik vind het mooi om te zien hoe iemand groeit in zijn eerste jaar.",
    ),
    (
        "Duurzaamheid",
        "Ik wil bijdragen aan de energietransitie in onze wijken.",
    ),
];

const WORKING_STYLE: &[(&str, &str)] = &[
    (
        "Vanuit vertrouwen",
        "Ik werk het best als ik ruimte krijg en zelf mag bepalen hoe ik een doel bereik.",
    ),
    (
        "Dicht bij de praktijk",
        "Ik wil regelmatig de wijk in; achter het bureau mis ik de verbinding.",
    ),
    (
        "In een hecht team",
        "Ik zoek korte lijnen en collega's die elkaar aanspreken.",
    ),
    (
        "Met focus",
        "Twee dagen per week thuis geconcentreerd werken, de rest samen op kantoor.",
    ),
    (
        "Met ruimte om te experimenteren",
        "Ik probeer graag iets kleins uit voordat we het groot aanpakken.",
    ),
];

const AMBITIONS: &[(&str, &str, &[&str])] = &[
    (
        "Projectleider worden",
        "Binnen twee jaar wil ik een middelgroot project leiden.",
        &["projects", "roles"],
    ),
    (
        "Meer beleidswerk",
        "Ik wil naast de uitvoering ook meedenken over beleid.",
        &["roles"],
    ),
    (
        "Kijkje bij een andere afdeling",
        "Een half jaar meelopen bij Ruimtelijke Ontwikkeling lijkt me leerzaam.",
        &["units"],
    ),
    (
        "Mentor voor starters",
        "Ik wil nieuwe collega's begeleiden in hun eerste jaar.",
        &["mentoring"],
    ),
    (
        "Specialist worden",
        "Ik wil me verdiepen in de Omgevingswet en daar het aanspreekpunt voor zijn.",
        &["projects"],
    ),
];

const RESULT_ITEMS: &[(&str, &str, &str)] = &[
    (
        "Certificaat mediation",
        "Opleiding van twaalf dagdelen, afgerond met een praktijkexamen.",
        "certificate",
    ),
    (
        "Aanbeveling van de wethouder",
        "\"Dankzij jouw voorbereiding verliep het debat rustig en zorgvuldig.\"",
        "testimonial",
    ),
    (
        "Nieuwe werkwijze klantcontact",
        "Het aantal terugbelverzoeken daalde met een kwart.",
        "result",
    ),
    (
        "Training Lean Green Belt",
        "Verbeterproject in de vergunningverlening afgerond.",
        "certificate",
    ),
];

const REFLECTIONS: &[(&str, &str)] = &[
    (
        "Lastig gesprek met een inwoner",
        "Ik merkte dat ik te snel met oplossingen kwam. Volgende keer eerst langer luisteren.",
    ),
    (
        "Eerste keer voorzitter",
        "Het overleg liep uit. Wat hielp: de agenda vooraf delen. Wat ik wil leren: beter samenvatten.",
    ),
    (
        "Feedback van mijn team",
        "Collega's waarderen mijn rust, maar missen soms mijn mening. Ik ga die vaker uitspreken.",
    ),
    (
        "Nee zeggen",
        "Ik heb deze maand twee verzoeken afgewezen om mijn focus te bewaken. Dat voelde ongemakkelijk en goed.",
    ),
    (
        "Terugblik op het project",
        "De planning was te krap. Ik neem voortaan eerder de opdrachtgever mee als het schuurt.",
    ),
];

struct Picker(u64);

impl Picker {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next() % items.len()]
    }
}

fn json(details: &Details) -> String {
    serde_json::to_string(details).unwrap_or_else(|_| "{}".to_owned())
}

/// Builds portfolios for the given people (`index` makes each one different but repeatable).
pub async fn seed_portfolios(
    conn: &mut Conn,
    organisation_id: &str,
    owners: &[(usize, String)],
) -> Result<usize> {
    let catalogue = default_catalogue_ref();
    let talents: Vec<_> = catalogue.entries_of(EntryKind::Talent).collect();
    let qualities: Vec<_> = catalogue.entries_of(EntryKind::CoreQuality).collect();
    let mut rows = Vec::with_capacity(owners.len() * 10);
    for (index, owner) in owners {
        let mut pick = Picker(*index as u64 * 7919 + 17);
        let mut push = |section: &'static str,
                        position: i64,
                        title: &str,
                        body: &str,
                        visibility: &'static str,
                        key: Option<String>,
                        details: Details| {
            rows.push(BulkItem {
                owner_id: owner.clone(),
                section,
                position,
                title: title.to_owned(),
                body: body.to_owned(),
                visibility,
                catalogue_key: key,
                details: json(&details),
            });
        };
        let (title, body) = pick.pick(VALUES);
        push(
            "values",
            1,
            title,
            body,
            "organisation",
            None,
            Details::default(),
        );
        for position in 1..=3 {
            let talent = pick.pick(&talents);
            let details = Details {
                situation: Some((*pick.pick(SITUATIONS)).to_owned()),
                result: Some((*pick.pick(RESULTS)).to_owned()),
                strength: Some((3 + pick.next() % 3) as u8),
                enjoyment: Some((2 + pick.next() % 4) as u8),
                ..Details::default()
            };
            let visibility = if position == 3 {
                "team"
            } else {
                "organisation"
            };
            push(
                "talents",
                position,
                &talent.nl,
                &talent.description_nl,
                visibility,
                Some(talent.key.clone()),
                details,
            );
        }
        let quality = pick.pick(&qualities);
        if let Some(quadrant) = &quality.quadrant {
            let details = Details {
                pitfall: Some(quadrant.pitfall_nl.clone()),
                challenge: Some(quadrant.challenge_nl.clone()),
                allergy: Some(quadrant.allergy_nl.clone()),
                ..Details::default()
            };
            push(
                "core_qualities",
                1,
                &quality.nl,
                "",
                "manager",
                Some(quality.key.clone()),
                details,
            );
        }
        let (title, body) = pick.pick(PASSIONS);
        push("passions", 1, title, body, "team", None, Details::default());
        let (title, body) = pick.pick(WORKING_STYLE);
        push(
            "working_style",
            1,
            title,
            body,
            "manager",
            None,
            Details::default(),
        );
        let (title, body, open_to) = pick.pick(AMBITIONS);
        let details = Details {
            open_to: open_to.iter().map(|s| (*s).to_owned()).collect(),
            ..Details::default()
        };
        push("ambitions", 1, title, body, "manager", None, details);
        if pick.next().is_multiple_of(2) {
            let (title, body, kind) = pick.pick(RESULT_ITEMS);
            let details = Details {
                kind: Some((*kind).to_owned()),
                date: Some(format!("2026-0{}-15", 1 + pick.next() % 9)),
                ..Details::default()
            };
            push("results", 1, title, body, "organisation", None, details);
        }
        let (title, body) = pick.pick(REFLECTIONS);
        let details = Details {
            date: Some(format!(
                "2026-1{}-0{}",
                pick.next() % 2,
                1 + pick.next() % 9
            )),
            ..Details::default()
        };
        push("reflections", 1, title, body, "private", None, details);
    }
    insert_items_bulk(conn, organisation_id, &rows).await?;
    Ok(rows.len())
}
