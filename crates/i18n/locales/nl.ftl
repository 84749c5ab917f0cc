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
home-coming-text = Een talentenzoeker waarmee je collega's vindt op talent, een teamkaart en hulp bij het samenstellen van projectteams, interne kansen, check-ins en ontwikkelgesprekken.
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

## Feedback (360°)
nav-feedback = Feedback
feedback-title = 360°-feedback
feedback-intro = Vraag collega's, je leidinggevende en mensen buiten de organisatie hoe zij jouw talenten zien, en vergelijk het met je eigen beeld. Jij start de ronde en jij ziet het resultaat. Antwoorden van collega's zijn anoniem.
feedback-start = Feedbackronde starten
feedback-requests-title = Verzoeken aan jou
feedback-requests-empty = Niemand wacht op feedback van jou.
feedback-request-line = { $name } vraagt je om feedback: { $title }
feedback-rounds-title = Mijn feedbackrondes
feedback-rounds-empty = Je hebt nog geen feedbackronde gestart.
feedback-col-title = Ronde
feedback-col-deadline = Sluit op
feedback-col-status = Status
feedback-col-answered = Beantwoord
feedback-status-open = Open
feedback-status-closed = Gesloten
feedback-new-title = Feedbackronde starten
feedback-new-intro = Kies wie je om feedback vraagt. Iedereen krijgt een persoonlijke link per e-mail. Jij vult dezelfde vragenlijst in over jezelf.
feedback-field-title = Naam van de ronde
feedback-field-deadline = Sluitingsdatum
feedback-field-deadline-hint = Tot wanneer kan er worden geantwoord? Uiterlijk een jaar vooruit.
feedback-field-peers = Collega's (e-mailadressen)
feedback-field-addresses-hint = Eén e-mailadres per regel, of gescheiden door komma's. Alleen mensen uit je organisatie; hoogstens 20.
feedback-field-direct-reports = Mensen aan wie jij leiding geeft (e-mailadressen)
feedback-field-externals = Cliënten of partners buiten de organisatie (e-mailadressen)
feedback-field-externals-hint = Zij antwoorden zonder account via een persoonlijke link. Eén e-mailadres per regel; hoogstens 20.
feedback-field-manager = Ook mijn leidinggevende vragen (zijn of haar antwoorden zijn niet anoniem; dat staat in de uitnodiging)
feedback-threshold-note = Antwoorden van een groep zie je pas als minstens { $count } mensen uit die groep antwoordden. Kleinere groepen worden samengevoegd of weggelaten.
feedback-new-submit = Uitnodigingen versturen
feedback-deadline-line = sluit op { $date }
feedback-progress-title = Wie heeft geantwoord
feedback-col-group = Groep
feedback-col-invited = Uitgenodigd
feedback-col-note = Let op
feedback-below-threshold = Minder dan { $count } uitgenodigd: deze antwoorden worden samengevoegd met een andere groep of niet getoond.
feedback-open-note = Je ziet de resultaten als de ronde gesloten is: op de sluitingsdatum, als iedereen heeft geantwoord, of eerder als je hem zelf sluit.
feedback-deadline-change = Sluitingsdatum wijzigen
feedback-close = Ronde nu sluiten
feedback-report-title = Resultaat
feedback-report-intro = { $count ->
    [one] { $count } persoon gaf je feedback.
   *[other] { $count } mensen gaven je feedback.
}
feedback-report-threshold = Groepen met minder dan { $count } antwoorden zijn samengevoegd of weggelaten, zodat niemand te herkennen is.
feedback-col-mean = Gemiddelde
feedback-col-respondents = Antwoorden
feedback-group-all-others = Alle anderen
feedback-hidden-groups = Een groep had te weinig antwoorden om te tonen.
feedback-no-comments = Geen antwoorden op deze vraag.
feedback-back = Terug naar feedback
feedback-group-self = Ikzelf
feedback-group-manager = Leidinggevende
feedback-group-peer = Collega's
feedback-group-direct-report = Medewerkers
feedback-group-external = Cliënten en partners
feedback-group-others = Overigen (samengevoegd)
feedback-agreement-over = Je schat jezelf gemiddeld hoger in dan anderen doen.
feedback-agreement-under = Anderen zien gemiddeld meer in je dan je zelf doet.
feedback-agreement-in = Je beeld van jezelf komt gemiddeld overeen met dat van anderen.
feedback-johari-blind-spot = Blinde vlek: anderen zien dit duidelijk minder dan jij
feedback-johari-hidden-strength = Verborgen kracht: anderen zien dit duidelijk meer dan jij
feedback-johari-open-strength = Bekende kracht
feedback-johari-agreement = Eensgezind
feedback-answer-title = Feedback geven
feedback-answer-heading = Feedback voor { $name }
feedback-draft-saved = Je concept is bewaard. Je kunt later verder via dezelfde link.
feedback-cannot-judge = Kan ik niet beoordelen
feedback-open-hint = Je antwoord wordt zonder naam getoond, samen met die van anderen.
feedback-submit = Versturen
feedback-save-draft = Concept bewaren
feedback-final-note = Na versturen kun je je antwoorden niet meer wijzigen.
feedback-point-1 = 1 (zelden)
feedback-point-max = { $value } (heel vaak)
feedback-answer-intro-self = Hoe zie je jezelf? Je eigen antwoorden worden naast die van anderen gezet.
feedback-answer-intro-manager = Je antwoordt als leidinggevende. Jouw antwoorden zijn niet anoniem: je bent meestal de enige in deze groep.
feedback-answer-intro-anonymous = Je antwoorden zijn anoniem. Ze worden alleen getoond samen met die van minstens twee anderen, en niemand, ook de beheerder niet, kan zien wat jij antwoordde.
feedback-link-unknown-title = Deze link werkt niet
feedback-link-unknown = Deze link is onbekend of ingetrokken. Controleer of je de hele link uit de e-mail hebt gebruikt.
feedback-link-expired-title = Deze link is verlopen
feedback-link-expired = De termijn om te antwoorden is voorbij.
feedback-link-used-title = Al verstuurd
feedback-link-used = Je hebt je feedback al verstuurd. Dank je wel!
feedback-link-closed-title = Deze ronde is gesloten
feedback-link-closed = Er kan niet meer worden geantwoord.
feedback-thanks-title = Dank je wel
feedback-thanks = Je feedback is verstuurd.
error-feedback-deadline = Kies een sluitingsdatum na vandaag en binnen een jaar.
error-feedback-too-many = Nodig hoogstens 20 mensen per groep uit.
error-feedback-addresses = Eén van de e-mailadressen klopt niet.
error-feedback-no-manager = Er staat geen leidinggevende bij je gegevens.
error-feedback-self = Je eigen adres hoeft er niet bij: jij krijgt vanzelf een uitnodiging.
error-feedback-external-colleague = Dit adres hoort bij een collega; zet het bij collega's of medewerkers.
error-feedback-unknown-colleague = Eén van deze adressen hoort niet bij een collega in je organisatie. Zet mensen van buiten bij cliënten en partners.
error-feedback-no-raters = Nodig minstens één persoon uit.
error-feedback-closed = Deze ronde is al gesloten.
error-feedback-rating = Kies een waarde op de schaal of "kan ik niet beoordelen".
error-feedback-comment-long = Een antwoord mag hoogstens 2000 tekens hebben.
error-feedback-empty = Beantwoord minstens één vraag voordat je verstuurt.
mail-feedback-invite-subject = { $name } vraagt je om feedback
mail-feedback-invite-body = Hallo,

    { $name } vraagt je om feedback ("{ $title }"). Het invullen duurt ongeveer tien minuten.
    Je kunt antwoorden tot en met { $deadline } via deze persoonlijke link:

    { $link }

    Deel de link niet met anderen: hij is alleen voor jou en werkt één keer.
