//! Telling article files from the other files that sit beside them in real archives: a
//! corpus's README and licence, annotation sidecars (brat `.ann`, schema `.dtd`), data tables
//! and word lists. Such files are skipped with a reason unless the user insists
//! (`--all-files`), so they never become articles with junk "quotes" and cities.

/// File names (before the first dot, any case) of documentation that comes with a collection.
const DOC_NAMES: &[&str] = &[
    "authors",
    "changelog",
    "changes",
    "citation",
    "contributing",
    "copying",
    "install",
    "licence",
    "license",
    "manifest",
    "notice",
    "readme",
    "source",
];

/// Extensions of files that are never article text: annotations, schemas, tables, code.
const NOT_TEXT: &[(&str, &str)] = &[
    ("ann", "an annotation file"),
    ("conll", "an annotation file"),
    ("conllu", "an annotation file"),
    ("dtd", "a document type definition"),
    ("xsd", "a schema"),
    ("tsv", "a data table"),
    ("tab", "a data table"),
    ("py", "source code"),
    ("rs", "source code"),
    ("js", "source code"),
    ("css", "a style sheet"),
    ("sh", "a script"),
];

/// Why the file at `rel_path` (its path under the root) is not an article, judged from its
/// name; `None` when it may be one.
pub fn by_name(rel_path: &str) -> Option<String> {
    let name = rel_path.rsplit('/').next().unwrap_or(rel_path);
    let lower = name.to_ascii_lowercase();
    let stem = lower.split('.').next().unwrap_or("");
    // `corus-LICENSE.txt`, `README-first`: a licence or readme named with a prefix or suffix.
    let parts = || stem.split(['-', '_', ' ']);
    let named = |words: &[&str]| {
        parts()
            .next()
            .into_iter()
            .chain(parts().next_back())
            .any(|w| words.contains(&w))
    };
    if DOC_NAMES.contains(&stem) || named(&["license", "licence", "readme", "copying"]) {
        return Some(format!("{name} is documentation, not an article"));
    }
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    NOT_TEXT
        .iter()
        .find(|(e, _)| *e == ext)
        .map(|(_, what)| format!("{name} is {what}, not an article"))
}

/// Why `text`, the start of a plain-text file, is not an article: it is not prose. News
/// text runs in sentences; a word list has a word a line, a data file lines of code or
/// fields with hardly a space between words. `None` when it reads as prose (or is too short
/// to tell).
pub fn by_text(text: &str) -> Option<&'static str> {
    let mut lines = 0usize;
    let mut prose_chars = 0usize;
    let mut chars = 0usize;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        lines += 1;
        let len = line.chars().count();
        chars += len;
        // A line of prose: several words, mostly letters.
        let words = line.split_whitespace().count();
        let letters = line.chars().filter(|c| c.is_alphabetic()).count();
        if words >= 5 && letters * 10 >= len * 6 {
            prose_chars += len;
        }
    }
    if lines < 8 {
        return None;
    }
    // Less than a third of the text in lines of prose.
    (prose_chars * 3 < chars).then_some("not prose (a list or a data file)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documentation_and_sidecars_are_known_by_name() {
        for name in [
            "README.txt",
            "corpus/readme.md",
            "LICENSE",
            "SOURCE.md",
            "data/dev/a_1.ann",
            "lewis.dtd",
            "data/metadata.tsv",
            "corus-LICENSE.txt",
            "README_first.txt",
        ] {
            assert!(by_name(name).is_some(), "{name}");
        }
        for name in [
            "2023/03/kyiv.txt",
            "reut2-000.sgm",
            "news.json",
            "readmeister.txt",
            "page.html",
            "sources-say.txt",
            "police-notice.txt",
            "licensed-taxis.txt",
        ] {
            assert_eq!(by_name(name), None, "{name}");
        }
    }

    #[test]
    fn word_lists_and_data_are_not_prose() {
        let list = "afghanistan\nalbania\nalgeria\namerican-samoa\nandorra\nangola\nanguilla\n\
                    antigua\nargentina\naruba\n";
        assert!(by_text(list).is_some());
        let prolog = (0..40)
            .map(|i| format!("pred_type(\"Land{i}\",\"countries\",\"countries\").\n"))
            .collect::<String>();
        let data = format!(
            "This is a set of facts about countries, made available by a friend.\n\n{prolog}"
        );
        assert!(by_text(&data).is_some());
        let article = "KYIV, March 6 — The fate of Bakhmut appeared to hang in the balance.\n\n\
                       Civilians were fleeing the city under shelling, officials said on Monday.\n\n"
            .repeat(6);
        assert_eq!(by_text(&article), None);
        // A short note is too short to judge.
        assert_eq!(by_text("a\nb\nc\n"), None);
    }
}
