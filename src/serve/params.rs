//! Query strings into the library's requests, with no code per option: the pairs become a JSON
//! object shaped like the request's own JSON (a list where the default request has a list, a
//! number where it has a number) and serde reads the request from it, as it reads a request
//! from a JSON file. An option added to `SearchRequest` or `QuoteRequest` is a parameter at once.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

/// Parameter names that differ from the request's JSON field names: the CLI's flag names
/// (`--city`, `--lang`, …) and `q`. Every other parameter is the field's own name, with `-`
/// for `_` accepted (`facet-limit` as on the command line, or `facet_limit`).
const NAMES: &[(&str, &str)] = &[
    ("q", "query"),
    ("city", "cities"),
    ("country", "countries"),
    ("lang", "languages"),
    ("facet", "facets"),
    ("speaker", "speakers"),
];

/// The request field a parameter sets.
fn field(param: &str) -> String {
    let param = param.replace('-', "_");
    NAMES
        .iter()
        .find(|(p, _)| *p == param)
        .map_or(param, |(_, f)| f.to_string())
}

/// The parameter name a person uses for a field (for messages).
fn param(field: &str) -> String {
    NAMES
        .iter()
        .find(|(_, f)| *f == field)
        .map_or_else(|| field.replace('_', "-"), |(p, _)| p.to_string())
}

/// A number parameter.
fn number(name: &str, value: &str) -> Result<Value, String> {
    let v = value.trim();
    v.parse::<u64>()
        .map(Value::from)
        .or_else(|_| v.parse::<f64>().map(Value::from))
        .map_err(|_| format!("{name}: {value:?} is not a number"))
}

