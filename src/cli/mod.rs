//! Command-line parsing, file discovery, and printing. The only part of essaylint that prints.

mod guard;
mod lsp;
mod pool;
mod select;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use essaylint::config::Config;
use essaylint::diagnostic::Applicability;
use essaylint::fix;
use essaylint::input::{self, Format, InputError};
use essaylint::output::{self, sanitize, stream};
use essaylint::Report;
use essaylint::{catalog as rules, Category, Severity};
use select::{Configs, Selection};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
    Rules {
        /// Print the rule table in Markdown (as in the README), with each rule's fix.
        #[arg(long)]
        markdown: bool,
    },
    /// Print a rule's full documentation.
    Explain {
        /// The rule's name, as `essaylint rules` lists it.
        rule: String,
    },
    /// Print the text essaylint checks in a file (for DOCX, the text it extracts, which spans and
    /// line numbers refer to).
    Extract(ExtractArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the essay's name table: each name, its uses, its variant spellings.
    Names {
        /// The essay to read.
        path: PathBuf,
        /// Configuration file (default: essaylint.toml in this folder or a parent).
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Run the language server (LSP over standard input and output) for editors.
    Lsp,
    /// Show each cited source, the lines citing it, and the works-cited entry it matches.
    Citations {
        /// The essay to read.
        path: PathBuf,
        /// Configuration file (default: essaylint.toml in this folder or a parent).
        #[arg(long)]
        config: Option<PathBuf>,
    },
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// The file; `-` reads standard input.
    path: PathBuf,
    /// Read the input as this format instead of choosing by extension.
    #[arg(long, value_enum)]
    input_format: Option<InFormat>,
    /// Print the prose view instead: markup, code, maths and addresses replaced by spaces.
    #[arg(long)]
    prose: bool,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or folders to check; `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutFormat::Human)]
    format: OutFormat,
    /// Configuration file for every input (default: the nearest essaylint.toml or
    /// .essaylint.toml above each checked file).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Exit 1 when a diagnostic at this level or above is shown.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    fail_on: FailOn,
    /// Show only diagnostics at this level or above.
    #[arg(long, value_enum, default_value_t = FailOn::Advice)]
    min_level: FailOn,
    /// Check only these rules or categories (comma-separated; replaces the configuration's set).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    select: Vec<String>,
    /// Check these rules or categories too (comma-separated; turns on rules that are off by default).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    extend_select: Vec<String>,
    /// Do not check these rules or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    ignore: Vec<String>,
    /// The name standard input is shown under, whose extension chooses its format and whose
    /// folder chooses its configuration.
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// Write the report to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output_file: Option<PathBuf>,
    /// Write HTML pages into this folder (created if missing): one page per essay and
    /// index.html, the class summary linking to them.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["output_file", "statistics", "diff"])]
    output_dir: Option<PathBuf>,
    /// Print how many diagnostics each rule gave instead of the diagnostics.
    #[arg(long, conflicts_with_all = ["fix", "diff"])]
    statistics: bool,
    /// Print the diagnostics and nothing else: no summary lines, no notes on what was fixed.
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Print the configuration each input would be checked with, and check nothing.
    #[arg(long)]
    show_config: bool,
    /// Read inputs as this format instead of choosing by extension.
    #[arg(long, value_enum)]
    input_format: Option<InFormat>,
    /// A BibTeX/BibLaTeX (.bib) or CSL-JSON (.json) bibliography whose keys the essays cite, in
    /// addition to the files they name themselves (`\bibliography{…}`, `\addbibresource{…}`,
    /// pandoc `bibliography:`); may be given more than once.
    #[arg(long, value_name = "FILE")]
    bibliography: Vec<PathBuf>,
    /// Colour in the human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Apply the safe fixes (doubled words, single-correction typos, dialect spellings) and
    /// rewrite the files; then report what is left. Not for standard input or DOCX.
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// Show the safe fixes as a unified diff, without writing anything.
    #[arg(long)]
    diff: bool,
    /// With --fix or --diff: include the unsafe fixes (those that may change the meaning).
    /// Display-only fixes are never applied.
    #[arg(long = "unsafe")]
    unsafe_fixes: bool,
    /// Check this many files at once (default: one per core). Reports are written in the
    /// files' order whatever the number.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutFormat {
    /// rustc-style report for people
    Human,
    /// Machine-readable report (see the README)
    Json,
    /// SARIF 2.1.0, for code-scanning tools
    Sarif,
    /// GitHub Actions workflow annotations (and a job summary where GITHUB_STEP_SUMMARY is set)
    Github,
    /// One line per diagnostic: path:line:col: severity[rule] message
    Concise,
    /// One self-contained HTML page: the essay with highlights and notes
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum InFormat {
    Plain,
    Markdown,
    Latex,
    Docx,
}

impl InFormat {
    fn format(self) -> Format {
        match self {
            InFormat::Plain => Format::Plain,
            InFormat::Markdown => Format::Markdown,
            InFormat::Latex => Format::Latex,
            InFormat::Docx => Format::Docx,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Advice,
    Warning,
    Error,
}

impl FailOn {
    fn severity(self) -> Severity {
        match self {
            FailOn::Advice => Severity::Advice,
            FailOn::Warning => Severity::Warning,
            FailOn::Error => Severity::Error,
        }
    }
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
        Command::Extract(args) => extract(args),
        Command::Citations { path, config } => citations(&path, config.as_deref()),
        Command::Rules { markdown: true } => print(&rules::markdown_table()),
        Command::Rules { markdown: false } => {
            let mut out = String::new();
            for r in rules::all() {
                let m = r.meta();
                out.push_str(&format!(
                    "{:<26} {:<11} {:<8} {}{}\n",
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
        Command::Explain { rule: name } => match rules::find(&name) {
            Some(r) => {
                let m = r.meta();
                let mut out = format!(
                    "{} ({}, {} by default)\n\n",
                    m.name,
                    m.category.as_str(),
                    m.severity.as_str()
                );
                out.push_str(&m.docs());
                if std::io::stdout().is_terminal() {
                    out = plain_markdown(&out);
                }
                print(&out)
            }
            None => {
                let hint = select::did_you_mean(&name)
                    .filter(|n| rules::find(n).is_some())
                    .map(|n| format!("; did you mean `{n}`?"))
                    .unwrap_or_default();
                eprintln!(
                    "essaylint: no rule named `{}`{hint} (see `essaylint rules`)",
                    sanitize::escape_line(&name)
                );
                2
            }
        },
        Command::Names { path, config } => names(&path, config.as_deref()),
        Command::Lsp => lsp::run(),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "essaylint", &mut out);
            print(&String::from_utf8_lossy(&out))
        }
    }
}

/// `essaylint names FILE`: the name table of one essay.
fn names(path: &Path, config: Option<&Path>) -> i32 {
    table(path, config, |src, config| {
        essaylint::names_table(src, config, &path.display().to_string())
    })
}

/// `essaylint citations FILE`: the citation table of one essay.
fn citations(path: &Path, config: Option<&Path>) -> i32 {
    table(path, config, essaylint::citations_table)
}

/// Reads one essay with its configuration and prints a table made from its model.
fn table(
    path: &Path,
    config: Option<&Path>,
    render: impl Fn(essaylint::Source, &Config) -> String,
) -> i32 {
    let Some(config) = load_config(config) else {
        return 2;
    };
    match input::read_file(path, None) {
        Ok(mut src) => {
            for n in input::bibfile::attach(&mut src, path.parent(), &[]) {
                eprintln!(
                    "essaylint: {}: {}",
                    sanitize::escape_line(&path.display().to_string()),
                    sanitize::escape_line(&n)
                );
            }
            print(&sanitize::escape(&render(src, &config)))
        }
        Err(e) => {
            eprintln!(
                "essaylint: {}: {}",
                sanitize::escape_line(&path.display().to_string()),
                describe(&e, path)
            );
            2
        }
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

/// Where an input came from: how its failures count.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Origin {
    Stdin,
    /// Named on the command line: a failure to read it is an error.
    Named,
    /// Found in a folder: binary files are skipped with a note.
    Walked,
}

struct Input {
    shown: String,
    path: PathBuf,
    origin: Origin,
}

/// What became of one input.
struct Done {
    report: Report,
    /// Fixes applied (or, with --diff, that would be).
    changes: Vec<fix::Change>,
    /// The unified diff, with --diff.
    diff: String,
}

/// What a worker hands the writer for one input: its report already rendered as a part.
#[derive(Default)]
struct Checked {
    notes: Vec<String>,
    failed: bool,
    changes: Vec<fix::Change>,
    diff: String,
    part: Option<stream::Part>,
}

#[derive(Default)]
struct Outcome {
    done: Option<Done>,
    /// Lines for standard error, in order.
    notes: Vec<String>,
    failed: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Check,
    Fix,
    Diff,
}

/// The configuration from `--config FILE`, or found from the current folder; an error is
/// printed (naming the file and line) and `None` returned.
fn load_config(path: Option<&Path>) -> Option<Config> {
    let config = match path {
        Some(p) => rules::load_config(p),
        None => {
            rules::discover_config(&std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")))
        }
    };
    config
        .map_err(|e| eprintln!("essaylint: {}", sanitize::escape(&e.to_string())))
        .ok()
}

fn check(args: CheckArgs) -> i32 {
    let selection = Selection {
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
    };
    if let Err(e) = selection.validate() {
        eprintln!("essaylint: {e}");
        return 2;
    }
    let mut configs = match Configs::new(args.config.as_deref(), selection) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("essaylint: {e}");
            return 2;
        }
    };
    let forced = args.input_format.map(InFormat::format);
    let mode = if args.fix {
        Mode::Fix
    } else if args.diff {
        Mode::Diff
    } else {
        Mode::Check
    };
    if args.unsafe_fixes && mode == Mode::Check {
        eprintln!("essaylint: --unsafe goes with --fix or --diff");
        return 2;
    }
    let threshold = if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    if mode == Mode::Fix && args.paths.iter().any(|p| p.as_os_str() == "-") {
        eprintln!(
            "essaylint: --fix cannot rewrite standard input: give the file's name, or use --diff to see the changes"
        );
        return 2;
    }

    let mut failed = false;
    let mut inputs: Vec<Input> = Vec::new();
    for p in &args.paths {
        if p.as_os_str() == "-" {
            let named = args.stdin_filename.clone();
            inputs.push(Input {
                shown: named
                    .as_ref()
                    .map_or_else(|| "-".into(), |n| n.display().to_string()),
                path: named.unwrap_or_else(|| p.clone()),
                origin: Origin::Stdin,
            });
        } else if p.is_dir() {
            let mut found = Vec::new();
            failed |= !guard::walk(p, &mut found);
            if found.is_empty() {
                eprintln!(
                    "essaylint: {}: no files to check in this folder (looked for .{})",
                    sanitize::escape_line(&p.display().to_string()),
                    EXTENSIONS.join(", .")
                );
                failed = true;
            }
            found.sort();
            inputs.extend(found.into_iter().map(|f| Input {
                shown: f.display().to_string(),
                path: f,
                origin: Origin::Walked,
            }));
        } else {
            inputs.push(Input {
                shown: p.display().to_string(),
                path: p.clone(),
                origin: Origin::Named,
            });
        }
    }
    // Each input's configuration: the nearest one above it (read once per folder), with the
    // command line's selection applied.
    let mut input_configs: Vec<Arc<Config>> = Vec::with_capacity(inputs.len());
    for inp in &inputs {
        let at = (inp.path.as_os_str() != "-").then_some(inp.path.as_path());
        match configs.for_path(at) {
            Ok(c) => input_configs.push(c),
            Err(e) => {
                eprintln!("essaylint: {e}");
                return 2;
            }
        }
    }
    if args.show_config {
        return print(&show_config(&inputs, &input_configs));
    }
    // Standard input is read once, before the parallel work, within the input size limit.
    let stdin = if let Some(k) = inputs.iter().position(|i| i.origin == Origin::Stdin) {
        input::files::read_limited(std::io::stdin(), input_configs[k].max_input_bytes())
            .map_err(|e| e.to_string())
    } else {
        Ok(Vec::new())
    };

    let min = args.min_level.severity();
    if args.output_dir.is_some() && !matches!(args.format, OutFormat::Human | OutFormat::Html) {
        eprintln!("essaylint: --output-dir writes HTML pages: use it without --format, or with --format html");
        return 2;
    }
    let format = if args.statistics {
        stream::Format::Statistics
    } else if args.output_dir.is_some() {
        stream::Format::Pages
    } else {
        match args.format {
            OutFormat::Json => stream::Format::Json,
            OutFormat::Sarif => stream::Format::Sarif,
            OutFormat::Github => stream::Format::Github,
            OutFormat::Html => stream::Format::Html,
            OutFormat::Concise => stream::Format::Concise {
                summary: !args.quiet,
            },
            OutFormat::Human => stream::Format::Human(output::human::Options {
                color: match args.color {
                    ColorChoice::Always => true,
                    ColorChoice::Never => false,
                    ColorChoice::Auto => {
                        args.output_file.is_none()
                            && std::io::stdout().is_terminal()
                            && std::env::var_os("NO_COLOR").is_none()
                    }
                },
                width: terminal_width(),
                summary: !args.quiet,
            }),
        }
    };
    // What --fix changed goes before the report for people: hold the report until the end then.
    let hold = mode == Mode::Fix && matches!(format, stream::Format::Human(_)) && !args.quiet;
    // A diff goes to standard output, as `diff` does; a report where --output-file says.
    let out_path = args.output_file.as_deref().filter(|_| mode != Mode::Diff);
    let mut sink = Sink::new(out_path, hold);
    let mut writer = stream::Writer::new(format);
    if let Some(dir) = &args.output_dir {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!(
                "essaylint: cannot create {}: {e}",
                sanitize::escape_line(&dir.display().to_string())
            );
            return 2;
        }
        writer = writer.to_dir(dir);
    }
    // A progress bar on standard error for a run of several files, when standard error is a
    // terminal; never with the machine formats, whose readers are programs.
    let progress = progress_bar(
        inputs.len(),
        !args.quiet
            && mode != Mode::Diff
            && !matches!(
                format,
                stream::Format::Json | stream::Format::Sarif | stream::Format::Github
            ),
    );
    let mut fix_lines = String::new();
    let mut diffs = false;
    let mut write_failed = false;

    // Files are checked (and their parts rendered) on several threads and written in order as
    // each is done; a few reports are held at once, however many files there are. One file's
    // failure, even a panic, never stops the others.
    guard::install_panic_hook();
    let threads = args.threads.map(usize::from).unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    pool::ordered(
        inputs.len(),
        threads,
        threads * 4,
        |k| {
            let inp = &inputs[k];
            guard::isolate(&sanitize::escape_line(&inp.shown), || {
                let o = process(
                    inp,
                    &stdin,
                    forced,
                    &input_configs[k],
                    mode,
                    threshold,
                    &args.bibliography,
                );
                let mut c = Checked {
                    notes: o.notes,
                    failed: o.failed,
                    ..Checked::default()
                };
                if let Some(d) = o.done {
                    c.changes = d.changes;
                    c.diff = d.diff;
                    if mode != Mode::Diff {
                        let mut report = d.report;
                        report.diagnostics.retain(|d| d.severity >= min);
                        c.part = Some(format.part(&inp.shown, report));
                    }
                }
                c
            })
            .unwrap_or_else(|note| Checked {
                notes: vec![note],
                failed: true,
                ..Checked::default()
            })
        },
        |k, o| {
            let inp = &inputs[k];
            progress.inc(1);
            progress.suspend(|| {
                for n in &o.notes {
                    eprintln!("essaylint: {}", sanitize::escape_line(n));
                }
            });
            failed |= o.failed;
            {
                if mode == Mode::Fix {
                    for c in &o.changes {
                        fix_lines.push_str(&format!(
                            "fixed {}:{}:{} {}: `{}` → `{}`\n",
                            sanitize::escape_line(&inp.shown),
                            c.line,
                            c.column,
                            c.rule,
                            sanitize::escape(&c.before.replace('\n', "↵")),
                            sanitize::escape(&c.after.replace('\n', "↵"))
                        ));
                    }
                }
                if !o.diff.is_empty() {
                    diffs = true;
                    if let Err(e) = sink.write_all(o.diff.as_bytes()) {
                        write_failed |= sink.report(&e);
                        return false;
                    }
                }
            }
            if let Some(part) = o.part {
                let written =
                    progress.suspend(|| writer.push(part, &mut sink).and_then(|()| sink.flush()));
                for e in writer.take_errors() {
                    progress.suspend(|| eprintln!("essaylint: {}", sanitize::escape_line(&e)));
                    failed = true;
                }
                if let Err(e) = written {
                    write_failed |= sink.report(&e);
                    return false;
                }
            }
            true
        },
    );
    progress.finish_and_clear();

    if mode == Mode::Diff {
        if sink.finish(b"").map_err(|e| sink.report(&e)) == Err(true) || write_failed || failed {
            return 2;
        }
        if !diffs {
            eprintln!("essaylint: no safe fixes to make");
            return 0;
        }
        return 1;
    }

    if writer.files() == 0 {
        if !failed {
            eprintln!("essaylint: nothing to check");
        }
        return 2;
    }
    if write_failed {
        return 2;
    }
    let finished = match writer.finish(&mut sink) {
        Ok(f) => f,
        Err(e) => {
            return if sink.report(&e) {
                2
            } else {
                i32::from(failed) * 2
            };
        }
    };
    if let Some((n, index)) = &finished.pages {
        if !args.quiet {
            eprintln!(
                "essaylint: wrote {n} page{} and the class summary: open {}",
                if *n == 1 { "" } else { "s" },
                sanitize::escape_line(&index.display().to_string())
            );
        }
    }
    if let Some(md) = &finished.step_summary {
        if let Some(p) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) {
            let written = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&p)
                .and_then(|mut f| f.write_all(md.as_bytes()));
            if let Err(e) = written {
                eprintln!(
                    "essaylint: cannot write the job summary to {}: {e}",
                    Path::new(&p).display()
                );
            }
        }
    }
    let mut before = Vec::new();
    if !fix_lines.is_empty() && !args.quiet {
        // What --fix changed: part of the report for people, on standard error otherwise so
        // the machine formats stay parseable.
        if hold {
            before = format!("{fix_lines}\n").into_bytes();
        } else {
            eprint!("{fix_lines}");
        }
    }
    if let Err(e) = sink.finish(&before) {
        if sink.report(&e) {
            return 2;
        }
    }
    if failed {
        return 2;
    }
    i32::from(finished.summary.reaches(args.fail_on.severity()))
}

/// A bar counting the files written, on standard error, for `n` files when `wanted`, there is
/// more than one file and standard error is a terminal; otherwise a hidden bar that draws nothing.
fn progress_bar(n: usize, wanted: bool) -> indicatif::ProgressBar {
    if !wanted || n < 2 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(n as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:30} {pos}/{len} files checked · {elapsed} (about {eta} left)",
    ) {
        bar.set_style(style);
    }
    bar
}

/// Where the report goes: standard output or `--output-file` (created when the first byte is
/// written, so a run that checks nothing leaves no file), written as it comes, or held in
/// memory until [`Sink::finish`] when something must come before it.
struct Sink {
    path: Option<PathBuf>,
    file: Option<std::io::BufWriter<std::fs::File>>,
    stdout: std::io::BufWriter<std::io::Stdout>,
    held: Option<Vec<u8>>,
}

impl Sink {
    fn new(path: Option<&Path>, hold: bool) -> Sink {
        Sink {
            path: path.map(Path::to_path_buf),
            file: None,
            stdout: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
            held: hold.then(Vec::new),
        }
    }

    fn out(&mut self) -> std::io::Result<&mut dyn Write> {
        if let Some(p) = &self.path {
            if self.file.is_none() {
                self.file = Some(std::io::BufWriter::with_capacity(
                    1 << 16,
                    std::fs::File::create(p)?,
                ));
            }
            return Ok(self.file.as_mut().expect("just opened"));
        }
        Ok(&mut self.stdout)
    }

    /// Writes `before`, then what was held, and flushes.
    fn finish(&mut self, before: &[u8]) -> std::io::Result<()> {
        let held = self.held.take();
        if !before.is_empty() {
            self.out()?.write_all(before)?;
        }
        if let Some(h) = held {
            if !h.is_empty() {
                self.out()?.write_all(&h)?;
            }
        }
        self.flush()
    }

    /// Says why writing failed; false for a closed pipe (the reader has seen enough), which is
    /// no failure.
    fn report(&self, e: &std::io::Error) -> bool {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return false;
        }
        match &self.path {
            Some(p) => eprintln!("essaylint: cannot write {}: {e}", p.display()),
            None => eprintln!("essaylint: cannot write output: {e}"),
        }
        true
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Some(h) = &mut self.held {
            h.extend_from_slice(buf);
            return Ok(buf.len());
        }
        self.out()?.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        if let Some(h) = &mut self.held {
            h.extend_from_slice(buf);
            return Ok(());
        }
        self.out()?.write_all(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.held.is_some() {
            return Ok(());
        }
        match &mut self.file {
            Some(f) => f.flush(),
            None if self.path.is_none() => self.stdout.flush(),
            None => Ok(()),
        }
    }
}

/// The terminal's width: `$COLUMNS`, else the terminal's own, else 100.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
        .filter(|w| *w >= 20)
        .unwrap_or(100)
}

/// `--show-config`: each distinct configuration, the inputs it applies to, its file, and every
/// rule's resulting level and options.
fn show_config(inputs: &[Input], configs: &[Arc<Config>]) -> String {
    let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
    for (inp, c) in inputs.iter().zip(configs) {
        let body = describe_config(c);
        match groups.iter_mut().find(|(b, _)| *b == body) {
            Some((_, names)) => names.push(&inp.shown),
            None => groups.push((body, vec![&inp.shown])),
        }
    }
    groups
        .iter()
        .map(|(body, names)| body.replacen("{for}", &names.join(", "), 1))
        .collect()
}

fn describe_config(c: &Config) -> String {
    let mut out = format!(
        "configuration: {}\n  for: {{for}}\n  dialect: {}\n  citation-style: {}\n  accept: {} word{}\n  names: {}\n  rules:\n",
        c.path
            .as_ref()
            .map_or_else(|| "(none found: defaults)".into(), |p| p.display().to_string()),
        c.dialect.as_deref().unwrap_or("decided by the essay"),
        c.citation_style.as_deref().unwrap_or("decided by the essay"),
        c.accept.len(),
        if c.accept.len() == 1 { "" } else { "s" },
        if c.names.is_empty() {
            "-".to_string()
        } else {
            c.names.join(", ")
        },
    );
    for r in rules::all() {
        let m = r.meta();
        let level = match c.level(m.name, m.category) {
            Some(essaylint::config::Level::Off) => "off".to_string(),
            Some(essaylint::config::Level::On(s)) => s.as_str().to_string(),
            None if m.default_off => "off (default)".to_string(),
            None => format!("{} (default)", m.severity.as_str()),
        };
        let mut opts: Vec<String> = c
            .options_of(m.name)
            .map(|o| {
                o.iter()
                    .map(|(k, v)| format!("{k} = {}", v.to_json()))
                    .collect()
            })
            .unwrap_or_default();
        opts.sort();
        out.push_str(&format!(
            "    {:<26} {level}{}\n",
            m.name,
            if opts.is_empty() {
                String::new()
            } else {
                format!("  [{}]", opts.join(", "))
            }
        ));
    }
    out
}

/// A rule's Markdown documentation for a terminal: headings and emphasis markers dropped.
fn plain_markdown(md: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in md.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            out.push_str("    ");
            out.push_str(line);
        } else {
            let l = line.trim_start_matches('#').trim_start();
            let l = if line.starts_with('#') {
                l.to_uppercase()
            } else {
                l.to_string()
            };
            out.push_str(&l.replace("**", "").replace('`', ""));
        }
        out.push('\n');
    }
    out
}

