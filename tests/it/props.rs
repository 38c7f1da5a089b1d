//! Property tests: the CIDR, bandwidth and name parsers, and an overlap
//! rule against a brute-force reference on small designs. (The interval
//! sweep itself is checked against brute force in `src/model/intervals.rs`.)

use crate::support::lint_text;
use erlint::model::{Bandwidth, IpNet};
use proptest::prelude::*;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

fn v4_net() -> impl Strategy<Value = (u32, u8)> {
    (any::<u32>(), 0u8..=32)
}

fn v6_net() -> impl Strategy<Value = (u128, u8)> {
    (any::<u128>(), 0u8..=128)
}

fn mask(bits: u32, len: u8) -> u128 {
    let host = bits - u32::from(len);
    if host == 0 {
        0
    } else if host >= 128 {
        u128::MAX
    } else {
        (1u128 << host) - 1
    }
}

/// Text a YAML double-quoted scalar can hold as is.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn ipv4_prefixes_parse_as_written((addr, len) in v4_net()) {
        let text = format!("{}/{len}", Ipv4Addr::from(addr));
        let net = IpNet::parse(&text).expect("a valid IPv4 prefix");
        prop_assert_eq!(net.addr, IpAddr::V4(Ipv4Addr::from(addr)));
        prop_assert_eq!(net.prefix_len, len);
        let m = mask(32, len);
        prop_assert_eq!(net.has_host_bits(), u128::from(addr) & m != 0);
        let (start, end) = net.range();
        prop_assert_eq!(start, u128::from(addr) & !m);
        prop_assert_eq!(end, start | m);
        prop_assert!(!net.network().has_host_bits());
        prop_assert_eq!(IpNet::parse(&net.to_string()), Ok(net));
    }

    #[test]
    fn ipv6_prefixes_parse_as_written((addr, len) in v6_net()) {
        let text = format!("{}/{len}", Ipv6Addr::from(addr));
        let net = IpNet::parse(&text).expect("a valid IPv6 prefix");
        prop_assert_eq!(net.prefix_len, len);
        let m = mask(128, len);
        prop_assert_eq!(net.has_host_bits(), addr & m != 0);
        prop_assert_eq!(net.range(), (addr & !m, (addr & !m) | m));
    }

    #[test]
    fn prefix_lengths_past_the_family_are_rejected(addr in any::<u32>(), len in 33u16..1000) {
        let text = format!("{}/{len}", Ipv4Addr::from(addr));
        prop_assert!(IpNet::parse(&text).is_err());
    }

    #[test]
    fn any_text_parses_or_is_rejected_without_panic(s in ".{0,40}") {
        let _ = IpNet::parse(&s);
        let _ = Bandwidth::parse(&s);
    }

    #[test]
    fn overlap_and_containment_match_address_ranges(
        (a, la) in v4_net(), (b, lb) in v4_net(), shift in 0u32..4,
    ) {
        // Keep the addresses close so that overlaps are common.
        let b = (a & 0xffff_ff00) | ((b >> shift) & 0xff);
        let x = IpNet::parse(&format!("{}/{la}", Ipv4Addr::from(a))).expect("prefix");
        let y = IpNet::parse(&format!("{}/{lb}", Ipv4Addr::from(b))).expect("prefix");
        let ((xs, xe), (ys, ye)) = (x.range(), y.range());
        prop_assert_eq!(x.overlaps(&y), xs <= ye && ys <= xe);
        prop_assert_eq!(x.overlaps(&y), y.overlaps(&x));
        prop_assert_eq!(x.contains(&y), xs <= ys && ye <= xe);
        let v6 = IpNet::parse("::/0").expect("prefix");
        prop_assert!(!x.overlaps(&v6), "families never overlap");
    }

    #[test]
    fn bandwidths_parse_in_either_unit(n in 1u64..1_000_000, gbps in any::<bool>(), upper in any::<bool>(), space in any::<bool>()) {
        let unit = if gbps { "Gbps" } else { "Mbps" };
        let unit = if upper { unit.to_ascii_uppercase() } else { unit.to_string() };
        let sep = if space { " " } else { "" };
        let b = Bandwidth::parse(&format!("{n}{sep}{unit}")).expect("a bandwidth");
        prop_assert_eq!(b.mbps, if gbps { n * 1000 } else { n });
        prop_assert_eq!(Bandwidth::parse(&b.to_string()), Ok(b));
    }

    #[test]
    fn fractional_gigabits_are_whole_megabits(int in 0u64..100, tenths in 1u64..10) {
        let b = Bandwidth::parse(&format!("{int}.{tenths}Gbps")).expect("a bandwidth");
        prop_assert_eq!(b.mbps, int * 1000 + tenths * 100);
        let mbps = format!("{int}.{tenths}Mbps");
        prop_assert!(Bandwidth::parse(&mbps).is_err());
    }

    #[test]
    fn bandwidth_needs_a_positive_number_and_a_unit(n in 0u64..1000, unit in "[a-zA-Z]{0,5}") {
        let ok = n > 0 && matches!(unit.to_ascii_lowercase().as_str(), "mbps" | "gbps");
        prop_assert_eq!(Bandwidth::parse(&format!("{n}{unit}")).is_ok(), ok);
    }
}

