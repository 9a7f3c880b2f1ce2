//! The agency gazetteer (`data/gazetteer/`, mined from the issuer blocks, signatures, `Nơi nhận` lists and duty
//! subjects of real documents by `scripts/mine_gazetteer.py`; its README says how): agency names as printed,
//! the words that open them and the abbreviations they use, matched over a paragraph's tokens. The agency rules
//! ask it where a known name ends (`Ban Quản lý Khu kinh tế`, `Đài Truyền hình Việt Nam`), whether a word opens
//! a name the lexicon does not know (`Hiệp hội`), and what an abbreviation stands for.
//!
//! Keys are compared folded ([`fold`]), token by token: the gazetteer's keys are its names tokenized the way
//! [`tokenize`](super::words::tokenize) does (words and single punctuation marks) and joined by spaces.
use super::fold::{fold, is_folded};
use super::lexicon::Lexicon;
use super::tokens::Lexed;
use super::words::{WordId, NO_WORD};
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

/// What a name or head names (the `kind`/`role` column).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A body: `Sở Tư pháp`.
    Body,
    /// An office-holder: `Giám đốc Sở Tư pháp`.
    Office,
    /// A class of bodies or people: `Các sở, ban, ngành`.
    Class,
}

impl Role {
    fn parse(s: &str) -> Option<Role> {
        match s {
            "body" => Some(Role::Body),
            "office" => Some(Role::Office),
            "class" => Some(Role::Class),
            _ => None,
        }
    }
}

/// A phrase found at a token: its length in tokens and its role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub len: usize,
    pub role: Role,
}

/// Phrases of folded tokens, as a trie: the longest at a token is found in as many steps as it has tokens,
/// whatever the number of names that share its first word (thousands open with `Ủy ban` or `Sở`).
struct Phrases {
    /// Node → (folded token → node); node 0 is the root.
    children: Vec<HashMap<Box<str>, u32>>,
    /// The same edges again by the lexicon's id of the word, for the words the lexicon has: a token carries
    /// that id, so most steps neither fold its text nor hash a string.
    by_id: Vec<HashMap<WordId, u32>>,
    /// The role of the phrase a node ends: the first one given, if a phrase is listed twice.
    ends: Vec<Option<Role>>,
}

impl Default for Phrases {
    fn default() -> Phrases {
        Phrases { children: vec![HashMap::default()], by_id: vec![HashMap::default()], ends: vec![None] }
    }
}

impl Phrases {
    fn add(&mut self, key: &str, role: Role) {
        let lexicon = Lexicon::global();
        let mut node = 0usize;
        for w in key.split(' ').filter(|w| !w.is_empty()) {
            let next = self.children.len() as u32;
            // the files' keys are folded already: most words are neither copied to fold them nor to look them up
            let w = folded(w);
            let id = lexicon.word_id(&w);
            let parent = node;
            node = match self.children[parent].get(&*w) {
                Some(&child) => child as usize,
                None => *self.children[parent].entry(w.into_owned().into_boxed_str()).or_insert(next) as usize,
            };
            if id != NO_WORD {
                self.by_id[parent].insert(id, node as u32);
            }
            if node == self.children.len() {
                self.children.push(HashMap::default());
                self.by_id.push(HashMap::default());
                self.ends.push(None);
            }
        }
        if node != 0 {
            self.ends[node].get_or_insert(role);
        }
    }

    /// The longest phrase starting at token `i`.
    fn longest(&self, lx: &Lexed, i: usize) -> Option<Found> {
        let (mut node, mut best) = (0usize, None);
        for k in i..lx.len() {
            let t = &lx.toks[k];
            // a word token's id is that of its folded text among the lexicon's words, so its edge by id is the
            // edge by text (both were added together); a word the lexicon lacks, or a mark, is looked up by text
            let next = if t.is_word() && t.word != NO_WORD { self.by_id[node].get(&t.word) } else { self.children[node].get(&*folded(lx.text(k))) };
            let Some(&next) = next else { break };
            node = next as usize;
            if let Some(role) = self.ends[node] {
                best = Some(Found { len: k + 1 - i, role });
            }
        }
        best
    }
}

/// `word` folded, borrowed when it already is (most words of running text): asked at every token the agency
/// rules look at, so the common case allocates nothing.
fn folded(word: &str) -> Cow<'_, str> {
    if is_folded(word) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(fold(word))
    }
}

/// The gazetteer compiled from the three files.
pub struct Gazetteer {
    names: Phrases,
    heads: Phrases,
    /// Folded abbreviation → its expansions as printed, the best attested first.
    abbreviations: HashMap<Box<str>, Vec<(u32, Box<str>)>>,
}

const AGENCIES: &str = include_str!("../../data/gazetteer/agencies.tsv");
const HEADS: &str = include_str!("../../data/gazetteer/heads.tsv");
const ABBREVIATIONS: &str = include_str!("../../data/gazetteer/abbreviations.tsv");

static GLOBAL: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::parse(AGENCIES, HEADS, ABBREVIATIONS).unwrap_or_else(|e| panic!("data/gazetteer: {e}")));

/// The rows of a TSV file after its header, each split into cells; an error names the file and line.
fn rows<'a>(src: &'a str, file: &'a str, cells: usize) -> impl Iterator<Item = Result<Vec<&'a str>, String>> + 'a {
    src.lines().enumerate().skip(1).filter(|(_, l)| !l.is_empty()).map(move |(n, l)| {
        // the cells after those read are neither cut nor collected (agencies.tsv has 13, 3 are read)
        let v: Vec<&str> = l.splitn(cells + 1, '\t').collect();
        if v.len() < cells {
            return Err(format!("{file} line {}: {} cells, {cells} expected", n + 1, v.len()));
        }
        Ok(v)
    })
}

