//! `cpython-rs completions`: shell completion scripts (clap_complete) and man
//! pages (clap_mangen), both generated from the same clap definition as `--help`,
//! so they can never disagree with it.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::{ArgGroup, Args, CommandFactory};
use clap_complete::Shell;

use crate::cli::{exit, Cli};

/// The binary's name, as completions and man pages must spell it.
const BIN: &str = "cpython-rs";

#[derive(Debug, Args)]
#[command(
    group(ArgGroup::new("what").required(true).args(["shell", "man", "man_dir"])),
    after_help = "Examples:\n  \
        cpython-rs completions bash > ~/.local/share/bash-completion/completions/cpython-rs\n  \
        cpython-rs completions zsh > ~/.zfunc/_cpython-rs\n  \
        cpython-rs completions fish > ~/.config/fish/completions/cpython-rs.fish\n  \
        cpython-rs completions powershell >> $PROFILE\n  \
        cpython-rs completions --man | man -l -\n  \
        cpython-rs completions --man-dir /usr/local/share/man/man1"
)]
pub struct CompletionsArgs {
    /// The shell to print a completion script for
    #[arg(value_enum)]
    pub shell: Option<Shell>,
    /// Print the man page, cpython-rs(1), in roff instead
    #[arg(long)]
    pub man: bool,
    /// Write cpython-rs.1 and one page per subcommand (cpython-rs-check.1, ...) into DIR
    #[arg(long, value_name = "DIR")]
    pub man_dir: Option<PathBuf>,
}

pub fn run(args: CompletionsArgs) -> u8 {
    let result = if let Some(shell) = args.shell {
        write_completions(shell, &mut io::stdout().lock())
    } else if args.man {
        write_man_page(&mut io::stdout().lock())
    } else if let Some(dir) = &args.man_dir {
        write_man_pages(dir).map(|pages| {
            for page in pages {
                println!("wrote {}", page.display());
            }
        })
    } else {
        unreachable!("clap requires one of SHELL, --man, --man-dir")
    };
    match result {
        Ok(()) => exit::OK,
        // A closed pipe (`cpython-rs completions bash | head`) is not an error.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => exit::OK,
        Err(err) => {
            eprintln!("error: {err}");
            exit::ERROR
        }
    }
}

/// The completion script for `shell`.
pub fn write_completions(shell: Shell, out: &mut dyn Write) -> io::Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), BIN, &mut script);
    if shell == Shell::Bash {
        script = fix_bash_state_names(&String::from_utf8_lossy(&script)).into_bytes();
    }
    out.write_all(&script)?;
    out.flush()
}

/// clap_complete's bash script tracks the subcommand in a state named
/// `cpython__rs__subcmd__check`, but names the matching case arms
/// `cpython__subcmd__rs__subcmd__check` when the binary's name has a hyphen
/// (clap-rs/clap#6421), so no subcommand's options ever complete. Spell the
/// arms the way the state is spelled.
fn fix_bash_state_names(script: &str) -> String {
    let wrong = BIN.replace('-', "__subcmd__");
    let right = BIN.replace('-', "__");
    script.replace(&wrong, &right)
}

/// The top-level man page, which lists every subcommand.
pub fn write_man_page(out: &mut dyn Write) -> io::Result<()> {
    clap_mangen::Man::new(Cli::command().disable_help_subcommand(true)).render(out)
}

/// cpython-rs.1 and cpython-rs-<subcommand>.1 in `dir` (created if needed), as
/// git and cargo ship theirs; returns the files written.
pub fn write_man_pages(dir: &Path) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = vec![clap_mangen::Man::new(cmd.clone()).generate_to(dir)?];
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        // Subcommands carry no version of their own; name the tool's in the footer.
        let man = clap_mangen::Man::new(sub.clone()).source(format!("{BIN} {}", env!("CARGO_PKG_VERSION")));
        pages.push(man.generate_to(dir)?);
    }
    Ok(pages)
}
