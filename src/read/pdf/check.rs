//! A loaded PDF checked before the text extractor reads it, so that it can neither recurse without end nor
//! work without end:
//! - images are emptied (the extractor never needs their pixels, yet decodes any XObject it is told to draw);
//! - every other stream is decoded within the limits of [`super::inflate`], noting its size and its `Do`s;
//! - each page's `/Parent` chain (which the extractor follows, recursively, for inherited attributes) must end
//!   within [`MAX_DEPTH`] steps without a loop;
//! - forms drawn by forms (`Do`, which the extractor follows recursively) must not draw themselves nor nest
//!   deeper than [`MAX_DEPTH`], and what the pages draw in all, each form counted as often as it may be drawn,
//!   must stay within [`max_work`] bytes of content (a few KB of forms drawing forms 64 times each would
//!   otherwise be years of work).
use std::collections::{HashMap, HashSet};

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::inflate::{count_do, decode, Refusal};

/// Deepest `/Parent` chain and form nesting (the page trees of real files are 2 to 5 deep, forms 1 to 3).
pub const MAX_DEPTH: usize = 32;
/// The content, in bytes, the pages of a file of `file_len` bytes may draw in all, forms (and content streams
/// shared by pages) counted each time they are drawn: [`WORK_RATIO`] times the file, at least [`MIN_WORK`],
/// at most [`MAX_WORK`]. The extractor takes about 0.35 µs a byte, so a small file cannot keep it busy for
/// more than a few seconds, and no file for more than about 45 s; a 1,000-page text layer is about 50 MiB.
pub fn max_work(file_len: usize) -> u64 {
    (file_len as u64).saturating_mul(WORK_RATIO).clamp(MIN_WORK, MAX_WORK)
}
pub const WORK_RATIO: u64 = 200;
pub const MIN_WORK: u64 = 8 << 20;
pub const MAX_WORK: u64 = 128 << 20;
/// The most content one page may have (4 MiB): the extractor holds a page's parsed operators in memory,
/// tens of times the content's size.
pub const MAX_PAGE: u64 = 4 << 20;
/// What a page or a `Do` costs besides its content: the extractor's bookkeeping, so that a million empty pages
/// or forms are not free.
const OVERHEAD: u64 = 256;

/// Size and `Do` count of each decoded stream.
type Sizes = HashMap<ObjectId, (u64, u64)>;

/// Check `doc` and make it safe to extract (images emptied); `budget` is what its streams may still decode to.
pub fn check(doc: &mut Document, mut budget: u64, file_len: usize) -> Result<(), Refusal> {
    let max_work = max_work(file_len);
    let mut sizes = Sizes::new();
    for (id, object) in doc.objects.iter_mut() {
        let Object::Stream(stream) = object else { continue };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Image") {
            stream.set_plain_content(Vec::new());
            continue;
        }
        let data = decode(stream, &mut budget)?;
        sizes.insert(*id, (data.len() as u64, count_do(&data)));
    }
    let doc: &Document = doc;
    page_tree(doc)?;
    let mut forms = Forms { doc, sizes: &sizes, memo: HashMap::new(), drawing: Vec::new() };
    let mut work: u64 = 0;
    for page in doc.page_iter() {
        let page_dict = doc.get_dictionary(page).map_err(|_| damaged("a page that is not a dictionary"))?;
        let resources = inherited_resources(doc, page_dict)?;
        let (len, dos) = doc
            .get_page_contents(page)
            .iter()
            .map(|id| sizes.get(id).copied().unwrap_or((0, 0)))
            .fold((0u64, 0u64), |(l, d), (l2, d2)| (l.saturating_add(l2), d.saturating_add(d2)));
        if len > MAX_PAGE {
            return Err(format!("a PDF page whose content is more than {} MiB: not read", MAX_PAGE >> 20));
        }
        work = work.saturating_add(OVERHEAD).saturating_add(forms.cost(len, dos, resources, 0)?);
        if work > max_work {
            return Err(format!(
                "a PDF whose pages draw more than {} MiB of content (forms or content drawn again and again): not read",
                max_work >> 20
            ));
        }
    }
    Ok(())
}

fn damaged(what: &str) -> Refusal {
    format!("a damaged PDF: {what}")
}

