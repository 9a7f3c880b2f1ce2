//! Reading the index back: any SQL as a [`Table`], and the questions asked of an archive (what cites what,
//! who must act by when).
use std::fmt;
use std::path::Path;

use rusqlite::params;
use serde::Serialize;

use super::path::PathKey;
use super::keys::{name_key_of_query, query_symbol, years_agree};
use super::{Corpus, CorpusError, Result};

/// A cell of a query result.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    /// A BLOB: in this schema only a file name that is not UTF-8, kept as its bytes (see
    /// [`super::path::PathKey`]).
    Bytes(Vec<u8>),
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => Ok(()),
            Value::Int(i) => write!(f, "{i}"),
            Value::Real(x) => write!(f, "{x}"),
            Value::Text(s) => f.write_str(s),
            Value::Bytes(b) => f.write_str(&String::from_utf8_lossy(b)),
        }
    }
}

/// A query result: named columns, rows of values.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    pub fn len(&self) -> usize {
        self.rows.len()
    }
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
    /// The index of a column by name.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }
    /// One column's values.
    pub fn get<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a Value> + 'a {
        let i = self.column(name);
        self.rows.iter().filter_map(move |r| i.map(|i| &r[i]))
    }
}


impl Corpus {
    /// Run a query and collect its rows.
    pub fn query(&self, sql: &str, params: impl rusqlite::Params) -> Result<Table> {
        let mut st = self.conn.prepare_cached(sql).map_err(self.e())?;
        let columns: Vec<String> = st.column_names().map(|c| c.to_string()).collect();
        let n = columns.len();
        let mut rows = st.query(params).map_err(self.e())?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(self.e())? {
            let mut row = Vec::with_capacity(n);
            for i in 0..n {
                use rusqlite::types::ValueRef;
                row.push(match r.get_ref(i).map_err(self.e())? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(x) => Value::Int(x),
                    ValueRef::Real(x) => Value::Real(x),
                    ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(b) => Value::Bytes(b.to_vec()),
                });
            }
            out.push(row);
        }
        Ok(Table { columns, rows: out })
    }

    /// The documents of the index, by path: what they are, how many references they make and how many
    /// documents of the index cite them.
    pub fn documents(&self) -> Result<Table> {
        self.query(
            "SELECT d.id, d.path, d.doc_type, d.symbol, d.issuer, d.date, d.title, d.items,
                    (SELECT count(*) FROM refs r WHERE r.doc_id = d.id AND r.attached = 0) AS refs,
                    (SELECT count(DISTINCT r.doc_id) FROM refs r WHERE r.resolved_doc_id = d.id) AS cited_by,
                    d.size, d.hash, d.indexed_at
             FROM documents d ORDER BY d.path",
            [],
        )
    }

    /// The document a user names: its id, its path (as given, absolute, or a unique file name) or a symbol
    /// that only one document has.
    pub fn find_document(&self, q: &str) -> Result<i64> {
        let q = q.trim();
        let one = |sql: &str, p: &dyn rusqlite::ToSql| -> Result<Option<i64>> {
            let mut st = self.conn.prepare_cached(sql).map_err(self.e())?;
            let ids: Vec<i64> = st.query_map([p], |r| r.get(0)).map_err(self.e())?.collect::<std::result::Result<_, _>>().map_err(self.e())?;
            Ok((ids.len() == 1).then(|| ids[0]))
        };
        if let Ok(id) = q.parse::<i64>() {
            if let Some(id) = one("SELECT id FROM documents WHERE id = ?1", &id)? {
                return Ok(id);
            }
        }
        if let Some(id) = one("SELECT id FROM documents WHERE path = ?1", &PathKey::of(Path::new(q)))? {
            return Ok(id);
        }
        if let Some(id) = one("SELECT id FROM documents WHERE path = ?1", &q)? {
            return Ok(id);
        }
        let tail = format!("/{}", q.trim_start_matches("./"));
        if let Some(id) = one("SELECT id FROM documents WHERE substr(path, -length(?1)) = ?1", &tail)? {
            return Ok(id);
        }
        if let Some((key, year)) = query_symbol(q) {
            let mut st = self
                .conn
                .prepare_cached("SELECT id, year FROM documents WHERE symbol_key = ?1")
                .map_err(self.e())?;
            let ids: Vec<(i64, Option<i64>)> =
                st.query_map([&key], |r| Ok((r.get(0)?, r.get(1)?))).map_err(self.e())?.collect::<std::result::Result<_, _>>().map_err(self.e())?;
            let ids: Vec<i64> = ids.into_iter().filter(|(_, y)| years_agree(year, *y)).map(|(id, _)| id).collect();
            if ids.len() == 1 {
                return Ok(ids[0]);
            }
        }
        Err(CorpusError::NoSuchDocument(q.to_string()))
    }

    /// What a document cites: one row per reference, in order of first mention, with the document each
    /// resolves to.
    pub fn cites(&self, doc: &str) -> Result<Table> {
        let id = self.find_document(doc)?;
        self.query(
            "SELECT r.ord, r.key, r.doc_type, r.symbol, r.name, r.date, r.issuer, r.attached, r.mentions,
                    r.resolved_doc_id, t.path AS resolved_path, r.resolved_by
             FROM refs r LEFT JOIN documents t ON t.id = r.resolved_doc_id
             WHERE r.doc_id = ?1 ORDER BY r.ord",
            [id],
        )
    }

    /// The references to a document, given as a symbol as users type it (`66-NQ/TW` or `66/NQ-TW`, `số`,
    /// spaces and case do not matter, `NĐ` may be `ND`, a year may follow: `66-NQ/TW 2025`), as a reference
    /// key (`L:luật đất đai`) or as a name (`Luật Đất đai`). References resolved to a document that has that
    /// symbol or name are included; with a year, a reference of another year (its own, or its target's) is
    /// not.
    pub fn cited_by(&self, q: &str) -> Result<Table> {
        const COLUMNS: &str = "SELECT r.doc_id AS citing_id, d.path AS citing_path, d.symbol AS citing_symbol,
                    r.key, r.doc_type, r.symbol, r.name, r.date, r.issuer, r.mentions,
                    r.resolved_doc_id, t.path AS resolved_path
             FROM refs r JOIN documents d ON d.id = r.doc_id LEFT JOIN documents t ON t.id = r.resolved_doc_id";
        if let Some((key, year)) = query_symbol(q) {
            let sql = format!(
                "{COLUMNS} WHERE (r.symbol_key = ?1 AND (?2 IS NULL OR COALESCE(r.year, t.year) IS NULL OR COALESCE(r.year, t.year) = ?2))
                    OR r.resolved_doc_id IN (SELECT id FROM documents WHERE symbol_key = ?1 AND (?2 IS NULL OR year IS NULL OR year = ?2))
                 ORDER BY d.path, r.ord"
            );
            return self.query(&sql, params![key, year]);
        }
        // a year in the name (`Luật Đất đai năm 2024`) leaves out the references of another year
        let sql = format!(
            "{COLUMNS} WHERE r.key = ?1
                OR (r.name_key = ?2 OR r.resolved_doc_id IN (SELECT id FROM documents WHERE name_key = ?2))
                   AND (?3 IS NULL OR COALESCE(r.year, t.year) IS NULL OR COALESCE(r.year, t.year) = ?3)
             ORDER BY d.path, r.ord"
        );
        let (name, year) = name_key_of_query(q).unzip();
        self.query(&sql, params![q.trim(), name, year.flatten()])
    }

    /// References resolved to a document of the index, and how.
    pub fn resolved(&self) -> Result<Table> {
        self.query(
            "SELECT r.doc_id AS citing_id, d.path AS citing_path, r.key, r.symbol, r.name, r.resolved_by,
                    r.resolved_doc_id AS target_id, t.path AS target_path, t.symbol AS target_symbol, t.title AS target_title
             FROM refs r JOIN documents d ON d.id = r.doc_id JOIN documents t ON t.id = r.resolved_doc_id
             ORDER BY d.path, r.ord",
            [],
        )
    }

    /// References to documents outside the index (attachments of the citing document itself left out).
    pub fn unresolved(&self) -> Result<Table> {
        self.query(
            "SELECT r.doc_id AS citing_id, d.path AS citing_path, r.key, r.doc_type, r.symbol, r.name, r.date, r.issuer, r.mentions
             FROM refs r JOIN documents d ON d.id = r.doc_id
             WHERE r.resolved_doc_id IS NULL AND r.attached = 0
             ORDER BY d.path, r.ord",
            [],
        )
    }

    /// The `n` most cited documents, by how many documents of the index cite them: a resolved target is one
    /// document; unresolved ones are grouped by symbol key, else by name and year.
    pub fn most_cited(&self, n: usize) -> Result<Table> {
        let sql = format!(
            "SELECT COALESCE(t.symbol, max(r.symbol), max(r.name)) AS target, {TARGET_KEY} AS target_key,
                    max(r.doc_type) AS doc_type,
                    count(DISTINCT r.doc_id) AS citing_docs, sum(r.mentions) AS mentions,
                    r.resolved_doc_id AS target_id, t.path AS target_path, t.title AS target_title
             FROM refs r LEFT JOIN documents t ON t.id = r.resolved_doc_id
             WHERE r.attached = 0
             GROUP BY {TARGET_GROUP}
             ORDER BY citing_docs DESC, mentions DESC, target_key
             LIMIT ?1"
        );
        self.query(&sql, [n as i64])
    }

    /// The citation graph as an edge list: `source` (the citing document's path) → `target` (the cited
    /// document's path when resolved, else its key), with the number of mentions; one row per pair.
    /// `networkx.from_pandas_edgelist(df, "source", "target", edge_attr="count", create_using=nx.DiGraph)`.
    pub fn edges(&self) -> Result<Table> {
        let sql = format!(
            "SELECT d.path AS source, COALESCE(t.path, {TARGET_KEY}) AS target, sum(r.mentions) AS count,
                    r.doc_id AS source_id, r.resolved_doc_id AS target_id,
                    {TARGET_KEY} AS target_key, COALESCE(max(r.symbol), max(r.name)) AS target_label
             FROM refs r JOIN documents d ON d.id = r.doc_id LEFT JOIN documents t ON t.id = r.resolved_doc_id
             WHERE r.attached = 0
             GROUP BY r.doc_id, {TARGET_GROUP}
             ORDER BY d.path, min(r.ord)"
        );
        self.query(&sql, [])
    }

    /// Agency × document: how many assignments of each role each agency has in each document.
    pub fn responsibility_matrix(&self) -> Result<Table> {
        let roles: String = ROLES.iter().map(|r| format!("sum(a.role = '{r}') AS {r}, ")).collect();
        let sql = format!(
            "SELECT a.agency_key, min(a.agency) AS agency, a.doc_id, d.path, d.symbol, {roles}count(*) AS total
             FROM assignments a JOIN documents d ON d.id = a.doc_id
             GROUP BY a.agency_key, a.doc_id ORDER BY a.agency_key, d.path"
        );
        self.query(&sql, [])
    }

    /// Every assignment with a deadline, the dated ones first in date order.
    pub fn deadlines(&self) -> Result<Table> {
        self.query(
            "SELECT a.deadline_date, a.deadline, a.deadline_kind, a.deadline_year, a.deadline_part, a.agency,
                    a.agency_key, a.role, a.task, a.section, a.doc_id, d.path, d.symbol
             FROM assignments a JOIN documents d ON d.id = a.doc_id
             WHERE a.deadline IS NOT NULL
             ORDER BY a.deadline_date IS NULL, a.deadline_date, a.deadline_year IS NULL, a.deadline_year,
                      a.deadline_part, d.path, a.ord",
            [],
        )
    }

    /// Files that could not be indexed: path, kind (`read`, `decode`, `empty`, `panic`) and message.
    pub fn errors(&self) -> Result<Table> {
        self.query("SELECT path, kind, message, size, at FROM errors ORDER BY path", [])
    }

    /// Counts: documents, outline nodes, references (resolved, by symbol, by name), mentions, assignments,
    /// errors.
    pub fn stats(&self) -> Result<Table> {
        self.query(
            "SELECT (SELECT count(*) FROM documents) AS documents,
                    (SELECT count(*) FROM nodes) AS nodes,
                    (SELECT count(*) FROM refs WHERE attached = 0) AS refs,
                    (SELECT count(*) FROM refs WHERE resolved_doc_id IS NOT NULL) AS resolved,
                    (SELECT count(*) FROM refs WHERE resolved_by = 'symbol') AS resolved_by_symbol,
                    (SELECT count(*) FROM refs WHERE resolved_by = 'name') AS resolved_by_name,
                    (SELECT count(*) FROM mentions) AS mentions,
                    (SELECT count(*) FROM assignments) AS assignments,
                    (SELECT count(*) FROM errors) AS errors",
            [],
        )
    }
}

/// What a reference cites, for grouping: the document it resolves to, else its symbol key, else its name key
/// and year (`Luật Đất đai năm 2024` and `Luật Đất đai 2024` are one), else its key.
const TARGET_GROUP: &str =
    "COALESCE('#' || r.resolved_doc_id, r.symbol_key, r.name_key || COALESCE(' ' || r.year, ''), r.key)";
/// The key shown for a target: the resolved document's, else as [`TARGET_GROUP`].
const TARGET_KEY: &str =
    "COALESCE(t.symbol_key, t.name_key, r.symbol_key, r.name_key || COALESCE(' ' || r.year, ''), r.key)";

/// The assignment roles, in the order of the responsibility matrix's columns.
const ROLES: &[&str] = &["responsible", "lead", "coordinate", "directed", "monitor", "report_to"];
