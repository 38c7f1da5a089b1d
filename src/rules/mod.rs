//! THE registry of rules, and what a rule may read.
//!
//! Every rule is a `static RULE: Rule` in its own file under
//! `src/rules/<group>/`, listed once in [`ALL`]. `erlint rules`, `explain`,
//! `--select`, `erlint.toml`, SARIF and the documentation tests all read
//! [`ALL`]. A rule is a pure function of [`RuleContext`]: no I/O, no YAML, no
//! ordering, no final severity (the runner stamps name and severity).

pub mod circuit;
pub mod location;
pub mod model;
pub(crate) mod owners;
pub mod peering;
pub mod redundancy;
pub mod reference;
mod reporting;
pub mod routing;

pub use reporting::Reporting;

use crate::catalog::Catalog;
use crate::finding::{Finding, Severity};
use crate::sema::Db;
use crate::source::Span;

/// The catalog sections of rules.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    Model,
    Location,
    Circuit,
    Peering,
    Redundancy,
    Routing,
    Reference,
}

impl Group {
    pub const ALL: &'static [Group] = &[
        Group::Model,
        Group::Location,
        Group::Circuit,
        Group::Peering,
        Group::Redundancy,
        Group::Routing,
        Group::Reference,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Group::Model => "model",
            Group::Location => "location",
            Group::Circuit => "circuit",
            Group::Peering => "peering",
            Group::Redundancy => "redundancy",
            Group::Routing => "routing",
            Group::Reference => "reference",
        }
    }

    pub fn parse(s: &str) -> Option<Group> {
        Group::ALL.iter().copied().find(|g| g.as_str() == s)
    }
}

/// Everything a rule may read, and nothing else: the semantic view of the
/// design and the catalog of ExpressRoute facts (and, for the predicates of
/// `owners.rs` only, what the run will report).
pub struct RuleContext<'a> {
    pub db: Db<'a>,
    pub catalog: &'a Catalog,
    pub reporting: Reporting<'a>,
}

impl RuleContext<'_> {
    /// True when `rule`'s finding at `span` will be reported (the rule is
    /// enabled and not suppressed there). For the ownership predicates of
    /// `owners.rs` only: a case is left to its owner only if the owner will
    /// report it. `tests/it/architecture.rs` checks no rule calls it.
    pub(crate) fn reports(&self, rule: &Rule, span: Span) -> bool {
        self.reporting.reports(rule, span)
    }
}

