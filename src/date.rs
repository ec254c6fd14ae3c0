//! Calendar dates: the one place that turns a day into tantivy's `DateTime`, expands partial
//! dates (`2023`, `2023-03`, `2023-03-06`) into half-open day ranges, and buckets days into
//! calendar periods for histograms. Nothing here reads the clock.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Earliest year accepted anywhere (user input and article dates). tantivy stores dates in
/// nanoseconds since 1970 in an i64, which reaches from 1677 to 2262.
pub const MIN_YEAR: i32 = 1700;
/// Latest year accepted anywhere; see [`MIN_YEAR`].
pub const MAX_YEAR: i32 = 2200;

/// A date given to a precision of a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    /// First day of the period.
    pub first: NaiveDate,
    /// First day after the period.
    pub end: NaiveDate,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    ///
    /// ```
    /// use dateline::date::PartialDate;
    /// let march = PartialDate::parse("2023-03").unwrap();
    /// assert_eq!(march.first.to_string(), "2023-03-01");
    /// assert_eq!(march.end.to_string(), "2023-04-01");
    /// assert!(PartialDate::parse("2023-02-30").is_err());
    /// ```
    pub fn parse(input: &str) -> Result<PartialDate> {
        let bad = |reason: &str| Error::BadDate {
            input: input.to_string(),
            reason: reason.to_string(),
        };
        let s = input.trim();
        let parts: Vec<&str> = s.split('-').collect();
        let widths_ok = match parts.as_slice() {
            [y] => y.len() == 4,
            [y, m] => y.len() == 4 && m.len() == 2,
            [y, m, d] => y.len() == 4 && m.len() == 2 && d.len() == 2,
            _ => false,
        };
        if !widths_ok || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(bad("expected YYYY, YYYY-MM or YYYY-MM-DD"));
        }
        let year: i32 = parts[0].parse().map_err(|_| bad("bad year"))?;
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(bad(&format!("year must be {MIN_YEAR}..{MAX_YEAR}")));
        }
        let month: u32 = match parts.get(1) {
            Some(m) => m.parse().map_err(|_| bad("bad month"))?,
            None => 0,
        };
        if parts.len() >= 2 && !(1..=12).contains(&month) {
            return Err(bad("month must be 01..12"));
        }
        match parts.len() {
            1 => Ok(PartialDate {
                first: ymd(year, 1, 1),
                end: next_year(year),
            }),
            2 => {
                let first = ymd(year, month, 1);
                Ok(PartialDate {
                    first,
                    end: add_month(first),
                })
            }
            _ => {
                let day: u32 = parts[2].parse().map_err(|_| bad("bad day"))?;
                let first = NaiveDate::from_ymd_opt(year, month, day)
                    .ok_or_else(|| bad("no such day in that month"))?;
                Ok(PartialDate {
                    first,
                    end: first + Duration::days(1),
                })
            }
        }
    }
}

/// The form a partial date was given in (`2023`, `2023-03`, `2023-03-06`), so that a request
/// written as JSON reads back the same. A span that is not a whole year, month or day (built by
/// hand from its public fields) has no such form and shows as `FIRST..END`.
impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let first = self.first;
        if first.month() == 1 && first.day() == 1 && self.end == next_year(first.year()) {
            write!(f, "{}", first.format("%Y"))
        } else if first.day() == 1 && self.end == add_month(first) {
            write!(f, "{}", first.format("%Y-%m"))
        } else if self.end == first + Duration::days(1) {
            write!(f, "{}", first.format("%Y-%m-%d"))
        } else {
            write!(f, "{}..{}", first, self.end)
        }
    }
}

impl std::str::FromStr for PartialDate {
    type Err = Error;

    fn from_str(s: &str) -> Result<PartialDate> {
        PartialDate::parse(s)
    }
}

/// A partial date is written in JSON as the string a user types (`"2023-03"`).
impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        PartialDate::parse(&s).map_err(serde::de::Error::custom)
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid calendar date")
}

fn next_year(year: i32) -> NaiveDate {
    ymd(year + 1, 1, 1)
}

fn add_month(first_of_month: NaiveDate) -> NaiveDate {
    let (y, m) = (first_of_month.year(), first_of_month.month());
    if m == 12 {
        ymd(y + 1, 1, 1)
    } else {
        ymd(y, m + 1, 1)
    }
}

