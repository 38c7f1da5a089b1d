//! The tables: every mapping of the format, its keys in the order messages
//! list them, each key's type, range, default and meaning.
//!
//! Each range is written here once: the loader and the schema read it from
//! the key (a `DSCP` written in `Ty::Int` is the range the loader checks).

use super::{format_keys, names, opt, opt_or, req, Constraint, DefaultValue, NameRule, Ty};
use crate::model::{Billing, Encapsulation, GatewaySku, Layer, Model, SiteKind, Sku};

/// Entity names: 1-64 characters of `[A-Za-z0-9._-]`.
pub const NAME: Ty = Ty::Name(NameRule {
    min: 1,
    max: 64,
    punctuation: "._-",
});

/// DSCP values of `qos`.
const DSCP: Ty = Ty::Int { min: 0, max: 63 };

/// ErGwScale scale units (1 Gbps each).
const SCALE_UNITS: Ty = Ty::Int { min: 1, max: 40 };

/// ExpressRoute Direct port speeds, in Gbps.
pub const PORT_SPEEDS_GBPS: &[u64] = &[10, 100, 400];

const TEXTS: Ty = Ty::TextList { non_empty: false };

/// Provider `offers` keys: the provider models (Direct has no provider).
pub const OFFER_MODELS: &[(&str, Model)] = &[
    ("cloud-exchange", Model::CloudExchange),
    ("ethernet", Model::Ethernet),
    ("ipvpn", Model::Ipvpn),
];

format_keys! {
    /// The top-level keys of a design file.
    pub enum TopKey in TOP {
        Version => opt_or("version", Ty::Version(1), DefaultValue::Int(1), "format version; only 1 exists"),
        Providers => opt("providers", Ty::List(&PROVIDER), "connectivity providers"),
        Sites => opt("sites", Ty::List(&SITE), "on-premises sites"),
        Circuits => opt("circuits", Ty::List(&CIRCUIT), "ExpressRoute circuits"),
        Ports => opt("ports", Ty::List(&PORT), "ExpressRoute Direct ports"),
        VirtualNetworks => opt("virtual_networks", Ty::List(&VNET), "Azure virtual networks"),
    }
    constraints: &[];
}

format_keys! {
    pub enum ProviderKey in PROVIDER {
        Name => req("name", NAME, "unique provider name"),
        Offers => req("offers", Ty::Offers, "connectivity model -> layers the contract offers"),
        PeeringLocations => opt("peering_locations", TEXTS, "where the provider meets Microsoft"),
        CatalogName => opt("catalog_name", Ty::Text, "the provider's name in the catalog, when `name` spells it differently"),
    }
    constraints: &[];
}

format_keys! {
    pub enum SiteKey in SITE {
        Name => req("name", NAME, "unique site name"),
        Kind => req("kind", Ty::Enum(|| names(SiteKind::ALL)), "datacenter | office | colocation"),
        City => opt("city", Ty::Text, "free text"),
        Prefixes => opt("prefixes", Ty::CidrList, "on-premises ranges reached over ExpressRoute"),
        CloudExchange => opt_or("cloud_exchange", Ty::Bool, DefaultValue::Bool(false), "colocation sites only: the facility hosts a cloud exchange"),
        Expressroute => req("expressroute", Ty::Map(&EXPRESSROUTE), "how the site reaches Microsoft"),
        Routers => opt("routers", TEXTS, "customer edge routers"),
        Qos => opt("qos", Ty::Map(&QOS), "DSCP markings for real-time traffic"),
    }
    constraints: &[];
}

format_keys! {
    /// `layer` and `provider` are required unless the model is `direct`.
    pub enum ExpressRouteKey in EXPRESSROUTE {
        Model => req("model", Ty::Enum(|| names(Model::ALL)), "cloud-exchange | ethernet | ipvpn | direct"),
        Layer => opt("layer", Ty::Enum(|| names(Layer::ALL)), "l2 | l3 (required unless the model is direct)"),
        Provider => opt("provider", Ty::Text, "the provider (required unless the model is direct)"),
        Circuits => req("circuits", Ty::TextList { non_empty: true }, "circuits this site uses, 1 or more"),
    }
    constraints: &[Constraint::RequiredUnless {
        keys: &[ExpressRouteKey::Layer as usize, ExpressRouteKey::Provider as usize],
        key: ExpressRouteKey::Model as usize,
        value: "direct",
    }];
}

