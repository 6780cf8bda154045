//! Being written on the `tooling` branch.

use clap::Args;

#[derive(Debug, Args)]
pub struct InstallHookArgs {}

pub fn run(_args: InstallHookArgs) -> u8 {
    eprintln!("error: not available in this build");
    crate::cli::exit::ERROR
}
