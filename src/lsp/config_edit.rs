//! Edits to `essaylint.toml` made from the editor: a word added to `accept`, a name's
//! canonical spelling added to `names`. The file is edited with `toml_edit`, so the user's
//! comments, order and formatting are kept; it is created when there is none, and written
//! atomically (a temporary file in the same folder, then a rename).

use std::io::Write;
use std::path::Path;
use toml_edit::{Array, DocumentMut, Item, Value};

/// Adds `value` to the top-level string array `key` of the TOML text (creating the array),
/// unless it is there already. Returns the new text, or an error naming what is wrong.
pub fn add_to_array(text: &str, key: &str, value: &str) -> Result<String, String> {
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e| format!("the configuration is not valid TOML: {e}"))?;
    match doc.get_mut(key) {
        None => {
            let mut a = Array::new();
            a.push(value);
            // A new key goes before the first table so it stays top-level.
            doc.insert(key, Item::Value(Value::Array(a)));
        }
        Some(item) => {
            let arr = item
                .as_array_mut()
                .ok_or_else(|| format!("`{key}` in the configuration is not a list"))?;
            if arr.iter().any(|v| v.as_str() == Some(value)) {
                return Ok(doc.to_string());
            }
            // Keep the list's own layout: one entry per line if it is written that way.
            let multiline = arr
                .iter()
                .next()
                .and_then(|v| v.decor().prefix())
                .and_then(|p| p.as_str())
                .is_some_and(|p| p.contains('\n'));
            arr.push(value);
            if multiline {
                let indent = arr
                    .iter()
                    .next()
                    .and_then(|v| v.decor().prefix())
                    .and_then(|p| p.as_str())
                    .map(|p| p.to_string())
                    .unwrap_or_else(|| "\n    ".into());
                let n = arr.len();
                if let Some(last) = arr.get_mut(n - 1) {
                    last.decor_mut().set_prefix(indent);
                }
            }
        }
    }
    Ok(doc.to_string())
}

/// Reads `path` (empty when missing), adds `value` to `key` and writes the file back atomically.
pub fn add_to_file(path: &Path, key: &str, value: &str) -> Result<(), String> {
    let old = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let new = add_to_array(&old, key, value).map_err(|e| format!("{}: {e}", path.display()))?;
    if new == old {
        return Ok(());
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    tmp.write_all(new.as_bytes())
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.persist(path)
        .map_err(|e| format!("cannot write {}: {}", path.display(), e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_the_key_in_an_empty_file() {
        assert_eq!(
            add_to_array("", "accept", "smychka").unwrap(),
            "accept = [\"smychka\"]\n"
        );
    }

    #[test]
    fn keeps_comments_and_tables() {
        let old =
            "# house style\ndialect = \"en-GB\" # British\n\n[rules]\npassive-voice = \"off\"\n";
        let new = add_to_array(old, "accept", "kulak").unwrap();
        assert!(new.starts_with("# house style\ndialect = \"en-GB\" # British\n"));
        assert!(new.contains("accept = [\"kulak\"]"));
        assert!(new.contains("[rules]\npassive-voice = \"off\"\n"));
        // Still top-level: parses back with `accept` outside [rules].
        let doc: DocumentMut = new.parse().unwrap();
        assert_eq!(doc["accept"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn appends_once_and_keeps_layout() {
        let old = "accept = [\n    \"a\",\n    \"b\",\n]\n";
        let new = add_to_array(old, "accept", "c").unwrap();
        assert_eq!(new, "accept = [\n    \"a\",\n    \"b\",\n    \"c\",\n]\n");
        assert_eq!(add_to_array(&new, "accept", "c").unwrap(), new);
        let inline = add_to_array("names = [\"Kamenev\"]\n", "names", "Bukharin").unwrap();
        assert_eq!(inline, "names = [\"Kamenev\", \"Bukharin\"]\n");
    }

    #[test]
    fn refuses_what_it_cannot_edit() {
        assert!(add_to_array("accept = 3\n", "accept", "x").is_err());
        assert!(add_to_array("accept = [\n", "accept", "x").is_err());
    }

    #[test]
    fn writes_the_file() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("essaylint.toml");
        add_to_file(&p, "accept", "smychka").unwrap();
        add_to_file(&p, "accept", "kulak").unwrap();
        assert_eq!(
            std::fs::read_to_string(&p).unwrap(),
            "accept = [\"smychka\", \"kulak\"]\n"
        );
    }
}
