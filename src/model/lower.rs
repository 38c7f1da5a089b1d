//! Syntax tree → typed [`Design`], reporting `unknown-field`,
//! `invalid-value` and `missing-field` for every problem in a file (not only
//! the first).
//!
//! The accepted keys of every mapping live in the `*_KEYS` tables below;
//! `erlint schema` reads the same tables, so the schema and the loader
//! cannot drift apart.

use super::*;
use crate::finding::Finding;
use crate::source::{FileId, Span};
use crate::suggest;
use crate::syntax::{Document, Node, NodeKind};

/// A key the format accepts in one kind of mapping.
#[derive(Clone, Copy, Debug)]
pub struct Key {
    pub name: &'static str,
    pub required: bool,
    /// What its value must be; `erlint schema` turns it into JSON Schema.
    pub ty: Ty,
    pub doc: &'static str,
}

/// The value a key takes, as the loader below checks it. Enumerations point
/// at the model's `ALL` tables, nested mappings at their `*_KEYS` table, so
/// the schema is generated from the very tables the loader reads.
#[derive(Clone, Copy, Debug)]
pub enum Ty {
    /// `version`: only `1`.
    Version,
    /// An entity name: 1-64 characters of `[A-Za-z0-9._-]`.
    Name,
    /// Any single value (references, free text).
    Text,
    /// A list of single values.
    TextList {
        /// At least one entry (`circuits` of a site).
        non_empty: bool,
    },
    Bool,
    /// A whole number in `min..=max`.
    Int {
        min: i64,
        max: i64,
    },
    /// A whole number of zero or more (ASNs, VLAN IDs, counts: rules judge
    /// the range).
    UInt,
    /// An ASN: a whole number of 32 bits (0-4294967295); rules judge the
    /// reserved ones.
    Asn,
    /// One of the names, matched case-insensitively.
    Enum(fn() -> Vec<&'static str>),
    /// An IPv4 or IPv6 prefix in CIDR notation.
    Cidr,
    CidrList,
    /// A number and `Mbps` or `Gbps`.
    Bandwidth,
    /// An ExpressRoute Direct port speed: 10, 100 or 400 Gbps.
    PortBandwidth,
    /// A mapping with these keys.
    Map(&'static [Key]),
    /// A list of mappings with these keys.
    List(&'static [Key]),
    /// A provider's `offers`: model -> non-empty list of layers.
    Offers,
}

/// The names of an enumeration's `ALL` table.
pub fn names<T>(all: &'static [(&'static str, T)]) -> Vec<&'static str> {
    all.iter().map(|(n, _)| *n).collect()
}

const fn req(name: &'static str, ty: Ty, doc: &'static str) -> Key {
    Key {
        name,
        required: true,
        ty,
        doc,
    }
}

const fn opt(name: &'static str, ty: Ty, doc: &'static str) -> Key {
    Key {
        name,
        required: false,
        ty,
        doc,
    }
}

const TEXTS: Ty = Ty::TextList { non_empty: false };

