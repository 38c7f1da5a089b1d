//! `erlint schema` against a real JSON Schema validator (the `jsonschema`
//! crate, draft-07): the schema is valid draft-07; every example, fixture
//! and rule-page design is accepted by the schema exactly when erlint's
//! loader accepts it (no `invalid-yaml`, `unknown-field`, `invalid-value`,
//! `missing-field`); broken designs are rejected.
//!
//! YAML becomes JSON through erlint's own syntax tree, resolving plain
//! scalars as YAML 1.2's core schema does (what editors do too).

use crate::support::*;
use erlint::source::FileId;
use erlint::syntax::{Node, NodeKind};
use serde_json::{Number, Value};
use std::path::{Path, PathBuf};

fn schema() -> Value {
    erlint::model::schema::schema()
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft7::new(&schema()).expect("the schema compiles")
}

/// A plain scalar as YAML 1.2's core schema resolves it.
fn plain_scalar(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(n) = text.parse::<i64>() {
            return Value::Number(n.into());
        }
        if let Ok(n) = text.trim_start_matches('+').parse::<u64>() {
            return Value::Number(n.into());
        }
    }
    let is_float = {
        let t = digits;
        let (mantissa, exp) = match t.find(['e', 'E']) {
            Some(i) => (&t[..i], Some(&t[i + 1..])),
            None => (t, None),
        };
        let mantissa_ok = !mantissa.is_empty()
            && mantissa != "."
            && mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && mantissa.bytes().filter(|&b| b == b'.').count() <= 1;
        let exp_ok = exp.is_none_or(|e| {
            let e = e.strip_prefix(['-', '+']).unwrap_or(e);
            !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit())
        });
        mantissa_ok && exp_ok
    };
    if is_float {
        if let Some(n) = text.parse::<f64>().ok().and_then(Number::from_f64) {
            return Value::Number(n);
        }
    }
    Value::String(text.to_string())
}

/// The JSON value of a YAML node; `None` for what JSON cannot hold (a
/// key that is not a scalar).
fn to_json(node: &Node) -> Option<Value> {
    Some(match &node.kind {
        NodeKind::Scalar(s) if s.plain => plain_scalar(s.text),
        NodeKind::Scalar(s) => Value::String(s.text.to_string()),
        NodeKind::Seq(items) => Value::Array(items.iter().map(to_json).collect::<Option<_>>()?),
        NodeKind::Map(entries) => {
            let mut m = serde_json::Map::new();
            for (k, v) in entries.iter() {
                let key = k.as_scalar()?.text;
                m.insert(key.to_string(), to_json(v)?);
            }
            Value::Object(m)
        }
    })
}

/// Why the schema rejects a file's text, or `None` when it accepts it.
fn schema_verdict(v: &jsonschema::Validator, text: &str) -> Option<String> {
    let arena = erlint::syntax::Bump::new();
    let parsed = erlint::syntax::parse(FileId(0), text, &arena);
    if !parsed.findings.is_empty() {
        return Some("not valid YAML".into());
    }
    for doc in &parsed.documents {
        let Some(json) = to_json(&doc.root) else {
            return Some("a key is not a scalar".into());
        };
        let errors: Vec<String> = v
            .iter_errors(&json)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        if !errors.is_empty() {
            return Some(errors.join("; "));
        }
    }
    None
}

/// The loader's findings for one file on its own.
fn loader_findings(text: &str) -> Vec<String> {
    let arena = erlint::syntax::Bump::new();
    let parsed = erlint::syntax::parse(FileId(0), text, &arena);
    let (_, lowered) = erlint::model::lower::lower(FileId(0), &parsed.documents);
    parsed
        .findings
        .iter()
        .chain(&lowered)
        .map(|f| format!("{}: {}", f.rule, f.message))
        .collect()
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            yaml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
            out.push(p);
        }
    }
}

/// The ```yaml bad / ```yaml good blocks of the rule pages.
fn page_designs() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for rule in erlint::rules::ALL {
        let mut block: Option<String> = None;
        for line in rule.doc.lines() {
            match &mut block {
                None if line.starts_with("```yaml") => block = Some(String::new()),
                Some(b) if line.starts_with("```") => {
                    out.push((format!("rules/{}.md", rule.name), std::mem::take(b)));
                    block = None;
                }
                Some(b) => {
                    b.push_str(line);
                    b.push('\n');
                }
                None => {}
            }
        }
    }
    out
}

