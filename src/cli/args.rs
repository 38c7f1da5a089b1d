//! What the user typed: clap's derive structs, a doc comment per flag.

use crate::render::Format;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// erlint: a linter for Azure ExpressRoute network designs kept as YAML.
#[derive(Debug, Parser)]
#[command(name = "erlint", version, about, arg_required_else_help = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint the design under the paths (files or folders; default `.`; `-` reads standard input)
    Check(CheckArgs),
    /// List every rule: name, group, default severity, summary
    Rules,
    /// Print a rule's documentation
    Explain {
        /// The rule's name, as in `ipvpn-layer2`
        rule: String,
    },
    /// Print the effective catalog (built-in plus the design's own) as YAML
    Catalog {
        /// Use this erlint.toml
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Use no erlint.toml
        #[arg(long, conflicts_with = "config")]
        no_config: bool,
    },
    /// Print a JSON Schema (draft-07) of the design format
    Schema,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders of the design (default `.`); `-` reads one file from standard input
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Write the report to FILE instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Run only these rules (names or group names, comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Vec<String>,
    /// Skip these rules (names or group names, comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Vec<String>,
    /// The lowest severity that fails the run [default: error, or `fail_on` in erlint.toml]
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Use this erlint.toml instead of searching for one
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Use no erlint.toml
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Report only findings not in FILE (a `--format json` report saved earlier)
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Print a count per rule instead of the findings
    #[arg(long)]
    pub statistics: bool,
    /// Color: `auto` honours NO_COLOR and whether standard output is a terminal
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// Print nothing when the run succeeds
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// The file name standard input is reported under (with `-`)
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Worker threads [default: RAYON_NUM_THREADS, else the available cores; at most 4 per core]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
}
