## Kleur — Nederlandse teksten (standaardtaal)

app-name = Kleur
app-tagline = Jouw ontwikkeling, jouw kleur.
skip-to-content = Direct naar de inhoud
nav-label = Hoofdmenu
nav-home = Start
nav-profile = Mijn profiel
nav-people = Mensen en organisatie
nav-units = Organisatieonderdelen
nav-mail = Verzonden e-mail
nav-api = API
nav-logout = Uitloggen
nav-login = Inloggen
language-label = Taal
language-nl = Nederlands
language-en = English
language-switch = Taal wijzigen
footer-text = Kleur is open source (EUPL-1.2). Jij bepaalt wie wat ziet.

## Inloggen
login-title = Inloggen bij Kleur
login-intro = Log in met het e-mailadres en wachtwoord van je organisatie.
login-email = E-mailadres
login-password = Wachtwoord
login-submit = Inloggen
login-forgot = Wachtwoord vergeten?
login-failed = Het e-mailadres of wachtwoord klopt niet.
login-rate-limited = Te veel mislukte pogingen. Wacht { $minutes } minuten en probeer het opnieuw, of vraag een nieuw wachtwoord aan.
logged-out = Je bent uitgelogd.
logout-submit = Uitloggen

## Wachtwoord herstellen
reset-request-title = Wachtwoord vergeten
reset-request-intro = Vul je e-mailadres in. Als het bij ons bekend is, sturen we je een link om een nieuw wachtwoord in te stellen.
reset-request-submit = Stuur de link
reset-request-sent = Als dit e-mailadres bij ons bekend is, is er nu een e-mail met een link onderweg. De link is een uur geldig.
reset-title = Nieuw wachtwoord instellen
reset-password = Nieuw wachtwoord
reset-password-hint = Minstens 10 tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.
reset-submit = Wachtwoord opslaan
reset-done = Je wachtwoord is gewijzigd. Je kunt nu inloggen.
reset-invalid = Deze link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe link aan.
mail-reset-subject = Nieuw wachtwoord voor Kleur
mail-reset-body = Hallo,

    Iemand (hopelijk jij) heeft gevraagd om een nieuw wachtwoord voor Kleur.
    Stel je nieuwe wachtwoord in via deze link:

    { $link }

    De link is { $minutes } minuten geldig en werkt één keer. Heb je dit niet gevraagd? Dan kun je deze e-mail negeren.

## Foutmeldingen in formulieren
error-summary-title = Er is iets niet goed ingevuld
error-email-invalid = Vul een geldig e-mailadres in, zoals naam@organisatie.nl.
error-email-taken = Dit e-mailadres is al in gebruik in deze organisatie.
error-employee-number-taken = Dit personeelsnummer is al in gebruik.
error-name-required = Vul een naam in (maximaal 200 tekens).
error-text-too-long = Deze tekst is te lang.
error-unit-unknown = Kies een bestaand organisatieonderdeel.
error-manager-unknown = Kies een bestaande leidinggevende.
error-manager-self = Iemand kan niet zijn eigen leidinggevende zijn.
error-manager-cycle = Deze leidinggevende staat zelf onder deze persoon; dat zou een kring maken.
error-password-short = Het wachtwoord moet minstens 10 tekens hebben.
error-password-long = Het wachtwoord mag hoogstens 512 tekens hebben.
error-reset-token = Deze link is ongeldig, al gebruikt of verlopen.
error-token-name = Geef de sleutel een naam (maximaal 100 tekens).
error-role-employee = Iedereen is medewerker; die rol kan niet worden gewijzigd.
error-role-own-admin = Je kunt je eigen beheerdersrol niet intrekken.
error-csrf = Dit formulier is verlopen of niet vanuit Kleur verstuurd. Laad de pagina opnieuw en probeer het nog eens.
error-locale = Kies Nederlands of English.

