//! Throughput benchmark: the sample essay repeated to about 1 MB and 10 MB, linted with the
//! default configuration. Reports words per second and the process's peak memory.
//!
//! Run with `cargo bench --bench throughput`. Not a test: nothing here can fail on timing.

use essaylint::{Config, Source};
use std::time::{Duration, Instant};

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
}

fn main() {
    let seed = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/stalinism.txt"));
    let config = Config::default();
    // Warm up: parse the compiled-in dictionaries and word lists once, as a real run does.
    let warm = Instant::now();
    let _ = essaylint::check(Source::plain(seed), &config);
    println!(
        "first run (loads the compiled-in data): {:.1} ms",
        warm.elapsed().as_secs_f64() * 1e3
    );
    for &target in &[1usize << 20, 10 << 20] {
        let mut text = String::with_capacity(target + seed.len());
        while text.len() < target {
            text.push_str(seed);
            text.push_str("\n\n");
        }
        let mb = text.len() as f64 / (1 << 20) as f64;
        let mut best = Duration::MAX;
        let mut words = 0;
        let mut diags = 0;
        let runs = if target > 4 << 20 { 2 } else { 5 };
        for _ in 0..runs {
            let t = Instant::now();
            let report = essaylint::check(Source::plain(text.clone()), &config);
            best = best.min(t.elapsed());
            words = report.document.word_count();
            diags = report.diagnostics.len();
        }
        println!(
            "{mb:5.1} MB, {words} words: {:.0} ms, {:.2} M words/s, {diags} diagnostics, peak memory {} MiB",
            best.as_secs_f64() * 1e3,
            words as f64 / best.as_secs_f64() / 1e6,
            peak_rss_kib().map_or("?".to_string(), |k| (k / 1024).to_string()),
        );
        if target > 4 << 20 {
            breakdown(text, &config);
        }
    }
}

/// Where the time goes: building the model, then each rule on its own.
fn breakdown(text: String, config: &Config) {
    let mut rows = essaylint::profile(Source::plain(text), config);
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
    println!("  slowest parts on the 10 MB text:");
    for (name, d) in rows.iter().take(8) {
        println!("    {name:<26} {:7.0} ms", d.as_secs_f64() * 1e3);
    }
}
