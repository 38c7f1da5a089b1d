//! A deterministic generator of large, realistic design repositories.
//!
//! `generate(&Spec { sites, files, problems, seed })` lays out `sites` sites
//! over about `files` files, in two geopolitical regions (Europe, North
//! America):
//!
//! - datacenters (about 15%): point-to-point Ethernet (Colt, Layer 2), two
//!   circuits at two different peering locations, BGP run by the customer
//!   (peer ASN, /30 subnets, VLAN), IPv6 peering subnets, both routers; some
//!   with Microsoft peering (public /30s, NAT pool, route filter) and some
//!   with Global Reach between their two circuits;
//! - colocation sites (about 5%): Equinix cloud exchange, managed Layer 3,
//!   two circuits at two locations;
//! - offices (the rest): managed Layer 3 IPVPN (Orange, Verizon), about 20
//!   offices sharing one circuit, QoS markings;
//! - virtual networks: a hub per group of at most eight circuits (at most
//!   four from one peering location), ErGw3AZ gateways, in the peering
//!   locations' region.
//!
//! Each chunk of sites is three files: `sites/NNNN.yaml`,
//! `circuits/NNNN.yaml` and `azure/NNNN.yaml`, plus one `providers.yaml`.
//! Every name and every address range is unique, so the design is clean but
//! for `problems` planted mistakes, each of which should give exactly one
//! finding of a known rule: [`Generated::expected`] counts them by rule.
//!
//! Shared by the benchmarks (`benches/lint.rs`), the scale and determinism
//! tests (`tests/it/determinism.rs`) and the fuzz seed corpus.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct Spec {
    pub sites: usize,
    /// About this many files (at least 4).
    pub files: usize,
    /// Planted mistakes, spread evenly over the design.
    pub problems: usize,
    pub seed: u64,
}

impl Spec {
    /// `sites` sites, about 100 sites a file, one planted problem per
    /// thousand sites (at least ten, one of each kind).
    pub fn sites(sites: usize) -> Spec {
        Spec {
            sites,
            files: 1 + 3 * sites.div_ceil(100).max(1),
            problems: (sites / 1000).max(10),
            seed: 0x5eed,
        }
    }
}

/// A generated design repository.
#[derive(Clone, Debug)]
pub struct Generated {
    /// Relative path (with `/`) and text, in path order.
    pub files: Vec<(String, String)>,
    /// Planted problems: rule name → number of findings expected.
    pub expected: BTreeMap<&'static str, usize>,
    pub sites: usize,
    pub circuits: usize,
    pub vnets: usize,
}

impl Generated {
    /// Writes every file under `dir` (created as needed).
    pub fn write_to(&self, dir: &Path) -> std::io::Result<()> {
        for (rel, text) in &self.files {
            let path = dir.join(rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, text)?;
        }
        Ok(())
    }

    /// Total size of the files, in bytes.
    pub fn bytes(&self) -> usize {
        self.files.iter().map(|(_, t)| t.len()).sum()
    }

    /// Total number of planted findings.
    pub fn expected_total(&self) -> usize {
        self.expected.values().sum()
    }
}

/// SplitMix64: small, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

struct Geo {
    key: &'static str,
    ethernet: &'static str,
    /// Datacenter circuit pairs: two locations where `ethernet` is present.
    dc_pairs: &'static [(&'static str, &'static str)],
    /// Colocation pairs for Equinix.
    colo_pairs: &'static [(&'static str, &'static str)],
    /// IPVPN providers and locations where each is present.
    ipvpn: &'static [(&'static str, &'static [&'static str])],
    /// Azure regions in the same geopolitical region.
    regions: &'static [&'static str],
    cities: &'static [&'static str],
}

