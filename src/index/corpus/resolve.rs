//! Resolution: every reference of the index tied to the one document of the archive it cites, or to none.
//! A numbered citation resolves by its symbol key (number, type code, issuer code; the year of issue must
//! agree when both sides know it), a citation by name by its name key (type and name, folded). Conservative:
//! two different candidates make a reference unresolved, unless they are copies of one document or the
//! citation's issuer names exactly one of them.
use std::collections::HashMap;

use rusqlite::params;

use super::keys::years_agree;
use crate::lex::lexicon::{Lexicon, Tag};
use super::{sql_err, Corpus, Result, RESOLVER_VERSION};

impl Corpus {
    /// Resolve every reference to a document of the index (see the module documentation). Returns how many
    /// resolve.
    pub fn resolve(&mut self) -> Result<usize> {
        let path = self.path.clone();
        let e = sql_err(&path);
        let tx = self.conn.transaction().map_err(&e)?;
        let mut docs: Vec<Candidate> = Vec::new();
        {
            let mut st = tx
                .prepare("SELECT id, symbol_key, name_key, year, date, issuer_key, hash FROM documents")
                .map_err(&e)?;
            let rows = st
                .query_map([], |r| {
                    Ok(Candidate {
                        id: r.get(0)?,
                        symbol_key: r.get(1)?,
                        name_key: r.get(2)?,
                        year: r.get(3)?,
                        date: r.get(4)?,
                        issuer_key: r.get(5)?,
                        hash: r.get(6)?,
                    })
                })
                .map_err(&e)?;
            for row in rows {
                docs.push(row.map_err(&e)?);
            }
        }
        let mut by_symbol: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, d) in docs.iter().enumerate() {
            if let Some(k) = &d.symbol_key {
                by_symbol.entry(k).or_default().push(i);
            }
            if let Some(k) = &d.name_key {
                by_name.entry(k).or_default().push(i);
            }
        }
        let mut changes: Vec<(i64, Option<i64>, Option<&'static str>)> = Vec::new();
        let mut resolved = 0;
        {
            let mut st = tx
                .prepare(
                    "SELECT r.id, r.doc_id, r.symbol_key, r.name_key, r.year, r.date, r.issuer_key, r.attached, r.resolved_doc_id,
                            r.resolved_by, d.date
                     FROM refs r JOIN documents d ON d.id = r.doc_id",
                )
                .map_err(&e)?;
            let mut rows = st.query([]).map_err(&e)?;
            while let Some(r) = rows.next().map_err(&e)? {
                let id: i64 = r.get(0).map_err(&e)?;
                let citing: i64 = r.get(1).map_err(&e)?;
                let symbol_key: Option<String> = r.get(2).map_err(&e)?;
                let name_key: Option<String> = r.get(3).map_err(&e)?;
                let year: Option<i64> = r.get(4).map_err(&e)?;
                let date: Option<String> = r.get(5).map_err(&e)?;
                let issuer_key: Option<String> = r.get(6).map_err(&e)?;
                let attached: bool = r.get(7).map_err(&e)?;
                let old: (Option<i64>, Option<String>) = (r.get(8).map_err(&e)?, r.get(9).map_err(&e)?);
                let citing_date: Option<String> = r.get(10).map_err(&e)?;
                let want = RefKeys { citing, citing_date: citing_date.as_deref(), by_name: symbol_key.is_none(), year, date: date.as_deref(), issuer_key: issuer_key.as_deref() };
                let new: (Option<i64>, Option<&'static str>) = if attached {
                    (None, None)
                } else if let Some(k) = &symbol_key {
                    (pick(&docs, by_symbol.get(k.as_str()), &want), Some("symbol"))
                } else if let Some(k) = &name_key {
                    (pick(&docs, by_name.get(k.as_str()), &want), Some("name"))
                } else {
                    (None, None)
                };
                let new = if new.0.is_some() { new } else { (None, None) };
                if new.0.is_some() {
                    resolved += 1;
                }
                if old.0 != new.0 || old.1.as_deref() != new.1 {
                    changes.push((id, new.0, new.1));
                }
            }
        }
        {
            let mut st = tx.prepare("UPDATE refs SET resolved_doc_id = ?2, resolved_by = ?3 WHERE id = ?1").map_err(&e)?;
            for (id, doc, by) in &changes {
                st.execute(params![id, doc, by]).map_err(&e)?;
            }
        }
        tx.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('resolve_pending', '0')", []).map_err(&e)?;
        tx.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('resolver', ?1)", [RESOLVER_VERSION]).map_err(&e)?;
        tx.commit().map_err(&e)?;
        Ok(resolved)
    }
}

