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

/// How many times its speed the circuits on one Direct port may add up to.
/// The 2019 `expressroute-erdirect-about.md` gives a subscribed bandwidth of
/// 20 Gbps on a 10G port and 200 Gbps on a 100G port; newer versions drop
/// the table without giving another number, so the documented 2x stands
/// (and extends to 400G ports: 800 Gbps).
pub const DIRECT_OVERSUBSCRIPTION: u64 = 2;

/// The most the circuits on a Direct port of `port` may add up to.
pub fn direct_port_limit(port: Bandwidth) -> Bandwidth {
    Bandwidth::from_mbps(port.mbps.saturating_mul(DIRECT_OVERSUBSCRIPTION))
}

/// True when a circuit of `circuit` may be created on a Direct port of
/// `port`.
pub fn direct_circuit_fits(port: Bandwidth, circuit: Bandwidth) -> bool {
    port.mbps % 1_000 == 0
        && direct_circuit_sizes_gbps(port.mbps / 1_000)
            .iter()
            .any(|&g| Bandwidth::from_gbps(g) == circuit)
}

/// Circuits from ONE peering location that may link one virtual network,
/// whatever the gateway (expressroute-faqs.md; includes/expressroute-limits.md).
pub const MAX_CIRCUITS_PER_LOCATION_PER_VNET: usize = 4;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ergwscale_grows_with_scale_units() {
        let g = |su| gateway(GatewaySku::ErGwScale, Some(su));
        assert_eq!((g(1).max_circuits, g(1).fastpath), (4, false));
        assert_eq!(g(2).max_circuits, 8);
        assert_eq!((g(9).max_circuits, g(9).fastpath), (8, false));
        assert_eq!((g(10).max_circuits, g(10).fastpath), (16, true));
        assert_eq!(g(40).mbps, 40_000);
        assert_eq!(gateway(GatewaySku::ErGwScale, None).max_circuits, 4);
    }

    #[test]
    fn premium_link_limits_follow_bandwidth() {
        let p = |mbps| vnet_link_limit(Sku::Premium, Bandwidth::from_mbps(mbps));
        let expected = [
            (50, 20),
            (100, 25),
            (200, 25),
            (500, 40),
            (1_000, 50),
            (2_000, 60),
            (5_000, 75),
            (10_000, 100),
            (40_000, 100),
            (100_000, 100),
            (400_000, 100),
        ];
        for (mbps, limit) in expected {
            assert_eq!(p(mbps), limit, "{mbps} Mbps");
        }
        assert_eq!(vnet_link_limit(Sku::Local, Bandwidth::from_gbps(10)), 10);
        assert_eq!(vnet_link_limit(Sku::Standard, Bandwidth::from_gbps(10)), 10);
    }

    #[test]
    fn direct_sizes_depend_on_the_port() {
        let fits =
            |port, c| direct_circuit_fits(Bandwidth::from_gbps(port), Bandwidth::from_gbps(c));
        assert!(fits(10, 1) && fits(10, 10) && !fits(10, 40));
        assert!(fits(100, 40) && !fits(100, 1) && !fits(100, 200));
        assert!(fits(400, 400) && fits(400, 200) && !fits(400, 1));
        assert_eq!(
            direct_port_limit(Bandwidth::from_gbps(100)),
            Bandwidth::from_gbps(200)
        );
    }
}
