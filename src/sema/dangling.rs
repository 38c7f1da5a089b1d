//! References that name nothing.

use super::{CircuitId, CircuitRef, Db, SiteId, SiteRef};
use crate::model::{NameKind, Reference, Spanned, Text};

/// The entity whose reference names nothing.
#[derive(Clone, Copy, Debug)]
pub enum Referrer<'d> {
    Site(SiteRef<'d>),
    Circuit(CircuitRef<'d>),
}

impl Referrer<'_> {
    /// `site `lyon`` or `circuit `er-ams``, for messages.
    pub fn describe(self) -> String {
        match self {
            Referrer::Site(s) => format!("site `{}`", s.name.value),
            Referrer::Circuit(c) => format!("circuit `{}`", c.name.value),
        }
    }
}

/// A reference to a name that no entity of its kind has.
#[derive(Clone, Copy, Debug)]
pub struct Dangling<'d> {
    /// The kind of entity the reference asks for.
    pub kind: NameKind,
    /// The name as written.
    pub name: &'d Spanned<Text>,
    /// Who wrote it.
    pub from: Referrer<'d>,
}

impl<'d> Dangling<'d> {
    pub(super) fn new(db: Db<'d>, reference: Reference) -> Option<Dangling<'d>> {
        let name = reference.name(db.design())?;
        let from = match reference {
            Reference::SiteProvider { site } | Reference::SiteCircuit { site, .. } => {
                Referrer::Site(db.site(SiteId::at(site))?)
            }
            Reference::CircuitProvider { circuit }
            | Reference::CircuitPort { circuit }
            | Reference::LinkVnet { circuit, .. } => {
                Referrer::Circuit(db.circuit(CircuitId::at(circuit))?)
            }
        };
        Some(Dangling {
            kind: reference.kind(),
            name,
            from,
        })
    }
}
