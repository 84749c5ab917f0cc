//! SCIM 2.0 provisioning (RFC 7643/7644): an HR system or identity provider keeps people (Users)
//! and units (Groups) in sync, with a bearer token per organisation.
//!
//! People go through the same use cases as the HR pages (`people::create_in`/`update_in`), so the
//! rules stay one: e-mail and employee number unique, a manager who exists and is not below the
//! person, a unit of this organisation. DELETE of a User deactivates the person (their portfolio
//! and feedback stay theirs); a Group's members are the people whose unit it is.

use kleur_domain::unit::UnitPath;
use kleur_domain::{Role, Roles};
use kleur_storage::people::Person;
use kleur_storage::scim::{self as store, TokenInfo};
use kleur_storage::{Db, org, people as people_store};
use serde_json::{Map, Value, json};

use crate::people::{self, PersonInput};
use crate::secret::{hash_token, random_token};
use crate::{Actor, Result, ServiceError};

pub const USER_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
pub const GROUP_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:Group";
pub const ENTERPRISE_SCHEMA: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
pub const LIST_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
pub const PATCH_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
pub const ERROR_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:Error";
/// The largest page a client gets, whatever `count` it asks for.
pub const MAX_PAGE: i64 = 200;

const USER: &str = "User";
const GROUP: &str = "Group";

/// A SCIM error response (RFC 7644 3.12).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScimError {
    pub status: u16,
    pub scim_type: Option<&'static str>,
    pub detail: String,
}

impl ScimError {
    fn new(status: u16, scim_type: Option<&'static str>, detail: impl Into<String>) -> Self {
        Self {
            status,
            scim_type,
            detail: detail.into(),
        }
    }

    fn bad(scim_type: &'static str, detail: impl Into<String>) -> Self {
        Self::new(400, Some(scim_type), detail)
    }

    fn not_found() -> Self {
        Self::new(404, None, "resource not found")
    }

    pub fn body(&self) -> Value {
        let mut body = json!({
            "schemas": [ERROR_SCHEMA],
            "status": self.status.to_string(),
            "detail": self.detail,
        });
        if let Some(kind) = self.scim_type {
            body["scimType"] = json!(kind);
        }
        body
    }
}

impl From<ServiceError> for ScimError {
    fn from(error: ServiceError) -> Self {
        match error {
            ServiceError::NotFound => ScimError::not_found(),
            ServiceError::Invalid(fields) => {
                let uniqueness = fields.iter().any(|f| f.message_key.ends_with("-taken"));
                let detail = fields
                    .iter()
                    .map(|f| format!("{}: {}", f.field, f.message_key))
                    .collect::<Vec<_>>()
                    .join("; ");
                if uniqueness {
                    ScimError::new(409, Some("uniqueness"), detail)
                } else {
                    ScimError::bad("invalidValue", detail)
                }
            }
            ServiceError::Storage(kleur_storage::StorageError::Conflict(_)) => {
                ScimError::new(409, Some("uniqueness"), "a value must be unique")
            }
            other => {
                tracing::error!(error = %other, "scim internal error");
                ScimError::new(500, None, "internal error")
            }
        }
    }
}

impl From<kleur_storage::StorageError> for ScimError {
    fn from(error: kleur_storage::StorageError) -> Self {
        ServiceError::from(error).into()
    }
}

impl From<sqlx::Error> for ScimError {
    fn from(error: sqlx::Error) -> Self {
        ServiceError::from(error).into()
    }
}

pub type ScimResult<T> = std::result::Result<T, ScimError>;

