//! The lexicon: every word and phrase the rules know, with what it is (a verb, a head word of an agency, a
//! document type ...), read from one data file, `data/lexicon.tsv`, that a person who reads Vietnamese can
//! review. Phrases are compared folded ([`super::fold`]: case, `Ð`, tone placement), so each is written once.
//!
//! The file: one phrase per line, `phrase<TAB>tags[<TAB>note]`; tags separated by spaces, a tag may carry a
//! value (`role=lead`, `type=NQ`); `#` starts a comment line. A phrase appears once; its line lists all it is.
//! Phrases are matched over tokens ([`super::words`]): word by word, punctuation included (`tiếp thu, giải trình`).
use super::fold::fold;
use super::words::{tokenize, Token, Tokens, WordId, Words, NO_WORD};
use rustc_hash::FxHashMap as HashMap;
use std::sync::{LazyLock, OnceLock};

macro_rules! tags {
    ($($(#[$doc:meta])* $name:ident = $text:literal,)*) => {
        /// What a phrase of the lexicon is. A phrase has a set of them ([`Tags`]).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Tag { $($(#[$doc])* $name,)* }
        impl Tag {
            pub const ALL: &'static [Tag] = &[$(Tag::$name,)*];
            /// The tag's name in `data/lexicon.tsv`.
            pub fn name(self) -> &'static str {
                match self { $(Tag::$name => $text,)* }
            }
            pub fn from_name(s: &str) -> Option<Tag> {
                match s { $($text => Some(Tag::$name),)* _ => None }
            }
        }
    };
}

tags! {
    // --- agencies (assignments)
    /// Opens the name of an agency or office-holder when capitalized (`Sở`, `Ủy ban`, `Giám đốc`).
    Head = "head",
    /// Opens an agency in lower case too, inside a sentence (`người đứng đầu`, `ủy ban nhân dân`).
    HeadLower = "head_lower",
    /// A head that is a whole name by itself (`Ủy ban nhân dân`, `Chính phủ`): a verb may follow it at once.
    Complete = "complete",
    /// Begins like a head word but names no actor (`Trường hợp`, `Hội nghị`, `Ban hành`).
    NotHead = "not_head",
    /// A plural noun: `các X` names a class of actors (`các sở`, `các cơ quan`).
    Plural = "plural",
    /// Opens a class of actors, so a lower-case noun after a comma goes on with it (`các cấp ủy, tổ chức đảng`).
    ClassHead = "class_head",
    /// A generic noun that opens a class only standing alone before a comma (`Cơ quan, tổ chức đảng`).
    BareClassHead = "bare_class_head",
    /// A noun that goes on with a class after a comma (besides the plural nouns).
    ClassNoun = "class_noun",
    /// A lower-case head that names one body, so it opens a new agency even inside a class.
    ProperLower = "proper_lower",
    /// A noun naming an actor in lower case in regulations (`hội đồng ...`, `lưu trữ ...`).
    ActorNoun = "actor_noun",
    /// Qualifies the agency before it, though it begins with a stop word (`cùng cấp`, `có liên quan`).
    Qualifier = "qualifier",
    /// A level after a name, whatever its words are elsewhere (`cấp trên`).
    Level = "level",
    /// The second syllable of a compound after a capitalized word (`Chương trình`, `Kế hoạch`).
    CompoundTail = "compound_tail",
    /// A verb: it ends an agency's name and makes the agency act.
    Verb = "verb",
    /// Looks like a verb to the verb miner (`scripts/mine_verbs.py`) and is none (`cần thiết`, `phù hợp`).
    NotVerb = "not_verb",
    /// Ends an agency's name but is no verb (a preposition, conjunction, adverb of time, a noun of the task).
    Stop = "stop",
    /// An adverb that may come before the verb (`tiếp tục`, `kịp thời`).
    Adverb = "adverb",
    /// A power or permission, not a duty (`có quyền`, `được`, `quy định`).
    Power = "power",
    /// Hands work to others: its subject issues the work (`giao`, `yêu cầu`).
    Issuing = "issuing",
    /// A duty after an agency: the agency is responsible (`có trách nhiệm`, `phải`).
    Duty = "duty",
    /// A modal duty: a subject named by a lower-case actor noun is responsible only before one of these
    /// (`phải`, `có trách nhiệm`), not before a power, a description or another verb.
    ModalDuty = "modal_duty",
    /// Right after `phải`, makes it a condition to meet or a state, not a task (`phải là`, `phải được`, `phải có`).
    Requirement = "requirement",
    /// Opens a clause and gives the agency after it a role (`Giao` → responsible, `Chỉ đạo` → directed).
    Opener = "opener",
    /// A role cue after an agency (`chủ trì` → lead).
    RoleCue = "role_cue",
    /// A label of a task line (`Đơn vị chủ trì:` → lead; `Thời hạn:` → deadline).
    Label = "label",
    /// Fronted before the subject of a clause and ended by a comma (`Căn cứ ...,`, `Trên cơ sở ...,`).
    Fronted = "fronted",
    /// Ends the subject of a duty read past its first verb: how, where or when the actor acts (`Chủ tịch UBND cấp
    /// xã căn cứ chức năng, nhiệm vụ được giao, có trách nhiệm ...`), not part of its name.
    SubjectEnd = "subject_end",
    /// After it an agency opens a clause even without a comma (`vướng mắc`).
    ClauseCue = "clause_cue",
    /// A verb joined to `báo cáo` before the report's target (`báo cáo, đề xuất Bộ Chính trị`).
    ReportAlso = "report_also",
    /// A verb that ends a passive agent phrase (`do X quản lý`).
    PassiveVerb = "passive_verb",
    /// What a monitor verb must be about, within a few words (`tiến độ`, `việc thực hiện`).
    MonitorObject = "monitor_object",
    /// The same for `đôn đốc`, anywhere in its clause.
    MonitorObjectFar = "monitor_object_far",
    /// An abbreviation of agency words; the value is its expansion (`UBND` = `ủy ban nhân dân`).
    Abbreviation = "abbr",
    // --- grammar words of assignments: small closed classes the clause rules read as cues
    /// Before a plural noun, makes it a class of actors (`các sở`, `những cá nhân`, `tất cả các đơn vị`).
    Determiner = "determiner",
    /// Joins the names of a list (`và`, `hoặc`): a name ends before it, and the next opens after it.
    Conjunction = "conjunction",
    /// After `tổ chức`, makes it a noun, an organization, not the verb `organize` (`tổ chức chính trị`, `tổ
    /// chức đảng`, `tổ chức hội`).
    OrganizationKind = "organization_kind",
    /// A generic noun for a body that a role verb after it names (`cơ quan chủ trì`, `đơn vị phối hợp`): the
    /// words are one name, and give no role.
    GenericBody = "generic_body",
    /// Names a part in a task (`chủ trì`, `phối hợp`, `thực hiện`): after a generic body it names the body by
    /// that part; inside a passive agent (`do cơ quan nhà nước chủ trì thực hiện`) it describes the task.
    RoleVerb = "role_verb",
    /// Asks for work in the middle of a clause, in lower case (`..., đề nghị các sở ...`): a request the
    /// document makes of the agencies after it.
    Request = "request",
    /// Right before a request word, makes it a noun or no request of the document's own (`văn bản đề nghị`,
    /// `theo đề nghị`, `được yêu cầu`, `các đề nghị`).
    NotRequestBefore = "not_request_before",
    /// How an agency acts, right after its name (`theo chức năng, nhiệm vụ, thẩm quyền`): skipped before what
    /// it does.
    Manner = "manner",
    /// A verb inside a manner phrase that does not end it (`theo chức năng, nhiệm vụ được giao`).
    MannerVerb = "manner_verb",
    /// Says its subject is responsible (`có trách nhiệm`, `chịu trách nhiệm`): the subject may run past its
    /// first verb (`Người được giao theo dõi ... có trách nhiệm`).
    Responsibility = "responsibility",
    /// How closely agencies coordinate, between `phối hợp` and its partners (`chặt chẽ`, `thường xuyên`).
    CoordinateAdverb = "coordinate_adverb",
    /// Opens the partners after `phối hợp` (`với`, `cùng`).
    Partner = "partner",
    /// Reports to the agency named right after it or after a report target (`báo cáo`, `phản ánh`).
    ReportVerb = "report_verb",
    /// After a report verb, opens the agency the report goes to (`báo cáo ... về UBND tỉnh`, `cho`, `lên`,
    /// `gửi`, `đến`, `với`). The value is its rank: of the cues a clause has, the lowest rank followed by an
    /// agency names the target (`về` = 1 before `gửi` = 4).
    ReportTarget = "report_target",
    /// Follows the implementation up, with what it is about near (a monitor object): its subject monitors
    /// (`theo dõi`, `kiểm tra`, `giám sát`, `đôn đốc`).
    MonitorVerb = "monitor_verb",
    /// Right after `đôn đốc` (commas between), names the implementation at once (`đôn đốc việc ...`, `đôn đốc
    /// thực hiện`, `đôn đốc triển khai`).
    MonitorObjectNext = "monitor_object_next",
    /// Says what an office-holder answers for (`Cán bộ phụ trách lĩnh vực ...`, `... trên địa bàn`): an item
    /// addressed to such a title names the whole title as the actor.
    InCharge = "in_charge",
    /// A header cell of a task table holding it names its column; the value is what the column holds (`Cơ quan
    /// chủ trì` → lead, `phối hợp` → coordinate, `đơn vị thực hiện` → responsible, `Thời hạn` → deadline).
    Column = "column",
    // --- deadlines
    /// A word of a recurring deadline; the value is the period (`hằng tháng` = monthly).
    Period = "period",
    /// The year after the document's (`của năm tiếp theo`, `năm sau`): a day or quarter without a year falls in it.
    NextYear = "next_year",
    /// A word of an ongoing task (`thường xuyên`).
    Ongoing = "ongoing",
    // --- documents (references)
    /// The type word of a numbered citation (`Nghị quyết số ...`, `văn bản số ...`).
    CitedType = "cited_type",
    /// A type word that opens a citation by name; the value says how the name is read (`Luật` = law).
    Named = "named",
    /// A type word of a numbered citation printed in lower case too (`văn bản số`).
    LowerOk = "lower_ok",
    /// A type word that opens a citation by name in lower case too (`chương trình mục tiêu quốc gia`).
    NamedLower = "named_lower",
    /// Printed with every word capitalized too (`Bộ Luật`).
    TitleOk = "title_ok",
    /// Ends a cited name (a verb, preposition or word opening the rest of the clause).
    NameStop = "name_stop",
    /// Ends a cited name after `và` or a comma: another, generic object (`pháp luật`).
    ListStop = "list_stop",
    /// A capitalized word that opens an agency's name, not a law's next word after a comma.
    IssuerWord = "issuer_word",
    /// A verb common inside the descriptive name of a programme (`bảo đảm`).
    PlanWord = "plan_word",
    /// Before a type word, makes it a class (`các`, `những`).
    PluralBefore = "plural_before",
    /// Before a type word, makes it part of another name or denies it (`pháp`, `không có`).
    InsideNameBefore = "inside_name_before",
    /// A capitalized type word that opens a new citation inside a name.
    NameBreakType = "name_break_type",
    /// What a decree or circular does, opening its name when it has no number yet (`Nghị định quy định chi tiết
    /// ...`, `Nghị định xử phạt ...`) or describing a numbered one (`Nghị định số ... sửa đổi ...`). Right after a
    /// law's or decree's type word it goes on with the name, though it ends one elsewhere (`Luật sửa đổi ...`).
    DecreeVerb = "decree_verb",
    /// Opens the name of a congress or plenum resolution cited without a number (`Nghị quyết Đại hội ...`,
    /// `Nghị quyết Hội nghị ...`, `Nghị quyết Trung ương 4 ...`).
    ResolutionOpener = "resolution_opener",
    /// A decree's name that ends on it is cut short: the name goes on to what the decree details or amends
    /// (`Nghị định quy định chi tiết`).
    DecreeOpenEnd = "decree_open_end",
    /// Issues or approves the document named right after it (`ban hành`, `phê duyệt`): that name is not cited
    /// on its own.
    IssuingVerb = "issuing_verb",
    /// May stand between an issuing verb and the name (`phê duyệt chủ trương đầu tư Dự án ...`).
    IssuingObject = "issuing_object",
    /// Between a type word and `số`: what kind of report it is (`thẩm tra`).
    TypeQualifier = "type_qualifier",
    /// Before a programme's name, shows it cited as a document (`thực hiện`, `theo`).
    Cue = "cue",
    /// An adverb between a cue and the name (`hiệu quả`).
    CueFiller = "cue_filler",
    /// Comes before a place's name in an issuer (`tỉnh`, `thành phố`, `xã`).
    PlaceWord = "place_word",
    /// A word of a document's name that says when, not what (`năm`, `giai đoạn`): left out of its key.
    TimeWord = "time_word",
    /// Glued to a symbol by a missing space, it is the next word, not the symbol's end (`70-TB/TWngày`).
    Glued = "glued",
    // --- the walker of cited names (extract/references/named.rs): small classes it reads as cues
    /// After `gửi`, says where it is sent (`gửi về`, `đến`, `tới`, `cho`): `gửi` then ends a cited name (`... gửi
    /// về Sở`), not a word of it (`Luật Bảo hiểm tiền gửi`).
    SendTo = "send_to",
    /// The last word of a verb that takes `về` into a decree's name (`Nghị định quy định về ...`, `hướng dẫn về
    /// ...`): after it `về` goes on with the name instead of ending it. A word, as the walker reads the one before.
    TakesAbout = "takes_about",
    /// Ends the title of an attachment, which runs up to it (`Đề cương ... kèm theo`, `đính kèm`, `ban hành kèm`,
    /// `gửi kèm`).
    AttachEnd = "attach_end",
    /// After `và` in a decree's name, a capitalized word that opens another law the decree details, so the name
    /// goes on (`... Luật A và Luật sửa đổi ... Luật A`, `Bộ luật`): the word alone is read, whatever follows it.
    DetailedLaw = "detailed_law",
    /// Right before a type word inside a cited name, makes it open a name nested in the first rather than end it
    /// (`Luật sửa đổi, bổ sung một số điều của Luật ...`, `Nghị định ... Luật A và Luật sửa đổi ...`).
    NestBefore = "nest_before",
    /// Before a number, makes it part of a law's or charter's name: a year, term, stage or session (`năm 2023`,
    /// `giai đoạn 2021 - 2025`, `khóa XII`, `lần thứ 2`, `Trung ương 4`). A word, as the walker reads the one
    /// before (`ương` of `Trung ương`).
    NumberBefore = "number_before",
    /// After a programme's type word in lower case, opens a national programme's name (`chương trình quốc gia
    /// ...`, `chương trình mục tiêu quốc gia ...`). Written in lower case, as it is looked for in the text first.
    NationalPlan = "national_plan",
    /// Right after a programme's type word, makes its name only a period: the short form of a name given before
    /// (`Chương trình giai đoạn 2026-2030`, `Chương trình năm 2025`), not cited on its own.
    PeriodOnly = "period_only",
    // --- layout and paragraphs (lex, parse)
    /// A line cannot end a paragraph on it: the sentence goes on (`và`, `của`, `số`, `Điều`).
    OpenEnd = "open_end",
    /// An open end that waits for a number or a label (`số`, `năm`, `Điều`, `khóa`): before a line that opens
    /// with a word it holds nothing open (`... CHUYỂN ĐỔI SỐ` / `THỦ TƯỚNG CHÍNH PHỦ`).
    AwaitsNumber = "awaits_number",
    /// Opens a legal heading and wants its number (`Điều`, `Chương`, `Tiểu mục`).
    LegalWord = "legal_word",
    /// A label of a task line in an outline item, whatever it holds (`Đơn vị chủ trì:`, `Kinh phí:`).
    LineLabel = "line_label",
    /// Opens the paragraph that ends a document's body (`Trên đây`, `Nơi nhận`, `Gửi kèm`).
    ClosingCue = "closing_cue",
    /// A label of a portal's field box, a whole line (`Số hiệu:`, `Người ký:`).
    ChromeField = "chrome_field",
    /// Opens a portal's footer after the document (`Văn bản liên quan`).
    ChromeFooter = "chrome_footer",
    /// Opens a preamble paragraph (`Căn cứ`, `Thực hiện`, `Theo đề nghị`).
    PreambleCue = "preamble_cue",
    /// Opens a preamble's first paragraph too, right after the title (`Căn cứ`, `Kính gửi`, `Xét`).
    PreambleFirst = "preamble_first",
    /// Opens the line, in capitals, naming who enacts under a title (`CHỦ TỊCH ỦY BAN ...`, `BỘ TRƯỞNG ...`).
    Enacting = "enacting",
    /// An enacting authority that is an office-holder (`CHỦ TỊCH`, `TRƯỞNG BAN`): not a body's name.
    Officer = "officer",
    /// Opens a signer's title after a collective's name (`TM. BAN THƯỜNG TRỰC` / `CHỦ TỊCH`).
    TitleHead = "title_head",
    /// Opens a deputy's title, the signer's own after the authority (`KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH`, `KT. BỘ
    /// TRƯỞNG` / `THỨ TRƯỞNG`).
    Deputy = "deputy",
    /// A collective noun: before a collective title it names a body, not a signer's title (`BAN BÍ THƯ`, `ĐOÀN
    /// CHỦ TỊCH`).
    Collective = "collective",
    /// A title that names a body after a collective noun (`BÍ THƯ`, `CHỦ TỊCH`, `CHỦ NHIỆM`).
    CollectiveTitle = "collective_title",
    /// The last word of the title an authority acts for (`TL. BỘ TRƯỞNG`, `KT. GIÁM ĐỐC`).
    TitleEnd = "title_end",
    /// A Vietnamese surname: tells a name printed in capitals from a title.
    Surname = "surname",
    /// A form of the national motto or the Party's name at the top right of a header (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA
    /// VIỆT NAM`, `Độc lập - Tự do - Hạnh phúc`, `ĐẢNG CỘNG SẢN VIỆT NAM`), compared upper-cased in both tone
    /// placements; the value says where: `inside` a paragraph in capitals, `opens` it, or is the `whole` of it.
    Motto = "motto",
}

/// A set of [`Tag`]s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Tags(u128);

// a tag is a bit of `Tags`: past 128 tags the shifts would wrap and tags would collide silently
const _: () = assert!(Tag::ALL.len() <= u128::BITS as usize, "more tags than bits in Tags");

impl Tags {
    pub const fn empty() -> Tags {
        Tags(0)
    }
    pub fn of(tags: &[Tag]) -> Tags {
        Tags(tags.iter().fold(0, |a, t| a | 1 << *t as u8))
    }
    pub fn has(self, t: Tag) -> bool {
        self.0 & (1 << t as u8) != 0
    }
    pub fn any(self, other: Tags) -> bool {
        self.0 & other.0 != 0
    }
    fn insert(&mut self, t: Tag) {
        self.0 |= 1 << t as u8;
    }
}

impl From<&[Tag]> for Tags {
    fn from(t: &[Tag]) -> Tags {
        Tags::of(t)
    }
}

impl From<Tag> for Tags {
    fn from(t: Tag) -> Tags {
        Tags::of(&[t])
    }
}

/// A phrase of the lexicon.
#[derive(Clone, Debug)]
pub struct Entry {
    /// As written in the file.
    pub phrase: String,
    pub tags: Tags,
    /// Values of the tags that carry one (`role=lead`).
    values: Vec<(Tag, String)>,
    /// Its length in tokens.
    pub len: usize,
}

impl Entry {
    /// The value of `tag` (`role=lead` → `lead`).
    pub fn value(&self, tag: Tag) -> Option<&str> {
        self.values.iter().find(|(t, _)| *t == tag).map(|(_, v)| v.as_str())
    }
    pub fn has(&self, tag: Tag) -> bool {
        self.tags.has(tag)
    }
}

/// The compiled lexicon: folded words interned, phrases in a trie of word ids.
pub struct Lexicon {
    words: Words,
    /// Trie edges: (node, word) → node; node 0 is the root.
    edges: HashMap<(u32, WordId), u32>,
    /// The entry a node ends, if any.
    terminal: Vec<Option<u32>>,
    /// The tags of the entries a node ends or leads to: a walk looking for some tags stops where none is ahead.
    reach: Vec<Tags>,
    /// The root's edges by word id (0: none), read without hashing: every lookup at a token starts there.
    first: Vec<u32>,
    entries: Vec<Entry>,
    /// The entries with each tag (indexed by the tag), so that [`Lexicon::phrases`] reads only its own.
    by_tag: Vec<Vec<u32>>,
    /// For each ASCII letter (`a` to `z`), the tags of the phrases that may open a text opening with it in either
    /// case ([`Lexicon::may_open`]).
    opens_with: [Tags; 26],
    /// For each tag, the bytes its phrases are spelled with, folded and without their white space, and the most
    /// such bytes one of them has ([`Lexicon::may_spell`]), gathered when first asked.
    spelled: Vec<OnceLock<Spelling>>,
}

/// The bytes some phrases are spelled with (a bit each) and the most bytes one of them has.
#[derive(Default)]
struct Spelling {
    bytes: [u64; 4],
    longest: usize,
}

/// The lexicon's source, compiled into the library.
pub const SOURCE: &str = include_str!("../../data/lexicon.tsv");

static GLOBAL: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(SOURCE).unwrap_or_else(|e| panic!("data/lexicon.tsv: {e}")));

