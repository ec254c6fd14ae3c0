//! Dates written in a file's path, the last resort after explicit fields and datelines:
//! `breitbart_2016-10-03_slug.txt`, `2023/03/06/story.html`, and a year folder (`articles/2016/`)
//! or a year closing a file name (`…_2017.txt`) that gives year-less datelines (`Feb 26`) their
//! year. Only the path text is read, never the file system (and never modification times).

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

/// A full date: year, month and day with `-`, `_` or `/` between them, not inside a longer
/// number.
static DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:1[7-9]|2[0-2])[0-9]{2})[-_/](0[1-9]|1[0-2])[-_/](0[1-9]|[12][0-9]|3[01])(?:[^0-9]|$)")
        .expect("constant regex")
});

/// A year standing alone as a folder name, or as `YYYY-MM` / `YYYY/MM` at the start of one,
/// or closing a file name after `_` or `-` (`A_Volyn_Studentska_stolytsia_2016.txt`, as
/// Brown-UK names its texts).
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|/)((?:1[7-9]|2[0-2])[0-9]{2})(?:/|[-_/](?:0[1-9]|1[0-2])(?:[^0-9]|$))|[_-]((?:1[7-9]|2[0-2])[0-9]{2})\.[A-Za-z0-9]{1,5}$")
        .expect("constant regex")
});

/// The file part of a record id (`reut2-000.sgm#12` → `reut2-000.sgm`).
fn file_part(rel_path: &str) -> &str {
    rel_path.split('#').next().unwrap_or(rel_path)
}

/// The last full date in the path (the file name is more specific than its folders).
pub fn day(rel_path: &str) -> Option<NaiveDate> {
    let path = file_part(rel_path);
    let mut found = None;
    let mut at = 0;
    // Matches may share their boundary character, so search again from inside each match.
    while let Some(c) = DAY.captures_at(path, at) {
        let whole = c.get(0).expect("group 0");
        let num = |i: usize| c[i].parse::<u32>().ok();
        if let (Some(y), Some(m), Some(d)) = (num(1), num(2), num(3)) {
            if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                found = Some(date);
            }
        }
        at = c.get(1).expect("group 1").end().max(whole.start() + 1);
    }
    found.filter(|d| crate::date::plausible(*d))
}

/// The year a path places its file in: from a full date, else from a year folder or a year
/// closing the file name.
pub fn year(rel_path: &str) -> Option<i32> {
    use chrono::Datelike;
    if let Some(d) = day(rel_path) {
        return Some(d.year());
    }
    let path = file_part(rel_path);
    YEAR.captures_iter(path)
        .filter_map(|c| c.get(1).or(c.get(2))?.as_str().parse::<i32>().ok())
        .last()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        day(s).map(|d| d.to_string())
    }

    #[test]
    fn dates_in_names_and_folders() {
        assert_eq!(
            d("train/text/breitbart_2016-10-03_the-latest.txt").unwrap(),
            "2016-10-03"
        );
        assert_eq!(d("site/2023/03/06/story.html").unwrap(), "2023-03-06");
        assert_eq!(d("2016_10_03.txt").unwrap(), "2016-10-03");
        assert_eq!(
            d("2015/archive/2016-01-02-x.txt").unwrap(),
            "2016-01-02",
            "the file name wins over folders"
        );
        assert_eq!(d("x/2023-02-30.txt"), None);
        assert_eq!(d("build-12016-10-03.txt"), None);
        assert_eq!(d("2021/09/europe-gas.txt"), None);
        assert_eq!(
            d("a.jsonl#2016-10-03"),
            None,
            "the record part is not the path"
        );
    }

    #[test]
    fn years_from_folders() {
        assert_eq!(year("articles/2016/abc.json"), Some(2016));
        assert_eq!(year("2021/09/europe-gas.txt"), Some(2021));
        assert_eq!(year("nyt_2016-09-25_obama.txt"), Some(2016));
        assert_eq!(year("top-2000-songs.txt"), None);
        // A year closing the file name (issue 16: Brown-UK).
        assert_eq!(
            year("texts/A_Volyn_Tymoshchuk_Studentska_stolytsia_2016.txt"),
            Some(2016)
        );
        assert_eq!(year("report-2019.html"), Some(2019));
        assert_eq!(year("item_12019.txt"), None);
        assert_eq!(year("songs_2000s.txt"), None);
        assert_eq!(year("reut2-000.sgm#5"), None);
    }
}
