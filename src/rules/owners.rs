//! Who reports what: one root cause is one finding.
//!
//! Many mistakes can be seen by several rules: a circuit of a size that
//! cannot be ordered would also make the gateway look too small; a site
//! that lists another provider's circuit would also mix models on it. The
//! rule that owns a case reports it; every other rule asks the predicate
//! here and leaves the case out. Each predicate names its owner, so this
//! file is the one list of those decisions (ARCHITECTURE.md, "Ownership").
//!
//! A predicate reads only the semantic view and the catalog, like a rule,
//! and never another rule's check: rules do not import each other. A
//! predicate may name its owner's declaration to ask whether the owner's
//! finding will be reported at all ([`RuleContext::reports`]): an owner
//! that is disabled, or whose finding a comment suppresses, reports
//! nothing, and the case goes back to the other rules.

use crate::catalog::sku::{self, GatewayFacts};
use crate::catalog::{Catalog, PeeringLocation, ProviderInfo, Region};
use crate::model::{
    Bandwidth, CircuitKey, Family, Gateway, GatewayKey, GatewaySku, IpNet, Layer, Model, NameKind,
    PeeringKind, ProviderKey, Spanned, Text,
};
use crate::rules::model::{IPVPN_LAYER2, LAYER_NOT_OFFERED, MODEL_NOT_OFFERED};
use crate::rules::reference::UNDEFINED_REFERENCE;
use crate::rules::{Rule, RuleContext};

use crate::sema::{CircuitId, CircuitRef, Db, LinkRef, ProviderRef, ReachRef, SiteRef, VnetRef};
use crate::source::Span;
use std::collections::HashSet;

/// How a circuit is delivered, when that is clear.
pub(crate) enum Delivery {
    /// Through a connectivity provider (`provider`).
    Provider,
    /// On an ExpressRoute Direct port (`port`).
    Direct,
}

/// Exactly one of `provider` and `port` was written: anything else is
/// **`provider-and-port`**'s finding, and rules that depend on how the
/// circuit is delivered skip it.
pub(crate) fn delivery(c: CircuitRef<'_>) -> Option<Delivery> {
    match (&c.provider, &c.port) {
        (Some(_), None) if !c.has(CircuitKey::Port) => Some(Delivery::Provider),
        (None, Some(_)) if !c.has(CircuitKey::Provider) => Some(Delivery::Direct),
        _ => None,
    }
}

/// The circuit's bandwidth when it is a size the circuit can be ordered at
/// (or when that cannot be judged). A size **`invalid-bandwidth`** reports
/// is not used again to size gateways or limits.
pub(crate) fn orderable_bandwidth<'d>(c: CircuitRef<'d>) -> Option<&'d Spanned<Bandwidth>> {
    let bw = c.entity().bandwidth.as_ref()?;
    let ok = match delivery(c) {
        Some(Delivery::Provider) => sku::PROVIDER_BANDWIDTHS_MBPS.contains(&bw.value.mbps),
        Some(Delivery::Direct) => c
            .port()
            .and_then(|p| p.entity().bandwidth.as_ref())
            .is_none_or(|port_bw| {
                sku::direct_circuit_sizes_gbps(port_bw.value.mbps / 1_000).is_empty()
                    || sku::direct_circuit_fits(port_bw.value, bw.value)
            }),
        None => true,
    };
    ok.then_some(bw)
}

/// A gateway whose SKU is known and current, with its facts. Basic is
/// **`gateway-legacy-sku`**'s finding; `scale_units` written wrong is
/// **`invalid-value`**'s (guessing 1 scale unit would cascade).
pub(crate) fn usable_gateway(
    vnet: VnetRef<'_>,
) -> Option<(&Gateway, &Spanned<GatewaySku>, GatewayFacts)> {
    let gw = vnet.entity().gateway.as_ref()?;
    let sku = gw.sku.as_ref()?;
    if sku.value == GatewaySku::Basic {
        return None;
    }
    if sku.value == GatewaySku::ErGwScale
        && gw.scale_units.is_none()
        && gw.has(GatewayKey::ScaleUnits)
    {
        return None;
    }
    let facts = sku::gateway(sku.value, gw.scale_units.as_ref().map(|s| s.value));
    Some((gw, sku, facts))
}

/// The circuit's links whose virtual network exists and whose region the
/// catalog knows, with the vnet's `region` as written and the region. An
/// undefined vnet is **`undefined-reference`**'s finding, an unknown region
/// **`unknown-region`**'s.
pub(crate) fn linked_regions<'d>(
    catalog: &'d Catalog,
    circuit: CircuitRef<'d>,
) -> impl Iterator<Item = LinkedRegion<'d>> + 'd {
    circuit.links().filter_map(move |link| {
        let vnet = link.vnet()?;
        let written = vnet.entity().region.as_ref()?;
        let region = catalog.region(&written.value)?;
        Some(LinkedRegion {
            link,
            vnet,
            written,
            region,
        })
    })
}

/// A link whose virtual network's region is known.
#[derive(Clone, Copy)]
pub(crate) struct LinkedRegion<'d> {
    pub link: LinkRef<'d>,
    pub vnet: VnetRef<'d>,
    /// The vnet's `region` as written.
    pub written: &'d Spanned<Text>,
    pub region: &'d Region,
}

