//! The typed design: every entity of every file, merged into one
//! [`Design`], with the span of every value.
//!
//! A value that was missing or invalid in the YAML is `None` here (the
//! loader already reported it), so rules simply skip what they cannot judge:
//! that is how one root cause stays one finding.

pub mod format;
pub mod index;
pub mod intervals;
pub mod lower;
pub mod net;
pub mod schema;

pub use format::{
    CircuitKey, FormatKey, GatewayKey, LinkKey, PeeringKey, PeeringsKey, ProviderKey, RoutersKey,
    VnetKey,
};
pub use index::{Index, NameKind, Reference};
pub use net::{Bandwidth, Family, IpNet, SpecialUse};

use crate::source::Span;

/// A text value of the design (a name, a location, a region...): stored
/// inline up to 24 bytes, which holds nearly every name, so the model keeps
/// no separate allocation per value and rules read names without following
/// a pointer.
pub type Text = compact_str::CompactString;
use std::collections::HashSet;

/// A value and where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Spanned<T> {
        Spanned { value, span }
    }
}

/// The keys of one mapping of the design that were written with a value
/// (valid or not), as a set over that mapping's key enum (`CircuitKey`,
/// ...): no allocation, one word of bits, and a misspelled key does not
/// compile.
#[derive(Clone, Copy)]
pub struct Written<K> {
    bits: u64,
    keys: std::marker::PhantomData<K>,
}

impl<K: FormatKey> std::default::Default for Written<K> {
    fn default() -> Self {
        Written::new()
    }
}

impl<K: FormatKey> Written<K> {
    /// The empty set.
    pub fn new() -> Written<K> {
        Written {
            bits: 0,
            keys: std::marker::PhantomData,
        }
    }

    pub fn insert(&mut self, key: K) {
        // The tables hold at most 64 keys (checked where they are declared).
        if key.index() < 64 {
            self.bits |= 1 << key.index();
        }
    }

    pub fn contains(&self, key: K) -> bool {
        key.index() < 64 && self.bits & (1 << key.index()) != 0
    }

    /// The keys, in the format's order.
    pub fn iter(&self) -> impl Iterator<Item = K> + '_ {
        K::ALL.iter().copied().filter(|k| self.contains(*k))
    }

    pub fn is_empty(&self) -> bool {
        self.bits == 0
    }
}

impl<K: FormatKey> std::fmt::Debug for Written<K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.iter().map(|k| k.name()))
            .finish()
    }
}

/// A list value: the list's own span and each item's.
pub type SpannedList<T> = Spanned<Vec<Spanned<T>>>;

/// How a site reaches Microsoft (connectivity model).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Model {
    CloudExchange,
    Ethernet,
    Ipvpn,
    Direct,
}

impl Model {
    pub const ALL: &'static [(&'static str, Model)] = &[
        ("cloud-exchange", Model::CloudExchange),
        ("ethernet", Model::Ethernet),
        ("ipvpn", Model::Ipvpn),
        ("direct", Model::Direct),
    ];

    pub fn as_str(self) -> &'static str {
        enum_name(Self::ALL, self)
    }

    /// The words an engineer uses for it, for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Model::CloudExchange => "cloud exchange co-location",
            Model::Ethernet => "point-to-point Ethernet",
            Model::Ipvpn => "IPVPN (any-to-any)",
            Model::Direct => "ExpressRoute Direct",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Layer {
    L2,
    L3,
}

impl Layer {
    pub const ALL: &'static [(&'static str, Layer)] = &[("l2", Layer::L2), ("l3", Layer::L3)];

    pub fn as_str(self) -> &'static str {
        enum_name(Self::ALL, self)
    }

    pub fn describe(self) -> &'static str {
        match self {
            Layer::L2 => "Layer 2",
            Layer::L3 => "managed Layer 3",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SiteKind {
    Datacenter,
    Office,
    Colocation,
}

impl SiteKind {
    pub const ALL: &'static [(&'static str, SiteKind)] = &[
        ("datacenter", SiteKind::Datacenter),
        ("office", SiteKind::Office),
        ("colocation", SiteKind::Colocation),
    ];

    pub fn as_str(self) -> &'static str {
        enum_name(Self::ALL, self)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sku {
    Local,
    Standard,
    Premium,
}

