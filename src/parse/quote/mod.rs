//! Quoted speech in an article body: the spans and who said them.

mod attribution;
mod spans;

pub use spans::{extract, extract_attributed, Quote};
