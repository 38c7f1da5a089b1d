//! Values with a syntax of their own: CIDR prefixes and bandwidths.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// An IPv4 or IPv6 prefix as written (`10.0.0.0/16`). Host bits may be set;
/// rules that care check [`IpNet::has_host_bits`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IpNet {
    pub addr: IpAddr,
    pub prefix_len: u8,
}

/// An address family, for keeping IPv4 and IPv6 intervals apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    V4,
    V6,
}

impl IpNet {
    /// Parses `addr/len`. A bare address is not a prefix.
    pub fn parse(s: &str) -> Result<IpNet, String> {
        let s = s.trim();
        let Some((addr, len)) = s.split_once('/') else {
            return Err("a prefix needs a length, as in `10.0.0.0/16`".into());
        };
        let addr: IpAddr = addr
            .parse()
            .map_err(|_| format!("`{addr}` is not an IP address"))?;
        if len.is_empty() || !len.bytes().all(|b| b.is_ascii_digit()) || len.len() > 3 {
            return Err(format!("`{len}` is not a prefix length"));
        }
        let prefix_len: u8 = len
            .parse()
            .map_err(|_| format!("`{len}` is not a prefix length"))?;
        let max = match addr {
            IpAddr::V4(_) => 32,
            IpAddr::V6(_) => 128,
        };
        if prefix_len > max {
            return Err(format!("prefix length /{prefix_len} is longer than /{max}"));
        }
        Ok(IpNet { addr, prefix_len })
    }

    pub fn family(&self) -> Family {
        match self.addr {
            IpAddr::V4(_) => Family::V4,
            IpAddr::V6(_) => Family::V6,
        }
    }

    fn bits(&self) -> u32 {
        match self.family() {
            Family::V4 => 32,
            Family::V6 => 128,
        }
    }

    fn addr_u128(&self) -> u128 {
        match self.addr {
            IpAddr::V4(a) => u128::from(u32::from(a)),
            IpAddr::V6(a) => u128::from(a),
        }
    }

    fn host_mask(&self) -> u128 {
        let host_bits = self.bits() - u32::from(self.prefix_len);
        if host_bits == 0 {
            0
        } else if host_bits >= 128 {
            u128::MAX
        } else {
            (1u128 << host_bits) - 1
        }
    }

    /// True when bits beyond the prefix length are set (`10.0.0.1/30`).
    pub fn has_host_bits(&self) -> bool {
        self.addr_u128() & self.host_mask() != 0
    }

    /// True for `0.0.0.0/0` and `::/0`: a site that lists it advertises a
    /// default route (forced tunnelling), which every more specific route
    /// wins over; it is not an address range of the site.
    pub fn is_default_route(&self) -> bool {
        self.prefix_len == 0
    }

    /// True when this is exactly a `/v4_len` IPv4 or `/v6_len` IPv6
    /// network (no host bits set).
    pub fn is_network_of(&self, v4_len: u8, v6_len: u8) -> bool {
        let want = match self.family() {
            Family::V4 => v4_len,
            Family::V6 => v6_len,
        };
        self.prefix_len == want && !self.has_host_bits()
    }

    /// First and last address covered, as integers of the family.
    pub fn range(&self) -> (u128, u128) {
        let start = self.addr_u128() & !self.host_mask();
        (start, start | self.host_mask())
    }

    /// The network with host bits cleared.
    pub fn network(&self) -> IpNet {
        let (start, _) = self.range();
        let addr = match self.family() {
            Family::V4 => IpAddr::V4(Ipv4Addr::from(u32::try_from(start).unwrap_or(0))),
            Family::V6 => IpAddr::V6(Ipv6Addr::from(start)),
        };
        IpNet {
            addr,
            prefix_len: self.prefix_len,
        }
    }

    pub fn overlaps(&self, other: &IpNet) -> bool {
        if self.family() != other.family() {
            return false;
        }
        let (a0, a1) = self.range();
        let (b0, b1) = other.range();
        a0 <= b1 && b0 <= a1
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: &IpNet) -> bool {
        if self.family() != other.family() {
            return false;
        }
        let (a0, a1) = self.range();
        let (b0, b1) = other.range();
        a0 <= b0 && b1 <= a1
    }
}

/// Address space that is not public, unicast, globally routed space
/// (IANA special-purpose registries).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpecialUse {
    /// RFC 1918: 10/8, 172.16/12, 192.168/16.
    Private,
    /// RFC 6598 shared address space (carrier-grade NAT): 100.64/10.
    SharedCgnat,
    /// RFC 4193 unique local addresses: fc00::/7.
    UniqueLocal,
    Loopback,
    LinkLocal,
    /// RFC 5737 / RFC 3849 / RFC 9637 documentation ranges.
    Documentation,
    /// 0.0.0.0/8, `::`.
    Unspecified,
    /// 198.18/15 (RFC 2544).
    Benchmarking,
    /// 192.0.0.0/24 (RFC 6890), `::ffff:0:0/96`.
    ProtocolAssignments,
    Multicast,
    /// 240/4 (and the broadcast address).
    Reserved,
}

