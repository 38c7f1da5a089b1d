//! Structured fuzz inputs: fuzzer bytes → a YAML design that is mostly
//! well-formed, so mutations reach the rules rather than stopping at the
//! YAML syntax. Each byte picks what comes next: which entities, which keys
//! (sometimes missing, unknown, duplicated or of the wrong type), and values
//! from pools of edge cases (overlapping and malformed CIDRs, odd
//! bandwidths, reserved ASNs, names that differ in case or by one letter,
//! anchors and merge keys, suppression comments).
//!
//! Only `std`: the main package's corpus replay test includes this file.

use std::fmt::Write as _;

struct Choices<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Choices<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    fn done(&self) -> bool {
        self.pos >= self.data.len()
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            self.byte() as usize % n
        }
    }

    /// True about `percent` times in a hundred.
    fn chance(&mut self, percent: u8) -> bool {
        (self.byte() % 100) < percent
    }

    fn pick<'p>(&mut self, pool: &[&'p str]) -> &'p str {
        pool[self.below(pool.len())]
    }
}

const NAMES: &[&str] = &[
    "a",
    "b",
    "er-1",
    "er-2",
    "er-3",
    "ER-1",
    "er1",
    "hub",
    "hub-2",
    "site-1",
    "site-2",
    "port-1",
    "Colt",
    "colt",
    "Equinix",
    "Orange",
    "x y",
    "\"\"",
    "é",
    "a.b_c-d",
    "'quoted'",
    "null",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
];
const PROVIDERS: &[&str] = &[
    "Colt", "colt", "Equinix", "Orange", "Megaport", "nobody", "a",
];
const LOCATIONS: &[&str] = &[
    "Amsterdam",
    "London",
    "amsterdam",
    "Amsterdam2",
    "Silicon Valley",
    "silicon-valley",
    "New York",
    "Frankfurt",
    "Nowhere",
    "\"\"",
    "Atlanta",
    "Chicago (US Gov)",
];
const REGIONS: &[&str] = &[
    "westeurope",
    "West Europe",
    "eastus",
    "uksouth",
    "mars",
    "\"\"",
    "West US 2",
    "usgovvirginia",
];
const CIDRS: &[&str] = &[
    "10.0.0.0/8",
    "10.0.0.0/16",
    "10.0.0.0/30",
    "10.0.0.4/30",
    "10.0.0.1/30",
    "10.0.0.8/29",
    "192.168.0.0/29",
    "192.168.100.0/30",
    "0.0.0.0/0",
    "\"::/0\"",
    "\"fd00::/126\"",
    "\"fd00::4/126\"",
    "\"fd00::1/125\"",
    "\"2001:db8::/32\"",
    "300.1.1.1/8",
    "10.0.0.0/33",
    "203.0.113.0/30",
    "11.0.0.0/28",
    "11.0.0.0/30",
    "100.64.0.0/10",
    "not-a-cidr",
    "10.0.0.0",
    "\"\"",
    "[10.0.0.0/8]",
    "{a: b}",
    "1.2.3.4/",
    "/8",
    "\"fe80::/10\"",
    "127.0.0.0/8",
];
const BANDWIDTHS: &[&str] = &[
    "50Mbps",
    "200Mbps",
    "1Gbps",
    "10Gbps",
    "100Gbps",
    "400Gbps",
    "3Gbps",
    "0Gbps",
    "1 gbps",
    "18446744073709551616Gbps",
    "fast",
    "-1Mbps",
    "1.5Gbps",
    "10GBPS",
    "\"\"",
    "1000",
];
const NUMBERS: &[&str] = &[
    "0",
    "1",
    "2",
    "10",
    "34",
    "46",
    "100",
    "4094",
    "4095",
    "65515",
    "12076",
    "23456",
    "64500",
    "4200000000",
    "4294967295",
    "4294967296",
    "-1",
    "99999999999999999999",
    "1_000",
    "0x10",
    "1e3",
    "~",
    "true",
    "\"46\"",
    "[1]",
];
const MODELS: &[&str] = &[
    "ethernet",
    "ipvpn",
    "cloud-exchange",
    "direct",
    "Ethernet",
    "mpls",
    "~",
];
const LAYERS: &[&str] = &["l2", "l3", "L2", "l4", "[l2, l3]"];
const KINDS: &[&str] = &["datacenter", "office", "colocation", "Office", "branch"];
const SKUS: &[&str] = &["local", "standard", "premium", "Premium", "basic"];
const BILLING: &[&str] = &["metered", "unlimited", "free"];
const GATEWAYS: &[&str] = &[
    "Standard",
    "HighPerformance",
    "UltraPerformance",
    "ErGw1AZ",
    "ergw3az",
    "ErGwScale",
    "Basic",
    "Turbo",
];
const BOOLS: &[&str] = &["true", "false", "yes", "True", "1", "~"];
const RULES: &[&str] = &[
    "bfd-disabled",
    "single-router",
    "unknown-field",
    "no-such-rule",
    "invalid-value",
    "undefined-reference",
    "peering-subnets-overlap",
];

