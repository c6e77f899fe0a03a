//! The HTML report in a real browser: headless Chromium loads the sample essay's page, a script
//! clicks filters as a reader would, and the test reads back from the dumped DOM what is hidden
//! and what the counts say; a narrow (phone) screenshot must be drawn. Without Chromium
//! (`chromium` or `chromium-browser` on the PATH, or `$CHROMIUM`) each test says it is skipped
//! and passes: `.ci/run` installs Debian's `chromium`.

use essaylint::output::{self, FileReport};
use essaylint::{input, Config};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    ["chromium", "chromium-browser"].iter().find_map(|name| {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|d| d.join(name))
                .find(|p| p.is_file())
        })
    })
}

fn seed_page() -> String {
    let bytes = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/stalinism.txt"));
    let source = input::read_bytes(bytes, input::Format::Plain).unwrap();
    let report = essaylint::check(source, &Config::default());
    output::html::render(&[FileReport {
        path: "seeds/stalinism.txt",
        report: &report,
    }])
}

/// Runs Chromium headless on `page` with `args`; returns standard output. A run that does not
/// end in two minutes is killed and fails the test.
fn run_chromium(bin: &Path, dir: &Path, page: &Path, args: &[&str]) -> String {
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--allow-file-access-from-files",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("chromium starts");
    let out = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let mut out = out;
        let _ = std::io::Read::read_to_string(&mut out, &mut s);
        s
    });
    let start = std::time::Instant::now();
    loop {
        if child.try_wait().expect("wait for chromium").is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish in two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().expect("reader thread")
}

/// The script the test adds to the page: untick "advice", report, choose a rule, report, and
/// write the reports into `<pre id="result">` for the dumped DOM.
const PROBE: &str = r#"<script>
(function(){
function notes(){return Array.prototype.slice.call(document.querySelectorAll('li.diag'));}
function report(){
  var all=notes(), shown=all.filter(function(li){return !li.hidden;});
  return {
    total: all.length,
    shown: shown.length,
    shownAdvice: shown.filter(function(li){return li.classList.contains('s-advice');}).length,
    hiddenNonAdvice: all.filter(function(li){return li.hidden&&!li.classList.contains('s-advice');}).length,
    counter: Number(document.querySelector('[data-shown]').textContent),
    adviceCount: Number(document.querySelector('[data-count="s-advice"]').textContent),
    rules: shown.map(function(li){return Array.prototype.filter.call(li.classList,function(c){return c.indexOf('r-')===0;})[0];})
  };
}
var out={before: report()};
var box=document.querySelector('input[data-f="s-advice"]');
box.click();
out.noAdvice=report();
out.hash=location.hash;
box.click();
var sel=document.querySelector('select[data-rule]');
sel.value=sel.options[1].value;
sel.dispatchEvent(new Event('change',{bubbles:true}));
out.rule=sel.value;
out.oneRule=report();
var pre=document.createElement('pre');pre.id='result';pre.textContent=JSON.stringify(out);
document.body.appendChild(pre);
})();
</script>
</body>"#;

#[test]
fn a_filter_hides_the_notes_it_unticks() {
    let Some(bin) = chromium() else {
        eprintln!("skipped: chromium is not installed (install Debian's `chromium`)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = seed_page().replacen("</body>", PROBE, 1);
    let path = dir.path().join("report.html");
    std::fs::write(&path, page).unwrap();
    let dom = run_chromium(&bin, dir.path(), &path, &["--dump-dom"]);
    let start = dom.find("<pre id=\"result\">").unwrap_or_else(|| {
        panic!(
            "no result in the dumped page: {}",
            &dom[..dom.len().min(2000)]
        )
    }) + "<pre id=\"result\">".len();
    let end = start + dom[start..].find("</pre>").unwrap();
    let json = dom[start..end]
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let before = &v["before"];
    let total = before["total"].as_u64().unwrap();
    assert!(total > 10, "{v}");
    assert_eq!(before["shown"], before["total"], "all shown at first: {v}");
    assert_eq!(before["counter"].as_u64(), Some(total));
    let advice = before["shownAdvice"].as_u64().unwrap();
    assert!(advice > 0, "the sample essay has advice: {v}");

    let no_advice = &v["noAdvice"];
    assert_eq!(no_advice["shownAdvice"], 0, "advice hidden: {v}");
    assert_eq!(no_advice["hiddenNonAdvice"], 0, "nothing else hidden: {v}");
    assert_eq!(no_advice["shown"].as_u64(), Some(total - advice));
    assert_eq!(
        no_advice["counter"].as_u64(),
        Some(total - advice),
        "the counter follows"
    );
    assert_eq!(no_advice["adviceCount"], 0, "the advice count follows");
    assert!(
        v["hash"].as_str().unwrap().contains("advice"),
        "the filter is kept in the address: {v}"
    );

    let rule = v["rule"].as_str().unwrap();
    let one = &v["oneRule"];
    let rules = one["rules"].as_array().unwrap();
    assert!(!rules.is_empty(), "{v}");
    assert!(rules.iter().all(|r| r == rule), "only {rule} shown: {v}");
    assert_eq!(one["counter"].as_u64(), Some(rules.len() as u64));
}

#[test]
fn the_page_draws_at_phone_width() {
    let Some(bin) = chromium() else {
        eprintln!("skipped: chromium is not installed (install Debian's `chromium`)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    std::fs::write(&path, seed_page()).unwrap();
    let shot = dir.path().join("phone.png");
    run_chromium(
        &bin,
        dir.path(),
        &path,
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=390,844",
            "--hide-scrollbars",
        ],
    );
    let png = std::fs::read(&shot).expect("a screenshot was written");
    assert_eq!(&png[1..4], b"PNG");
    // Width and height from the IHDR chunk: the page is drawn at the phone's width.
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert_eq!(width, 390);
    assert!(png.len() > 10_000, "a blank screenshot is tiny");
}
