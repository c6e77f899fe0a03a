//! Command-line parsing, file discovery, and printing. The only part of essaylint that prints.

use clap::{Parser, Subcommand, ValueEnum};
use essaylint::config::Config;
use essaylint::diagnostic::Applicability;
use essaylint::engine::{self, Report};
use essaylint::fix;
use essaylint::input::{self, Encoding, Format, InputError};
use essaylint::output::{self, FileReport};
use essaylint::{rules, Category, Severity};
use rayon::prelude::*;
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
    /// Print the text essaylint checks in a file (for DOCX, the text it extracts, which spans and
    /// line numbers refer to).
    Extract(ExtractArgs),
    /// Print the essay's name table: each name, its uses, its variant spellings.
    Names {
        /// The essay to read.
        path: PathBuf,
        /// Configuration file (default: essaylint.toml in this folder or a parent).
        #[arg(long)]
        config: Option<PathBuf>,
    },
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
}

#[derive(Clone, Copy, ValueEnum)]
enum OutFormat {
    /// rustc-style report for people
    Human,
    /// Machine-readable report (see the README)
    Json,
    /// SARIF 2.1.0, for code-scanning tools
    Sarif,
    /// GitHub Actions workflow annotations
    Github,
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
        Command::Rules => {
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
                print(&out)
            }
            None => {
                eprintln!("essaylint: no rule named `{name}` (see `essaylint rules`)");
                2
            }
        },
        Command::Names { path, config } => names(&path, config.as_deref()),
    }
}

/// `essaylint names FILE`: the name table of one essay.
fn names(path: &Path, config: Option<&Path>) -> i32 {
    table(path, config, |doc, config| {
        essaylint::names::render_table(doc, config, &path.display().to_string())
    })
}

/// `essaylint citations FILE`: the citation table of one essay.
fn citations(path: &Path, config: Option<&Path>) -> i32 {
    table(path, config, essaylint::citations::table)
}