/// Reads a request of type `T` from a raw query string (`q=bakhmut&city=Kyiv&city=Kharkiv`).
/// The error is one line saying which parameter is wrong.
pub fn request<T>(raw: &str) -> Result<T, String>
where
    T: Serialize + DeserializeOwned + Default,
{
    let pairs: Vec<(String, String)> =
        serde_html_form::from_str(raw).map_err(|e| format!("cannot read the query string: {e}"))?;
    let template = match serde_json::to_value(T::default()) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    };
    let mut object = Map::new();
    // Parameters whose field the default request leaves out (an unset date, histogram or
    // sort, an empty list the request does not write): their values, typed below.
    let mut untyped: Vec<(String, String, Vec<String>)> = Vec::new();
    let mut given: Vec<(String, String)> = Vec::new();
    for (name, value) in pairs {
        let key = field(&name);
        given.push((name.clone(), key.clone()));
        let typed = match template.get(&key) {
            Some(Value::Array(_)) => {
                let list = object
                    .entry(key.clone())
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(items) = list {
                    items.push(Value::String(value));
                }
                continue;
            }
            Some(Value::Number(_)) => number(&name, &value)?,
            Some(Value::Bool(_)) => Value::Bool(match value.as_str() {
                "" | "true" | "1" | "yes" | "on" => true,
                "false" | "0" | "no" | "off" => false,
                _ => return Err(format!("{name}: {value:?} is not true or false")),
            }),
            Some(_) => Value::String(value),
            None => {
                match untyped.iter_mut().find(|(_, k, _)| *k == key) {
                    Some((_, _, values)) => values.push(value),
                    None => untyped.push((name, key, vec![value])),
                }
                continue;
            }
        };
        if object.insert(key, typed).is_some() {
            return Err(format!("{name} is given more than once"));
        }
    }
    // Each untyped parameter alone in a request: the first reading that serde takes (a
    // string, a list, a number, a flag) is its type; if none does, the string's error says why.
    for (name, key, values) in untyped {
        let repeated = values.len() > 1;
        let mut readings = Vec::new();
        if let [one] = values.as_slice() {
            readings.push(Value::String(one.clone()));
            if let Ok(v) = serde_json::from_str::<Value>(one) {
                if v.is_number() || v.is_boolean() {
                    readings.push(v);
                }
            }
        }
        readings.push(Value::Array(
            values.into_iter().map(Value::String).collect(),
        ));
        let try_one = |v: &Value| {
            let mut alone = Map::new();
            alone.insert(key.clone(), v.clone());
            serde_json::from_value::<T>(Value::Object(alone))
        };
        let mut first_error = None;
        let mut taken = None;
        for v in readings {
            match try_one(&v) {
                Ok(_) => {
                    taken = Some(v);
                    break;
                }
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        match (taken, first_error) {
            (Some(v), _) => {
                object.insert(key, v);
            }
            (None, _) if repeated => {
                return Err(format!("{name} is given more than once"));
            }
            (None, e) => {
                return Err(format!(
                    "{name}: {}",
                    e.map(|e| e.to_string()).unwrap_or_default()
                ))
            }
        }
    }
    let parsed = serde_json::from_value::<T>(Value::Object(object)).map_err(|e| e.to_string())?;
    // A parameter the request has no field for would be ignored without a word: refuse it,
    // as the CLI refuses an unknown flag. A field is known if the default request has it or
    // the parsed one (which sets it) writes it back.
    let back = match serde_json::to_value(&parsed) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    };
    if let Some((name, _)) = given
        .iter()
        .find(|(_, key)| !template.contains_key(key) && !back.contains_key(key))
    {
        let mut known: Vec<String> = template.keys().map(|k| param(k)).collect();
        known.sort();
        return Err(format!(
            "unknown parameter {name:?} (known: {})",
            known.join(", ")
        ));
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline::date::Interval;
    use dateline::{FacetField, QuoteRequest, SearchRequest, Sort};

    #[test]
    fn cli_names_repeated_keys_and_numbers() {
        let r: SearchRequest = request(
            "q=bakhmut+shelling&from=2023-03&to=2023-04-15&city=Kyiv&city=kharkiv&country=ua\
             &lang=uk&facet=year&facet=speaker&facet-limit=0&histogram=week&sort=oldest\
             &limit=5&offset=20&snippet_chars=80",
        )
        .unwrap();
        assert_eq!(r.query, "bakhmut shelling");
        assert_eq!(r.filters.from.unwrap().to_string(), "2023-03");
        assert_eq!(r.filters.to.unwrap().to_string(), "2023-04-15");
        assert_eq!(r.filters.cities, ["Kyiv", "kharkiv"]);
        assert_eq!(r.filters.countries, ["ua"]);
        assert_eq!(r.filters.languages, ["uk"]);
        assert_eq!(r.facets, [FacetField::Year, FacetField::Speaker]);
        assert_eq!(r.facet_limit, 0);
        assert_eq!(r.histogram, Some(Interval::Week));
        assert_eq!(r.sort, Some(Sort::Oldest));
        assert_eq!((r.page.limit, r.page.offset), (5, 20));
        assert_eq!(r.snippet_chars, 80);
    }

    #[test]
    fn collapse_and_count_stories() {
        let r: SearchRequest = request("q=bakhmut&collapse=true&count=stories").unwrap();
        assert!(r.collapse);
        assert_eq!(r.count, dateline::Count::Stories);
        let r: SearchRequest = request("collapse").unwrap();
        assert!(r.collapse, "a bare flag is true");
        let r: SearchRequest = request("collapse=false").unwrap();
        assert!(!r.collapse);
        assert!(request::<SearchRequest>("count=copies").is_err());
    }

    #[test]
    fn an_empty_query_string_is_the_default_request() {
        assert_eq!(
            request::<SearchRequest>("").unwrap(),
            SearchRequest::default()
        );
        assert_eq!(
            request::<QuoteRequest>("").unwrap(),
            QuoteRequest::default()
        );
        let q: QuoteRequest = request("q=front&speaker=kofman&speaker=Lee").unwrap();
        assert_eq!(q.speakers, ["kofman", "Lee"]);
        assert_eq!(q.facets, [FacetField::Speaker], "default facets stay");
        let q: QuoteRequest = request("speaker-kind=organisation").unwrap();
        assert_eq!(q.speaker_kind, Some(dateline::SpeakerKind::Organisation));
        assert!(request::<QuoteRequest>("speaker_kind=robot").is_err());
    }

    #[test]
    fn bad_parameters_say_which_and_why() {
        let err = |q: &str| request::<SearchRequest>(q).unwrap_err();
        assert_eq!(err("limit=ten"), "limit: \"ten\" is not a number");
        assert!(
            err("from=2023-13").contains("2023-13"),
            "{}",
            err("from=2023-13")
        );
        assert!(err("facet=colour").contains("colour"));
        assert!(err("sort=sideways").contains("sideways"));
        assert_eq!(err("q=a&q=b"), "q is given more than once");
        let unknown = err("colour=red");
        assert!(
            unknown.starts_with("unknown parameter \"colour\" (known: "),
            "{unknown}"
        );
        assert!(
            unknown.contains("city") && unknown.contains(" q,"),
            "{unknown}"
        );
        // The quote-only parameter is not a search parameter.
        assert!(err("speaker=lee").starts_with("unknown parameter \"speaker\""));
        // `json` is the CLI's way to ask for JSON; the API always answers in JSON.
        assert!(err("json=1").starts_with("unknown parameter"));
    }
}
