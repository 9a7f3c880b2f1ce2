//! PDF streams decoded within limits, before the PDF library decodes them without any.
//!
//! lopdf inflates a stream whole into memory when asked (a 4 MB flate bomb is gigabytes), and does so while
//! loading for object streams. So every stream the text extractor may decode is decoded here first, the way
//! lopdf would (`FlateDecode`, `LZWDecode`, `ASCII85Decode`; a chain with any other filter is left raw, as
//! lopdf then leaves it), with the output bounded as the `.docx` reader bounds its zip: at most
//! [`MAX_STREAM`] per stream, [`MAX_INFLATED`] over the file, and no more than [`MAX_RATIO`] times the
//! stream's stored size past [`RATIO_FREE`]. Past a limit the PDF is refused.
use std::cell::{Cell, RefCell};
use std::io::Read;

use lopdf::{Dictionary, Object, ObjectId, Stream};

/// The most one stream may decode to (16 MiB): a page's text content is a few hundred KB.
pub const MAX_STREAM: u64 = 16 << 20;
/// The most all of a PDF's streams may decode to together (128 MiB).
pub const MAX_INFLATED: u64 = 128 << 20;
/// The most a stream may grow when decoded, past [`RATIO_FREE`]: real content streams compress 3 to 20 times.
pub const MAX_RATIO: u64 = 200;
/// Up to this size a stream may decode from any size (tiny streams of repeated operators are fine).
pub const RATIO_FREE: u64 = 1 << 20;

/// Why a stream was refused.
pub type Refusal = String;

/// The filters lopdf decodes; a chain holding any other is not decoded by it (the raw bytes are used).
const DECODED: &[&[u8]] = &[b"FlateDecode", b"LZWDecode", b"ASCII85Decode"];

/// The stream's data as lopdf would decode it, within the limits; `budget` is what the file may still decode to
/// and is charged with the result.
pub fn decode(stream: &Stream, budget: &mut u64) -> Result<Vec<u8>, Refusal> {
    let raw = &stream.content;
    let filters = match stream.filters() {
        Ok(f) if !f.is_empty() && f.iter().all(|f| DECODED.contains(f)) => f,
        // no filter, or one lopdf cannot decode: it uses the bytes as stored
        _ => return charge(raw.clone(), budget),
    };
    let cap = MAX_STREAM.min(*budget).min((raw.len() as u64).saturating_mul(MAX_RATIO).max(RATIO_FREE));
    let early_change = stream
        .dict
        .get(b"DecodeParms")
        .and_then(Object::as_dict)
        .and_then(|p| p.get(b"EarlyChange"))
        .and_then(Object::as_i64)
        .map_or(true, |v| v != 0);
    let mut data = raw.clone();
    for f in filters {
        data = match f {
            b"FlateDecode" => inflate(&data, cap),
            b"LZWDecode" => lzw(&data, cap, early_change),
            _ => ascii85(&data, cap),
        }
        .map_err(|()| refusal(raw.len() as u64, cap, *budget))?;
    }
    charge(data, budget)
}

fn charge(data: Vec<u8>, budget: &mut u64) -> Result<Vec<u8>, Refusal> {
    let n = data.len() as u64;
    if n > *budget {
        return Err(format!("a PDF whose streams decode to more than {} MiB in all: not read", MAX_INFLATED >> 20));
    }
    *budget -= n;
    Ok(data)
}

fn refusal(stored: u64, cap: u64, budget: u64) -> Refusal {
    if cap == budget {
        format!("a PDF whose streams decode to more than {} MiB in all: not read", MAX_INFLATED >> 20)
    } else if cap == MAX_STREAM {
        format!("a PDF stream that decodes to more than {} MiB: not read (a zip bomb?)", MAX_STREAM >> 20)
    } else {
        format!("a PDF stream of {stored} bytes that decodes to more than {MAX_RATIO} times its size: not read (a zip bomb?)")
    }
}

/// zlib (or, as lopdf falls back to, raw deflate) data, at most `cap` bytes; a damaged stream gives what came
/// before the damage, as lopdf keeps it.
fn inflate(input: &[u8], cap: u64) -> Result<Vec<u8>, ()> {
    let mut out = Vec::new();
    let zlib = flate2::read::ZlibDecoder::new(input).take(cap + 1).read_to_end(&mut out);
    if zlib.is_err() && out.is_empty() && input.len() > 2 {
        let _ = flate2::read::DeflateDecoder::new(&input[2..]).take(cap + 1).read_to_end(&mut out);
    }
    if out.len() as u64 > cap {
        return Err(());
    }
    Ok(out)
}

fn lzw(input: &[u8], cap: u64, early_change: bool) -> Result<Vec<u8>, ()> {
    use weezl::{decode::Decoder, BitOrder, LzwStatus};
    let mut decoder =
        if early_change { Decoder::with_tiff_size_switch(BitOrder::Msb, 8) } else { Decoder::new(BitOrder::Msb, 8) };
    let mut out = Vec::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut rest = input;
    loop {
        let r = decoder.decode_bytes(rest, &mut buf);
        rest = &rest[r.consumed_in..];
        out.extend_from_slice(&buf[..r.consumed_out]);
        if out.len() as u64 > cap {
            return Err(());
        }
        match r.status {
            Ok(LzwStatus::Ok) if r.consumed_in > 0 || r.consumed_out > 0 => {}
            _ => return Ok(out),
        }
    }
}