/// A document of the index, as resolution sees it.
struct Candidate {
    id: i64,
    symbol_key: Option<String>,
    name_key: Option<String>,
    year: Option<i64>,
    date: Option<String>,
    issuer_key: Option<String>,
    hash: String,
}

struct RefKeys<'a> {
    citing: i64,
    /// The citing document's date: nothing issued after it can be what it cites.
    citing_date: Option<&'a str>,
    /// A citation by name (not by symbol).
    by_name: bool,
    year: Option<i64>,
    date: Option<&'a str>,
    issuer_key: Option<&'a str>,
}

/// The place an issuer (as folded by `agency_key`) names: what follows its last place word (the lexicon's
/// `place_word`: `Ủy ban nhân dân tỉnh Đồng Nai` → `đồng nai`).
fn place_of(issuer: &str) -> Option<&str> {
    // the words after the first, from the last back: the last place word wins (`xã` in `... thị xã Sơn Tây`)
    let mut words = issuer.match_indices(' ').map(|(i, _)| i + 1).rev();
    let (at, end) = words.find_map(|i| Lexicon::global().opening(&issuer[i..], Tag::PlaceWord).map(|(_, end)| (i, end)))?;
    let rest = issuer[at + end..].trim();
    (!rest.is_empty()).then_some(rest)
}

/// Whether two issuers (folded) are the same body: `Some(true)` when one holds the other (`Cục Thuế` and `Bộ
/// Tài chính Cục Thuế`), `Some(false)` when they name different places (`… tỉnh Bình Định`, `… tỉnh Đồng
/// Nai`) or one names a place and the other shares no word with it (`Hải Phòng`), else `None` (`Bộ Chính
/// trị` and `Ban Chấp hành Trung ương` may well be).
fn issuers_agree(a: &str, b: &str) -> Option<bool> {
    if a.contains(b) || b.contains(a) {
        return Some(true);
    }
    match (place_of(a), place_of(b)) {
        (Some(x), Some(y)) if !x.starts_with(y) && !y.starts_with(x) => Some(false),
        (Some(_), None) | (None, Some(_)) if !a.split(' ').any(|w| b.split(' ').any(|v| v == w)) => Some(false),
        _ => None,
    }
}

