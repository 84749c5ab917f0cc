## Kleur — English texts

app-name = Kleur
app-tagline = Your development, your colour.
skip-to-content = Skip to content
nav-label = Main menu
nav-home = Home
nav-profile = My profile
nav-people = People and organisation
nav-units = Organisational units
nav-mail = Sent mail
nav-api = API
nav-logout = Sign out
nav-login = Sign in
language-label = Language
language-nl = Nederlands
language-en = English
language-switch = Change language
footer-text = Kleur is open source (EUPL-1.2). You decide who sees what.

## Sign in
login-title = Sign in to Kleur
login-intro = Sign in with your organisation's e-mail address and password.
login-email = E-mail address
login-password = Password
login-submit = Sign in
login-forgot = Forgot your password?
login-failed = The e-mail address or password is wrong.
login-rate-limited = Too many failed attempts. Wait { $minutes } minutes and try again, or ask for a new password.
logged-out = You have signed out.
logout-submit = Sign out

## Password reset
reset-request-title = Forgot your password
reset-request-intro = Enter your e-mail address. If we know it, we will send you a link to set a new password.
reset-request-submit = Send the link
reset-request-sent = If we know this e-mail address, an e-mail with a link is on its way. The link is valid for one hour.
reset-title = Set a new password
reset-password = New password
reset-password-hint = At least 10 characters. A sentence of a few words is strong and easy to remember.
reset-submit = Save password
reset-done = Your password has been changed. You can sign in now.
reset-invalid = This link is invalid, already used or expired. Ask for a new link.
mail-reset-subject = New password for Kleur
mail-reset-body = Hello,

    Someone (hopefully you) asked for a new password for Kleur.
    Set your new password with this link:

    { $link }

    The link is valid for { $minutes } minutes and works once. Did you not ask for this? Then you can ignore this e-mail.

## Form errors
error-summary-title = Something is not filled in correctly
error-email-invalid = Enter a valid e-mail address, such as name@organisation.nl.
error-email-taken = This e-mail address is already used in this organisation.
error-employee-number-taken = This employee number is already used.
error-name-required = Enter a name (at most 200 characters).
error-text-too-long = This text is too long.
error-unit-unknown = Choose an existing organisational unit.
error-manager-unknown = Choose an existing manager.
error-manager-self = A person cannot be their own manager.
error-manager-cycle = This manager reports to this person; that would make a circle.
error-password-short = The password must have at least 10 characters.
error-password-long = The password may have at most 512 characters.
error-reset-token = This link is invalid, already used or expired.
error-token-name = Give the key a name (at most 100 characters).
error-role-employee = Everyone is an employee; that role cannot be changed.
error-role-own-admin = You cannot revoke your own administrator role.
error-csrf = This form has expired or was not sent from Kleur. Reload the page and try again.
error-locale = Choose Nederlands or English.

## Error pages
error-400-title = This request is not right
error-400-text = Kleur could not process this request. Check what you entered and try again.
error-401-title = Sign in first
error-401-text = You need to be signed in for this page.
error-403-title = No access
error-403-text = You do not have access to this page. If you think this is wrong, contact your administrator.
error-404-title = Page not found
error-404-text = This page does not exist (any more), or you do not have access to it.
error-405-title = This action is not possible here
error-405-text = This page does not support this action.
error-413-title = Too large
error-413-text = What you sent is too large. Make the file or text smaller and try again.
error-415-title = Unknown format
error-415-text = Kleur cannot read this format.
error-422-title = This request is not right
error-422-text = Kleur could not process this request. Check what you entered and try again.
error-429-title = Please wait
error-429-text = Too many requests were made. Wait a moment and try again.
error-500-title = Something went wrong
error-500-text = Something went wrong on our side. Try again later. If it keeps happening, give this code to your administrator: { $request }.
error-back-home = Back to the home page

## Home
home-title = Welcome, { $name }
home-intro = Kleur is your place to steer your own development: show what you stand for, what your talents are and where you want to go.
home-next-title = What can you do now?
home-next-portfolio = Show what you stand for, what your talents are and where you want to go, and choose whom you share it with.
home-next-profile = See your profile and choose your language.
home-next-people = Manage people and organisational units, or import them from the HR system.
home-next-mail = See the e-mail Kleur sent.
home-next-api = Create an API key to connect Kleur to other systems.
home-coming-title = Coming soon in Kleur
home-coming-text = A talent directory to find colleagues by talent, a team map and help composing project teams, internal opportunities, check-ins and development conversations.
home-roles = Your roles: { $roles }
landing-title = Kleur
landing-intro = Professionals steer their own development; organisations see the talent they already have.
landing-login = Sign in

## Roles
role-employee = employee
role-manager = manager / team coach
role-hr_adviser = HR adviser
role-ambassador = ambassador
role-management = management team
role-administrator = administrator

## Profile
profile-title = My profile
profile-details = Details from the HR system
profile-name = Name
profile-email = E-mail address
profile-function = Function
profile-unit = Organisational unit
profile-manager = Manager
profile-roles = Roles
profile-none = Not filled in
profile-language-title = Language of Kleur
profile-language-save = Save language
profile-language-saved = Your language choice has been saved.
tokens-title = API keys
tokens-intro = With an API key another system can talk to Kleur on your behalf. Share the key with nobody.
tokens-name = Name of the key
tokens-create = Create key
tokens-created = Your new key is below. Copy it now: it is shown only once.
tokens-none = You have no API keys yet.
tokens-col-name = Name
tokens-col-created = Created
tokens-col-used = Last used
tokens-col-status = Status
tokens-never = never
tokens-active = active
tokens-revoked = revoked
tokens-revoke = Revoke
tokens-revoked-done = The key has been revoked.

## People and organisation (administration)
people-title = People
people-count = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
people-search = Search by name, e-mail or function
people-search-submit = Search
people-filter-unit = Organisational unit
people-filter-all = All units
people-empty = There are no people (yet) that match.
people-empty-import = Import people and units from the HR system with `kleur import`, or add someone.
people-col-name = Name
people-col-function = Function
people-col-unit = Unit
people-col-manager = Manager
people-add = Add person
people-new-title = Add person
people-edit-title = Change details
people-edit = Change
people-save = Save
people-saved = The details have been saved.
people-created = The person has been added.
people-employee-number = Employee number
people-no-unit = No unit
people-manager-email = E-mail address of another manager
people-manager-email-hint = Is the manager not in the list? Then enter their e-mail address.
people-no-manager = No manager
people-roles-title = Roles
people-role-fixed = always (everyone is an employee)
people-role-grant = Grant
people-role-revoke = Revoke
people-roles-saved = The roles have been updated.
people-login = Can sign in with a password
people-login-yes = yes
people-login-no = no (can set a password through "forgot your password")
table-scroll-label = Table (scroll sideways for more columns)
pagination-label = Pagination
pagination-previous = Previous
pagination-next = Next
pagination-status = Page { $page } of { $pages }
units-title = Organisational units
units-intro = The organisation as a tree, from organisation to team, with the number of people per unit.
units-empty = There are no organisational units yet. Import them with `kleur import`.
units-col-name = Unit
units-col-people = People
units-people-link = See people