const GEOS: &[Geo] = &[
    Geo {
        key: "eu",
        ethernet: "Colt",
        dc_pairs: &[
            ("Amsterdam", "London"),
            ("Frankfurt", "Paris"),
            ("Amsterdam2", "Dublin"),
            ("London2", "Frankfurt2"),
            ("Paris2", "Amsterdam"),
        ],
        colo_pairs: &[("Amsterdam", "Frankfurt"), ("London", "Paris")],
        ipvpn: &[
            ("Orange", &["Amsterdam", "London", "Frankfurt", "Paris"]),
            ("Verizon", &["Amsterdam", "Frankfurt", "London", "Paris"]),
        ],
        regions: &[
            "West Europe",
            "North Europe",
            "uksouth",
            "France Central",
            "germanywestcentral",
        ],
        cities: &[
            "Amsterdam",
            "Rotterdam",
            "London",
            "Manchester",
            "Frankfurt",
            "Munich",
            "Paris",
            "Lyon",
            "Dublin",
            "Brussels",
        ],
    },
    Geo {
        key: "na",
        ethernet: "Colt",
        dc_pairs: &[
            ("Chicago", "Washington DC"),
            ("Silicon Valley", "Chicago"),
            ("Washington DC", "Silicon Valley"),
        ],
        colo_pairs: &[("New York", "Chicago"), ("Dallas", "Silicon Valley")],
        ipvpn: &[
            (
                "Verizon",
                &["Chicago", "Dallas", "Silicon Valley", "Washington DC"],
            ),
            ("Orange", &["Dallas", "Silicon Valley", "Washington DC"]),
        ],
        regions: &[
            "East US",
            "eastus2",
            "West US 2",
            "Central US",
            "North Central US",
        ],
        cities: &[
            "New York", "Boston", "Chicago", "Detroit", "Dallas", "Houston", "San Jose", "Seattle",
            "Atlanta", "Denver",
        ],
    },
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Datacenter,
    Colocation,
    Office,
}

/// Planted mistakes; each gives one finding of `rule()`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Problem {
    // On datacenters (their first circuit).
    VlanOutOfRange,
    ReservedAsn,
    BfdDisabled,
    InvalidBandwidth,
    SingleRouter,
    PeeringSubnetsOverlap,
    SitePrefixOverlap,
    // On offices.
    UndefinedCircuit,
    UnknownField,
    QosMismatch,
}

const PROBLEMS: &[Problem] = &[
    Problem::UndefinedCircuit,
    Problem::VlanOutOfRange,
    Problem::UnknownField,
    Problem::ReservedAsn,
    Problem::QosMismatch,
    Problem::BfdDisabled,
    Problem::InvalidBandwidth,
    Problem::SingleRouter,
    Problem::PeeringSubnetsOverlap,
    Problem::SitePrefixOverlap,
];

impl Problem {
    fn rule(self) -> &'static str {
        match self {
            Problem::VlanOutOfRange => "vlan-out-of-range",
            Problem::ReservedAsn => "reserved-asn",
            Problem::BfdDisabled => "bfd-disabled",
            Problem::InvalidBandwidth => "invalid-bandwidth",
            Problem::SingleRouter => "single-router",
            Problem::PeeringSubnetsOverlap => "peering-subnets-overlap",
            Problem::SitePrefixOverlap => "site-prefix-overlap",
            Problem::UndefinedCircuit => "undefined-reference",
            Problem::UnknownField => "unknown-field",
            Problem::QosMismatch => "qos-dscp-mismatch",
        }
    }

    fn on(self) -> Kind {
        match self {
            Problem::UndefinedCircuit | Problem::UnknownField | Problem::QosMismatch => {
                Kind::Office
            }
            _ => Kind::Datacenter,
        }
    }
}

/// Offices sharing one IPVPN circuit.
const OFFICES_PER_CIRCUIT: usize = 20;
/// Sites per hub virtual network group (each with two circuits).
const SITES_PER_HUB: usize = 4;
/// IPVPN circuits per hub (all at one location).
const VPN_CIRCUITS_PER_HUB: usize = 4;

fn v4(n: u32) -> String {
    let [a, b, c, d] = n.to_be_bytes();
    format!("{a}.{b}.{c}.{d}")
}

/// On-premises prefix of site `i`: a /26 in 10.0.0.0/9, then IPv6 /48s.
fn site_prefix(i: usize) -> String {
    if i < (1 << 17) {
        format!("{}/26", v4((10 << 24) + ((i as u32) << 6)))
    } else {
        format!("\"fd10:{:x}:{:x}::/48\"", i >> 16, i & 0xffff)
    }
}

/// Address space of hub `v`: a /22 in 10.128.0.0/9, then IPv6 /48s.
fn vnet_space(v: usize) -> String {
    if v < (1 << 13) {
        format!("{}/22", v4((10 << 24) + (1 << 23) + ((v as u32) << 10)))
    } else {
        format!("\"fd20:{:x}:{:x}::/48\"", v >> 16, v & 0xffff)
    }
}

/// Private peering /30s of circuit `c`: a /29 in 100.64.0.0/10.
fn private_subnets(c: usize) -> (String, String) {
    let base = (100 << 24) + (64 << 16) + ((c as u32) << 3);
    (format!("{}/30", v4(base)), format!("{}/30", v4(base + 4)))
}

