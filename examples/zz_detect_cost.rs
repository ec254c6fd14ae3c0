use std::time::Instant;
fn main() {
    let mut texts = Vec::new();
    for e in walkdir::WalkDir::new(std::env::args().nth(1).unwrap())
        .into_iter()
        .flatten()
    {
        if e.file_type().is_file() {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                texts.push(t);
            }
        }
    }
    let rounds = 2000 / texts.len().max(1) + 1;
    let t = Instant::now();
    let mut n = 0;
    let mut en = 0;
    for _ in 0..rounds {
        for x in &texts {
            n += 1;
            if dateline::parse::language::detect("", x).as_deref() == Some("en") {
                en += 1;
            }
        }
    }
    let el = t.elapsed();
    println!(
        "{} texts, {} detections, {} en, {:.1} µs each",
        texts.len(),
        n,
        en,
        el.as_secs_f64() * 1e6 / n as f64
    );
}