/// Reads, checks and (with --fix or --diff) fixes one input.
fn process(
    inp: &Input,
    stdin: &Result<Vec<u8>, String>,
    forced: Option<Format>,
    config: &Config,
    mode: Mode,
    threshold: Applicability,
    bibliographies: &[PathBuf],
) -> Outcome {
    #[cfg(debug_assertions)]
    guard::test_panic(&inp.path);
    let mut o = Outcome::default();
    let shown = &inp.shown;
    let limit = config.max_input_bytes();
    let bytes = if inp.origin == Origin::Stdin {
        stdin.clone().map_err(InputError::Format)
    } else {
        // Regular files only (a FIFO or device named here is refused), within the size limit.
        input::files::read_regular(&inp.path, limit)
    };
    let format = forced.or_else(|| {
        (inp.path.as_os_str() != "-")
            .then(|| Format::from_path(&inp.path))
            .flatten()
    });
    let loaded = bytes.and_then(|b| input::load_limited(&b, format, limit).map(|l| (b, l)));
    let (bytes, loaded) = match loaded {
        Ok(x) => x,
        Err(InputError::Empty) => {
            o.notes.push(format!("{shown}: empty: nothing to check"));
            return o;
        }
        Err(InputError::NotText) if inp.origin == Origin::Walked => {
            o.notes
                .push(format!("{shown}: skipped: not a text file (binary data)"));
            return o;
        }
        Err(e) => {
            o.notes
                .push(format!("{shown}: {}", describe(&e, &inp.path)));
            o.failed = true;
            return o;
        }
    };
    if let Some(n) = loaded.notice() {
        o.notes.push(format!("{shown}: {n}"));
    }
    let encoder = loaded.encoder();
    let input::Loaded {
        mut source, format, ..
    } = loaded;
    // The bibliography files the essay names (beside it) and those of --bibliography.
    let dir = inp.path.parent();
    for n in input::bibfile::attach(&mut source, dir, bibliographies) {
        o.notes.push(format!("{shown}: {n}"));
    }
    let external = source.apparatus.external.clone();
    let with_bib = |s: &mut essaylint::Source| s.apparatus.external = external.clone();
    let fixing = mode != Mode::Check;
    if fixing && !format.is_text() {
        o.notes.push(format!(
            "{shown}: not fixed: essaylint does not rewrite Word documents; make the suggested changes in Word"
        ));
    }
    if !fixing || !format.is_text() {
        let report = essaylint::check(source, config);
        warn_unknown_suppressions(&mut o, shown, &report);
        o.done = Some(Done {
            report,
            changes: Vec::new(),
            diff: String::new(),
        });
        return o;
    }

    let original = source.text;
    let out = fix::fix_with(original.clone(), format, config, threshold, &with_bib);
    warn_unknown_suppressions(&mut o, shown, &out.report);
    if out.skipped > 0 {
        o.notes.push(format!(
            "{shown}: {} fix{} left out (overlapping another fix, or reaching into markup): check by hand",
            out.skipped,
            if out.skipped == 1 { "" } else { "es" }
        ));
    }
    if !out.stable {
        o.notes.push(format!(
            "{shown}: fixing stopped after {} rounds with fixes still proposed; check the rest by hand",
            fix::MAX_ROUNDS
        ));
    }
    let mut done = Done {
        report: out.report,
        changes: Vec::new(),
        diff: String::new(),
    };
    if out.text != original {
        if mode == Mode::Diff {
            done.diff = fix::diff(shown, &original, &out.text);
            done.changes = out.changes;
        } else {
            match write_fixed(&inp.path, &bytes, &out.text, &encoder) {
                Ok(()) => {
                    o.notes.push(format!(
                        "{shown}: {} fix{} applied",
                        out.changes.len(),
                        if out.changes.len() == 1 { "" } else { "es" }
                    ));
                    done.changes = out.changes;
                }
                Err(why) => {
                    o.notes.push(format!("{shown}: not fixed: {why}"));
                    o.failed = true;
                    // The file is unchanged: report on what it holds.
                    let mut src = input::read_text(original, format);
                    with_bib(&mut src);
                    done.report = essaylint::check(src, config);
                }
            }
        }
    }
    o.done = Some(done);
    o
}