/// Turns a calendar day into the tantivy value stored in the `date` field (00:00 UTC).
pub fn day_to_tantivy(day: NaiveDate) -> tantivy::DateTime {
    let secs = day
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_utc()
        .timestamp();
    tantivy::DateTime::from_timestamp_secs(secs)
}

/// Inverse of [`day_to_tantivy`] (any time of day maps to its UTC day).
pub fn tantivy_to_day(value: tantivy::DateTime) -> NaiveDate {
    day_from_secs(value.into_timestamp_secs())
}

/// The UTC day containing a Unix timestamp in seconds.
pub fn day_from_secs(secs: i64) -> NaiveDate {
    chrono::DateTime::from_timestamp(secs.div_euclid(86_400) * 86_400, 0)
        .map(|t| t.date_naive())
        .unwrap_or(NaiveDate::MIN)
}

/// Whether a day lies in the range dateline accepts for articles.
pub fn plausible(day: NaiveDate) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&day.year())
}

/// Calendar bucket width for histograms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Interval {
    /// One bucket per day, labelled `2023-03-06`.
    Day,
    /// ISO weeks (Monday first), labelled `2023-W10`.
    Week,
    /// Calendar months, labelled `2023-03`.
    Month,
    /// Calendar years, labelled `2023`.
    Year,
}

impl Interval {
    /// First day of the bucket containing `day`.
    pub fn start_of(self, day: NaiveDate) -> NaiveDate {
        match self {
            Interval::Day => day,
            Interval::Week => day - Duration::days(day.weekday().num_days_from_monday() as i64),
            Interval::Month => ymd(day.year(), day.month(), 1),
            Interval::Year => ymd(day.year(), 1, 1),
        }
    }

    /// First day of the bucket after the one starting at `start`.
    pub fn next(self, start: NaiveDate) -> NaiveDate {
        match self {
            Interval::Day => start + Duration::days(1),
            Interval::Week => start + Duration::days(7),
            Interval::Month => add_month(start),
            Interval::Year => next_year(start.year()),
        }
    }