pub const TOP_KEYS: &[Key] = &[
    opt("version", Ty::Version, "format version; only 1 exists"),
    opt(
        "providers",
        Ty::List(PROVIDER_KEYS),
        "connectivity providers",
    ),
    opt("sites", Ty::List(SITE_KEYS), "on-premises sites"),
    opt("circuits", Ty::List(CIRCUIT_KEYS), "ExpressRoute circuits"),
    opt("ports", Ty::List(PORT_KEYS), "ExpressRoute Direct ports"),
    opt(
        "virtual_networks",
        Ty::List(VNET_KEYS),
        "Azure virtual networks",
    ),
];
pub const PROVIDER_KEYS: &[Key] = &[
    req("name", Ty::Name, "unique provider name"),
    req(
        "offers",
        Ty::Offers,
        "connectivity model -> layers the contract offers",
    ),
    opt(
        "peering_locations",
        TEXTS,
        "where the provider meets Microsoft",
    ),
];
pub const SITE_KEYS: &[Key] = &[
    req("name", Ty::Name, "unique site name"),
    req(
        "kind",
        Ty::Enum(|| names(SiteKind::ALL)),
        "datacenter | office | colocation",
    ),
    opt("city", Ty::Text, "free text"),
    opt(
        "prefixes",
        Ty::CidrList,
        "on-premises ranges reached over ExpressRoute",
    ),
    opt(
        "cloud_exchange",
        Ty::Bool,
        "colocation sites only: the facility hosts a cloud exchange",
    ),
    req(
        "expressroute",
        Ty::Map(EXPRESSROUTE_KEYS),
        "how the site reaches Microsoft",
    ),
    opt("routers", TEXTS, "customer edge routers"),
    opt(
        "qos",
        Ty::Map(QOS_KEYS),
        "DSCP markings for real-time traffic",
    ),
];
/// `layer` and `provider` are required unless the model is `direct`.
pub const EXPRESSROUTE_KEYS: &[Key] = &[
    req(
        "model",
        Ty::Enum(|| names(Model::ALL)),
        "cloud-exchange | ethernet | ipvpn | direct",
    ),
    opt(
        "layer",
        Ty::Enum(|| names(Layer::ALL)),
        "l2 | l3 (required unless the model is direct)",
    ),
    opt(
        "provider",
        Ty::Text,
        "the provider (required unless the model is direct)",
    ),
    req(
        "circuits",
        Ty::TextList { non_empty: true },
        "circuits this site uses, 1 or more",
    ),
];
/// The `EXPRESSROUTE_KEYS` that are required unless the model is `direct`.
pub const REQUIRED_UNLESS_DIRECT: &[&str] = &["layer", "provider"];
const DSCP: Ty = Ty::Int { min: 0, max: 63 };
pub const QOS_KEYS: &[Key] = &[
    opt("audio", DSCP, "DSCP for audio (EF, 46)"),
    opt("video", DSCP, "DSCP for video (AF41, 34)"),
    opt("sharing", DSCP, "DSCP for app sharing (AF21, 18)"),
];
/// `provider` / `port`: exactly one; `provider-and-port` reports the rest.
pub const CIRCUIT_KEYS: &[Key] = &[
    req("name", Ty::Name, "unique circuit name"),
    opt(
        "provider",
        Ty::Text,
        "the connectivity provider (or `port`)",
    ),
    opt(
        "port",
        Ty::Text,
        "the ExpressRoute Direct port (or `provider`)",
    ),
    req(
        "peering_location",
        Ty::Text,
        "where the circuit meets Microsoft",
    ),
    req("bandwidth", Ty::Bandwidth, "e.g. 50Mbps, 1Gbps, 10Gbps"),
    req(
        "sku",
        Ty::Enum(|| names(Sku::ALL)),
        "local | standard | premium",
    ),
    req(
        "billing",
        Ty::Enum(|| names(Billing::ALL)),
        "metered | unlimited",
    ),
    opt("bfd", Ty::Bool, "BFD on the BGP sessions, default true"),
    opt(
        "routers",
        Ty::Map(ROUTERS_KEYS),
        "customer routers terminating the primary and secondary links",
    ),
    opt(
        "peerings",
        Ty::Map(PEERINGS_KEYS),
        "private and Microsoft peering",
    ),
    opt(
        "global_reach",
        Ty::List(GLOBAL_REACH_KEYS),
        "Global Reach connections to other circuits",
    ),
    opt(
        "links",
        Ty::List(LINK_KEYS),
        "virtual networks connected to this circuit",
    ),
];
pub const ROUTERS_KEYS: &[Key] = &[
    opt("primary", Ty::Text, "router of the primary link"),
    opt("secondary", Ty::Text, "router of the secondary link"),
];
pub const PEERINGS_KEYS: &[Key] = &[
    opt("private", Ty::Map(PEERING_KEYS), "Azure private peering"),
    opt("microsoft", Ty::Map(PEERING_KEYS), "Microsoft peering"),
    opt(
        "public",
        Ty::Map(PEERING_KEYS),
        "Azure public peering (deprecated)",
    ),
];
pub const PEERING_KEYS: &[Key] = &[
    opt("peer_asn", Ty::Asn, "your BGP ASN"),
    opt("primary_subnet", Ty::Cidr, "IPv4 /30 of the primary link"),
    opt(
        "secondary_subnet",
        Ty::Cidr,
        "IPv4 /30 of the secondary link",
    ),
    opt("vlan_id", Ty::UInt, "VLAN ID of the peering"),
    opt("ipv6", Ty::Map(IPV6_KEYS), "IPv6 subnets"),
    opt(
        "advertised_prefixes",
        Ty::UInt,
        "IPv4 prefixes on-premises advertises",
    ),
    opt(
        "advertised_prefixes_v6",
        Ty::UInt,
        "IPv6 prefixes on-premises advertises",
    ),
    opt(
        "advertised_public_prefixes",
        Ty::CidrList,
        "Microsoft peering: public prefixes you advertise",
    ),
    opt(
        "route_filter",
        TEXTS,
        "Microsoft peering: services of the route filter",
    ),
    opt(
        "nat_pool",
        Ty::Cidr,
        "Microsoft peering: public range traffic is NATed to",
    ),
];
pub const IPV6_KEYS: &[Key] = &[
    opt("primary_subnet", Ty::Cidr, "IPv6 /126 of the primary link"),
    opt(
        "secondary_subnet",
        Ty::Cidr,
        "IPv6 /126 of the secondary link",
    ),
];
pub const GLOBAL_REACH_KEYS: &[Key] = &[
    req("circuit", Ty::Text, "the other circuit"),
    req("subnet", Ty::Cidr, "a /29 for the connection"),
];
pub const LINK_KEYS: &[Key] = &[
    req("vnet", Ty::Text, "the virtual network"),
    opt("fastpath", Ty::Bool, "FastPath, default false"),
];
pub const PORT_KEYS: &[Key] = &[
    req("name", Ty::Name, "unique port name"),
    req("peering_location", Ty::Text, "where the port is"),
    req("bandwidth", Ty::PortBandwidth, "10Gbps | 100Gbps | 400Gbps"),
    req(
        "encapsulation",
        Ty::Enum(|| names(Encapsulation::ALL)),
        "dot1q | qinq",
    ),
    opt("macsec", Ty::Bool, "MACsec on the port"),
];
pub const VNET_KEYS: &[Key] = &[
    req("name", Ty::Name, "unique virtual network name"),
    req("region", Ty::Text, "Azure region"),
    req(
        "address_space",
        Ty::CidrList,
        "the virtual network's prefixes",
    ),
    opt(
        "gateway",
        Ty::Map(GATEWAY_KEYS),
        "the ExpressRoute virtual network gateway",
    ),
];
pub const GATEWAY_KEYS: &[Key] = &[
    req("sku", Ty::Enum(|| names(GatewaySku::ALL)), "gateway SKU"),
    opt(
        "scale_units",
        Ty::Int { min: 1, max: 40 },
        "ErGwScale only: 1-40",
    ),
];

/// Provider `offers` keys: the provider models (Direct has no provider).
pub const OFFER_MODELS: &[(&str, Model)] = &[
    ("cloud-exchange", Model::CloudExchange),
    ("ethernet", Model::Ethernet),
    ("ipvpn", Model::Ipvpn),
];

/// Lowers one file's documents into its part of the design.
pub fn lower(file: FileId, documents: &[Document]) -> (Design, Vec<Finding>) {
    let mut lw = Lowerer {
        file,
        findings: Vec::new(),
        design: Design::default(),
    };
    for doc in documents {
        lw.document(&doc.root);
    }
    (lw.design, lw.findings)
}

/// "site `ams-dc1`", written only into a finding's message (lowering an
/// entity formats nothing unless something is wrong with it).
struct Named<'a>(&'static str, &'a str);

impl std::fmt::Display for Named<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} `{}`", self.0, self.1)
    }
}

/// "the `expressroute` of site `ams-dc1`".
struct ExpressRouteOf<'a, 'b>(&'a Named<'b>);

impl std::fmt::Display for ExpressRouteOf<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the `expressroute` of {}", self.0)
    }
}

struct Lowerer {
    #[allow(dead_code)]
    file: FileId,
    findings: Vec<Finding>,
    design: Design,
}

