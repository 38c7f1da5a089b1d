//! Does the design hold together as data?
pub mod duplicate_name;
pub mod invalid_value;
pub mod invalid_yaml;
pub mod missing_field;
pub mod undefined_reference;
pub mod unknown_field;
pub mod unknown_provider;
pub mod unreadable_file;
pub mod unused_circuit;
pub mod unused_port;
pub mod unused_provider;
pub mod unused_suppression;