## Sent mail
mail-title = Sent mail
mail-intro = All e-mail Kleur sent or still has to send for this organisation. Without SMTP settings (demo mode) e-mail is not really sent but kept here.
mail-empty = There is no e-mail yet.
mail-col-to = To
mail-col-subject = Subject
mail-col-created = Created
mail-col-status = Status
mail-status-sent = sent ({ $transport })
mail-status-pending = waiting to be sent
mail-status-failed = failed after { $attempts } attempts: { $error }
mail-back = Back to sent mail

## API documentation
api-title = Kleur API
api-intro = The JSON API lives under /api/v1. Authenticate with an API key in the header Authorization: Bearer <key>. Errors come back as problem+json (RFC 9457). Lists are paginated with page and per_page.
api-openapi-link = OpenAPI document (JSON)
api-col-method = Method
api-col-path = Path
api-col-summary = Summary

## API errors (problem+json)
problem-unauthorized = Send a valid API key in the header Authorization: Bearer <key>.
problem-forbidden = You do not have access to this data.
problem-not-found = Not found.
problem-invalid = The input is not valid.
problem-bad-request = The request could not be read.
problem-too-large = The request is too large.
problem-unsupported-media = Send JSON with Content-Type: application/json.
problem-method = This method is not allowed here.
problem-rate-limited = Too many requests.
problem-internal = Something went wrong on the server.

## Portfolio (IPP)
nav-portfolio = My portfolio
portfolio-title-own = My portfolio
portfolio-title-of = Portfolio of { $name }
portfolio-intro-owner = Your portfolio is yours. Everything you add is visible only to you at first; for each part you choose whom you share it with.
portfolio-intro-viewer = You see what { $name } shared with you.
portfolio-nothing-shared = Nothing has been shared with you (yet).
portfolio-section-empty = Nothing here yet.
portfolio-section-values = What I stand for
portfolio-section-talents = My talents
portfolio-section-core-qualities = Core qualities
portfolio-section-passions = Passions
portfolio-section-working-style = How I want to work
portfolio-section-ambitions = Ambitions and mobility
portfolio-section-results = Results and evidence
portfolio-section-reflections = Reflections
portfolio-hint-values = What do you stand for? Your values and your mission, in your own words.
portfolio-hint-talents = What do you do well and gladly? Describe a situation in which it showed.
portfolio-hint-core-qualities = A core quality with the pitfall, challenge and allergy of the core quadrant.
portfolio-hint-passions = What gives you energy?
portfolio-hint-working-style = How, and from where, do you like to work?
portfolio-hint-ambitions = Where do you want to grow, and what are you open to?
portfolio-hint-results = Results, certificates and testimonials, with a file if you like.
portfolio-hint-reflections = Your learning journal: what did you do, notice and learn?
portfolio-add-values = Add to: what I stand for
portfolio-add-talents = Add a talent
portfolio-add-core-qualities = Add a core quality
portfolio-add-passions = Add a passion
portfolio-add-working-style = Add to: how I want to work
portfolio-add-ambitions = Add an ambition
portfolio-add-results = Add a result
portfolio-add-reflections = Write a reflection
portfolio-edit-title = Change item
portfolio-edit = Change
portfolio-move-up = Up
portfolio-move-down = Down
portfolio-remove = Remove
portfolio-save = Save
portfolio-cancel = Cancel
portfolio-saved = Saved.
portfolio-removed = The item has been removed.
portfolio-undo = Undo
portfolio-restored = The item has been restored.
portfolio-remove-title = Remove item
portfolio-remove-question = Are you sure you want to remove "{ $title }"?
portfolio-remove-undo-hint = You can restore it for { $days } days afterwards.
portfolio-remove-confirm = Yes, remove
portfolio-field-title = Title
portfolio-field-talent = Talent
portfolio-field-quality = Core quality
portfolio-field-reflection-title = Subject
portfolio-field-body = Explanation
portfolio-field-reflection = What did I do, notice and learn?
portfolio-field-situation = Situation in which it showed
portfolio-field-result = What it achieved
portfolio-field-witness = Who saw it
portfolio-field-strength = How strongly I use it (1–5)
portfolio-field-enjoyment = How gladly I use it (1–5)
portfolio-rating = { $value } out of 5
portfolio-rating-hint = A number from 1 (little) to 5 (a lot); you may leave it empty.
portfolio-field-pitfall = Pitfall
portfolio-field-challenge = Challenge
portfolio-field-allergy = Allergy
portfolio-field-open-to = I am open to
portfolio-field-kind = Kind
portfolio-field-date = Date
portfolio-open-roles = another role
portfolio-open-units = another organisational unit
portfolio-open-projects = projects and assignments
portfolio-open-mentoring = mentoring
portfolio-kind-result = result
portfolio-kind-certificate = certificate
portfolio-kind-testimonial = testimonial
portfolio-catalogue-hint = Choose from your organisation's list or use your own words.
portfolio-suggest-quadrant = Suggest the core quadrant
portfolio-suggestion-found = The core quadrant has been filled in from the catalogue. Adjust it as you like and save.
portfolio-suggestion-none = This core quality is not in the catalogue. Fill in the quadrant yourself.
portfolio-visibility-legend = Who may see this?
visibility-private = Only me
visibility-manager = Me and my manager / coach
visibility-team = My team (and manager)
visibility-organisation = Everyone in the organisation
portfolio-files-title = Files
portfolio-file-label = Add a file
portfolio-file-hint = PDF, PNG or JPEG, at most 5 MB.
portfolio-file-upload = Upload file
portfolio-file-remove = Remove file
portfolio-views-link = Who looked at my portfolio?
portfolio-print-link = Print or save as PDF
portfolio-export-link = Download everything (JSON)
portfolio-import-link = Import a portfolio
portfolio-views-title = Who looked at my portfolio?
portfolio-views-intro = Every time someone else opens your portfolio, you see it here. They saw only what you shared with them.
portfolio-views-empty = Nobody has looked at your portfolio yet.
portfolio-views-col-who = Who
portfolio-views-col-when = When
portfolio-back = Back to my portfolio
error-section = Choose a part of the portfolio.
error-title-required = Fill this in (at most 200 characters).
error-text-control = This text contains characters that are not allowed.
error-rating = Choose a number from 1 to 5, or leave it empty.
error-open-to = Choose from the options given.
error-result-kind = Choose result, certificate or testimonial.
error-date = Enter a real date, such as 2026-11-24.
error-visibility = Choose who may see this.
error-catalogue-key = Choose a talent from the catalogue.
error-section-full = This part has reached the maximum of 100 items.
error-file-empty = Choose a file.
error-file-too-large = The file is larger than 5 MB.
error-file-type = Only PDF, PNG and JPEG files are allowed.
error-file-section = Files belong to results and evidence.
error-stale = This item was changed elsewhere in the meantime (perhaps in another tab). Your text is still below; save again to replace the newer version, or cancel.
error-409-title = Changed in the meantime
error-409-text = This was changed elsewhere in the meantime. Reload the page.
problem-conflict = This was changed in the meantime; fetch the latest version and try again.
portfolio-import-title = Import a portfolio
portfolio-import-failed = The import failed; nothing was added.
portfolio-import-intro = Choose a file you downloaded from Kleur before ("Download everything"). All items are added to your portfolio, with the same visibility.
portfolio-import-file = Export file (JSON)
portfolio-import-submit = Import
portfolio-import-not-export = This is not a Kleur portfolio export.
portfolio-import-problem = Item { $item }: { $problem }
portfolio-imported = Your portfolio has been imported.