/// Where `name` is in `keys`. Called for every key of every mapping, so
/// it looks at lengths and first bytes before comparing whole names, and
/// first for the very name of the table (the code looks keys up by the
/// literals the tables are written with).
fn position_of(keys: &[Key], name: &str) -> Option<usize> {
    if let Some(i) = keys
        .iter()
        .position(|k| std::ptr::eq(k.name.as_ptr(), name.as_ptr()) && k.name.len() == name.len())
    {
        return Some(i);
    }
    let first = name.as_bytes().first();
    keys.iter().position(|k| {
        k.name.len() == name.len() && k.name.as_bytes().first() == first && k.name == name
    })
}

/// The entries of one mapping with the keys the format accepts there.
struct Fields<'a> {
    entries: &'a [(Node<'a>, Node<'a>)],
    /// Keys that an unknown key probably misspells, with that entry's
    /// position: their absence is that `unknown-field`'s finding, not a
    /// `missing-field`.
    claimed: Vec<(&'static str, usize)>,
    /// The keys accepted here.
    keys: &'static [Key],
    /// Per key of `keys` (same position, the first 64), the entry that
    /// writes it, or [`NOT_WRITTEN`]: found once when the mapping is read,
    /// so looking a key up does not compare it with every entry's key.
    slots: [u32; 64],
}

const NOT_WRITTEN: u32 = u32::MAX;

impl<'a> Fields<'a> {
    fn get(&self, key: &str) -> Option<(&'a Node<'a>, &'a Node<'a>)> {
        let slot = match position_of(self.keys, key) {
            Some(i) if i < self.slots.len() => self.slots[i],
            // Not a key of this mapping's table: look at every entry.
            _ => {
                return self
                    .entries
                    .iter()
                    .find(|(k, _)| k.as_scalar().is_some_and(|s| s.text == key))
                    .map(|(k, v)| (k, v))
            }
        };
        self.entries.get(slot as usize).map(|(k, v)| (k, v))
    }

    /// The keys of this mapping's table written with a non-null value.
    fn present(&self) -> Written {
        let mut out = Written::new(self.keys);
        for (i, &slot) in self.slots.iter().enumerate().take(self.keys.len()) {
            let written = self.entries.get(slot as usize);
            if written.is_some_and(|(_, v)| !v.is_null()) {
                out.insert_at(i);
            }
        }
        out
    }

    /// The value, treating `null` as absent.
    fn value(&self, key: &str) -> Option<&'a Node<'a>> {
        self.get(key).map(|(_, v)| v).filter(|v| !v.is_null())
    }

    /// The keys of this mapping's table written with a value (valid or not),
    /// plus those an unknown key probably misspells: the model's `written` lists, which
    /// tell rules that a `None` was already reported rather than absent.
    fn written(&self) -> Written {
        // The unknown keys' likely meanings are `claimed` already.
        let mut out = self.present();
        for (key, _) in &self.claimed {
            out.insert(key);
        }
        out
    }

    /// A top-level section, or the value of the unknown key that probably
    /// misspells it (`site:` for `sites:`): that `unknown-field` is the one
    /// finding, and the entities under it still count, so their names do
    /// not turn into `undefined-reference`s everywhere.
    fn section(&self, key: &str) -> Option<&'a Node<'a>> {
        self.value(key).or_else(|| self.claimed_value(key))
    }

    fn is_claimed(&self, key: &str) -> bool {
        self.claimed.iter().any(|(k, _)| *k == key)
    }

    /// The value of the unknown key that probably misspells `key`.
    fn claimed_value(&self, key: &str) -> Option<&'a Node<'a>> {
        let &(_, i) = self.claimed.iter().find(|(k, _)| *k == key)?;
        self.entries.get(i).map(|(_, v)| v).filter(|v| !v.is_null())
    }
}

impl Lowerer {
    fn document(&mut self, root: &Node) {
        if root.is_null() {
            return; // An empty file or document is fine.
        }
        let Some(fields) = self.fields(root, TOP_KEYS, "a design file") else {
            return;
        };
        if let Some(v) = fields.value("version") {
            match v.as_scalar().filter(|s| s.plain).map(|s| s.text) {
                Some("1") => {}
                _ => self.invalid(
                    v,
                    "`version` must be 1, the only version of the design format",
                    "accepted: `version: 1`, or leave `version` out",
                ),
            }
        }
        self.section(&fields, "providers", Self::provider, |d| &mut d.providers);
        self.section(&fields, "sites", Self::site, |d| &mut d.sites);
        self.section(&fields, "circuits", Self::circuit, |d| &mut d.circuits);
        self.section(&fields, "ports", Self::port, |d| &mut d.ports);
        self.section(&fields, "virtual_networks", Self::vnet, |d| {
            &mut d.virtual_networks
        });
    }

    /// Lowers the entities of one top-level section into the design.
    fn section<T>(
        &mut self,
        fields: &Fields<'_>,
        key: &str,
        lower: fn(&mut Self, &Node) -> Option<T>,
        dest: fn(&mut Design) -> &mut Vec<T>,
    ) {
        let Some(v) = fields.section(key) else { return };
        let items = self.list_items(v, key);
        dest(&mut self.design).reserve(items.len());
        for item in items {
            if let Some(entity) = lower(self, item) {
                dest(&mut self.design).push(entity);
            }
        }
    }

    // ---- reporting -------------------------------------------------------

    /// Records the name-like words of a value that could not be lowered
    /// (see [`crate::model::Unparsed`]).
    fn remember(&mut self, node: &Node) {
        match &node.kind {
            NodeKind::Scalar(s) => self.design.unparsed.add_text(s.text),
            NodeKind::Seq(items) => items.iter().for_each(|n| self.remember(n)),
            NodeKind::Map(entries) => entries.iter().for_each(|(k, v)| {
                self.remember(k);
                self.remember(v);
            }),
        }
    }

    fn invalid(&mut self, node: &Node, message: impl Into<String>, help: impl Into<String>) {
        self.findings
            .push(Finding::stage("invalid-value", node.span, message).help(help));
    }

