//! Does it survive a failure?
pub mod bfd_disabled;
pub mod circuits_same_location;
pub mod single_circuit_site;
pub mod single_router;
