//! Reading string fast-field columns whole: their dictionaries in term order.

use tantivy::TantivyError;

use crate::error::{Error, Result};

/// Every value of a string fast-field column, indexed by term ordinal, read in one pass.
pub(crate) fn column_terms(col: &tantivy::columnar::StrColumn) -> Result<Vec<String>> {
    let mut terms = Vec::with_capacity(col.num_terms());
    for_each_term(col, |term| terms.push(term.to_owned()))?;
    Ok(terms)
}

/// Calls `f` with every value of a string fast-field column (as lossy UTF-8), in term
/// ordinal order, reading the dictionary once.
pub(super) fn for_each_term(
    col: &tantivy::columnar::StrColumn,
    mut f: impl FnMut(&str),
) -> Result<()> {
    let mut stream = col.dictionary().stream().map_err(io_err)?;
    while stream.advance() {
        f(&String::from_utf8_lossy(stream.key()));
    }
    Ok(())
}

pub(crate) fn io_err(e: std::io::Error) -> Error {
    Error::Tantivy(TantivyError::from(e))
}
