//! Task tables (`Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành`): the header row names the
//! columns; every later row of the same width gives records, one row at a time.
use super::agents::split_listed;
use super::{deadline, Out, Row};
use crate::lex::lexicon::{Lexicon, Tag};
use super::lx::Lx;
use crate::model::Role;

/// Columns of the table in force: (lead, coordinate, responsible, deadline, width).
type Columns = (Option<usize>, Option<usize>, Option<usize>, Option<usize>, usize);

/// A row's cells as a header is matched: lower-cased as the header is written, the short ones only (a header
/// cell is short: a task's long text is not lower-cased for nothing).
fn header_cells(row: &Row) -> Vec<Option<String>> {
    row.cells.iter().map(|c| (c.chars().count() < 60).then(|| c.to_lowercase())).collect()
}

/// The column whose header (among `header`, from [`header_cells`]) holds a phrase tagged `column=holds`
/// (`lead`, `deadline`).
fn column(header: &[Option<String>], holds: &str) -> Option<usize> {
    let holds_phrase = |l: &String| Lexicon::global().phrases(Tag::Column).any(|e| e.value(Tag::Column) == Some(holds) && l.contains(e.phrase.as_str()));
    header.iter().position(|l| l.as_ref().is_some_and(holds_phrase))
}

/// A group title spanning a task table's width: printed in capitals (`I. NÂNG CAO NHẬN THỨC VÀ ĐỔI MỚI TƯ DUY`).
fn is_group_title(c: &str) -> bool {
    c.chars().any(char::is_alphabetic) && !c.chars().any(char::is_lowercase)
}

/// The records of the task tables among `rows`.
pub fn read(rows: &[Row], doc_year: Option<u16>, out: &mut Out) {
    let mut cols: Option<Columns> = None;
    for row in rows {
        let header = header_cells(row);
        let lead = column(&header, "lead");
        let coord = column(&header, "coordinate");
        if lead.is_some() || coord.is_some() {
            let resp = column(&header, "responsible");
            let deadline = column(&header, "deadline");
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