/// False when **`circuit-provider-mismatch`** reports `site` listing
/// `circuit`: another provider's circuit, or a Direct circuit for a site
/// whose model is not `direct` (or the other way round).
pub(crate) fn site_fits_circuit(site: SiteRef<'_>, circuit: CircuitRef<'_>) -> bool {
    let Some(er) = &site.expressroute else {
        return true;
    };
    let Some(model) = &er.model else { return true };
    match (&circuit.provider, &circuit.port) {
        // Neither or both: provider-and-port's finding.
        (Some(_), Some(_)) | (None, None) => true,
        (None, Some(_)) => model.value == Model::Direct,
        (Some(_), None) => {
            if model.value == Model::Direct {
                return false;
            }
            // Both defined: the same name is the same (first) provider. An
            // undefined one is undefined-reference's finding.
            match (site.provider(), circuit.provider()) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
    }
}

/// The sites that use `circuit` and count for rules that judge a circuit by
/// its sites: the first site of each name (a later one is
/// **`duplicate-name`**'s), and only sites that may use this circuit at all
/// (see [`site_fits_circuit`], owned by **`circuit-provider-mismatch`**).
pub(crate) fn sites_on_circuit<'d>(
    circuit: CircuitRef<'d>,
) -> impl Iterator<Item = SiteRef<'d>> + Clone + 'd {
    circuit
        .sites()
        .filter(move |&s| site_fits_circuit(s, circuit))
}

/// False when the site's model or layer is reported as not offered by its
/// provider's contract, and that finding will be seen: the provider does
/// not offer the model (**`model-not-offered`**), or offers it without the
/// site's layer (**`layer-not-offered`**; for IPVPN + Layer 2, unless the
/// contract explicitly offers it, **`ipvpn-layer2`**). Rules that judge a
/// circuit by its sites' model or layer leave such a site out: the offer
/// finding's fix may settle them too.
///
/// When that owner is disabled or its finding suppressed (a team with a
/// Layer 2 contract allows `ipvpn-layer2` on the site), nothing would
/// report the site, so it counts again, as if the contract offered what it
/// asks (see [`RuleContext::reports`]).
pub(crate) fn connectivity_offered(cx: &RuleContext<'_>, site: SiteRef<'_>) -> bool {
    match connectivity_owner(site) {
        Owner::Nobody => true,
        Owner::Stage => false,
        Owner::Rule(rule, span) => !cx.reports(rule, span),
    }
}

/// Who reports a site's model or layer as not offered.
enum Owner {
    /// It is offered, or nothing can be compared.
    Nobody,
    /// The loader (the provider missing or invalid): its finding stands
    /// for the site's whole connectivity.
    Stage,
    /// This rule, with its finding's primary span.
    Rule(&'static Rule, Span),
}

fn connectivity_owner(site: SiteRef<'_>) -> Owner {
    let Some(er) = &site.expressroute else {
        return Owner::Nobody;
    };
    let Some(model) = &er.model else {
        return Owner::Nobody;
    };
    if model.value == Model::Direct {
        return Owner::Nobody;
    }
    let ipvpn_l2 = er
        .layer
        .as_ref()
        .filter(|l| model.value == Model::Ipvpn && l.value == Layer::L2);
    let Some(p) = site.provider() else {
        // No contract to compare with, but IPVPN + Layer 2 is still wrong
        // unless a contract says otherwise: the provider's own finding (an
        // undefined name, or the loader's) stands for it.
        return match (ipvpn_l2, &er.provider) {
            (None, _) => Owner::Nobody,
            (Some(_), Some(name)) => Owner::Rule(&UNDEFINED_REFERENCE, name.span),
            (Some(_), None) => Owner::Stage,
        };
    };
    if p.offers.is_none() {
        // Offers missing or invalid (already reported): ipvpn-layer2 still
        // reports IPVPN + Layer 2.
        return match ipvpn_l2 {
            Some(layer) => Owner::Rule(&IPVPN_LAYER2, layer.span),
            None => Owner::Nobody,
        };
    }
    if p.offer(model.value).is_none() {
        return Owner::Rule(&MODEL_NOT_OFFERED, model.span);
    }
    match &er.layer {
        Some(layer) if !p.offers_layer(model.value, layer.value) => {
            let rule = if ipvpn_l2.is_some() {
                &IPVPN_LAYER2
            } else {
                &LAYER_NOT_OFFERED
            };
            Owner::Rule(rule, layer.span)
        }
        _ => Owner::Nobody,
    }
}

/// Names of `kind` that an undefined reference probably meant (its closest
/// defined name): **`undefined-reference`** reports the typo, so the
/// entity it meant is not also reported as unused.
pub(crate) fn probably_meant<'d>(db: Db<'d>, kind: NameKind) -> HashSet<&'d str> {
    let mut meant = HashSet::new();
    for r in db.dangling().filter(|r| r.kind == kind) {
        if db.unparsed().may_mention(&r.name.value) {
            continue;
        }
        if let Some(best) = db.similar(kind, &r.name.value, 1).first() {
            meant.insert(*best);
        }
    }
    meant
}

