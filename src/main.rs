//! The `crosscheck` binary: parse flags, run, map the outcome to an exit code.
//! 0 done; 1 the `--fail-on` condition holds (or a rule example failed); 2 usage or input
//! error, or bad rules. Nothing else exits.

use clap::Parser;
use crosscheck::cli::{Cli, Command, FailOn, Input, RulesCommand};
use crosscheck::judge::Verdict;
use crosscheck::report::{Format, Schema};
use crosscheck::rules::{self, RuleSet};
use crosscheck::{Analysis, analyze, archive, eval, ingest, report, ruledoc, ruletest};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// mimalloc rather than the system allocator: compiling patterns and reading the rules make
/// many small short-lived allocations, and glibc's malloc and free were a fifth of a small
/// story's run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// An error that ends the run with exit 2, already worded for the user.
struct Fatal(String);

/// The rules live as long as the process: they are never dropped, since freeing their
/// many small allocations at exit cost a tenth of a run on a small story. The default pack
/// comes without the examples only `rules test` reads ([`rules::lean_sources`]).
fn load_rules(extra: &[PathBuf]) -> Result<&'static RuleSet, Fatal> {
    load_pack(rules::lean_sources(), extra)
}

/// The default pack with every example, and `extra`: for `rules test` and `rules doc`.
fn load_whole_rules(extra: &[PathBuf]) -> Result<&'static RuleSet, Fatal> {
    load_pack(rules::default_sources(), extra)
}

fn load_pack(
    mut sources: Vec<rules::Source>,
    extra: &[PathBuf],
) -> Result<&'static RuleSet, Fatal> {
    for dir in extra {
        sources.extend(rules::dir_sources(dir).map_err(|e| Fatal(format!("error: {e}")))?);
    }
    let set = rules::load(&sources).map_err(|errs| {
        let lines: Vec<String> = errs.iter().map(|e| format!("error: {e}")).collect();
        Fatal(format!(
            "{}\n{} error(s) in the rules; nothing was checked",
            lines.join("\n"),
            errs.len()
        ))
    })?;
    Ok(Box::leak(Box::new(set)))
}

/// Write to stdout; a closed pipe (`| head`) is not an error.
fn print(s: &str) -> Result<(), Fatal> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Fatal(format!("error: cannot write to stdout: {e}"))),
    }
}

fn cannot_write(path: &Path, e: &dyn std::fmt::Display) -> Fatal {
    Fatal(format!("error: cannot write {}: {e}", path.display()))
}

/// Where `--output FILE` writes. A regular file, or a path where nothing is yet, is written
/// atomically: a temporary file beside it (with the umask's permissions, or the old file's)
/// becomes FILE at the end, so FILE is never left half-written. Anything else (a device such
/// as /dev/null, a named pipe, /proc/self/fd/1) is written straight through and never
/// replaced; a symbolic link is followed, so the link stays and its target is written.
enum Target {
    Atomic(tempfile::NamedTempFile, PathBuf),
    Direct(std::fs::File, PathBuf),
}

