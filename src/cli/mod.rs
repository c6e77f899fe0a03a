//! Command-line parsing, file discovery, and printing. The only part of essaylint that prints.

use clap::{Parser, Subcommand, ValueEnum};
use essaylint::config::Config;
use essaylint::engine::{self, Report};
use essaylint::input::{self, Format, InputError};
use essaylint::output::{self, FileReport};
use essaylint::{rule, Severity};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

#[derive(Parser)]
#[command(
    name = "essaylint",
    version,
    about = "An essay quality linter: spelling, names, repetition, citations and sentences"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check essays and report what an editor would mark.
    Check(CheckArgs),
    /// List every rule: name, category, default severity, summary.
    Rules,
    /// Print a rule's full documentation.
    Explain {
        /// The rule's name, as `essaylint rules` lists it.
        rule: String,
    },
    /// Show each cited source, the lines citing it, and the works-cited entry it matches.
    Citations {
        /// The essay to read.
        path: PathBuf,
    },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or folders to check; `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutFormat::Human)]
    format: OutFormat,
    /// Configuration file (default: essaylint.toml in this folder or a parent).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Exit 1 when a diagnostic at this level or above is found.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    fail_on: FailOn,
    /// Read inputs as this format instead of choosing by extension.
    #[arg(long, value_enum)]
    input_format: Option<InFormat>,
    /// Colour in the human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum InFormat {
    Plain,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Advice,
    Warning,
    Error,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Runs the command line; returns the exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Command::Check(args) => check(args),
        Command::Citations { path } => citations(&path),
        Command::Rules => {
            let mut out = String::new();
            for r in rule::all() {
                let m = r.meta();
                out.push_str(&format!(
                    "{:<22} {:<11} {:<8} {}{}\n",
                    m.name,
                    m.category.as_str(),
                    m.severity.as_str(),
                    m.summary,
                    if m.default_off {
                        " (off by default)"
                    } else {
                        ""
                    }
                ));
            }
            print(&out)
        }
        Command::Explain { rule: name } => match rule::find(&name) {
            Some(r) => {
                let m = r.meta();
                let mut out = format!(
                    "{} ({}, {} by default)\n\n",
                    m.name,
                    m.category.as_str(),
                    m.severity.as_str()
                );
                out.push_str(&m.docs());
                print(&out)
            }
            None => {
                eprintln!("essaylint: no rule named `{name}` (see `essaylint rules`)");
                2
            }
        },
    }
}

fn print(s: &str) -> i32 {
    let mut o = std::io::stdout().lock();
    match o.write_all(s.as_bytes()).and_then(|_| o.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("essaylint: cannot write output: {e}");
            2
        }
    }
}

/// `essaylint citations FILE`: the citation table of one essay.
fn citations(path: &Path) -> i32 {
    let config = Config::discover(&std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")));
    let config = match config {
        Ok(c) => c,
        Err(e) => {
            eprintln!("essaylint: {e}");
            return 2;
        }
    };
    match input::read_file(path, None) {
        Ok(src) => print(&essaylint::citations::table(
            &essaylint::Document::build(src),
            &config,
        )),
        Err(e) => {
            eprintln!("essaylint: {}: {}", path.display(), describe(&e, path));
            2
        }
    }
}

/// Extensions essaylint reads when walking a folder.
const EXTENSIONS: &[&str] = &["txt", "text"];

fn check(args: CheckArgs) -> i32 {
    let config = match &args.config {
        Some(p) => Config::load(p),
        None => Config::discover(&std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))),
    };
    let config = match config {
        Ok(c) => c,
        Err(e) => {
            eprintln!("essaylint: {e}");
            return 2;
        }
    };
    let forced = args.input_format.map(|f| match f {
        InFormat::Plain => Format::Plain,
    });
    let mut failed = false;
    let mut inputs: Vec<(String, PathBuf)> = Vec::new();
    for p in &args.paths {
        if p.as_os_str() == "-" {
            inputs.push(("-".into(), p.clone()));
        } else if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found);
            if found.is_empty() {
                eprintln!(
                    "essaylint: {}: no files to check in this folder (looked for .{})",
                    p.display(),
                    EXTENSIONS.join(", .")
                );
                failed = true;
            }
            found.sort();
            inputs.extend(found.into_iter().map(|f| (f.display().to_string(), f)));
        } else {
            inputs.push((p.display().to_string(), p.clone()));
        }
    }
    let mut reports: Vec<(String, Report)> = Vec::new();
    for (shown, path) in inputs {
        let source = if shown == "-" {
            let mut buf = Vec::new();
            match std::io::stdin().read_to_end(&mut buf) {
                Ok(_) => input::read_bytes(&buf, forced.unwrap_or(Format::Plain)),
                Err(e) => Err(InputError::Io(e)),
            }
        } else {
            input::read_file(&path, forced)
        };
        match source {
            Ok(src) => reports.push((shown, engine::check(src, &config))),
            Err(InputError::Empty) => {
                eprintln!("essaylint: {shown}: empty: nothing to check");
            }
            Err(e) => {
                eprintln!("essaylint: {shown}: {}", describe(&e, &path));
                failed = true;
            }
        }
    }
    let files: Vec<FileReport<'_>> = reports
        .iter()
        .map(|(p, r)| FileReport { path: p, report: r })
        .collect();
    if files.is_empty() {
        if !failed {
            eprintln!("essaylint: nothing to check");
        }
        return 2;
    }
    let text = match args.format {
        OutFormat::Json => output::json::render(&files),
        OutFormat::Human => {
            let color = match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            };
            let width = std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.parse().ok())
                .unwrap_or(100);
            output::human::render(&files, output::human::Options { color, width })
        }
    };
    if print(&text) != 0 {
        return 2;
    }
    if failed {
        return 2;
    }
    let threshold = match args.fail_on {
        FailOn::Advice => Severity::Advice,
        FailOn::Warning => Severity::Warning,
        FailOn::Error => Severity::Error,
    };
    let found = files
        .iter()
        .any(|f| f.report.diagnostics.iter().any(|d| d.severity >= threshold));
    i32::from(found)
}

fn describe(e: &InputError, path: &Path) -> String {
    match e {
        InputError::Io(io) if io.kind() == std::io::ErrorKind::NotFound => {
            "no such file or folder".into()
        }
        InputError::Io(io) if io.kind() == std::io::ErrorKind::PermissionDenied => {
            "permission denied".into()
        }
        InputError::Io(_) if path.is_dir() => "is a folder".into(),
        other => other.to_string(),
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        eprintln!("essaylint: {}: cannot read folder", dir.display());
        return;
    };
    for entry in rd.flatten() {
        let p = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        if p.is_dir() {
            walk(&p, out);
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(p);
        }
    }
}