## Catalogue

nav-catalogue = Talent catalogue
catalogue-title = Talent catalogue
catalogue-intro = The talents and core qualities employees choose from in their portfolio. A retired entry is no longer suggested; portfolios that already contain it stay as they are.
catalogue-add = Add an entry
catalogue-search = Search
catalogue-search-hint = By name or synonym, in Dutch or English.
catalogue-search-submit = Search
catalogue-filter-kind = Kind
catalogue-filter-all-kinds = All kinds
catalogue-filter-category = Category
catalogue-filter-all-categories = All categories
catalogue-filter-status = Status
catalogue-filter-all-statuses = Active and retired
catalogue-count = { $count ->
    [one] 1 entry
   *[other] { $count } entries
}
catalogue-empty = No entries match.
catalogue-col-name = Name
catalogue-col-kind = Kind
catalogue-col-category = Category
catalogue-col-status = Status
catalogue-col-actions = Actions
catalogue-edit = edit
catalogue-status-active = Active
catalogue-status-retired = Retired
catalogue-retire = Retire
catalogue-restore = Restore
catalogue-kind-talent = Talent
catalogue-kind-core-quality = Core quality
catalogue-created = The entry has been added to the catalogue.
catalogue-saved = The entry has been saved.
catalogue-retired = The entry has been retired. It is no longer suggested; existing portfolios do not change.
catalogue-restored = The entry has been restored and is suggested again.
catalogue-new-title = Add an entry to the catalogue
catalogue-edit-title = Edit { $name }
catalogue-edit-hint = The key never changes: portfolios refer to it.
catalogue-field-key = Key
catalogue-field-key-hint = Optional. Lower-case letters and digits with dashes, such as eye-for-detail. Left empty, it is made from the Dutch name. It cannot be changed later.
catalogue-field-kind = Kind
catalogue-field-category = Category
catalogue-field-name-nl = Name (Dutch)
catalogue-field-name-en = Name (English)
catalogue-field-description-nl = Description (Dutch)
catalogue-field-description-en = Description (English)
catalogue-field-synonyms-nl = Synonyms (Dutch)
catalogue-field-synonyms-en = Synonyms (English)
catalogue-field-synonyms-hint = Search words, separated by commas. They are stored in lower case.
catalogue-quadrant-legend = Core quadrant
catalogue-quadrant-hint = Only for a core quality: then fill in all six fields. Leave them empty for a talent.
catalogue-field-pitfall-nl = Pitfall (Dutch)
catalogue-field-challenge-nl = Challenge (Dutch)
catalogue-field-allergy-nl = Allergy (Dutch)
catalogue-field-pitfall-en = Pitfall (English)
catalogue-field-challenge-en = Challenge (English)
catalogue-field-allergy-en = Allergy (English)
catalogue-save = Save
catalogue-cancel = Cancel
catalogue-error-kind = Choose talent or core quality.
catalogue-error-key = Use lower-case letters and digits, words joined by a single dash, such as eye-for-detail.
catalogue-error-key-taken = This key is already in use (perhaps by a retired entry).
catalogue-error-category = Choose a category from the list.
catalogue-error-name-required = Enter a name.
catalogue-error-name-too-long = Use at most 80 characters.
catalogue-error-name-taken = Another entry already has this name (perhaps a retired one; restore it instead).
catalogue-error-description-required = Enter a description.
catalogue-error-description-too-long = Use at most 300 characters.
catalogue-error-control = This text contains characters that are not allowed.
catalogue-error-synonym = A synonym may have at most 80 characters.
catalogue-error-synonym-twice = A synonym is listed twice.
catalogue-error-synonyms-too-many = Use at most 20 synonyms per language.
catalogue-error-quadrant-required = A core quality needs a complete core quadrant.
catalogue-error-quadrant-field-required = Fill this in: a core quality needs all six fields of its core quadrant.
catalogue-error-quadrant-talent = A talent has no core quadrant. Empty these fields, or choose core quality.
catalogue-error-stale = Someone else changed this entry in the meantime. Your text is still below; save again to replace the newer version, or cancel.

