//! The `erlint` binary: everything happens in `erlint::cli`.
fn main() -> std::process::ExitCode {
    erlint::cli::main()
}