impl Target {
    fn open(path: &Path) -> Result<Target, Fatal> {
        let shown = path.to_path_buf();
        // /dev/stdout and /proc/self/fd/1 name an open file of some process: even when it
        // is a regular file, replacing it would cut that process off from it.
        if path.starts_with("/dev") || path.starts_with("/proc") {
            return Target::direct(path);
        }
        // Follows links: what matters is what would be written.
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_file() => {
                // The real file, so that a link to it stays a link; a link that cannot be
                // resolved to a path (a pipe behind /proc/self/fd/N) is written through.
                let Ok(real) = path.canonicalize() else {
                    return Target::direct(path);
                };
                let tmp = temp_beside(&real, Some(meta.permissions()))
                    .map_err(|e| cannot_write(&shown, &e))?;
                Ok(Target::Atomic(tmp, real))
            }
            Ok(_) => Target::direct(path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if std::fs::symlink_metadata(path).is_ok() {
                    // A link to a path where nothing is yet: create its target.
                    return Target::direct(path);
                }
                let tmp = temp_beside(path, None).map_err(|e| cannot_write(&shown, &e))?;
                Ok(Target::Atomic(tmp, shown))
            }
            Err(e) => Err(cannot_write(&shown, &e)),
        }
    }

    fn direct(path: &Path) -> Result<Target, Fatal> {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(path)
            .map_err(|e| cannot_write(path, &e))?;
        Ok(Target::Direct(file, path.to_path_buf()))
    }

    fn write(&mut self, s: &str) -> Result<(), Fatal> {
        let (result, path) = match self {
            Target::Atomic(tmp, path) => (tmp.write_all(s.as_bytes()), path),
            Target::Direct(file, path) => (file.write_all(s.as_bytes()), path),
        };
        result.map_err(|e| cannot_write(path, &e))
    }

    fn finish(self) -> Result<(), Fatal> {
        match self {
            Target::Atomic(tmp, path) => {
                tmp.persist(&path)
                    .map_err(|e| cannot_write(&path, &e.error))?;
            }
            Target::Direct(mut file, path) => {
                file.flush().map_err(|e| cannot_write(&path, &e))?;
            }
        }
        Ok(())
    }
}

/// A temporary file beside `path`, to be renamed onto it once complete: with `keep` (the
/// permissions of the file it replaces), else read-write for all less the umask, as any
/// new file (tempfile's own default, 0600, would hide a report from its readers).
fn temp_beside(
    path: &Path,
    keep: Option<std::fs::Permissions>,
) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(&dir)?;
    if let Some(perms) = keep {
        tmp.as_file().set_permissions(perms)?;
    }
    Ok(tmp)
}

/// Write `s` to `path`: see [`Target`].
fn write_output(path: &Path, s: &str) -> Result<(), Fatal> {
    let mut target = Target::open(path)?;
    target.write(s)?;
    target.finish()
}

/// Where `check --each` writes, story by story: stdout, or (`--output FILE`) a [`Target`].
enum Stream {
    Stdout,
    File(Target),
}

impl Stream {
    fn open(output: Option<&Path>) -> Result<Stream, Fatal> {
        Ok(match output {
            Some(path) => Stream::File(Target::open(path)?),
            None => Stream::Stdout,
        })
    }

    /// `Break` when stdout is a closed pipe: nobody reads what follows.
    fn write(&mut self, s: &str) -> Result<ControlFlow<()>, Fatal> {
        match self {
            Stream::Stdout => {
                let mut out = std::io::stdout().lock();
                match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
                    Ok(()) => Ok(ControlFlow::Continue(())),
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                        Ok(ControlFlow::Break(()))
                    }
                    Err(e) => Err(Fatal(format!("error: cannot write to stdout: {e}"))),
                }
            }
            Stream::File(target) => {
                target.write(s)?;
                Ok(ControlFlow::Continue(()))
            }
        }
    }

    fn finish(self) -> Result<(), Fatal> {
        if let Stream::File(target) = self {
            target.finish()?;
        }
        Ok(())
    }
}

fn emit(input: &Input, s: &str) -> Result<(), Fatal> {
    match &input.output {
        Some(path) => write_output(path, s),
        None => print(s),
    }
}

fn read_story(input: &Input, rules: &RuleSet) -> Result<ingest::Story, Fatal> {
    let story = ingest::ingest_limited(
        &input.story,
        input.manifest.as_deref(),
        rules,
        input.max_file_bytes(),
    )
    .map_err(|e| Fatal(format!("error: {e}")))?;
    for w in &story.warnings {
        eprintln!("warning: {w}");
    }
    Ok(story)
}

