//! Can it be bought where it is drawn?
pub mod direct_circuit_location_mismatch;
pub mod direct_not_at_location;
pub mod provider_not_at_location;
pub mod unknown_peering_location;
pub mod unknown_region;
