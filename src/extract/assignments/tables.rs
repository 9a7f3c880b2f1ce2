//! Task tables (`Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành`): the header row names the
//! columns; every later row of the same width gives records, one row at a time.
use super::agents::split_listed;
use super::{deadline, Out, Row};
use crate::lex::tokens::Lexed;
use crate::model::Role;

/// Columns of the table in force: (lead, coordinate, responsible, deadline, width).
type Columns = (Option<usize>, Option<usize>, Option<usize>, Option<usize>, usize);

/// The column whose header holds one of `words` (a header cell is short).
fn column(row: &Row, words: &[&str]) -> Option<usize> {
    row.cells.iter().position(|c| {
        let l = c.to_lowercase();
        words.iter().any(|x| l.contains(x)) && c.chars().count() < 60
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
        let lead = column(row, &["chủ trì"]);
        let coord = column(row, &["phối hợp"]);
        if lead.is_some() || coord.is_some() {
            let resp = column(row, &["đơn vị thực hiện", "cơ quan thực hiện", "trách nhiệm thực hiện"]);
            let deadline = column(row, &["thời gian", "thời hạn", "tiến độ"]);
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
                let lx = Lexed::new(&row.cells[c]);
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