format_keys! {
    pub enum QosKey in QOS {
        Audio => opt("audio", DSCP, "DSCP for audio (EF, 46)"),
        Video => opt("video", DSCP, "DSCP for video (AF41, 34)"),
        Sharing => opt("sharing", DSCP, "DSCP for app sharing (AF21, 18)"),
    }
    constraints: &[];
}

format_keys! {
    /// `provider` / `port`: exactly one; `provider-and-port` reports the rest.
    pub enum CircuitKey in CIRCUIT {
        Name => req("name", NAME, "unique circuit name"),
        Provider => opt("provider", Ty::Text, "the connectivity provider (or `port`)"),
        Port => opt("port", Ty::Text, "the ExpressRoute Direct port (or `provider`)"),
        PeeringLocation => req("peering_location", Ty::Text, "where the circuit meets Microsoft"),
        Bandwidth => req("bandwidth", Ty::Bandwidth, "e.g. 50Mbps, 1Gbps, 10Gbps"),
        Sku => req("sku", Ty::Enum(|| names(Sku::ALL)), "local | standard | premium"),
        Billing => req("billing", Ty::Enum(|| names(Billing::ALL)), "metered | unlimited"),
        Bfd => opt_or("bfd", Ty::Bool, DefaultValue::Bool(true), "BFD on the BGP sessions, default true"),
        Routers => opt("routers", Ty::Map(&ROUTERS), "customer routers terminating the primary and secondary links"),
        Peerings => opt("peerings", Ty::Map(&PEERINGS), "private and Microsoft peering"),
        GlobalReach => opt("global_reach", Ty::List(&GLOBAL_REACH), "Global Reach connections to other circuits"),
        Links => opt("links", Ty::List(&LINK), "virtual networks connected to this circuit"),
        RateLimiting => opt_or("rate_limiting", Ty::Bool, DefaultValue::Bool(false), "circuits on a Direct port only: rate limiting of the circuit's traffic on the port"),
    }
    constraints: &[Constraint::Needs {
        key: CircuitKey::RateLimiting as usize,
        with: CircuitKey::Provider as usize,
        needs: CircuitKey::Port as usize,
        why: "rate limiting is set on circuits of ExpressRoute Direct ports",
    }];
}

format_keys! {
    pub enum RoutersKey in ROUTERS {
        Primary => opt("primary", Ty::Text, "router of the primary link"),
        Secondary => opt("secondary", Ty::Text, "router of the secondary link"),
    }
    constraints: &[];
}

format_keys! {
    pub enum PeeringsKey in PEERINGS {
        Private => opt("private", Ty::Map(&PEERING), "Azure private peering"),
        Microsoft => opt("microsoft", Ty::Map(&PEERING), "Microsoft peering"),
        Public => opt("public", Ty::Map(&PEERING), "Azure public peering (deprecated)"),
    }
    constraints: &[];
}

format_keys! {
    pub enum PeeringKey in PEERING {
        PeerAsn => opt("peer_asn", Ty::Asn { max: u32::MAX as u64 }, "your BGP ASN"),
        PrimarySubnet => opt("primary_subnet", Ty::Cidr, "IPv4 /30 of the primary link"),
        SecondarySubnet => opt("secondary_subnet", Ty::Cidr, "IPv4 /30 of the secondary link"),
        VlanId => opt("vlan_id", Ty::UInt, "VLAN ID of the peering"),
        Ipv6 => opt("ipv6", Ty::Map(&IPV6), "IPv6 subnets"),
        AdvertisedPrefixes => opt("advertised_prefixes", Ty::UInt, "IPv4 prefixes on-premises advertises"),
        AdvertisedPrefixesV6 => opt("advertised_prefixes_v6", Ty::UInt, "IPv6 prefixes on-premises advertises"),
        AdvertisedPublicPrefixes => opt("advertised_public_prefixes", Ty::CidrList, "Microsoft peering: public prefixes you advertise"),
        RouteFilter => opt("route_filter", TEXTS, "Microsoft peering: services of the route filter"),
        NatPool => opt("nat_pool", Ty::Cidr, "Microsoft peering: public range traffic is NATed to"),
    }
    constraints: &[];
}