    /// Reports a required key that is absent, unless an unknown key
    /// probably misspells it (that `unknown-field` is the finding).
    fn missing(&mut self, at: Span, key: &str, what: &dyn std::fmt::Display, fields: &Fields<'_>) {
        if fields.is_claimed(key) {
            return;
        }
        let help = match fields.keys.iter().find(|k| k.name == key) {
            Some(k) => format!("add `{key}` ({})", k.doc),
            None => format!("add `{key}`"),
        };
        self.findings
            .push(Finding::stage("missing-field", at, format!("{what} has no `{key}`")).help(help));
    }

    /// Reports unknown keys (with suggestions) and non-scalar keys.
    fn fields<'a>(
        &mut self,
        node: &'a Node<'a>,
        keys: &'static [Key],
        what: &str,
    ) -> Option<Fields<'a>> {
        let NodeKind::Map(entries) = &node.kind else {
            self.invalid(
                node,
                format!("expected a mapping for {what}, found {}", node.type_name()),
                format!(
                    "write {what} as `key: value` lines; accepted keys: {}",
                    key_list(keys)
                ),
            );
            return None;
        };
        let mut claimed = Vec::new();
        let mut slots = [NOT_WRITTEN; 64];
        for (i, (k, _)) in entries.iter().enumerate() {
            let Some(s) = k.as_scalar() else {
                self.invalid(
                    k,
                    format!("a key in {what} must be a plain name"),
                    format!("accepted keys: {}", key_list(keys)),
                );
                continue;
            };
            if let Some(at) = position_of(keys, s.text) {
                if let Some(slot) = slots.get_mut(at).filter(|s| **s == NOT_WRITTEN) {
                    *slot = u32::try_from(i).unwrap_or(NOT_WRITTEN);
                }
                continue;
            }
            // Names under an unknown key (`circuit: [er-ams-1]`) may be the
            // references meant: `unused-*` and `undefined-reference` leave
            // them to this `unknown-field`.
            self.remember(&entries[i].1);
            let found = suggest::closest(s.text, keys.iter().map(|k| k.name), 1);
            let mut f = Finding::stage(
                "unknown-field",
                k.span,
                format!("unknown key `{}` in {what}", s.text),
            );
            f = match found.first() {
                Some(best) => {
                    let present = entries
                        .iter()
                        .any(|(k2, _)| k2.as_scalar().is_some_and(|s2| s2.text == *best));
                    // Claimed even when optional: `layer` and `provider`
                    // are required for most models.
                    if let Some(key) = keys.iter().find(|key| key.name == *best) {
                        if !present && !claimed.iter().any(|(c, _)| *c == key.name) {
                            claimed.push((key.name, i));
                        }
                    }
                    f.help(format!(
                        "did you mean `{best}`? accepted keys: {}",
                        key_list(keys)
                    ))
                }
                None => f.help(format!("remove it; accepted keys: {}", key_list(keys))),
            };
            self.findings.push(f);
        }
        Some(Fields {
            entries,
            claimed,
            keys,
            slots,
        })
    }

    fn list_items<'a>(&mut self, node: &'a Node<'a>, what: &str) -> &'a [Node<'a>] {
        match &node.kind {
            NodeKind::Seq(items) => items,
            _ => {
                self.invalid(
                    node,
                    format!("`{what}` must be a list, found {}", node.type_name()),
                    format!("write each entry of `{what}` on its own line starting with `- `"),
                );
                &[]
            }
        }
    }

    // ---- scalar values ---------------------------------------------------

    fn string(&mut self, node: &Node, key: &str) -> Option<Spanned<Text>> {
        match &node.kind {
            NodeKind::Scalar(s) if !node.is_null() => {
                Some(Spanned::new(Text::from(s.text), node.span))
            }
            _ => {
                self.remember(node);
                self.invalid(
                    node,
                    format!("`{key}` must be text, found {}", node.type_name()),
                    format!("write `{key}` as a single value"),
                );
                None
            }
        }
    }

    fn name(&mut self, node: &Node, key: &str) -> Option<Spanned<Text>> {
        let s = self.string(node, key)?;
        let ok = (1..=64).contains(&s.value.chars().count())
            && s.value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
        if !ok {
            self.invalid(
                node,
                format!("`{}` is not a valid name", s.value),
                "use 1-64 characters: letters, digits, `.`, `_` and `-` (no spaces)",
            );
        }
        // Keep an invalid name: references to it should still resolve.
        Some(s)
    }

    fn int(&mut self, node: &Node, key: &str, min: i64, max: i64) -> Option<Spanned<i64>> {
        let parsed = match &node.kind {
            NodeKind::Scalar(s) if s.plain => parse_digits::<i64>(s.text),
            _ => None,
        };
        match parsed {
            Some(n) if (min..=max).contains(&n) => Some(Spanned::new(n, node.span)),
            Some(n) => {
                self.invalid(
                    node,
                    format!("`{key}` is {n}, outside {min}-{max}"),
                    format!("use a whole number from {min} to {max}"),
                );
                None
            }
            None => {
                self.invalid(
                    node,
                    format!("`{key}` must be a whole number, found {}", describe(node)),
                    format!("use a whole number from {min} to {max}, without quotes"),
                );
                None
            }
        }
    }

    /// Integers that rules judge themselves (ASNs, VLANs, counts), kept as
    /// written so the rule that owns the range reports it.
    fn uint(&mut self, node: &Node, key: &str) -> Option<Spanned<u64>> {
        let parsed = match &node.kind {
            NodeKind::Scalar(s) if s.plain => parse_digits::<u64>(s.text),
            _ => None,
        };
        match parsed {
            Some(n) => Some(Spanned::new(n, node.span)),
            None => {
                self.invalid(
                    node,
                    format!(
                        "`{key}` must be a whole number of zero or more, found {}",
                        describe(node)
                    ),
                    "use a whole number without quotes",
                );
                None
            }
        }
    }

    fn boolean(&mut self, node: &Node, key: &str) -> Option<Spanned<bool>> {
        let v = match &node.kind {
            NodeKind::Scalar(s) if s.plain => match s.text {
                "true" | "True" | "TRUE" => Some(true),
                "false" | "False" | "FALSE" => Some(false),
                _ => None,
            },
            _ => None,
        };
        if v.is_none() {
            self.invalid(
                node,
                format!("`{key}` must be true or false, found {}", describe(node)),
                "accepted values: `true`, `false`",
            );
        }
        v.map(|b| Spanned::new(b, node.span))
    }

    fn enumeration<T: Copy>(
        &mut self,
        node: &Node,
        key: &str,
        all: &[(&'static str, T)],
    ) -> Option<Spanned<T>> {
        let text = match &node.kind {
            NodeKind::Scalar(s) if !node.is_null() => Some(s.text),
            _ => None,
        };
        if let Some(t) = text {
            if let Some((_, v)) = all.iter().find(|(n, _)| n.eq_ignore_ascii_case(t.trim())) {
                return Some(Spanned::new(*v, node.span));
            }
        }
        // Only a value that is not accepted pays for the message.
        let accepted = all
            .iter()
            .map(|(n, _)| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ");
        if let Some(t) = text {
            let close = suggest::closest(t, all.iter().map(|(n, _)| *n), 1);
            let help = match close.first() {
                Some(c) => format!("did you mean `{c}`? accepted values: {accepted}"),
                None => format!("accepted values: {accepted}"),
            };
            self.invalid(node, format!("`{t}` is not a valid `{key}`"), help);
        } else {
            self.invalid(
                node,
                format!("`{key}` must be one value, found {}", node.type_name()),
                format!("accepted values: {accepted}"),
            );
        }
        None
    }

    fn cidr(&mut self, node: &Node, key: &str) -> Option<Spanned<IpNet>> {
        let s = self.string(node, key)?;
        match IpNet::parse(&s.value) {
            Ok(net) => Some(Spanned::new(net, node.span)),
            Err(why) => {
                self.invalid(
                    node,
                    format!("`{}` is not a valid prefix for `{key}`: {why}", s.value),
                    "write an IPv4 or IPv6 prefix in CIDR notation, as in `10.0.0.0/16` or `fd00::/64`",
                );
                None
            }
        }
    }

    fn bandwidth(&mut self, node: &Node, key: &str) -> Option<Spanned<Bandwidth>> {
        let s = self.string(node, key)?;
        match Bandwidth::parse(&s.value) {
            Ok(b) => Some(Spanned::new(b, node.span)),
            Err(why) => {
                self.invalid(
                    node,
                    why,
                    "write a number and a unit, as in `200Mbps`, `1Gbps` or `10Gbps`",
                );
                None
            }
        }
    }

    fn list<T>(
        &mut self,
        node: &Node,
        key: &str,
        mut item: impl FnMut(&mut Self, &Node) -> Option<Spanned<T>>,
    ) -> Option<SpannedList<T>> {
        let NodeKind::Seq(items) = &node.kind else {
            // `circuits: er-ams-1`: the names written still count as
            // mentioned, so `unused-circuit` does not repeat this finding.
            self.remember(node);
            self.invalid(
                node,
                format!("`{key}` must be a list, found {}", node.type_name()),
                format!("write `{key}: [a, b]` or one `- ` line per entry"),
            );
            return None;
        };
        let values = exact(items.iter().filter_map(|n| item(self, n)), items.len());
        Some(Spanned::new(values, node.span))
    }

    // ---- entities --------------------------------------------------------

    /// The entity's `name`; reports a missing one at the entity's first key.
    fn entity_name(
        &mut self,
        node: &Node,
        fields: &Fields<'_>,
        what: &str,
    ) -> Option<Spanned<Text>> {
        match fields.value("name") {
            Some(v) => self.name(v, "name"),
            // `nmae: er-ams-1`: reported as an unknown key; the value is
            // still the name, so references to it resolve.
            None if fields.claimed_value("name").is_some() => {
                self.name(fields.claimed_value("name")?, "name")
            }
            None => {
                self.missing(first_key(node), "name", &what, fields);
                None
            }
        }
    }

    fn provider(&mut self, node: &Node) -> Option<Provider> {
        let fields = self.fields(node, PROVIDER_KEYS, "a provider")?;
        let name = self.entity_name(node, &fields, "a provider")?;
        let what = Named("provider", &name.value);
        let offers = match fields.value("offers") {
            Some(v) => self.offers(v),
            None => {
                self.missing(name.span, "offers", &what, &fields);
                None
            }
        };
        let peering_locations = fields.value("peering_locations").and_then(|v| {
            self.list(v, "peering_locations", |lw, n| {
                lw.string(n, "peering_locations")
            })
        });
        Some(Provider {
            name,
            offers,
            peering_locations,
            span: node.span,
        })
    }

    fn offers(&mut self, node: &Node) -> Option<Spanned<Vec<Offer>>> {
        let NodeKind::Map(entries) = &node.kind else {
            self.invalid(
                node,
                format!(
                    "`offers` must map connectivity models to layers, found {}",
                    node.type_name()
                ),
                "write for example `offers: { ipvpn: [l3], ethernet: [l2] }`",
            );
            return None;
        };
        if entries.is_empty() {
            self.invalid(
                node,
                "`offers` lists no connectivity model",
                "list what the contract offers, for example `offers: { ipvpn: [l3] }`",
            );
            return None;
        }
        let reported = self.findings.len();
        let mut offers = Vec::new();
        for (k, v) in entries.iter() {
            let model = match k.as_scalar() {
                Some(s) => match OFFER_MODELS
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(s.text))
                {
                    Some((_, m)) => Some(Spanned::new(*m, k.span)),
                    None => {
                        let close =
                            suggest::closest(s.text, OFFER_MODELS.iter().map(|(n, _)| *n), 1);
                        let mut help =
                            "accepted models: `cloud-exchange`, `ethernet`, `ipvpn`".to_string();
                        if let Some(c) = close.first() {
                            help = format!("did you mean `{c}`? {help}");
                        }
                        if s.text.eq_ignore_ascii_case("direct") {
                            help = "ExpressRoute Direct has no provider: use `ports` and `model: direct`".into();
                        }
                        self.invalid(
                            k,
                            format!("`{}` is not a connectivity model a provider offers", s.text),
                            help,
                        );
                        None
                    }
                },
                None => {
                    self.invalid(
                        k,
                        "a key in `offers` must be a connectivity model",
                        "accepted models: `cloud-exchange`, `ethernet`, `ipvpn`",
                    );
                    None
                }
            };
            let list_key = k.as_scalar().map_or("offers", |s| s.text);
            let layers = self.list(v, list_key, |lw, n| lw.enumeration(n, "layer", Layer::ALL));
            if let Some(l) = &layers {
                if l.value.is_empty() && matches!(v.kind, NodeKind::Seq(_)) {
                    self.invalid(
                        v,
                        "a model in `offers` needs at least one layer",
                        "list `l2`, `l3` or both",
                    );
                }
            }
            if let (Some(model), Some(layers)) = (model, layers) {
                offers.push(Offer { model, layers });
            }
        }
        // With one entry invalid, what the provider offers is unknown: rules
        // that judge sites by the offers stay silent instead of guessing.
        if self.findings.len() > reported {
            return None;
        }
        Some(Spanned::new(offers, node.span))
    }

    fn site(&mut self, node: &Node) -> Option<Site> {
        let fields = self.fields(node, SITE_KEYS, "a site")?;
        let name = self.entity_name(node, &fields, "a site")?;
        let what = Named("site", &name.value);
        let kind = match fields.value("kind") {
            Some(v) => self.enumeration(v, "kind", SiteKind::ALL),
            None => {
                self.missing(name.span, "kind", &what, &fields);
                None
            }
        };
        let city = fields.value("city").and_then(|v| self.string(v, "city"));
        let prefixes = fields
            .value("prefixes")
            .and_then(|v| self.list(v, "prefixes", |lw, n| lw.cidr(n, "prefixes")));
        let cloud_exchange = fields
            .value("cloud_exchange")
            .and_then(|v| self.boolean(v, "cloud_exchange"));
        let expressroute = match fields.get("expressroute").filter(|(_, v)| !v.is_null()) {
            Some((k, v)) => self.expressroute(k, v, &what, name.span),
            None => {
                self.missing(name.span, "expressroute", &what, &fields);
                None
            }
        };
        let routers = fields
            .value("routers")
            .and_then(|v| self.list(v, "routers", |lw, n| lw.string(n, "routers")));
        let qos = fields.value("qos").and_then(|v| self.qos(v));
        Some(Site {
            name,
            kind,
            city,
            prefixes,
            cloud_exchange,
            expressroute,
            routers,
            qos,
            span: node.span,
        })
    }

    /// A missing key inside `expressroute` is reported at the site's name
    /// (missing-field points at the entity).
    fn expressroute(
        &mut self,
        key: &Node,
        node: &Node,
        site: &Named<'_>,
        at: Span,
    ) -> Option<ExpressRoute> {
        let fields = self.fields(node, EXPRESSROUTE_KEYS, "`expressroute`")?;
        let what = ExpressRouteOf(site);
        let model_node = fields.value("model");
        let model = match model_node {
            Some(v) => self.enumeration(v, "model", Model::ALL),
            None => {
                self.missing(at, "model", &what, &fields);
                None
            }
        };
        // `layer` and `provider` are required unless the model is direct.
        // With an invalid model we cannot tell, so say nothing more.
        let needs_provider = model.as_ref().is_some_and(|m| m.value != Model::Direct);
        let layer = match fields.value("layer") {
            Some(v) if model.as_ref().is_none_or(|m| m.value != Model::Direct) => {
                self.enumeration(v, "layer", Layer::ALL)
            }
            Some(_) => None,
            None => {
                if needs_provider {
                    self.missing(at, "layer", &what, &fields);
                }
                None
            }
        };
        let provider = match fields.value("provider") {
            Some(v) if model.as_ref().is_none_or(|m| m.value != Model::Direct) => {
                self.string(v, "provider")
            }
            Some(_) => None,
            None => {
                if needs_provider {
                    self.missing(at, "provider", &what, &fields);
                }
                None
            }
        };
        let circuits = match fields.value("circuits") {
            Some(v) => {
                let list = self.list(v, "circuits", |lw, n| lw.string(n, "circuits"));
                if let Some(l) = &list {
                    if l.value.is_empty() && matches!(v.kind, NodeKind::Seq(_)) {
                        self.invalid(
                            v,
                            format!("{site} lists no circuits"),
                            "list the circuits this site uses, at least one",
                        );
                    }
                }
                list
            }
            None => {
                self.missing(at, "circuits", &what, &fields);
                None
            }
        };
        Some(ExpressRoute {
            key: key.span,
            model,
            layer,
            provider,
            circuits,
        })
    }

    fn qos(&mut self, node: &Node) -> Option<Qos> {
        let fields = self.fields(node, QOS_KEYS, "`qos`")?;
        let dscp = |lw: &mut Self, key: &str| {
            let v = fields.value(key).and_then(|v| lw.int(v, key, 0, 63))?;
            Some(Spanned::new(u8::try_from(v.value).ok()?, v.span))
        };
        let audio = dscp(self, "audio");
        let video = dscp(self, "video");
        let sharing = dscp(self, "sharing");
        Some(Qos {
            audio,
            video,
            sharing,
        })
    }

    fn circuit(&mut self, node: &Node) -> Option<Circuit> {
        let fields = self.fields(node, CIRCUIT_KEYS, "a circuit")?;
        let name = self.entity_name(node, &fields, "a circuit")?;
        let what = Named("circuit", &name.value);
        let provider = fields
            .value("provider")
            .and_then(|v| self.string(v, "provider"));
        let port = fields.value("port").and_then(|v| self.string(v, "port"));
        let peering_location = match fields.value("peering_location") {
            Some(v) => self.string(v, "peering_location"),
            None => {
                self.missing(name.span, "peering_location", &what, &fields);
                None
            }
        };
        let bandwidth = match fields.value("bandwidth") {
            Some(v) => self.bandwidth(v, "bandwidth"),
            None => {
                self.missing(name.span, "bandwidth", &what, &fields);
                None
            }
        };
        let sku = match fields.value("sku") {
            Some(v) => self.enumeration(v, "sku", Sku::ALL),
            None => {
                self.missing(name.span, "sku", &what, &fields);
                None
            }
        };
        let billing = match fields.value("billing") {
            Some(v) => self.enumeration(v, "billing", Billing::ALL),
            None => {
                self.missing(name.span, "billing", &what, &fields);
                None
            }
        };
        let bfd = fields.value("bfd").and_then(|v| self.boolean(v, "bfd"));
        let routers = fields
            .value("routers")
            .and_then(|v| self.circuit_routers(v))
            .map(Box::new);
        let peerings = fields
            .value("peerings")
            .map_or_else(Peerings::default, |v| self.peerings(v));
        let global_reach = fields
            .get("global_reach")
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| {
                let list = self.list_items(v, "global_reach");
                let items = exact(
                    list.iter().filter_map(|item| self.global_reach(item)),
                    list.len(),
                );
                Spanned::new(items, k.span)
            });
        let links = fields
            .get("links")
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| {
                let list = self.list_items(v, "links");
                let items = exact(list.iter().filter_map(|item| self.link(item)), list.len());
                Spanned::new(items, k.span)
            });
        Some(Circuit {
            name,
            provider,
            port,
            peering_location,
            bandwidth,
            sku,
            billing,
            bfd,
            routers,
            peerings,
            global_reach,
            links,
            written: fields.written(),
            span: node.span,
        })
    }

    fn circuit_routers(&mut self, node: &Node) -> Option<Spanned<CircuitRouters>> {
        let fields = self.fields(node, ROUTERS_KEYS, "`routers`")?;
        let primary = fields
            .value("primary")
            .and_then(|v| self.string(v, "primary"));
        let secondary = fields
            .value("secondary")
            .and_then(|v| self.string(v, "secondary"));
        Some(Spanned::new(
            CircuitRouters {
                primary,
                secondary,
                written: fields.written(),
            },
            node.span,
        ))
    }

    fn peerings(&mut self, node: &Node) -> Peerings {
        let Some(fields) = self.fields(node, PEERINGS_KEYS, "`peerings`") else {
            return Peerings::default();
        };
        let one = |lw: &mut Self, key: &str, kind: PeeringKind| {
            fields
                .get(key)
                .and_then(|(k, v)| lw.peering(k, v, kind))
                .map(Box::new)
        };
        let private = one(self, "private", PeeringKind::Private);
        let microsoft = one(self, "microsoft", PeeringKind::Microsoft);
        let public = one(self, "public", PeeringKind::Public);
        Peerings {
            private,
            microsoft,
            public,
        }
    }

    fn peering(&mut self, key: &Node, node: &Node, kind: PeeringKind) -> Option<Peering> {
        let mut p = Peering {
            kind,
            key: key.span,
            peer_asn: None,
            primary_subnet: None,
            secondary_subnet: None,
            vlan_id: None,
            ipv6: None,
            advertised_prefixes: None,
            advertised_prefixes_v6: None,
            advertised_public_prefixes: None,
            route_filter: None,
            nat_pool: None,
            written: Written::new(PEERING_KEYS),
        };
        if node.is_null() {
            // `private:` with nothing under it: a peering with no settings.
            return Some(p);
        }
        let what = match kind {
            PeeringKind::Private => "`private` peering",
            PeeringKind::Microsoft => "`microsoft` peering",
            PeeringKind::Public => "`public` peering",
        };
        let fields = self.fields(node, PEERING_KEYS, what)?;
        p.written = fields.present();
        p.peer_asn = fields.value("peer_asn").and_then(|v| {
            let asn = self.uint(v, "peer_asn")?;
            if asn.value > u64::from(u32::MAX) {
                self.invalid(
                    v,
                    format!(
                        "`peer_asn` {} is not an ASN: ASNs are 32-bit numbers (0-4294967295)",
                        asn.value
                    ),
                    "use your 2-byte or 4-byte ASN, written as one number (asplain)",
                );
                return None;
            }
            Some(asn)
        });
        p.primary_subnet = fields
            .value("primary_subnet")
            .and_then(|v| self.cidr(v, "primary_subnet"));
        p.secondary_subnet = fields
            .value("secondary_subnet")
            .and_then(|v| self.cidr(v, "secondary_subnet"));
        p.vlan_id = fields.value("vlan_id").and_then(|v| {
            self.uint(v, "vlan_id")
                .map(|n| Spanned::new(i64::try_from(n.value).unwrap_or(i64::MAX), n.span))
        });
        p.ipv6 = fields
            .get("ipv6")
            .filter(|(_, v)| !v.is_null())
            .and_then(|(k, v)| {
                let f = self.fields(v, IPV6_KEYS, "`ipv6`")?;
                Some(Ipv6Subnets {
                    key: k.span,
                    primary_subnet: f
                        .value("primary_subnet")
                        .and_then(|v| self.cidr(v, "primary_subnet")),
                    secondary_subnet: f
                        .value("secondary_subnet")
                        .and_then(|v| self.cidr(v, "secondary_subnet")),
                })
            });
        p.advertised_prefixes = fields
            .value("advertised_prefixes")
            .and_then(|v| self.uint(v, "advertised_prefixes"));
        p.advertised_prefixes_v6 = fields
            .value("advertised_prefixes_v6")
            .and_then(|v| self.uint(v, "advertised_prefixes_v6"));
        p.advertised_public_prefixes = fields.value("advertised_public_prefixes").and_then(|v| {
            self.list(v, "advertised_public_prefixes", |lw, n| {
                lw.cidr(n, "advertised_public_prefixes")
            })
        });
        p.route_filter = fields
            .value("route_filter")
            .and_then(|v| self.list(v, "route_filter", |lw, n| lw.string(n, "route_filter")));
        p.nat_pool = fields
            .value("nat_pool")
            .and_then(|v| self.cidr(v, "nat_pool"));
        Some(p)
    }

    fn global_reach(&mut self, node: &Node) -> Option<GlobalReach> {
        let fields = self.fields(node, GLOBAL_REACH_KEYS, "a Global Reach connection")?;
        let what = "a Global Reach connection";
        let circuit = match fields.value("circuit") {
            Some(v) => self.string(v, "circuit"),
            None => {
                self.missing(first_key(node), "circuit", &what, &fields);
                None
            }
        };
        let subnet = match fields.value("subnet") {
            Some(v) => self.cidr(v, "subnet"),
            None => {
                let at = circuit.as_ref().map_or(first_key(node), |c| c.span);
                self.missing(at, "subnet", &what, &fields);
                None
            }
        };
        Some(GlobalReach {
            circuit,
            subnet,
            span: node.span,
        })
    }

    fn link(&mut self, node: &Node) -> Option<Link> {
        let fields = self.fields(node, LINK_KEYS, "a link")?;
        let vnet = match fields.value("vnet") {
            Some(v) => self.string(v, "vnet")?,
            None => {
                self.missing(first_key(node), "vnet", &"a link", &fields);
                return None;
            }
        };
        let fastpath = fields
            .value("fastpath")
            .and_then(|v| self.boolean(v, "fastpath"));
        Some(Link {
            vnet,
            fastpath,
            span: node.span,
        })
    }

    fn port(&mut self, node: &Node) -> Option<Port> {
        let fields = self.fields(node, PORT_KEYS, "a port")?;
        let name = self.entity_name(node, &fields, "a port")?;
        let what = Named("port", &name.value);
        let peering_location = match fields.value("peering_location") {
            Some(v) => self.string(v, "peering_location"),
            None => {
                self.missing(name.span, "peering_location", &what, &fields);
                None
            }
        };
        let bandwidth = match fields.value("bandwidth") {
            Some(v) => {
                let bw = self.bandwidth(v, "bandwidth");
                match bw {
                    Some(b)
                        if ![10, 100, 400]
                            .iter()
                            .any(|g| b.value == Bandwidth::from_gbps(*g)) =>
                    {
                        self.invalid(
                            v,
                            format!("`{}` is not an ExpressRoute Direct port speed", b.value),
                            "accepted values: `10Gbps`, `100Gbps`, `400Gbps`",
                        );
                        None
                    }
                    other => other,
                }
            }
            None => {
                self.missing(name.span, "bandwidth", &what, &fields);
                None
            }
        };
        let encapsulation = match fields.value("encapsulation") {
            Some(v) => self.enumeration(v, "encapsulation", Encapsulation::ALL),
            None => {
                self.missing(name.span, "encapsulation", &what, &fields);
                None
            }
        };
        let macsec = fields
            .value("macsec")
            .and_then(|v| self.boolean(v, "macsec"));
        Some(Port {
            name,
            peering_location,
            bandwidth,
            encapsulation,
            macsec,
            span: node.span,
        })
    }

    fn vnet(&mut self, node: &Node) -> Option<VirtualNetwork> {
        let fields = self.fields(node, VNET_KEYS, "a virtual network")?;
        let name = self.entity_name(node, &fields, "a virtual network")?;
        let what = Named("virtual network", &name.value);
        let region = match fields.value("region") {
            Some(v) => self.string(v, "region"),
            None => {
                self.missing(name.span, "region", &what, &fields);
                None
            }
        };
        let address_space = match fields.value("address_space") {
            Some(v) => self.list(v, "address_space", |lw, n| lw.cidr(n, "address_space")),
            None => {
                self.missing(name.span, "address_space", &what, &fields);
                None
            }
        };
        let gateway = fields
            .get("gateway")
            .filter(|(_, v)| !v.is_null())
            .and_then(|(k, v)| {
                let f = self.fields(v, GATEWAY_KEYS, "`gateway`")?;
                let sku = match f.value("sku") {
                    Some(v) => self.enumeration(v, "sku", GatewaySku::ALL),
                    None => {
                        self.missing(name.span, "sku", &format!("the gateway of {what}"), &f);
                        None
                    }
                };
                let scale_units = f.value("scale_units").and_then(|v| {
                    self.int(v, "scale_units", 1, 40)
                        .map(|n| Spanned::new(u32::try_from(n.value).unwrap_or(1), n.span))
                });
                Some(Gateway {
                    key: k.span,
                    sku,
                    scale_units,
                    written: f.written(),
                })
            });
        Some(VirtualNetwork {
            name,
            region,
            address_space,
            gateway,
            written: fields.written(),
            span: node.span,
        })
    }
}