/// Records a SCIM change in the audit log, in the change's own transaction: what happened to
/// which resource. No personal data (names, addresses) goes in.
async fn audit_scim_change(
    conn: &mut kleur_storage::Conn,
    organisation_id: &str,
    action: &'static str,
    resource: &str,
    id: &str,
) -> Result<()> {
    let subject = (resource == USER).then_some(id);
    crate::audit::record(
        conn,
        organisation_id,
        crate::audit::Event::Provisioned,
        None,
        subject,
        &format!("{resource}:{action}"),
    )
    .await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Tokens, for administrators.

/// Makes a new token for the administrator's organisation, revoking any earlier one. The secret
/// is returned once; only its hash is stored.
pub async fn rotate_token(db: &Db, actor: &Actor) -> Result<String> {
    actor.require_admin()?;
    let token = format!("kleur_scim_{}", random_token());
    let mut tx = db.begin().await?;
    store::revoke_tokens(&mut tx, &actor.organisation_id).await?;
    store::insert_token(
        &mut tx,
        &hash_token(&token),
        &actor.organisation_id,
        &kleur_storage::new_id(),
    )
    .await?;
    audit_scim_change(
        &mut tx,
        &actor.organisation_id,
        "token-rotated",
        "token",
        "-",
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

pub async fn revoke_token(db: &Db, actor: &Actor) -> Result<()> {
    actor.require_admin()?;
    let mut conn = db.acquire().await?;
    store::revoke_tokens(&mut conn, &actor.organisation_id).await?;
    audit_scim_change(
        &mut conn,
        &actor.organisation_id,
        "token-revoked",
        "token",
        "-",
    )
    .await?;
    Ok(())
}

pub async fn token_info(db: &Db, actor: &Actor) -> Result<Option<TokenInfo>> {
    actor.require_admin()?;
    let mut conn = db.acquire().await?;
    Ok(store::live_token(&mut conn, &actor.organisation_id).await?)
}

/// The organisation a bearer token belongs to, if it is live.
pub async fn authenticate(db: &Db, bearer: &str) -> Result<Option<String>> {
    if !bearer.starts_with("kleur_scim_") || bearer.len() > 200 {
        return Ok(None);
    }
    let mut conn = db.acquire().await?;
    Ok(store::token_organisation(&mut conn, &hash_token(bearer)).await?)
}

/// The provisioning system acts like an HR adviser of that one organisation, so the people rules
/// of the HR pages apply unchanged.
fn provisioner(organisation_id: &str) -> Actor {
    Actor {
        organisation_id: organisation_id.to_owned(),
        person_id: String::new(),
        display_name: "SCIM".into(),
        roles: Roles::new(vec![Role::HrAdviser]),
        locale: None,
    }
}

// ---------------------------------------------------------------------------------------------
// Filters and paging.

/// `attribute eq "value"`, the filters provisioning clients send to find a resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EqFilter {
    pub attribute: String,
    pub value: String,
}

pub fn parse_filter(filter: &str) -> ScimResult<EqFilter> {
    let invalid = || {
        ScimError::bad(
            "invalidFilter",
            "only `attribute eq \"value\"` is supported",
        )
    };
    let filter = filter.trim();
    let (attribute, rest) = filter.split_once(char::is_whitespace).ok_or_else(invalid)?;
    let rest = rest.trim_start();
    let (operator, value) = rest.split_once(char::is_whitespace).ok_or_else(invalid)?;
    if !operator.eq_ignore_ascii_case("eq") {
        return Err(invalid());
    }
    let value: String = serde_json::from_str(value.trim()).map_err(|_| invalid())?;
    Ok(EqFilter {
        attribute: attribute.to_owned(),
        value,
    })
}

/// SCIM paging: 1-based `startIndex`, `count` capped at [`MAX_PAGE`].
pub fn paging(start_index: Option<i64>, count: Option<i64>) -> (i64, i64) {
    let start = start_index.unwrap_or(1).max(1);
    let count = count.unwrap_or(100).clamp(0, MAX_PAGE);
    (start, count)
}

fn list_response(resources: Vec<Value>, total: i64, start: i64) -> Value {
    json!({
        "schemas": [LIST_SCHEMA],
        "totalResults": total,
        "startIndex": start,
        "itemsPerPage": resources.len(),
        "Resources": resources,
    })
}

// ---------------------------------------------------------------------------------------------
// Users.

async fn user_json(
    conn: &mut kleur_storage::Conn,
    base: &str,
    person: &Person,
) -> ScimResult<Value> {
    let external_id = store::external_id(conn, &person.organisation_id, USER, &person.id).await?;
    let mut user = json!({
        "schemas": [USER_SCHEMA, ENTERPRISE_SCHEMA],
        "id": person.id,
        "userName": person.email,
        "displayName": person.display_name,
        "name": {"formatted": person.display_name},
        "emails": [{"value": person.email, "type": "work", "primary": true}],
        "title": person.function_title,
        "active": person.active == 1,
        "groups": [],
        ENTERPRISE_SCHEMA: {},
        "meta": {
            "resourceType": USER,
            "created": person.created_at,
            "lastModified": person.updated_at,
            "location": format!("{base}/scim/v2/Users/{}", person.id),
        },
    });
    if let Some(external_id) = external_id {
        user["externalId"] = json!(external_id);
    }
    if let Some(unit_id) = &person.unit_id {
        user["groups"] =
            json!([{"value": unit_id, "$ref": format!("{base}/scim/v2/Groups/{unit_id}")}]);
    }
    if let Some(number) = &person.employee_number {
        user[ENTERPRISE_SCHEMA]["employeeNumber"] = json!(number);
    }
    if let Some(manager) = &person.manager_id {
        user[ENTERPRISE_SCHEMA]["manager"] = json!({"value": manager});
    }
    Ok(user)
}

async fn load_person(
    conn: &mut kleur_storage::Conn,
    organisation_id: &str,
    id: &str,
) -> ScimResult<Person> {
    people_store::get_person(conn, organisation_id, id)
        .await?
        .ok_or_else(ScimError::not_found)
}

pub async fn list_users(
    db: &Db,
    base: &str,
    organisation_id: &str,
    filter: Option<&str>,
    start_index: Option<i64>,
    count: Option<i64>,
) -> ScimResult<Value> {
    let (start, count) = paging(start_index, count);
    let mut conn = db.acquire().await?;
    let (email, id) = match filter.map(parse_filter).transpose()? {
        None => (None, None),
        Some(f) if f.attribute.eq_ignore_ascii_case("userName") => {
            (Some(f.value.trim().to_lowercase()), None)
        }
        Some(f) if f.attribute.eq_ignore_ascii_case("externalId") => {
            match store::resource_by_external_id(&mut conn, organisation_id, USER, &f.value).await?
            {
                Some(id) => (None, Some(id)),
                None => return Ok(list_response(Vec::new(), 0, start)),
            }
        }
        Some(_) => {
            return Err(ScimError::bad(
                "invalidFilter",
                "filter on userName or externalId",
            ));
        }
    };
    let (people, total) = store::list_people(
        &mut conn,
        organisation_id,
        email.as_deref(),
        id.as_deref(),
        start - 1,
        count,
    )
    .await?;
    let mut resources = Vec::with_capacity(people.len());
    for person in &people {
        resources.push(user_json(&mut conn, base, person).await?);
    }
    Ok(list_response(resources, total, start))
}

pub async fn get_user(db: &Db, base: &str, organisation_id: &str, id: &str) -> ScimResult<Value> {
    let mut conn = db.acquire().await?;
    let person = load_person(&mut conn, organisation_id, id).await?;
    user_json(&mut conn, base, &person).await
}

/// The attributes Kleur keeps from a SCIM User.
struct UserFields {
    input: PersonInput,
    external_id: Option<String>,
    active: bool,
}

fn text_at<'a>(value: &'a Value, path: &[&str]) -> Option<&'a str> {
    let mut current = value;
    for key in path {
        current = current.get(*key)?;
    }
    current.as_str()
}