#[test]
fn the_schema_is_valid_draft_07_and_printed_by_erlint_schema() {
    let s = schema();
    assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#");
    jsonschema::draft7::meta::validate(&s).expect("a valid draft-07 schema");
    let o = crate::cli::run_in(&root(), &["schema"]);
    assert_eq!(o.status.code(), Some(0));
    let printed: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(printed, s);
}

/// The schema agrees with the loader on every design the project holds.
#[test]
fn schema_accepts_exactly_what_the_loader_accepts() {
    let v = validator();
    let mut files = Vec::new();
    yaml_files(&root().join("examples"), &mut files);
    yaml_files(&root().join("fixtures"), &mut files);
    let mut designs: Vec<(String, String)> = files
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            let name = p.strip_prefix(root()).unwrap_or(p).display().to_string();
            Some((name, text))
        })
        .collect();
    designs.extend(page_designs());
    assert!(designs.len() > 10, "found {} designs", designs.len());

    let mut problems = Vec::new();
    let (mut accepted, mut rejected) = (0, 0);
    for (name, text) in &designs {
        let loader = loader_findings(text);
        let verdict = schema_verdict(&v, text);
        match (&verdict, loader.is_empty()) {
            (None, true) => accepted += 1,
            (Some(_), false) => rejected += 1,
            (Some(why), true) => problems.push(format!(
                "{name}: erlint loads it, the schema rejects it: {why}"
            )),
            (None, false) => problems.push(format!(
                "{name}: the schema accepts it, erlint reports {loader:?}"
            )),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        accepted > 0 && rejected > 0,
        "{accepted} accepted, {rejected} rejected"
    );
}

const GOOD: &str = "\
version: 1
providers:
  - name: colt
    offers: {ethernet: [l2, L3], Cloud-Exchange: [l2]}
    peering_locations: [Amsterdam, London]
    catalog_name: Colt Technology Services
sites:
  - name: ams-dc1
    kind: Datacenter
    city: Amsterdam
    prefixes: [10.10.0.0/16, 'fd00:10::/48']
    expressroute: {model: ethernet, layer: l2, provider: colt, circuits: [er-ams-1]}
    routers: [ams-ce1, ams-ce2]
    qos: {audio: 46, video: 34, sharing: 18}
  - name: ams-direct
    kind: colocation
    cloud_exchange: true
    expressroute: {model: direct, circuits: [er-direct]}
circuits:
  - name: er-ams-1
    provider: colt
    peering_location: Amsterdam
    bandwidth: 1Gbps
    sku: standard
    billing: metered
    bfd:
    routers: {primary: ams-ce1, secondary: ams-ce2}
    peerings:
      private:
        peer_asn: 65010
        primary_subnet: 192.168.100.0/30
        secondary_subnet: 192.168.100.4/30
        vlan_id: 100
        ipv6: {primary_subnet: 'fd00:100::/126', secondary_subnet: '::ffff:10.0.0.0/126'}
      microsoft:
        advertised_public_prefixes: [203.0.113.128/27]
        route_filter: [exchange-online]
        nat_pool: 203.0.113.128/27
      public:
    global_reach: [{circuit: er-lon-1, subnet: 10.255.0.0/29}]
    links: [{vnet: hub-weu, fastpath: false, weight: 32000}, {vnet: spoke, weight: 0}]
  - name: er-direct
    port: erd-ams
    peering_location: Amsterdam
    bandwidth: 10Gbps
    sku: premium
    billing: unlimited
    rate_limiting: true
ports:
  - {name: erd-ams, peering_location: Amsterdam, bandwidth: 100Gbps, encapsulation: QinQ, macsec: true}
virtual_networks:
  - name: hub-weu
    region: westeurope
    address_space: [10.100.0.0/16]
    spoke_prefixes: 120
    gateway: {sku: ergw1az, subnet: 10.100.255.0/27}
  - name: spoke
    region: West Europe
    address_space: [10.101.0.0/16]
    gateway: {sku: ErGwScale, scale_units: 40, min_scale_units: 2}
";

#[test]
fn a_full_design_is_accepted_by_both() {
    let v = validator();
    assert_eq!(loader_findings(GOOD), Vec::<String>::new());
    assert_eq!(schema_verdict(&v, GOOD), None);
    assert_eq!(schema_verdict(&v, ""), None, "an empty file is fine");
}

