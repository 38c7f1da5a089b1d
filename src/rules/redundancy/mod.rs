//! Does it survive a failure?
pub mod bfd_disabled;
pub mod circuits_same_location;
pub mod single_circuit_site;
pub mod single_router;

use crate::model::{Design, Index, Site, SiteKind, Spanned, Text};

/// Sites that are the first of their name (a duplicate is
/// duplicate-name's finding).
pub(crate) fn canonical_sites<'d>(
    design: &'d Design,
    index: &'d Index,
) -> impl Iterator<Item = (usize, &'d Site)> + 'd {
    design
        .sites
        .iter()
        .enumerate()
        .filter(move |(pos, _)| index.is_canonical_site(*pos))
}

/// The site's circuit names, each once, in the order written.
pub(crate) fn distinct_circuits<'d>(
    index: &Index,
    pos: usize,
    site: &'d Site,
) -> Vec<(&'d Spanned<Text>, Option<usize>)> {
    let mut out: Vec<(&Spanned<Text>, Option<usize>)> = Vec::new();
    for (c, resolved) in site.circuit_names().iter().zip(index.circuits_of_site(pos)) {
        if !out.iter().any(|(o, _)| o.value == c.value) {
            out.push((c, resolved));
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
