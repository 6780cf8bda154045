//! Being written on the `tooling` branch.

use clap::Args;

#[derive(Debug, Args)]
pub struct DoctorArgs {}

pub fn run(_args: DoctorArgs) -> u8 {
    eprintln!("error: not available in this build");
    crate::cli::exit::ERROR
}
