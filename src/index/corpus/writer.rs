//! Writing the index: one writer, documents written whole in short transactions (a crash leaves whole
//! documents only), and the removal of documents whose file is gone.
use std::path::Path;
use std::time::Instant;

use rusqlite::{params, Connection, OptionalExtension};

use super::files::Outcome;
use super::path::PathKey;
use super::rows::Parsed;
use super::{sql_err, Corpus, Result, PARSER_VERSION};

impl Corpus {
    /// Remove documents and errors whose file is gone.
    pub(super) fn prune(&mut self) -> Result<usize> {
        let gone = |sql: &str| -> Result<Vec<PathKey>> {
            let mut st = self.conn.prepare(sql).map_err(self.e())?;
            let paths = st.query_map([], |r| r.get::<_, PathKey>(0)).map_err(self.e())?;
            let mut out = Vec::new();
            for p in paths {
                let p = p.map_err(self.e())?;
                // symlink_metadata: a dangling link is still there (its error row says why it cannot be read)
                if std::fs::symlink_metadata(p.to_path()).is_err() {
                    out.push(p);
                }
            }
            Ok(out)
        };
        let docs = gone("SELECT path FROM documents")?;
        let errs = gone("SELECT path FROM errors")?;
        let path = self.path.clone();
        let e = sql_err(&path);
        let tx = self.conn.transaction().map_err(&e)?;
        tx.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('resolve_pending', '1')", []).map_err(&e)?;
        for p in &docs {
            delete_document(&tx, p).map_err(&e)?;
        }
        for p in &errs {
            tx.execute("DELETE FROM errors WHERE path = ?1", [p]).map_err(&e)?;
        }
        tx.commit().map_err(&e)?;
        Ok(docs.len() + errs.len())
    }
}

/// The single writer: opens a transaction on the first write, commits in chunks.
pub(super) struct Writer<'a> {
    pub conn: &'a mut Connection,
    pub path: &'a Path,
    /// Files written in the open transaction.
    pub pending: usize,
    /// When the open transaction began.
    pub started: Option<Instant>,
}

impl Writer<'_> {
    fn begin(&mut self) -> Result<()> {
        if self.started.is_none() {
            self.conn.execute_batch("BEGIN IMMEDIATE").map_err(sql_err(self.path))?;
            self.started = Some(Instant::now());
        }
        Ok(())
    }
    pub fn commit(&mut self) -> Result<()> {
        if self.started.take().is_some() {
            self.conn.execute_batch("COMMIT").map_err(sql_err(self.path))?;
        }
        self.pending = 0;
        Ok(())
    }
    /// Resolution is stale from the first write until [`Corpus::resolve`] runs (even across a crash).
    pub fn mark_unresolved(&mut self) -> Result<()> {
        self.begin()?;
        self.conn
            .execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('resolve_pending', '1')", [])
            .map_err(sql_err(self.path))?;
        Ok(())
    }
    pub fn write(&mut self, out: Outcome) -> Result<()> {
        self.begin()?;
        let c = &*self.conn;
        let e = sql_err(self.path);
        match out {
            Outcome::Skipped => {}
            Outcome::Touched { path, size, mtime, failed } => {
                let sql = if failed {
                    "UPDATE errors SET size = ?2, mtime_ns = ?3 WHERE path = ?1"
                } else {
                    "UPDATE documents SET size = ?2, mtime_ns = ?3 WHERE path = ?1"
                };
                c.prepare_cached(sql).map_err(&e)?.execute(params![path, size, mtime]).map_err(&e)?;
            }
            Outcome::Failed(f) => {
                delete_document(c, &f.path).map_err(&e)?;
                c.prepare_cached(
                    "INSERT OR REPLACE INTO errors (path, kind, message, size, mtime_ns, hash, parser_version)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(&e)?
                .execute(params![f.path, f.kind, f.message, f.size, f.mtime, f.hash, PARSER_VERSION])
                .map_err(&e)?;
            }
            Outcome::Parsed(p) => write_parsed(c, &p).map_err(&e)?,
        }
        self.pending += 1;
        Ok(())
    }
}

fn delete_children(c: &Connection, id: i64) -> rusqlite::Result<()> {
    for sql in [
        "DELETE FROM mentions WHERE doc_id = ?1",
        "DELETE FROM refs WHERE doc_id = ?1",
        "DELETE FROM nodes WHERE doc_id = ?1",
        "DELETE FROM assignments WHERE doc_id = ?1",
    ] {
        c.prepare_cached(sql)?.execute([id])?;
    }
    Ok(())
}

