//! Two sites advertise overlapping prefixes.
use crate::model::intervals::{earlier_overlaps, Interval};
use crate::rules::prelude::*;

declare_rule! {
    name: "site-prefix-overlap",
    group: Routing,
    severity: Warning,
    summary: "two sites' `prefixes` overlap",
    check: check,
}

/// One prefix, copied out of its site: the overlap pass reads them all in
/// address order, and following pointers into the sites would be a cache
/// miss per read on a large design.
struct Entry {
    net: IpNet,
    span: Span,
    site: SiteId,
    /// The site's place among the sites that count (overlap group).
    group: usize,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut entries: Vec<Entry> = Vec::new();
    // A second site of one name is duplicate-name's finding.
    for (group, site) in cx.db.sites().enumerate() {
        if let Some(prefixes) = &site.entity().prefixes {
            // A default route overlaps everything and loses to every
            // specific route: two sites advertising it is a design choice.
            entries.extend(
                prefixes
                    .value
                    .iter()
                    .filter(|p| !p.value.is_default_route())
                    .map(|p| Entry {
                        net: p.value,
                        span: p.span,
                        site: site.id(),
                        group,
                    }),
            );
        }
    }
    // Report order, so the later prefix is the primary span.
    entries.sort_by_key(|e| e.span);
    // One group per site: a site's own prefixes may nest.
    let pairs = earlier_overlaps(entries.len(), |i| {
        Interval::of(&entries[i].net, entries[i].group)
    });
    let mut out = Vec::new();
    for (i, j) in pairs {
        let (p, q) = (&entries[i], &entries[j]);
        let (Some(site), Some(other)) = (cx.db.site(p.site), cx.db.site(q.site)) else {
            continue;
        };
        let same = if p.net == q.net {
            "is also a prefix of"
        } else {
            "overlaps prefix"
        };
        let msg = if p.net == q.net {
            format!(
                "prefix `{}` of site `{}` {same} site `{}`",
                p.net, site.name.value, other.name.value
            )
        } else {
            format!(
                "prefix `{}` of site `{}` {same} `{}` of site `{}`",
                p.net, site.name.value, q.net, other.name.value
            )
        };
        out.push(
            Finding::at(p.span, msg)
                .label(q.span, format!("prefix of site `{}`", other.name.value))
                .help("give each site its own address range; with overlapping routes Azure sends the traffic to whichever site advertises the longest match"),
        );
    }
    out
}
