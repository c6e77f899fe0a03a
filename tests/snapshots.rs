//! Snapshots of the human and JSON reports on the sample essay. When a rule change moves them,
//! review the new report (`INSTA_UPDATE=always cargo test --test snapshots`, then `git diff`).

use essaylint::output::{self, FileReport};
use essaylint::{input, Config};

fn seed_report() -> essaylint::Report {
    let bytes = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/stalinism.txt"));
    let source = input::read_bytes(bytes, input::Format::Plain).unwrap();
    essaylint::check(source, &Config::default())
}

#[test]
fn seed_human() {
    let report = seed_report();
    let files = [FileReport {
        path: "seeds/stalinism.txt",
        report: &report,
    }];
    let text = output::human::render(
        &files,
        output::human::Options {
            color: false,
            width: 100,
            ..Default::default()
        },
    );
    insta::assert_snapshot!("seed_human", text);
}

#[test]
fn seed_json() {
    let report = seed_report();
    let files = [FileReport {
        path: "seeds/stalinism.txt",
        report: &report,
    }];
    let v: serde_json::Value = serde_json::from_str(&output::json::render(&files)).unwrap();
    insta::assert_json_snapshot!("seed_json", v);
}
