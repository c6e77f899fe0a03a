//! Build steps:
//!
//! - generates one `#[test]` per fixture under `tests/fixtures/` (see `tests/fixtures.rs`), so
//!   that `cargo test fixtures::<rule>` runs one rule's fixtures and `cargo test -- --list` names
//!   each;
//! - compiles the context model of the `confusable` rule (rules/confusable/context.txt) into
//!   sorted binary tables, so the binary loads it without parsing 100,000 lines at start-up.
//!   Writes into OUT_DIR: `cm_words.txt` (the words, sorted, one a line), `cm_uni.bin` (each
//!   word's unigram count, f32 little-endian, 0 when none), `cm_starts.bin` (where each word
//!   starts in `cm_words.txt`, u32, then one past its end), `cm_bo.bin` (its backoff weight,
//!   f32, 1 when none), `cm_keys.bin` (bigrams as sorted
//!   u64 keys `left << 32 | right` of word indexes) with `cm_counts.bin` (their counts, f32)
//!   and `cm_bo2.bin` (the backoff weight of each bigram as a context, f32, 1 when none),
//!   `cm_tri_keys.bin` (trigrams as sorted u64 keys `a << 42 | b << 21 | c`) with
//!   `cm_tri_vals.bin` (their corrections in tenths of a natural log, i8), and `cm_meta.txt`
//!   (the `N` and `T` records, as in context.txt);
//! - compiles the Hunspell stem table of `lexicon::pos` and the VARCON variant index of
//!   `lexicon::spell::variants` into hash tables read in place (see src/lexicon/stems_gen.rs and
//!   src/lexicon/spell/variants_gen.rs);
//! - collects the corrections of the typos dictionary (the set of
//!   `lexicon::spell::is_common_word`) into a table of the same kind.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn ident(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

#[path = "src/lexicon/spell/generate.rs"]
mod spelling_data;

#[path = "src/lexicon/stems_gen.rs"]
mod stems_gen;

#[path = "src/lexicon/spell/variants_gen.rs"]
mod variants_gen;

fn main() {
    spelling_data::run();
    fixture_tests();
    confusable_model();
    pos_stems();
    varcon_index();
    census_names();
    common_words();
}

/// The set of `lexicon::spell::is_common_word`: every correction the typos dictionary
/// (typos-dict, MIT) gives, as a table of `stems_gen::build` (value 1), sorted so the build is
/// reproducible. Collecting its 100,000 corrections into a hash set at run time was 8.5% of a
/// 2,000-word essay's instructions.
fn common_words() {
    let mut words: Vec<&str> = typos_dict::WORD
        .map
        .values()
        .flat_map(|v| v.iter().copied())
        .collect();
    words.sort_unstable();
    words.dedup();
    let order: Vec<(String, u16)> = words.iter().map(|w| (w.to_string(), 1)).collect();
    let (blob, records, slots) = stems_gen::build(&order);
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    let out = Path::new(&out);
    fs::write(out.join("common_blob.bin"), blob).unwrap();
    fs::write(out.join("common_records.bin"), records).unwrap();
    fs::write(out.join("common_slots.bin"), slots).unwrap();
}

/// The census name frequencies of `analysis::names::group::census_frequency`
/// (rules/names/census_names.txt), as a table of `stems_gen::build`: the lines of the data
/// grammar (`lexicon::lines`: trimmed, no comments, no `rule:`/`test:` lines), `name value`,
/// the last value kept for a name listed twice, lines whose value is not a number left out.
fn census_names() {
    let path = "rules/names/census_names.txt";
    println!("cargo:rerun-if-changed={path}");
    let src = fs::read_to_string(path).expect("rules/names/census_names.txt");
    let mut order: Vec<(String, u16)> = Vec::new();
    let mut at: std::collections::HashMap<String, usize> = Default::default();
    for l in src.lines().map(str::trim) {
        if l.is_empty()
            || l.starts_with('#')
            || l.starts_with("test:")
            || l.starts_with("test-silent:")
            || l.starts_with("rule:")
        {
            continue;
        }
        let Some((n, f)) = l.split_once(' ') else {
            continue;
        };
        let Ok(f) = f.trim().parse::<u32>() else {
            continue;
        };
        let f = u16::try_from(f).expect("census frequencies fit 16 bits");
        match at.get(n) {
            Some(&i) => order[i].1 = f,
            None => {
                at.insert(n.to_string(), order.len());
                order.push((n.to_string(), f));
            }
        }
    }
    let (blob, records, slots) = stems_gen::build(&order);
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    let out = Path::new(&out);
    fs::write(out.join("census_blob.bin"), blob).unwrap();
    fs::write(out.join("census_records.bin"), records).unwrap();
    fs::write(out.join("census_slots.bin"), slots).unwrap();
}