fn write_fixed(
    path: &Path,
    original: &[u8],
    text: &str,
    encoder: &input::Encoder,
) -> Result<(), String> {
    let bytes = encoder.encode(text)?;
    // Never write what essaylint itself could not read back as the same text.
    match input::load_bytes(&bytes, Some(encoder.format)) {
        Ok(l) if l.source.text == text && l.encoding == encoder.encoding => {}
        _ => {
            return Err(
                "the fixed text would not read back as the same text in the same encoding".into(),
            )
        }
    }
    fix::write_atomic(path, original, &bytes).map_err(|e| e.to_string())
}

/// Suppression comments naming neither a rule nor a category do nothing: say so.
fn warn_unknown_suppressions(o: &mut Outcome, shown: &str, report: &Report) {
    let doc = &report.document;
    let mut seen = std::collections::HashSet::new();
    for (span, names) in &doc.suppressions {
        for n in names {
            if rules::find(n).is_none() && Category::parse(n).is_none() && seen.insert(n.clone()) {
                let (line, _) = doc.line_col(span.start);
                o.notes.push(format!(
                    "{shown}:{line}: an essaylint-disable comment names `{n}`, which is neither a rule nor a category (see `essaylint rules`)"
                ));
            }
        }
    }
}

fn extract(args: ExtractArgs) -> i32 {
    let forced = args.input_format.map(InFormat::format);
    let shown = args.path.display().to_string();
    let loaded = if args.path.as_os_str() == "-" {
        input::files::read_limited(std::io::stdin(), input::DEFAULT_MAX_INPUT)
            .and_then(|buf| input::load_bytes(&buf, forced))
    } else {
        input::load_file(&args.path, forced)
    };
    match loaded {
        Ok(l) => {
            let mut t = if args.prose {
                l.source.masked.unwrap_or(l.source.text)
            } else {
                l.source.text
            };
            if !t.ends_with('\n') {
                t.push('\n');
            }
            // The text as it is for a pipe or a file; on a terminal, no control characters.
            if std::io::stdout().is_terminal() {
                t = sanitize::escape(&t).into_owned();
            }
            print(&t)
        }
        Err(e) => {
            eprintln!(
                "essaylint: {}: {}",
                sanitize::escape_line(&shown),
                describe(&e, &args.path)
            );
            2
        }
    }
}

/// Extensions essaylint reads when walking a folder.
const EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "tex", "docx"];

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

#[cfg(test)]
mod tests {
    use super::plain_markdown;

    #[test]
    fn explain_on_a_terminal_drops_markdown_markers() {
        let md = "# typo\n\n**What it does.** Reports `recieve`.\n\n```text\nI recieve it.\n```\n";
        let plain = plain_markdown(md);
        assert!(
            !plain.contains("**") && !plain.contains('`') && !plain.contains('#'),
            "{plain}"
        );
        assert!(plain.contains("TYPO") && plain.contains("What it does. Reports recieve."));
        assert!(plain.contains("    I recieve it."), "{plain}");
    }
}