/// Where a circuit meets Microsoft, as the catalog knows it. A circuit on a
/// defined Direct port whose location the catalog knows is where its port
/// is, whatever its own `peering_location` says: a different value is
/// **`direct-circuit-location-mismatch`**'s finding, and rules that judge
/// where circuits are (redundancy, metros) read the port's. Otherwise the
/// circuit's own `peering_location`; `None` when it is missing or unknown
/// (**`missing-field`**, **`unknown-peering-location`**).
pub(crate) fn circuit_location<'c>(
    catalog: &'c Catalog,
    circuit: CircuitRef<'_>,
) -> Option<&'c PeeringLocation> {
    if let Some(Delivery::Direct) = delivery(circuit) {
        let at_port = circuit
            .port()
            .and_then(|p| p.entity().peering_location.as_ref())
            .and_then(|l| catalog.location(&l.value));
        if at_port.is_some() {
            return at_port;
        }
    }
    catalog.location(&circuit.peering_location.as_ref()?.value)
}

/// The catalog's entry for a provider of the design: by its `catalog_name`
/// when written, else by its `name` (both matched as people write them).
/// A `catalog_name` the catalog does not know gives `None`, not a guess by
/// `name`: **`unknown-provider`** reports it (when the provider declares no
/// `peering_locations`), and location checks skip the provider.
pub(crate) fn catalog_provider<'c>(
    catalog: &'c Catalog,
    provider: ProviderRef<'_>,
) -> Option<&'c ProviderInfo> {
    match &provider.entity().catalog_name {
        Some(name) => catalog.provider_by_catalog_name(&name.value),
        // An invalid `catalog_name` was reported by the loader: no guess.
        None if provider.entity().has(ProviderKey::CatalogName) => None,
        None => catalog.provider(&provider.entity().name.value),
    }
}

/// The two circuits of every Global Reach connection that can be judged,
/// each connection once: the peer is defined and is another circuit (an
/// undefined peer or a connection to itself is **`global-reach-subnet`**'s
/// finding), and a connection written on both circuits counts once (the
/// second is `global-reach-subnet`'s too), reported where it is first
/// written.
pub(crate) fn global_reach_pairs<'d>(db: Db<'d>) -> Vec<ReachRef<'d>> {
    let mut seen: HashSet<(CircuitId, CircuitId)> = HashSet::new();
    let mut out = Vec::new();
    for circuit in db.circuits() {
        for reach in circuit.global_reach() {
            let Some(to) = reach.to().and_then(|t| t.canonical()) else {
                continue;
            };
            if to.id() == circuit.id() {
                continue;
            }
            let pair = if circuit.id() < to.id() {
                (circuit.id(), to.id())
            } else {
                (to.id(), circuit.id())
            };
            if seen.insert(pair) {
                out.push(reach);
            }
        }
    }
    out
}

/// False when **`global-reach-unavailable`** reports the connection: a
/// circuit at a location whose country has no Global Reach (Premium does
/// not change that, so `global-reach-premium-required` leaves it out).
pub(crate) fn global_reach_offered(catalog: &Catalog, reach: ReachRef<'_>) -> bool {
    let Some(to) = reach.to() else { return true };
    [reach.from(), to]
        .into_iter()
        .all(|c| circuit_location(catalog, c).is_none_or(|l| l.global_reach))
}

/// The prefix length of one BGP link subnet.
pub(crate) const LINK_V4: u8 = 30;
pub(crate) const LINK_V6: u8 = 126;

/// True when `net`, written under a key expecting `family`, is a usable
/// link subnet: **`peering-subnet-size`** reports the others, and other
/// rules skip them.
pub(crate) fn is_link_subnet(family: Family, net: &IpNet) -> bool {
    net.family() == family && net.is_network_of(LINK_V4, LINK_V6)
}

/// Why `asn` cannot be a peer ASN on a peering of `kind`, if it cannot:
/// **`reserved-asn`** reports those, and other ASN rules skip them.
pub(crate) fn reserved(asn: u64, kind: PeeringKind) -> Option<&'static str> {
    Some(match asn {
        0 => "ASN 0 is reserved (RFC 7607)",
        23456 => "ASN 23456 is AS_TRANS, reserved for 4-byte ASN transition (RFC 6793)",
        12076 => "ASN 12076 is Microsoft's own ASN on every ExpressRoute peering",
        65515..=65520 => "ASNs 65515-65520 are reserved by Azure for internal use",
        65535 | 4_294_967_295 => "the last 16-bit and 32-bit ASNs are reserved by IANA",
        64496..=64511 | 65536..=65551 if kind == PeeringKind::Microsoft => {
            "documentation ASNs (64496-64511, 65536-65551) are not allowed on Microsoft peering"
        }
        _ => return None,
    })
}

/// The usable 802.1Q VLAN IDs (0 and 4095 are reserved): **`vlan-out-of-range`**
/// reports the others, and other VLAN rules skip them.
pub(crate) fn vlan_in_range(id: i64) -> bool {
    (1..=4094).contains(&id)
}
