//! One regression test per text form of issue 11, each on a snippet of a real document written the way users
//! have it (the whole-corpus check of every form is `tests/forms.rs`).
use vanban::parse;

fn paths(t: &str) -> Vec<String> {
    let d = parse(t);
    d.outline().map(|id| d.node(id).path.clone().unwrap()).collect()
}

#[test]
fn one_paragraph_per_line_an_article_heading_does_not_swallow_its_first_clause() {
    // a code's published text (lmx_LUAT_72_2025_QH15_649675.htm as plain text): no blank line anywhere
    let t = "QUỐC HỘI\nLUẬT\nTHỦ ĐÔ\nChương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định về vị trí, vai trò của Thủ đô.\nĐiều 2. Đối tượng áp dụng\n1. Người lao động làm việc tại Thủ đô.\n2. Cơ quan, tổ chức có liên quan.\nĐiều 3. Giải thích từ ngữ\nTrong Luật này, các từ ngữ dưới đây được hiểu như sau:\na) Thủ đô là trung tâm chính trị - hành chính quốc gia;\nb) Vùng Thủ đô là vùng kinh tế - xã hội.\n";
    assert_eq!(
        paths(t),
        ["Chương I", "Chương I/Điều 1", "Chương I/Điều 2", "Chương I/Điều 2/1", "Chương I/Điều 2/2", "Chương I/Điều 3", "Chương I/Điều 3/a", "Chương I/Điều 3/b"]
    );
}

#[test]
fn one_paragraph_per_line_a_chapter_written_with_a_colon_keeps_its_first_article() {
    // `Chương I:NHỮNG QUY ĐỊNH CHUNG` (no space after the colon), as crawled pages print it
    let t = "LUẬT\nThử\nChương I:NHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định về thử.\nĐiều 2. Đối tượng áp dụng\nLuật này áp dụng với mọi người.\nChương II:QUY ĐỊNH CỤ THỂ\nĐiều 3. Nội dung\nNội dung thử.\n";
    assert_eq!(paths(t), ["Chương I", "Chương I/Điều 1", "Chương I/Điều 2", "Chương II", "Chương II/Điều 3"]);
}

#[test]
fn a_number_alone_on_its_line_is_the_marker_of_the_text_below_it() {
    // the portal's pages: `2.2.` on its own line, its text on the next
    let t = "KẾ HOẠCH\n\nThử nghiệm\n\nII. NHIỆM VỤ\n\n2.1.\n\nRà soát các văn bản quy phạm pháp luật.\n\n2.2.\n\nTổ chức tập huấn cho cán bộ.\n";
    assert_eq!(paths(t), ["II", "II/2.1", "II/2.2"]);
}

#[test]
fn a_header_flattened_onto_one_line_gives_the_same_metadata() {
    // tnt_QD_2623-QD-TTg: the header block joined onto one line
    let lines = "THỦ TƯỚNG CHÍNH PHỦ\n-------\nSố: 2623/QĐ-TTg\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nHà Nội, ngày 02 tháng 12 năm 2025\n";
    let body = "\nQUYẾT ĐỊNH\n\nBan hành Kế hoạch triển khai thi hành Luật Bảo vệ dữ liệu cá nhân\n\nTHỦ TƯỚNG CHÍNH PHỦ\n\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n\nĐiều 2. Quyết định này có hiệu lực từ ngày ký.\n";
    let flat = lines.lines().collect::<Vec<_>>().join(" ") + "\n" + body;
    let (a, b) = (parse(&(lines.to_string() + body)), parse(&flat));
    for d in [&a, &b] {
        assert_eq!(d.metadata.symbol.as_ref().map(|s| s.raw.as_str()), Some("2623/QĐ-TTg"));
        assert_eq!(d.metadata.place.as_deref(), Some("Hà Nội"));
        assert_eq!(d.metadata.date.map(|d| d.iso()).as_deref(), Some("2025-12-02"));
    }
    assert_eq!(a.metadata.issuer, b.metadata.issuer);
    assert_eq!(a.metadata.title, b.metadata.title);
}