impl Gazetteer {
    /// The gazetteer of `data/gazetteer/`.
    pub fn global() -> &'static Gazetteer {
        &GLOBAL
    }

    /// Compile the gazetteer from the text of `agencies.tsv`, `heads.tsv` and `abbreviations.tsv`.
    pub fn parse(agencies: &str, heads: &str, abbreviations: &str) -> Result<Gazetteer, String> {
        let mut g = Gazetteer { names: Phrases::default(), heads: Phrases::default(), abbreviations: HashMap::default() };
        for row in rows(agencies, "agencies.tsv", 3) {
            let row = row?;
            let role = Role::parse(row[2]).ok_or_else(|| format!("agencies.tsv: kind {:?} of {:?}", row[2], row[0]))?;
            // a name of one word (`UBND`, `CVP`) is a head, not a name whose extent it could tell
            if row[0].contains(' ') {
                g.names.add(row[0], role);
            }
        }
        for row in rows(heads, "heads.tsv", 4) {
            let row = row?;
            if row[0] == "head" {
                let role = Role::parse(row[3]).ok_or_else(|| format!("heads.tsv: role {:?} of {:?}", row[3], row[1]))?;
                g.heads.add(row[1], role);
            }
        }
        for row in rows(abbreviations, "abbreviations.tsv", 4) {
            let row = row?;
            let docs = row[3].parse::<u32>().map_err(|_| format!("abbreviations.tsv: docs {:?} of {:?}", row[3], row[0]))?;
            g.abbreviations.entry(fold(row[0]).into_boxed_str()).or_default().push((docs, row[2].into()));
        }
        for v in g.abbreviations.values_mut() {
            v.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        }
        Ok(g)
    }

    /// The longest known agency name starting at token `i` (`Đài Truyền hình Việt Nam`, `Sở Văn hóa, Thể thao
    /// và Du lịch`).
    pub fn name_at(&self, lx: &Lexed, i: usize) -> Option<Found> {
        self.names.longest(lx, i)
    }

    /// The longest head word starting at token `i` (`Hiệp hội`, `Cục`, `Giám đốc`).
    pub fn head_at(&self, lx: &Lexed, i: usize) -> Option<Found> {
        self.heads.longest(lx, i)
    }

    /// The expansions of an abbreviation (`UBND` → `Ủy ban nhân dân`), the most attested first.
    pub fn expansions(&self, abbreviation: &str) -> impl Iterator<Item = &str> {
        self.abbreviations.get(fold(abbreviation).as_str()).into_iter().flatten().map(|(_, e)| &**e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_names_are_found_whole_in_any_case_and_tone_placement() {
        let g = Gazetteer::global();
        let lx = Lexed::new("Sở Văn hoá, Thể thao và Du lịch, Đài Tiếng nói Việt Nam tuyên truyền");
        assert_eq!(g.name_at(&lx, 0), Some(Found { len: 9, role: Role::Body }));
        assert_eq!(g.name_at(&lx, 10).map(|f| f.len), Some(5));
        assert_eq!(g.name_at(&lx, 2), None);
    }

    #[test]
    fn the_longest_name_wins_past_shorter_ones_and_a_name_listed_twice_keeps_its_first_role() {
        let agencies = "name\tdocs\tkind\nSở Y tế\t3\tbody\nSở Y tế tỉnh Lạng Sơn\t2\tbody\nGiám đốc Sở Y tế\t4\toffice\nSở Y tế\t1\tclass\n";
        let g = Gazetteer::parse(agencies, "kind\tphrase\tdocs\trole\n", "abbr\tx\texpansion\tdocs\n").unwrap();
        let lx = Lexed::new("SỞ Y TẾ tỉnh Lạng Sơn và Sở Y tế tỉnh Cao Bằng, Giám đốc Sở Y tế");
        assert_eq!(g.name_at(&lx, 0), Some(Found { len: 6, role: Role::Body }));
        assert_eq!(g.name_at(&lx, 7), Some(Found { len: 3, role: Role::Body }));
        assert_eq!(g.name_at(&lx, 14), Some(Found { len: 5, role: Role::Office }));
        assert_eq!(g.name_at(&lx, 1), None);
    }

    #[test]
    fn a_name_is_found_through_words_the_lexicon_has_and_words_it_lacks() {
        // `uỷ` and `ban` have lexicon ids (looked up by id, in either tone placement), `zyxw` and the comma have
        // none (looked up by text)
        let agencies = "name\tdocs\tkind\nUỷ ban Zyxw , Bình\t1\tbody\n";
        let g = Gazetteer::parse(agencies, "kind\tphrase\tdocs\trole\n", "abbr\tx\texpansion\tdocs\n").unwrap();
        let lexicon = Lexicon::global();
        assert!(lexicon.word_id(&fold("Uỷ")) != NO_WORD && lexicon.word_id("ban") != NO_WORD && lexicon.word_id("zyxw") == NO_WORD);
        let lx = Lexed::new("ỦY BAN ZYXW, Bình và Ủy ban Zyxw Bình");
        assert_eq!(g.name_at(&lx, 0), Some(Found { len: 5, role: Role::Body }));
        assert_eq!(g.name_at(&lx, 6), None);
    }

    #[test]
    fn heads_and_abbreviations_come_from_the_data() {
        let g = Gazetteer::global();
        let lx = Lexed::new("Hiệp hội Doanh nghiệp tỉnh");
        assert_eq!(g.head_at(&lx, 0), Some(Found { len: 2, role: Role::Body }));
        assert!(g.expansions("UBND").any(|e| e == "Ủy ban nhân dân"));
    }
}