/// Reads one essay with its configuration and prints a table made from its model.
fn table(
    path: &Path,
    config: Option<&Path>,
    render: impl Fn(&essaylint::Document, &Config) -> String,
) -> i32 {
    let Some(config) = load_config(config) else {
        return 2;
    };
    match input::read_file(path, None) {
        Ok(src) => print(&render(&essaylint::analysis::build(src), &config)),
        Err(e) => {
            eprintln!("essaylint: {}: {}", path.display(), describe(&e, path));
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
    config.map_err(|e| eprintln!("essaylint: {e}")).ok()
}

fn check(args: CheckArgs) -> i32 {
    let Some(config) = load_config(args.config.as_deref()) else {
        return 2;
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
            inputs.push(Input {
                shown: "-".into(),
                path: p.clone(),
                origin: Origin::Stdin,
            });
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
    // Standard input is read once, before the parallel work.
    let stdin = if inputs.iter().any(|i| i.origin == Origin::Stdin) {
        let mut buf = Vec::new();
        match std::io::stdin().read_to_end(&mut buf) {
            Ok(_) => Ok(buf),
            Err(e) => Err(e),
        }
    } else {
        Ok(Vec::new())
    };

    let outcomes: Vec<Outcome> = inputs
        .par_iter()
        .map(|inp| process(inp, &stdin, forced, &config, mode, threshold))
        .collect();

    let mut reports: Vec<(String, Report)> = Vec::new();
    let mut diffs = String::new();
    let mut fix_lines = String::new();
    for (inp, o) in inputs.iter().zip(outcomes) {
        for n in &o.notes {
            eprintln!("essaylint: {n}");
        }
        failed |= o.failed;
        if let Some(d) = o.done {
            if mode == Mode::Fix && !d.changes.is_empty() {
                for c in &d.changes {
                    fix_lines.push_str(&format!(
                        "fixed {}:{}:{} {}: `{}` → `{}`\n",
                        inp.shown,
                        c.line,
                        c.column,
                        c.rule,
                        c.before.replace('\n', "↵"),
                        c.after.replace('\n', "↵")
                    ));
                }
            }
            diffs.push_str(&d.diff);
            reports.push((inp.shown.clone(), d.report));
        }
    }

    if mode == Mode::Diff {
        if print(&diffs) != 0 {
            return 2;
        }
        if failed {
            return 2;
        }
        if diffs.is_empty() {
            eprintln!("essaylint: no safe fixes to make");
            return 0;
        }
        return 1;
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
    let mut text = match args.format {
        OutFormat::Json => output::json::render(&files),
        OutFormat::Sarif => output::sarif::render(&files),
        OutFormat::Github => output::github::render(&files),
        OutFormat::Html => output::html::render(&files),
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
    if !fix_lines.is_empty() {
        // What --fix changed: part of the report for people, on standard error otherwise so
        // the machine formats stay parseable.
        if matches!(args.format, OutFormat::Human) {
            text = format!("{fix_lines}\n{text}");
        } else {
            eprint!("{fix_lines}");
        }
    }
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

/// Reads, checks and (with --fix or --diff) fixes one input.
fn process(
    inp: &Input,
    stdin: &std::io::Result<Vec<u8>>,
    forced: Option<Format>,
    config: &Config,
    mode: Mode,
    threshold: Applicability,
) -> Outcome {
    let mut o = Outcome::default();
    let shown = &inp.shown;
    let bytes = if inp.origin == Origin::Stdin {
        match stdin {
            Ok(b) => Ok(b.clone()),
            Err(e) => Err(InputError::Io(std::io::Error::new(e.kind(), e.to_string()))),
        }
    } else {
        std::fs::read(&inp.path).map_err(InputError::Io)
    };
    let format = forced.or_else(|| {
        (inp.origin != Origin::Stdin)
            .then(|| Format::from_path(&inp.path))
            .flatten()
    });
    let loaded = bytes.and_then(|b| input::load_bytes(&b, format).map(|l| (b, l)));
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
    let input::Loaded {
        source,
        format,
        encoding,
    } = loaded;
    let fixing = mode != Mode::Check;
    if fixing && !format.is_text() {
        o.notes.push(format!(
            "{shown}: not fixed: essaylint does not rewrite Word documents; make the suggested changes in Word"
        ));
    }
    if !fixing || !format.is_text() {
        let report = engine::check(source, config);
        warn_unknown_suppressions(&mut o, shown, &report);
        o.done = Some(Done {
            report,
            changes: Vec::new(),
            diff: String::new(),
        });
        return o;
    }

    let original = source.text;
    let out = fix::fix_at(original.clone(), format, config, threshold);
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
            match write_fixed(&inp.path, &bytes, &out.text, encoding) {
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
                    let src = input::read_text(original, format);
                    done.report = engine::check(src, config);
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
    enc: Option<Encoding>,
) -> Result<(), String> {
    let bytes = input::encoding::encode(text, enc.unwrap_or(Encoding::Utf8))?;
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
        let mut buf = Vec::new();
        match std::io::stdin().read_to_end(&mut buf) {
            Ok(_) => input::load_bytes(&buf, forced),
            Err(e) => Err(InputError::Io(e)),
        }
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
            print(&t)
        }
        Err(e) => {
            eprintln!("essaylint: {shown}: {}", describe(&e, &args.path));
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

/// Files under `dir` in a format essaylint reads, skipping hidden files and whatever
/// `.gitignore`, `.ignore` and `.essaylintignore` files exclude (inside a Git repository or not).
fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(false)
        .require_git(false)
        .add_custom_ignore_filename(".essaylintignore")
        .build();
    for entry in walker {
        match entry {
            Ok(e) => {
                if !e.file_type().is_some_and(|t| t.is_file()) {
                    continue;
                }
                let p = e.into_path();
                if Format::from_path(&p).is_some() {
                    out.push(p);
                } else if let Some(why) = input::unsupported(&p) {
                    eprintln!("essaylint: {}: skipped: {why}", p.display());
                }
            }
            Err(e) => eprintln!("essaylint: {}: {e}", dir.display()),
        }
    }
}