fn user_fields(body: &Value) -> ScimResult<UserFields> {
    if !body.is_object() {
        return Err(ScimError::bad(
            "invalidSyntax",
            "a User must be a JSON object",
        ));
    }
    let user_name = text_at(body, &["userName"])
        .ok_or_else(|| ScimError::bad("invalidValue", "userName is required"))?;
    // The primary (or first) e-mail address; userName when there is none.
    let emails = body.get("emails").and_then(Value::as_array);
    let email = emails
        .and_then(|list| {
            list.iter()
                .find(|e| e.get("primary") == Some(&Value::Bool(true)))
                .or_else(|| list.first())
        })
        .and_then(|e| e.get("value"))
        .and_then(Value::as_str)
        .unwrap_or(user_name);
    let display_name = text_at(body, &["displayName"])
        .or_else(|| text_at(body, &["name", "formatted"]))
        .map(str::to_owned)
        .or_else(|| {
            let given = text_at(body, &["name", "givenName"]).unwrap_or("");
            let family = text_at(body, &["name", "familyName"]).unwrap_or("");
            let joined = format!("{given} {family}").trim().to_owned();
            (!joined.is_empty()).then_some(joined)
        })
        .unwrap_or_default();
    let enterprise = body.get(ENTERPRISE_SCHEMA);
    let employee_number = enterprise
        .and_then(|e| e.get("employeeNumber"))
        .and_then(Value::as_str)
        .unwrap_or("");
    let manager_id = enterprise
        .and_then(|e| e.get("manager"))
        .and_then(|m| m.get("value").or(Some(m)))
        .and_then(Value::as_str)
        .unwrap_or("");
    let unit_id = body
        .get("groups")
        .and_then(Value::as_array)
        .and_then(|g| g.first())
        .and_then(|g| g.get("value"))
        .and_then(Value::as_str)
        .unwrap_or("");
    let active = match body.get("active") {
        None | Some(Value::Null) => true,
        Some(Value::Bool(active)) => *active,
        // Some clients send "True"/"False" as strings.
        Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => true,
        Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => false,
        Some(_) => return Err(ScimError::bad("invalidValue", "active must be a boolean")),
    };
    let external_id = match body.get("externalId") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if !s.is_empty() && s.len() <= 255 => Some(s.clone()),
        Some(_) => {
            return Err(ScimError::bad(
                "invalidValue",
                "externalId must be a string of 1 to 255 characters",
            ));
        }
    };
    Ok(UserFields {
        input: PersonInput {
            display_name,
            email: email.to_owned(),
            function_title: text_at(body, &["title"]).unwrap_or("").to_owned(),
            unit_id: unit_id.to_owned(),
            manager_id: manager_id.to_owned(),
            employee_number: employee_number.to_owned(),
            manager_email: String::new(),
        },
        external_id,
        active,
    })
}

