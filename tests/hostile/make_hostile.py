#!/usr/bin/env python3
"""Make the hostile files of issue 13 in a directory (nothing large is kept in git; each file is made here).

    python3 tests/hostile/make_hostile.py OUT_DIR [--only NAME,...]

Every file is one that once crashed, hung or exhausted vanban, or one a careless hand leaves in a folder.
`vanban index` / `annotate` / `parse_many` must give exactly one error for each of HOSTILE (and no crash, hang
or unbounded memory), and index each of GOOD as a document. The names end in `.md` where the issue found that
content sniffing made a PDF named `.md` dangerous. Pure standard library (zlib, zipfile); seconds to run.
"""
import os
import sys
import zipfile
import zlib

# name -> what it is; every one of these is an error line / error row, never a crash
HOSTILE = {
    "pdf-parent-loop.md": "a PDF whose page's /Parent is the page itself (stack overflow in pdf-extract)",
    "pdf-kids-loop.pdf": "a PDF whose page tree lists itself among its kids",
    "pdf-form-loop.pdf": "a PDF whose form XObject draws itself",
    "pdf-form-fanout.pdf": "a PDF of forms drawing forms 64 times each, 6 deep (64^6 draws from a few KB)",
    "pdf-flate-bomb.md": "a PDF with a content stream that inflates to 256 MiB (a 260 KB file)",
    "pdf-big-content.pdf": "a PDF with a 150 MB content stream of text operators, 230 KB compressed",
    "pdf-objstm-bomb.pdf": "a PDF whose object stream inflates to 256 MiB (decompressed while loading)",
    "fifo.md": "a named pipe (FIFO): opening it for reading waits for a writer for ever",
    "zero.md": "a symbolic link to /dev/zero: never ends",
    "dangling.md": "a symbolic link to nothing",
    "sparse-300mb.txt": "a 300 MB file (sparse, all zeros): past the read limit",
    "docx-bomb.docx": "a .docx whose document.xml inflates past 200 times its size",
}

# file names that are not UTF-8 (bytes): two distinct documents that must stay two
GOOD = {
    b"a\xfe.md": "KẾ HOẠCH\n\nVề việc kiểm tra tên tệp thứ nhất\n\nI. MỤC ĐÍCH\n\n1. Nội dung một\n",
    b"a\xff.md": "QUYẾT ĐỊNH\n\nVề việc kiểm tra tên tệp thứ hai\n\nĐiều 1. Nội dung hai\n",
}

MIB = 1 << 20


def pdf(objects, root=1, extra_trailer=b""):
    """A PDF of numbered objects (bytes bodies), with a correct xref table."""
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        if num in offsets:
            out += b"%010d 00000 n \n" % offsets[num]
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (size, root, extra_trailer, xref)
    return bytes(out)


def stream(data, dict_entries=b"", compress=False):
    if compress:
        data = zlib.compress(data, 9)
        dict_entries += b" /Filter /FlateDecode"
    return b"<< /Length %d %s >>\nstream\n" % (len(data), dict_entries) + data + b"\nendstream"


def deflate_repeated(chunk, total):
    """zlib data of `chunk` repeated to `total` bytes, made without holding `total` bytes."""
    c = zlib.compressobj(9)
    parts = []
    block = chunk * max(1, MIB // len(chunk))
    left = total
    while left > 0:
        piece = block[: min(left, len(block))]
        parts.append(c.compress(piece))
        left -= len(piece)
    parts.append(c.flush())
    return b"".join(parts)


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (Ke hoach so 12) Tj ET\n"


def page_objects(content_ref=4, resources=b"<< /Font << /F1 5 0 R >> >>"):
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources %s >>" % (content_ref, resources),
        5: FONT,
    }


def pdf_parent_loop():
    objs = page_objects()
    objs[3] = b"<< /Type /Page /Parent 3 0 R /Contents 4 0 R >>"  # no MediaBox: looked up through /Parent, for ever
    objs[4] = stream(TEXT)
    return pdf(objs)