impl SpecialUse {
    pub fn describe(self) -> &'static str {
        match self {
            SpecialUse::Private => "private address space (RFC 1918)",
            SpecialUse::SharedCgnat => "shared CGNAT address space (RFC 6598)",
            SpecialUse::UniqueLocal => "unique local address space (RFC 4193)",
            SpecialUse::Loopback => "loopback address space",
            SpecialUse::LinkLocal => "link-local address space",
            SpecialUse::Documentation => "a documentation range",
            SpecialUse::Unspecified => "unspecified (\"this network\") address space",
            SpecialUse::Benchmarking => "benchmarking address space (RFC 2544)",
            SpecialUse::ProtocolAssignments => "IETF protocol assignment space",
            SpecialUse::Multicast => "multicast address space",
            SpecialUse::Reserved => "reserved address space",
        }
    }

    /// The ranges an organisation numbers its own network from: RFC 1918,
    /// CGNAT and IPv6 unique local addresses.
    pub fn is_private_use(self) -> bool {
        matches!(
            self,
            SpecialUse::Private | SpecialUse::SharedCgnat | SpecialUse::UniqueLocal
        )
    }
}

const fn v4(a: u8, b: u8, c: u8, d: u8, prefix_len: u8) -> IpNet {
    IpNet {
        addr: IpAddr::V4(Ipv4Addr::new(a, b, c, d)),
        prefix_len,
    }
}

const fn v6(a: u16, b: u16, c: u16, d: u16, e: u16, f: u16, prefix_len: u8) -> IpNet {
    IpNet {
        addr: IpAddr::V6(Ipv6Addr::new(a, b, c, d, e, f, 0, 0)),
        prefix_len,
    }
}

const SPECIAL_USE: &[(IpNet, SpecialUse)] = &[
    (v4(10, 0, 0, 0, 8), SpecialUse::Private),
    (v4(172, 16, 0, 0, 12), SpecialUse::Private),
    (v4(192, 168, 0, 0, 16), SpecialUse::Private),
    (v4(100, 64, 0, 0, 10), SpecialUse::SharedCgnat),
    (v4(127, 0, 0, 0, 8), SpecialUse::Loopback),
    (v4(169, 254, 0, 0, 16), SpecialUse::LinkLocal),
    (v4(192, 0, 2, 0, 24), SpecialUse::Documentation),
    (v4(198, 51, 100, 0, 24), SpecialUse::Documentation),
    (v4(203, 0, 113, 0, 24), SpecialUse::Documentation),
    (v4(0, 0, 0, 0, 8), SpecialUse::Unspecified),
    (v4(198, 18, 0, 0, 15), SpecialUse::Benchmarking),
    (v4(192, 0, 0, 0, 24), SpecialUse::ProtocolAssignments),
    (v4(224, 0, 0, 0, 4), SpecialUse::Multicast),
    (v4(240, 0, 0, 0, 4), SpecialUse::Reserved),
    (v6(0xfc00, 0, 0, 0, 0, 0, 7), SpecialUse::UniqueLocal),
    (v6(0xfe80, 0, 0, 0, 0, 0, 10), SpecialUse::LinkLocal),
    (v6(0x2001, 0xdb8, 0, 0, 0, 0, 32), SpecialUse::Documentation),
    (v6(0x3fff, 0, 0, 0, 0, 0, 20), SpecialUse::Documentation),
    (v6(0xff00, 0, 0, 0, 0, 0, 8), SpecialUse::Multicast),
    (
        v6(0, 0, 0, 0, 0, 0xffff, 96),
        SpecialUse::ProtocolAssignments,
    ),
    (
        IpNet {
            addr: IpAddr::V6(Ipv6Addr::new(0, 0, 0, 0, 0, 0, 0, 1)),
            prefix_len: 128,
        },
        SpecialUse::Loopback,
    ),
    (v6(0, 0, 0, 0, 0, 0, 128), SpecialUse::Unspecified),
];

impl IpNet {
    /// The first special-use range (and what it is) that this prefix
    /// touches, or `None` when every address in it is public unicast space.
    /// A prefix that merely contains a special range (`8.0.0.0/6` holds
    /// `10.0.0.0/8`) is not public either.
    pub fn special_use(&self) -> Option<(SpecialUse, IpNet)> {
        SPECIAL_USE
            .iter()
            .find(|(range, _)| range.overlaps(self))
            .map(|&(range, kind)| (kind, range))
    }
}

impl fmt::Display for IpNet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix_len)
    }
}

