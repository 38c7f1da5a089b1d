//! Prefixes, NAT, QoS, Global Reach.
pub mod geo_redundant_equal_weight;
pub mod global_reach_local_sku;
pub mod global_reach_premium_required;
pub mod global_reach_subnet;
pub mod global_reach_unavailable;
pub mod global_reach_without_private_peering;
pub mod microsoft_peering_no_nat;
pub mod nat_pool_not_advertised;
pub mod qos_dscp_mismatch;
pub mod site_overlaps_vnet;
pub mod site_prefix_overlap;
