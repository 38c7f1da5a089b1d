//! Does the requested connectivity model hold together?
pub mod circuit_provider_mismatch;
pub mod cloud_exchange_not_colocated;
pub mod ethernet_shared_circuit;
pub mod ipvpn_layer2;
pub mod layer2_incomplete_peering;
pub mod layer3_customer_vlan;
pub mod layer_not_offered;
pub mod mixed_models_on_circuit;
pub mod model_not_offered;

use crate::rules::prelude::*;

/// A site and its position in the design (which the index's resolved
/// references are keyed by); reads as the site.
#[derive(Clone, Copy)]
pub(crate) struct SiteRef<'d> {
    pub pos: usize,
    pub site: &'d Site,
}

impl std::ops::Deref for SiteRef<'_> {
    type Target = Site;
    fn deref(&self) -> &Site {
        self.site
    }
}

/// The sites that use the circuit at `pos` and count for rules that judge
/// the circuit by its sites: the first site of each name (a later one is a
/// duplicate), and only sites that may use this circuit at all (a site
/// listing another provider's circuit, or a Direct circuit without
/// `model: direct`, is `circuit-provider-mismatch`'s finding; counting it
/// here would report the same mistake twice).
pub(crate) fn sites_on_circuit<'d, 'c>(
    cx: &'c RuleContext<'d>,
    pos: usize,
) -> impl Iterator<Item = SiteRef<'d>> + Clone + 'c {
    let circuit = cx.design.circuits.get(pos);
    let listed = circuit.map_or(&[][..], |_| cx.index.site_positions_of_circuit(pos));
    listed
        .iter()
        .filter(|&&s| cx.index.is_canonical_site(s))
        .filter_map(|&s| cx.design.sites.get(s).map(|site| SiteRef { pos: s, site }))
        .filter(move |s| circuit.is_some_and(|c| site_fits_circuit(cx, s, pos, c)))
}

/// False when `circuit-provider-mismatch` reports `site` listing the
/// circuit at `circuit_pos`.
pub(crate) fn site_fits_circuit(
    cx: &RuleContext<'_>,
    site: &SiteRef<'_>,
    circuit_pos: usize,
    circuit: &Circuit,
) -> bool {
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
            match (
                cx.index.provider_of_site(site.pos),
                cx.index.provider_of_circuit(circuit_pos),
            ) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
    }
}

/// False when the site's provider (defined, with valid `offers`) does not
/// offer the site's model, or offers it without the site's layer, and for
/// IPVPN + Layer 2 unless the contract explicitly offers it:
/// `model-not-offered`, `layer-not-offered` and `ipvpn-layer2` report those,
/// so rules that judge a circuit by its sites' model or layer leave such a
/// site out instead of repeating the finding.
pub(crate) fn connectivity_offered(cx: &RuleContext<'_>, site: &SiteRef<'_>) -> bool {
    let Some(model) = site.model() else {
        return true;
    };
    if model == Model::Direct {
        return true;
    }
    let provider = cx
        .index
        .provider_of_site(site.pos)
        .and_then(|p| cx.design.providers.get(p));
    let ipvpn_l2 = model == Model::Ipvpn && site.layer() == Some(Layer::L2);
    let Some(p) = provider.filter(|p| p.offers.is_some()) else {
        // Offers unknown: nothing to compare, but IPVPN + Layer 2 is still
        // ipvpn-layer2's error.
        return !ipvpn_l2;
    };
    if p.offer(model).is_none() {
        return false;
    }
    site.layer().is_none_or(|l| p.offers_layer(model, l))
}

/// "private peering", "Microsoft peering", as people write it.
pub(crate) fn peering_name(kind: PeeringKind) -> &'static str {
    match kind {
        PeeringKind::Private => "private peering",
        PeeringKind::Microsoft => "Microsoft peering",
        PeeringKind::Public => "public peering",
    }
}

/// `a`, `a and b`, `a, b and c`.
pub(crate) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
