//! The built-in ExpressRoute catalog (placeholder until the data lands).

/// Facts the location, circuit and gateway rules check a design against.
#[derive(Debug, Default, Clone)]
pub struct Catalog {}

impl Catalog {
    /// The catalog embedded in the binary.
    pub fn builtin() -> Catalog {
        Catalog::default()
    }
}

impl Catalog {
    /// Adds or overrides entries from a design repository's catalog file.
    pub fn overlay_file(&mut self, path: &std::path::Path) -> Result<(), String> {
        Err(format!(
            "catalog files are not supported yet: `{}`",
            path.display()
        ))
    }

    /// The effective catalog as YAML (`erlint catalog`).
    pub fn to_yaml(&self) -> String {
        String::new()
    }
}
