//! Prefixes, NAT, QoS, Global Reach.
pub mod global_reach_subnet;
pub mod microsoft_peering_no_nat;
pub mod nat_pool_not_advertised;
pub mod qos_dscp_mismatch;
pub mod site_overlaps_vnet;
pub mod site_prefix_overlap;
