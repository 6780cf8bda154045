//! `cpython-rs new-module`: being written on the `scaffold` branch.

use clap::Args;

#[derive(Debug, Args)]
pub struct NewModuleArgs {
    /// The module's name, a Python identifier (`_fastjson`)
    pub name: String,
}

pub fn run(_args: NewModuleArgs) -> u8 {
    eprintln!("error: new-module is not available in this build");
    crate::cli::exit::ERROR
}
