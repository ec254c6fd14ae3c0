//! Publication timestamps as sources write them (ISO 8601 / RFC 3339 with or without a zone,
//! RFC 2822, Unix epoch seconds, Reuters' `26-FEB-1987 15:01:01.79`, `March 4, 2016`), turned
//! into the day of publication and, when there is a time, a normalised timestamp.
//!
//! The day is the calendar day in the zone the source states: `2016-12-20T02:15:09+03:00` is
//! 20 December even though it is the 19th in UTC. A time without a zone keeps no offset and
//! its day is taken as written. Nothing here reads the clock.

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Utc};

/// A parsed publication date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// Day of publication in the source's own zone.
    pub date: NaiveDate,
    /// `2016-12-20T02:15:09+03:00` (RFC 3339) when the source gave a time and a zone,
    /// `1987-02-26T15:01:01.79` (no offset) when it gave a time without a zone.
    pub published: Option<String>,
}

/// Zone-less date-time shapes, tried in order.
const NAIVE_DATE_TIMES: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%d-%b-%Y %H:%M:%S%.f",
    "%d-%b-%Y %H:%M:%S",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y, %H:%M",
    "%d.%m.%Y - %H:%M",
];

/// Date-time shapes with an offset (`+0300` or `+03:00`), beyond what RFC 3339 allows.
const ZONED_DATE_TIMES: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%.f %z",
    "%Y-%m-%dT%H:%M%z",
    "%d-%m-%YT%H:%M:%S%z",
];

/// Date-only shapes.
const DATES: &[&str] = &[
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d.%m.%Y",
    "%d-%b-%Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
];

/// Parses a publication date or timestamp; `None` when it is not one of the known shapes or
/// falls outside the years the index accepts.
pub fn parse(input: &str) -> Option<Stamp> {
    let s = input.trim().trim_end_matches(['.', ',']);
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    let stamp = epoch(s)
        .or_else(|| zoned(s))
        .or_else(|| naive(s))
        .or_else(|| date_only(s))
        .or_else(|| date_prefix(s))
        .or_else(|| compact(s))
        .or_else(|| worded(s))?;
    crate::date::plausible(stamp.date).then_some(stamp)
}

/// Unix time: 9–10 digits are seconds, 12–13 digits milliseconds.
fn epoch(s: &str) -> Option<Stamp> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = s.parse().ok()?;
    let dt = match s.len() {
        9 | 10 => DateTime::<Utc>::from_timestamp(n, 0)?,
        12 | 13 => DateTime::<Utc>::from_timestamp_millis(n)?,
        _ => return None,
    };
    Some(Stamp {
        date: dt.date_naive(),
        published: Some(dt.to_rfc3339_opts(SecondsFormat::AutoSi, true)),
    })
}

fn zoned(s: &str) -> Option<Stamp> {
    let dt = DateTime::parse_from_rfc3339(s)
        .or_else(|_| DateTime::parse_from_rfc3339(&s.replacen(' ', "T", 1)))
        .or_else(|_| DateTime::parse_from_rfc2822(s))
        .ok()
        .or_else(|| {
            // `2021-11-04T23:00Z`: a UTC time without seconds, which RFC 3339 does not allow.
            let s = match s.strip_suffix('Z') {
                Some(head) => std::borrow::Cow::Owned(format!("{head}+0000")),
                None => std::borrow::Cow::Borrowed(s),
            };
            ZONED_DATE_TIMES
                .iter()
                .find_map(|f| DateTime::parse_from_str(&s, f).ok())
        })?;
    Some(Stamp {
        date: dt.date_naive(),
        published: Some(dt.to_rfc3339_opts(SecondsFormat::AutoSi, true)),
    })
}

fn naive(s: &str) -> Option<Stamp> {
    let dt = NAIVE_DATE_TIMES
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())?;
    Some(Stamp {
        date: dt.date(),
        published: Some(naive_rfc3339(s, dt)),
    })
}

/// `YYYY-MM-DDTHH:MM:SS` plus the fraction as the source wrote it (`.79`, not `.790000000`).
fn naive_rfc3339(source: &str, dt: NaiveDateTime) -> String {
    let mut out = dt.format("%Y-%m-%dT%H:%M:%S").to_string();
    if let Some(dot) = source.rfind('.') {
        let frac = &source[dot + 1..];
        if !frac.is_empty() && frac.len() <= 9 && frac.bytes().all(|b| b.is_ascii_digit()) {
            out.push('.');
            out.push_str(frac);
        }
    }
    out
}

fn date_only(s: &str) -> Option<Stamp> {
    let date = DATES
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())?;
    Some(Stamp {
        date,
        published: None,
    })
}