/// ASCII85 grows data at most 4 times (`z`: four zero bytes); lopdf's decoder is safe within that bound.
fn ascii85(input: &[u8], cap: u64) -> Result<Vec<u8>, ()> {
    if (input.len() as u64).saturating_mul(4) > cap {
        return Err(());
    }
    let mut dict = Dictionary::new();
    dict.set("Filter", Object::Name(b"ASCII85Decode".to_vec()));
    Ok(Stream::new(dict, input.to_vec()).decompressed_content().unwrap_or_default())
}

thread_local! {
    /// Set during [`load`]: the first refusal of an object stream, and what the file may still decode to.
    static LOAD_REFUSAL: RefCell<Option<Refusal>> = const { RefCell::new(None) };
    static LOAD_BUDGET: Cell<u64> = const { Cell::new(MAX_INFLATED) };
}

/// Load a PDF with lopdf, its object streams (which lopdf inflates while loading) decoded here within the
/// limits first. Returns the document and what the file may still decode to.
pub fn load(bytes: &[u8]) -> Result<(lopdf::Document, u64), Refusal> {
    LOAD_REFUSAL.with(|r| r.borrow_mut().take());
    LOAD_BUDGET.with(|b| b.set(MAX_INFLATED));
    let options = lopdf::LoadOptions { filter: Some(bound_object_streams), ..Default::default() };
    let doc = lopdf::Document::load_mem_with_options(bytes, options);
    if let Some(refusal) = LOAD_REFUSAL.with(|r| r.borrow_mut().take()) {
        return Err(refusal);
    }
    let doc = doc.map_err(|e| format!("a PDF that cannot be read: {e}"))?;
    Ok((doc, LOAD_BUDGET.with(Cell::get)))
}

/// lopdf's load filter, called on each object as it is read (on this thread: lopdf's `rayon` feature is off).
/// An object stream is decoded here within the limits and handed back decoded (so lopdf does not inflate it
/// again), or emptied and the refusal noted.
fn bound_object_streams(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    let Object::Stream(stream) = object else {
        // Objects unpacked from an object stream are kept as this returns them; they are never streams.
        return Some((id, object.clone()));
    };
    if stream.dict.has_type(b"ObjStm") {
        let mut budget = LOAD_BUDGET.with(Cell::get);
        match decode(stream, &mut budget) {
            Ok(data) => stream.set_plain_content(data),
            Err(refusal) => {
                stream.set_plain_content(Vec::new());
                LOAD_REFUSAL.with(|r| r.borrow_mut().get_or_insert(refusal).len());
            }
        }
        LOAD_BUDGET.with(|b| b.set(budget));
    }
    // A stream read from the file is kept as `object` (changed in place); lopdf drops what is returned.
    Some((id, Object::Null))
}

/// Whether the file is encrypted and has object streams: lopdf then inflates the object streams after
/// decrypting them, past any load filter, so their size cannot be bounded here. Judged on the raw bytes
/// (dictionaries are not encrypted).
pub fn encrypted_with_object_streams(bytes: &[u8]) -> bool {
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    has(b"/Encrypt") && has(b"/ObjStm")
}

/// How many times `data` says `Do` (draw an XObject): an upper bound, counting any `Do` token.
pub fn count_do(data: &[u8]) -> u64 {
    let delimiter = |b: u8| b.is_ascii_whitespace() || b"()<>[]{}/%".contains(&b);
    data.windows(2)
        .enumerate()
        .filter(|(i, w)| {
            *w == b"Do"
                && (*i == 0 || delimiter(data[i - 1]))
                && data.get(i + 2).is_none_or(|&b| delimiter(b))
        })
        .count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flate_stream(data: &[u8]) -> Stream {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(data).unwrap();
        let mut dict = Dictionary::new();
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        Stream::new(dict, z.finish().unwrap())
    }

    #[test]
    fn a_stream_decodes_as_lopdf_decodes_it() {
        let s = flate_stream(b"BT /F1 12 Tf (x) Tj ET");
        let mut budget = MAX_INFLATED;
        assert_eq!(decode(&s, &mut budget).unwrap(), s.decompressed_content().unwrap());
        assert_eq!(budget, MAX_INFLATED - 22);
    }

    #[test]
    fn a_stream_past_the_ratio_or_the_size_is_refused_before_it_is_inflated() {
        // 2 MiB of spaces deflate to about 2 KB: 1000 times
        let s = flate_stream(&vec![b' '; 2 << 20]);
        let reason = decode(&s, &mut MAX_INFLATED.clone()).unwrap_err();
        assert!(reason.contains("more than 200 times its size"), "{reason}");
        // within the ratio, past what the file may still decode to
        let small = flate_stream(&vec![b' '; 1000]);
        let reason = decode(&small, &mut 999).unwrap_err();
        assert!(reason.contains("in all"), "{reason}");
    }

    #[test]
    fn do_tokens_are_counted_not_words_holding_do() {
        assert_eq!(count_do(b"/X1 Do\nq /Im0 Do Q (Done) Tj /Dox Tf"), 2);
    }
}