pub type CheckFn = fn(&RuleContext<'_>) -> Vec<Finding>;

/// A rule's declaration.
#[derive(Debug)]
pub struct Rule {
    /// Stable kebab-case name; also the page `rules/<name>.md` and the
    /// fixture folder `fixtures/rules/<name>/`.
    pub name: &'static str,
    pub group: Group,
    pub default_severity: Severity,
    /// One line for `erlint rules` and SARIF.
    pub summary: &'static str,
    /// The page `rules/<name>.md`, embedded.
    pub doc: &'static str,
    /// `None` for findings raised by a stage (parser, loader, suppression)
    /// rather than by a check over the model.
    pub check: Option<CheckFn>,
    /// The file declaring the rule; tests check it matches the name.
    pub source: &'static str,
}

/// Declares the rule of the file it is in, as `pub static RULE`, from its
/// name written once: the page `rules/<name>.md` is embedded (a missing
/// page fails the build) and the declaring file recorded (a test checks it
/// is `src/rules/<group>/<name>.rs`).
///
/// ```ignore
/// declare_rule! {
///     name: "ipvpn-layer2",
///     group: Model,
///     severity: Error,
///     summary: "a site asks an IPVPN (MPLS) provider for Layer 2",
///     check: check,
/// }
/// ```
///
/// A finding raised by a stage (parser, loader, suppression) rather than a
/// check over the design is declared with `check: stage` and raised with
/// [`Finding::stage`] through this declaration.
#[macro_export]
macro_rules! declare_rule {
    (name: $name:literal, group: $group:ident, severity: $severity:ident,
     summary: $summary:literal, check: stage $(,)?) => {
        $crate::declare_rule!(@rule $name, $group, $severity, $summary, None);
    };
    (name: $name:literal, group: $group:ident, severity: $severity:ident,
     summary: $summary:literal, check: $check:ident $(,)?) => {
        $crate::declare_rule!(@rule $name, $group, $severity, $summary, Some($check));
    };
    (@rule $name:literal, $group:ident, $severity:ident, $summary:literal, $check:expr) => {
        pub static RULE: $crate::rules::Rule = $crate::rules::Rule {
            name: $name,
            group: $crate::rules::Group::$group,
            default_severity: $crate::finding::Severity::$severity,
            summary: $summary,
            doc: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/", $name, ".md")),
            check: $check,
            source: file!(),
        };
    };
}

/// What a rule file needs.
pub mod prelude {
    pub use super::RuleContext;
    pub use crate::declare_rule;
    pub use crate::finding::{Applicability, Finding, Fix, Severity};
    pub use crate::model::{
        Bandwidth, Billing, Circuit, CircuitRouters, Encapsulation, Family, Gateway, GatewaySku,
        GlobalReach, IpNet, Layer, Link, Model, NameKind, Peering, PeeringKind, Peerings, Port,
        Provider, Site, SiteKind, Sku, Spanned, SpannedList, Text, VirtualNetwork,
    };
    pub use crate::model::{
        CircuitKey, GatewayKey, LinkKey, PeeringKey, PeeringsKey, ProviderKey, RoutersKey, VnetKey,
    };
    pub use crate::sema::{
        CircuitId, CircuitRef, Dangling, Db, LinkRef, PortId, PortRef, ProviderId, ProviderRef,
        ReachRef, Referrer, SiteId, SiteRef, VnetId, VnetRef,
    };
    pub use crate::source::Span;
}

/// Every rule, in catalog order (rules.md).
pub static ALL: &[&Rule] = &[
    // model
    &model::ipvpn_layer2::RULE,
    &model::model_not_offered::RULE,
    &model::layer_not_offered::RULE,
    &model::cloud_exchange_not_colocated::RULE,
    &model::ethernet_shared_circuit::RULE,
    &model::mixed_models_on_circuit::RULE,
    &model::circuit_provider_mismatch::RULE,
    &model::layer2_incomplete_peering::RULE,
    &model::layer3_customer_vlan::RULE,
    // location
    &location::unknown_peering_location::RULE,
    &location::unknown_region::RULE,
    &location::provider_not_at_location::RULE,
    &location::direct_not_at_location::RULE,
    &location::direct_circuit_location_mismatch::RULE,
    // circuit
    &circuit::invalid_bandwidth::RULE,
    &circuit::direct_port_oversubscribed::RULE,
    &circuit::provider_and_port::RULE,
    &circuit::local_sku_billing::RULE,
    &circuit::local_sku_location::RULE,
    &circuit::local_sku_remote_vnet::RULE,
    &circuit::standard_sku_cross_geo::RULE,
    &circuit::vnet_link_limit::RULE,
    &circuit::gateway_circuit_limit::RULE,
    &circuit::gateway_legacy_sku::RULE,
    &circuit::gateway_below_circuit::RULE,
    &circuit::fastpath_unsupported::RULE,
    &circuit::vnet_without_gateway::RULE,
    // circuit, issue 11 (the order of its table)
    &circuit::gateway_not_zone_redundant::RULE,
    &circuit::vnet_route_limit::RULE,
    &circuit::direct_macsec_disabled::RULE,
    &circuit::direct_rate_limit_disabled::RULE,
    &circuit::gateway_subnet_size::RULE,
    &circuit::ergwscale_unavailable_region::RULE,
    &circuit::ergwscale_min_units::RULE,
    &circuit::fastpath_available::RULE,
    // peering
    &peering::peering_subnet_size::RULE,
    &peering::peering_subnets_overlap::RULE,
    &peering::peering_overlaps_vnet::RULE,
    &peering::reserved_asn::RULE,
    &peering::microsoft_peering_private_asn::RULE,
    &peering::microsoft_peering_private_ip::RULE,
    &peering::microsoft_peering_no_route_filter::RULE,
    &peering::public_peering_deprecated::RULE,
    &peering::vlan_out_of_range::RULE,
    &peering::duplicate_vlan::RULE,
    &peering::prefix_limit::RULE,
    // redundancy
    &redundancy::single_circuit_site::RULE,
    &redundancy::circuits_same_location::RULE,
    &redundancy::single_router::RULE,
    &redundancy::bfd_disabled::RULE,
    &redundancy::gateway_single_location::RULE,
    &redundancy::single_provider_site::RULE,
    // routing
    &routing::site_prefix_overlap::RULE,
    &routing::site_overlaps_vnet::RULE,
    &routing::microsoft_peering_no_nat::RULE,
    &routing::nat_pool_not_advertised::RULE,
    &routing::qos_dscp_mismatch::RULE,
    &routing::global_reach_subnet::RULE,
    &routing::global_reach_local_sku::RULE,
    &routing::global_reach_premium_required::RULE,
    &routing::global_reach_unavailable::RULE,
    &routing::global_reach_without_private_peering::RULE,
    &routing::geo_redundant_equal_weight::RULE,
    // reference
    &reference::invalid_yaml::RULE,
    &reference::unreadable_file::RULE,
    &reference::unknown_field::RULE,
    &reference::invalid_value::RULE,
    &reference::missing_field::RULE,
    &reference::duplicate_name::RULE,
    &reference::undefined_reference::RULE,
    &reference::unused_provider::RULE,
    &reference::unused_circuit::RULE,
    &reference::unused_port::RULE,
    &reference::unknown_provider::RULE,
    &reference::unused_suppression::RULE,
];

pub fn by_name(name: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.name == name)
}

/// Rules named by `spec`: a rule name or a group name.
pub fn matching(spec: &str) -> Option<Vec<&'static Rule>> {
    if let Some(rule) = by_name(spec) {
        return Some(vec![rule]);
    }
    let group = Group::parse(spec)?;
    Some(ALL.iter().copied().filter(|r| r.group == group).collect())
}