## Foutpagina's
error-400-title = Dit verzoek klopt niet
error-400-text = Kleur kon dit verzoek niet verwerken. Controleer wat je hebt ingevuld en probeer het opnieuw.
error-401-title = Log eerst in
error-401-text = Voor deze pagina moet je ingelogd zijn.
error-403-title = Geen toegang
error-403-text = Je hebt geen toegang tot deze pagina. Denk je dat dit niet klopt? Neem contact op met je beheerder.
error-404-title = Pagina niet gevonden
error-404-text = Deze pagina bestaat niet (meer), of je hebt er geen toegang toe.
error-405-title = Deze handeling kan hier niet
error-405-text = Deze pagina ondersteunt deze handeling niet.
error-413-title = Te groot
error-413-text = Wat je verstuurde is te groot. Verklein het bestand of de tekst en probeer het opnieuw.
error-415-title = Onbekend formaat
error-415-text = Kleur kan dit formaat niet lezen.
error-422-title = Dit verzoek klopt niet
error-422-text = Kleur kon dit verzoek niet verwerken. Controleer wat je hebt ingevuld en probeer het opnieuw.
error-429-title = Even geduld
error-429-text = Er zijn te veel verzoeken gedaan. Wacht even en probeer het opnieuw.
error-500-title = Er ging iets mis
error-500-text = Er ging aan onze kant iets mis. Probeer het later opnieuw. Blijft het misgaan, geef dan deze code door aan je beheerder: { $request }.
error-back-home = Terug naar de startpagina

## Startpagina
home-title = Welkom, { $name }
home-intro = Kleur is jouw plek om je ontwikkeling zelf te sturen: laat zien waar je van bent, wat je talenten zijn en waar je naartoe wilt.
home-next-title = Wat kun je nu doen?
home-next-portfolio = Laat zien waar je van bent, wat je talenten zijn en waar je naartoe wilt, en kies zelf met wie je het deelt.
home-next-profile = Bekijk je profiel en kies je taal.
home-next-people = Beheer mensen en organisatieonderdelen, of importeer ze uit het HR-systeem.
home-next-mail = Bekijk de e-mail die Kleur verstuurde.
home-next-api = Maak een API-sleutel om Kleur te koppelen aan andere systemen.
home-coming-title = Binnenkort in Kleur
home-coming-text = Je persoonlijk professioneel portfolio, 360°-feedback die jij start, doelen die aansluiten bij je team en organisatie, en het vinden van talent in je organisatie.
home-roles = Jouw rollen: { $roles }
landing-title = Kleur
landing-intro = Professionals sturen hun eigen ontwikkeling; organisaties zien het talent dat ze al hebben.
landing-login = Inloggen

## Rollen
role-employee = medewerker
role-manager = leidinggevende / teamcoach
role-hr_adviser = HR-adviseur
role-ambassador = ambassadeur
role-management = directie / MT
role-administrator = beheerder

## Profiel
profile-title = Mijn profiel
profile-details = Gegevens uit het personeelssysteem
profile-name = Naam
profile-email = E-mailadres
profile-function = Functie
profile-unit = Organisatieonderdeel
profile-manager = Leidinggevende
profile-roles = Rollen
profile-none = Niet ingevuld
profile-language-title = Taal van Kleur
profile-language-save = Taal opslaan
profile-language-saved = Je taalkeuze is opgeslagen.
tokens-title = API-sleutels
tokens-intro = Met een API-sleutel kan een ander systeem namens jou met Kleur praten. Deel de sleutel met niemand.
tokens-name = Naam van de sleutel
tokens-create = Sleutel maken
tokens-created = Je nieuwe sleutel staat hieronder. Kopieer hem nu: hij wordt maar één keer getoond.
tokens-none = Je hebt nog geen API-sleutels.
tokens-col-name = Naam
tokens-col-created = Gemaakt
tokens-col-used = Laatst gebruikt
tokens-col-status = Status
tokens-never = nooit
tokens-active = actief
tokens-revoked = ingetrokken
tokens-revoke = Intrekken
tokens-revoked-done = De sleutel is ingetrokken.

