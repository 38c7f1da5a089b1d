//! `erlint server`: the language server (`src/server/`), with each
//! workspace folder's settings made as `check` makes them.

use super::{settings_from, Failure};
use crate::config::{self, Config};
use crate::Settings;
use std::path::Path;
use std::process::ExitCode;

pub(super) fn server() -> Result<ExitCode, Failure> {
    crate::server::run_stdio(Box::new(settings_for)).map_err(Failure)?;
    Ok(ExitCode::SUCCESS)
}

/// The settings of `check` run in `folder` with no option: its
/// `erlint.toml` (the nearest, in it or above), the design root.
fn settings_for(folder: &Path) -> Result<Settings, String> {
    let cfg = match config::find(folder) {
        Some(path) => {
            config::check_inside_its_folder(&path)?;
            config::load(&path)?
        }
        None => Config::default(),
    };
    let mut settings = settings_from(folder.to_path_buf(), &cfg, &[], &[]).map_err(|f| f.0)?;
    let design_root = match &cfg.path {
        Some(p) => p.parent().map(Path::to_path_buf),
        None => crate::git::worktree_root(folder),
    };
    settings.design_root = Some(design_root.unwrap_or_else(|| folder.to_path_buf()));
    Ok(settings)
}
