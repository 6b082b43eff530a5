//! The `crosscheck` binary: parse flags, run, map the outcome to an exit code.
//! 0 done; 1 the `--fail-on` condition holds (or a rule example failed); 2 usage or input
//! error, or bad rules. Nothing else exits.

use clap::Parser;
use crosscheck::cli::{Cli, Command, FailOn, Input, RulesCommand};
use crosscheck::judge::Verdict;
use crosscheck::rules::{self, RuleSet};
use crosscheck::{analyze, eval, ingest, report, ruledoc, ruletest};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// An error that ends the run with exit 2, already worded for the user.
struct Fatal(String);

/// The rules live as long as the process: they are never dropped, since freeing their
/// many small allocations at exit cost a tenth of a run on a small story.
fn load_rules(extra: &[PathBuf]) -> Result<&'static RuleSet, Fatal> {
    let mut sources = rules::default_sources();
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

/// Write `s` to `path` atomically: a temporary file beside it, then a rename.
fn write_atomic(path: &Path, s: &str) -> Result<(), Fatal> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let fail =
        |e: &dyn std::fmt::Display| Fatal(format!("error: cannot write {}: {e}", path.display()));
    let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(|e| fail(&e))?;
    tmp.write_all(s.as_bytes()).map_err(|e| fail(&e))?;
    tmp.persist(path).map_err(|e| fail(&e.error))?;
    Ok(())
}

fn emit(input: &Input, s: &str) -> Result<(), Fatal> {
    match &input.output {
        Some(path) => write_atomic(path, s),
        None => print(s),
    }
}

fn read_story(input: &Input, rules: &RuleSet) -> Result<ingest::Story, Fatal> {
    let story = ingest::ingest(&input.story, input.manifest.as_deref(), rules)
        .map_err(|e| Fatal(format!("error: {e}")))?;
    for w in &story.warnings {
        eprintln!("warning: {w}");
    }
    Ok(story)
}

fn run(cli: Cli) -> Result<ExitCode, Fatal> {
    match cli.command {
        Command::Check {
            input,
            format,
            fail_on,
        } => {
            let rules = load_rules(&input.rules)?;
            let story = read_story(&input, rules)?;
            let analysis = analyze(story, rules);
            emit(&input, &report::report(&analysis, format))?;
            let conflict = analysis
                .claims
                .iter()
                .any(|j| j.verdict == Verdict::Conflict);
            if fail_on == FailOn::Conflict && conflict {
                return Ok(ExitCode::from(1));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Claims { input, format } => {
            let rules = load_rules(&input.rules)?;
            let story = read_story(&input, rules)?;
            let analysis = analyze(story, rules);
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
            let story = read_story(&input, rules)?;
            let analysis = analyze(story, rules);
            let evaluation = eval::evaluate(&analysis, &labels);
            emit(&input, &eval::render(&analysis, &evaluation, verbose))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules {
            command: RulesCommand::Test { rules },
        } => {
            let rules = load_rules(&rules)?;
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
            let rules = load_rules(&rules)?;
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