## Mensen en organisatie (beheer)
people-title = Mensen
people-count = { $count ->
    [one] { $count } persoon
   *[other] { $count } personen
}
people-search = Zoek op naam, e-mail of functie
people-search-submit = Zoeken
people-filter-unit = Organisatieonderdeel
people-filter-all = Alle onderdelen
people-empty = Er zijn (nog) geen mensen die hieraan voldoen.
people-empty-import = Importeer mensen en afdelingen uit het HR-systeem met `kleur import`, of voeg iemand toe.
people-col-name = Naam
people-col-function = Functie
people-col-unit = Onderdeel
people-col-manager = Leidinggevende
people-add = Persoon toevoegen
people-new-title = Persoon toevoegen
people-edit-title = Gegevens wijzigen
people-edit = Wijzigen
people-save = Opslaan
people-saved = De gegevens zijn opgeslagen.
people-created = De persoon is toegevoegd.
people-employee-number = Personeelsnummer
people-no-unit = Geen onderdeel
people-manager-email = E-mailadres van een andere leidinggevende
people-manager-email-hint = Staat de leidinggevende niet in de lijst? Vul dan het e-mailadres in.
people-no-manager = Geen leidinggevende
people-roles-title = Rollen
people-role-fixed = altijd (iedereen is medewerker)
people-role-grant = Geven
people-role-revoke = Intrekken
people-roles-saved = De rollen zijn bijgewerkt.
people-login = Kan inloggen met wachtwoord
people-login-yes = ja
people-login-no = nee (kan via "wachtwoord vergeten" een wachtwoord instellen)
table-scroll-label = Tabel (scroll opzij voor meer kolommen)
pagination-label = Paginering
pagination-previous = Vorige
pagination-next = Volgende
pagination-status = Pagina { $page } van { $pages }
units-title = Organisatieonderdelen
units-intro = De organisatie als boom, van organisatie tot team, met het aantal mensen per onderdeel.
units-empty = Er zijn nog geen organisatieonderdelen. Importeer ze met `kleur import`.
units-col-name = Onderdeel
units-col-people = Mensen
units-people-link = Bekijk mensen

## Verzonden e-mail
mail-title = Verzonden e-mail
mail-intro = Alle e-mail die Kleur voor deze organisatie verstuurde of nog moet versturen. Zonder SMTP-instellingen (demomodus) wordt e-mail niet echt verzonden maar hier bewaard.
mail-empty = Er is nog geen e-mail.
mail-col-to = Aan
mail-col-subject = Onderwerp
mail-col-created = Aangemaakt
mail-col-status = Status
mail-status-sent = verzonden ({ $transport })
mail-status-pending = wacht op verzending
mail-status-failed = mislukt na { $attempts } pogingen: { $error }
mail-back = Terug naar verzonden e-mail

## API-documentatie
api-title = Kleur API
api-intro = De JSON-API staat onder /api/v1. Log in met een API-sleutel in de header Authorization: Bearer <sleutel>. Fouten komen terug als problem+json (RFC 9457). Lijsten zijn gepagineerd met page en per_page.
api-openapi-link = OpenAPI-document (JSON)
api-col-method = Methode
api-col-path = Pad
api-col-summary = Omschrijving

## API-fouten (problem+json)
problem-unauthorized = Geef een geldige API-sleutel mee in de header Authorization: Bearer <sleutel>.
problem-forbidden = Je hebt geen toegang tot deze gegevens.
problem-not-found = Niet gevonden.
problem-invalid = De invoer klopt niet.
problem-bad-request = Het verzoek kon niet worden gelezen.
problem-too-large = Het verzoek is te groot.
problem-unsupported-media = Stuur JSON met Content-Type: application/json.
problem-method = Deze methode is hier niet toegestaan.
problem-rate-limited = Te veel verzoeken.
problem-internal = Er ging iets mis aan de kant van de server.