proptest! {
    // Each case lints a design: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A name is valid exactly when it has 1-64 characters from
    /// `[A-Za-z0-9._-]`: otherwise `invalid-value` on it, and nothing else.
    #[test]
    fn names_are_checked_as_the_format_says(name in "[a-zA-Z0-9._\\- é\"/:]{0,70}") {
        let text = format!(
            "providers:\n  - name: {}\n    offers:\n      ipvpn: [l3]\n",
            quoted(&name)
        );
        let report = lint_text("names.yaml", &text);
        let valid = (1..=64).contains(&name.chars().count())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
        let invalid_name = report
            .findings
            .iter()
            .filter(|f| f.rule == "invalid-value" && f.message.contains("not a valid name"))
            .count();
        prop_assert_eq!(invalid_name, usize::from(!valid), "{:?}", report.findings);
    }

    /// `site-prefix-overlap` reports each prefix that overlaps a prefix of
    /// another site written before it, once: as a brute-force scan does.
    #[test]
    fn site_prefix_overlap_matches_brute_force(
        sites in prop::collection::vec(prop::collection::vec((0u8..4, 0u8..16, 28u8..=30), 1..3), 1..7)
    ) {
        let mut text = String::from("sites:\n");
        let mut prefixes: Vec<(usize, IpNet)> = Vec::new();
        for (s, list) in sites.iter().enumerate() {
            let written: Vec<String> = list
                .iter()
                .map(|&(third, fourth, len)| {
                    let addr = Ipv4Addr::new(10, 0, third, fourth * 16);
                    let net = IpNet::parse(&format!("{addr}/{len}")).expect("prefix").network();
                    prefixes.push((s, net));
                    net.to_string()
                })
                .collect();
            text.push_str(&format!(
                "  - name: s{s}\n    kind: office\n    prefixes: [{}]\n",
                written.join(", ")
            ));
        }
        let want = (0..prefixes.len())
            .filter(|&i| {
                prefixes[..i]
                    .iter()
                    .any(|&(s, q)| s != prefixes[i].0 && q.overlaps(&prefixes[i].1))
            })
            .count();
        let report = lint_text("prefixes.yaml", &text);
        let got = report
            .findings
            .iter()
            .filter(|f| f.rule == "site-prefix-overlap")
            .count();
        prop_assert_eq!(got, want, "{}", text);
    }
}

/// A small design drawn from few addresses, so that ranges overlap often:
/// sites with prefixes and circuits, circuits with links and Global Reach
/// subnets, virtual networks with address spaces.
/// Address ranges as (third octet, prefix length) in 10.0.0.0/16.
type Ranges = Vec<(u8, u8)>;

#[derive(Debug, Clone)]
struct Small {
    /// Per site: prefixes and circuit numbers.
    sites: Vec<(Ranges, Vec<usize>)>,
    /// Per circuit: linked vnet numbers and Global Reach subnets (fourth octet / 8).
    circuits: Vec<(Vec<usize>, Vec<u8>)>,
    /// Per vnet: address ranges.
    vnets: Vec<Ranges>,
}

fn small() -> impl Strategy<Value = Small> {
    let range = || (0u8..6, 22u8..=26);
    (1usize..4, 1usize..4).prop_flat_map(move |(nc, nv)| {
        (
            prop::collection::vec(
                (
                    prop::collection::vec(range(), 1..3),
                    prop::collection::vec(0..nc, 1..3),
                ),
                1..5,
            ),
            prop::collection::vec(
                (
                    prop::collection::vec(0..nv, 0..3),
                    prop::collection::vec(0u8..32, 0..3),
                ),
                nc..=nc,
            ),
            prop::collection::vec(prop::collection::vec(range(), 1..3), nv..=nv),
        )
            .prop_map(|(sites, circuits, vnets)| Small {
                sites,
                circuits,
                vnets,
            })
    })
}

fn net(third: u8, len: u8) -> IpNet {
    IpNet::parse(&format!("10.0.{third}.0/{len}"))
        .expect("prefix")
        .network()
}

fn reach(k: usize, i: usize, g: u8) -> IpNet {
    // Spread over 10.0.0.0/22 so that they meet site and vnet ranges.
    IpNet::parse(&format!("10.0.{}.{}/29", (k + i) % 4, g * 8)).expect("prefix")
}

