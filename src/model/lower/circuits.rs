//! Lowering circuits: their routers, peerings, Global Reach connections and
//! links, and the rule that `rate_limiting` needs a Direct port.

use super::constraints::Seen;
use super::{exact, first_key, Lowerer, Named};
use crate::model::format::{
    FormatKey, GlobalReachKey, Ipv6Key, LinkKey, PeeringKey, PeeringsKey, RoutersKey, Ty,
};
use crate::model::{
    Billing, Circuit, CircuitKey, CircuitRouters, GlobalReach, Ipv6Subnets, Link, Peering,
    PeeringKind, Peerings, Sku, Spanned, Written,
};
use crate::syntax::Node;

impl Lowerer {
    pub(super) fn circuit(&mut self, node: &Node) -> Option<Circuit> {
        type K = CircuitKey;
        let fields = self.fields::<K>(node, "a circuit")?;
        let name = self.entity_name(node, &fields, K::Name, "a circuit")?;
        let what = Named("circuit", &name.value);
        let provider = fields
            .value(K::Provider)
            .and_then(|v| self.string(v, "provider"));
        let port = fields.value(K::Port).and_then(|v| self.string(v, "port"));
        let peering_location = self
            .required(&fields, K::PeeringLocation, name.span, &what)
            .and_then(|v| self.string(v, "peering_location"));
        let bandwidth = self
            .required(&fields, K::Bandwidth, name.span, &what)
            .and_then(|v| self.bandwidth(v, "bandwidth"));
        let sku = self
            .required(&fields, K::Sku, name.span, &what)
            .and_then(|v| self.enumeration(v, "sku", Sku::ALL));
        let billing = self
            .required(&fields, K::Billing, name.span, &what)
            .and_then(|v| self.enumeration(v, "billing", Billing::ALL));
        let bfd = fields.value(K::Bfd).and_then(|v| self.boolean(v, "bfd"));
        let routers = fields
            .value(K::Routers)
            .and_then(|v| self.circuit_routers(v))
            .map(Box::new);
        let peerings = fields
            .value(K::Peerings)
            .map_or_else(Peerings::default, |v| self.peerings(v));
        let global_reach = fields.entry(K::GlobalReach).map(|(k, v)| {
            let list = self.list_items(v, "global_reach");
            let items = exact(
                list.iter().filter_map(|item| self.global_reach(item)),
                list.len(),
            );
            Spanned::new(items, k.span)
        });
        let links = fields.entry(K::Links).map(|(k, v)| {
            let list = self.list_items(v, "links");
            let items = exact(list.iter().filter_map(|item| self.link(item)), list.len());
            Spanned::new(items, k.span)
        });
        let mut rate_limiting = fields
            .value(K::RateLimiting)
            .and_then(|v| self.boolean(v, "rate_limiting"));
        let seen = |key: K| match key {
            K::RateLimiting if rate_limiting.is_none() => Seen::Invalid,
            _ => Seen::Written,
        };
        if !self.check_constraints(&fields, seen, &what).is_empty() {
            rate_limiting = None;
        }
        let written = fields.written();
        Some(Circuit {
            name,
            provider,
            port,
            peering_location,
            bandwidth,
            sku,
            billing,
            bfd,
            routers,
            peerings,
            global_reach,
            links,
            rate_limiting,
            written,
            span: node.span,
        })
    }

    fn circuit_routers(&mut self, node: &Node) -> Option<Spanned<CircuitRouters>> {
        let fields = self.fields::<RoutersKey>(node, "`routers`")?;
        let primary = fields
            .value(RoutersKey::Primary)
            .and_then(|v| self.string(v, "primary"));
        let secondary = fields
            .value(RoutersKey::Secondary)
            .and_then(|v| self.string(v, "secondary"));
        Some(Spanned::new(
            CircuitRouters {
                primary,
                secondary,
                written: fields.written(),
            },
            node.span,
        ))
    }

    fn peerings(&mut self, node: &Node) -> Peerings {
        let Some(fields) = self.fields::<PeeringsKey>(node, "`peerings`") else {
            return Peerings::default();
        };
        let one = |lw: &mut Self, key: PeeringsKey, kind: PeeringKind| {
            fields
                .get(key)
                .and_then(|(k, v)| lw.peering(k, v, kind))
                .map(Box::new)
        };
        Peerings {
            private: one(self, PeeringsKey::Private, PeeringKind::Private),
            microsoft: one(self, PeeringsKey::Microsoft, PeeringKind::Microsoft),
            public: one(self, PeeringsKey::Public, PeeringKind::Public),
            written: fields.written(),
        }
    }

