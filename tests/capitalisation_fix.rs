//! `--fix` applies only the safe capitalisation fixes: the certain sentence starts, the pronoun
//! "i" and the words known only capitalised; the uncertain ones (the start of a text, a needless
//! capital, advice) are left for the writer.

use essaylint::config::Config;
use essaylint::fix;
use essaylint::input::Format;

#[test]
fn fixes_only_the_safe_capitals() {
    let text = "the text may start mid-sentence. The harvest failed. the peasants went hungry on monday, and i know it.\n\n\
                For example, When I came, the town was quiet.\n";
    let out = fix::fix(text.to_string(), Format::Plain, &Config::default());
    assert_eq!(
        out.text,
        "the text may start mid-sentence. The harvest failed. The peasants went hungry on Monday, and I know it.\n\n\
         For example, When I came, the town was quiet.\n"
    );
}