impl Small {
    fn yaml(&self) -> String {
        let mut t = String::from("providers:\n  - name: P\n    offers:\n      ipvpn: [l3]\n");
        t.push_str("sites:\n");
        for (i, (prefixes, circuits)) in self.sites.iter().enumerate() {
            let p: Vec<String> = prefixes
                .iter()
                .map(|&(a, l)| net(a, l).to_string())
                .collect();
            let c: Vec<String> = circuits.iter().map(|c| format!("c{c}")).collect();
            t.push_str(&format!(
                "  - name: s{i}\n    kind: office\n    prefixes: [{}]\n    expressroute: {{ model: ipvpn, layer: l3, provider: P, circuits: [{}] }}\n",
                p.join(", "),
                c.join(", ")
            ));
        }
        t.push_str("circuits:\n");
        let n = self.circuits.len();
        for (k, (links, reaches)) in self.circuits.iter().enumerate() {
            t.push_str(&format!(
                "  - name: c{k}\n    provider: P\n    peering_location: London\n    bandwidth: 1Gbps\n    sku: premium\n    billing: metered\n"
            ));
            if !links.is_empty() {
                t.push_str("    links:\n");
                for v in links {
                    t.push_str(&format!("      - vnet: v{v}\n"));
                }
            }
            if !reaches.is_empty() && n > 1 {
                t.push_str("    global_reach:\n");
                for (i, g) in reaches.iter().enumerate() {
                    t.push_str(&format!(
                        "      - circuit: c{}\n        subnet: {}\n",
                        (k + 1) % n,
                        reach(k, i, *g)
                    ));
                }
            }
        }
        t.push_str("virtual_networks:\n");
        for (v, ranges) in self.vnets.iter().enumerate() {
            let r: Vec<String> = ranges.iter().map(|&(a, l)| net(a, l).to_string()).collect();
            t.push_str(&format!(
                "  - name: v{v}\n    region: uksouth\n    address_space: [{}]\n    gateway: {{ sku: ErGw3AZ }}\n",
                r.join(", ")
            ));
        }
        t
    }

    /// Site prefixes overlapping a vnet reached over one of the site's circuits.
    fn site_overlaps_vnet(&self) -> usize {
        self.sites
            .iter()
            .map(|(prefixes, circuits)| {
                prefixes
                    .iter()
                    .filter(|&&(a, l)| {
                        circuits.iter().any(|&c| {
                            self.circuits[c].0.iter().any(|&v| {
                                self.vnets[v]
                                    .iter()
                                    .any(|&(b, m)| net(a, l).overlaps(&net(b, m)))
                            })
                        })
                    })
                    .count()
            })
            .sum()
    }

    /// Global Reach subnets overlapping an earlier one or any other range.
    /// A connection between the same two circuits with the same subnet as an
    /// earlier one is that connection written twice (its own finding), not
    /// an overlap, and does not count as a range for later ones either.
    fn global_reach_overlaps(&self) -> usize {
        let n = self.circuits.len();
        if n < 2 {
            return 0;
        }
        let mut seen = Vec::new();
        let reaches: Vec<IpNet> = self
            .circuits
            .iter()
            .enumerate()
            .flat_map(|(k, (_, rs))| {
                let pair = (k.min((k + 1) % n), k.max((k + 1) % n));
                rs.iter()
                    .enumerate()
                    .map(move |(i, &g)| (pair, reach(k, i, g)))
            })
            .filter(|entry| {
                let again = seen.contains(entry);
                seen.push(*entry);
                !again
            })
            .map(|(_, net)| net)
            .collect();
        let others: Vec<IpNet> = self
            .sites
            .iter()
            .flat_map(|(p, _)| p.iter().map(|&(a, l)| net(a, l)))
            .chain(
                self.vnets
                    .iter()
                    .flat_map(|r| r.iter().map(|&(a, l)| net(a, l))),
            )
            .collect();
        (0..reaches.len())
            .filter(|&i| {
                reaches[..i].iter().any(|r| r.overlaps(&reaches[i]))
                    || others.iter().any(|o| o.overlaps(&reaches[i]))
            })
            .count()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// `site-overlaps-vnet` and `global-reach-subnet`'s overlaps against a
    /// brute-force scan of the same small design.
    #[test]
    fn vnet_and_global_reach_overlaps_match_brute_force(design in small()) {
        let text = design.yaml();
        let report = lint_text("small.yaml", &text);
        let count = |rule: &str, words: &str| {
            report
                .findings
                .iter()
                .filter(|f| f.rule == rule && f.message.contains(words))
                .count()
        };
        prop_assert_eq!(count("site-overlaps-vnet", ""), design.site_overlaps_vnet(), "{}", text);
        prop_assert_eq!(
            count("global-reach-subnet", "overlaps"),
            design.global_reach_overlaps(),
            "{}",
            text
        );
    }
}
