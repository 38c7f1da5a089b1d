//! Printing the effective catalog (`erlint catalog`) in the catalog-file
//! format, so that its output is itself a valid catalog file, with a header
//! naming the docs and dates the built-in data comes from.

use super::{sku, Catalog};
use std::fmt::Write as _;

/// True when `s` must be quoted to stay the same string in YAML (also
/// inside a flow list).
fn needs_quotes(s: &str) -> bool {
    if s.is_empty() || s != s.trim() {
        return true;
    }
    if s.chars().any(|c| {
        c.is_control()
            || matches!(
                c,
                ':' | '#'
                    | ','
                    | '['
                    | ']'
                    | '{'
                    | '}'
                    | '&'
                    | '*'
                    | '!'
                    | '|'
                    | '>'
                    | '\''
                    | '"'
                    | '%'
                    | '@'
                    | '`'
                    | '\\'
            )
    }) {
        return true;
    }
    if s.starts_with(['-', '?', '<', '=', '~']) {
        return true;
    }
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | ".nan" | ".inf"
    ) {
        return true;
    }
    s.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '.') && s.parse::<f64>().is_ok()
        || lower.starts_with("0x")
        || lower.starts_with("0o")
}

fn scalar(s: &str) -> String {
    if !needs_quotes(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn flow(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| scalar(s)).collect();
    format!("[{}]", parts.join(", "))
}

fn gbps_list(sizes: &[u64]) -> String {
    sizes
        .iter()
        .map(|g| format!("{g}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn bandwidth(mbps: u64) -> String {
    if mbps >= 1_000 && mbps % 1_000 == 0 {
        format!("{}Gbps", mbps / 1_000)
    } else {
        format!("{mbps}Mbps")
    }
}

const HEADER: &str = "\
# erlint catalog: the peering locations, Azure regions and providers a design
# is checked against. This output is itself a valid catalog file: copy the
# entries you need to change into your repository's catalog file (named by
# `catalog = \"catalog.yaml\"` in erlint.toml); its entries win over built-in
# ones of the same name. Format: docs/catalog.md.
";

/// The SKU facts are code (`sku.rs`), not data: their documents are fixed.
const SKU_SOURCES: &str = "\
#   circuit bandwidths: expressroute-circuit-peerings.md (08/27/2026)
#   ExpressRoute Direct circuit sizes: expressroute-erdirect-about.md (03/02/2026)
#   gateway SKUs: includes/expressroute-gwsku-include.md, scalable-gateway.md (11/06/2025)
#   limits: includes/expressroute-limits.md (10/09/2023), expressroute-faqs.md (03/31/2026)
# Check them against the current docs before you buy: locations and providers change.
";

/// `04/28/2026` → `2026-04-28`; `None` for anything else.
fn iso_date(us: &str) -> Option<String> {
    let mut parts = us.trim().split('/');
    let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
    let ok = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    (ok(m, 2) && ok(d, 2) && ok(y, 4) && parts.next().is_none()).then(|| format!("{y}-{m}-{d}"))
}

/// The source date of the built-in data: the newest `ms.date` of the
/// documents it was read from, as `YYYY-MM-DD`.
pub(super) fn source_date(c: &Catalog) -> Option<String> {
    c.sources.iter().filter_map(|s| iso_date(&s.date)).max()
}

fn sources(c: &Catalog) -> String {
    let mut o = String::new();
    match source_date(c) {
        Some(d) => {
            let _ = writeln!(
                o,
                "#\n# Source date: {d} (the newest document the built-in data was read from)."
            );
        }
        None => o.push_str("#\n# Source date: none (no built-in data).\n"),
    }
    o.push_str("# Built-in data: the public Azure ExpressRoute documentation\n");
    o.push_str("# (MicrosoftDocs/azure-docs, articles/expressroute/), newest versions read:\n");
    for s in &c.sources {
        let _ = writeln!(o, "#   {}: {} (ms.date {})", s.facts, s.document, s.date);
    }
    o.push_str("#   entries marked `inferred` have no geopolitical region in the docs (newer\n");
    o.push_str("#   locations and Local regions); it was inferred from the city\n");
    o.push_str(SKU_SOURCES);
    o
}

pub(super) fn to_yaml(c: &Catalog) -> String {
    let mut o = String::from(HEADER);
    o.push_str(&sources(c));
    if c.overlays.is_empty() {
        o.push_str("#\n# Catalog files applied: none (built-in data only).\n");
    } else {
        o.push_str("#\n# Catalog files applied over the built-in data, in order:\n");
        for f in &c.overlays {
            let _ = writeln!(o, "#   {f}");
        }
    }
    o.push_str("\nversion: 1\n\npeering_locations:\n");
    for l in &c.locations {
        let _ = writeln!(o, "  - name: {}", scalar(&l.name));
        if !l.aliases.is_empty() {
            let _ = writeln!(o, "    aliases: {}", flow(&l.aliases));
        }
        let _ = writeln!(o, "    city: {}", scalar(&l.city));
        let _ = writeln!(o, "    cloud: {}", scalar(l.cloud.as_str()));
        let inferred = if l.geopolitical_inferred {
            "   # inferred"
        } else {
            ""
        };
        let _ = writeln!(
            o,
            "    geopolitical_region: {}{inferred}",
            scalar(&l.geopolitical_region)
        );
        let _ = writeln!(o, "    local_regions: {}", flow(&l.local_regions));
        let _ = writeln!(o, "    direct: {}", l.direct);
        let _ = writeln!(o, "    global_reach: {}", l.global_reach);
        let _ = writeln!(o, "    providers: {}", flow(&l.providers));
        if !l.metro_of.is_empty() {
            let _ = writeln!(o, "    metro_of: {}", flow(&l.metro_of));
        }
    }
    o.push_str("\nregions:\n");
    for r in &c.regions {
        let _ = writeln!(o, "  - name: {}", scalar(&r.name));
        if !r.aliases.is_empty() {
            let _ = writeln!(o, "    aliases: {}", flow(&r.aliases));
        }
        let inferred = if r.geopolitical_inferred {
            "   # inferred"
        } else {
            ""
        };
        let _ = writeln!(
            o,
            "    geopolitical_region: {}{inferred}",
            scalar(&r.geopolitical_region)
        );
        let _ = writeln!(o, "    cloud: {}", scalar(r.cloud.as_str()));
        let _ = writeln!(o, "    ergwscale: {}", r.ergwscale);
    }
    o.push_str("\nproviders:\n");
    for p in &c.providers {
        let _ = writeln!(o, "  - name: {}", scalar(&p.name));
        if !p.aliases.is_empty() {
            let _ = writeln!(o, "    aliases: {}", flow(&p.aliases));
        }
        let _ = writeln!(o, "    peering_locations: {}", flow(&p.peering_locations));
    }
    o.push_str(&fixed_facts());
    o
}

/// The SKU facts, which a catalog file cannot change, as comments.
fn fixed_facts() -> String {
    use crate::model::{Bandwidth, GatewaySku, Sku};
    let mut o = String::from(
        "\n# Built-in facts a catalog file cannot change:\n#   provider circuit bandwidths: ",
    );
    let bws: Vec<String> = sku::PROVIDER_BANDWIDTHS_MBPS
        .iter()
        .map(|&m| bandwidth(m))
        .collect();
    o.push_str(&bws.join(", "));
    o.push('\n');
    for port in [10, 100, 400] {
        let _ = writeln!(
            o,
            "#   ExpressRoute Direct {port}Gbps port: circuits of {} Gbps",
            gbps_list(sku::direct_circuit_sizes_gbps(port))
        );
    }
    for (name, g) in GatewaySku::ALL {
        let f = sku::gateway(*g, None);
        let scale = if *g == GatewaySku::ErGwScale {
            " (per scale unit, at 1 unit; 8 circuits from 2 units, 16 and FastPath from 10)"
        } else {
            ""
        };
        let _ = writeln!(
            o,
            "#   gateway {name}: {}, {} circuits, FastPath {}{scale}",
            bandwidth(f.mbps),
            f.max_circuits,
            if f.fastpath { "yes" } else { "no" }
        );
    }
    let one_g = Bandwidth { mbps: 1_000 };
    let _ = writeln!(
        o,
        "#   VNet links per circuit: Standard and Local {}, Premium {} (1Gbps) to {} (10Gbps and up)",
        sku::vnet_link_limit(Sku::Standard, one_g),
        sku::vnet_link_limit(Sku::Premium, one_g),
        sku::vnet_link_limit(Sku::Premium, Bandwidth { mbps: 10_000 })
    );
    let _ = writeln!(
        o,
        "#   private peering IPv4 prefixes: Standard and Local {}, Premium {}; IPv6 {}; Microsoft peering {}",
        sku::private_ipv4_prefix_limit(Sku::Standard),
        sku::private_ipv4_prefix_limit(Sku::Premium),
        sku::PRIVATE_IPV6_PREFIX_LIMIT,
        sku::MICROSOFT_PREFIX_LIMIT
    );
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::ProviderInfo;
    fn without_comments(s: &str) -> String {
        s.lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .map(|l| l.split("   # inferred").next().unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn output_starts_with_the_dates_and_shows_amsterdam() {
        let y = Catalog::builtin().to_yaml();
        assert!(y.starts_with("# erlint catalog"));
        assert!(y.contains("04/28/2026"));
        assert!(y.contains("04/05/2024"));
        assert!(y.contains("# Source date: 2026-05-10 "), "{}", &y[..1500]);
        assert!(y.contains("    metro_of: [Amsterdam, Amsterdam2]\n"));
        assert!(y.contains(
            "  - name: Amsterdam\n    aliases: [Equinix-Amsterdam-AM5]\n    city: Amsterdam\n    cloud: Azure public\n    geopolitical_region: Europe\n    local_regions: [West Europe]\n    direct: true\n"
        ));
        assert!(y.contains("  - name: GÉANT\n    aliases: [GEANT]\n"));
        assert!(y.contains("name: \"AT&T NetBond\""));
    }

    #[test]
    fn output_reads_back_to_the_same_catalog() {
        let builtin = Catalog::builtin();
        let y = builtin.to_yaml();
        // Over the built-in data: nothing changes.
        let mut same = Catalog::builtin();
        same.overlay_str("catalog.yaml", &y).unwrap();
        assert_eq!(same.locations, builtin.locations);
        assert_eq!(same.regions, builtin.regions);
        assert_eq!(same.providers, builtin.providers);
        // Over nothing: the same entries (provenance comments aside).
        let mut fresh = Catalog::default();
        fresh.overlay_str("catalog.yaml", &y).unwrap();
        let (a, b) = (without_comments(&fresh.to_yaml()), without_comments(&y));
        for (x, z) in a.lines().zip(b.lines()) {
            assert_eq!(x, z);
        }
        assert_eq!(a.lines().count(), b.lines().count());
        assert_eq!(fresh.location("beijing").unwrap().name, "Beijing (China)");
    }

    #[test]
    fn quoting_survives_a_round_trip() {
        let mut c = Catalog::default();
        let odd = [
            "AT&T",
            "yes",
            "No",
            "1.5",
            "- dash",
            "a: b",
            "x, y",
            "[x]",
            "#1",
            "it's",
            "say \"hi\"",
            "back\\slash",
            "~",
            "null",
            "Zürich",
        ];
        for n in odd {
            c.providers.push(ProviderInfo {
                name: n.to_string(),
                aliases: Vec::new(),
                peering_locations: Vec::new(),
            });
        }
        c.reindex();
        let mut back = Catalog::default();
        back.overlay_str("c.yaml", &c.to_yaml()).unwrap();
        let names: Vec<&str> = back.providers.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, odd);
    }
}
