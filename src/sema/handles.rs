//! Handles: an entity of the design with the way to its neighbours.
//!
//! A handle dereferences to the model entity, so a rule reads `site.name`,
//! `circuit.bandwidth` as written (with their spans for findings), and
//! follows references through methods (`site.provider()`).

use super::{CircuitId, Db, PortId, ProviderId, SiteId, VnetId};
use crate::model::{
    Circuit, GlobalReach, Link, Port, Provider, Site, Spanned, Text, VirtualNetwork,
};

macro_rules! handle {
    ($(#[$doc:meta])* $handle:ident, $id:ident, $entity:ident, $field:ident, $canonical:ident, $named:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy)]
        pub struct $handle<'d> {
            db: Db<'d>,
            id: $id,
            $field: &'d $entity,
        }

        impl<'d> $handle<'d> {
            pub(super) fn new(db: Db<'d>, id: $id, $field: &'d $entity) -> Self {
                $handle { db, id, $field }
            }

            pub fn id(self) -> $id {
                self.id
            }

            /// The entity as written.
            pub fn entity(self) -> &'d $entity {
                self.$field
            }

            /// True for the first entity of its kind with its name; a later
            /// duplicate is `duplicate-name`'s finding and otherwise ignored.
            pub fn is_canonical(self) -> bool {
                self.db.index().$canonical(self.id.pos())
            }

            /// The first entity of this kind with this name (itself, unless
            /// it is a duplicate).
            pub fn canonical(self) -> Option<$handle<'d>> {
                if self.is_canonical() {
                    return Some(self);
                }
                self.db.$named(&self.$field.name.value)
            }
        }

        impl<'d> std::ops::Deref for $handle<'d> {
            type Target = $entity;
            fn deref(&self) -> &$entity {
                self.$field
            }
        }

        impl PartialEq for $handle<'_> {
            fn eq(&self, other: &Self) -> bool {
                self.id == other.id
            }
        }
        impl Eq for $handle<'_> {}

        impl std::fmt::Debug for $handle<'_> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_tuple(stringify!($handle)).field(&self.$field.name.value).finish()
            }
        }
    };
}

handle!(
    /// A site of the design.
    SiteRef, SiteId, Site, site, is_canonical_site, site_named
);
handle!(
    /// An ExpressRoute circuit.
    CircuitRef, CircuitId, Circuit, circuit, is_canonical_circuit, circuit_named
);
handle!(
    /// A connectivity provider.
    ProviderRef, ProviderId, Provider, provider, is_canonical_provider, provider_named
);
handle!(
    /// An ExpressRoute Direct port.
    PortRef, PortId, Port, port, is_canonical_port, port_named
);
handle!(
    /// A virtual network.
    VnetRef, VnetId, VirtualNetwork, vnet, is_canonical_vnet, vnet_named
);

impl<'d> SiteRef<'d> {
    /// The provider named under `expressroute.provider`, if it is defined.
    pub fn provider(self) -> Option<ProviderRef<'d>> {
        let pos = self.db.index().provider_of_site(self.id.pos())?;
        self.db.provider(ProviderId::at(pos))
    }

    /// The circuits listed under `expressroute.circuits`, each with the
    /// name as written and the circuit it names (`None` when undefined).
    pub fn circuits(
        self,
    ) -> impl Iterator<Item = (&'d Spanned<Text>, Option<CircuitRef<'d>>)> + Clone + 'd {
        let db = self.db;
        self.site
            .circuit_names()
            .iter()
            .zip(db.index().circuits_of_site(self.id.pos()))
            .map(move |(name, c)| (name, c.and_then(|c| db.circuit(CircuitId::at(c)))))
    }
}

