//! Circuit SKU, billing, bandwidth and gateways.
pub mod direct_port_oversubscribed;
pub mod fastpath_unsupported;
pub mod gateway_below_circuit;
pub mod gateway_circuit_limit;
pub mod gateway_legacy_sku;
pub mod invalid_bandwidth;
pub mod local_sku_billing;
pub mod local_sku_location;
pub mod local_sku_remote_vnet;
pub mod provider_and_port;
pub mod standard_sku_cross_geo;
pub mod vnet_link_limit;
pub mod vnet_without_gateway;

use crate::catalog::sku::{self, GatewayFacts};
use crate::catalog::{Catalog, Region};
use crate::model::{
    Bandwidth, Circuit, Design, Gateway, GatewaySku, Index, Link, Spanned, Text, VirtualNetwork,
};

/// How a circuit is delivered, when that is clear: exactly one of
/// `provider` and `port` (anything else is `provider-and-port`'s finding).
pub(crate) enum Delivery {
    Provider,
    /// On a Direct port (`port`).
    Direct,
}

pub(crate) fn delivery(c: &Circuit) -> Option<Delivery> {
    match (&c.provider, &c.port) {
        (Some(_), None) if !c.has(crate::model::CircuitKey::Port) => Some(Delivery::Provider),
        (None, Some(_)) if !c.has(crate::model::CircuitKey::Provider) => Some(Delivery::Direct),
        _ => None,
    }
}

/// The circuit's bandwidth when it is a size the circuit can be ordered at
/// (or when that cannot be judged): a size `invalid-bandwidth` reports is
/// not used again to size gateways or limits, which would repeat that
/// finding.
pub(crate) fn orderable_bandwidth<'d>(
    index: &Index,
    design: &'d Design,
    pos: usize,
) -> Option<&'d Spanned<Bandwidth>> {
    let c = design.circuits.get(pos)?;
    let bw = c.bandwidth.as_ref()?;
    let ok = match delivery(c) {
        Some(Delivery::Provider) => sku::PROVIDER_BANDWIDTHS_MBPS.contains(&bw.value.mbps),
        Some(Delivery::Direct) => index
            .circuit_port(design, pos)
            .and_then(|p| p.bandwidth.as_ref())
            .is_none_or(|port_bw| {
                sku::direct_circuit_sizes_gbps(port_bw.value.mbps / 1_000).is_empty()
                    || sku::direct_circuit_fits(port_bw.value, bw.value)
            }),
        None => true,
    };
    ok.then_some(bw)
}

/// The canonical (first of their name) virtual networks with their position.
pub(crate) fn canonical_vnets<'d>(
    design: &'d Design,
    index: &'d Index,
) -> impl Iterator<Item = (usize, &'d VirtualNetwork)> + 'd {
    design
        .virtual_networks
        .iter()
        .enumerate()
        .filter(move |(pos, _)| index.is_canonical_vnet(*pos))
}

/// The circuit's links whose virtual network exists and whose region the
/// catalog knows (an undefined vnet is `undefined-reference`'s finding, an
/// unknown region `unknown-region`'s), with the vnet's `region` value.
pub(crate) fn linked_regions<'d>(
    design: &'d Design,
    index: &'d Index,
    catalog: &'d Catalog,
    pos: usize,
) -> impl Iterator<Item = LinkedRegion<'d>> + 'd {
    index.links_of(design, pos).filter_map(move |(link, vnet)| {
        let (_, vnet) = vnet?;
        let written = vnet.region.as_ref()?;
        let region = catalog.region(&written.value)?;
        Some((link, vnet, written, region))
    })
}

/// A link, its virtual network, the vnet's `region` as written, the region.
pub(crate) type LinkedRegion<'d> = (&'d Link, &'d VirtualNetwork, &'d Spanned<Text>, &'d Region);

/// A gateway whose SKU is known and current (Basic is
/// `gateway-legacy-sku`'s finding), with its facts.
pub(crate) fn usable_gateway(
    vnet: &VirtualNetwork,
) -> Option<(&Gateway, &Spanned<GatewaySku>, GatewayFacts)> {
    let gw = vnet.gateway.as_ref()?;
    let sku = gw.sku.as_ref()?;
    if sku.value == GatewaySku::Basic {
        return None;
    }
    // Scale units written wrong were reported; guessing 1 would cascade.
    if sku.value == GatewaySku::ErGwScale
        && gw.scale_units.is_none()
        && gw.has(crate::model::GatewayKey::ScaleUnits)
    {
        return None;
    }
    let facts = sku::gateway(sku.value, gw.scale_units.as_ref().map(|s| s.value));
    Some((gw, sku, facts))
}

/// `ErGw2AZ`, or `ErGwScale with 4 scale units`, for messages.
pub(crate) fn describe_gateway(gw: &Gateway, sku: GatewaySku) -> String {
    if sku == GatewaySku::ErGwScale {
        let Some(su) = gw.scale_units.as_ref().map(|s| s.value) else {
            return "`ErGwScale` without `scale_units`, counted as 1 scale unit".to_string();
        };
        let units = if su == 1 { "unit" } else { "units" };
        format!("`ErGwScale` with {su} scale {units}")
    } else {
        format!("`{}`", sku.as_str())
    }
}