/// Read and analyze a story, with the warnings of each step on stderr as it comes (the
/// analysis adds its own: publication dates it had to assume).
fn read_and_analyze<'r>(input: &Input, rules: &'r RuleSet) -> Result<Analysis<'r>, Fatal> {
    let story = read_story(input, rules)?;
    Ok(analyze_and_warn(story, rules))
}

/// Analyze a story read already (its reading warnings printed), printing the warnings the
/// analysis adds.
fn analyze_and_warn(story: ingest::Story, rules: &RuleSet) -> Analysis<'_> {
    let read = story.warnings.len();
    let analysis = analyze(story, rules);
    for w in &analysis.story.warnings[read..] {
        eprintln!("warning: {w}");
    }
    analysis
}

fn has_conflict(analysis: &Analysis) -> bool {
    analysis
        .claims
        .iter()
        .any(|j| j.verdict == Verdict::Conflict)
}

/// One story of `check --each`, done on a worker thread: its section or JSON line, ready
/// to write.
struct Checked {
    name: String,
    text: String,
    warnings: Vec<String>,
    /// Why the story could not be checked.
    error: Option<String>,
    conflict: bool,
}

impl Checked {
    fn failed(dir: &Path, error: String, format: Format, schema: Schema) -> Checked {
        let name = archive::story_name(dir);
        Checked {
            text: report::story_entry(&name, Err(&error), format, schema),
            name,
            warnings: Vec::new(),
            error: Some(error),
            conflict: false,
        }
    }
}

fn check_story(
    dir: &Path,
    extractors: &archive::Extractors,
    format: Format,
    schema: Schema,
    max_file_size: u64,
) -> Checked {
    let story = match ingest::ingest_limited(dir, None, extractors.rules(), max_file_size) {
        Ok(story) => story,
        Err(e) => return Checked::failed(dir, e.to_string(), format, schema),
    };
    let analysis = extractors.analyze(story);
    Checked {
        name: analysis.story.name.clone(),
        text: report::story_entry(&analysis.story.name, Ok(&analysis), format, schema),
        warnings: analysis.story.warnings.clone(),
        error: None,
        conflict: has_conflict(&analysis),
    }
}

/// A bar on stderr when it is a terminal; hidden (drawing nothing) otherwise.
fn progress_bar(stories: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(stories as u64);
    let style = ProgressStyle::with_template("{bar:40} {pos}/{len} stories, {elapsed} (eta {eta})")
        .expect("valid template");
    bar.set_style(style);
    bar
}

