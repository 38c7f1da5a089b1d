//! Names in the text: every place an entity is defined or referred to, and
//! which is under a byte offset (the language server's cursor).

use super::{CircuitRef, Db, PortRef, ProviderRef, SiteRef, VnetRef};
use crate::model::{NameKind, Spanned, Text};
use crate::source::{FileId, Span};

/// An entity of any kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entity<'d> {
    Provider(ProviderRef<'d>),
    Site(SiteRef<'d>),
    Circuit(CircuitRef<'d>),
    Port(PortRef<'d>),
    Vnet(VnetRef<'d>),
}

impl<'d> Entity<'d> {
    pub fn kind(self) -> NameKind {
        match self {
            Entity::Provider(_) => NameKind::Provider,
            Entity::Site(_) => NameKind::Site,
            Entity::Circuit(_) => NameKind::Circuit,
            Entity::Port(_) => NameKind::Port,
            Entity::Vnet(_) => NameKind::Vnet,
        }
    }

    /// The `name` value as written.
    pub fn name(self) -> &'d Spanned<Text> {
        match self {
            Entity::Provider(e) => &e.entity().name,
            Entity::Site(e) => &e.entity().name,
            Entity::Circuit(e) => &e.entity().name,
            Entity::Port(e) => &e.entity().name,
            Entity::Vnet(e) => &e.entity().name,
        }
    }

    /// The whole entity's span (its mapping).
    pub fn span(self) -> Span {
        match self {
            Entity::Provider(e) => e.entity().span,
            Entity::Site(e) => e.entity().span,
            Entity::Circuit(e) => e.entity().span,
            Entity::Port(e) => e.entity().span,
            Entity::Vnet(e) => e.entity().span,
        }
    }
}

/// A name written in the design: an entity's own `name`, or a reference
/// to one.
#[derive(Clone, Copy, Debug)]
pub struct Occurrence<'d> {
    pub kind: NameKind,
    /// The name as written, with its span.
    pub name: &'d Spanned<Text>,
    /// True for an entity's own `name`.
    pub is_definition: bool,
    /// The entity that counts under this name (the first of it), if any.
    pub target: Option<Entity<'d>>,
}

impl<'d> Db<'d> {
    /// The entity that counts under `name` of `kind`.
    pub fn entity_named(self, kind: NameKind, name: &str) -> Option<Entity<'d>> {
        match kind {
            NameKind::Provider => self.provider_named(name).map(Entity::Provider),
            NameKind::Site => self.site_named(name).map(Entity::Site),
            NameKind::Circuit => self.circuit_named(name).map(Entity::Circuit),
            NameKind::Port => self.port_named(name).map(Entity::Port),
            NameKind::Vnet => self.vnet_named(name).map(Entity::Vnet),
        }
    }

    /// Every entity written in `file`, in document order (providers, sites,
    /// circuits, ports, virtual networks of that file).
    pub fn entities_in(self, file: FileId) -> Vec<Entity<'d>> {
        let mut out = Vec::new();
        let d = self.design();
        for p in file_range(&d.providers, file, |e| e.span) {
            out.extend(
                self.provider(super::ProviderId::at(p))
                    .map(Entity::Provider),
            );
        }
        for p in file_range(&d.sites, file, |e| e.span) {
            out.extend(self.site(super::SiteId::at(p)).map(Entity::Site));
        }
        for p in file_range(&d.circuits, file, |e| e.span) {
            out.extend(self.circuit(super::CircuitId::at(p)).map(Entity::Circuit));
        }
        for p in file_range(&d.ports, file, |e| e.span) {
            out.extend(self.port(super::PortId::at(p)).map(Entity::Port));
        }
        for p in file_range(&d.virtual_networks, file, |e| e.span) {
            out.extend(self.vnet(super::VnetId::at(p)).map(Entity::Vnet));
        }
        out.sort_by_key(|e| e.span().start);
        out
    }

    /// Every name an entity writes: its own, then its references (a site's
    /// provider and circuits; a circuit's provider, port, linked virtual
    /// networks and Global Reach peers).
    pub fn occurrences_of(self, entity: Entity<'d>) -> Vec<Occurrence<'d>> {
        let mut out = vec![Occurrence {
            kind: entity.kind(),
            name: entity.name(),
            is_definition: true,
            target: self.entity_named(entity.kind(), &entity.name().value),
        }];
        let mut reference = |kind: NameKind, name: &'d Spanned<Text>| {
            out.push(Occurrence {
                kind,
                name,
                is_definition: false,
                target: self.entity_named(kind, &name.value),
            });
        };
        match entity {
            Entity::Site(s) => {
                if let Some(p) = s
                    .entity()
                    .expressroute
                    .as_ref()
                    .and_then(|e| e.provider.as_ref())
                {
                    reference(NameKind::Provider, p);
                }
                for c in s.entity().circuit_names() {
                    reference(NameKind::Circuit, c);
                }
            }
            Entity::Circuit(c) => {
                let c = c.entity();
                if let Some(p) = &c.provider {
                    reference(NameKind::Provider, p);
                }
                if let Some(p) = &c.port {
                    reference(NameKind::Port, p);
                }
                for l in c.links() {
                    reference(NameKind::Vnet, &l.vnet);
                }
                for g in c.global_reach() {
                    if let Some(peer) = &g.circuit {
                        reference(NameKind::Circuit, peer);
                    }
                }
            }
            Entity::Provider(_) | Entity::Port(_) | Entity::Vnet(_) => {}
        }
        out
    }

    /// Every name written in the design, in design order.
    pub fn occurrences(self) -> impl Iterator<Item = Occurrence<'d>> + 'd {
        let entities = self
            .all_providers()
            .map(Entity::Provider)
            .chain(self.all_sites().map(Entity::Site))
            .chain(self.all_circuits().map(Entity::Circuit))
            .chain(self.all_ports().map(Entity::Port))
            .chain(self.all_vnets().map(Entity::Vnet));
        entities.flat_map(move |e| self.occurrences_of(e))
    }

    /// The name under byte `offset` of `file` (its end included, where a
    /// cursor after the last character stands).
    pub fn at(self, file: FileId, offset: u32) -> Option<Occurrence<'d>> {
        self.entities_in(file)
            .into_iter()
            .filter(|e| e.span().start <= offset && offset <= e.span().end)
            .flat_map(|e| self.occurrences_of(e))
            .find(|o| {
                let s = o.name.span;
                s.file == file && s.start <= offset && offset <= s.end
            })
    }

    /// Every name that refers to `target`'s name (its definition, its
    /// duplicates and every reference), in design order.
    pub fn references_to(self, target: Entity<'d>) -> Vec<Occurrence<'d>> {
        let (kind, name) = (target.kind(), target.name().value.as_str());
        self.occurrences()
            .filter(|o| o.kind == kind && o.name.value == name)
            .collect()
    }
}

/// The positions of `list`'s entities written in `file` (the design lists
/// entities in file order).
fn file_range<T>(list: &[T], file: FileId, span: impl Fn(&T) -> Span) -> std::ops::Range<usize> {
    let start = list.partition_point(|e| span(e).file < file);
    let end = list.partition_point(|e| span(e).file <= file);
    start..end.max(start)
}