fn private_subnets_v6(c: usize) -> (String, String) {
    (
        format!("\"fd00:{:x}:{:x}::/126\"", c >> 16, c & 0xffff),
        format!("\"fd00:{:x}:{:x}::4/126\"", c >> 16, c & 0xffff),
    )
}

struct Planner<'a> {
    spec: &'a Spec,
    rng: Rng,
    expected: BTreeMap<&'static str, usize>,
    circuits: usize,
    vnets: usize,
    microsoft: usize,
    global_reach: usize,
    providers_used: Vec<&'static str>,
}

/// Generates the design `spec` describes. The same spec always gives the
/// same bytes.
pub fn generate(spec: &Spec) -> Generated {
    let n = spec.sites;
    let chunks = (spec.files.max(4) - 1) / 3;
    let mut p = Planner {
        spec,
        rng: Rng(spec.seed),
        expected: BTreeMap::new(),
        circuits: 0,
        vnets: 0,
        microsoft: 0,
        global_reach: 0,
        providers_used: Vec::new(),
    };

    // Kinds first, so problems can be placed on sites of the right kind.
    let kinds: Vec<Kind> = (0..n)
        .map(|_| match p.rng.below(100) {
            0..=14 => Kind::Datacenter,
            15..=19 => Kind::Colocation,
            _ => Kind::Office,
        })
        .collect();
    let chunk_of = |i: usize| i * chunks / n.max(1);
    // Offices that are not the first of their circuit group, per chunk:
    // only those may lose their circuit (the circuit stays used).
    let mut office_rank = vec![0usize; n];
    {
        let mut count = 0;
        let mut chunk = usize::MAX;
        for i in 0..n {
            if chunk_of(i) != chunk {
                chunk = chunk_of(i);
                count = 0;
            }
            if kinds[i] == Kind::Office {
                office_rank[i] = count;
                count += 1;
            }
        }
    }
    let mut planted: Vec<Option<Problem>> = vec![None; n];
    for k in 0..spec.problems.min(n) {
        let problem = PROBLEMS[k % PROBLEMS.len()];
        let start = k * n / spec.problems;
        let fits = |i: usize| {
            planted[i].is_none()
                && kinds[i] == problem.on()
                && !(problem == Problem::UndefinedCircuit
                    && office_rank[i] % OFFICES_PER_CIRCUIT == 0)
                && !(problem == Problem::SitePrefixOverlap && i == 0)
        };
        if let Some(i) = (start..n).chain(0..start).find(|&i| fits(i)) {
            planted[i] = Some(problem);
            *p.expected.entry(problem.rule()).or_default() += 1;
        }
    }

    let mut files = Vec::new();
    for chunk in 0..chunks {
        let lo = (chunk * n).div_ceil(chunks);
        let hi = ((chunk + 1) * n).div_ceil(chunks);
        let geo = &GEOS[chunk % GEOS.len()];
        let (sites, circuits, vnets) = p.chunk(chunk, geo, lo..hi, &kinds, &planted);
        let name = format!("{chunk:04}.yaml");
        if !sites.is_empty() {
            files.push((format!("sites/{name}"), sites));
        }
        if !circuits.is_empty() {
            files.push((format!("circuits/{name}"), circuits));
        }
        if !vnets.is_empty() {
            files.push((format!("azure/{name}"), vnets));
        }
    }
    files.push(("providers.yaml".to_string(), p.providers()));
    files.sort();
    Generated {
        files,
        expected: p.expected,
        sites: n,
        circuits: p.circuits,
        vnets: p.vnets,
    }
}

/// A hub virtual network being filled with circuits.
struct Hub {
    name: String,
}