/// `check --each`: every story of an archive (or of a list on stdin), rules loaded once,
/// stories in parallel, output in list order. A story that cannot be checked is reported
/// in its place and the run goes on; exit 2 if any could not, else 1 if `--fail-on` holds
/// for any story.
fn check_each(
    input: &Input,
    format: Format,
    schema: Schema,
    fail_on: FailOn,
    rules: &RuleSet,
) -> Result<ExitCode, Fatal> {
    let stories = if input.story.as_os_str() == "-" {
        archive::read_list(std::io::stdin().lock()).map_err(|e| {
            Fatal(format!(
                "error: cannot read the list of story folders on stdin: {e}"
            ))
        })?
    } else {
        archive::list(&input.story).map_err(|e| {
            Fatal(format!(
                "error: {}: cannot read the archive folder: {e}",
                input.story.display()
            ))
        })?
    };
    if stories.is_empty() {
        return Err(Fatal(format!(
            "error: {}: no story folders",
            input.story.display()
        )));
    }
    let mut stream = Stream::open(input.output.as_deref())?;
    let bar = progress_bar(stories.len());
    let extractors = archive::Extractors::new(rules);
    let (mut failed, mut conflict, mut fatal) = (0, false, None);
    archive::run(
        &stories,
        |dir| {
            // A bug in one story must not take the archive down with it.
            let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                check_story(dir, &extractors, format, schema, input.max_file_bytes())
            }))
            .unwrap_or_else(|panic| {
                let why = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                let error = format!("{}: internal error: {why}", dir.display());
                Checked::failed(dir, error, format, schema)
            });
            bar.inc(1);
            checked
        },
        |_, checked| {
            bar.suspend(|| {
                for w in &checked.warnings {
                    eprintln!("warning: {}: {w}", checked.name);
                }
                if let Some(e) = &checked.error {
                    eprintln!("error: {e}");
                    failed += 1;
                }
                conflict |= checked.conflict;
                stream.write(&checked.text).unwrap_or_else(|e| {
                    fatal = Some(e);
                    ControlFlow::Break(())
                })
            })
        },
    );
    bar.finish_and_clear();
    if let Some(e) = fatal {
        return Err(e);
    }
    stream.finish()?;
    if failed > 0 {
        eprintln!(
            "error: {failed} of {} stories could not be checked",
            stories.len()
        );
        return Ok(ExitCode::from(2));
    }
    // No baseline in archive mode: every conflict is new.
    if fail_on != FailOn::None && conflict {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The name of a format as `--format` spells it.
fn format_name(format: Format) -> String {
    use clap::ValueEnum;
    format
        .to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default()
}

/// `check -`: stdin as the one article of a story named "stdin" (file `stdin.txt`), read
/// from a temporary folder so that decoding and language detection are those of a file.
fn read_stdin_story(input: &Input, rules: &RuleSet) -> Result<ingest::Story, Fatal> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)
        .map_err(|e| Fatal(format!("error: cannot read the article on stdin: {e}")))?;
    let tmp = tempfile::tempdir()
        .map_err(|e| Fatal(format!("error: cannot make a temporary folder: {e}")))?;
    let dir = tmp.path().join("stdin");
    std::fs::create_dir(&dir)
        .and_then(|_| std::fs::write(dir.join("stdin.txt"), &bytes))
        .map_err(|e| Fatal(format!("error: cannot keep the article from stdin: {e}")))?;
    let local = Input {
        story: dir,
        manifest: input.manifest.clone(),
        rules: Vec::new(),
        output: None,
        max_file_size: input.max_file_size,
    };
    read_story(&local, rules)
}