    fn peering(&mut self, key: &Node, node: &Node, kind: PeeringKind) -> Option<Peering> {
        type K = PeeringKey;
        let mut p = Peering {
            kind,
            key: key.span,
            peer_asn: None,
            primary_subnet: None,
            secondary_subnet: None,
            vlan_id: None,
            ipv6: None,
            advertised_prefixes: None,
            advertised_prefixes_v6: None,
            advertised_public_prefixes: None,
            route_filter: None,
            nat_pool: None,
            written: Written::new(),
        };
        if node.is_null() {
            // `private:` with nothing under it: a peering with no settings.
            return Some(p);
        }
        let what = match kind {
            PeeringKind::Private => "`private` peering",
            PeeringKind::Microsoft => "`microsoft` peering",
            PeeringKind::Public => "`public` peering",
        };
        let fields = self.fields::<K>(node, what)?;
        p.written = fields.present();
        p.peer_asn = fields.value(K::PeerAsn).and_then(|v| {
            let asn = self.uint(v, "peer_asn")?;
            let Ty::Asn { max } = K::PeerAsn.spec().ty else {
                return Some(asn);
            };
            if asn.value > max {
                self.invalid(
                    v,
                    format!(
                        "`peer_asn` {} is not an ASN: ASNs are 32-bit numbers (0-{max})",
                        asn.value
                    ),
                    "use your 2-byte or 4-byte ASN, written as one number (asplain)",
                );
                return None;
            }
            Some(asn)
        });
        p.primary_subnet = fields
            .value(K::PrimarySubnet)
            .and_then(|v| self.cidr(v, "primary_subnet"));
        p.secondary_subnet = fields
            .value(K::SecondarySubnet)
            .and_then(|v| self.cidr(v, "secondary_subnet"));
        p.vlan_id = fields.value(K::VlanId).and_then(|v| {
            self.uint(v, "vlan_id")
                .map(|n| Spanned::new(i64::try_from(n.value).unwrap_or(i64::MAX), n.span))
        });
        p.ipv6 = fields.entry(K::Ipv6).and_then(|(k, v)| {
            let f = self.fields::<Ipv6Key>(v, "`ipv6`")?;
            Some(Ipv6Subnets {
                key: k.span,
                primary_subnet: f
                    .value(Ipv6Key::PrimarySubnet)
                    .and_then(|v| self.cidr(v, "primary_subnet")),
                secondary_subnet: f
                    .value(Ipv6Key::SecondarySubnet)
                    .and_then(|v| self.cidr(v, "secondary_subnet")),
            })
        });
        p.advertised_prefixes = fields
            .value(K::AdvertisedPrefixes)
            .and_then(|v| self.uint(v, "advertised_prefixes"));
        p.advertised_prefixes_v6 = fields
            .value(K::AdvertisedPrefixesV6)
            .and_then(|v| self.uint(v, "advertised_prefixes_v6"));
        p.advertised_public_prefixes = fields.value(K::AdvertisedPublicPrefixes).and_then(|v| {
            self.list(v, "advertised_public_prefixes", |lw, n| {
                lw.cidr(n, "advertised_public_prefixes")
            })
        });
        p.route_filter = fields
            .value(K::RouteFilter)
            .and_then(|v| self.list(v, "route_filter", |lw, n| lw.string(n, "route_filter")));
        p.nat_pool = fields
            .value(K::NatPool)
            .and_then(|v| self.cidr(v, "nat_pool"));
        Some(p)
    }

    fn global_reach(&mut self, node: &Node) -> Option<GlobalReach> {
        type K = GlobalReachKey;
        let fields = self.fields::<K>(node, "a Global Reach connection")?;
        let what = "a Global Reach connection";
        let circuit = self
            .required(&fields, K::Circuit, first_key(node), &what)
            .and_then(|v| self.string(v, "circuit"));
        let subnet = match fields.value(K::Subnet) {
            Some(v) => self.cidr(v, "subnet"),
            None => {
                let at = circuit.as_ref().map_or(first_key(node), |c| c.span);
                self.missing(at, K::Subnet, &what, &fields);
                None
            }
        };
        Some(GlobalReach {
            circuit,
            subnet,
            span: node.span,
        })
    }

    fn link(&mut self, node: &Node) -> Option<Link> {
        type K = LinkKey;
        let fields = self.fields::<K>(node, "a link")?;
        let vnet = self.required(&fields, K::Vnet, first_key(node), &"a link")?;
        let vnet = self.string(vnet, "vnet")?;
        let fastpath = fields
            .value(K::Fastpath)
            .and_then(|v| self.boolean(v, "fastpath"));
        let weight = fields
            .value(K::Weight)
            .and_then(|v| self.small_int(v, K::Weight));
        Some(Link {
            vnet,
            fastpath,
            weight,
            written: fields.written(),
            span: node.span,
        })
    }
}
