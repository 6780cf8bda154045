use std::process::ExitCode;

/// Parsing allocates and frees millions of small syn nodes; mimalloc does
/// that markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cpython_rs::cli::main()
}