/// `2019-03-28` followed by something unreadable still gives the day.
fn date_prefix(s: &str) -> Option<Stamp> {
    let head = s.get(..10)?;
    let rest = &s[10..];
    if !rest.starts_with(['T', ' ', '_']) {
        return None;
    }
    date_only(head)
}

/// `20231102` and `20201123T11:02:35Z`: ISO 8601's basic date, read as the extended one.
fn compact(s: &str) -> Option<Stamp> {
    let (head, rest) = (s.get(..8)?, &s[8..]);
    if !head.bytes().all(|b| b.is_ascii_digit()) || !(rest.is_empty() || rest.starts_with('T')) {
        return None;
    }
    // The time may be basic too: `T055000+0900` is `T05:50:00+0900`.
    let rest = match rest.get(1..7) {
        Some(t) if t.bytes().all(|b| b.is_ascii_digit()) => {
            format!("T{}:{}:{}{}", &t[..2], &t[2..4], &t[4..], &rest[7..])
        }
        _ => rest.to_string(),
    };
    let extended = format!("{}-{}-{}{rest}", &head[..4], &head[4..6], &head[6..]);
    zoned(&extended)
        .or_else(|| zoned(&extended.replace('Z', "+00:00")))
        .or_else(|| naive(&extended))
        .or_else(|| date_only(&extended))
}

/// Zone abbreviations seen on news pages, with their offsets. `IST` is India's: the pages that
/// write it are Indian far more often than Irish or Israeli.
const ZONES: &[(&str, &str)] = &[
    ("UTC", "+0000"),
    ("GMT", "+0000"),
    ("Z", "+0000"),
    ("WET", "+0000"),
    ("BST", "+0100"),
    ("CET", "+0100"),
    ("CEST", "+0200"),
    ("MEZ", "+0100"),
    ("MESZ", "+0200"),
    ("EET", "+0200"),
    ("EEST", "+0300"),
    ("MSK", "+0300"),
    ("IST", "+0530"),
    ("JST", "+0900"),
    ("KST", "+0900"),
    ("HKT", "+0800"),
    ("SGT", "+0800"),
    ("AEST", "+1000"),
    ("AEDT", "+1100"),
    ("EST", "-0500"),
    ("EDT", "-0400"),
    ("CST", "-0600"),
    ("CDT", "-0500"),
    ("MST", "-0700"),
    ("MDT", "-0600"),
    ("PST", "-0800"),
    ("PDT", "-0700"),
    ("ET", "-0500"),
    ("PT", "-0800"),
];

/// Dates written with words, in any order of parts, as servers and CMSs print them:
/// `Tue Jan 28 15:28:56 CET 2020`, `Tue, Sep 15 2020 10:01:41 EDT`,
/// `04:25:06 PM IST Apr 08, 2020`. Weekdays are dropped, a zone abbreviation becomes its
/// offset, and chrono reads the reassembled `2020 Jan 28 15:28:56 +0100`.
fn worded(s: &str) -> Option<Stamp> {
    let (mut year, mut month, mut day, mut time, mut pm, mut zone) =
        (None, None, None, None, None, None);
    for token in s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
    {
        let upper = token.to_ascii_uppercase();
        if let Some(&(_, offset)) = ZONES.iter().find(|(z, _)| *z == upper) {
            zone = Some(offset.to_string());
        } else if upper == "AM" || upper == "PM" {
            pm = Some(upper == "PM");
        } else if token.contains(':') {
            time = Some(token.to_string());
        } else if (token.starts_with('+') || token.starts_with('-')) && token.len() == 5 {
            zone = Some(token.to_string());
        } else if let Ok(n) = token
            .trim_end_matches(['.', 't', 'h', 's', 'n', 'd', 'r'])
            .parse::<u32>()
        {
            if n > 31 {
                year = Some(n);
            } else {
                day = Some(n);
            }
        } else if let Some(m) = super::dateline::month(token) {
            month = Some(m);
        } else if !WEEKDAYS.iter().any(|w| upper.starts_with(w)) {
            return None;
        }
    }
    let date = NaiveDate::from_ymd_opt(year? as i32, month?, day?)?;
    let Some(time) = time else {
        return Some(Stamp {
            date,
            published: None,
        });
    };
    let mut t = chrono::NaiveTime::parse_from_str(&time, "%H:%M:%S")
        .or_else(|_| chrono::NaiveTime::parse_from_str(&time, "%H:%M"))
        .ok()?;
    if let Some(pm) = pm {
        use chrono::Timelike;
        let hour = t.hour() % 12 + if pm { 12 } else { 0 };
        t = t.with_hour(hour)?;
    }
    let naive = date.and_time(t);
    match zone {
        Some(z) => {
            let dt = DateTime::parse_from_str(
                &format!("{} {z}", naive.format("%Y-%m-%dT%H:%M:%S")),
                "%Y-%m-%dT%H:%M:%S %z",
            )
            .ok()?;
            Some(Stamp {
                date: dt.date_naive(),
                published: Some(dt.to_rfc3339_opts(SecondsFormat::AutoSi, true)),
            })
        }
        None => Some(Stamp {
            date,
            published: Some(naive.format("%Y-%m-%dT%H:%M:%S").to_string()),
        }),
    }
}

