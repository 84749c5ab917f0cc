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
home-next-profile = See your profile and choose your language.
home-next-people = Manage people and organisational units, or import them from the HR system.
home-next-mail = See the e-mail Kleur sent.
home-next-api = Create an API key to connect Kleur to other systems.
home-coming-title = Coming soon in Kleur
home-coming-text = Your individual professional portfolio, 360° feedback that you start, goals that connect with your team and organisation, and finding talent in your organisation.
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
people-role-grant = Grant
people-role-revoke = Revoke
people-roles-saved = The roles have been updated.
people-login = Can sign in with a password
people-login-yes = yes
people-login-no = no (can set a password through "forgot your password")
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