/// The page tree from the catalog down: no node twice (a loop the library would walk 256 deep, a page listed
/// 2^256 times), no deeper than [`MAX_DEPTH`].
fn page_tree(doc: &Document) -> Result<(), Refusal> {
    let Some(root) = doc.catalog().ok().and_then(|c| c.get(b"Pages").ok()).and_then(|p| p.as_reference().ok()) else {
        return Ok(()); // no page tree: the extractor finds no page
    };
    let mut seen = HashSet::new();
    let mut todo = vec![(root, 0)];
    while let Some((id, depth)) = todo.pop() {
        if !seen.insert(id) {
            return Err(damaged("its page tree loops (a node is its own descendant or listed twice)"));
        }
        if depth > MAX_DEPTH {
            return Err(damaged(&format!("its page tree is more than {MAX_DEPTH} levels deep")));
        }
        let kids = doc.get_dictionary(id).ok().and_then(|d| d.get(b"Kids").ok()).map(|k| deref(doc, k));
        if let Some(Object::Array(kids)) = kids {
            todo.extend(kids.iter().filter_map(|k| k.as_reference().ok()).map(|k| (k, depth + 1)));
        }
    }
    Ok(())
}

/// The page's `/Resources`, its own or inherited through `/Parent` as the extractor looks it up; the chain
/// must end within [`MAX_DEPTH`] steps without coming back on itself.
fn inherited_resources<'a>(doc: &'a Document, page: &'a Dictionary) -> Result<Option<&'a Dictionary>, Refusal> {
    let mut found = None;
    let mut dict = page;
    let mut seen = HashSet::new();
    for _ in 0..=MAX_DEPTH {
        if found.is_none() {
            found = dict.get(b"Resources").ok().and_then(|r| deref(doc, r).as_dict().ok());
        }
        let Ok(parent) = dict.get(b"Parent").and_then(Object::as_reference) else { return Ok(found) };
        if !seen.insert(parent) {
            return Err(damaged("its page tree loops (a page's /Parent leads back to itself)"));
        }
        match doc.get_dictionary(parent) {
            Ok(d) => dict = d,
            Err(_) => return Ok(found),
        }
    }
    Err(damaged(&format!("its page tree is more than {MAX_DEPTH} levels deep")))
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        o => o,
    }
}

/// The cost of drawing content, forms included.
struct Forms<'a> {
    doc: &'a Document,
    sizes: &'a Sizes,
    /// Cost of a form drawn with given resources (its own, or its caller's when it has none).
    memo: HashMap<(ObjectId, usize), u64>,
    /// The forms being drawn, outermost first.
    drawing: Vec<ObjectId>,
}

impl<'a> Forms<'a> {
    /// Content of `len` bytes saying `Do` `dos` times, with `resources`: its bytes, and each `Do` as the
    /// costliest XObject it may name.
    fn cost(&mut self, len: u64, dos: u64, resources: Option<&'a Dictionary>, depth: usize) -> Result<u64, Refusal> {
        if dos == 0 {
            return Ok(len);
        }
        let mut worst = 0;
        for id in self.xobjects(resources) {
            worst = worst.max(self.form(id, resources, depth + 1)?);
        }
        Ok(len.saturating_add(dos.saturating_mul(OVERHEAD.saturating_add(worst))))
    }

    /// The XObjects `resources` names (the streams its `/XObject` dictionary refers to).
    fn xobjects(&self, resources: Option<&'a Dictionary>) -> Vec<ObjectId> {
        let Some(xobjects) = resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|x| deref(self.doc, x).as_dict().ok())
        else {
            return Vec::new();
        };
        xobjects.iter().filter_map(|(_, v)| v.as_reference().ok()).collect()
    }

    /// What drawing XObject `id` costs, called with `caller` resources.
    fn form(&mut self, id: ObjectId, caller: Option<&'a Dictionary>, depth: usize) -> Result<u64, Refusal> {
        let Ok(Object::Stream(stream)) = self.doc.get_object(id) else { return Ok(0) };
        let is_form = stream.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Form");
        let (len, dos) = self.sizes.get(&id).copied().unwrap_or((0, 0));
        if !is_form {
            return Ok(len);
        }
        let own = stream.dict.get(b"Resources").ok().and_then(|r| deref(self.doc, r).as_dict().ok());
        let resources = own.or(caller);
        let key = (id, resources.map_or(0, |r| r as *const Dictionary as usize));
        if let Some(&c) = self.memo.get(&key) {
            return Ok(c);
        }
        if self.drawing.contains(&id) {
            return Err(damaged("a form that draws itself"));
        }
        if depth > MAX_DEPTH {
            return Err(damaged(&format!("forms drawn within forms more than {MAX_DEPTH} deep")));
        }
        self.drawing.push(id);
        let c = self.cost(len, dos, resources, depth);
        self.drawing.pop();
        let c = c?;
        self.memo.insert(key, c);
        Ok(c)
    }
}