## Feedback (360°)
nav-feedback = Feedback
feedback-title = 360° feedback
feedback-intro = Ask colleagues, your manager and people outside the organisation how they see your talents, and compare it with your own view. You start the round and you see the result. Colleagues' answers are anonymous.
feedback-start = Start a feedback round
feedback-requests-title = Requests to you
feedback-requests-empty = Nobody is waiting for feedback from you.
feedback-request-line = { $name } asks you for feedback: { $title }
feedback-rounds-title = My feedback rounds
feedback-rounds-empty = You have not started a feedback round yet.
feedback-col-title = Round
feedback-col-deadline = Closes on
feedback-col-status = Status
feedback-col-answered = Answered
feedback-status-open = Open
feedback-status-closed = Closed
feedback-new-title = Start a feedback round
feedback-new-intro = Choose whom you ask for feedback. Everyone gets a personal link by e-mail. You fill in the same questionnaire about yourself.
feedback-field-title = Name of the round
feedback-field-deadline = Closing date
feedback-field-deadline-hint = Until when can people answer? At most a year ahead.
feedback-field-peers = Colleagues (e-mail addresses)
feedback-field-addresses-hint = One e-mail address per line, or separated by commas. Only people in your organisation; at most 20.
feedback-field-direct-reports = People you manage (e-mail addresses)
feedback-field-externals = Clients or partners outside the organisation (e-mail addresses)
feedback-field-externals-hint = They answer without an account through a personal link. One e-mail address per line; at most 20.
feedback-field-manager = Also ask my manager (their answers are not anonymous; the invitation says so)
feedback-threshold-note = You see a group's answers only if at least { $count } people in that group answered. Smaller groups are merged or left out.
feedback-new-submit = Send invitations
feedback-deadline-line = closes on { $date }
feedback-progress-title = Who has answered
feedback-col-group = Group
feedback-col-invited = Invited
feedback-col-note = Note
feedback-below-threshold = Fewer than { $count } invited: these answers will be merged with another group or not shown.
feedback-open-note = You see the results when the round is closed: on the closing date, when everyone has answered, or earlier if you close it yourself.
feedback-deadline-change = Change the closing date
feedback-close = Close the round now
feedback-report-title = Result
feedback-report-intro = { $count ->
    [one] { $count } person gave you feedback.
   *[other] { $count } people gave you feedback.
}
feedback-report-threshold = Groups with fewer than { $count } answers were merged or left out, so nobody can be recognised.
feedback-col-mean = Average
feedback-col-respondents = Answers
feedback-group-all-others = All others
feedback-hidden-groups = A group had too few answers to be shown.
feedback-no-comments = No answers to this question.
feedback-back = Back to feedback
feedback-group-self = Myself
feedback-group-manager = Manager
feedback-group-peer = Colleagues
feedback-group-direct-report = Direct reports
feedback-group-external = Clients and partners
feedback-group-others = Others (merged)
feedback-agreement-over = On average you rate yourself higher than others do.
feedback-agreement-under = On average others see more in you than you do yourself.
feedback-agreement-in = On average your view of yourself matches that of others.
feedback-johari-blind-spot = Blind spot: others see this clearly less than you do
feedback-johari-hidden-strength = Hidden strength: others see this clearly more than you do
feedback-johari-open-strength = Known strength
feedback-johari-agreement = In agreement
feedback-answer-title = Give feedback
feedback-answer-heading = Feedback for { $name }
feedback-draft-saved = Your draft has been saved. You can continue later with the same link.
feedback-cannot-judge = Cannot judge
feedback-open-hint = Your answer is shown without your name, together with those of others.
feedback-submit = Send
feedback-save-draft = Save draft
feedback-final-note = After sending you can no longer change your answers.
feedback-point-1 = 1 (rarely)
feedback-point-max = { $value } (very often)
feedback-answer-intro-self = How do you see yourself? Your own answers are set beside those of others.
feedback-answer-intro-manager = You answer as the manager. Your answers are not anonymous: you are usually the only one in this group.
feedback-answer-intro-anonymous = Your answers are anonymous. They are shown only together with those of at least two others, and nobody, not even the administrator, can see what you answered.
feedback-link-unknown-title = This link does not work
feedback-link-unknown = This link is unknown or revoked. Check that you used the whole link from the e-mail.
feedback-link-expired-title = This link has expired
feedback-link-expired = The time to answer is over.
feedback-link-used-title = Already sent
feedback-link-used = You have already sent your feedback. Thank you!
feedback-link-closed-title = This round is closed
feedback-link-closed = Answers can no longer be given.
feedback-thanks-title = Thank you
feedback-thanks = Your feedback has been sent.
error-feedback-deadline = Choose a closing date after today and within a year.
error-feedback-too-many = Invite at most 20 people per group.
error-feedback-addresses = One of the e-mail addresses is not valid.
error-feedback-no-manager = Your details have no manager.
error-feedback-self = Your own address is not needed: you get an invitation anyway.
error-feedback-external-colleague = This address belongs to a colleague; put it with colleagues or direct reports.
error-feedback-unknown-colleague = One of these addresses does not belong to a colleague in your organisation. Put people from outside with clients and partners.
error-feedback-no-raters = Invite at least one person.
error-feedback-closed = This round is already closed.
error-feedback-rating = Choose a value on the scale or "cannot judge".
error-feedback-comment-long = An answer may have at most 2000 characters.
error-feedback-empty = Answer at least one question before sending.
mail-feedback-invite-subject = { $name } asks you for feedback
mail-feedback-invite-body = Hello,

    { $name } asks you for feedback ("{ $title }"). It takes about ten minutes.
    You can answer until { $deadline } through this personal link:

    { $link }

    Do not share the link: it is only for you and works once.
mail-feedback-self-body = Hello { $name },

    Your feedback round "{ $title }" has started. Fill in the questionnaire about yourself too, so you can set your own view beside that of others:

    { $link }

    The round closes on { $deadline }.

## Goals
nav-goals = Goals
home-next-goals = Set your own goals and show how they contribute to your team's and the organisation's goals.
goals-title = Goals
goals-intro = Here are your goals, your team's and the organisation's. Your personal goals are for you alone at first; for each goal you choose who may see it.
goals-cycle-nav = Choose a year
goals-cycle-link = Year { $cycle }
goals-cycle-current = You are looking at { $cycle }
goals-new-link = New goal
goals-proposals-title = Proposals from your team
goals-proposals-hint = A colleague proposes one of their own goals as a goal for the whole team. Open the proposal to accept or decline it.
goals-own-title = My goals
goals-own-empty = You have no goals for this year yet. What do you want to achieve or learn?
goals-team-title = Team goals
goals-team-title-of = Goals of { $unit }
goals-team-empty = Your team has no goals for this year yet.
goals-new-team-link = Add a team goal
goals-organisation-title = The organisation's goals for { $cycle }
goals-organisation-empty = There are no organisation goals for this year yet.
goals-new-organisation-link = Add an organisation goal
goals-shared-title = Shared by your team
goals-shared-hint = Goals that colleagues in your team, or the people you manage, share with you.
goals-pending-badge = Proposed to the team
goals-level-organisation = Organisation goal
goals-level-team = Team goal
goals-level-personal = Personal goal
goals-status-open = Not started
goals-status-on_track = On track
goals-status-at_risk = At risk
goals-status-achieved = Achieved
goals-status-stopped = Stopped
goals-event-created = Created by { $name }
goals-event-proposed = Proposed as a team goal by { $name }
goals-event-accepted = Accepted by { $name }: now a team goal
goals-event-declined = Declined as a team goal by { $name }
goals-percent = { $percent }%
goals-average = { $percent }% on average, according to the team goals
goals-chain-label = What this goal contributes to
goals-chain-title = This goal contributes to:
goals-field-level = Kind of goal
goals-field-cycle = Year
goals-field-unit = Team
goals-field-owner = Of
goals-field-status = Status
goals-field-progress = Progress
goals-no-progress = No progress reported yet
goals-field-visibility = Who may see this?
goals-pending-owner = You proposed this goal to your team. Your manager decides whether it becomes a team goal.
goals-pending-other = This goal was proposed as a team goal and is waiting for a decision.
goals-edit-link = Change goal
goals-progress-link = Update progress
goals-propose-link = Propose to my team
goals-decide-title = Proposal for the team
goals-decide-intro = { $name } proposes to make this a goal of the whole team. If you accept, it becomes a team goal everyone in the organisation can see.
goals-accept = Accept as a team goal
goals-decline-note = Explanation when declining (optional)
goals-decline = Decline
goals-contributions-title = Contributions
goals-aggregate = Average progress of the team goals: { $percent }% (over { $count ->
    [one] { $count } team goal
   *[other] { $count } team goals
}).
goals-aggregate-none = The team goals have not reported progress yet.
goals-visible-contributions = { $count ->
    [0] You see no goals that contribute to this yet.
    [one] You see { $count } goal that contributes to this.
   *[other] You see { $count } goals that contribute to this.
}
goals-contributions-empty = There are no goals here that you can see yet.
goals-contribute-link = Add a goal that contributes to this
goals-progress-title = Progress
goals-progress-empty = No progress has been reported yet.
goals-col-date = Date
goals-col-by = By
goals-col-note = Note
goals-history-title = History
goals-back = Back to goals
goals-new-title = New goal
goals-edit-title = Change goal
goals-form-hint = Make your goal concrete: what do you want to achieve, and how will you know you did?
goals-field-title = Goal
goals-title-hint = Short and concrete, at most 200 characters.
goals-field-description = Explanation
goals-cycle-hint = The year of the planning and budget cycle, for example 2026.
goals-unit-hint = Only for a team goal.
goals-field-parent = Contributes to
goals-parent-hint = Choose a goal of your team or of the organisation from the same year. You may leave this empty.
goals-parent-none = None
goals-parent-organisation = Organisation goals
goals-parent-team = Team goals
goals-visibility-legend = Who may see this goal?
goals-visibility-hint = Only for a personal goal. Everyone in the organisation sees team and organisation goals.
goals-save = Save
goals-cancel = Cancel
goals-progress-form-title = Update progress
goals-field-percent = How far are you (0–100%)
goals-percent-hint = A number from 0 to 100. You may leave it empty if you only want to report a milestone or remark.
goals-field-note = Milestone or explanation
goals-note-hint = What happened or was achieved? At most 2000 characters.
goals-progress-save = Save progress
goals-propose-title = Propose to my team
goals-propose-question = Do you want to propose "{ $title }" as a goal for your whole team?
goals-propose-team = Your team: { $unit }
goals-propose-consent = Your manager sees the proposal and decides. If it is accepted, it becomes a shared team goal that everyone in the organisation can see, with your name on it. You agree to that by pressing the button.
goals-propose-confirm = Yes, propose to my team
goals-saved = The goal has been saved.
goals-progress-saved = The progress has been saved.
goals-proposed = Your proposal has been sent to your team.
goals-accepted = The proposal was accepted. It is now a team goal.
goals-declined = The proposal was declined. The goal stays a personal goal.
goals-error-level = Choose what kind of goal it is: personal, team or organisation.
goals-error-cycle = Fill in a year, such as 2026.
goals-error-title = Fill in the goal, on one line and at most 200 characters.
goals-error-description = The explanation is too long (at most 5000 characters) or contains characters that are not allowed.
goals-error-visibility = Choose who may see this goal.
goals-error-unit = Choose an existing team.
goals-error-parent = Choose a goal this goal can contribute to: a team or organisation goal one level up.
goals-error-parent-cycle = The goal you contribute to belongs to another year. Choose a goal from the same year.
goals-error-cycle-children = Other goals contribute to this goal, so its year can no longer change.
goals-error-percent = Fill in a number from 0 to 100, or leave it empty.
goals-error-status = Choose the status.
goals-error-note = The explanation is too long (at most 2000 characters) or contains characters that are not allowed.
goals-error-progress-empty = Fill in a percentage or an explanation, or choose another status.
goals-error-no-team = You do not belong to a team (yet), so you cannot propose this goal.
goals-error-already-proposed = This goal has already been proposed to your team.
goals-error-stale = This goal was changed elsewhere in the meantime (perhaps in another tab). Your text is still below; save again to replace the newer version, or cancel.

