//! Prints the document model of a file: paragraphs (with kinds) and sentences, one per line.
//! `cargo run --example dump -- essay.txt`

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump FILE");
        std::process::exit(2);
    };
    let source = match essaylint::input::read_file(std::path::Path::new(&path), None) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let doc = essaylint::Document::build(source);
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        println!("¶{pi} {:?}", p.kind);
        for s in &doc.sentences[p.sentences.clone()] {
            println!(
                "  [{}] {}",
                doc.sentence_word_count(s),
                doc.slice(s.span).replace('\n', "⏎")
            );
        }
    }
    for q in &doc.quotations {
        println!("quote closed={} {:?}", q.closed, doc.slice(q.inner));
    }
}
