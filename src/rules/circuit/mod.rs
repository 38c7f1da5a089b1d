//! Circuit SKU, billing, bandwidth and gateways.
pub mod direct_macsec_disabled;
pub mod direct_port_oversubscribed;
pub mod direct_rate_limit_disabled;
pub mod ergwscale_min_units;
pub mod ergwscale_unavailable_region;
pub mod fastpath_available;
pub mod fastpath_unsupported;
pub mod gateway_below_circuit;
pub mod gateway_circuit_limit;
pub mod gateway_legacy_sku;
pub mod gateway_not_zone_redundant;
pub mod gateway_subnet_size;
pub mod invalid_bandwidth;
pub mod local_sku_billing;
pub mod local_sku_location;
pub mod local_sku_remote_vnet;
pub mod provider_and_port;
pub mod standard_sku_cross_geo;
pub mod vnet_link_limit;
pub mod vnet_route_limit;
pub mod vnet_without_gateway;

use crate::model::{Gateway, GatewaySku};

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