mail-feedback-self-body = Hallo { $name },

    Je feedbackronde "{ $title }" is gestart. Vul ook zelf de vragenlijst in, dan kun je je eigen beeld naast dat van anderen leggen:

    { $link }

    De ronde sluit op { $deadline }.

## Goals
nav-goals = Doelen
home-next-goals = Zet je eigen doelen en laat zien hoe ze bijdragen aan de doelen van je team en de organisatie.
goals-title = Doelen
goals-intro = Hier staan jouw doelen, die van je team en die van de organisatie. Jouw persoonlijke doelen zijn eerst alleen voor jou; per doel kies je met wie je het deelt.
goals-cycle-nav = Kies een jaar
goals-cycle-link = Jaar { $cycle }
goals-cycle-current = Je bekijkt { $cycle }
goals-new-link = Nieuw doel
goals-proposals-title = Voorstellen van je team
goals-proposals-hint = Een collega stelt een eigen doel voor als doel voor het hele team. Open het voorstel om het te accepteren of af te wijzen.
goals-own-title = Mijn doelen
goals-own-empty = Je hebt voor dit jaar nog geen doelen. Wat wil je bereiken of leren?
goals-team-title = Teamdoelen
goals-team-title-of = Doelen van { $unit }
goals-team-empty = Je team heeft voor dit jaar nog geen doelen.
goals-new-team-link = Teamdoel toevoegen
goals-organisation-title = Doelen van de organisatie voor { $cycle }
goals-organisation-empty = Er zijn voor dit jaar nog geen organisatiedoelen.
goals-new-organisation-link = Organisatiedoel toevoegen
goals-shared-title = Gedeeld door je team
goals-shared-hint = Doelen die collega's uit je team, of mensen van wie je leidinggevende bent, met jou delen.
goals-pending-badge = Voorgesteld aan het team
goals-level-organisation = Organisatiedoel
goals-level-team = Teamdoel
goals-level-personal = Persoonlijk doel
goals-status-open = Nog niet gestart
goals-status-on_track = Op koers
goals-status-at_risk = Loopt achter
goals-status-achieved = Behaald
goals-status-stopped = Gestopt
goals-event-created = Aangemaakt door { $name }
goals-event-proposed = Door { $name } voorgesteld als teamdoel
goals-event-accepted = Door { $name } geaccepteerd: nu een teamdoel
goals-event-declined = Door { $name } afgewezen als teamdoel
goals-percent = { $percent }%
goals-average = gemiddeld { $percent }% volgens de teamdoelen
goals-chain-label = Waar dit doel aan bijdraagt
goals-chain-title = Dit doel draagt bij aan:
goals-field-level = Soort doel
goals-field-cycle = Jaar
goals-field-unit = Team
goals-field-owner = Van
goals-field-status = Stand van zaken
goals-field-progress = Voortgang
goals-no-progress = Nog geen voortgang gemeld
goals-field-visibility = Wie mag dit zien?
goals-pending-owner = Je hebt dit doel voorgesteld aan je team. Je leidinggevende beslist of het een teamdoel wordt.
goals-pending-other = Dit doel is voorgesteld als teamdoel en wacht op een beslissing.
goals-edit-link = Doel wijzigen
goals-progress-link = Voortgang bijwerken
goals-propose-link = Voorstellen aan mijn team
goals-decide-title = Voorstel voor het team
goals-decide-intro = { $name } stelt voor om dit doel een doel van het hele team te maken. Als je accepteert, wordt het een teamdoel dat iedereen in de organisatie kan zien.
goals-accept = Accepteren als teamdoel
goals-decline-note = Toelichting bij afwijzen (mag leeg blijven)
goals-decline = Afwijzen
goals-contributions-title = Bijdragen
goals-aggregate = Gemiddelde voortgang van de teamdoelen: { $percent }% (over { $count ->
    [one] { $count } teamdoel
   *[other] { $count } teamdoelen
}).
goals-aggregate-none = De teamdoelen hebben nog geen voortgang gemeld.
goals-visible-contributions = { $count ->
    [0] Je ziet nog geen doelen die hieraan bijdragen.
    [one] Je ziet { $count } doel dat hieraan bijdraagt.
   *[other] Je ziet { $count } doelen die hieraan bijdragen.
}
goals-contributions-empty = Er zijn nog geen doelen die je hier kunt zien.
goals-contribute-link = Een doel toevoegen dat hieraan bijdraagt
goals-progress-title = Voortgang
goals-progress-empty = Er is nog geen voortgang gemeld.
goals-col-date = Datum
goals-col-by = Door
goals-col-note = Toelichting
goals-history-title = Geschiedenis
goals-back = Terug naar doelen
goals-new-title = Nieuw doel
goals-edit-title = Doel wijzigen
goals-form-hint = Maak je doel concreet: wat wil je bereiken, en hoe merk je dat het gelukt is?
goals-field-title = Doel
goals-title-hint = Kort en concreet, hoogstens 200 tekens.
goals-field-description = Toelichting
goals-cycle-hint = Het jaar van de planning- en begrotingscyclus, bijvoorbeeld 2026.
goals-unit-hint = Alleen voor een teamdoel.
goals-field-parent = Draagt bij aan
goals-parent-hint = Kies een doel van je team of van de organisatie uit hetzelfde jaar. Dit mag leeg blijven.
goals-parent-none = Geen
goals-parent-organisation = Organisatiedoelen
goals-parent-team = Teamdoelen
goals-visibility-legend = Wie mag dit doel zien?
goals-visibility-hint = Alleen voor een persoonlijk doel. Team- en organisatiedoelen ziet iedereen in de organisatie.
goals-save = Opslaan
goals-cancel = Annuleren
goals-progress-form-title = Voortgang bijwerken
goals-field-percent = Hoever ben je (0–100%)
goals-percent-hint = Een getal van 0 tot 100. Leeg laten mag, als je alleen een mijlpaal of opmerking wilt melden.
goals-field-note = Mijlpaal of toelichting
goals-note-hint = Wat is er gebeurd of bereikt? Hoogstens 2000 tekens.
goals-progress-save = Voortgang opslaan
goals-propose-title = Voorstellen aan mijn team
goals-propose-question = Wil je "{ $title }" voorstellen als doel voor je hele team?
goals-propose-team = Je team: { $unit }
goals-propose-consent = Je leidinggevende ziet het voorstel en beslist. Wordt het geaccepteerd, dan wordt het een gedeeld teamdoel dat iedereen in de organisatie kan zien, met jouw naam erbij. Je geeft daar toestemming voor als je op de knop drukt.
goals-propose-confirm = Ja, stel voor aan mijn team
goals-saved = Het doel is opgeslagen.
goals-progress-saved = De voortgang is opgeslagen.
goals-proposed = Je voorstel is verstuurd naar je team.
goals-accepted = Het voorstel is geaccepteerd. Het is nu een teamdoel.
goals-declined = Het voorstel is afgewezen. Het doel blijft een persoonlijk doel.
goals-error-level = Kies wat voor doel het is: persoonlijk, team of organisatie.
goals-error-cycle = Vul een jaar in, zoals 2026.
goals-error-title = Vul het doel in, op één regel en hoogstens 200 tekens.
goals-error-description = De toelichting is te lang (hoogstens 5000 tekens) of bevat tekens die niet zijn toegestaan.
goals-error-visibility = Kies wie dit doel mag zien.
goals-error-unit = Kies een bestaand team.
goals-error-parent = Kies een doel waaraan dit doel kan bijdragen: een teamdoel of organisatiedoel een niveau hoger.
goals-error-parent-cycle = Het doel waaraan je bijdraagt hoort bij een ander jaar. Kies een doel uit hetzelfde jaar.
goals-error-cycle-children = Andere doelen dragen bij aan dit doel. Daarom kan het jaar niet meer veranderen.
goals-error-percent = Vul een getal van 0 tot 100 in, of laat het leeg.
goals-error-status = Kies de stand van zaken.
goals-error-note = De toelichting is te lang (hoogstens 2000 tekens) of bevat tekens die niet zijn toegestaan.
goals-error-progress-empty = Vul een percentage of een toelichting in, of kies een andere stand van zaken.
goals-error-no-team = Je hoort (nog) niet bij een team, dus je kunt dit doel niet voorstellen.
goals-error-already-proposed = Dit doel is al voorgesteld aan je team.
goals-error-stale = Dit doel is intussen ergens anders gewijzigd (misschien in een ander tabblad). Je tekst staat hieronder nog; sla opnieuw op om de nieuwere versie te vervangen, of annuleer.

