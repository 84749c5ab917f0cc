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

## Check-ins (personal leadership)
nav-checkin = Check-in
checkin-title = Check-in
checkin-intro = How is work going? A short check-in helps you see what gives you energy and what costs it. Your check-ins are yours: only you see them, unless you share a summary yourself.
checkin-settings-link = Set rhythm and sharing
checkin-no-settings = Choose a rhythm and you will get an e-mail reminder when your check-in is due.
checkin-status-due = Your rhythm is { $rhythm }. You have not checked in this period yet.
checkin-status-done = Your rhythm is { $rhythm }. You have already checked in this period.
checkin-sharing-none = You share nothing: only you see your check-ins.
checkin-sharing-averages = Your manager sees your averages of the last { $weeks } weeks, without notes.
checkin-sharing-notes = Your manager sees your averages and notes of the last { $weeks } weeks.
checkin-now-title = Check in now
checkin-replaces-today = You already checked in today. Saving again replaces that check-in.
checkin-note = Note
checkin-note-hint = Free text, only for you (unless you share notes). At most 2000 characters.
checkin-save = Save check-in
checkin-saved = Your check-in has been saved.
checkin-removed = The check-in has been deleted.
checkin-energy = Energy
checkin-workload = Workload
checkin-stress = Stress
checkin-autonomy = Autonomy
checkin-learning = Learning
checkin-energy-question = How much energy did you have lately?
checkin-workload-question = How was your workload?
checkin-stress-question = How much stress did you feel?
checkin-autonomy-question = How much say did you have over your own work?
checkin-learning-question = How much did you learn?
checkin-energy-1 = very little
checkin-energy-2 = little
checkin-energy-3 = normal
checkin-energy-4 = a lot
checkin-energy-5 = very much
checkin-workload-1 = far too low
checkin-workload-2 = a bit low
checkin-workload-3 = right
checkin-workload-4 = a bit high
checkin-workload-5 = far too high
checkin-stress-1 = none
checkin-stress-2 = little
checkin-stress-3 = some
checkin-stress-4 = a lot
checkin-stress-5 = very much
checkin-autonomy-1 = very little
checkin-autonomy-2 = little
checkin-autonomy-3 = fair
checkin-autonomy-4 = a lot
checkin-autonomy-5 = very much
checkin-learning-1 = nothing
checkin-learning-2 = little
checkin-learning-3 = something
checkin-learning-4 = a lot
checkin-learning-5 = very much
checkin-error-score = Choose an answer from 1 to 5.
checkin-error-note = The note is too long (at most 2000 characters) or contains characters that are not allowed.
checkin-error-rhythm = Choose how often you want to check in.
checkin-error-share = Choose what your manager may see.
checkin-leadership-title = Personal leadership
checkin-leadership-intro = Three questions to pause on now and then. You can record your answers in your portfolio.
checkin-leadership-values = What do I stand for? Write it down with your values.
checkin-leadership-talents = What is my talent? Record it with your talents.
checkin-leadership-working-style = From where do I want to work? Describe it with your way of working.
checkin-trend-title = Your trend
checkin-window-label = Period of the trend
checkin-window = { $weeks } weeks
checkin-empty = You have not checked in during this period yet.
checkin-table-caption = Your check-ins of the last { $weeks } weeks, newest first (1 to 5)
checkin-date = Date
checkin-actions = Actions
checkin-remove = Delete check-in of { $date }
checkin-rhythm-weekly = weekly
checkin-rhythm-fortnightly = fortnightly
checkin-rhythm-monthly = monthly
checkin-settings-title = Check-in: rhythm and sharing
checkin-rhythm = How often do you want to check in?
checkin-reminders = Send me an e-mail reminder when my check-in is due (once per period)
checkin-share = What may your manager see?
checkin-share-hint = Your manager sees only what you choose here. HR and management never see your own check-ins, only averages over groups that are large enough.
checkin-share-nothing = Nothing (default)
checkin-share-weeks = My averages of the last { $weeks } weeks
checkin-share-notes = My notes of those weeks as well
checkin-settings-save = Save
checkin-settings-saved = Your check-in choices have been saved.
checkin-cancel = Cancel
checkin-team-title = Your team's check-ins
checkin-team-intro = Here you only see what employees share with you themselves, and a team average when enough people checked in.
checkin-team-aggregate-title = Team average
checkin-team-aggregate = Average of the last { $weeks } weeks over { $people } people.
checkin-team-suppressed = Too few people checked in to show an average (at least { $minimum }).
checkin-team-empty = Nobody in your team checked in during the last { $weeks } weeks.
checkin-team-shared-title = Shared with you
checkin-team-shared-none = Nobody shares a summary of their check-ins with you (yet).
checkin-shared-summary = Averages of the last { $weeks } weeks, { $count } check-ins.
checkin-team-averages-of = Averages of { $name }
checkin-team-notes = Shared notes
checkin-organisation-title = Check-ins across the organisation
checkin-organisation-intro = Averages per unit and month, over the people working directly in that unit. A cell with fewer than { $minimum } people is not shown, nor is a total from which such a small group could be worked out.
checkin-organisation-question = Choose the question
checkin-organisation-caption = { $question }: average (1 to 5) and number of people
checkin-organisation-total = Whole organisation
checkin-unit = Unit
checkin-cell = { $mean } ({ $people } people)
checkin-cell-suppressed = hidden
checkin-cell-empty = –
checkin-links-title = More overviews
checkin-team-link = Your team's check-ins
checkin-organisation-link = Check-ins across the organisation
mail-checkin-subject = Time for your check-in
mail-checkin-body = Hello,

    It is time for your check-in in Kleur. It takes a few minutes and only you see your answers.

    { $link }

    Want a different rhythm or no more reminders? Choose it here: { $settings }