def pdf_kids_loop():
    objs = page_objects()
    objs[2] = b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>"
    objs[4] = stream(TEXT)
    return pdf(objs)


def pdf_form_loop():
    objs = page_objects(resources=b"<< /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >>")
    objs[4] = stream(TEXT + b"/X1 Do\n")
    objs[6] = stream(TEXT + b"/X1 Do\n", b"/Type /XObject /Subtype /Form /BBox [0 0 612 792]")
    return pdf(objs)


def pdf_form_fanout(depth=6, fan=64):
    objs = page_objects(resources=b"<< /Font << /F1 5 0 R >> /XObject << /X 10 0 R >> >>")
    objs[4] = stream(TEXT + b"/X Do\n")
    for level in range(depth):
        num = 10 + level
        if level + 1 < depth:
            body = TEXT + b"/X Do\n" * fan
            res = b"/Resources << /Font << /F1 5 0 R >> /XObject << /X %d 0 R >> >>" % (num + 1)
        else:
            body, res = TEXT, b"/Resources << /Font << /F1 5 0 R >> >>"
        objs[num] = stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] " + res)
    return pdf(objs)


def pdf_flate_bomb():
    objs = page_objects()
    data = deflate_repeated(b" ", 256 * MIB)
    objs[4] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return pdf(objs)


def pdf_big_content():
    objs = page_objects()
    data = deflate_repeated(TEXT, 150 * MIB)
    objs[4] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return pdf(objs)


def pdf_objstm_bomb():
    # object 6 lives in an object stream (7) whose index is followed by 256 MiB of spaces
    objs = page_objects()
    objs[4] = stream(TEXT)
    body = b"6 0 "
    first = len(body)
    data = deflate_repeated(b" ", 256 * MIB)
    # the object itself after the spaces would never be reached: the stream's size is the attack
    objs[7] = b"<< /Type /ObjStm /N 1 /First %d /Length %d /Filter /FlateDecode >>\nstream\n" % (first, len(data)) + data + b"\nendstream"
    return pdf(objs)


def docx_bomb():
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", b'<?xml version="1.0"?><w:document xmlns:w="w"><w:body>' + b" " * (64 * MIB) + b"</w:body></w:document>")
    return buf.getvalue()


MAKERS = {
    "pdf-parent-loop.md": pdf_parent_loop,
    "pdf-kids-loop.pdf": pdf_kids_loop,
    "pdf-form-loop.pdf": pdf_form_loop,
    "pdf-form-fanout.pdf": pdf_form_fanout,
    "pdf-flate-bomb.md": pdf_flate_bomb,
    "pdf-big-content.pdf": pdf_big_content,
    "pdf-objstm-bomb.pdf": pdf_objstm_bomb,
    "docx-bomb.docx": docx_bomb,
}


def make(out_dir, only=None):
    os.makedirs(out_dir, exist_ok=True)
    made = []
    for name in HOSTILE:
        if only and name not in only:
            continue
        path = os.path.join(out_dir, name)
        if os.path.lexists(path):
            os.remove(path)
        if name in MAKERS:
            with open(path, "wb") as f:
                f.write(MAKERS[name]())
        elif name == "fifo.md":
            os.mkfifo(path)
        elif name == "zero.md":
            os.symlink("/dev/zero", path)
        elif name == "dangling.md":
            os.symlink(os.path.join(out_dir, "no-such-target.md"), path)
        elif name == "sparse-300mb.txt":
            with open(path, "wb") as f:
                f.truncate(300 * MIB)
        made.append(path)
    if not only:
        bdir = os.fsencode(out_dir)
        for name, text in GOOD.items():
            with open(os.path.join(bdir, name), "wb") as f:
                f.write(text.encode("utf-8"))
    return made


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        sys.stderr.write(__doc__)
        return 2
    only = None
    if len(argv) >= 3 and argv[1] == "--only":
        only = set(argv[2].split(","))
    for path in make(argv[0], only):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