## Portfolio links
portfolio-field-goal = Belongs to goal
portfolio-field-round = Belongs to feedback round
portfolio-link-none = None
error-link-goal = Choose a goal you can see.
error-link-round = Choose one of your own feedback rounds.

## Feedback sharing
feedback-shared-title = Shared with you
feedback-shared-line = { $name }: { $title }
feedback-shared-by = { $name } shared this result with you.
feedback-shared-yes = Your manager can see this result.
feedback-shared-no = Only you see this result. You can share it with your manager or coach, for example for a development conversation.
feedback-share = Share with my manager
feedback-share-stop = Stop sharing
error-feedback-not-closed = You can share a result only once the round is closed.

## Internal mobility (kansen, matching, interest, shortlist, availability)
nav-mobility = Opportunities
mobility-title = Internal opportunities
mobility-intro = Projects, assignments, temporary roles, vacancies, job rotation, mentoring and shadowing inside the organisation.
mobility-for-me-link = Opportunities that fit me
mobility-availability-link = My availability for opportunities and project teams
mobility-new-link = Post an opportunity
mobility-managed-title = Managed by you
mobility-open-title = Open opportunities
mobility-filter-label = Filter opportunities
mobility-filter-search = Search title, description and location
mobility-filter-all = All
mobility-filter-talent = Talent asked for
mobility-filter-submit = Filter
mobility-filter-reset = Clear filters
mobility-count = { $count ->
    [one] 1 open opportunity
   *[other] { $count } open opportunities
}
mobility-empty = There are no open opportunities right now.
mobility-empty-filtered = No open opportunities match these filters.
mobility-closes = respond until { $date }
mobility-hours = { $hours } hours a week
mobility-months = { $months ->
    [one] 1 month
   *[other] { $months } months
}
mobility-open-ended = Open-ended
mobility-start-asap = As soon as possible
mobility-none = None
mobility-back = Back to all opportunities
mobility-back-to-opportunity = Back to the opportunity
mobility-back-to-portfolio = Back to my portfolio
mobility-kind-project = Project
mobility-kind-assignment = Assignment
mobility-kind-temporary_role = Temporary role
mobility-kind-vacancy = Vacancy
mobility-kind-job_rotation = Job rotation
mobility-kind-mentoring = Mentoring
mobility-kind-shadowing = Shadowing
mobility-status-draft = Draft
mobility-status-published = Published
mobility-status-closed = Closed
mobility-status-filled = Filled
mobility-field-kind = Kind
mobility-field-title = Title
mobility-field-description = Description
mobility-field-hours = Hours per week
mobility-field-duration = Duration
mobility-field-duration-months = Duration in months
mobility-field-unit = Organisational unit
mobility-field-location = Location
mobility-field-start = Start date
mobility-field-closing = Responses until
mobility-field-status = Status
mobility-field-poster = Posted by
mobility-field-required = Required talents
mobility-field-nice = Nice-to-have talents
mobility-field-motivation = Short motivation
mobility-field-inform-manager = Let my manager know I am interested
mobility-field-outcome = How did it end?
mobility-field-outcome-person = Who got the opportunity?
mobility-field-note = Note
mobility-form-hint = A new opportunity is saved as a draft first. Only you and HR see it until you publish it.
mobility-hours-hint = Whole hours, 1 to 60.
mobility-duration-hint = Leave empty when open-ended, as for a vacancy.
mobility-date-hint = For example 2026-12-31.
mobility-start-hint = Leave empty for as soon as possible. Not before the closing date.
mobility-talents-hint = Choose from the talent catalogue, at most 10. Hold Ctrl (or Cmd) to choose more than one.
mobility-unit-none = No specific unit
mobility-new-title = Post an opportunity
mobility-edit-title = Change opportunity
mobility-save = Save
mobility-cancel = Cancel
mobility-saved = The opportunity has been saved.
mobility-published = The opportunity is published. Everyone in the organisation can see it now.
mobility-manage-title = Manage
mobility-interested-count = { $count ->
    [one] 1 person is interested.
   *[other] { $count } people are interested.
}
mobility-shortlist-link = View candidates
mobility-edit-link = Change
mobility-draft-hint = This is a draft. Once published, everyone in the organisation sees the opportunity.
mobility-publish = Publish
mobility-my-fit-title = How this opportunity fits you
mobility-fit-basis = Matching only looks at portfolio items you share with the whole organisation (talents, core qualities and ambitions) and at your availability. Private and narrowly shared items never count.
mobility-score = Match: { $score } out of 100
mobility-reason-matched = Matching talents: { $talents }
mobility-reason-none-matched = None of the talents asked for is (shared) in your portfolio.
mobility-reason-ambitions = Fits your ambition: { $ambitions }
mobility-reason-missing = Still missing: { $talents }
mobility-reason-develop = You could develop: { $talents }
mobility-reason-time-fits = Your hours and start date fit.
mobility-reason-hours-short = You have fewer hours available than asked.
mobility-reason-date-late = You are only available after the start date.
mobility-interest-title = Interest
mobility-you-are-interested = You have expressed interest.
mobility-withdraw = Withdraw interest
mobility-motivation-hint = Why does this opportunity appeal to you? At most 1000 characters.
mobility-express-interest = Express interest
mobility-interest-closed = This opportunity is not (or no longer) open for responses.
mobility-interest-saved = Your interest has been passed on.
mobility-withdrawn = Your interest has been withdrawn.
mobility-for-me-title = Opportunities that fit me
mobility-for-me-intro = Open opportunities, best fit first, with why they fit.
mobility-for-me-not-opted-in = You see opportunities that fit you here once you say you are open to opportunities.
mobility-shortlist-title = Candidates: { $title }
mobility-shortlist-intro = Only you as the poster and HR see this list.
mobility-interested-title = Interested
mobility-interested-empty = Nobody has expressed interest yet.
mobility-motivation-quote = Motivation: { $text }
mobility-invited-title = Invited
mobility-suggested-title = Suggested
mobility-suggested-hint = Colleagues who want to be found for opportunities and who have a talent or ambition that fits.
mobility-suggested-empty = There are no fitting colleagues open to opportunities.
mobility-invite = Invite to respond
mobility-invited = Invited
mobility-invited-done = Invitation sent.
mobility-outcome-title = Finish
mobility-outcome-filled = Filled
mobility-outcome-closed = Closed without filling
mobility-outcome-nobody = Do not record
mobility-outcome-save = Record outcome
mobility-outcome-saved = The outcome has been recorded.
mobility-availability-title = Availability for opportunities and project teams
mobility-availability-intro = You decide whether you can be found. As long as you tick nothing, nobody sees you as available.
mobility-availability-legend = I am open to
mobility-availability-opportunities = Internal opportunities
mobility-availability-opportunities-hint = You see opportunities that fit you, and whoever posts one may be shown you as a suggestion, based on what you share with the whole organisation.
mobility-availability-teams = Project teams
mobility-availability-teams-hint = You can be proposed for a project team and show as available in the directory.
mobility-availability-hours = Hours a week available
mobility-availability-hours-hint = Leave empty if you prefer not to say. At most 60.
mobility-availability-from = Available from
mobility-availability-from-hint = Leave empty for now. For example 2026-12-01.
mobility-availability-saved = Your availability has been saved.
mobility-error-kind = Choose a kind of opportunity.
mobility-error-hours-missing = Fill in the hours per week.
mobility-error-hours-number = Fill in a whole number of hours, at least 1.
mobility-error-hours-week = A week has only 168 hours; fill in fewer hours.
mobility-error-hours-sensible = More than 60 hours a week is not feasible; fill in at most 60.
mobility-error-duration = Fill in a duration of 1 to 60 months, or leave it empty.
mobility-error-closing-missing = Fill in the closing date.
mobility-error-closing-past = The closing date is in the past.
mobility-error-start-before-closing = The start date is before the closing date.
mobility-error-talent = Choose talents from the talent catalogue.
mobility-error-talents-many = Choose at most 10 talents per list.
mobility-error-ended = This opportunity has already ended.
mobility-error-not-draft = Only a draft can be published.
mobility-error-outcome = Choose whether the opportunity was filled or closed.
mobility-error-outcome-person = Choose someone who was interested or invited, and only when filled.
mobility-error-not-open = This opportunity is not (or no longer) open for responses.
mobility-error-own = You cannot express interest in your own opportunity.
mobility-error-motivation = Write a short motivation (at most 1000 characters).
mail-mobility-interest-subject = Interest in your opportunity: { $title }
mail-mobility-interest-body = { $name } is interested in "{ $title }".

    Motivation: { $motivation }

    See the candidates: { $link }