## Portfolio links
portfolio-field-goal = Hoort bij doel
portfolio-field-round = Hoort bij feedbackronde
portfolio-link-none = Geen
error-link-goal = Kies een doel dat je kunt zien.
error-link-round = Kies een van je eigen feedbackrondes.

## Feedback sharing
feedback-shared-title = Met jou gedeeld
feedback-shared-line = { $name }: { $title }
feedback-shared-by = { $name } deelde dit resultaat met jou.
feedback-shared-yes = Je leidinggevende kan dit resultaat zien.
feedback-shared-no = Alleen jij ziet dit resultaat. Je kunt het delen met je leidinggevende of coach, bijvoorbeeld voor een ontwikkelgesprek.
feedback-share = Delen met mijn leidinggevende
feedback-share-stop = Niet meer delen
error-feedback-not-closed = Je kunt een resultaat pas delen als de ronde gesloten is.

## Check-ins (personal leadership)
nav-checkin = Check-in
checkin-title = Check-in
checkin-intro = Hoe gaat het met je werk? Een korte check-in helpt je zien wat je energie geeft en wat je energie kost. Je check-ins zijn van jou: alleen jij ziet ze, tenzij je zelf een samenvatting deelt.
checkin-settings-link = Ritme en delen instellen
checkin-no-settings = Kies een ritme, dan krijg je een herinnering per e-mail als je check-in eraan komt.
checkin-status-due = Je ritme is { $rhythm }. Je hebt deze periode nog niet ingecheckt.
checkin-status-done = Je ritme is { $rhythm }. Je hebt deze periode al ingecheckt.
checkin-sharing-none = Je deelt niets: alleen jij ziet je check-ins.
checkin-sharing-averages = Je leidinggevende ziet je gemiddelden van de laatste { $weeks } weken, zonder notities.
checkin-sharing-notes = Je leidinggevende ziet je gemiddelden en notities van de laatste { $weeks } weken.
checkin-now-title = Nu inchecken
checkin-replaces-today = Je hebt vandaag al ingecheckt. Als je opnieuw opslaat, vervang je die check-in.
checkin-note = Notitie
checkin-note-hint = Vrij veld, alleen voor jou (tenzij je notities deelt). Hoogstens 2000 tekens.
checkin-save = Check-in opslaan
checkin-saved = Je check-in is opgeslagen.
checkin-removed = De check-in is verwijderd.
checkin-energy = Energie
checkin-workload = Werkdruk
checkin-stress = Spanning
checkin-autonomy = Regie
checkin-learning = Leren
checkin-energy-question = Hoeveel energie had je de afgelopen tijd?
checkin-workload-question = Hoe was je werkdruk?
checkin-stress-question = Hoeveel spanning ervoer je?
checkin-autonomy-question = Hoeveel regie had je over je eigen werk?
checkin-learning-question = Hoeveel heb je geleerd?
checkin-energy-1 = heel weinig
checkin-energy-2 = weinig
checkin-energy-3 = gewoon
checkin-energy-4 = veel
checkin-energy-5 = heel veel
checkin-workload-1 = veel te laag
checkin-workload-2 = wat laag
checkin-workload-3 = goed
checkin-workload-4 = wat hoog
checkin-workload-5 = veel te hoog
checkin-stress-1 = geen
checkin-stress-2 = weinig
checkin-stress-3 = enige
checkin-stress-4 = veel
checkin-stress-5 = heel veel
checkin-autonomy-1 = heel weinig
checkin-autonomy-2 = weinig
checkin-autonomy-3 = redelijk
checkin-autonomy-4 = veel
checkin-autonomy-5 = heel veel
checkin-learning-1 = niets
checkin-learning-2 = weinig
checkin-learning-3 = iets
checkin-learning-4 = veel
checkin-learning-5 = heel veel
checkin-error-score = Kies een antwoord van 1 tot 5.
checkin-error-note = De notitie is te lang (hoogstens 2000 tekens) of bevat tekens die niet zijn toegestaan.
checkin-error-rhythm = Kies hoe vaak je wilt inchecken.
checkin-error-share = Kies wat je leidinggevende mag zien.
checkin-leadership-title = Persoonlijk leiderschap
checkin-leadership-intro = Drie vragen om af en toe bij stil te staan. Je antwoorden kun je in je portfolio vastleggen.
checkin-leadership-values = Waar sta ik voor? Schrijf het op bij je waarden.
checkin-leadership-talents = Wat is mijn talent? Leg het vast bij je talenten.
checkin-leadership-working-style = Van waaruit wil ik werken? Beschrijf het bij je manier van werken.
checkin-trend-title = Jouw verloop
checkin-window-label = Periode van het verloop
checkin-window = { $weeks } weken
checkin-empty = Je hebt in deze periode nog niet ingecheckt.
checkin-table-caption = Je check-ins van de laatste { $weeks } weken, nieuwste eerst (1 tot 5)
checkin-date = Datum
checkin-actions = Acties
checkin-remove = Verwijder check-in van { $date }
checkin-rhythm-weekly = wekelijks
checkin-rhythm-fortnightly = om de week
checkin-rhythm-monthly = maandelijks
checkin-settings-title = Check-in: ritme en delen
checkin-rhythm = Hoe vaak wil je inchecken?
checkin-reminders = Stuur me een herinnering per e-mail als mijn check-in eraan komt (een keer per periode)
checkin-share = Wat mag je leidinggevende zien?
checkin-share-hint = Je leidinggevende ziet alleen wat je hier kiest. HR en management zien nooit je eigen check-ins, alleen gemiddelden over groepen die groot genoeg zijn.
checkin-share-nothing = Niets (standaard)
checkin-share-weeks = Mijn gemiddelden van de laatste { $weeks } weken
checkin-share-notes = Ook mijn notities van die weken
checkin-settings-save = Opslaan
checkin-settings-saved = Je keuzes voor de check-in zijn opgeslagen.
checkin-cancel = Annuleren
checkin-team-title = Check-ins van je team
checkin-team-intro = Hier zie je alleen wat medewerkers zelf met je delen, en een teamgemiddelde als genoeg mensen hebben ingecheckt.
checkin-team-aggregate-title = Teamgemiddelde
checkin-team-aggregate = Gemiddelde van de laatste { $weeks } weken over { $people } mensen.
checkin-team-suppressed = Te weinig mensen hebben ingecheckt om een gemiddelde te tonen (minstens { $minimum }).
checkin-team-empty = Niemand in je team heeft de laatste { $weeks } weken ingecheckt.
checkin-team-shared-title = Met jou gedeeld
checkin-team-shared-none = Niemand deelt (nu) een samenvatting van de check-ins met je.
checkin-shared-summary = Gemiddelden van de laatste { $weeks } weken, { $count } check-ins.
checkin-team-averages-of = Gemiddelden van { $name }
checkin-team-notes = Gedeelde notities
checkin-organisation-title = Check-ins in de organisatie
checkin-organisation-intro = Gemiddelden per onderdeel en maand, over de mensen die direct in dat onderdeel werken. Een cel met minder dan { $minimum } mensen wordt niet getoond, net als een totaal waaruit zo'n kleine groep te herleiden is.
checkin-organisation-question = Kies de vraag
checkin-organisation-caption = { $question }: gemiddelde (1 tot 5) en aantal mensen
checkin-organisation-total = Hele organisatie
checkin-unit = Onderdeel
checkin-cell = { $mean } ({ $people } mensen)
checkin-cell-suppressed = verborgen
checkin-cell-empty = –
checkin-links-title = Meer overzichten
checkin-team-link = Check-ins van je team
checkin-organisation-link = Check-ins in de organisatie
mail-checkin-subject = Tijd voor je check-in
mail-checkin-body = Hallo,

    Het is tijd voor je check-in in Kleur. Het duurt een paar minuten en alleen jij ziet je antwoorden.

    { $link }

    Wil je een ander ritme of geen herinneringen meer? Kies het hier: { $settings }
