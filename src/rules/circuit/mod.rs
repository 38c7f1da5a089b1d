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