impl Lexicon {
    /// The lexicon of `data/lexicon.tsv`.
    pub fn global() -> &'static Lexicon {
        &GLOBAL
    }

    /// Compile a lexicon from its TSV text; an error names the line.
    pub fn parse(src: &str) -> Result<Lexicon, String> {
        let mut lx = Lexicon { words: Words::default(), edges: HashMap::default(), terminal: vec![None], reach: vec![Tags::empty()], first: Vec::new(), entries: Vec::new(), by_tag: vec![Vec::new(); Tag::ALL.len()], opens_with: [Tags::empty(); 26], spelled: Tag::ALL.iter().map(|_| OnceLock::new()).collect() };
        // words first, so that tokenizing a phrase finds its own words
        let mut rows = Vec::new();
        for (n, line) in src.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let phrase = cols.next().unwrap_or("").trim();
            let tags = cols.next().ok_or_else(|| format!("line {}: no tags for {phrase:?}", n + 1))?;
            if phrase.is_empty() {
                return Err(format!("line {}: an empty phrase", n + 1));
            }
            lx.words.intern(phrase);
            rows.push((n + 1, phrase.to_string(), tags.to_string()));
        }
        for (n, phrase, tags) in rows {
            let mut entry = Entry { phrase: phrase.clone(), tags: Tags::empty(), values: Vec::new(), len: 0 };
            for t in tags.split_whitespace() {
                let (name, value) = match t.split_once('=') {
                    Some((a, b)) => (a, Some(b)),
                    None => (t, None),
                };
                let tag = Tag::from_name(name).ok_or_else(|| format!("line {n}: unknown tag {name:?}"))?;
                entry.tags.insert(tag);
                if let Some(v) = value {
                    entry.values.push((tag, v.replace('_', " ")));
                }
            }
            let toks = tokenize(&phrase, &lx.words);
            entry.len = toks.len();
            let mut node = 0u32;
            for t in &toks {
                let next = lx.terminal.len() as u32;
                node = *lx.edges.entry((node, t.word)).or_insert_with(|| next);
                if node == next {
                    lx.terminal.push(None);
                    lx.reach.push(Tags::empty());
                }
                lx.reach[node as usize].0 |= entry.tags.0;
            }
            if let Some(prev) = lx.terminal[node as usize] {
                return Err(format!("line {n}: {phrase:?} is the same phrase as {:?}: write it once, with all its tags", lx.entries[prev as usize].phrase));
            }
            let id = lx.entries.len() as u32;
            lx.terminal[node as usize] = Some(id);
            for &tag in Tag::ALL.iter().filter(|&&t| entry.has(t)) {
                lx.by_tag[tag as usize].push(id);
            }
            for (letter, tags) in lx.opens_with.iter_mut().enumerate() {
                if may_open_with(&entry.phrase, b'a' + letter as u8) {
                    tags.0 |= entry.tags.0;
                }
            }
            lx.entries.push(entry);
        }
        lx.first = vec![0; lx.words.word_count()];
        for (&(node, word), &next) in &lx.edges {
            if node == 0 && (word as usize) < lx.first.len() {
                lx.first[word as usize] = next;
            }
        }
        Ok(lx)
    }

    /// The words its phrases use, to tokenize a text with.
    pub fn words(&self) -> &Words {
        &self.words
    }

    /// The id of a folded word ([`NO_WORD`] if no phrase uses it).
    #[inline]
    pub fn word_id(&self, folded: &str) -> WordId {
        self.words.word_id(folded)
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Every phrase that starts at `toks[i]`, shortest first.
    pub fn matches_at<'s, 't>(&'s self, toks: &'t [Token], i: usize) -> Matches<'s, 't> {
        Matches { lx: self, toks, k: i, node: 0 }
    }

    /// The longest phrase with any of `tags` that starts at `toks[i]`.
    pub fn longest(&self, toks: &[Token], i: usize, tags: impl Into<Tags>) -> Option<&Entry> {
        let tags = tags.into();
        let mut best = None;
        self.walk(toks.get(i..).unwrap_or_default().iter().copied(), tags, |e, _| {
            best = Some(e);
            false
        });
        best
    }

    /// Whether a phrase with any of `tags` starts at `toks[i]`.
    pub fn starts(&self, toks: &[Token], i: usize, tags: impl Into<Tags>) -> bool {
        let mut found = false;
        self.walk(toks.get(i..).unwrap_or_default().iter().copied(), tags.into(), |_, _| {
            found = true;
            true
        });
        found
    }

    /// Whether a phrase with any of `tags` may start at a token of word `word`: the walk's first step alone,
    /// cheap enough to inline, so that a caller turns most tokens away without a call. When it says no,
    /// [`Lexicon::longest`] and [`Lexicon::starts`] find nothing there (their walk stops at that same step).
    #[inline]
    pub fn may_start(&self, word: WordId, tags: Tags) -> bool {
        self.step(0, word).is_some_and(|n| self.reach[n as usize].any(tags))
    }

    /// The trie walked over `toks` as long as an entry with any of `tags` is ahead; `found` is given each such
    /// entry, shortest first, with the token that ends it, and stops the walk by returning true. This is the
    /// lexicon's hot path: most tokens end it at the first step.
    #[inline]
    fn walk<'s>(&'s self, toks: impl Iterator<Item = Token>, tags: Tags, mut found: impl FnMut(&'s Entry, &Token) -> bool) {
        let mut node = 0u32;
        for t in toks {
            let Some(next) = self.step(node, t.word).filter(|&n| self.reach[n as usize].any(tags)) else { return };
            node = next;
            if let Some(e) = self.entry_of(node).filter(|e| e.tags.any(tags)) {
                if found(e, &t) {
                    return;
                }
            }
        }
    }

    /// The node the edge of `word` leads to from `node`. The root's edges are read from [`Lexicon::first`]
    /// without hashing: every lookup at a token starts there.
    #[inline]
    fn step(&self, node: u32, word: WordId) -> Option<u32> {
        if word == NO_WORD {
            return None;
        }
        if node == 0 {
            if let Some(&next) = self.first.get(word as usize) {
                return (next != 0).then_some(next);
            }
        }
        self.edges.get(&(node, word)).copied()
    }

    /// The entry node `node` ends, if any.
    #[inline]
    fn entry_of(&self, node: u32) -> Option<&Entry> {
        self.terminal[node as usize].map(|e| &self.entries[e as usize])
    }

    /// The entry of exactly `phrase` (folded), if the lexicon has it.
    pub fn get(&self, phrase: &str) -> Option<&Entry> {
        // the trie walked over the phrase's tokens as they come: no token list is made (called per line)
        let mut node = 0;
        for t in Tokens::new(phrase, &self.words) {
            node = self.step(node, t.word)?;
        }
        self.entry_of(node)
    }

    /// The longest phrase with any of `tags` that opens `text` (whole words, compared folded), and the byte
    /// where it ends in `text` (so that a caller may look at its case as printed).
    pub fn opening(&self, text: &str, tags: impl Into<Tags>) -> Option<(&Entry, usize)> {
        let tags = tags.into();
        if !self.may_open(text, tags) {
            return None;
        }
        // the text tokenized as the walk goes: it ends at the first word no wanted phrase continues with
        let mut best = None;
        self.walk(Tokens::new(text, &self.words), tags, |e, t| {
            best = Some((e, t.end as usize));
            false
        });
        best
    }

    /// Whether `word` (one word, or a phrase) is exactly a phrase with any of `tags`.
    pub fn is(&self, word: &str, tags: impl Into<Tags>) -> bool {
        let tags = tags.into();
        self.may_open(word, tags) && self.get(word).is_some_and(|e| e.tags.any(tags))
    }

    /// Whether `word` (folded, without white space) may be a phrase with `tag`: no more bytes than the longest
    /// such phrase has (white space aside), all among theirs. A word that [`Lexicon::get`] reads as such a phrase
    /// folds to it (its tokens are the phrase's), so it passes; where the tag's phrases are few and short (the
    /// abbreviations), most words fail at a byte and need no lookup.
    pub fn may_spell(&self, word: &str, tag: Tag) -> bool {
        let s = self.spelled[tag as usize].get_or_init(|| {
            let mut s = Spelling::default();
            for e in self.phrases(tag) {
                let spelled: Vec<u8> = fold(&e.phrase).split_whitespace().flat_map(str::bytes).collect();
                spelled.iter().for_each(|&b| s.bytes[b as usize / 64] |= 1 << (b % 64));
                s.longest = s.longest.max(spelled.len());
            }
            s
        });
        word.len() <= s.longest && word.bytes().all(|b| s.bytes[b as usize / 64] >> (b % 64) & 1 == 1)
    }

    /// Whether a phrase with any of `tags` may open `text`, told from its first byte: most texts asked open with
    /// an ASCII letter, and a letter no such phrase opens with opens none (see [`may_open_with`]), which spares
    /// tokenizing the first word to say so.
    #[inline]
    fn may_open(&self, text: &str, tags: Tags) -> bool {
        text.as_bytes().first().filter(|b| b.is_ascii_alphabetic()).is_none_or(|b| self.opens_with[(b.to_ascii_lowercase() - b'a') as usize].any(tags))
    }

    /// The phrases with `tag`, as written.
    pub fn phrases(&self, tag: Tag) -> impl Iterator<Item = &Entry> {
        self.by_tag[tag as usize].iter().map(|&e| &self.entries[e as usize])
    }
}