fn delete_document(c: &Connection, path: &PathKey) -> rusqlite::Result<()> {
    let id: Option<i64> = c.prepare_cached("SELECT id FROM documents WHERE path = ?1")?.query_row([path], |r| r.get(0)).optional()?;
    if let Some(id) = id {
        delete_children(c, id)?;
        c.prepare_cached("DELETE FROM documents WHERE id = ?1")?.execute([id])?;
    }
    Ok(())
}

fn write_parsed(c: &Connection, p: &Parsed) -> rusqlite::Result<()> {
    let d = &p.doc;
    // an update keeps the document's id, so references resolved to it stay valid
    let id: i64 = c
        .prepare_cached(
            "INSERT INTO documents (path, hash, size, mtime_ns, parser_version, doc_type, doc_type_name, symbol, number, year,
                 type_code, issuer_code, symbol_form, symbol_key, issuer, issuer_key, place, date, title, name_key, signer, chars, items)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)
             ON CONFLICT(path) DO UPDATE SET hash = excluded.hash, size = excluded.size, mtime_ns = excluded.mtime_ns,
                 parser_version = excluded.parser_version, indexed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
                 doc_type = excluded.doc_type, doc_type_name = excluded.doc_type_name, symbol = excluded.symbol,
                 number = excluded.number, year = excluded.year, type_code = excluded.type_code,
                 issuer_code = excluded.issuer_code, symbol_form = excluded.symbol_form, symbol_key = excluded.symbol_key,
                 issuer = excluded.issuer, issuer_key = excluded.issuer_key, place = excluded.place, date = excluded.date,
                 title = excluded.title, name_key = excluded.name_key, signer = excluded.signer, chars = excluded.chars,
                 items = excluded.items
             RETURNING id",
        )?
        .query_row(
            params![
                p.path, p.hash, p.size, p.mtime, PARSER_VERSION, d.doc_type, d.doc_type_name, d.sym.raw, d.sym.number, d.sym.year,
                d.sym.type_code, d.sym.issuer_code, d.sym.form, d.sym.key, d.issuer, d.issuer_key, d.place, d.date, d.title,
                d.name_key, d.signer, d.chars, d.items
            ],
            |r| r.get(0),
        )?;
    delete_children(c, id)?;
    c.prepare_cached("DELETE FROM errors WHERE path = ?1")?.execute([&p.path])?;
    let mut st = c.prepare_cached(
        "INSERT INTO nodes (doc_id, ord, parent_ord, depth, path, label, style, heading, byte_start, byte_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for n in &p.nodes {
        st.execute(params![id, n.ord, n.parent_ord, n.depth, n.path, n.label, n.style, n.heading, n.start, n.end])?;
    }
    let mut st = c.prepare_cached(
        "INSERT INTO refs (doc_id, ord, key, symbol_key, name_key, doc_type, symbol, number, year, type_code, issuer_code,
             symbol_form, date, issuer, issuer_key, name, attached, mentions)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
         RETURNING id",
    )?;
    let mut ment = c.prepare_cached(
        "INSERT INTO mentions (ref_id, doc_id, byte_start, byte_end, node_ord, node_path, article, clause, point)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (ord, r) in p.refs.iter().enumerate() {
        let ref_id: i64 = st.query_row(
            params![
                id, ord as i64, r.key, r.sym.key, r.name_key, r.doc_type, r.sym.raw, r.sym.number, r.sym.year, r.sym.type_code,
                r.sym.issuer_code, r.sym.form, r.date, r.issuer, r.issuer_key, r.name, r.attached, r.mentions.len() as i64
            ],
            |row| row.get(0),
        )?;
        for m in &r.mentions {
            ment.execute(params![ref_id, id, m.start, m.end, m.node_ord, m.node_path, m.article, m.clause, m.point])?;
        }
    }
    let mut st = c.prepare_cached(
        "INSERT INTO assignments (doc_id, ord, section, agency, agency_key, role, deadline, deadline_date, deadline_kind,
                                  deadline_year, deadline_part, byte_start, byte_end, task)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    for (ord, a) in p.assignments.iter().enumerate() {
        st.execute(params![
            id, ord as i64, a.section, a.agency, a.agency_key, a.role, a.deadline, a.deadline_date, a.deadline_kind,
            a.deadline_year, a.deadline_part, a.start, a.end, a.task
        ])?;
    }
    Ok(())
}
