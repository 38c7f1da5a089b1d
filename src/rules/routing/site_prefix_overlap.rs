//! Two sites advertise overlapping prefixes.
use crate::model::intervals::{first_earlier_overlap, Interval};
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "site-prefix-overlap",
    group: Group::Routing,
    default_severity: Severity::Warning,
    summary: "two sites' `prefixes` overlap",
    doc: rule_doc!("site-prefix-overlap"),
    check: Some(check),
    source: file!(),
};

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut entries: Vec<(&Spanned<IpNet>, usize)> = Vec::new();
    for (pos, site) in cx.design.sites.iter().enumerate() {
        // A second site of one name is duplicate-name's finding.
        let canonical = cx
            .index
            .site(cx.design, &site.name.value)
            .is_some_and(|s| s.name.span == site.name.span);
        if !canonical {
            continue;
        }
        if let Some(prefixes) = &site.prefixes {
            // A default route overlaps everything and loses to every
            // specific route: two sites advertising it is a design choice.
            entries.extend(
                prefixes
                    .value
                    .iter()
                    .filter(|p| !p.value.is_default_route())
                    .map(|p| (p, pos)),
            );
        }
    }
    // Report order, so the later prefix is the primary span.
    entries.sort_by_key(|(p, _)| p.span);
    // One group per site: a site's own prefixes may nest.
    let intervals: Vec<Interval> = entries
        .iter()
        .map(|(p, site)| Interval::of(&p.value, *site))
        .collect();
    let mut out = Vec::new();
    for (i, earlier) in first_earlier_overlap(&intervals).into_iter().enumerate() {
        let Some(j) = earlier else { continue };
        let ((p, s), (q, t)) = (entries[i], entries[j]);
        let (site, other) = (&cx.design.sites[s], &cx.design.sites[t]);
        let same = if p.value == q.value {
            "is also a prefix of"
        } else {
            "overlaps prefix"
        };
        let msg = if p.value == q.value {
            format!(
                "prefix `{}` of site `{}` {same} site `{}`",
                p.value, site.name.value, other.name.value
            )
        } else {
            format!(
                "prefix `{}` of site `{}` {same} `{}` of site `{}`",
                p.value, site.name.value, q.value, other.name.value
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
