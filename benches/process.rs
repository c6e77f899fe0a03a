//! Whole-process benchmark: runs the built release binary as a child process (start-up, reading,
//! checking, rendering) on a 2,000-word essay, a 1 MB and a 10 MB text (the sample essay
//! repeated) and a folder of 2,000 essays, with `--format json` and the human format, output to
//! /dev/null. Prints wall time, CPU time (user + system of the child, from `wait4`), MB/s of CPU
//! and peak resident memory of the child. First, the start-up alone (a one-word file) and the CPU
//! after start-up of the 2,000-word essay and of the same essay with about 100 misspellings
//! (the spelling issue's budget: 15 ms).
//!
//! Run with `cargo bench --bench process`. Not a test: nothing here can fail on timing. On a
//! shared machine, read the CPU column: wall time includes waiting for a core. The folder is
//! also run on one core (`taskset -c 0`, where taskset exists) for the speed-up of the second.
//! `ESSAYLINT_BIN=path` measures another build (an older one, to compare).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What one run of the child cost.
#[derive(Clone, Copy)]
struct Cost {
    wall: Duration,
    cpu: Duration,
    /// Peak resident set, KiB (`ru_maxrss` on Linux).
    max_rss_kib: u64,
}

fn timeval(t: libc::timeval) -> Duration {
    Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
}

/// Runs the binary once on `input` with `format`, output to /dev/null, and measures it; with
/// `one_core`, under `taskset -c 0` (which execs the binary: the child measured is essaylint).
fn run(bin: &Path, input: &Path, format: &str, one_core: bool) -> Cost {
    let start = Instant::now();
    let mut cmd = if one_core {
        let mut c = Command::new("taskset");
        c.arg("-c").arg("0").arg(bin);
        c
    } else {
        Command::new(bin)
    };
    let child = cmd
        .arg("check")
        .arg("--format")
        .arg(format)
        .arg(input)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the essaylint binary starts");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: `rusage` is plain data that wait4 fills in; the child is ours and not yet reaped
    // (`Child` is dropped without waiting, which neither kills nor reaps it).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    assert_eq!(r, pid, "wait4 failed: {}", std::io::Error::last_os_error());
    // Exit code 1 means "problems found"; anything else (a crash, a usage error) spoils the figure.
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    assert!(
        code == 0 || code == 1,
        "essaylint exited with {code} on {input:?}"
    );
    drop(child);
    Cost {
        wall,
        cpu: timeval(usage.ru_utime) + timeval(usage.ru_stime),
        max_rss_kib: usage.ru_maxrss as u64,
    }
}

/// The median of each measure over `n` runs (each measure sorted on its own).
fn median(bin: &Path, input: &Path, format: &str, n: usize, one_core: bool) -> Cost {
    let costs: Vec<Cost> = (0..n).map(|_| run(bin, input, format, one_core)).collect();
    let mid = |mut v: Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let mut rss: Vec<u64> = costs.iter().map(|c| c.max_rss_kib).collect();
    rss.sort_unstable();
    Cost {
        wall: mid(costs.iter().map(|c| c.wall).collect()),
        cpu: mid(costs.iter().map(|c| c.cpu).collect()),
        max_rss_kib: rss[rss.len() / 2],
    }
}

/// The seed repeated (paragraphs apart) until it holds at least `bytes` bytes.
fn repeated(seed: &str, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + seed.len() + 2);
    while text.len() < bytes {
        text.push_str(seed);
        text.push_str("\n\n");
    }
    text
}

/// The seed's paragraphs, repeated in order until the text holds `words` words.
fn essay_of(seed: &str, words: usize) -> String {
    let paras: Vec<&str> = seed
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect();
    let mut text = String::new();
    let mut n = 0;
    for p in paras.iter().cycle() {
        if n >= words {
            break;
        }
        text.push_str(p);
        text.push_str("\n\n");
        n += p.split_whitespace().count();
    }
    text
}

/// The text with a slip in every `every`-th word of five letters or more, cycling through the
/// kinds people make (two letters swapped, one dropped, one doubled, a vowel changed): an essay
/// with many misspellings, each of which the speller ranks corrections for.
fn misspelled(text: &str, every: usize) -> (String, usize) {
    let mut out = String::with_capacity(text.len() + 64);
    let (mut long, mut slips) = (0usize, 0usize);
    for (k, piece) in text.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let b = piece.as_bytes();
        if b.len() >= 5 && b.iter().all(u8::is_ascii_lowercase) {
            long += 1;
            if long % every == 0 {
                let mut w = b.to_vec();
                match slips % 4 {
                    0 => w.swap(2, 3),
                    1 => {
                        w.remove(2);
                    }
                    2 => w.insert(3, w[3]),
                    _ => {
                        let v = w.iter().skip(1).position(|c| b"aeiou".contains(c));
                        if let Some(v) = v {
                            let c = &mut w[v + 1];
                            *c = if *c == b'e' { b'a' } else { b'e' };
                        }
                    }
                }
                slips += 1;
                out.push_str(std::str::from_utf8(&w).expect("ASCII"));
                continue;
            }
        }
        out.push_str(piece);
    }
    (out, slips)
}