/// The first key of a mapping (the entity's first line), else the node.
fn first_key(node: &Node) -> Span {
    match &node.kind {
        NodeKind::Map(entries) => entries.first().map_or(node.span, |(k, _)| k.span),
        _ => node.span,
    }
}

/// Collects at most `max` values into a vector of exactly their number
/// (`collect` after `filter_map` would reserve four for one or two: memory
/// on designs of 100k sites).
fn exact<T>(values: impl Iterator<Item = T>, max: usize) -> Vec<T> {
    let mut v = Vec::with_capacity(max);
    v.extend(values);
    if v.len() < v.capacity() {
        v.shrink_to_fit();
    }
    v
}

/// A YAML integer, `_` separators allowed (`10_000`); no allocation unless
/// it has separators.
fn parse_digits<T: std::str::FromStr>(text: &str) -> Option<T> {
    if text.contains('_') {
        text.replace('_', "").parse().ok()
    } else {
        text.parse().ok()
    }
}

fn key_list(keys: &[Key]) -> String {
    keys.iter()
        .map(|k| format!("`{}`", k.name))
        .collect::<Vec<_>>()
        .join(", ")
}

fn describe(node: &Node) -> String {
    match &node.kind {
        NodeKind::Scalar(s) if node.is_null() => "nothing".into(),
        NodeKind::Scalar(s) if !s.plain => format!("the quoted text \"{}\"", truncate(s.text)),
        NodeKind::Scalar(s) => format!("`{}`", truncate(s.text)),
        _ => node.type_name().into(),
    }
}

fn truncate(s: &str) -> String {
    if s.chars().count() > 40 {
        let t: String = s.chars().take(40).collect();
        format!("{t}…")
    } else {
        s.to_string()
    }
}
