//! Lowering the Azure side: ExpressRoute Direct ports and virtual networks
//! with their gateways.

use super::constraints::Seen;
use super::{Lowerer, Named};
use crate::model::format::{GatewayKey, PortKey};
use crate::model::{Encapsulation, Gateway, GatewaySku, Port, VirtualNetwork, VnetKey};
use crate::source::Span;
use crate::syntax::Node;

impl Lowerer {
    pub(super) fn port(&mut self, node: &Node) -> Option<Port> {
        type K = PortKey;
        let fields = self.fields::<K>(node, "a port")?;
        let name = self.entity_name(node, &fields, K::Name, "a port")?;
        let what = Named("port", &name.value);
        let peering_location = self
            .required(&fields, K::PeeringLocation, name.span, &what)
            .and_then(|v| self.string(v, "peering_location"));
        let bandwidth = self
            .required(&fields, K::Bandwidth, name.span, &what)
            .and_then(|v| self.bandwidth_of(v, K::Bandwidth));
        let encapsulation = self
            .required(&fields, K::Encapsulation, name.span, &what)
            .and_then(|v| self.enumeration(v, "encapsulation", Encapsulation::ALL));
        let macsec = fields
            .value(K::Macsec)
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

    pub(super) fn vnet(&mut self, node: &Node) -> Option<VirtualNetwork> {
        type K = VnetKey;
        let fields = self.fields::<K>(node, "a virtual network")?;
        let name = self.entity_name(node, &fields, K::Name, "a virtual network")?;
        let what = Named("virtual network", &name.value);
        let region = self
            .required(&fields, K::Region, name.span, &what)
            .and_then(|v| self.string(v, "region"));
        let address_space = self
            .required(&fields, K::AddressSpace, name.span, &what)
            .and_then(|v| self.list(v, "address_space", |lw, n| lw.cidr(n, "address_space")));
        let gateway = fields
            .entry(K::Gateway)
            .and_then(|(k, v)| self.gateway(k, v, &what, name.span));
        let spoke_prefixes = fields
            .value(K::SpokePrefixes)
            .and_then(|v| self.uint(v, "spoke_prefixes"));
        Some(VirtualNetwork {
            name,
            region,
            address_space,
            gateway,
            spoke_prefixes,
            written: fields.written(),
            span: node.span,
        })
    }

    /// A missing `sku` is reported at the virtual network's name (`at`).
    fn gateway(&mut self, key: &Node, node: &Node, vnet: &Named<'_>, at: Span) -> Option<Gateway> {
        type K = GatewayKey;
        let f = self.fields::<K>(node, "`gateway`")?;
        let what = format!("the gateway of {vnet}");
        let sku = self
            .required(&f, K::Sku, at, &what)
            .and_then(|v| self.enumeration(v, "sku", GatewaySku::ALL));
        let scale_units = f
            .value(K::ScaleUnits)
            .and_then(|v| self.small_int(v, K::ScaleUnits));
        let subnet = f.value(K::Subnet).and_then(|v| self.cidr(v, "subnet"));
        let mut min_scale_units = f
            .value(K::MinScaleUnits)
            .and_then(|v| self.small_int(v, K::MinScaleUnits));
        let units = |u: &Option<crate::model::Spanned<u32>>| {
            u.as_ref()
                .map_or(Seen::Invalid, |u| Seen::Int(i64::from(u.value)))
        };
        let seen = |key: K| match key {
            K::Sku => sku
                .as_ref()
                .map_or(Seen::Invalid, |s| Seen::Name(s.value.as_str())),
            K::ScaleUnits => units(&scale_units),
            K::MinScaleUnits => units(&min_scale_units),
            K::Subnet => Seen::Written,
        };
        if self
            .check_constraints(&f, seen, &what)
            .contains(K::MinScaleUnits)
        {
            min_scale_units = None;
        }
        Some(Gateway {
            key: key.span,
            sku,
            scale_units,
            subnet,
            min_scale_units,
            written: f.written(),
        })
    }
}