async fn set_external(
    conn: &mut kleur_storage::Conn,
    organisation_id: &str,
    resource_type: &str,
    id: &str,
    external_id: Option<&str>,
) -> ScimResult<()> {
    if let Some(external) = external_id
        && let Some(other) =
            store::resource_by_external_id(conn, organisation_id, resource_type, external).await?
        && other != id
    {
        return Err(ScimError::new(
            409,
            Some("uniqueness"),
            "externalId is already in use",
        ));
    }
    store::set_external_id(conn, organisation_id, resource_type, id, external_id).await?;
    Ok(())
}

async fn apply_active(
    conn: &mut kleur_storage::Conn,
    organisation_id: &str,
    id: &str,
    active: bool,
) -> ScimResult<()> {
    store::set_active(conn, organisation_id, id, active).await?;
    if !active {
        // A deactivated person is signed out everywhere at once.
        kleur_storage::auth::delete_sessions_of(conn, organisation_id, id).await?;
    }
    Ok(())
}

pub async fn create_user(
    db: &Db,
    base: &str,
    organisation_id: &str,
    body: &Value,
) -> ScimResult<Value> {
    let fields = user_fields(body)?;
    let actor = provisioner(organisation_id);
    let mut tx = db.begin().await?;
    let id = people::create_in(&mut tx, &actor, &fields.input).await?;
    set_external(
        &mut tx,
        organisation_id,
        USER,
        &id,
        fields.external_id.as_deref(),
    )
    .await?;
    if !fields.active {
        apply_active(&mut tx, organisation_id, &id, false).await?;
    }
    let person = load_person(&mut tx, organisation_id, &id).await?;
    let user = user_json(&mut tx, base, &person).await?;
    audit_scim_change(&mut tx, organisation_id, "create", USER, &id).await?;
    tx.commit().await?;
    Ok(user)
}

pub async fn replace_user(
    db: &Db,
    base: &str,
    organisation_id: &str,
    id: &str,
    body: &Value,
) -> ScimResult<Value> {
    let mut tx = db.begin().await?;
    let user = replace_user_in(&mut tx, base, organisation_id, id, body).await?;
    audit_scim_change(&mut tx, organisation_id, "replace", USER, id).await?;
    tx.commit().await?;
    Ok(user)
}

async fn replace_user_in(
    tx: &mut kleur_storage::Conn,
    base: &str,
    organisation_id: &str,
    id: &str,
    body: &Value,
) -> ScimResult<Value> {
    let fields = user_fields(body)?;
    let actor = provisioner(organisation_id);
    load_person(tx, organisation_id, id).await?;
    people::update_in(tx, &actor, id, &fields.input).await?;
    set_external(tx, organisation_id, USER, id, fields.external_id.as_deref()).await?;
    apply_active(tx, organisation_id, id, fields.active).await?;
    let person = load_person(tx, organisation_id, id).await?;
    user_json(tx, base, &person).await
}

/// Applies PatchOp operations to the current representation, then stores it as a replace
/// would, all in one transaction.
pub async fn patch_user(
    db: &Db,
    base: &str,
    organisation_id: &str,
    id: &str,
    body: &Value,
) -> ScimResult<Value> {
    let operations = operations(body)?;
    let mut tx = db.begin().await?;
    let person = load_person(&mut tx, organisation_id, id).await?;
    let mut current = user_json(&mut tx, base, &person).await?;
    for operation in &operations {
        apply_operation(&mut current, operation)?;
    }
    let user = replace_user_in(&mut tx, base, organisation_id, id, &current).await?;
    audit_scim_change(&mut tx, organisation_id, "patch", USER, id).await?;
    tx.commit().await?;
    Ok(user)
}

/// DELETE deactivates: the person can no longer sign in, and what they own stays theirs.
pub async fn delete_user(db: &Db, organisation_id: &str, id: &str) -> ScimResult<()> {
    let mut tx = db.begin().await?;
    load_person(&mut tx, organisation_id, id).await?;
    apply_active(&mut tx, organisation_id, id, false).await?;
    audit_scim_change(&mut tx, organisation_id, "deactivate", USER, id).await?;
    tx.commit().await?;
    Ok(())
}

struct Operation {
    op: String,
    path: Option<String>,
    value: Value,
}

fn operations(body: &Value) -> ScimResult<Vec<Operation>> {
    let list = body
        .get("Operations")
        .and_then(Value::as_array)
        .ok_or_else(|| ScimError::bad("invalidSyntax", "PatchOp needs Operations"))?;
    if list.len() > 100 {
        return Err(ScimError::bad("tooMany", "at most 100 operations"));
    }
    list.iter()
        .map(|op| {
            let name = op
                .get("op")
                .and_then(Value::as_str)
                .map(str::to_ascii_lowercase)
                .filter(|o| matches!(o.as_str(), "add" | "replace" | "remove"))
                .ok_or_else(|| ScimError::bad("invalidSyntax", "op is add, replace or remove"))?;
            Ok(Operation {
                op: name,
                path: op.get("path").and_then(Value::as_str).map(str::to_owned),
                value: op.get("value").cloned().unwrap_or(Value::Null),
            })
        })
        .collect()
}

