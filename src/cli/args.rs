//! What the user typed: clap's derive structs, a doc comment per flag.

use crate::render::Format;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// erlint: a linter for Azure ExpressRoute network designs kept as YAML.
#[derive(Debug, Parser)]
#[command(
    name = "erlint",
    version = env!("ERLINT_VERSION"),
    about,
    arg_required_else_help = true
)]
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
    /// Draw the topology (Mermaid, DOT or SVG), entities with findings marked
    #[command(long_about = GRAPH_ABOUT)]
    Graph(GraphArgs),
    /// Serve the Language Server Protocol on standard input and output, for editors
    #[command(long_about = SERVER_ABOUT)]
    Server,
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions {
        /// The shell, as in `bash`
        shell: clap_complete::Shell,
    },
    /// Print a man page (roff): erlint(1), or erlint-COMMAND(1) for a command
    Man {
        /// A command, as in `check`
        command: Option<String>,
    },
}

const SERVER_ABOUT: &str = "Serve the Language Server Protocol on standard input and output: \
editors start `erlint server` and get diagnostics as you type, go to definition, references, \
rename, symbols, hover, completion and quick fixes. Each workspace folder's design is found and \
configured as for `erlint check` run in that folder; open buffers win over the files on disk.";

const GRAPH_ABOUT: &str = "Draw the topology of the design: sites grouped by kind, each joined to \
its provider (model and layer on the edge), circuits grouped by peering location (SKU and \
bandwidth), Direct ports, virtual networks (gateway SKU) and Global Reach connections. An entity \
with a finding is marked (error red, warning amber, info blue) with its rules, and a legend \
explains shapes and colours. The design is found and configured as for `erlint check`.

Examples:
  erlint graph --format mermaid                  Mermaid text, for Markdown on GitHub, GitLab, Azure DevOps
  erlint graph --format svg -o topology.svg      a picture, laid out in-process (no Graphviz needed)
  erlint graph --format dot | dot -Tpng > t.png  DOT, for Graphviz
  erlint graph --focus site:ams-dc1              only the paths through one entity";

#[derive(Debug, Args)]
pub struct GraphArgs {
    /// Files or folders of the design (default `.`)
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value = "mermaid")]
    pub format: crate::graph::GraphFormat,
    /// Write the picture to FILE instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Draw only the paths through one entity: KIND is site, provider, circuit, port or vnet
    #[arg(long, value_name = "KIND:NAME")]
    pub focus: Option<String>,
    /// Show at most N entities per group, the rest as one node (0: no limit); marked ones always show
    #[arg(long, value_name = "N", default_value_t = crate::graph::DEFAULT_MAX_PER_GROUP)]
    pub max_per_group: usize,
    /// Use this erlint.toml instead of searching for one
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Use no erlint.toml
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
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
    /// Output format [default: human; under TF_BUILD, GITHUB_ACTIONS or GITLAB_CI, human plus that CI's annotations]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
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
    /// Report only findings new since the git revision REF (the design there is read through git)
    #[arg(long, value_name = "REF")]
    pub diff_base: Option<String>,
    /// Report paths relative to DIR instead of the current folder
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Print a count per rule instead of the findings (JSON with `--format json`)
    #[arg(long)]
    pub statistics: bool,
    /// Color: `auto` honours NO_COLOR and whether standard output is a terminal
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// Print nothing when the run succeeds
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// With `-`: lint standard input as this file of the design around it (the buffer replaces the file; only its findings are reported)
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Apply the safe fixes to the design files, then report what is left (with `-`: print the fixed text)
    #[arg(long)]
    pub fix: bool,
    /// Print the fixes as a unified diff and change nothing (exit 1 when there is one)
    #[arg(long)]
    pub diff: bool,
    /// With `--fix` or `--diff`: apply the unsafe fixes too (unique did-you-means)
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// With `--format markdown`: prefix of the findings' links (a URL of the
    /// repository's files at this commit); links are relative without it
    #[arg(long, value_name = "URL")]
    pub link_base: Option<String>,
    /// Worker threads [default: RAYON_NUM_THREADS, else the available cores; at most 4 per core]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
}