    /// Label of the bucket starting at `start`.
    pub fn label(self, start: NaiveDate) -> String {
        match self {
            Interval::Day => start.format("%Y-%m-%d").to_string(),
            Interval::Week => {
                let w = start.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Interval::Month => start.format("%Y-%m").to_string(),
            Interval::Year => start.format("%Y").to_string(),
        }
    }
}

/// Buckets per-day counts into calendar periods, from the first to the last period that has
/// any count, empty periods included. `days` need not be sorted.
pub fn histogram(days: &[(NaiveDate, u64)], interval: Interval) -> Vec<(String, u64)> {
    let mut buckets: std::collections::BTreeMap<NaiveDate, u64> = Default::default();
    for &(day, n) in days {
        *buckets.entry(interval.start_of(day)).or_default() += n;
    }
    let (Some(&first), Some(&last)) = (buckets.keys().next(), buckets.keys().next_back()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut cur = first;
    while cur <= last {
        out.push((interval.label(cur), buckets.get(&cur).copied().unwrap_or(0)));
        cur = interval.next(cur);
    }
    out
}

/// A histogram of matching articles beside the archive's: for each period from the first to
/// the last with a match, the matches, all articles of the archive in it (`all`, per day),
/// and the share, matches ÷ all (`None` when the archive has none then). Both counts are of
/// the same unit, whatever is counted (articles here; stories count the same way).
pub fn histogram_normalized(
    matching: &[(NaiveDate, u64)],
    all: &[(NaiveDate, u64)],
    interval: Interval,
) -> Vec<(String, u64, u64, Option<f64>)> {
    let mut totals: std::collections::BTreeMap<String, u64> = Default::default();
    for &(day, n) in all {
        *totals
            .entry(interval.label(interval.start_of(day)))
            .or_default() += n;
    }
    histogram(matching, interval)
        .into_iter()
        .map(|(period, count)| {
            let total = totals.get(&period).copied().unwrap_or(0);
            let share = (total > 0).then(|| count as f64 / total as f64);
            (period, count, total, share)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_round_trip_through_json() {
        for text in ["2023", "2023-03", "2023-12", "2024-02-29", "1987-12-31"] {
            let d = PartialDate::parse(text).unwrap();
            assert_eq!(d.to_string(), text);
            let json = serde_json::to_string(&d).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<PartialDate>(&json).unwrap(), d);
        }
        assert!(serde_json::from_str::<PartialDate>("\"2023-13\"").is_err());
        assert!(serde_json::from_str::<PartialDate>("2023").is_err());
        let odd = PartialDate {
            first: ymd(2023, 3, 5),
            end: ymd(2023, 3, 9),
        };
        assert_eq!(odd.to_string(), "2023-03-05..2023-03-09");
    }

    #[test]
    fn partial_dates_expand_to_whole_periods() {
        let y = PartialDate::parse("2024").unwrap();
        assert_eq!((y.first, y.end), (ymd(2024, 1, 1), ymd(2025, 1, 1)));
        let m = PartialDate::parse("2024-02").unwrap();
        assert_eq!((m.first, m.end), (ymd(2024, 2, 1), ymd(2024, 3, 1)));
        let d = PartialDate::parse("2024-02-29").unwrap();
        assert_eq!((d.first, d.end), (ymd(2024, 2, 29), ymd(2024, 3, 1)));
        let dec = PartialDate::parse("2023-12").unwrap();
        assert_eq!(dec.end, ymd(2024, 1, 1));
    }

    #[test]
    fn bad_dates_are_rejected() {
        for bad in [
            "2023-02-30",
            "0000-00-00",
            "2023-13",
            "23-03",
            "2023/03",
            "",
            "march",
            "2023-3",
            "+2023",
            "2023-03-06T00",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad} accepted");
        }
        assert!(PartialDate::parse("9999-12-31").is_err());
        assert!(PartialDate::parse("1699").is_err());
        assert!(PartialDate::parse("2200-12-31").is_ok());
    }

    #[test]
    fn tantivy_round_trip() {
        let d = ymd(2023, 3, 6);
        assert_eq!(tantivy_to_day(day_to_tantivy(d)), d);
        assert_eq!(day_from_secs(-1), ymd(1969, 12, 31));
    }

    #[test]
    fn histogram_uses_calendar_months_and_fills_gaps() {
        let days = [
            (ymd(2023, 1, 31), 2),
            (ymd(2023, 3, 1), 1),
            (ymd(2023, 3, 31), 4),
        ];
        let h = histogram(&days, Interval::Month);
        assert_eq!(
            h,
            vec![
                ("2023-01".to_string(), 2),
                ("2023-02".to_string(), 0),
                ("2023-03".to_string(), 5)
            ]
        );
        assert_eq!(histogram(&[], Interval::Day), vec![]);
    }

    #[test]
    fn normalized_buckets_divide_by_the_archive_in_the_same_period() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let matching = [
            (d("2023-03-06"), 2),
            (d("2023-03-20"), 1),
            (d("2023-05-02"), 1),
        ];
        let all = [
            (d("2023-02-01"), 9),
            (d("2023-03-06"), 5),
            (d("2023-03-20"), 3),
            (d("2023-05-02"), 4),
        ];
        let h = histogram_normalized(&matching, &all, Interval::Month);
        assert_eq!(
            h,
            vec![
                ("2023-03".to_string(), 3, 8, Some(0.375)),
                ("2023-04".to_string(), 0, 0, None),
                ("2023-05".to_string(), 1, 4, Some(0.25)),
            ]
        );
        let weeks = histogram_normalized(&matching[..1], &all, Interval::Week);
        assert_eq!(weeks, vec![("2023-W10".to_string(), 2, 5, Some(0.4))]);
    }

    #[test]
    fn weeks_are_iso_weeks() {
        // 2023-03-06 is a Monday in ISO week 10; Sunday 2023-03-12 is in the same week.
        let h = histogram(
            &[
                (ymd(2023, 3, 6), 1),
                (ymd(2023, 3, 12), 1),
                (ymd(2023, 3, 13), 1),
            ],
            Interval::Week,
        );
        assert_eq!(
            h,
            vec![("2023-W10".to_string(), 2), ("2023-W11".to_string(), 1)]
        );
        let y = histogram(
            &[(ymd(2021, 5, 1), 1), (ymd(2023, 1, 1), 1)],
            Interval::Year,
        );
        assert_eq!(y.len(), 3);
        assert_eq!(y[1], ("2022".to_string(), 0));
    }
}