/// A scalar from `pool`, or now and then a value of the wrong shape.
fn value(c: &mut Choices<'_>, pool: &[&str]) -> String {
    match c.below(20) {
        0 => "[]".into(),
        1 => "{}".into(),
        2 => "~".into(),
        3 => format!("[{}, {}]", c.pick(pool), c.pick(pool)),
        4 => "*anchor".into(),
        _ => c.pick(pool).into(),
    }
}

fn list(c: &mut Choices<'_>, pool: &[&str]) -> String {
    let n = c.below(4);
    let items: Vec<&str> = (0..n).map(|_| c.pick(pool)).collect();
    format!("[{}]", items.join(", "))
}

/// Writes `key: value` at `indent` (sometimes with a suppression comment,
/// sometimes misspelt, sometimes twice).
fn field(c: &mut Choices<'_>, out: &mut String, indent: usize, key: &str, value: &str) {
    let pad = " ".repeat(indent);
    let key = if c.chance(3) {
        format!("{key}x")
    } else {
        key.to_string()
    };
    let _ = write!(out, "{pad}{key}: {value}");
    if c.chance(5) {
        let _ = write!(out, "  # erlint: allow({})", c.pick(RULES));
    }
    out.push('\n');
    if c.chance(2) {
        let _ = writeln!(out, "{pad}{key}: {value}");
    }
}

fn provider(c: &mut Choices<'_>, out: &mut String) {
    let _ = writeln!(out, "  - name: {}", c.pick(PROVIDERS));
    if c.chance(90) {
        out.push_str("    offers:\n");
        for _ in 0..c.below(3) + 1 {
            let model = c.pick(MODELS);
            let layers = list(c, LAYERS);
            let _ = writeln!(out, "      {model}: {layers}");
        }
    }
    if c.chance(40) {
        let l = list(c, LOCATIONS);
        field(c, out, 4, "peering_locations", &l);
    }
}

fn site(c: &mut Choices<'_>, out: &mut String) {
    let _ = writeln!(out, "  - name: {}", c.pick(NAMES));
    for (key, pool) in [("kind", KINDS), ("city", LOCATIONS)] {
        if c.chance(85) {
            let v = value(c, pool);
            field(c, out, 4, key, &v);
        }
    }
    if c.chance(70) {
        let l = list(c, CIDRS);
        field(c, out, 4, "prefixes", &l);
    }
    if c.chance(20) {
        let v = value(c, BOOLS);
        field(c, out, 4, "cloud_exchange", &v);
    }
    if c.chance(90) {
        out.push_str("    expressroute:\n");
        for (key, pool) in [
            ("model", MODELS),
            ("layer", LAYERS),
            ("provider", PROVIDERS),
        ] {
            if c.chance(85) {
                let v = value(c, pool);
                field(c, out, 6, key, &v);
            }
        }
        if c.chance(90) {
            let l = list(c, NAMES);
            field(c, out, 6, "circuits", &l);
        }
    }
    if c.chance(30) {
        let l = list(c, NAMES);
        field(c, out, 4, "routers", &l);
    }
    if c.chance(30) {
        out.push_str("    qos:\n");
        for key in ["audio", "video", "sharing"] {
            if c.chance(70) {
                let v = value(c, NUMBERS);
                field(c, out, 6, key, &v);
            }
        }
    }
}

fn peering(c: &mut Choices<'_>, out: &mut String, kind: &str) {
    let _ = writeln!(out, "      {kind}:");
    if c.chance(5) {
        return;
    }
    for (key, pool) in [
        ("peer_asn", NUMBERS),
        ("primary_subnet", CIDRS),
        ("secondary_subnet", CIDRS),
        ("vlan_id", NUMBERS),
        ("advertised_prefixes", NUMBERS),
        ("advertised_prefixes_v6", NUMBERS),
        ("nat_pool", CIDRS),
    ] {
        if c.chance(60) {
            let v = value(c, pool);
            field(c, out, 8, key, &v);
        }
    }
    if c.chance(30) {
        out.push_str("        ipv6:\n");
        for key in ["primary_subnet", "secondary_subnet"] {
            if c.chance(80) {
                let v = value(c, CIDRS);
                field(c, out, 10, key, &v);
            }
        }
    }
    if c.chance(30) {
        let l = list(c, CIDRS);
        field(c, out, 8, "advertised_public_prefixes", &l);
    }
    if c.chance(30) {
        let l = list(
            c,
            &[
                "exchange-online",
                "sharepoint-online",
                "azure-global",
                "nope",
            ],
        );
        field(c, out, 8, "route_filter", &l);
    }
}

