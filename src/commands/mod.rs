//! One file per subcommand: arguments -> library call -> output.

pub mod check;
pub mod new_module;
pub mod rules;
