//! One file per subcommand: arguments -> library call -> output.

pub mod check;
pub mod completions;
pub mod doctor;
pub mod install_hook;
pub mod new_module;
pub mod rules;
