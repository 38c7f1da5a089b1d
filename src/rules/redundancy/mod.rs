//! Does it survive a failure?
pub mod bfd_disabled;
pub mod circuits_same_location;
pub mod gateway_single_location;
pub mod single_circuit_site;
pub mod single_provider_site;
pub mod single_router;

use crate::model::{Site, SiteKind, Spanned, Text};
use crate::sema::{CircuitRef, SiteRef};

/// The site's circuit names, each once, in the order written, with the
/// circuit each names (`None` when undefined).
pub(crate) fn distinct_circuits<'d>(
    site: SiteRef<'d>,
) -> Vec<(&'d Spanned<Text>, Option<CircuitRef<'d>>)> {
    let mut out: Vec<(&Spanned<Text>, Option<CircuitRef<'d>>)> = Vec::new();
    for (c, resolved) in site.circuits() {
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