fn circuit(c: &mut Choices<'_>, out: &mut String) {
    let anchor = if c.chance(5) { " &anchor" } else { "" };
    let _ = writeln!(out, "  -{anchor} name: {}", c.pick(NAMES));
    if c.chance(5) {
        out.push_str("    <<: *anchor\n");
    }
    for (key, pool) in [
        ("provider", PROVIDERS),
        ("port", NAMES),
        ("peering_location", LOCATIONS),
        ("bandwidth", BANDWIDTHS),
        ("sku", SKUS),
        ("billing", BILLING),
        ("bfd", BOOLS),
    ] {
        let p = if key == "port" || key == "bfd" {
            25
        } else {
            85
        };
        if c.chance(p) {
            let v = value(c, pool);
            field(c, out, 4, key, &v);
        }
    }
    if c.chance(40) {
        let (a, b) = (c.pick(NAMES), c.pick(NAMES));
        let v = if c.chance(80) {
            format!("{{ primary: {a}, secondary: {b} }}")
        } else {
            value(c, NAMES)
        };
        field(c, out, 4, "routers", &v);
    }
    if c.chance(80) {
        out.push_str("    peerings:\n");
        for kind in ["private", "microsoft", "public"] {
            if c.chance(if kind == "private" { 80 } else { 25 }) {
                peering(c, out, kind);
            }
        }
    }
    if c.chance(25) {
        out.push_str("    global_reach:\n");
        for _ in 0..c.below(3) + 1 {
            let (n, s) = (c.pick(NAMES), c.pick(CIDRS));
            let _ = writeln!(out, "      - circuit: {n}\n        subnet: {s}");
        }
    }
    if c.chance(60) {
        out.push_str("    links:\n");
        for _ in 0..c.below(4) + 1 {
            let _ = writeln!(out, "      - vnet: {}", c.pick(NAMES));
            if c.chance(30) {
                let v = value(c, BOOLS);
                field(c, out, 8, "fastpath", &v);
            }
        }
    }
}

fn port(c: &mut Choices<'_>, out: &mut String) {
    let _ = writeln!(out, "  - name: {}", c.pick(NAMES));
    for (key, pool) in [
        ("peering_location", LOCATIONS),
        ("bandwidth", BANDWIDTHS),
        ("encapsulation", &["dot1q", "qinq", "QinQ", "vxlan"][..]),
        ("macsec", BOOLS),
    ] {
        if c.chance(85) {
            let v = value(c, pool);
            field(c, out, 4, key, &v);
        }
    }
}

fn vnet(c: &mut Choices<'_>, out: &mut String) {
    let _ = writeln!(out, "  - name: {}", c.pick(NAMES));
    if c.chance(85) {
        let v = value(c, REGIONS);
        field(c, out, 4, "region", &v);
    }
    if c.chance(85) {
        let l = list(c, CIDRS);
        field(c, out, 4, "address_space", &l);
    }
    if c.chance(75) {
        out.push_str("    gateway:\n");
        if c.chance(90) {
            let v = value(c, GATEWAYS);
            field(c, out, 6, "sku", &v);
        }
        if c.chance(30) {
            let v = value(c, NUMBERS);
            field(c, out, 6, "scale_units", &v);
        }
    }
}

/// The YAML design that `data` describes. The same bytes always give the
/// same text.
pub fn design_yaml(data: &[u8]) -> String {
    let mut c = Choices { data, pos: 0 };
    let mut out = String::new();
    if c.chance(10) {
        let _ = writeln!(out, "# erlint: allow-file({})", c.pick(RULES));
    }
    if c.chance(50) {
        let v = c.pick(&["1", "2", "\"1\"", "one"]);
        let _ = writeln!(out, "version: {v}");
    }
    type Emit = fn(&mut Choices<'_>, &mut String);
    let sections: [(&str, Emit); 5] = [
        ("providers", provider),
        ("sites", site),
        ("circuits", circuit),
        ("ports", port),
        ("virtual_networks", vnet),
    ];
    while !c.done() && out.len() < 12 * 1024 {
        let (key, emit) = sections[c.below(sections.len())];
        let key = if c.chance(2) { "site" } else { key };
        let _ = writeln!(out, "{key}:");
        for _ in 0..c.below(4) + 1 {
            emit(&mut c, &mut out);
        }
        if c.chance(10) {
            out.push_str("---\n");
        }
    }
    out
}
