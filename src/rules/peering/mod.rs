//! BGP addressing of peerings.
pub mod duplicate_vlan;
pub mod microsoft_peering_no_route_filter;
pub mod microsoft_peering_private_asn;
pub mod microsoft_peering_private_ip;
pub mod peering_overlaps_vnet;
pub mod peering_subnet_size;
pub mod peering_subnets_overlap;
pub mod prefix_limit;
pub mod public_peering_deprecated;
pub mod reserved_asn;
pub mod vlan_out_of_range;
