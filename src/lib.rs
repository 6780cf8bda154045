//! The `cpython-rs` command-line shell: argument parsing, output formats and
//! the scaffold. The analysis itself lives in the `cpython-rs-lints` crate.

pub mod cli;
pub mod commands;
pub mod fixes;
pub mod render;
pub mod scaffold;
pub mod testing;