mail-mobility-manager-subject = { $name } is interested in an internal opportunity
mail-mobility-manager-body = { $name } wanted you to know: they are interested in the opportunity "{ $title }".

    See the opportunity: { $link }
mail-mobility-invite-subject = Invitation to respond: { $title }
mail-mobility-invite-body = { $name } invites you to respond to the opportunity "{ $title }". You received this invitation because you said you are open to opportunities.

    See the opportunity: { $link }
mail-mobility-outcome-subject = Finished: { $title }
mail-mobility-filled-body = The opportunity "{ $title }" you were interested in has been filled. Thank you for your interest.

    { $link }
mail-mobility-closed-body = The opportunity "{ $title }" you were interested in was closed without being filled. Thank you for your interest.

    { $link }
## Team builder and organisation insight (issue 6, builder)
nav-team-builder = Build a team
nav-insight = Insight
team-title = Build a team
team-intro = Say which talents the project team needs. Kleur proposes a team that covers them as well and as complementarily as possible. Only colleagues who said they are open to project teams take part, and only with what they share with you.
team-requirements = Required talents
team-requirements-hint = Weight: 1 is nice to have, 5 is essential. Level: the lowest self-rating (1–5) that counts; a talent without a rating counts as 3.
team-col-talent = Talent or core quality
team-col-weight = Weight
team-col-level = Minimum level
team-talent-label = Talent { $number }
team-weight-label = Weight of talent { $number }
team-level-label = Minimum level of talent { $number }
team-talent-none = (none)
team-size = Team members
team-max-per-unit = At most this many people from one unit
team-max-per-unit-hint = Leave empty if it does not matter.
team-only-available = Only people who are available now
team-include = Must be in the team
team-exclude = Must not be in the team
team-multiple-hint = Hold Ctrl (or Cmd) to choose more people.
team-no-candidates = Nobody has said yet that they are open to project teams.
team-submit = Propose a team
team-proposal = Proposal
team-summary = Chosen from { $count } available colleagues. The team covers { $percent }% of the requested weight.
team-exact = This is the best possible team for the stated needs.
team-heuristic = Found with a fast method that almost always finds the best team.
team-included = At your request
team-brings-unique = Brings { $talents }, which nobody else in the proposal has.
team-brings-shared = Also strengthens { $talents }.
team-brings-nothing = Covers none of the required talents, but completes the team.
team-replacement = Alternative: { $name } (the team then scores { $percent }% of this proposal).
team-coverage = Coverage per talent
team-col-covered-by = Team members
team-gap = Not covered
team-alternative = A different team
team-alternative-text = With other people: { $names } (scores { $percent }% of this proposal).
team-error-talent = Choose a talent from the catalogue.
team-error-duplicate = This talent is already listed; choose it only once.
team-error-weight-level = Choose a weight and level from 1 to 5.
team-error-no-talents = Choose at least one talent.
team-error-size = Choose a team size from 1 to 12.
team-error-max-per-unit = Enter a number from 1 to 12, or leave it empty.
team-error-unknown-person = Someone you chose is not (or no longer) open to project teams.
team-error-included-and-excluded = You chose someone both to be and not to be in the team.
team-error-too-many-included = More people must be in the team than the team size.
team-error-included-unit = The people who must be in the team together exceed the maximum per unit.
team-error-too-few = There are too few available people for a team of this size with these needs.
insight-title = Talent insight
insight-intro = Which talents and core qualities the organisation has, per unit. Only what people share with the whole organisation counts.
insight-threshold = Counts below { $threshold } are not shown, nor anything they could be worked out from, so nobody can be recognised.
insight-category = Domain
insight-all-categories = All domains
insight-show = Show
insight-heatmap = Heatmap
insight-heatmap-title = People per unit and domain
insight-heatmap-title-category = People per unit in { $category }
insight-legend = The darker the square, the more people. Hatched squares are hidden because the group is too small. The table below has the same numbers.
insight-table = The same numbers as a table
insight-col-unit = Unit
insight-col-category = Domain
insight-total = Total
insight-suppressed = Hidden: fewer than { $threshold } people, or could be worked out
insight-total-hidden = Hidden total: otherwise a hidden square could be worked out
insight-no-unit = No unit
insight-table-note = Totals add up the squares: someone who shares qualities in two domains counts twice in the row total.
insight-trend = Development per quarter
insight-trend-intro = How many people shared a talent or quality in this domain with the organisation at the end of each quarter.
## Talent directory and team talent map
nav-directory = Find talents
directory-title = Find talents
directory-intro = Find colleagues by talent, core quality, passion, experience or free text. You only see what colleagues shared with you.
directory-query = Search words
directory-query-hint = For example: analysing, collaboration, coaching environment act. Every word must match.
directory-section = Search in
directory-section-all = Everything shared
directory-unit = Unit (including the units below it)
directory-unit-all = The whole organisation
directory-available = Only people open to project teams
directory-submit = Search
directory-map-link = View a team's talent map
directory-results = Results
directory-count = { $count ->
    [one] 1 colleague found
   *[other] { $count } colleagues found
}
directory-expanded = Also searched for: { $names }.
directory-empty = Nobody found. Try another word or fewer filters.
directory-badge-available = Available for project teams
directory-hours = { $hours } hours a week
directory-from = from { $date }
directory-why = Why this colleague:
directory-strength = strength { $level } of 5
directory-choose = Choose { $name } for the talent map
directory-map-chosen = Talent map of the chosen colleagues
directory-error-unit = Choose a unit from the list.
directory-error-too-many = Choose at most 60 colleagues for a talent map.
directory-map-title = Talent map
directory-map-intro = Which talents and core qualities a team has, how strongly, in how many people, and what is still missing. Built from what colleagues shared with you.
directory-map-unit = Team or unit
directory-map-my-unit = My own team
directory-map-sub-units = Including the units below it
directory-map-show = Show map
directory-map-reports = People I manage
directory-map-back = Back to finding talents
directory-map-chosen-title = Chosen colleagues
directory-map-count = { $count ->
    [one] 1 person on the map.
   *[other] { $count } people on the map.
}
directory-map-cut = The selection has { $total } people; the map shows the first 60 by name. Choose a smaller unit.
directory-map-empty = There is nobody in this selection (yet).
directory-map-nothing-shared = Nobody in this selection shared talents from the catalogue with you.
directory-map-gaps = What the team needs and still lacks
directory-map-min-level = at least level { $level }
directory-map-heatmap = Heatmap: people and talents
directory-map-heatmap-desc = One row per person, one column per talent. The darker the square, the stronger the person rates the talent themselves (1 to 5); a tick means shared without a rating. The tables below hold the same data.
directory-map-coverage = Coverage per talent
directory-map-coverage-caption = Per talent: how many people share it, the highest and average rating, and whether the team needs it
directory-map-col-talent = Talent
directory-map-col-kind = Kind
directory-map-col-holders = People
directory-map-col-best = Highest
directory-map-col-average = Average
directory-map-col-needed = Needed
directory-map-col-person = Person
directory-map-gap = Missing
directory-map-gap-short = missing
directory-map-covered = Present
directory-map-table = The heatmap as a table
directory-map-table-caption = Per person and talent: their own rating (1 to 5), or "shared" without a rating
directory-map-shared = shared
directory-map-not-shared = not shared
directory-kind-talent = Talent
directory-kind-core-quality = Core quality
directory-needs-title = What this team needs
directory-needs-intro = Record which talents the team needs, with a minimum level if you like. The map then shows what is missing.
directory-needs-remove = { $name } no longer needed
directory-needs-talent = Talent or core quality
directory-needs-level = Minimum level
directory-needs-any-level = Any level
directory-needs-add = Add
directory-needs-saved = The talents the team needs have been updated.
## Feedback: questionnaires, group limits, reminders, revoking, manager proposals
nav-questionnaires = Questionnaires
questionnaires-title = Feedback questionnaires
questionnaires-intro = Build questionnaires from the talent catalogue and assign them to a function, a team or a unit. Whoever starts a feedback round gets the questionnaire that fits them most specifically (function, then team, then unit), otherwise the basic questionnaire.
questionnaires-add = New questionnaire
questionnaires-col-name = Name
questionnaires-col-version = Version
questionnaires-col-ratings = Rating questions
questionnaires-col-open = Open questions
questionnaires-col-assigned = Assigned to
questionnaires-default = Everyone without another assignment
questionnaires-not-assigned = Not assigned yet (can still be chosen when starting a round)
questionnaires-back = Back to the questionnaires
questionnaire-created = The questionnaire was created.
questionnaire-saved = The change was saved as a new version. Rounds already running keep their version.
questionnaire-assigned = The questionnaire was assigned.
questionnaire-unassigned = The assignment was withdrawn.
questionnaire-new-title = New questionnaire
questionnaire-edit-title = Change questionnaire
questionnaire-edit = Change
questionnaire-form-intro = Rating questions are about talents from the catalogue. Raters answer on the scale, or choose "cannot judge". Write open questions in Dutch and English.
questionnaire-field-name-nl = Name (Dutch)
questionnaire-field-name-en = Name (English)
questionnaire-field-scale = Scale
questionnaire-field-scale-hint = 1 is "not at all", the highest point is "to a great extent"; "cannot judge" is always offered.
questionnaire-scale-option = 1 to { $count }
questionnaire-current-legend = Questions of the current version (untick to remove)
questionnaire-talents-legend = Talents from the catalogue to ask about
questionnaire-talents-hint = Each ticked talent becomes a rating question with the name and description from the catalogue.
questionnaire-open-legend = Add open questions
questionnaire-open-hint = Fill in both languages, or leave both empty.
questionnaire-field-open-nl = Open question { $number } (Dutch)
questionnaire-field-open-en = Open question { $number } (English)
questionnaire-save = Save
questionnaire-earlier-versions = Earlier versions
questionnaire-version-hint = Every change becomes a new version. A round keeps the version it started with.
questionnaire-items-title = Questions
questionnaire-kind-rating = rating
questionnaire-kind-open = open question
questionnaire-assigned-title = Assigned to
questionnaire-assigned-intro = One questionnaire applies per function, team or unit. A new assignment replaces the previous one for the same function, team or unit.
questionnaire-unassign = Withdraw
questionnaire-assign = Assign
questionnaire-assign-function = To a function
questionnaire-assign-team = To a team (by manager)
questionnaire-assign-unit = To a unit (and the units below it)
questionnaire-target-function = Function: { $name }
questionnaire-target-team = Team of { $name }
questionnaire-target-unit = Unit: { $name }
error-questionnaire-name = Enter a name (at most 200 characters).
error-questionnaire-scale = Choose a scale from the list.
error-questionnaire-unknown-item = One of the questions no longer exists in this questionnaire. Reload the page.
error-questionnaire-unknown-talent = Choose talents from the catalogue.
error-questionnaire-open-both = Fill in the open question in both languages, or leave both empty.
error-questionnaire-question-long = A question can be at most 500 characters long.
error-questionnaire-no-ratings = Choose at least one talent to ask about.
error-questionnaire-too-many = A questionnaire has at most 60 questions.
error-questionnaire-target = Choose an existing function, team or unit.
feedback-settings-title = Feedback settings
feedback-settings-manager-on = Managers can propose a feedback round for someone in their team. The employee decides: nothing is sent without their consent, and the round stays theirs.
feedback-settings-manager-off = Only employees themselves start a feedback round. You can allow managers to propose a round; the employee must accept it first.
feedback-settings-manager-turn-on = Allow proposals by managers
feedback-settings-manager-turn-off = Turn off proposals by managers
feedback-settings-saved = The setting was saved.
feedback-field-questionnaire = Questionnaire
feedback-field-questionnaire-hint = The questionnaire chosen for your function, team or unit is already selected.
error-feedback-questionnaire = Choose one of the questionnaires.
feedback-group-limits = You can invite at most { $max } people per group.
feedback-small-group-title = A group is too small to stay anonymous
feedback-small-group-merged = In at least one group (colleagues, direct reports or externals) you invite fewer people than the threshold. Their answers are not shown separately but merged with the other small groups into "others". Invite more people, or start anyway.
feedback-small-group-hidden = In at least one group (colleagues, direct reports or externals) you invite fewer people than the threshold, and even together with the other small groups they do not reach it. Their ratings are then not shown at all (open answers are, without names). Invite more people, or start anyway.
feedback-small-group-confirm = I understand and start the round anyway
feedback-link-revoked-title = This invitation was withdrawn
feedback-link-revoked = The person who asked you for feedback withdrew this invitation. You do not need to do anything; any draft you saved will not be used.
feedback-invitees-title = Invited
feedback-invitees-intro = You see whom you invited, not who has already answered. You can withdraw an invitation as long as that person has not answered; the link then stops working at once.
feedback-invitee-revoked = withdrawn
feedback-revoke = Withdraw
feedback-revoked = The invitation was withdrawn. The link no longer works.
error-feedback-cannot-revoke = This invitation can no longer be withdrawn: that person has already answered, or it was already withdrawn.
feedback-remind-title = Reminder
feedback-remind-intro = Kleur itself sends a reminder three days and one day before the closing date to everyone who has not answered. You can also send one reminder now. Every reminder contains a new link; the link from an earlier e-mail then stops working.
feedback-remind = Send a reminder now
feedback-remind-done = You already sent a reminder for this round.
feedback-reminded = The reminder goes to everyone who has not answered yet.
error-feedback-reminded = You already sent a reminder for this round.
feedback-manage-title = Closing date and closing
mail-feedback-reminder-subject = Reminder: { $name } asks for your feedback
mail-feedback-reminder-body = Hello,

    This is a reminder: { $name } asks for your feedback ("{ $title }"). You can answer until and including { $deadline } through this new personal link:

    { $link }

    The link from the earlier e-mail no longer works; a draft you saved is still there.