/// Sets one attribute of a User representation; `path` as SCIM clients send it.
fn set_user_path(user: &mut Value, path: &str, value: Value) -> ScimResult<()> {
    let lower = path.to_ascii_lowercase();
    let enterprise_prefix = format!("{}:", ENTERPRISE_SCHEMA.to_ascii_lowercase());
    if let Some(attribute) = lower.strip_prefix(&enterprise_prefix) {
        let key = match attribute {
            "employeenumber" => "employeeNumber",
            "manager" | "manager.value" => "manager",
            _ => {
                return Err(ScimError::bad(
                    "invalidPath",
                    format!("unsupported path {path}"),
                ));
            }
        };
        let value = if key == "manager" && value.is_string() {
            json!({ "value": value })
        } else {
            value
        };
        user[ENTERPRISE_SCHEMA][key] = value;
        return Ok(());
    }
    match lower.as_str() {
        "active" => user["active"] = value,
        "username" => user["userName"] = value,
        "displayname" | "name.formatted" => {
            user["displayName"] = value;
            if let Some(name) = user.get_mut("name").and_then(Value::as_object_mut) {
                name.remove("formatted");
            }
        }
        "title" => user["title"] = value,
        "externalid" => user["externalId"] = value,
        p if p.starts_with("emails") => {
            let address = match &value {
                Value::Array(list) => list.first().and_then(|e| e.get("value")).cloned(),
                Value::Object(object) => object.get("value").cloned(),
                other => Some(other.clone()),
            }
            .unwrap_or(Value::Null);
            user["emails"] = json!([{"value": address, "type": "work", "primary": true}]);
        }
        _ => {
            return Err(ScimError::bad(
                "invalidPath",
                format!("unsupported path {path}"),
            ));
        }
    }
    Ok(())
}