impl Sku {
    pub const ALL: &'static [(&'static str, Sku)] = &[
        ("local", Sku::Local),
        ("standard", Sku::Standard),
        ("premium", Sku::Premium),
    ];

    pub fn as_str(self) -> &'static str {
        enum_name(Self::ALL, self)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Billing {
    Metered,
    Unlimited,
}

impl Billing {
    pub const ALL: &'static [(&'static str, Billing)] = &[
        ("metered", Billing::Metered),
        ("unlimited", Billing::Unlimited),
    ];

    pub fn as_str(self) -> &'static str {
        enum_name(Self::ALL, self)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Encapsulation {
    Dot1q,
    Qinq,
}

impl Encapsulation {
    pub const ALL: &'static [(&'static str, Encapsulation)] = &[
        ("dot1q", Encapsulation::Dot1q),
        ("qinq", Encapsulation::Qinq),
    ];

    pub fn as_str(self) -> &'static str {
        enum_name(Self::ALL, self)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GatewaySku {
    Standard,
    HighPerformance,
    UltraPerformance,
    ErGw1Az,
    ErGw2Az,
    ErGw3Az,
    ErGwScale,
    Basic,
}

impl GatewaySku {
    pub const ALL: &'static [(&'static str, GatewaySku)] = &[
        ("Standard", GatewaySku::Standard),
        ("HighPerformance", GatewaySku::HighPerformance),
        ("UltraPerformance", GatewaySku::UltraPerformance),
        ("ErGw1AZ", GatewaySku::ErGw1Az),
        ("ErGw2AZ", GatewaySku::ErGw2Az),
        ("ErGw3AZ", GatewaySku::ErGw3Az),
        ("ErGwScale", GatewaySku::ErGwScale),
        ("Basic", GatewaySku::Basic),
    ];

    pub fn as_str(self) -> &'static str {
        enum_name(Self::ALL, self)
    }
}

