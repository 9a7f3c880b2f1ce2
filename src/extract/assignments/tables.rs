//! Task tables (`Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành`): the header row names the
//! columns; every later row of the same width gives records, one row at a time.
use super::agents::split_listed;
use super::{deadline, Out, Row};
use crate::lex::letters::lower;
use crate::lex::lexicon::{Lexicon, Tag};
use super::lx::Lx;
use crate::model::Role;
use std::sync::LazyLock;

/// Columns of the table in force: (lead, coordinate, responsible, deadline, width).
type Columns = (Option<usize>, Option<usize>, Option<usize>, Option<usize>, usize);

/// A row's cells as a header is matched: lower-cased as the header is written, the short ones only (a header
/// cell is short: a task's long text is not lower-cased for nothing).
fn header_cells(row: &Row) -> Vec<Option<String>> {
    row.cells.iter().map(|c| (c.chars().count() < 60 && (!*SPACED || c.contains(' '))).then(|| lower(c))).collect()
}

/// Whether every header phrase holds a space: then a cell without one holds none (lower-casing gives a space
/// only from a space), and is not lower-cased for nothing (a number, a date, a short word: most short cells).
static SPACED: LazyLock<bool> = LazyLock::new(|| HEADERS.iter().flatten().all(|p| p.contains(' ')));

/// What a task table's column holds, as the lexicon's rows of its header words say (`column=lead`).
#[derive(Clone, Copy)]
enum Holds {
    Lead,
    Coordinate,
    Responsible,
    Deadline,
}

impl Holds {
    const ALL: [Holds; 4] = [Holds::Lead, Holds::Coordinate, Holds::Responsible, Holds::Deadline];
    /// The value of the `column` tag.
    fn value(self) -> &'static str {
        match self {
            Holds::Lead => "lead",
            Holds::Coordinate => "coordinate",
            Holds::Responsible => "responsible",
            Holds::Deadline => "deadline",
        }
    }
}

/// The header phrases of each kind of column (indexed by [`Holds`]), picked from the lexicon once: every cell
/// of every row is matched against them.
static HEADERS: LazyLock<[Vec<&'static str>; 4]> = LazyLock::new(|| {
    Holds::ALL.map(|h| Lexicon::global().phrases(Tag::Column).filter(|e| e.value(Tag::Column) == Some(h.value())).map(|e| e.phrase.as_str()).collect())
});

/// The column whose header (among `header`, from [`header_cells`]) holds a phrase of the kind `holds`.
fn column(header: &[Option<String>], holds: Holds) -> Option<usize> {
    let phrases = &HEADERS[holds as usize];
    header.iter().position(|l| l.as_ref().is_some_and(|l| phrases.iter().any(|p| l.contains(p))))
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
        let lead = column(&header, Holds::Lead);
        let coord = column(&header, Holds::Coordinate);
        if lead.is_some() || coord.is_some() {
            let resp = column(&header, Holds::Responsible);
            let deadline = column(&header, Holds::Deadline);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_column_is_found_by_its_own_header_phrases() {
        let row = |cells: &[&str]| Row { cells: cells.iter().map(|c| c.to_string()).collect(), span: crate::model::Span::new(0, 0), section: String::new() };
        let header = header_cells(&row(&["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]));
        assert_eq!(column(&header, Holds::Lead), Some(2));
        assert_eq!(column(&header, Holds::Coordinate), Some(3));
        assert_eq!(column(&header, Holds::Deadline), Some(4));
        assert_eq!(column(&header_cells(&row(&["TT", "Đơn vị thực hiện"])), Holds::Responsible), Some(1));
        assert_eq!(column(&header_cells(&row(&["1", "Rà soát văn bản"])), Holds::Lead), None);
        // every value of the `column` tag in the lexicon is one of the kinds
        for e in Lexicon::global().phrases(Tag::Column) {
            assert!(Holds::ALL.iter().any(|h| e.value(Tag::Column) == Some(h.value())), "{}", e.phrase);
        }
    }

    #[test]
    fn a_cell_without_a_space_holds_no_header_phrase() {
        // the header phrases are all of two words or more today, so the check is on
        assert!(*SPACED);
        // lower-casing gives a space from a space only
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|&c| c != ' ') {
            assert!(!c.to_lowercase().any(|l| l == ' '), "{c:?}");
        }
        let row = Row { cells: vec!["TT".into(), "THỜI HẠN".into(), "Chủ\u{a0}trì".into()], span: crate::model::Span::new(0, 0), section: String::new() };
        let header = header_cells(&row);
        assert_eq!(column(&header, Holds::Deadline), Some(1));
        assert_eq!(header[0], None);
        // a no-break space is no space, lower-cased or not
        assert_eq!(column(&header, Holds::Lead), None);
    }
}