fn apply_operation(user: &mut Value, operation: &Operation) -> ScimResult<()> {
    match (&operation.path, operation.op.as_str()) {
        (Some(path), "remove") => {
            let cleared = match path.to_ascii_lowercase().as_str() {
                "active" => Value::Bool(false),
                _ => Value::Null,
            };
            set_user_path(user, path, cleared)
        }
        (Some(path), _) => set_user_path(user, path, operation.value.clone()),
        (None, "remove") => Err(ScimError::bad("noTarget", "remove needs a path")),
        (None, _) => {
            // No path: the value is an object of attributes to set.
            let Value::Object(attributes) = &operation.value else {
                return Err(ScimError::bad("invalidValue", "value must be an object"));
            };
            for (key, value) in attributes {
                if key == ENTERPRISE_SCHEMA {
                    if let Value::Object(extension) = value {
                        for (k, v) in extension {
                            set_user_path(user, &format!("{ENTERPRISE_SCHEMA}:{k}"), v.clone())?;
                        }
                    }
                    continue;
                }
                if key == "name" {
                    if let Some(formatted) = value.get("formatted") {
                        set_user_path(user, "displayName", formatted.clone())?;
                    }
                    continue;
                }
                set_user_path(user, key, value.clone())?;
            }
            Ok(())
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Groups (units).

async fn group_json(
    conn: &mut kleur_storage::Conn,
    base: &str,
    unit: &org::Unit,
) -> ScimResult<Value> {
    let external_id = store::external_id(conn, &unit.organisation_id, GROUP, &unit.id).await?;
    let members: Vec<Value> = store::unit_members(conn, &unit.organisation_id, &unit.id)
        .await?
        .into_iter()
        .map(|(id, name)| {
            json!({"value": id, "display": name, "$ref": format!("{base}/scim/v2/Users/{id}")})
        })
        .collect();
    let mut group = json!({
        "schemas": [GROUP_SCHEMA],
        "id": unit.id,
        "displayName": unit.name,
        "members": members,
        "meta": {
            "resourceType": GROUP,
            "created": unit.created_at,
            "location": format!("{base}/scim/v2/Groups/{}", unit.id),
        },
    });
    if let Some(external_id) = external_id {
        group["externalId"] = json!(external_id);
    }
    Ok(group)
}

async fn load_unit(
    conn: &mut kleur_storage::Conn,
    organisation_id: &str,
    id: &str,
) -> ScimResult<org::Unit> {
    org::get_unit(conn, organisation_id, id)
        .await?
        .ok_or_else(ScimError::not_found)
}

pub async fn list_groups(
    db: &Db,
    base: &str,
    organisation_id: &str,
    filter: Option<&str>,
    start_index: Option<i64>,
    count: Option<i64>,
) -> ScimResult<Value> {
    let (start, count) = paging(start_index, count);
    let mut conn = db.acquire().await?;
    let mut units = org::list_units(&mut conn, organisation_id).await?;
    match filter.map(parse_filter).transpose()? {
        None => {}
        Some(f) if f.attribute.eq_ignore_ascii_case("displayName") => {
            units.retain(|u| u.name.eq_ignore_ascii_case(f.value.trim()));
        }
        Some(f) if f.attribute.eq_ignore_ascii_case("externalId") => {
            let id =
                store::resource_by_external_id(&mut conn, organisation_id, GROUP, &f.value).await?;
            units.retain(|u| Some(&u.id) == id.as_ref());
        }
        Some(_) => {
            return Err(ScimError::bad(
                "invalidFilter",
                "filter on displayName or externalId",
            ));
        }
    }
    let total = i64::try_from(units.len()).unwrap_or(i64::MAX);
    let mut resources = Vec::new();
    for unit in units
        .iter()
        .skip(usize::try_from(start - 1).unwrap_or(usize::MAX))
        .take(usize::try_from(count).unwrap_or(0))
    {
        resources.push(group_json(&mut conn, base, unit).await?);
    }
    Ok(list_response(resources, total, start))
}

pub async fn get_group(db: &Db, base: &str, organisation_id: &str, id: &str) -> ScimResult<Value> {
    let mut conn = db.acquire().await?;
    let unit = load_unit(&mut conn, organisation_id, id).await?;
    group_json(&mut conn, base, &unit).await
}

fn member_ids(value: &Value) -> Vec<String> {
    match value {
        Value::Array(list) => list
            .iter()
            .filter_map(|m| m.get("value").and_then(Value::as_str).map(str::to_owned))
            .collect(),
        Value::Object(_) => value
            .get("value")
            .and_then(Value::as_str)
            .map(|v| vec![v.to_owned()])
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

async fn set_members(
    conn: &mut kleur_storage::Conn,
    organisation_id: &str,
    unit_id: &str,
    add: &[String],
    remove: &[String],
) -> ScimResult<()> {
    for id in remove {
        let person = load_person(conn, organisation_id, id).await?;
        if person.unit_id.as_deref() == Some(unit_id) {
            store::set_unit(conn, organisation_id, id, None).await?;
        }
    }
    for id in add {
        // A person is in one unit: joining this group moves them here.
        load_person(conn, organisation_id, id).await?;
        store::set_unit(conn, organisation_id, id, Some(unit_id)).await?;
    }
    Ok(())
}

fn group_name(body: &Value) -> ScimResult<UnitPath> {
    let name = text_at(body, &["displayName"])
        .ok_or_else(|| ScimError::bad("invalidValue", "displayName is required"))?;
    UnitPath::parse(name).map_err(|e| ScimError::bad("invalidValue", e.to_string()))
}

/// Creates a unit. A displayName like "Gemeente > Sociaal Domein > Team Noord" places it under
/// those units, creating the missing ones as the HR import does.
pub async fn create_group(
    db: &Db,
    base: &str,
    organisation_id: &str,
    body: &Value,
) -> ScimResult<Value> {
    let path = group_name(body)?;
    let external_id = body.get("externalId").and_then(Value::as_str);
    let mut tx = db.begin().await?;
    if org::find_unit_by_key(&mut tx, organisation_id, &path.key())
        .await?
        .is_some()
    {
        return Err(ScimError::new(409, Some("uniqueness"), "this unit exists"));
    }
    let mut parent: Option<String> = None;
    let mut unit = None;
    for prefix in path.prefixes() {
        let found = match org::find_unit_by_key(&mut tx, organisation_id, &prefix.key()).await? {
            Some(found) => found,
            None => {
                org::insert_unit(
                    &mut tx,
                    organisation_id,
                    parent.as_deref(),
                    prefix.name(),
                    &prefix.key(),
                )
                .await?
            }
        };
        parent = Some(found.id.clone());
        unit = Some(found);
    }
    let unit = unit.ok_or_else(|| ScimError::bad("invalidValue", "displayName is required"))?;
    set_external(&mut tx, organisation_id, GROUP, &unit.id, external_id).await?;
    let members = body.get("members").map(member_ids).unwrap_or_default();
    set_members(&mut tx, organisation_id, &unit.id, &members, &[]).await?;
    let group = group_json(&mut tx, base, &unit).await?;
    audit_scim_change(&mut tx, organisation_id, "create", GROUP, &unit.id).await?;
    tx.commit().await?;
    Ok(group)
}

async fn rename(conn: &mut kleur_storage::Conn, unit: &org::Unit, name: &str) -> ScimResult<()> {
    if name == unit.name {
        return Ok(());
    }
    let segment = UnitPath::parse(name)
        .ok()
        .filter(|p| p.segments().len() == 1)
        .ok_or_else(|| ScimError::bad("invalidValue", "a new name is one unit name"))?;
    let units = org::list_units(conn, &unit.organisation_id).await?;
    if units
        .iter()
        .any(|u| u.parent_id.as_deref() == Some(&unit.id))
    {
        // Renaming would change the path of every unit below; the HR import does that.
        return Err(ScimError::bad(
            "mutability",
            "a unit with units below it is renamed through the HR import",
        ));
    }
    let key = match units
        .iter()
        .find(|u| Some(&u.id) == unit.parent_id.as_ref())
    {
        Some(parent) => format!("{} > {}", parent.path_key, segment.key()),
        None => segment.key(),
    };
    if units.iter().any(|u| u.path_key == key && u.id != unit.id) {
        return Err(ScimError::new(409, Some("uniqueness"), "this unit exists"));
    }
    store::rename_unit(conn, &unit.organisation_id, &unit.id, segment.name(), &key).await?;
    Ok(())
}

pub async fn replace_group(
    db: &Db,
    base: &str,
    organisation_id: &str,
    id: &str,
    body: &Value,
) -> ScimResult<Value> {
    let name = text_at(body, &["displayName"])
        .ok_or_else(|| ScimError::bad("invalidValue", "displayName is required"))?;
    let mut tx = db.begin().await?;
    let unit = load_unit(&mut tx, organisation_id, id).await?;
    rename(&mut tx, &unit, name).await?;
    let external_id = body.get("externalId").and_then(Value::as_str);
    set_external(&mut tx, organisation_id, GROUP, id, external_id).await?;
    let wanted = body.get("members").map(member_ids).unwrap_or_default();
    let current: Vec<String> = store::unit_members(&mut tx, organisation_id, id)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .filter(|m| !wanted.contains(m))
        .collect();
    set_members(&mut tx, organisation_id, id, &wanted, &current).await?;
    let unit = load_unit(&mut tx, organisation_id, id).await?;
    let group = group_json(&mut tx, base, &unit).await?;
    audit_scim_change(&mut tx, organisation_id, "replace", GROUP, id).await?;
    tx.commit().await?;
    Ok(group)
}

pub async fn patch_group(
    db: &Db,
    base: &str,
    organisation_id: &str,
    id: &str,
    body: &Value,
) -> ScimResult<Value> {
    let operations = operations(body)?;
    let mut tx = db.begin().await?;
    let unit = load_unit(&mut tx, organisation_id, id).await?;
    for operation in &operations {
        let path = operation.path.as_deref().map(str::to_ascii_lowercase);
        match (operation.op.as_str(), path.as_deref()) {
            ("add", Some("members")) => {
                set_members(
                    &mut tx,
                    organisation_id,
                    id,
                    &member_ids(&operation.value),
                    &[],
                )
                .await?;
            }
            ("remove", Some("members")) => {
                set_members(
                    &mut tx,
                    organisation_id,
                    id,
                    &[],
                    &member_ids(&operation.value),
                )
                .await?;
            }
            ("remove", Some(p)) if p.starts_with("members[value eq ") => {
                let filter = parse_filter(&p["members[".len()..p.len() - 1])?;
                set_members(&mut tx, organisation_id, id, &[], &[filter.value]).await?;
            }
            ("replace", Some("members")) => {
                let wanted = member_ids(&operation.value);
                let current: Vec<String> = store::unit_members(&mut tx, organisation_id, id)
                    .await?
                    .into_iter()
                    .map(|(id, _)| id)
                    .filter(|m| !wanted.contains(m))
                    .collect();
                set_members(&mut tx, organisation_id, id, &wanted, &current).await?;
            }
            ("replace" | "add", Some("displayname")) => {
                let name = operation
                    .value
                    .as_str()
                    .ok_or_else(|| ScimError::bad("invalidValue", "displayName is text"))?;
                rename(&mut tx, &unit, name).await?;
            }
            ("replace" | "add", Some("externalid")) => {
                set_external(
                    &mut tx,
                    organisation_id,
                    GROUP,
                    id,
                    operation.value.as_str(),
                )
                .await?;
            }
            ("replace", None) => {
                let object: &Map<String, Value> = operation
                    .value
                    .as_object()
                    .ok_or_else(|| ScimError::bad("invalidValue", "value must be an object"))?;
                if let Some(name) = object.get("displayName").and_then(Value::as_str) {
                    rename(&mut tx, &unit, name).await?;
                }
                if let Some(external) = object.get("externalId") {
                    set_external(&mut tx, organisation_id, GROUP, id, external.as_str()).await?;
                }
            }
            _ => {
                return Err(ScimError::bad(
                    "invalidPath",
                    "supported: members, displayName, externalId",
                ));
            }
        }
    }
    let unit = load_unit(&mut tx, organisation_id, id).await?;
    let group = group_json(&mut tx, base, &unit).await?;
    audit_scim_change(&mut tx, organisation_id, "patch", GROUP, id).await?;
    tx.commit().await?;
    Ok(group)
}

// ---------------------------------------------------------------------------------------------
// Discovery documents (RFC 7644 4).

pub fn service_provider_config(base: &str) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
        "documentationUri": format!("{base}/api"),
        "patch": {"supported": true},
        "bulk": {"supported": false, "maxOperations": 0, "maxPayloadSize": 0},
        "filter": {"supported": true, "maxResults": MAX_PAGE},
        "changePassword": {"supported": false},
        "sort": {"supported": false},
        "etag": {"supported": false},
        "authenticationSchemes": [{
            "type": "oauthbearertoken",
            "name": "Bearer token",
            "description": "A token per organisation, made by an administrator in Kleur.",
            "primary": true,
        }],
        "meta": {"resourceType": "ServiceProviderConfig", "location": format!("{base}/scim/v2/ServiceProviderConfig")},
    })
}

pub fn resource_types(base: &str) -> Value {
    let types = vec![
        json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
            "id": USER, "name": USER, "endpoint": "/Users", "schema": USER_SCHEMA,
            "schemaExtensions": [{"schema": ENTERPRISE_SCHEMA, "required": false}],
            "meta": {"resourceType": "ResourceType", "location": format!("{base}/scim/v2/ResourceTypes/User")},
        }),
        json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
            "id": GROUP, "name": GROUP, "endpoint": "/Groups", "schema": GROUP_SCHEMA,
            "description": "A unit of the organisation; its members are the people in it.",
            "meta": {"resourceType": "ResourceType", "location": format!("{base}/scim/v2/ResourceTypes/Group")},
        }),
    ];
    list_response(types, 2, 1)
}

