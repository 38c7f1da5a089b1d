//! SKU facts: bandwidths, Direct port sizes, gateway capacities, VNet-link
//! and prefix limits (expressroute-facts.md §2, §3, §6, §12).

use crate::model::{Bandwidth, GatewaySku, Sku};

/// Bandwidths a provider circuit can be ordered at, in Mbps.
pub const PROVIDER_BANDWIDTHS_MBPS: &[u64] = &[50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000];

/// Circuit sizes (Gbps) allowed on a Direct port of `port_gbps`
/// (expressroute-erdirect-about.md, 2026).
pub fn direct_circuit_sizes_gbps(port_gbps: u64) -> &'static [u64] {
    match port_gbps {
        10 => &[1, 2, 5, 10],
        100 => &[5, 10, 40, 100],
        400 => &[5, 10, 40, 100, 200, 400],
        _ => &[],
    }
}

/// What a virtual network gateway SKU carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GatewayFacts {
    /// Throughput, Mbps.
    pub mbps: u64,
    /// Circuits (from different peering locations) that may link the vnet.
    pub max_circuits: u32,
    pub fastpath: bool,
}

/// Facts for a gateway SKU; `scale_units` matters for ErGwScale only (a
/// missing value counts as 1, the minimum).
pub fn gateway(sku: GatewaySku, scale_units: Option<u32>) -> GatewayFacts {
    match sku {
        GatewaySku::Standard | GatewaySku::ErGw1Az => GatewayFacts {
            mbps: 1_000,
            max_circuits: 4,
            fastpath: false,
        },
        GatewaySku::HighPerformance | GatewaySku::ErGw2Az => GatewayFacts {
            mbps: 2_000,
            max_circuits: 8,
            fastpath: false,
        },
        GatewaySku::UltraPerformance | GatewaySku::ErGw3Az => GatewayFacts {
            mbps: 10_000,
            max_circuits: 16,
            fastpath: true,
        },
        GatewaySku::ErGwScale => {
            let su = u64::from(scale_units.unwrap_or(1).clamp(1, 40));
            GatewayFacts {
                mbps: 1_000 * su,
                max_circuits: if su >= 10 {
                    16
                } else if su >= 2 {
                    8
                } else {
                    4
                },
                fastpath: su >= 10,
            }
        }
        // Deprecated (500 Mbps, 2018 include); gateway-legacy-sku reports it.
        GatewaySku::Basic => GatewayFacts {
            mbps: 500,
            max_circuits: 4,
            fastpath: false,
        },
    }
}

/// VNet links (plus Global Reach connections) a circuit may have.
pub fn vnet_link_limit(sku: Sku, bandwidth: Bandwidth) -> u32 {
    match sku {
        Sku::Local | Sku::Standard => 10,
        Sku::Premium => match bandwidth.mbps {
            0..=50 => 20,
            51..=200 => 25,
            201..=500 => 40,
            501..=1_000 => 50,
            1_001..=2_000 => 60,
            2_001..=5_000 => 75,
            _ => 100,
        },
    }
}

/// Private peering IPv4 prefixes on-premises may advertise.
pub fn private_ipv4_prefix_limit(sku: Sku) -> u64 {
    match sku {
        Sku::Premium => 10_000,
        Sku::Local | Sku::Standard => 4_000,
    }
}

/// Private peering IPv6 prefixes, any SKU.
pub const PRIVATE_IPV6_PREFIX_LIMIT: u64 = 100;

/// Microsoft peering prefixes per address family.
pub const MICROSOFT_PREFIX_LIMIT: u64 = 200;