format_keys! {
    pub enum Ipv6Key in IPV6 {
        PrimarySubnet => opt("primary_subnet", Ty::Cidr, "IPv6 /126 of the primary link"),
        SecondarySubnet => opt("secondary_subnet", Ty::Cidr, "IPv6 /126 of the secondary link"),
    }
    constraints: &[];
}

format_keys! {
    pub enum GlobalReachKey in GLOBAL_REACH {
        Circuit => req("circuit", Ty::Text, "the other circuit"),
        Subnet => req("subnet", Ty::Cidr, "a /29 for the connection"),
    }
    constraints: &[];
}

format_keys! {
    pub enum LinkKey in LINK {
        Vnet => req("vnet", Ty::Text, "the virtual network"),
        Fastpath => opt_or("fastpath", Ty::Bool, DefaultValue::Bool(false), "FastPath, default false"),
        Weight => opt_or("weight", Ty::Int { min: 0, max: 32000 }, DefaultValue::Int(0), "the connection's routing weight: Azure prefers the link with the higher weight"),
    }
    constraints: &[];
}

format_keys! {
    pub enum PortKey in PORT {
        Name => req("name", NAME, "unique port name"),
        PeeringLocation => req("peering_location", Ty::Text, "where the port is"),
        Bandwidth => req("bandwidth", Ty::BandwidthOf(PORT_SPEEDS_GBPS), "10Gbps | 100Gbps | 400Gbps"),
        Encapsulation => req("encapsulation", Ty::Enum(|| names(Encapsulation::ALL)), "dot1q | qinq"),
        Macsec => opt_or("macsec", Ty::Bool, DefaultValue::Bool(false), "MACsec on the port"),
    }
    constraints: &[];
}

format_keys! {
    pub enum VnetKey in VNET {
        Name => req("name", NAME, "unique virtual network name"),
        Region => req("region", Ty::Text, "Azure region"),
        AddressSpace => req("address_space", Ty::CidrList, "the virtual network's prefixes"),
        Gateway => opt("gateway", Ty::Map(&GATEWAY), "the ExpressRoute virtual network gateway"),
        SpokePrefixes => opt_or("spoke_prefixes", Ty::UInt, DefaultValue::Int(0), "address prefixes of peered spoke networks (kept outside the design) this hub advertises over ExpressRoute"),
    }
    constraints: &[];
}

format_keys! {
    pub enum GatewayKey in GATEWAY {
        Sku => req("sku", Ty::Enum(|| names(GatewaySku::ALL)), "gateway SKU"),
        ScaleUnits => opt_or("scale_units", SCALE_UNITS, DefaultValue::Int(1), "ErGwScale only: 1-40"),
        Subnet => opt("subnet", Ty::Cidr, "the GatewaySubnet prefix, inside the virtual network's `address_space`"),
        MinScaleUnits => opt_or("min_scale_units", SCALE_UNITS, DefaultValue::SameAs("scale_units"), "ErGwScale only: the fewest scale units it scales in to, at most `scale_units`"),
    }
    constraints: &[
        Constraint::OnlyWhen {
            key: GatewayKey::MinScaleUnits as usize,
            other: GatewayKey::Sku as usize,
            value: "ErGwScale",
        },
        Constraint::AtMost {
            key: GatewayKey::MinScaleUnits as usize,
            other: GatewayKey::ScaleUnits as usize,
        },
    ];
}
