use std::process::ExitCode;

fn main() -> ExitCode {
    cpython_rs::cli::main()
}
