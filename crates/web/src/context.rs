//! Who is asking, in which language: built once per page request by the middleware.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use kleur_domain::{Locale, Role};
use kleur_i18n::Tr;
use kleur_services::Actor;

use crate::error::WebError;

/// The person (or anonymous visitor) behind a page request.
#[derive(Clone, Debug)]
pub struct Visitor {
    pub actor: Option<Actor>,
    /// The token every form of this visitor carries.
    pub csrf: String,
    pub locale: Locale,
    pub request_id: String,
    /// Path and query of this request, for "come back here" after signing in or switching language.
    pub path: String,
}

impl<S: Send + Sync> FromRequestParts<S> for Visitor {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Visitor>()
            .cloned()
            .ok_or_else(|| WebError::Internal("visitor middleware missing".into()))
    }
}

/// A signed-in person; pages that need one redirect visitors to sign in.
pub struct SignedIn(pub Actor, pub Visitor);

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let visitor = Visitor::from_request_parts(parts, state).await?;
        match visitor.actor.clone() {
            Some(actor) => Ok(SignedIn(actor, visitor)),
            None => Err(WebError::SignInRequired),
        }
    }
}

/// What the layout needs on every page.
#[derive(Clone, Debug)]
pub struct Page {
    pub t: Tr,
    pub csrf: String,
    pub path: String,
    pub user_name: Option<String>,
    pub can_manage_people: bool,
    pub is_admin: bool,
    /// Team builder and organisation insight in the navigation.
    pub can_build_teams: bool,
    pub can_see_insight: bool,
    /// The key of the main navigation item this page belongs to.
    pub section: &'static str,
    /// A confirmation to show at the top of the page (a translation key).
    pub notice: Option<&'static str>,
}

impl Page {
    pub fn new(visitor: &Visitor, section: &'static str) -> Self {
        let actor = visitor.actor.as_ref();
        Self {
            t: Tr::new(visitor.locale),
            csrf: visitor.csrf.clone(),
            path: visitor.path.clone(),
            user_name: actor.map(|a| a.display_name.clone()),
            can_manage_people: actor.is_some_and(|a| a.roles.can_manage_people()),
            is_admin: actor.is_some_and(|a| a.roles.has(Role::Administrator)),
            can_build_teams: actor.is_some_and(|a| a.roles.can_build_teams()),
            can_see_insight: actor.is_some_and(|a| a.roles.can_see_insight()),
            section,
            notice: None,
        }
    }

    pub fn with_notice(mut self, notice: Option<&'static str>) -> Self {
        self.notice = notice;
        self
    }

    pub fn lang(&self) -> &'static str {
        self.t.lang()
    }

    pub fn current(&self, section: &str) -> bool {
        self.section == section
    }
}

/// Confirmation messages a redirect may ask for with `?klaar=…`: only these keys, so the query
/// cannot inject text.
pub fn notice_from_query(value: Option<&str>) -> Option<&'static str> {
    const NOTICES: &[&str] = &[
        "logged-out",
        "reset-request-sent",
        "reset-done",
        "profile-language-saved",
        "tokens-revoked-done",
        "people-saved",
        "people-created",
        "people-roles-saved",
        "portfolio-saved",
        "portfolio-restored",
        "portfolio-imported",
        "goals-saved",
        "goals-progress-saved",
        "goals-proposed",
        "goals-accepted",
        "goals-declined",
        "mobility-saved",
        "mobility-published",
        "mobility-interest-saved",
        "mobility-withdrawn",
        "mobility-invited-done",
        "mobility-outcome-saved",
        "mobility-availability-saved",
        "directory-needs-saved",
        "sso-saved",
        "scim-token-created",
        "scim-token-revoked",
        "privacy-erased",
        "privacy-settings-saved",
        "checkin-saved",
        "checkin-removed",
        "checkin-settings-saved",
        "conversation-planned",
        "conversation-saved",
        "conversation-confirmed",
        "conversation-note-saved",
        "conversation-cycle-saved",
        "programme-saved",
    ];
    let value = value?;
    NOTICES.iter().find(|n| **n == value).copied()
}