impl<'d> CircuitRef<'d> {
    /// The provider the circuit names, if it is defined.
    pub fn provider(self) -> Option<ProviderRef<'d>> {
        let pos = self.db.index().provider_of_circuit(self.id.pos())?;
        self.db.provider(ProviderId::at(pos))
    }

    /// The Direct port the circuit names, if it is defined.
    pub fn port(self) -> Option<PortRef<'d>> {
        let pos = self.db.index().port_of_circuit(self.id.pos())?;
        self.db.port(PortId::at(pos))
    }

    /// Every site that lists this circuit, duplicates included, in design
    /// order.
    pub fn listed_by(self) -> impl Iterator<Item = SiteRef<'d>> + Clone + 'd {
        let db = self.db;
        db.index()
            .site_positions_of_circuit(self.id.pos())
            .iter()
            .filter_map(move |&s| db.site(SiteId::at(s)))
    }

    /// The sites that count (first of their name) that list this circuit.
    pub fn sites(self) -> impl Iterator<Item = SiteRef<'d>> + Clone + 'd {
        self.listed_by().filter(|s| s.is_canonical())
    }

    /// True when any site lists this circuit.
    pub fn has_sites(self) -> bool {
        self.db.index().circuit_has_sites(self.id.pos())
    }

    /// The links, each with the virtual network it names.
    pub fn links(self) -> impl Iterator<Item = LinkRef<'d>> + Clone + 'd {
        let db = self.db;
        let circuit = self;
        self.circuit
            .links()
            .iter()
            .zip(db.index().vnets_of_links(self.id.pos()))
            .map(move |(link, v)| LinkRef {
                circuit,
                link,
                vnet: v.and_then(|v| db.vnet(VnetId::at(v))),
            })
    }

    /// The Global Reach connections, each with the circuit it names
    /// (`None` when undefined or not written).
    pub fn global_reach(self) -> impl Iterator<Item = ReachRef<'d>> + Clone + 'd {
        let db = self.db;
        let from = self;
        self.circuit
            .global_reach()
            .iter()
            .zip(db.index().reach_targets(self.id.pos()))
            .map(move |(connection, t)| ReachRef {
                from,
                connection,
                to: t.and_then(|t| db.circuit(CircuitId::at(t))),
            })
    }

    /// The circuits whose `global_reach` names this one, in design order
    /// (a circuit naming it twice is listed twice).
    pub fn reached_by(self) -> impl Iterator<Item = CircuitRef<'d>> + Clone + 'd {
        let db = self.db;
        db.index()
            .circuit_reached_by(self.id.pos())
            .iter()
            .filter_map(move |&c| db.circuit(CircuitId::at(c)))
    }
}

impl<'d> ProviderRef<'d> {
    /// True when a site or a circuit names this provider.
    pub fn is_used(self) -> bool {
        self.db.index().provider_is_used(self.id.pos())
    }
}

impl<'d> PortRef<'d> {
    /// The circuits on this port that count (first of their name).
    pub fn circuits(self) -> impl Iterator<Item = CircuitRef<'d>> + Clone + 'd {
        let db = self.db;
        db.index()
            .circuits_of_port(self.id.pos())
            .iter()
            .filter_map(move |&c| db.circuit(CircuitId::at(c)))
            .filter(|c| c.is_canonical())
    }

    /// True when any circuit, duplicate or not, names this port.
    pub fn has_circuits(self) -> bool {
        self.db.index().port_has_circuits(self.id.pos())
    }
}

impl<'d> VnetRef<'d> {
    /// The circuits that link this virtual network and count (first of
    /// their name), in design order.
    pub fn circuits(self) -> impl Iterator<Item = CircuitRef<'d>> + Clone + 'd {
        let db = self.db;
        db.index()
            .circuits_of_vnet(self.id.pos())
            .iter()
            .filter_map(move |&c| db.circuit(CircuitId::at(c)))
            .filter(|c| c.is_canonical())
    }
}

/// A circuit's link to a virtual network.
#[derive(Clone, Copy)]
pub struct LinkRef<'d> {
    circuit: CircuitRef<'d>,
    link: &'d Link,
    vnet: Option<VnetRef<'d>>,
}

impl<'d> LinkRef<'d> {
    /// The circuit the link belongs to.
    pub fn circuit(self) -> CircuitRef<'d> {
        self.circuit
    }

    /// The link as written.
    pub fn entity(self) -> &'d Link {
        self.link
    }

    /// The virtual network the link names, if it is defined.
    pub fn vnet(self) -> Option<VnetRef<'d>> {
        self.vnet
    }
}

impl std::ops::Deref for LinkRef<'_> {
    type Target = Link;
    fn deref(&self) -> &Link {
        self.link
    }
}

/// A Global Reach connection written on a circuit.
#[derive(Clone, Copy)]
pub struct ReachRef<'d> {
    from: CircuitRef<'d>,
    connection: &'d GlobalReach,
    to: Option<CircuitRef<'d>>,
}

impl<'d> ReachRef<'d> {
    /// The circuit the connection is written on.
    pub fn from(self) -> CircuitRef<'d> {
        self.from
    }

    /// The connection as written.
    pub fn entity(self) -> &'d GlobalReach {
        self.connection
    }

    /// The peer circuit, if it is written and defined.
    pub fn to(self) -> Option<CircuitRef<'d>> {
        self.to
    }
}

impl std::ops::Deref for ReachRef<'_> {
    type Target = GlobalReach;
    fn deref(&self) -> &GlobalReach {
        self.connection
    }
}