fn enum_name<T: PartialEq + Copy>(all: &[(&'static str, T)], v: T) -> &'static str {
    all.iter().find(|(_, x)| *x == v).map_or("?", |(n, _)| n)
}

/// What a provider's contract offers for one connectivity model.
#[derive(Clone, Debug)]
pub struct Offer {
    /// The model key in `offers` (its span is the key).
    pub model: Spanned<Model>,
    /// The layers list (its span is the list value).
    pub layers: SpannedList<Layer>,
}

#[derive(Clone, Debug)]
pub struct Provider {
    pub name: Spanned<Text>,
    /// The `offers` mapping; `None` when missing or invalid.
    pub offers: Option<Spanned<Vec<Offer>>>,
    pub peering_locations: Option<SpannedList<Text>>,
    /// The provider's name in the catalog, when `name` spells it otherwise.
    pub catalog_name: Option<Spanned<Text>>,
    /// Keys written (see [`Circuit::written`]).
    pub written: Written<ProviderKey>,
    /// The whole entity.
    pub span: Span,
}

impl Provider {
    /// True when `key` was written, even with an invalid value or a
    /// misspelled key.
    pub fn has(&self, key: ProviderKey) -> bool {
        self.written.contains(key)
    }

    pub fn offer(&self, model: Model) -> Option<&Offer> {
        self.offers
            .as_ref()
            .and_then(|o| o.value.iter().find(|x| x.model.value == model))
    }

    pub fn offers_layer(&self, model: Model, layer: Layer) -> bool {
        self.offer(model)
            .is_some_and(|o| o.layers.value.iter().any(|l| l.value == layer))
    }
}

#[derive(Clone, Debug)]
pub struct ExpressRoute {
    /// The `expressroute` key.
    pub key: Span,
    pub model: Option<Spanned<Model>>,
    pub layer: Option<Spanned<Layer>>,
    pub provider: Option<Spanned<Text>>,
    pub circuits: Option<SpannedList<Text>>,
}

#[derive(Clone, Debug, Default)]
pub struct Qos {
    /// DSCP values (0-63; others were reported by the loader).
    pub audio: Option<Spanned<u8>>,
    pub video: Option<Spanned<u8>>,
    pub sharing: Option<Spanned<u8>>,
}

#[derive(Clone, Debug)]
pub struct Site {
    pub name: Spanned<Text>,
    pub kind: Option<Spanned<SiteKind>>,
    pub city: Option<Spanned<Text>>,
    pub prefixes: Option<SpannedList<IpNet>>,
    pub cloud_exchange: Option<Spanned<bool>>,
    pub expressroute: Option<ExpressRoute>,
    pub routers: Option<SpannedList<Text>>,
    pub qos: Option<Qos>,
    pub span: Span,
}

impl Site {
    pub fn model(&self) -> Option<Model> {
        self.expressroute
            .as_ref()
            .and_then(|e| e.model.as_ref())
            .map(|m| m.value)
    }

    pub fn layer(&self) -> Option<Layer> {
        self.expressroute
            .as_ref()
            .and_then(|e| e.layer.as_ref())
            .map(|l| l.value)
    }

    /// The circuit names this site lists (empty when missing).
    pub fn circuit_names(&self) -> &[Spanned<Text>] {
        self.expressroute
            .as_ref()
            .and_then(|e| e.circuits.as_ref())
            .map_or(&[], |c| c.value.as_slice())
    }
}

#[derive(Clone, Debug)]
pub struct Ipv6Subnets {
    pub key: Span,
    pub primary_subnet: Option<Spanned<IpNet>>,
    pub secondary_subnet: Option<Spanned<IpNet>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PeeringKind {
    Private,
    Microsoft,
    Public,
}

impl PeeringKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PeeringKind::Private => "private",
            PeeringKind::Microsoft => "microsoft",
            PeeringKind::Public => "public",
        }
    }

    /// For messages: "the Microsoft peering".
    pub fn describe(self) -> &'static str {
        match self {
            PeeringKind::Private => "private",
            PeeringKind::Microsoft => "Microsoft",
            PeeringKind::Public => "public",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Peering {
    pub kind: PeeringKind,
    /// The peering's key (`private:`).
    pub key: Span,
    pub peer_asn: Option<Spanned<u64>>,
    pub primary_subnet: Option<Spanned<IpNet>>,
    pub secondary_subnet: Option<Spanned<IpNet>>,
    pub vlan_id: Option<Spanned<i64>>,
    pub ipv6: Option<Ipv6Subnets>,
    pub advertised_prefixes: Option<Spanned<u64>>,
    pub advertised_prefixes_v6: Option<Spanned<u64>>,
    pub advertised_public_prefixes: Option<SpannedList<IpNet>>,
    pub route_filter: Option<SpannedList<Text>>,
    pub nat_pool: Option<Spanned<IpNet>>,
    /// The keys written with a value, valid or not: a `None` above for a
    /// written key was an invalid value, already reported.
    pub written: Written<PeeringKey>,
}

impl Peering {
    /// True when `key` was written with a value (even an invalid one).
    pub fn has(&self, key: PeeringKey) -> bool {
        self.written.contains(key)
    }

    /// Every BGP subnet of this peering, IPv4 then IPv6, primary first.
    pub fn subnets(&self) -> impl Iterator<Item = &Spanned<IpNet>> {
        let v6 = self.ipv6.as_ref();
        self.primary_subnet
            .iter()
            .chain(self.secondary_subnet.iter())
            .chain(v6.and_then(|v| v.primary_subnet.as_ref()))
            .chain(v6.and_then(|v| v.secondary_subnet.as_ref()))
    }

    /// Every BGP subnet with the key it was written under (`primary_subnet`,
    /// `ipv6.primary_subnet`, ...) and the family that key expects.
    pub fn subnet_fields(&self) -> impl Iterator<Item = (&'static str, Family, &Spanned<IpNet>)> {
        let v6 = self.ipv6.as_ref();
        let v4 = [
            ("primary_subnet", &self.primary_subnet),
            ("secondary_subnet", &self.secondary_subnet),
        ]
        .into_iter()
        .filter_map(|(k, s)| s.as_ref().map(|s| (k, Family::V4, s)));
        let v6 = [
            (
                "ipv6.primary_subnet",
                v6.and_then(|v| v.primary_subnet.as_ref()),
            ),
            (
                "ipv6.secondary_subnet",
                v6.and_then(|v| v.secondary_subnet.as_ref()),
            ),
        ]
        .into_iter()
        .filter_map(|(k, s)| s.map(|s| (k, Family::V6, s)));
        v4.chain(v6)
    }
}

#[derive(Clone, Debug, Default)]
pub struct Peerings {
    /// Boxed: most circuits have one or two of the three, and a peering is
    /// large; this keeps a circuit small (memory on designs of 100k sites).
    pub private: Option<Box<Peering>>,
    pub microsoft: Option<Box<Peering>>,
    pub public: Option<Box<Peering>>,
    /// The peering keys written, valid or not (see [`Circuit::written`]): a
    /// peering written with an invalid value is `None` above but was
    /// reported, so rules must not call it absent.
    pub written: Written<PeeringsKey>,
}

impl Peerings {
    /// True when `key` was written, even with an invalid value or a
    /// misspelled key.
    pub fn has(&self, key: PeeringsKey) -> bool {
        self.written.contains(key)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Peering> {
        self.private
            .iter()
            .chain(self.microsoft.iter())
            .chain(self.public.iter())
            .map(|p| &**p)
    }
}

#[derive(Clone, Debug)]
pub struct CircuitRouters {
    pub primary: Option<Spanned<Text>>,
    pub secondary: Option<Spanned<Text>>,
    /// Keys written (see [`Circuit::written`]).
    pub written: Written<RoutersKey>,
}

impl CircuitRouters {
    /// True when `key` was written, even with an invalid value or a
    /// misspelled key.
    pub fn has(&self, key: RoutersKey) -> bool {
        self.written.contains(key)
    }
}

#[derive(Clone, Debug)]
pub struct GlobalReach {
    pub circuit: Option<Spanned<Text>>,
    pub subnet: Option<Spanned<IpNet>>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Link {
    pub vnet: Spanned<Text>,
    pub fastpath: Option<Spanned<bool>>,
    /// The routing weight (0-32000) as written; [`Link::weight`] applies
    /// the default.
    pub weight: Option<Spanned<u32>>,
    /// Keys written (see [`Circuit::written`]).
    pub written: Written<LinkKey>,
    pub span: Span,
}

impl Link {
    /// True when `key` was written, even with an invalid value or a
    /// misspelled key.
    pub fn has(&self, key: LinkKey) -> bool {
        self.written.contains(key)
    }

    /// The routing weight, the format's default when not written.
    pub fn weight(&self) -> u32 {
        self.weight.as_ref().map_or_else(
            || match LinkKey::Weight.spec().default {
                Some(format::DefaultValue::Int(n)) => u32::try_from(n).unwrap_or(0),
                _ => 0,
            },
            |w| w.value,
        )
    }
}

#[derive(Clone, Debug)]
pub struct Circuit {
    pub name: Spanned<Text>,
    pub provider: Option<Spanned<Text>>,
    pub port: Option<Spanned<Text>>,
    pub peering_location: Option<Spanned<Text>>,
    pub bandwidth: Option<Spanned<Bandwidth>>,
    pub sku: Option<Spanned<Sku>>,
    pub billing: Option<Spanned<Billing>>,
    pub bfd: Option<Spanned<bool>>,
    /// Boxed: most circuits have none, and every rule reads the circuits.
    pub routers: Option<Box<Spanned<CircuitRouters>>>,
    pub peerings: Peerings,
    /// The `global_reach` key and its connections.
    pub global_reach: Option<Spanned<Vec<GlobalReach>>>,
    /// The `links` key (its span is the key) and the links.
    pub links: Option<Spanned<Vec<Link>>>,
    /// Rate limiting on the port (circuits on a Direct port only; written
    /// elsewhere it is `invalid-value`, and `None` here).
    pub rate_limiting: Option<Spanned<bool>>,
    /// The keys written with a value, valid or not, and the keys an unknown
    /// key probably misspells: a `None` above for a key listed here was
    /// already reported by the loader, so rules must not call it absent.
    pub written: Written<CircuitKey>,
    pub span: Span,
}

impl Circuit {
    /// True when `key` was written, even with an invalid value or a
    /// misspelled key.
    pub fn has(&self, key: CircuitKey) -> bool {
        self.written.contains(key)
    }

    pub fn links(&self) -> &[Link] {
        self.links.as_ref().map_or(&[], |l| l.value.as_slice())
    }

    pub fn global_reach(&self) -> &[GlobalReach] {
        self.global_reach
            .as_ref()
            .map_or(&[], |g| g.value.as_slice())
    }
}

#[derive(Clone, Debug)]
pub struct Port {
    pub name: Spanned<Text>,
    pub peering_location: Option<Spanned<Text>>,
    pub bandwidth: Option<Spanned<Bandwidth>>,
    pub encapsulation: Option<Spanned<Encapsulation>>,
    pub macsec: Option<Spanned<bool>>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Gateway {
    pub key: Span,
    pub sku: Option<Spanned<GatewaySku>>,
    pub scale_units: Option<Spanned<u32>>,
    /// The GatewaySubnet prefix.
    pub subnet: Option<Spanned<IpNet>>,
    /// ErGwScale only: the fewest scale units (at most `scale_units`;
    /// otherwise `invalid-value`, and `None` here).
    pub min_scale_units: Option<Spanned<u32>>,
    /// Keys written (see [`Circuit::written`]).
    pub written: Written<GatewayKey>,
}

impl Gateway {
    /// True when `key` was written, even with an invalid value or a
    /// misspelled key.
    pub fn has(&self, key: GatewayKey) -> bool {
        self.written.contains(key)
    }
}

#[derive(Clone, Debug)]
pub struct VirtualNetwork {
    pub name: Spanned<Text>,
    pub region: Option<Spanned<Text>>,
    pub address_space: Option<SpannedList<IpNet>>,
    pub gateway: Option<Gateway>,
    /// How many address prefixes of peered spoke networks, kept outside the
    /// design, this network advertises over ExpressRoute.
    pub spoke_prefixes: Option<Spanned<u64>>,
    /// Keys written (see [`Circuit::written`]).
    pub written: Written<VnetKey>,
    pub span: Span,
}

impl VirtualNetwork {
    /// True when `key` was written, even with an invalid value or a
    /// misspelled key.
    pub fn has(&self, key: VnetKey) -> bool {
        self.written.contains(key)
    }

    pub fn address_space(&self) -> &[Spanned<IpNet>] {
        self.address_space
            .as_ref()
            .map_or(&[], |a| a.value.as_slice())
    }
}

/// The whole design: all files merged, entities in file order then document
/// order.
#[derive(Clone, Debug, Default)]
pub struct Design {
    pub providers: Vec<Provider>,
    pub sites: Vec<Site>,
    pub circuits: Vec<Circuit>,
    pub ports: Vec<Port>,
    pub virtual_networks: Vec<VirtualNetwork>,
    /// What files that could not be read or parsed completely may hold.
    pub unparsed: Unparsed,
}

impl Design {
    /// Appends another file's part of the design.
    pub fn extend(&mut self, other: Design) {
        self.providers.extend(other.providers);
        self.sites.extend(other.sites);
        self.circuits.extend(other.circuits);
        self.ports.extend(other.ports);
        self.virtual_networks.extend(other.virtual_networks);
        self.unparsed.words.extend(other.unparsed.words);
        self.unparsed.opaque |= other.unparsed.opaque;
    }
}

/// The names that files reported as `invalid-yaml` or `unreadable-file` may
/// define or reference, and the names written in values the loader could
/// not lower (under an unknown key, or a reference list written as a single
/// value). A name that is undefined or unused in the lowered part of the
/// design, but written there, is that finding's problem:
/// `undefined-reference` and the `unused-*` rules stay silent about it.
#[derive(Clone, Debug, Default)]
pub struct Unparsed {
    /// Name-like words of the text that could not be lowered.
    pub words: HashSet<String>,
    /// A file whose text is unknown: it may hold any name.
    pub opaque: bool,
}

impl Unparsed {
    /// Adds the name-like words of a file that was not lowered completely.
    pub fn add_text(&mut self, text: &str) {
        let is_name_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
        self.words.extend(
            text.split(|c: char| !is_name_char(c))
                .filter(|w| !w.is_empty() && w.len() <= 64)
                .map(str::to_string),
        );
    }

    /// True when an unparsed file may mention `name`.
    pub fn may_mention(&self, name: &str) -> bool {
        self.opaque || self.words.contains(name)
    }
}