#[test]
fn broken_designs_are_rejected_by_both() {
    let v = validator();
    let cases: &[(&str, &str)] = &[
        ("unknown top-level key", "site: []\n"),
        ("wrong version", "version: 2\n"),
        ("unknown key in a site", "sites:\n  - {name: a, kind: office, expressroute: {model: direct, circuits: [c]}, colour: red}\n"),
        ("missing name", "providers:\n  - offers: {ipvpn: [l3]}\n"),
        ("missing offers", "providers:\n  - name: p\n"),
        ("bad enum", "sites:\n  - {name: a, kind: house, expressroute: {model: direct, circuits: [c]}}\n"),
        ("missing layer unless direct", "sites:\n  - {name: a, kind: office, expressroute: {model: ipvpn, provider: p, circuits: [c]}}\n"),
        ("empty circuits", "sites:\n  - {name: a, kind: office, expressroute: {model: direct, circuits: []}}\n"),
        ("bad name", "providers:\n  - {name: 'a b', offers: {ipvpn: [l3]}}\n"),
        ("offers a direct model", "providers:\n  - {name: p, offers: {direct: [l2]}}\n"),
        ("offers no layer", "providers:\n  - {name: p, offers: {ipvpn: []}}\n"),
        ("offers nothing", "providers:\n  - {name: p, offers: {}}\n"),
        ("bad layer", "providers:\n  - {name: p, offers: {ipvpn: [l4]}}\n"),
        ("bad bandwidth", "circuits:\n  - {name: c, provider: p, peering_location: X, bandwidth: fast, sku: local, billing: metered}\n"),
        ("bad port speed", "ports:\n  - {name: p, peering_location: X, bandwidth: 40Gbps, encapsulation: qinq}\n"),
        ("bad prefix", "virtual_networks:\n  - {name: v, region: r, address_space: [10.0.0.0/33]}\n"),
        ("bad IPv6 prefix", "virtual_networks:\n  - {name: v, region: r, address_space: ['fd00::g/64']}\n"),
        ("prefix without length", "virtual_networks:\n  - {name: v, region: r, address_space: [10.0.0.0]}\n"),
        ("quoted number", "circuits:\n  - {name: c, provider: p, peering_location: X, bandwidth: 1Gbps, sku: local, billing: metered, peerings: {private: {vlan_id: '100'}}}\n"),
        ("negative ASN", "circuits:\n  - {name: c, provider: p, peering_location: X, bandwidth: 1Gbps, sku: local, billing: metered, peerings: {private: {peer_asn: -1}}}\n"),
        ("DSCP out of range", "sites:\n  - {name: a, kind: office, expressroute: {model: direct, circuits: [c]}, qos: {audio: 64}}\n"),
        ("scale units out of range", "virtual_networks:\n  - {name: v, region: r, address_space: [10.0.0.0/16], gateway: {sku: ErGwScale, scale_units: 41}}\n"),
        ("bool as text", "ports:\n  - {name: p, peering_location: X, bandwidth: 10Gbps, encapsulation: qinq, macsec: 'yes'}\n"),
        ("list instead of mapping", "circuits:\n  - {name: c, provider: p, peering_location: X, bandwidth: 1Gbps, sku: local, billing: metered, routers: [a, b]}\n"),
        ("scalar instead of list", "sites: ams\n"),
        ("invalid YAML", "sites: [\n"),
        ("weight out of range", "circuits:\n  - {name: c, provider: p, peering_location: X, bandwidth: 1Gbps, sku: local, billing: metered, links: [{vnet: v, weight: 32001}]}\n"),
        ("rate limiting on a provider circuit", "circuits:\n  - {name: c, provider: p, peering_location: X, bandwidth: 1Gbps, sku: local, billing: metered, rate_limiting: true}\n"),
        ("gateway subnet not a prefix", "virtual_networks:\n  - {name: v, region: r, address_space: [10.0.0.0/16], gateway: {sku: ErGw1AZ, subnet: GatewaySubnet}}\n"),
        ("min scale units off ErGwScale", "virtual_networks:\n  - {name: v, region: r, address_space: [10.0.0.0/16], gateway: {sku: ErGw3AZ, min_scale_units: 2}}\n"),
        ("min scale units above scale units", "virtual_networks:\n  - {name: v, region: r, address_space: [10.0.0.0/16], gateway: {sku: ErGwScale, scale_units: 4, min_scale_units: 5}}\n"),
        ("negative spoke prefixes", "virtual_networks:\n  - {name: v, region: r, address_space: [10.0.0.0/16], spoke_prefixes: -1}\n"),
        ("catalog name as a list", "providers:\n  - {name: p, offers: {ipvpn: [l3]}, catalog_name: [a, b]}\n"),
    ];
    let mut problems = Vec::new();
    for (what, text) in cases {
        if loader_findings(text).is_empty() {
            problems.push(format!("{what}: erlint accepts it"));
        }
        if schema_verdict(&v, text).is_none() {
            problems.push(format!("{what}: the schema accepts it"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Edge values of each kind of value: the schema and the loader agree on
/// every one.
#[test]
fn schema_and_loader_agree_on_edge_values() {
    let v = validator();
    let circuit = |field: &str| {
        format!(
            "circuits:\n  - name: c\n    provider: p\n    peering_location: X\n    sku: local\n    billing: metered\n    {field}\n"
        )
    };
    let mut cases: Vec<String> = Vec::new();
    for bw in [
        "1Gbps",
        "0.5Gbps",
        "1.25Gbps",
        "1.2345Gbps",
        "0Gbps",
        "0.0001Gbps",
        "50Mbps",
        "50.0Mbps",
        "50.5Mbps",
        "1 Gbps",
        "1gbps",
        "1GBPS",
        "1.Gbps",
        ".5Gbps",
        "Gbps",
        "10",
        "1Tbps",
        "0.001Gbps",
        "00.5Gbps",
        "007Mbps",
    ] {
        cases.push(circuit(&format!("bandwidth: {bw}")));
    }
    let vnet = |prefix: &str| {
        format!("virtual_networks:\n  - {{name: v, region: r, address_space: ['{prefix}']}}\n")
    };
    for p in [
        "10.0.0.0/8",
        "10.0.0.0/32",
        "10.0.0.0/33",
        "10.0.0.0/008",
        "10.0.0.0/0032",
        "10.01.0.0/16",
        "256.0.0.0/8",
        "10.0.0/8",
        " 10.0.0.0/8 ",
        "fd00::/64",
        "fd00::/128",
        "fd00::/129",
        "::/0",
        "::1/128",
        "1:2:3:4:5:6:7:8/64",
        "1:2:3:4:5:6:7:8:9/64",
        "1::2::3/64",
        "::ffff:10.0.0.1/128",
        "1:2:3:4:5:6:10.0.0.1/128",
        "fe80::1%eth0/64",
        "FD00:ABCD::/32",
        "fd00::g/64",
        "10.0.0.0/ 8",
        "10.0.0.0/",
    ] {
        cases.push(vnet(p));
    }
    for sku in [
        "ErGw1AZ", "ergw1az", "ERGW1AZ", "ErGw1 AZ", "Basic", "basic", "ErGw4AZ",
    ] {
        cases.push(format!(
            "virtual_networks:\n  - {{name: v, region: r, address_space: [10.0.0.0/16], gateway: {{sku: {sku}}}}}\n"
        ));
    }
    for n in [
        "a",
        "a.b_c-d",
        "a b",
        "ä",
        "x123456789012345678901234567890123456789012345678901234567890123",
        "x1234567890123456789012345678901234567890123456789012345678901234",
        "42",
        "true",
        "''",
    ] {
        cases.push(format!(
            "providers:\n  - {{name: {n}, offers: {{ipvpn: [l3]}}}}\n"
        ));
    }
    for b in [
        "true", "True", "TRUE", "false", "yes", "on", "1", "'true'", "",
    ] {
        cases.push(format!(
            "ports:\n  - {{name: p, peering_location: X, bandwidth: 10Gbps, encapsulation: qinq, macsec: {b}}}\n"
        ));
    }
    for bw in [
        "10Gbps",
        "100gbps",
        "400Gbps",
        "10000Mbps",
        "40Gbps",
        "10.0Gbps",
        "1Gbps",
    ] {
        cases.push(format!(
            "ports:\n  - {{name: p, peering_location: X, bandwidth: {bw}, encapsulation: dot1q}}\n"
        ));
    }
    // Not here: `46.0` (JSON cannot tell it from 46, the loader wants a
    // whole number as written) and `1_0` (the loader reads YAML 1.1's digit
    // separators, YAML 1.2 reads text, and a pattern cannot check a range).
    for n in ["0", "63", "64", "-1", "'46'", "+5", "0x10"] {
        cases.push(format!(
            "sites:\n  - {{name: a, kind: office, expressroute: {{model: direct, circuits: [c]}}, qos: {{audio: {n}}}}}\n"
        ));
    }
    for n in [
        "0",
        "65010",
        "4294967295",
        "-1",
        "1.5",
        "'1'",
        "18446744073709551615",
    ] {
        cases.push(circuit(&format!(
            "bandwidth: 1Gbps\n    peerings: {{private: {{peer_asn: {n}}}}}"
        )));
    }
    let mut problems = Vec::new();
    agree_on(&v, &cases, &mut problems);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Each case is accepted by both or rejected by both.
fn agree_on(v: &jsonschema::Validator, cases: &[String], problems: &mut Vec<String>) {
    for text in cases {
        let loader = loader_findings(text);
        let verdict = schema_verdict(v, text);
        if loader.is_empty() != verdict.is_none() {
            problems.push(format!("{text}  loader: {loader:?}\n  schema: {verdict:?}"));
        }
    }
}

/// The fields of the second catalog, and the rules between keys (a
/// key that needs another, a key for one SKU only, a minimum at most the
/// maximum): the schema and the loader agree on each combination.
#[test]
fn schema_and_loader_agree_on_the_new_fields() {
    let v = validator();
    let mut cases: Vec<String> = Vec::new();
    for w in ["0", "32000", "32001", "-1", "'5'", "1.5", "null"] {
        cases.push(format!(
            "circuits:\n  - {{name: c, provider: p, peering_location: X, bandwidth: 1Gbps, sku: local, billing: metered, links: [{{vnet: v, weight: {w}}}]}}\n"
        ));
    }
    // `provider` / `port` combinations with `rate_limiting`.
    for delivery in [
        "provider: p",
        "port: d",
        "provider: p, port: d",
        "provider: p, port: null",
        "port: d, provider: null",
        "peering_location: X",
        "provder: p",
    ] {
        for rl in ["true", "false", "null", "'yes'"] {
            let delivery = delivery.replace("peering_location: X", "bfd: true");
            cases.push(format!(
                "circuits:\n  - {{name: c, {delivery}, peering_location: X, bandwidth: 1Gbps, sku: local, billing: metered, rate_limiting: {rl}}}\n"
            ));
        }
    }
    let gateway = |g: &str| {
        format!("virtual_networks:\n  - {{name: v, region: r, address_space: [10.0.0.0/16], gateway: {{{g}}}}}\n")
    };
    for sku in ["ErGwScale", "ergwscale", "ErGw1AZ", "Basic", "ErGwNope"] {
        for units in [
            "",
            ", scale_units: 1",
            ", scale_units: 4",
            ", scale_units: 40",
            ", scale_units: null",
            ", scale_units: 41",
        ] {
            for min in ["", "1", "2", "4", "5", "40", "0", "null"] {
                let min = if min.is_empty() {
                    String::new()
                } else {
                    format!(", min_scale_units: {min}")
                };
                cases.push(gateway(&format!("sku: {sku}{units}{min}")));
            }
        }
    }
    for subnet in [
        "10.0.255.0/27",
        "fd00::/64",
        "10.0.255.0",
        "null",
        "[10.0.0.0/27]",
    ] {
        cases.push(gateway(&format!("sku: ErGw1AZ, subnet: {subnet}")));
    }
    for n in ["0", "12", "-1", "'3'", "null", "1_000"] {
        cases.push(format!(
            "virtual_networks:\n  - {{name: v, region: r, address_space: [10.0.0.0/16], spoke_prefixes: {n}}}\n"
        ));
    }
    for c in ["British Telecom", "42", "null", "[a]", "{a: b}"] {
        cases.push(format!(
            "providers:\n  - {{name: p, offers: {{ipvpn: [l3]}}, catalog_name: {c}}}\n"
        ));
    }
    let mut problems = Vec::new();
    agree_on(&v, &cases, &mut problems);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