fn run(cli: Cli) -> Result<ExitCode, Fatal> {
    let no_color = std::env::var("NO_COLOR").ok();
    let term = std::env::var("TERM").ok();
    let color_choice = cli.color;
    // Colour only what goes to a terminal: never a file from --output.
    let color = |input: &Input| {
        input.output.is_none()
            && color_choice.enabled(
                std::io::stdout().is_terminal(),
                no_color.as_deref(),
                term.as_deref(),
            )
    };
    match cli.command {
        Command::Check {
            input,
            format,
            fail_on,
            each,
            schema,
            baseline,
        } => {
            if each && !report::streams(format) {
                return Err(Fatal(format!(
                    "error: --each writes one stream for many stories; --format {} is one \
                     document per story (use table, json or markdown, or check each folder)",
                    format_name(format)
                )));
            }
            let rules = load_rules(&input.rules)?;
            if each {
                return check_each(&input, format, schema, fail_on, rules);
            }
            let recorded = match &baseline {
                Some(path) => Some(
                    crosscheck::baseline::Baseline::read(path)
                        .map_err(|e| Fatal(format!("error: {e}")))?,
                ),
                None => None,
            };
            let stdin = input.story.as_os_str() == "-";
            let story = if stdin {
                read_stdin_story(&input, rules)?
            } else {
                read_story(&input, rules)?
            };
            let analysis = analyze_and_warn(story, rules);
            let comparison = recorded
                .as_ref()
                .map(|b| crosscheck::baseline::compare(&analysis, b));
            let options = report::Options {
                story_dir: (!stdin).then_some(input.story.as_path()),
                color: color(&input),
                baseline: comparison.as_ref(),
                schema,
            };
            emit(&input, &report::report_with(&analysis, format, &options))?;
            let fails = match fail_on {
                FailOn::Conflict => has_conflict(&analysis),
                // Without a baseline every conflict is new.
                FailOn::NewConflict => comparison
                    .as_ref()
                    .map_or(has_conflict(&analysis), |c| c.has_new()),
                FailOn::None => false,
            };
            Ok(if fails {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Baseline { input } => {
            let Some(output) = &input.output else {
                return Err(Fatal(
                    "error: baseline needs --output FILE (where to record the conflicts)"
                        .to_string(),
                ));
            };
            let rules = load_rules(&input.rules)?;
            let story = read_story(&input, rules)?;
            let analysis = analyze_and_warn(story, rules);
            let recorded = crosscheck::baseline::record(&analysis);
            write_output(output, &recorded.to_toml())?;
            eprintln!(
                "recorded {} conflict(s) of {} in {}",
                recorded.conflicts.len(),
                recorded.story,
                output.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Claims { input, format } => {
            if !report::streams(format) {
                return Err(Fatal(format!(
                    "error: claims prints table, json or markdown, not {}",
                    format_name(format)
                )));
            }
            let rules = load_rules(&input.rules)?;
            let analysis = read_and_analyze(&input, rules)?;
            emit(&input, &report::claims(&analysis, format))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            input,
            expected,
            verbose,
        } => {
            let rules = load_rules(&input.rules)?;
            let path = expected.unwrap_or_else(|| input.story.join("expected.toml"));
            let labels = eval::read_labels(&path).map_err(|e| Fatal(format!("error: {e}")))?;
            let analysis = read_and_analyze(&input, rules)?;
            let evaluation = eval::evaluate(&analysis, &labels);
            emit(&input, &eval::render(&analysis, &evaluation, verbose))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Init { input } => {
            let rules = load_rules(&input.rules)?;
            let target = input
                .output
                .clone()
                .unwrap_or_else(|| input.story.join("story.toml"));
            if target.exists() && input.output.is_none() {
                return Err(Fatal(format!(
                    "error: {} exists; init never overwrites a manifest (pass --output FILE \
                     to write the draft elsewhere)",
                    target.display()
                )));
            }
            let analysis = read_and_analyze(&input, rules)?;
            write_output(&target, &report::manifest_draft(&analysis))?;
            eprintln!(
                "wrote {} ({} sources): check each inferred field",
                target.display(),
                analysis.story.articles.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules {
            command: RulesCommand::Test { rules },
        } => {
            let rules = load_whole_rules(&rules)?;
            let run = ruletest::run(rules);
            let mut out = String::new();
            for (name, passed, total) in &run.groups {
                out.push_str(&format!("{passed:>4}/{total:<4} {name}\n"));
            }
            for f in &run.failures {
                out.push_str(&format!("FAIL {f}\n"));
            }
            out.push_str(&format!(
                "{} examples: {} passed, {} failed\n",
                run.total(),
                run.passed,
                run.failures.len()
            ));
            print(&out)?;
            Ok(if run.failures.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Rules {
            command: RulesCommand::List { rules },
        } => {
            let rules = load_rules(&rules)?;
            let mut out = String::new();
            for f in &rules.frames {
                let langs: std::collections::BTreeSet<&str> = f
                    .triggers
                    .keys()
                    .chain(f.words.keys())
                    .map(String::as_str)
                    .collect();
                let langs: Vec<&str> = langs.into_iter().collect();
                out.push_str(&format!(
                    "{:<16} {:<9} {:<18} {}\n",
                    f.id,
                    f.kind.as_str(),
                    langs.join(","),
                    f.summary
                ));
            }
            print(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules {
            command: RulesCommand::Doc { rules },
        } => {
            let rules = load_whole_rules(&rules)?;
            print(&ruledoc::render(rules))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(Fatal(msg)) => {
            eprintln!("{msg}");
            ExitCode::from(2)
        }
    }
}