/// A circuit or port bandwidth, in Mbps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Bandwidth {
    pub mbps: u64,
}

impl Bandwidth {
    pub fn from_mbps(mbps: u64) -> Bandwidth {
        Bandwidth { mbps }
    }

    pub fn from_gbps(gbps: u64) -> Bandwidth {
        Bandwidth { mbps: gbps * 1000 }
    }

    /// Parses `50Mbps`, `1Gbps`, `1 gbps`, `2.5Gbps` (case-insensitive).
    pub fn parse(s: &str) -> Result<Bandwidth, String> {
        let t = s.trim();
        let lower = t.to_ascii_lowercase();
        let (num, mult) = if let Some(n) = lower.strip_suffix("gbps") {
            (n, 1000u64)
        } else if let Some(n) = lower.strip_suffix("mbps") {
            (n, 1u64)
        } else {
            return Err(format!(
                "`{t}` is not a bandwidth: write a number and `Mbps` or `Gbps`, as in `1Gbps`"
            ));
        };
        let num = num.trim();
        let bad = || format!("`{t}` is not a bandwidth: `{num}` is not a positive number");
        if num.is_empty() || num.len() > 12 || !num.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        {
            return Err(bad());
        }
        let (int, frac) = num.split_once('.').unwrap_or((num, ""));
        if int.is_empty() || frac.contains('.') {
            return Err(bad());
        }
        let int: u64 = int.parse().map_err(|_| bad())?;
        // Fractions are allowed only where they make whole Mbps (0.5Gbps).
        let mut mbps = int.checked_mul(mult).ok_or_else(bad)?;
        if !frac.is_empty() {
            let digits = frac.len() as u32;
            let frac_val: u64 = frac.parse().map_err(|_| bad())?;
            let scaled = frac_val * mult;
            let div = 10u64.pow(digits.min(12));
            if scaled % div != 0 {
                return Err(format!("`{t}` is not a whole number of Mbps"));
            }
            mbps += scaled / div;
        }
        if mbps == 0 {
            return Err(bad());
        }
        Ok(Bandwidth { mbps })
    }
}

impl fmt::Display for Bandwidth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mbps >= 1000 && self.mbps % 1000 == 0 {
            write!(f, "{}Gbps", self.mbps / 1000)
        } else {
            write!(f, "{}Mbps", self.mbps)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_prefixes() {
        let n = IpNet::parse("192.168.100.4/30").unwrap();
        assert!(!n.has_host_bits());
        assert!(IpNet::parse("192.168.100.5/30").unwrap().has_host_bits());
        assert!(IpNet::parse("10.0.0.0").is_err());
        assert!(IpNet::parse("10.0.0.0/33").is_err());
        assert!(IpNet::parse("fd00::/126").is_ok());
        assert!(IpNet::parse("0.0.0.0/0").unwrap().contains(&n));
    }

    #[test]
    fn classifies_special_use() {
        let kind = |s: &str| IpNet::parse(s).unwrap().special_use().map(|(k, _)| k);
        assert_eq!(kind("10.1.0.0/16"), Some(SpecialUse::Private));
        assert_eq!(kind("172.31.255.0/24"), Some(SpecialUse::Private));
        assert_eq!(kind("172.32.0.0/24"), None);
        assert_eq!(kind("100.127.0.0/16"), Some(SpecialUse::SharedCgnat));
        assert_eq!(kind("100.128.0.0/16"), None);
        assert_eq!(kind("203.0.113.0/30"), Some(SpecialUse::Documentation));
        assert_eq!(kind("8.0.0.0/6"), Some(SpecialUse::Private));
        assert_eq!(kind("20.40.0.0/30"), None);
        assert_eq!(kind("fd00:1::/48"), Some(SpecialUse::UniqueLocal));
        assert_eq!(kind("fe80::/64"), Some(SpecialUse::LinkLocal));
        assert_eq!(kind("2001:db8:1::/126"), Some(SpecialUse::Documentation));
        assert_eq!(kind("::1/128"), Some(SpecialUse::Loopback));
        assert_eq!(kind("2a01:111:f100::/126"), None);
        assert!(SpecialUse::SharedCgnat.is_private_use());
        assert!(!SpecialUse::Documentation.is_private_use());
    }

    #[test]
    fn parses_bandwidths() {
        assert_eq!(Bandwidth::parse("1Gbps").unwrap().mbps, 1000);
        assert_eq!(Bandwidth::parse("50mbps").unwrap().mbps, 50);
        assert_eq!(Bandwidth::parse("0.5 Gbps").unwrap().mbps, 500);
        assert!(Bandwidth::parse("1G").is_err());
        assert!(Bandwidth::parse("0Mbps").is_err());
        assert!(Bandwidth::parse("-1Gbps").is_err());
        assert_eq!(Bandwidth::from_mbps(10_000).to_string(), "10Gbps");
    }
}