feedback-propose = Propose a round for your team
feedback-propose-title = Propose a feedback round
feedback-propose-intro = You propose a feedback round to someone in your team. Nothing goes to raters before that employee accepts the proposal; they can still change or decline it. The round and its report stay the employee's: you see the report only if they share it with you.
feedback-field-subject = For whom
feedback-propose-manager = Invite me as manager
feedback-propose-submit = Send proposal
feedback-proposal-sent = Your proposal is waiting for your employee. Nothing goes to raters before they accept it.
feedback-proposals-title = Proposed by your manager
feedback-proposal-line = { $name } proposes: { $title }
feedback-proposed-title = Your proposals
feedback-proposed-line = { $name }: { $title } ({ $status })
feedback-proposal-waiting = waiting for an answer
feedback-proposal-accepted = accepted
feedback-proposal-declined = declined
feedback-proposal-intro = { $name } proposes this feedback round for you. Nobody has been invited yet.
feedback-proposal-yes = invite
feedback-proposal-no = do not invite
feedback-proposal-consent = If you accept, the round becomes yours: only you see the report, unless you share it. Only then do the invitations go out. You can also decline the proposal; then nothing happens.
feedback-proposal-accept = Accept and send the invitations
feedback-proposal-decline = Decline
feedback-proposal-declined-notice = You declined the proposal. Nobody was invited.
feedback-proposal-review = This is your manager's proposal. Change what you want and start the round; only then do the invitations go out.
error-feedback-not-your-team = Choose someone from your own team.
mail-feedback-proposal-subject = { $name } proposes a feedback round
mail-feedback-proposal-body = Hello,

    { $name } proposes a feedback round for you ("{ $title }"). Nobody has been invited yet: you decide whether the round goes ahead.

    { $link }
feedback-hr-link = Results per unit
feedback-hr-title = Feedback per unit
feedback-hr-intro = Averages per question over closed feedback rounds, per unit of the employee. A question is listed only when rounds of at least { $count } different employees and at least { $count } ratings by others contribute. You never see a round, a name or a single answer.
feedback-hr-empty = There is no unit yet with closed rounds of at least { $count } different employees.
feedback-hr-col-item = Question
feedback-hr-col-people = Employees
feedback-hr-col-ratings = Ratings by others
feedback-hr-col-others = Average of others
feedback-hr-col-self = Average self-view
feedback-hr-too-few = too few
feedback-trend-title = Over time
feedback-trend-intro = Your own view (dashed line) and that of all others (solid line) in your earlier closed rounds, per question asked more than once.
feedback-trend-col-round = Round
feedback-trend-col-date = Closed
feedback-trend-none = not shown
feedback-insight-talent = Add as a talent to my portfolio
feedback-insight-goal = Make it a goal
feedback-insight-note = From feedback round "{ $title }": my own view { $own }, all others { $others }.
insight-direct = { $unit } (itself)
insight-up = One level up
insight-drill-hint = Each row counts everyone in that unit and the units below it. Choose a unit in the table to see the units within it.