fn attribute(name: &str, kind: &str, required: bool, uniqueness: &str) -> Value {
    json!({
        "name": name, "type": kind, "multiValued": false, "required": required,
        "caseExact": false, "mutability": "readWrite", "returned": "default", "uniqueness": uniqueness,
    })
}

pub fn schemas(base: &str) -> Value {
    let user = json!({
        "id": USER_SCHEMA, "name": USER, "description": "A person of the organisation",
        "attributes": [
            attribute("userName", "string", true, "server"),
            attribute("displayName", "string", true, "none"),
            attribute("title", "string", false, "none"),
            attribute("active", "boolean", false, "none"),
            {"name": "emails", "type": "complex", "multiValued": true, "required": false,
             "mutability": "readWrite", "returned": "default",
             "subAttributes": [attribute("value", "string", false, "server"), attribute("primary", "boolean", false, "none")]},
        ],
        "meta": {"resourceType": "Schema", "location": format!("{base}/scim/v2/Schemas/{USER_SCHEMA}")},
    });
    let enterprise = json!({
        "id": ENTERPRISE_SCHEMA, "name": "EnterpriseUser", "description": "Employee number and manager",
        "attributes": [
            attribute("employeeNumber", "string", false, "server"),
            {"name": "manager", "type": "complex", "multiValued": false, "required": false,
             "mutability": "readWrite", "returned": "default",
             "subAttributes": [attribute("value", "string", false, "none")]},
        ],
        "meta": {"resourceType": "Schema", "location": format!("{base}/scim/v2/Schemas/{ENTERPRISE_SCHEMA}")},
    });
    let group = json!({
        "id": GROUP_SCHEMA, "name": GROUP, "description": "A unit of the organisation",
        "attributes": [
            attribute("displayName", "string", true, "server"),
            {"name": "members", "type": "complex", "multiValued": true, "required": false,
             "mutability": "readWrite", "returned": "default",
             "subAttributes": [attribute("value", "string", false, "none")]},
        ],
        "meta": {"resourceType": "Schema", "location": format!("{base}/scim/v2/Schemas/{GROUP_SCHEMA}")},
    });
    list_response(vec![user, enterprise, group], 3, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_eq_filters() {
        assert_eq!(
            parse_filter(r#"userName eq "a@b.nl""#),
            Ok(EqFilter {
                attribute: "userName".into(),
                value: "a@b.nl".into()
            })
        );
        assert_eq!(
            parse_filter(r#"externalId EQ "x \"y\"""#).map(|f| f.value),
            Ok("x \"y\"".into())
        );
        assert!(parse_filter(r#"userName co "a""#).is_err());
        assert!(parse_filter("userName eq a").is_err());
        assert!(parse_filter("").is_err());
    }

    #[test]
    fn paging_is_bounded() {
        assert_eq!(paging(None, None), (1, 100));
        assert_eq!(paging(Some(0), Some(10_000)), (1, MAX_PAGE));
        assert_eq!(paging(Some(5), Some(-3)), (5, 0));
    }
}