## Portfolio (IPP)
nav-portfolio = Mijn portfolio
portfolio-title-own = Mijn portfolio
portfolio-title-of = Portfolio van { $name }
portfolio-intro-owner = Jouw portfolio is van jou. Alles wat je toevoegt is eerst alleen voor jou zichtbaar; per onderdeel kies je met wie je het deelt.
portfolio-intro-viewer = Je ziet wat { $name } met jou heeft gedeeld.
portfolio-nothing-shared = Er is (nog) niets met jou gedeeld.
portfolio-section-empty = Hier staat nog niets.
portfolio-section-values = Waar ben ik van
portfolio-section-talents = Mijn talenten
portfolio-section-core-qualities = Kernkwaliteiten
portfolio-section-passions = Passies
portfolio-section-working-style = Van waaruit wil ik werken
portfolio-section-ambitions = Ambities en mobiliteit
portfolio-section-results = Resultaten en bewijs
portfolio-section-reflections = Reflecties
portfolio-hint-values = Waar sta je voor? Je waarden en je missie, in je eigen woorden.
portfolio-hint-talents = Wat doe je goed én graag? Beschrijf een situatie waarin het zichtbaar werd.
portfolio-hint-core-qualities = Een kernkwaliteit met de valkuil, uitdaging en allergie van het kernkwadrant.
portfolio-hint-passions = Waar krijg je energie van?
portfolio-hint-working-style = Hoe en van waaruit werk je het liefst?
portfolio-hint-ambitions = Waar wil je naartoe groeien, en waarvoor sta je open?
portfolio-hint-results = Resultaten, certificaten en aanbevelingen, eventueel met een bestand.
portfolio-hint-reflections = Je leerdagboek: wat heb je gedaan, gemerkt en geleerd?
portfolio-add-values = Iets toevoegen aan: waar ben ik van
portfolio-add-talents = Talent toevoegen
portfolio-add-core-qualities = Kernkwaliteit toevoegen
portfolio-add-passions = Passie toevoegen
portfolio-add-working-style = Toevoegen: van waaruit wil ik werken
portfolio-add-ambitions = Ambitie toevoegen
portfolio-add-results = Resultaat toevoegen
portfolio-add-reflections = Reflectie schrijven
portfolio-edit-title = Onderdeel wijzigen
portfolio-edit = Wijzigen
portfolio-move-up = Omhoog
portfolio-move-down = Omlaag
portfolio-remove = Verwijderen
portfolio-save = Opslaan
portfolio-cancel = Annuleren
portfolio-saved = Opgeslagen.
portfolio-removed = Het onderdeel is verwijderd.
portfolio-undo = Ongedaan maken
portfolio-restored = Het onderdeel is teruggezet.
portfolio-remove-title = Onderdeel verwijderen
portfolio-remove-question = Weet je zeker dat je "{ $title }" wilt verwijderen?
portfolio-remove-undo-hint = Je kunt het daarna nog { $days } dagen terugzetten.
portfolio-remove-confirm = Ja, verwijderen
portfolio-field-title = Titel
portfolio-field-talent = Talent
portfolio-field-quality = Kernkwaliteit
portfolio-field-reflection-title = Onderwerp
portfolio-field-body = Toelichting
portfolio-field-reflection = Wat heb ik gedaan, gemerkt en geleerd?
portfolio-field-situation = Situatie waarin het bleek
portfolio-field-result = Wat het opleverde
portfolio-field-witness = Wie zag het
portfolio-field-strength = Hoe sterk gebruik ik het (1–5)
portfolio-field-enjoyment = Hoe graag gebruik ik het (1–5)
portfolio-rating = { $value } van 5
portfolio-rating-hint = Een getal van 1 (weinig) tot 5 (veel); leeg laten mag.
portfolio-field-pitfall = Valkuil
portfolio-field-challenge = Uitdaging
portfolio-field-allergy = Allergie
portfolio-field-open-to = Ik sta open voor
portfolio-field-kind = Soort
portfolio-field-date = Datum
portfolio-open-roles = een andere rol
portfolio-open-units = een ander organisatieonderdeel
portfolio-open-projects = projecten en opdrachten
portfolio-open-mentoring = mentorschap
portfolio-kind-result = resultaat
portfolio-kind-certificate = certificaat
portfolio-kind-testimonial = aanbeveling
portfolio-catalogue-hint = Kies uit de lijst van je organisatie of gebruik je eigen woorden.
portfolio-suggest-quadrant = Stel het kernkwadrant voor
portfolio-suggestion-found = Het kernkwadrant is ingevuld uit de catalogus. Pas het gerust aan en sla op.
portfolio-suggestion-none = Deze kernkwaliteit staat niet in de catalogus. Vul het kwadrant zelf in.
portfolio-visibility-legend = Wie mag dit zien?
visibility-private = Alleen ik
visibility-manager = Ik en mijn leidinggevende / coach
visibility-team = Mijn team (en leidinggevende)
visibility-organisation = Iedereen in de organisatie
portfolio-files-title = Bestanden
portfolio-file-label = Bestand toevoegen
portfolio-file-hint = PDF, PNG of JPEG, hoogstens 5 MB.
portfolio-file-upload = Bestand uploaden
portfolio-file-remove = Bestand verwijderen
portfolio-views-link = Wie bekeek mijn portfolio?
portfolio-print-link = Afdrukken of bewaren als PDF
portfolio-export-link = Alles downloaden (JSON)
portfolio-import-link = Portfolio importeren
portfolio-views-title = Wie bekeek mijn portfolio?
portfolio-views-intro = Iedere keer dat iemand anders je portfolio opent, zie je dat hier. Zij zagen alleen wat je met hen deelde.
portfolio-views-empty = Nog niemand heeft je portfolio bekeken.
portfolio-views-col-who = Wie
portfolio-views-col-when = Wanneer
portfolio-back = Terug naar mijn portfolio
error-section = Kies een onderdeel van het portfolio.
error-title-required = Vul dit in (hoogstens 200 tekens).
error-text-control = Deze tekst bevat tekens die niet zijn toegestaan.
error-rating = Kies een getal van 1 tot 5, of laat het leeg.
error-open-to = Kies uit de genoemde mogelijkheden.
error-result-kind = Kies resultaat, certificaat of aanbeveling.
error-date = Vul een bestaande datum in, zoals 2026-11-24.
error-visibility = Kies wie dit mag zien.
error-catalogue-key = Kies een talent uit de catalogus.
error-section-full = Dit onderdeel heeft het maximum van 100 items bereikt.
error-file-empty = Kies een bestand.
error-file-too-large = Het bestand is groter dan 5 MB.
error-file-type = Alleen PDF-, PNG- en JPEG-bestanden zijn toegestaan.
error-file-section = Bestanden horen bij resultaten en bewijs.
error-stale = Dit onderdeel is intussen ergens anders gewijzigd (misschien in een ander tabblad). Je tekst staat hieronder nog; sla opnieuw op om de nieuwere versie te vervangen, of annuleer.
error-409-title = Intussen gewijzigd
error-409-text = Dit is intussen ergens anders gewijzigd. Laad de pagina opnieuw.
problem-conflict = Dit is intussen gewijzigd; haal de nieuwste versie op en probeer het opnieuw.
portfolio-import-title = Portfolio importeren
portfolio-import-failed = Het importeren is niet gelukt; er is niets toegevoegd.
portfolio-import-intro = Kies een bestand dat je eerder uit Kleur hebt gedownload ("Alles downloaden"). Alle onderdelen worden aan je portfolio toegevoegd, met dezelfde zichtbaarheid.
portfolio-import-file = Exportbestand (JSON)
portfolio-import-submit = Importeren
portfolio-import-not-export = Dit is geen portfolio-export van Kleur.
portfolio-import-problem = Onderdeel { $item }: { $problem }
portfolio-imported = Je portfolio is geïmporteerd.

