//! Does it survive a failure?
pub mod bfd_disabled;
pub mod circuits_same_location;
pub mod single_circuit_site;
pub mod single_router;

use crate::model::{Design, Index, Site, SiteKind, Spanned};

/// Sites that are the first of their name (a duplicate is
/// duplicate-name's finding).
pub(crate) fn canonical_sites<'d>(
    design: &'d Design,
    index: &'d Index,
) -> impl Iterator<Item = &'d Site> + 'd {
    design.sites.iter().filter(move |s| {
        index
            .site(design, &s.name.value)
            .is_some_and(|first| std::ptr::eq(first, *s))
    })
}

/// The site's circuit names, each once, in the order written.
pub(crate) fn distinct_circuits(site: &Site) -> Vec<&Spanned<String>> {
    let mut out: Vec<&Spanned<String>> = Vec::new();
    for c in site.circuit_names() {
        if !out.iter().any(|o| o.value == c.value) {
            out.push(c);
        }
    }
    out
}

/// `datacenter `ams-dc1``, for messages.
pub(crate) fn describe_site(site: &Site) -> String {
    let kind = site.kind.as_ref().map_or("site", |k| match k.value {
        SiteKind::Datacenter => "datacenter",
        SiteKind::Colocation => "colocation site",
        SiteKind::Office => "office",
    });
    format!("{kind} `{}`", site.name.value)
}
