//! Lowering providers (with their `offers`) and sites (with their
//! `expressroute` and `qos`), and every entity's `name`.

use super::mapping::Fields;
use super::{first_key, Lowerer, Named};
use crate::model::format::{
    Constraint, ExpressRouteKey, FormatKey, ProviderKey, QosKey, SiteKey, OFFER_MODELS,
};
use crate::model::{
    ExpressRoute, Layer, Model, Offer, Provider, Qos, Site, SiteKind, Spanned, Text,
};
use crate::source::Span;
use crate::suggest;
use crate::syntax::{Node, NodeKind};

/// "the `expressroute` of site `ams-dc1`".
struct ExpressRouteOf<'a, 'b>(&'a Named<'b>);

impl std::fmt::Display for ExpressRouteOf<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the `expressroute` of {}", self.0)
    }
}

impl Lowerer {
    /// The entity's `name` (the key `key`); reports a missing one at the
    /// entity's first key.
    pub(super) fn entity_name<K: FormatKey>(
        &mut self,
        node: &Node,
        fields: &Fields<'_, K>,
        key: K,
        what: &str,
    ) -> Option<Spanned<Text>> {
        match fields.value(key) {
            Some(v) => self.name(v, key),
            // `nmae: er-ams-1`: reported as an unknown key; the value is
            // still the name, so references to it resolve.
            None => match fields.claimed_value(key) {
                Some(v) => self.name(v, key),
                None => {
                    self.missing(first_key(node), key, &what, fields);
                    None
                }
            },
        }
    }

    pub(super) fn provider(&mut self, node: &Node) -> Option<Provider> {
        type K = ProviderKey;
        let fields = self.fields::<K>(node, "a provider")?;
        let name = self.entity_name(node, &fields, K::Name, "a provider")?;
        let what = Named("provider", &name.value);
        let offers = self
            .required(&fields, K::Offers, name.span, &what)
            .and_then(|v| self.offers(v));
        let peering_locations = fields.value(K::PeeringLocations).and_then(|v| {
            self.list(v, "peering_locations", |lw, n| {
                lw.string(n, "peering_locations")
            })
        });
        let catalog_name = fields
            .value(K::CatalogName)
            .and_then(|v| self.string(v, K::CatalogName.name()));
        Some(Provider {
            name,
            offers,
            peering_locations,
            catalog_name,
            written: fields.written(),
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

    pub(super) fn site(&mut self, node: &Node) -> Option<Site> {
        type K = SiteKey;
        let fields = self.fields::<K>(node, "a site")?;
        let name = self.entity_name(node, &fields, K::Name, "a site")?;
        let what = Named("site", &name.value);
        let kind = self
            .required(&fields, K::Kind, name.span, &what)
            .and_then(|v| self.enumeration(v, "kind", SiteKind::ALL));
        let city = fields.value(K::City).and_then(|v| self.string(v, "city"));
        let prefixes = fields
            .value(K::Prefixes)
            .and_then(|v| self.list(v, "prefixes", |lw, n| lw.cidr(n, "prefixes")));
        let cloud_exchange = fields
            .value(K::CloudExchange)
            .and_then(|v| self.boolean(v, "cloud_exchange"));
        let expressroute = match fields.entry(K::Expressroute) {
            Some((k, v)) => self.expressroute(k, v, &what, name.span),
            None => {
                self.missing(name.span, K::Expressroute, &what, &fields);
                None
            }
        };
        let routers = fields
            .value(K::Routers)
            .and_then(|v| self.list(v, "routers", |lw, n| lw.string(n, "routers")));
        let qos = fields.value(K::Qos).and_then(|v| self.qos(v));
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
        type K = ExpressRouteKey;
        let fields = self.fields::<K>(node, "`expressroute`")?;
        let what = ExpressRouteOf(site);
        let model = self
            .required(&fields, K::Model, at, &what)
            .and_then(|v| self.enumeration(v, "model", Model::ALL));
        // `layer` and `provider` are required unless the model is direct
        // (the table's constraint); they are not read with direct. With an
        // invalid model we cannot tell, so say nothing more.
        let exempt = |m: Model| {
            K::TABLE.constraints.iter().any(
                |c| matches!(c, Constraint::RequiredUnless { value, .. } if m.as_str() == *value),
            )
        };
        let needs_provider = model.as_ref().is_some_and(|m| !exempt(m.value));
        let read = model.as_ref().is_none_or(|m| !exempt(m.value));
        let layer = match fields.value(K::Layer) {
            Some(v) if read => self.enumeration(v, "layer", Layer::ALL),
            Some(_) => None,
            None => {
                if needs_provider {
                    self.missing(at, K::Layer, &what, &fields);
                }
                None
            }
        };
        let provider = match fields.value(K::Provider) {
            Some(v) if read => self.string(v, "provider"),
            Some(_) => None,
            None => {
                if needs_provider {
                    self.missing(at, K::Provider, &what, &fields);
                }
                None
            }
        };
        let circuits = match self.required(&fields, K::Circuits, at, &what) {
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
            None => None,
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
        let fields = self.fields::<QosKey>(node, "`qos`")?;
        let dscp = |lw: &mut Self, key: QosKey| {
            let v = fields.value(key).and_then(|v| lw.int(v, key))?;
            Some(Spanned::new(u8::try_from(v.value).ok()?, v.span))
        };
        Some(Qos {
            audio: dscp(self, QosKey::Audio),
            video: dscp(self, QosKey::Video),
            sharing: dscp(self, QosKey::Sharing),
        })
    }
}