impl Planner<'_> {
    fn use_provider(&mut self, name: &'static str) {
        if !self.providers_used.contains(&name) {
            self.providers_used.push(name);
        }
    }

    fn providers(&self) -> String {
        let mut s = String::from(
            "# Connectivity providers and what our contracts with them offer.\nversion: 1\nproviders:\n",
        );
        for &(name, offers) in &[
            ("Colt", "ethernet: [l2]"),
            ("Equinix", "cloud-exchange: [l2, l3]"),
            ("Orange", "ipvpn: [l3]"),
            ("Verizon", "ipvpn: [l3]"),
        ] {
            if self.providers_used.contains(&name) {
                let _ = write!(s, "  - name: {name}\n    offers:\n      {offers}\n");
            }
        }
        s
    }

    fn new_hub(&mut self, geo: &Geo, vnets: &mut String, what: &str) -> Hub {
        let v = self.vnets;
        self.vnets += 1;
        let name = format!("hub-{}-{v:05}", geo.key);
        let region = geo.regions[v % geo.regions.len()];
        let _ = write!(
            vnets,
            "  - name: {name}          # {what}\n    region: {region}\n    address_space: [{}]\n    gateway:\n      sku: ErGw3AZ\n",
            vnet_space(v)
        );
        Hub { name }
    }

    fn chunk(
        &mut self,
        chunk: usize,
        geo: &Geo,
        range: std::ops::Range<usize>,
        kinds: &[Kind],
        planted: &[Option<Problem>],
    ) -> (String, String, String) {
        let mut sites = String::new();
        let mut circuits = String::new();
        let mut vnets = String::new();
        let _ = write!(
            sites,
            "# Sites, part {chunk} ({} region)\nversion: 1\nsites:\n",
            geo.key
        );
        circuits.push_str("version: 1\ncircuits:\n");
        vnets.push_str("version: 1\nvirtual_networks:\n");

        let (mut dcs, mut colos, mut offices, mut vpn_circuits) = (0usize, 0usize, 0usize, 0usize);
        let mut dc_hub: Option<Hub> = None;
        let mut colo_hub: Option<Hub> = None;
        let mut vpn_hub: Option<Hub> = None;
        let mut vpn: Option<(String, &'static str)> = None; // circuit, provider
                                                            // The IPVPN circuits this chunk's offices need.
        let vpn_total = range
            .clone()
            .filter(|&i| kinds[i] == Kind::Office)
            .count()
            .div_ceil(OFFICES_PER_CIRCUIT);
        let mut any_sites = false;
        for i in range {
            any_sites = true;
            let problem = planted[i];
            match kinds[i] {
                Kind::Datacenter | Kind::Colocation => {
                    let dc = kinds[i] == Kind::Datacenter;
                    let count = if dc { &mut dcs } else { &mut colos };
                    let group = *count / SITES_PER_HUB;
                    let first = *count % SITES_PER_HUB == 0;
                    *count += 1;
                    let hub_slot = if dc { &mut dc_hub } else { &mut colo_hub };
                    if first || hub_slot.is_none() {
                        let what = if dc { "datacenters" } else { "colocation" };
                        let hub = self.new_hub(geo, &mut vnets, what);
                        if dc {
                            dc_hub = Some(hub);
                        } else {
                            colo_hub = Some(hub);
                        }
                    }
                    let hub = if dc { &dc_hub } else { &colo_hub };
                    let hub = hub.as_ref().map(|h| h.name.clone()).unwrap_or_default();
                    let pairs = if dc { geo.dc_pairs } else { geo.colo_pairs };
                    let (loc_a, loc_b) = pairs[group % pairs.len()];
                    self.redundant_site(
                        i,
                        dc,
                        geo,
                        (loc_a, loc_b),
                        &hub,
                        problem,
                        &mut sites,
                        &mut circuits,
                    );
                }
                Kind::Office => {
                    if offices % OFFICES_PER_CIRCUIT == 0 || vpn.is_none() {
                        let group = vpn_circuits / VPN_CIRCUITS_PER_HUB;
                        let in_hub = vpn_circuits % VPN_CIRCUITS_PER_HUB;
                        // A hub's last circuit alone would be at one
                        // location (gateway-single-location): it joins the
                        // hub before, or with none, a site hub of the chunk.
                        let alone = in_hub == 0 && vpn_circuits + 1 == vpn_total;
                        let joins = if !alone {
                            None
                        } else if vpn_hub.is_some() {
                            vpn_hub.as_ref()
                        } else {
                            dc_hub.as_ref().or(colo_hub.as_ref())
                        }
                        .map(|h| h.name.clone());
                        if joins.is_none() && (in_hub == 0 || vpn_hub.is_none()) {
                            vpn_hub = Some(self.new_hub(geo, &mut vnets, "offices"));
                        }
                        vpn_circuits += 1;
                        // A hub's IPVPN circuits alternate between two
                        // locations, the first one's link preferred
                        // (geo-redundant-equal-weight).
                        let (provider, locations) = geo.ipvpn[group % geo.ipvpn.len()];
                        let location =
                            locations[(group / geo.ipvpn.len() + in_hub % 2) % locations.len()];
                        let hub = joins.unwrap_or_else(|| {
                            vpn_hub.as_ref().map(|h| h.name.clone()).unwrap_or_default()
                        });
                        let preferred = in_hub == 0 && !alone;
                        let name =
                            self.vpn_circuit(provider, location, &hub, preferred, &mut circuits);
                        vpn = Some((name, provider));
                    }
                    offices += 1;
                    let (circuit, provider) = vpn.clone().unwrap_or_default();
                    self.office(i, geo, &circuit, provider, problem, &mut sites);
                }
            }
        }
        if !any_sites {
            return (String::new(), String::new(), String::new());
        }
        if self.vnets == 0 || vnets.ends_with("virtual_networks:\n") {
            vnets.clear();
        }
        if circuits.ends_with("circuits:\n") {
            circuits.clear();
        }
        (sites, circuits, vnets)
    }

    #[allow(clippy::too_many_arguments)]
    fn redundant_site(
        &mut self,
        i: usize,
        dc: bool,
        geo: &Geo,
        (loc_a, loc_b): (&str, &str),
        hub: &str,
        problem: Option<Problem>,
        sites: &mut String,
        circuits: &mut String,
    ) {
        let name = if dc {
            format!("dc-{i:06}")
        } else {
            format!("colo-{i:06}")
        };
        let provider = if dc { geo.ethernet } else { "Equinix" };
        self.use_provider(provider);
        let city = self.rng.pick(geo.cities);
        let ca = format!("er-{i:06}-a");
        let cb = format!("er-{i:06}-b");
        let kind = if dc { "datacenter" } else { "colocation" };
        let _ = write!(
            sites,
            "\n  - name: {name}\n    kind: {kind}\n    city: {city}\n"
        );
        if !dc {
            sites.push_str("    cloud_exchange: true\n");
        }
        let mut prefixes = site_prefix(i);
        if problem == Some(Problem::SitePrefixOverlap) {
            // The previous site's range, written again.
            let _ = write!(prefixes, ", {}", site_prefix(i - 1));
        }
        let (model, layer) = if dc {
            ("ethernet", "l2")
        } else {
            ("cloud-exchange", "l3")
        };
        let _ = write!(
            sites,
            // A site names one provider in the design format, so its second
            // provider's path (if any) is not in the design: the reminder is
            // acknowledged on each site rather than planted.
            "    prefixes: [{prefixes}]\n    expressroute:\n      model: {model}\n      layer: {layer}\n      provider: {provider}\n      circuits: [{ca}, {cb}]   # erlint: allow(single-provider-site) -- one provider by contract\n"
        );
        if dc {
            let _ = writeln!(sites, "    routers: [{name}-ce1, {name}-ce2]");
        }

        let microsoft = dc && self.rng.below(10) == 0;
        let global_reach = dc && self.rng.below(10) == 0 && self.global_reach < (1 << 13);
        let bandwidth = *self
            .rng
            .pick(&["1Gbps", "1Gbps", "2Gbps", "5Gbps", "10Gbps"]);
        let sku = *self
            .rng
            .pick(&["standard", "standard", "standard", "premium"]);
        let billing = *self.rng.pick(&["metered", "unlimited"]);
        let fastpath = dc && self.rng.below(4) == 0;
        let first_circuit = self.circuits;
        let overlap = problem == Some(Problem::PeeringSubnetsOverlap);
        for (k, (circuit, location)) in [(&ca, loc_a), (&cb, loc_b)].into_iter().enumerate() {
            let c = self.circuits;
            self.circuits += 1;
            let problem = if k == 0 { problem } else { None };
            let bandwidth = if problem == Some(Problem::InvalidBandwidth) {
                "3Gbps"
            } else {
                bandwidth
            };
            let _ = write!(
                circuits,
                "\n  - name: {circuit}\n    provider: {provider}\n    peering_location: {location}\n    bandwidth: {bandwidth}\n    sku: {sku}\n    billing: {billing}\n"
            );
            if problem == Some(Problem::BfdDisabled) {
                circuits.push_str("    bfd: false\n");
            }
            if dc {
                let secondary = if problem == Some(Problem::SingleRouter) {
                    format!("{name}-ce1")
                } else {
                    format!("{name}-ce2")
                };
                let _ = writeln!(
                    circuits,
                    "    routers: {{ primary: {name}-ce1, secondary: {secondary} }}"
                );
            }
            let asn = if problem == Some(Problem::ReservedAsn) {
                65515
            } else {
                65000 + (i % 500) as u32
            };
            let (p1, mut p2) = private_subnets(c);
            if k == 1 && overlap {
                // The first circuit's secondary subnet, written again.
                p2 = private_subnets(first_circuit).1;
            }
            let _ = write!(
                circuits,
                "    peerings:\n      private:\n        peer_asn: {asn}\n        primary_subnet: {p1}\n        secondary_subnet: {p2}\n"
            );
            if dc {
                let vlan = if problem == Some(Problem::VlanOutOfRange) {
                    5000
                } else {
                    100 + (c % 3000)
                };
                let (q1, q2) = private_subnets_v6(c);
                let _ = write!(
                    circuits,
                    "        vlan_id: {vlan}\n        ipv6:\n          primary_subnet: {q1}\n          secondary_subnet: {q2}\n        advertised_prefixes: {}\n",
                    10 + i % 200
                );
            }
            if microsoft {
                let m = self.microsoft;
                self.microsoft += 1;
                let base = (11 << 24) + ((m as u32) << 5);
                let _ = write!(
                    circuits,
                    "      microsoft:\n        peer_asn: {}\n        primary_subnet: {}/30\n        secondary_subnet: {}/30\n        vlan_id: {}\n        advertised_public_prefixes: [{}/28]\n        route_filter: [exchange-online, sharepoint-online]\n        nat_pool: {}/28\n",
                    30000 + m % 20000,
                    v4(base),
                    v4(base + 4),
                    3200 + (c % 800),
                    v4(base + 16),
                    v4(base + 16),
                );
            }
            if global_reach && k == 0 {
                let g = self.global_reach;
                self.global_reach += 1;
                let _ = write!(
                    circuits,
                    "    global_reach:\n      - circuit: {cb}\n        subnet: {}/29\n",
                    v4((192 << 24) + (168 << 16) + ((g as u32) << 3))
                );
            }
            let _ = write!(circuits, "    links:\n      - vnet: {hub}\n");
            // Every hub's gateway (ErGw3AZ) supports FastPath: a link either
            // uses it or says it does not (fastpath-available).
            if fastpath {
                circuits.push_str("        fastpath: true\n");
            } else {
                circuits.push_str("        fastpath: false\n");
            }
            if k == 0 {
                // The first circuit's path is preferred: its two locations
                // are in two metros (geo-redundant-equal-weight).
                circuits.push_str("        weight: 100\n");
            }
        }
    }

    fn vpn_circuit(
        &mut self,
        provider: &'static str,
        location: &str,
        hub: &str,
        preferred: bool,
        circuits: &mut String,
    ) -> String {
        self.use_provider(provider);
        let c = self.circuits;
        self.circuits += 1;
        let name = format!("er-vpn-{c:06}");
        let bandwidth = *self.rng.pick(&["500Mbps", "1Gbps", "2Gbps"]);
        let (p1, p2) = private_subnets(c);
        let _ = write!(
            circuits,
            "\n  - name: {name}          # shared by up to {OFFICES_PER_CIRCUIT} offices\n    provider: {provider}\n    peering_location: {location}\n    bandwidth: {bandwidth}\n    sku: standard\n    billing: unlimited\n    peerings:\n      private:\n        peer_asn: 65100\n        primary_subnet: {p1}\n        secondary_subnet: {p2}\n    links:\n      - vnet: {hub}\n        fastpath: false\n"
        );
        if preferred {
            circuits.push_str("        weight: 100\n");
        }
        name
    }

    fn office(
        &mut self,
        i: usize,
        geo: &Geo,
        circuit: &str,
        provider: &str,
        problem: Option<Problem>,
        sites: &mut String,
    ) {
        let city = self.rng.pick(geo.cities);
        let city_key = if problem == Some(Problem::UnknownField) {
            "citty"
        } else {
            "city"
        };
        let circuit = if problem == Some(Problem::UndefinedCircuit) {
            circuit.replace("vpn", "vnp")
        } else {
            circuit.to_string()
        };
        let audio = if problem == Some(Problem::QosMismatch) {
            40
        } else {
            46
        };
        let _ = write!(
            sites,
            "\n  - name: office-{i:06}\n    kind: office\n    {city_key}: {city}\n    prefixes: [{}]\n    expressroute: {{ model: ipvpn, layer: l3, provider: {provider}, circuits: [{circuit}] }}\n    qos:\n      audio: {audio}\n      video: 34\n      sharing: 18\n",
            site_prefix(i)
        );
    }
}