fn main() {
    let bin = std::env::var_os("ESSAYLINT_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_essaylint")),
        PathBuf::from,
    );
    let taskset = Command::new("taskset")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let seed = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/stalinism.txt"));
    let dir = tempfile::tempdir().expect("a temporary directory");
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).expect("write a bench input");
        p
    };
    let plain = essay_of(seed, 2000);
    let essay = write("essay.txt", &plain);
    // About 100 misspellings in the 2,000 words (one long word in eight).
    let (typos_text, slips) = misspelled(&plain, 8);
    let typos = write("typos.txt", &typos_text);
    // One word: an empty file is refused ("nothing to check", exit 2).
    let empty = write("tiny.txt", "Hello.\n");
    let one_mb = write("1mb.txt", &repeated(seed, 1 << 20));
    let ten_mb = write("10mb.txt", &repeated(seed, 10 << 20));
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).expect("create the folder");
    let mut folder_bytes = 0;
    for i in 0..2000 {
        // Each essay differs a little (its number), as a class's essays do.
        let text = format!("Essay {i}\n\n{seed}");
        folder_bytes += text.len();
        std::fs::write(folder.join(format!("essay-{i:04}.txt")), text).expect("write an essay");
    }
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len() as usize).unwrap_or(0);
    let inputs: [(&str, &Path, usize, usize); 4] = [
        ("2,000-word essay", &essay, size(&essay), 9),
        ("1 MB text", &one_mb, size(&one_mb), 5),
        ("10 MB text", &ten_mb, size(&ten_mb), 3),
        ("folder of 2,000 essays", &folder, folder_bytes, 3),
    ];
    println!("binary: {}", bin.display());
    // Start-up alone (a one-word file), and the misspelled essay: the cost of checking is the
    // difference (the budget: 15 ms of CPU for 100 misspellings in 2,000 words).
    let start_up = median(&bin, &empty, "json", 15, false);
    let spelled = median(&bin, &essay, "json", 15, false);
    let misspelt = median(&bin, &typos, "json", 15, false);
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "start-up (one-word file): {:.1}ms CPU; 2,000-word essay: {:.1}ms after start-up; with {slips} misspellings: {:.1}ms after start-up",
        ms(start_up.cpu),
        ms(spelled.cpu.saturating_sub(start_up.cpu)),
        ms(misspelt.cpu.saturating_sub(start_up.cpu)),
    );
    println!(
        "{:<24} {:<6} {:>10} {:>10} {:>10} {:>10}",
        "input", "format", "wall", "CPU", "MB/s CPU", "peak RSS"
    );
    let row = |name: &str, format: &str, bytes: usize, c: Cost| {
        let mb = bytes as f64 / (1 << 20) as f64;
        println!(
            "{:<24} {:<6} {:>8.1}ms {:>8.1}ms {:>10.1} {:>7.1}MiB",
            name,
            format,
            c.wall.as_secs_f64() * 1e3,
            c.cpu.as_secs_f64() * 1e3,
            mb / c.cpu.as_secs_f64().max(1e-9),
            c.max_rss_kib as f64 / 1024.0
        );
    };
    for (name, path, bytes, n) in inputs {
        for format in ["json", "human"] {
            row(name, format, bytes, median(&bin, path, format, n, false));
        }
    }
    if taskset {
        let one = median(&bin, &folder, "json", 3, true);
        let two = median(&bin, &folder, "json", 3, false);
        row("folder, one core", "json", folder_bytes, one);
        row("folder, every core", "json", folder_bytes, two);
        println!(
            "folder speed-up from the other cores: {:.2}x wall ({} cores available; on a shared machine the other cores may be busy)",
            one.wall.as_secs_f64() / two.wall.as_secs_f64().max(1e-9),
            std::thread::available_parallelism().map_or(1, |n| n.get())
        );
    }
    println!("(medians of 9, 5, 3 and 3 runs; MB/s is input size over CPU time)");
}
