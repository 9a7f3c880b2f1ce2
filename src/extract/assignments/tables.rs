//! Task tables (`Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành`): the header row names the
//! columns; every later row of the same width gives records, one row at a time.
use super::agents::split_listed;
use super::{deadline, Out, Row};
use crate::lex::lexicon::{Lexicon, Tag};
use super::lx::Lx;
use crate::model::Role;

/// Columns of the table in force: (lead, coordinate, responsible, deadline, width).
type Columns = (Option<usize>, Option<usize>, Option<usize>, Option<usize>, usize);

/// The column whose header holds a phrase tagged `column=holds` (`lead`, `deadline`), lower-cased as the row is
/// written (a header cell is short).
fn column(row: &Row, holds: &str) -> Option<usize> {
    let phrases: Vec<&str> = Lexicon::global().phrases(Tag::Column).filter(|e| e.value(Tag::Column) == Some(holds)).map(|e| e.phrase.as_str()).collect();
    row.cells.iter().position(|c| {
        let l = c.to_lowercase();
        phrases.iter().any(|p| l.contains(p)) && c.chars().count() < 60
    })
}

/// A group title spanning a task table's width: printed in capitals (`I. NÂNG CAO NHẬN THỨC VÀ ĐỔI MỚI TƯ DUY`).
fn is_group_title(c: &str) -> bool {
    c.chars().any(char::is_alphabetic) && !c.chars().any(char::is_lowercase)
}

/// The records of the task tables among `rows`.
pub fn read(rows: &[Row], doc_year: Option<u16>, out: &mut Out) {
    let mut cols: Option<Columns> = None;
    for row in rows {
        let lead = column(row, "lead");
        let coord = column(row, "coordinate");
        if lead.is_some() || coord.is_some() {
            let resp = column(row, "responsible");
            let deadline = column(row, "deadline");
            cols = Some((lead, coord, resp, deadline, row.cells.len()));
            continue;
        }
        let Some((lead, coord, resp, deadline, width)) = cols else { continue };
        // section rows (`I | KIỆN TOÀN ...`, `I. NÂNG CAO NHẬN THỨC ...` in one cell) and rows of another table are
        // narrower; a one-cell row that is no group title ends the table
        if row.cells.len() != width {
            if row.cells.len() < 2 && !row.cells.first().is_some_and(|c| is_group_title(c)) {
                cols = None;
            }
            continue;
        }
        let start = out.len();
        for (col, role) in [(lead, Role::Lead), (coord, Role::Coordinate), (resp, Role::Responsible)] {
            if let Some(c) = col {
                let lx = Lx::new(&row.cells[c]);
                for n in split_listed(&lx, 0, lx.len()) {
                    out.push_plain(&row.section, n.text(&lx), role, row.span);
                }
            }
        }
        if let Some(d) = deadline.and_then(|d| row.cells.get(d)).filter(|c| !c.trim().trim_matches(['.', '-', ';']).trim().is_empty()) {
            let d = deadline::parse(d, doc_year);
            out.fill_deadline(start..out.len(), &d);
        }
    }
}
