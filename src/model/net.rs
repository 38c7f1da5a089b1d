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
