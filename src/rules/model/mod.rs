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

/// The declarations `rules/owners.rs` names when it asks whether an owner's
/// finding will be reported (`RuleContext::reports`).
pub use ipvpn_layer2::RULE as IPVPN_LAYER2;
pub use layer_not_offered::RULE as LAYER_NOT_OFFERED;
pub use model_not_offered::RULE as MODEL_NOT_OFFERED;

use crate::model::PeeringKind;

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
