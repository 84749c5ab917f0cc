//! Kleur's domain: types that parse their input, and rules without I/O.
//!
//! Everything above this crate (storage, services, web, the binary) depends on it; it depends on
//! nothing of ours.

pub mod catalogue;
pub mod checkin;
pub mod email;
pub mod feedback;
pub mod goals;
pub mod import;
pub mod insight;
pub mod locale;
pub mod mobility;
pub mod paging;
pub mod person;
pub mod portfolio;
pub mod programme;
pub mod role;
pub mod search;
pub mod team_builder;
pub mod unit;

pub use email::Email;
pub use locale::Locale;
pub use paging::{Page, PageRequest};
pub use role::{Role, Roles};