/// Whether `phrase` may open a text whose first byte is the ASCII letter `letter` (lower case) or its capital. The
/// text's first token is then a word, whose fold writes that letter in lower case, or moves a tone onto it (an `o`
/// or `u` toned, still telling which it was): a phrase opening with an ASCII letter folds alike only if that is the
/// same letter up to case. A phrase opening with an ASCII mark (`(Kèm theo`) opens with that mark as a token, never
/// a word; one opening otherwise (`Đ`, a toned vowel, a digit) may meet any letter.
fn may_open_with(phrase: &str, letter: u8) -> bool {
    match phrase.bytes().next() {
        Some(b) if b.is_ascii_alphabetic() => b.to_ascii_lowercase() == letter,
        Some(b) if b.is_ascii_punctuation() => false,
        _ => true,
    }
}

/// The phrases that start at a token, shortest first ([`Lexicon::matches_at`]).
pub struct Matches<'s, 't> {
    lx: &'s Lexicon,
    toks: &'t [Token],
    k: usize,
    node: u32,
}

impl<'s> Iterator for Matches<'s, '_> {
    type Item = &'s Entry;
    fn next(&mut self) -> Option<&'s Entry> {
        loop {
            let t = self.toks.get(self.k)?;
            self.node = self.lx.step(self.node, t.word)?;
            self.k += 1;
            if let Some(e) = self.lx.entry_of(self.node) {
                return Some(e);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tag_is_a_bit_of_its_own() {
        for &a in Tag::ALL {
            for &b in Tag::ALL {
                assert_eq!(Tags::from(a).has(b), a == b, "{} and {}", a.name(), b.name());
            }
        }
    }

    #[test]
    fn the_lexicon_file_compiles() {
        let lx = Lexicon::global();
        assert!(lx.entries().len() > 100);
    }

    #[test]
    fn the_first_letter_check_misses_no_phrase() {
        // every phrase, in every case, with its first char replaced by each ASCII letter: where the walk finds a
        // phrase of its tags opening the text, or the text is the phrase, the check lets the text through
        let lx = Lexicon::global();
        let walked = |text: &str, tags: Tags| {
            let mut found = false;
            lx.walk(Tokens::new(text, &lx.words), tags, |_, _| {
                found = true;
                false
            });
            found || lx.get(text).is_some_and(|e| e.tags.any(tags))
        };
        for &tag in Tag::ALL {
            for e in lx.phrases(tag) {
                // (and in the other tone placement, whose first letter may be ASCII where the phrase's is not: `Uỷ`)
                let forms = [Some(e.phrase.clone()), crate::lex::fold::other_tone_placement(&e.phrase)].into_iter().flatten();
                for p in forms.flat_map(|f| [f.to_uppercase(), f.to_lowercase(), f]) {
                    assert!(lx.may_open(&p, tag.into()), "{p}");
                    let rest = &p[p.chars().next().unwrap().len_utf8()..];
                    for x in (b'A'..=b'Z').chain(b'a'..=b'z') {
                        let s = format!("{}{rest}", x as char);
                        assert!(lx.may_open(&s, tag.into()) || !walked(&s, tag.into()), "{s}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_lookup_by_tags_finds_a_longer_phrase_past_a_shorter_one_of_other_tags() {
        // `theo` has one tag, `theo đề nghị` another, `theo đề nghị của` a third: the walk for the third passes
        // two nodes whose entries it does not want, and one for a tag no phrase has stops at the first word
        let lx = Lexicon::parse("theo\tpreamble_cue\ntheo đề nghị\tclosing_cue\ntheo đề nghị của\topener\n").unwrap();
        let toks = tokenize("Theo đề nghị của Sở", lx.words());
        assert_eq!(lx.longest(&toks, 0, Tag::Opener).map(|e| e.phrase.as_str()), Some("theo đề nghị của"));
        assert_eq!(lx.longest(&toks, 0, [Tag::PreambleCue, Tag::ClosingCue].as_slice()).map(|e| e.phrase.as_str()), Some("theo đề nghị"));
        assert!(lx.starts(&toks, 0, Tag::PreambleCue));
        assert!(!lx.starts(&toks, 0, Tag::Head));
        assert!(lx.longest(&toks, 1, Tag::Opener).is_none());
        assert!(lx.longest(&toks, 9, Tag::Opener).is_none());
    }

    #[test]
    fn a_phrase_may_start_where_its_first_word_leads_to_its_tags_only() {
        // a tag reached only past the first word (`theo đề nghị của`) still lets `theo` through; a word that
        // opens no phrase and a tag no phrase has are turned away: the walk finds nothing where it says no
        let lx = Lexicon::parse("theo\tpreamble_cue\ntheo đề nghị của\topener\n").unwrap();
        let toks = tokenize("Theo đề nghị của Sở, theo", lx.words());
        for tags in [Tags::from(Tag::Opener), Tags::from(Tag::PreambleCue), Tags::from(Tag::Head)] {
            for i in 0..=toks.len() {
                let may = toks.get(i).is_some_and(|t| lx.may_start(t.word, tags));
                assert!(may || !lx.starts(&toks, i, tags), "token {i}");
            }
        }
        assert!(lx.may_start(toks[0].word, Tag::Opener.into()));
        assert!(!lx.may_start(toks[1].word, Tag::Opener.into()));
        assert!(!lx.may_start(toks[4].word, Tag::PreambleCue.into()));
        assert!(!lx.may_start(toks[0].word, Tag::Head.into()));
    }

    #[test]
    fn a_line_is_opened_by_whole_words_compared_folded() {
        let lx = Lexicon::parse("theo\tpreamble_cue\ntheo đề nghị\tpreamble_cue\nnơi nhận\tclosing_cue\n").unwrap();
        let (e, end) = lx.opening("Theo đề nghị của Giám đốc", Tag::PreambleCue).unwrap();
        assert_eq!((e.phrase.as_str(), end), ("theo đề nghị", "Theo đề nghị".len()));
        assert!(lx.opening("NƠI NHẬN:", Tag::ClosingCue).is_some());
        assert!(lx.opening("Theodore", Tag::PreambleCue).is_none());
        assert!(lx.opening("Nơi nhận", Tag::PreambleCue).is_none());
        assert!(lx.is("Theo", Tag::PreambleCue) && !lx.is("Theo đề", Tag::PreambleCue));
    }

    #[test]
    fn a_phrase_is_written_once() {
        let err = Lexicon::parse("ủy ban\thead\nUỷ ban\thead_lower\n").err().unwrap();
        assert!(err.contains("same phrase"), "{err}");
        assert!(Lexicon::parse("x\tno_such_tag\n").err().unwrap().contains("unknown tag"));
    }

    #[test]
    fn matches_are_found_longest_last() {
        let lx = Lexicon::parse("chủ trì\trole_cue=lead verb\nchủ\tstop\nbáo cáo\tverb\n").unwrap();
        let toks = tokenize("Chủ trì, báo cáo", lx.words());
        let m: Vec<&str> = lx.matches_at(&toks, 0).map(|e| e.phrase.as_str()).collect();
        assert_eq!(m, ["chủ", "chủ trì"]);
        assert_eq!(lx.longest(&toks, 0, Tag::Verb).unwrap().value(Tag::RoleCue), Some("lead"));
        assert!(lx.starts(&toks, 3, Tag::Verb));
        assert!(!lx.starts(&toks, 2, Tag::Verb));
    }

    /// Every phrase, its words run together, passes the spelling test of each of its tags, written as it is or in
    /// capitals; a word longer than a tag's longest phrase, or with a byte none of them has, fails it.
    #[test]
    fn every_phrase_is_spelled_as_its_tags_say() {
        let lx = Lexicon::global();
        for e in lx.entries() {
            for &tag in Tag::ALL.iter().filter(|&&t| e.has(t)) {
                for form in [e.phrase.clone(), e.phrase.to_uppercase()] {
                    let word: String = fold(&form).split_whitespace().collect();
                    assert!(lx.may_spell(&word, tag), "{form:?} {tag:?}");
                }
            }
        }
        assert!(!lx.may_spell("sở", Tag::Abbreviation) && !lx.may_spell(&"ubnd".repeat(4), Tag::Abbreviation));
    }
}