/// The VARCON variant index of `lexicon::spell::variants` (see src/lexicon/spell/variants_gen.rs).
fn varcon_index() {
    println!("cargo:rerun-if-changed=src/lexicon/spell/variants_gen.rs");
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    variants_gen::run(Path::new(&out));
}

/// The Hunspell stem table of `lexicon::pos` (see src/lexicon/stems_gen.rs).
fn pos_stems() {
    let (us, gb) = ("rules/dict/en_US.dic", "rules/dict/en_GB.dic");
    println!("cargo:rerun-if-changed={us}");
    println!("cargo:rerun-if-changed={gb}");
    println!("cargo:rerun-if-changed=src/lexicon/stems_gen.rs");
    let us = fs::read_to_string(us).expect("rules/dict/en_US.dic");
    let gb = fs::read_to_string(gb).expect("rules/dict/en_GB.dic");
    let (blob, records, slots) = stems_gen::build(&stems_gen::stems(&us, &gb));
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    let out = Path::new(&out);
    fs::write(out.join("pos_blob.bin"), blob).unwrap();
    fs::write(out.join("pos_records.bin"), records).unwrap();
    fs::write(out.join("pos_slots.bin"), slots).unwrap();
}

fn fixture_tests() {
    // The manifest folder as the build runs, not as the build script was compiled: a target
    // folder copied to another checkout must list that checkout's fixtures.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("tests/fixtures");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=tests/fixtures");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();
    // Module per rule folder (or `io`, `mixed`), test per file: fixtures::<rule>::<case>.
    let mut groups: std::collections::BTreeMap<String, Vec<(String, String)>> = Default::default();
    for f in &files {
        let rel = f
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let parts: Vec<&str> = rel.split('/').collect();
        let group = if parts.len() >= 3 { parts[1] } else { parts[0] };
        let case = parts.last().unwrap().trim_end_matches(".txt");
        groups
            .entry(ident(group))
            .or_default()
            .push((ident(case), rel.clone()));
    }
    let mut src = String::from("mod fixtures {\n");
    for (group, cases) in &groups {
        writeln!(src, "pub mod {group} {{").unwrap();
        for (case, rel) in cases {
            writeln!(
                src,
                "    #[test]\n    fn {case}() {{\n        crate::run({rel:?});\n    }}"
            )
            .unwrap();
        }
        writeln!(src, "}}").unwrap();
    }
    src.push_str("}\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("fixture_tests.rs");
    std::fs::write(out, src).unwrap();
}

fn confusable_model() {
    let src = "rules/confusable/context.txt";
    println!("cargo:rerun-if-changed={src}");
    let text = fs::read_to_string(src).expect("rules/confusable/context.txt");
    let mut uni: BTreeMap<&str, f64> = BTreeMap::new();
    let mut bo: BTreeMap<&str, f64> = BTreeMap::new();
    let mut bi: Vec<(&str, &str, f64, f32)> = Vec::new();
    let mut tri: Vec<(&str, &str, &str, i8)> = Vec::new();
    let mut meta = String::new();
    for line in text.lines() {
        let f: Vec<&str> = line.split_ascii_whitespace().collect();
        match f.first() {
            Some(&"U") if f.len() == 3 || f.len() == 4 => {
                uni.insert(f[1], f[2].parse().expect("a count"));
                if let Some(b) = f.get(3) {
                    bo.insert(f[1], b.parse().expect("a backoff weight"));
                }
            }
            Some(&"B") if f.len() == 4 || f.len() == 5 => bi.push((
                f[1],
                f[2],
                f[3].parse().expect("a count"),
                f.get(4)
                    .map_or(1.0, |b| b.parse().expect("a backoff weight")),
            )),
            Some(&"G") if f.len() == 5 => {
                let v: f64 = f[4].parse().expect("a trigram correction");
                tri.push((
                    f[1],
                    f[2],
                    f[3],
                    (v * 10.0).round().clamp(-127.0, 127.0) as i8,
                ));
            }
            Some(&"N") | Some(&"T") => {
                meta.push_str(line);
                meta.push('\n');
            }
            _ => {}
        }
    }
    let mut words: Vec<&str> = uni.keys().copied().collect();
    words.extend(bi.iter().flat_map(|&(a, b, _, _)| [a, b]));
    words.extend(tri.iter().flat_map(|&(a, b, c, _)| [a, b, c]));
    words.sort_unstable();
    words.dedup();
    let index = |w: &str| words.binary_search(&w).expect("a known word") as u64;
    let mut keys: Vec<(u64, f64, f32)> = bi
        .iter()
        .map(|&(a, b, c, bo)| (index(a) << 32 | index(b), c, bo))
        .collect();
    keys.sort_unstable_by_key(|k| k.0);
    let mut tkeys: Vec<(u64, i8)> = tri
        .iter()
        .map(|&(a, b, c, v)| (index(a) << 42 | index(b) << 21 | index(c), v))
        .collect();
    tkeys.sort_unstable_by_key(|k| k.0);
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    let out = Path::new(&out);
    fs::write(out.join("cm_words.txt"), words.join("\n")).unwrap();
    // Where each word starts in cm_words.txt, then one past the end: word `i` is the bytes
    // from `starts[i]` to one before `starts[i + 1]` (the `\n` between).
    let mut starts: Vec<u8> = Vec::with_capacity(4 * (words.len() + 1));
    let mut at = 0u32;
    for w in &words {
        starts.extend_from_slice(&at.to_le_bytes());
        at += u32::try_from(w.len()).expect("a short word") + 1;
    }
    starts.extend_from_slice(&at.to_le_bytes());
    fs::write(out.join("cm_starts.bin"), starts).unwrap();
    let uni_bytes: Vec<u8> = words
        .iter()
        .flat_map(|w| (uni.get(w).copied().unwrap_or(0.0) as f32).to_le_bytes())
        .collect();
    fs::write(out.join("cm_uni.bin"), uni_bytes).unwrap();
    let bo_bytes: Vec<u8> = words
        .iter()
        .flat_map(|w| (bo.get(w).copied().unwrap_or(1.0) as f32).to_le_bytes())
        .collect();
    fs::write(out.join("cm_bo.bin"), bo_bytes).unwrap();
    let key_bytes: Vec<u8> = keys.iter().flat_map(|k| k.0.to_le_bytes()).collect();
    fs::write(out.join("cm_keys.bin"), key_bytes).unwrap();
    let count_bytes: Vec<u8> = keys
        .iter()
        .flat_map(|k| (k.1 as f32).to_le_bytes())
        .collect();
    fs::write(out.join("cm_counts.bin"), count_bytes).unwrap();
    let bo2_bytes: Vec<u8> = keys.iter().flat_map(|k| k.2.to_le_bytes()).collect();
    fs::write(out.join("cm_bo2.bin"), bo2_bytes).unwrap();
    let tkey_bytes: Vec<u8> = tkeys.iter().flat_map(|k| k.0.to_le_bytes()).collect();
    fs::write(out.join("cm_tri_keys.bin"), tkey_bytes).unwrap();
    let tval_bytes: Vec<u8> = tkeys.iter().map(|k| k.1 as u8).collect();
    fs::write(out.join("cm_tri_vals.bin"), tval_bytes).unwrap();
    fs::write(out.join("cm_meta.txt"), meta).unwrap();
}