#[test]
fn a_portal_title_line_before_the_document_is_chrome() {
    // the line a portal prints above the document (tnt_CV_4240 as crawled)
    let t = "Công văn 4240/UBND-VX năm 2025 về khẩn trương hoàn thành cập nhật cơ sở dữ liệu do Ủy ban nhân dân tỉnh Tây Ninh ban hành.\n\nỦY BAN NHÂN DÂN\nTỈNH TÂY NINH\n\nSố: 4240/UBND-VX\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nTây Ninh, ngày 20 tháng 11 năm 2025\n\nKính gửi: Các sở, ban, ngành tỉnh.\n\n1. Khẩn trương hoàn thành cập nhật dữ liệu.\n\n2. Báo cáo kết quả trước ngày 30 tháng 11 năm 2025.\n";
    let d = parse(t);
    assert_eq!(d.metadata.symbol.as_ref().map(|s| s.raw.as_str()), Some("4240/UBND-VX"));
    assert_eq!(d.metadata.place.as_deref(), Some("Tây Ninh"));
    assert_eq!(paths(t), ["1", "2"]);
}

#[test]
fn the_enacting_line_without_its_colon_keeps_the_citations_before_it_in_the_preamble() {
    let t = "QUYẾT ĐỊNH\n\nVề việc thử\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n\nCăn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ;\n\nQUYẾT ĐỊNH\n\nĐiều 1. Phê duyệt kế hoạch.\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n";
    assert_eq!(paths(t), ["Điều 1", "Điều 2"]);
}

#[test]
fn recipients_bullets_are_never_items_of_the_last_section() {
    // one paragraph per line: `Nơi nhận:` and its bullets after the last item
    let t = "KẾ HOẠCH\nThử\nI. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì thực hiện.\n2. Các đơn vị: báo cáo kết quả.\nNơi nhận:\n- Như trên;\n- Thường trực Tỉnh ủy;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n";
    let d = parse(t);
    assert_eq!(paths(t), ["I", "I/1", "I/2"]);
    assert!(d.metadata.recipients.iter().any(|r| r.contains("Thường trực Tỉnh ủy")), "{:?}", d.metadata.recipients);
}

#[test]
fn a_plan_issued_with_a_decision_forms_its_own_subtree_under_phu_luc() {
    // tnt_QD_2623-QD-TTg: the plan printed after the decision's signature
    let t = "QUYẾT ĐỊNH\n\nBan hành Kế hoạch thử\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch thử.\n\nĐiều 2. Quyết định này có hiệu lực từ ngày ký.\n\nĐiều 3. Các Bộ trưởng chịu trách nhiệm thi hành Quyết định này./.\n\nNơi nhận:\n\n- Như Điều 3;\n\n- Lưu: VT.\n\nTHỦ TƯỚNG\n\nNguyễn Văn A\n\nKẾ HOẠCH\n\nTHỬ NGHIỆM\n\n(Kèm theo Quyết định số 2623/QĐ-TTg ngày 02 tháng 12 năm 2025 của Thủ tướng Chính phủ)\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n2. Yêu cầu\n\nII. NỘI DUNG\n\n1. Tuyên truyền\n";
    assert_eq!(
        paths(t),
        ["Điều 1", "Điều 2", "Điều 3", "Phụ lục", "Phụ lục/I", "Phụ lục/I/1", "Phụ lục/I/2", "Phụ lục/II", "Phụ lục/II/1"]
    );
    let d = parse(t);
    let heading = d.outline().find(|&id| d.node(id).path.as_deref() == Some("Phụ lục")).and_then(|id| d.node(id).heading.clone());
    assert_eq!(heading.as_deref(), Some("THỬ NGHIỆM"));
}

#[test]
fn one_paragraph_per_line_a_part_does_not_swallow_its_first_chapter() {
    // `Phần thứ nhất:QUY ĐỊNH CHUNG` then `Chương I` on the next line (the codes' published texts)
    let t = "BỘ LUẬT\nThử\nPhần thứ nhất:QUY ĐỊNH CHUNG\nChương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nBộ luật này quy định địa vị pháp lý.\nPhần thứ hai:QUY ĐỊNH CỤ THỂ\nChương II\nQUYỀN SỞ HỮU\nĐiều 2. Nội dung quyền sở hữu\nQuyền sở hữu bao gồm quyền chiếm hữu.\n";
    let p = paths(t);
    assert_eq!(p.len(), 6, "{p:?}");
    assert!(p[1].ends_with("Chương I") && p[2].ends_with("Chương I/Điều 1") && p[4].ends_with("Chương II") && p[5].ends_with("Điều 2"), "{p:?}");
}