const WEEKDAYS: &[&str] = &["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"];

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<String> {
        parse(s).map(|p| p.date.to_string())
    }

    fn published(s: &str) -> Option<String> {
        parse(s).and_then(|p| p.published)
    }

    #[test]
    fn zoned_times_keep_the_local_day_and_offset() {
        assert_eq!(day("2016-12-20T02:15:09+03:00").unwrap(), "2016-12-20");
        assert_eq!(
            published("2016-12-20T02:15:09+03:00").unwrap(),
            "2016-12-20T02:15:09+03:00"
        );
        assert_eq!(day("2016-12-20T05:16:13+0300").unwrap(), "2016-12-20");
        assert_eq!(
            published("2016-12-20T14:37:10Z").unwrap(),
            "2016-12-20T14:37:10Z"
        );
        assert_eq!(day("Tue, 1 Jul 2003 23:52:37 -0500").unwrap(), "2003-07-01");
        assert_eq!(day("2023-03-06 23:30:00+02:00").unwrap(), "2023-03-06");
        assert_eq!(
            published("2021-11-04T23:00Z").unwrap(),
            "2021-11-04T23:00:00Z"
        );
    }

    #[test]
    fn naive_times_have_no_offset() {
        assert_eq!(day("2019-03-28 14:20:00").unwrap(), "2019-03-28");
        assert_eq!(
            published("2019-03-28 14:20:00").unwrap(),
            "2019-03-28T14:20:00"
        );
        assert_eq!(day(" 26-FEB-1987 15:01:01.79").unwrap(), "1987-02-26");
        assert_eq!(day("9-MAR-1987 08:08:57.16").unwrap(), "1987-03-09");
        assert_eq!(
            published("26-FEB-1987 15:01:01.79").unwrap(),
            "1987-02-26T15:01:01.79"
        );
    }

    #[test]
    fn dates_epochs_and_prose() {
        assert_eq!(day("2016-09-28").unwrap(), "2016-09-28");
        assert_eq!(published("2016-09-28"), None);
        assert_eq!(day("1481202661").unwrap(), "2016-12-08");
        assert_eq!(day("1481202661000").unwrap(), "2016-12-08");
        assert_eq!(day("March 4, 2016").unwrap(), "2016-03-04");
        assert_eq!(day("4 March 2016").unwrap(), "2016-03-04");
        assert_eq!(day("2019-03-28T14:20:00 local").unwrap(), "2019-03-28");
    }

    #[test]
    fn compact_and_worded_forms() {
        assert_eq!(
            published("20201123T11:02:35Z").unwrap(),
            "2020-11-23T11:02:35Z"
        );
        assert_eq!(day("20231102").unwrap(), "2023-11-02");
        // Basic time and offset too (nikkei.com's JSON-LD): the day in the stated zone.
        assert_eq!(
            published("20180619T055000+0900").unwrap(),
            "2018-06-19T05:50:00+09:00"
        );
        assert_eq!(
            published("Tue Jan 28 15:28:56 CET 2020").unwrap(),
            "2020-01-28T15:28:56+01:00"
        );
        assert_eq!(
            published("Tue, Sep 15 2020 10:01:41 EDT").unwrap(),
            "2020-09-15T10:01:41-04:00"
        );
        assert_eq!(
            published("04:25:06 PM IST Apr 08, 2020").unwrap(),
            "2020-04-08T16:25:06+05:30"
        );
        assert_eq!(day("01-11-2023 10:29").unwrap(), "2023-11-01");
        assert_eq!(day("06-08-2009T14:12:32+0200").unwrap(), "2009-08-06");
        assert_eq!(day("Tuesday banana 2020"), None);
    }

    #[test]
    fn rejects_nonsense_and_implausible_years() {
        for s in [
            "",
            "yesterday",
            "2023-02-30",
            "0000-00-00",
            "12",
            "9999-01-01",
            "2023-13-01",
        ] {
            assert_eq!(parse(s), None, "{s:?}");
        }
    }
}