/// The one document a reference names among those sharing its key: not the citing document, nor one issued
/// after it, nor one of another place's issuer; the year (and the day, when both sides give one) must
/// agree. Several left resolve only when they are copies of one document (same content, or same date and
/// issuer) or when the citation's issuer agrees with exactly one. A name without a year (`Luật Việc làm`)
/// resolves only from a dated citing document: laws are replaced by laws of the same name.
fn pick(docs: &[Candidate], among: Option<&Vec<usize>>, r: &RefKeys) -> Option<i64> {
    if r.by_name && r.year.is_none() && r.citing_date.is_none() {
        return None;
    }
    let fits: Vec<&Candidate> = among?
        .iter()
        .map(|&i| &docs[i])
        .filter(|d| d.id != r.citing)
        .filter(|d| match (r.citing_date, d.date.as_deref()) {
            (Some(c), Some(t)) => t <= c,
            _ => true,
        })
        .filter(|d| years_agree(r.year, d.year))
        .filter(|d| match (r.date, d.date.as_deref()) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        })
        .filter(|d| match (r.issuer_key, d.issuer_key.as_deref()) {
            (Some(a), Some(b)) => issuers_agree(a, b) != Some(false),
            _ => true,
        })
        .collect();
    match fits.as_slice() {
        [] => None,
        [one] => Some(one.id),
        [first, rest @ ..] => {
            let copies = rest.iter().all(|d| d.hash == first.hash)
                || first.date.is_some()
                    && first.issuer_key.is_some()
                    && rest.iter().all(|d| d.date == first.date && d.issuer_key == first.issuer_key);
            if copies {
                return fits.iter().map(|d| d.id).min();
            }
            let issuer = r.issuer_key?;
            let named: Vec<&&Candidate> =
                fits.iter().filter(|d| d.issuer_key.as_deref().and_then(|k| issuers_agree(issuer, k)) == Some(true)).collect();
            (named.len() == 1).then(|| named[0].id)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(id: i64, year: Option<i64>, date: Option<&str>, issuer: Option<&str>, hash: &str) -> Candidate {
        Candidate {
            id,
            symbol_key: None,
            name_key: None,
            year,
            date: date.map(String::from),
            issuer_key: issuer.map(String::from),
            hash: hash.into(),
        }
    }

    #[test]
    fn issuers_of_different_places_disagree() {
        assert_eq!(issuers_agree("ủy ban nhân dân tỉnh bình định", "ủy ban nhân dân tỉnh đồng nai"), Some(false));
        assert_eq!(issuers_agree("ủy ban nhân dân tỉnh", "ủy ban nhân dân tỉnh đồng nai"), Some(true));
        assert_eq!(issuers_agree("cục thuế", "bộ tài chính cục thuế"), Some(true));
        assert_eq!(issuers_agree("bộ chính trị", "ban chấp hành trung ương"), None);
        assert_eq!(issuers_agree("hải phòng", "ủy ban nhân dân tỉnh bắc ninh"), Some(false));
        assert_eq!(issuers_agree("thủ tướng chính phủ", "chính phủ"), Some(true));
        assert_eq!(issuers_agree("hội đồng nhân dân thành phố hà nội", "ủy ban nhân dân thành phố hà nội"), None);
        assert_eq!(place_of("ủy ban nhân dân thành phố hồ chí minh"), Some("hồ chí minh"));
        assert_eq!(place_of("ủy ban nhân dân xã tân phú"), Some("tân phú"));
    }

    #[test]
    fn resolution_is_conservative() {
        let docs = vec![
            cand(1, Some(2022), Some("2022-03-01"), Some("ủy ban nhân dân tỉnh a"), "h1"),
            cand(2, Some(2022), Some("2022-05-01"), Some("ủy ban nhân dân tỉnh b"), "h2"),
            cand(3, Some(2020), None, None, "h3"),
        ];
        let all = vec![0, 1, 2];
        let r = |year, date, issuer| RefKeys { citing: 99, citing_date: None, by_name: false, year, date, issuer_key: issuer };
        // two of 2022 and no way to tell them apart: not resolved
        assert_eq!(pick(&docs, Some(&all), &r(Some(2022), None, None)), None);
        // the day tells
        assert_eq!(pick(&docs, Some(&all), &r(Some(2022), Some("2022-05-01"), None)), Some(2));
        // the issuer tells
        assert_eq!(pick(&docs, Some(&all), &r(Some(2022), None, Some("ủy ban nhân dân tỉnh a"))), Some(1));
        // the year tells
        assert_eq!(pick(&docs, Some(&all), &r(Some(2020), None, None)), Some(3));
        // a date that no candidate has
        assert_eq!(pick(&docs, Some(&[0].to_vec()), &r(Some(2022), Some("2022-04-01"), None)), None);
        // never the citing document itself
        assert_eq!(pick(&docs, Some(&[2].to_vec()), &RefKeys { citing: 3, citing_date: None, by_name: false, year: None, date: None, issuer_key: None }), None);
        // nor one issued after the citing document
        let later = RefKeys { citing: 99, citing_date: Some("2022-04-01"), by_name: false, year: Some(2022), date: None, issuer_key: None };
        assert_eq!(pick(&docs, Some(&all), &later), Some(1));
        // nor one of another province
        assert_eq!(pick(&docs, Some(&[0].to_vec()), &r(Some(2022), None, Some("ủy ban nhân dân tỉnh c"))), None);
        assert_eq!(pick(&docs, Some(&[0].to_vec()), &r(Some(2022), None, Some("ủy ban nhân dân tỉnh"))), Some(1));
        // an undated name from an undated document: which version of the law is meant?
        let undated = RefKeys { citing: 99, citing_date: None, by_name: true, year: None, date: None, issuer_key: None };
        assert_eq!(pick(&docs, Some(&[2].to_vec()), &undated), None);
        assert_eq!(pick(&docs, Some(&[2].to_vec()), &RefKeys { citing_date: Some("2024-01-01"), ..undated }), Some(3));
        // copies of one document resolve to the first
        let copies = vec![cand(5, None, None, None, "same"), cand(4, None, None, None, "same")];
        assert_eq!(pick(&copies, Some(&vec![0, 1]), &r(None, None, None)), Some(4));
    }

    #[test]
    fn an_issuer_names_the_place_after_its_last_place_word() {
        assert_eq!(place_of("ủy ban nhân dân tỉnh đồng nai"), Some("đồng nai"));
        assert_eq!(place_of("ủy ban nhân dân thành phố hồ chí minh"), Some("hồ chí minh"));
        assert_eq!(place_of("ủy ban nhân dân thị xã sơn tây"), Some("sơn tây"));
        assert_eq!(place_of("bộ tài chính"), None);
        assert_eq!(issuers_agree("ủy ban nhân dân tỉnh bình định", "ủy ban nhân dân tỉnh đồng nai"), Some(false));
    }
}