## Catalogue

nav-catalogue = Talentencatalogus
catalogue-title = Talentencatalogus
catalogue-intro = De talenten en kernkwaliteiten waaruit medewerkers kiezen in hun portfolio. Een ingetrokken onderdeel wordt niet meer voorgesteld; portfolio's waarin het al staat, blijven zoals ze zijn.
catalogue-add = Onderdeel toevoegen
catalogue-search = Zoeken
catalogue-search-hint = Op naam of synoniem, in het Nederlands of Engels.
catalogue-search-submit = Zoeken
catalogue-filter-kind = Soort
catalogue-filter-all-kinds = Alle soorten
catalogue-filter-category = Categorie
catalogue-filter-all-categories = Alle categorieën
catalogue-filter-status = Status
catalogue-filter-all-statuses = Actief en ingetrokken
catalogue-count = { $count ->
    [one] 1 onderdeel
   *[other] { $count } onderdelen
}
catalogue-empty = Er zijn geen onderdelen die hieraan voldoen.
catalogue-col-name = Naam
catalogue-col-kind = Soort
catalogue-col-category = Categorie
catalogue-col-status = Status
catalogue-col-actions = Acties
catalogue-edit = wijzigen
catalogue-status-active = Actief
catalogue-status-retired = Ingetrokken
catalogue-retire = Intrekken
catalogue-restore = Terugzetten
catalogue-kind-talent = Talent
catalogue-kind-core-quality = Kernkwaliteit
catalogue-created = Het onderdeel is toegevoegd aan de catalogus.
catalogue-saved = Het onderdeel is opgeslagen.
catalogue-retired = Het onderdeel is ingetrokken. Het wordt niet meer voorgesteld; bestaande portfolio's veranderen niet.
catalogue-restored = Het onderdeel is teruggezet en wordt weer voorgesteld.
catalogue-new-title = Onderdeel toevoegen aan de catalogus
catalogue-edit-title = { $name } wijzigen
catalogue-edit-hint = De sleutel verandert nooit: portfolio's verwijzen ernaar.
catalogue-field-key = Sleutel
catalogue-field-key-hint = Optioneel. Kleine letters en cijfers met streepjes, zoals oog-voor-detail. Leeg laten maakt hem uit de Nederlandse naam. Later wijzigen kan niet.
catalogue-field-kind = Soort
catalogue-field-category = Categorie
catalogue-field-name-nl = Naam (Nederlands)
catalogue-field-name-en = Naam (Engels)
catalogue-field-description-nl = Omschrijving (Nederlands)
catalogue-field-description-en = Omschrijving (Engels)
catalogue-field-synonyms-nl = Synoniemen (Nederlands)
catalogue-field-synonyms-en = Synoniemen (Engels)
catalogue-field-synonyms-hint = Zoekwoorden, gescheiden door komma's. Ze worden in kleine letters opgeslagen.
catalogue-quadrant-legend = Kernkwadrant
catalogue-quadrant-hint = Alleen voor een kernkwaliteit: vul dan alle zes velden in. Laat ze leeg voor een talent.
catalogue-field-pitfall-nl = Valkuil (Nederlands)
catalogue-field-challenge-nl = Uitdaging (Nederlands)
catalogue-field-allergy-nl = Allergie (Nederlands)
catalogue-field-pitfall-en = Valkuil (Engels)
catalogue-field-challenge-en = Uitdaging (Engels)
catalogue-field-allergy-en = Allergie (Engels)
catalogue-save = Opslaan
catalogue-cancel = Annuleren
catalogue-error-kind = Kies talent of kernkwaliteit.
catalogue-error-key = Gebruik kleine letters en cijfers, woorden gescheiden door één streepje, zoals oog-voor-detail.
catalogue-error-key-taken = Deze sleutel is al in gebruik (misschien door een ingetrokken onderdeel).
catalogue-error-category = Kies een categorie uit de lijst.
catalogue-error-name-required = Vul een naam in.
catalogue-error-name-too-long = Gebruik hoogstens 80 tekens.
catalogue-error-name-taken = Een ander onderdeel heeft deze naam al (misschien een ingetrokken onderdeel; zet dat dan terug).
catalogue-error-description-required = Vul een omschrijving in.
catalogue-error-description-too-long = Gebruik hoogstens 300 tekens.
catalogue-error-control = Deze tekst bevat tekens die niet zijn toegestaan.
catalogue-error-synonym = Een synoniem mag hoogstens 80 tekens hebben.
catalogue-error-synonym-twice = Een synoniem staat er twee keer in.
catalogue-error-synonyms-too-many = Gebruik hoogstens 20 synoniemen per taal.
catalogue-error-quadrant-required = Een kernkwaliteit heeft een volledig kernkwadrant nodig.
catalogue-error-quadrant-field-required = Vul dit in: een kernkwaliteit heeft alle zes velden van het kernkwadrant nodig.
catalogue-error-quadrant-talent = Een talent heeft geen kernkwadrant. Maak de velden leeg, of kies kernkwaliteit.
catalogue-error-stale = Dit onderdeel is intussen door iemand anders gewijzigd. Je tekst staat hieronder nog; sla opnieuw op om de nieuwere versie te vervangen, of annuleer.

