//! Metadata regressions, each on a snippet of a real corpus document (named in the test).
use vanban::parse;

#[test]
fn portal_header_table_gives_issuer_symbol_place_date() {
    // tnt_KH_141-KH-UBND_09daab28.md (header cells between `|` lines, date wrapped in its cell)
    let t = "|\n**UỶ BAN NHÂN DÂN**\nTỈNH BẮC NINH\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố: 141/KH-UBND\n|\n*Bắc Ninh, ngày 20\ntháng 11 năm 2025*\n|\n\n** **\n\n**KẾ HOẠCH**\n\nNÂNG CAO NĂNG LỰC CHO ĐỘI NGŨ CÁN BỘ\nGIAI ĐOẠN 2026 - 2030\n\nThực hiện Kế hoạch số 14-KH/TU.\n";
    let m = parse(t).metadata;
    assert_eq!(m.issuer.as_deref(), Some("UỶ BAN NHÂN DÂN TỈNH BẮC NINH"));
    assert_eq!(m.symbol.as_ref().map(|s| s.raw.as_str()), Some("141/KH-UBND"));
    assert_eq!(m.place.as_deref(), Some("Bắc Ninh"));
    assert_eq!(m.date.map(|d| d.iso()), Some("2025-11-20".to_string()));
    assert_eq!(m.doc_type.map(|d| d.code().to_string()), Some("KH".to_string()));
    assert_eq!(m.title.as_deref(), Some("NÂNG CAO NĂNG LỰC CHO ĐỘI NGŨ CÁN BỘ GIAI ĐOẠN 2026 - 2030"));
}

#[test]
fn cong_van_takes_its_title_from_vv_and_place_wrapped_in_its_cell() {
    // tnt_CV_4240-UBND-VX_a12a41bb.md
    let t = "**ỦY BAN NHÂN DÂN\n**\nTHÀNH PHỐ HỒ CHÍ MINH\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố: 4240/UBND-VX\n*V/v khẩn trương hoàn thành cập nhật, đồng bộ\ncơ sở dữ liệu cán bộ, công chức, viên chức*\n|\n*Thành phố Hồ Chí\nMinh, ngày 28 tháng 11 năm 2025*\n|\n** **\n|\n**Kính gửi:**\n|\n- Sở Nội vụ.\n|\nNội dung.\n";
    let m = parse(t).metadata;
    assert_eq!(m.doc_type.map(|d| d.code().to_string()), Some("CV".to_string()));
    assert_eq!(m.title.as_deref(), Some("khẩn trương hoàn thành cập nhật, đồng bộ cơ sở dữ liệu cán bộ, công chức, viên chức"));
    assert_eq!(m.place.as_deref(), Some("Thành phố Hồ Chí Minh"));
    assert_eq!(m.symbol.map(|s| s.raw), Some("4240/UBND-VX".to_string()));
}

#[test]
fn signature_with_wrapped_authority_and_stacked_lines() {
    // tnt_KH_141-KH-UBND_09daab28.md
    let t = "KẾ HOẠCH\n\nThử\n\n1. Nội dung.\n\n|\nNơi nhận:\n- Bộ Tư pháp (b/c);\n- Lưu: VT, NC.\n|\n**TM. ỦY BAN NHÂN\nDÂN**\n**KT. CHỦ TỊCH**\n**PHÓ CHỦ TỊCH**\n**Phạm Văn Thịnh**\n|\n";
    let m = parse(t).metadata;
    assert_eq!(m.signing_authority.as_deref(), Some("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"));
    assert_eq!(m.signer_title.as_deref(), Some("PHÓ CHỦ TỊCH"));
    assert_eq!(m.signer.as_deref(), Some("Phạm Văn Thịnh"));
    assert_eq!(m.recipients, vec!["Bộ Tư pháp (b/c)", "Lưu: VT, NC"]);
}

#[test]
fn party_signature_keeps_title_apart_from_authority() {
    // seed-kh-langson-2022.txt
    let t = "KẾ HOẠCH\n\nThử\n\n1. Nội dung.\n\nNơi nhận:\n\n- Ban Tổ chức Trung ương,\n- Lưu Văn phòng Tỉnh ủy.\n\n**T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC**\n\nHoàng Văn Nghiệm\n";
    let m = parse(t).metadata;
    assert_eq!(m.signing_authority.as_deref(), Some("T/M BAN THƯỜNG VỤ"));
    assert_eq!(m.signer_title.as_deref(), Some("PHÓ BÍ THƯ THƯỜNG TRỰC"));
    assert_eq!(m.signer.as_deref(), Some("Hoàng Văn Nghiệm"));
    assert_eq!(m.recipients, vec!["Ban Tổ chức Trung ương", "Lưu Văn phòng Tỉnh ủy"]);
    assert_eq!(m.issuer, None);
}

#[test]
fn recipient_wrapped_across_a_blank_line_is_one_entry() {
    // lmx_KH_02.txt
    let t = "KẾ HOẠCH\n\nThử\n\n1. Nội dung.\n\n  Nơi nhận:\n\n- Ủy ban bầu cử xã;  \n\n- Uỷ ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng,  \n\nVP Đảng uỷ;\n\n- Lưu: MTTQ  \n\nTM. BAN THƯỜNG TRỰC\n\nCHỦ TỊCH\n\nLan Thị Vân\n";
    let m = parse(t).metadata;
    assert_eq!(m.recipients, vec!["Ủy ban bầu cử xã", "Uỷ ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng, VP Đảng uỷ", "Lưu: MTTQ"]);
    assert_eq!(m.signing_authority.as_deref(), Some("TM. BAN THƯỜNG TRỰC"));
    assert_eq!(m.signer.as_deref(), Some("Lan Thị Vân"));
}

#[test]
fn header_squeezed_into_one_table_row() {
    // tnt_ND_170-2025-ND-CP_c22591f1.md
    let t = "CHÍNH PHỦ__________ Số: 170/2025/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc______________________\n|\n\n**NGHỊ ĐỊNH**\n\n**Quy định về tuyển dụng**\n\n*Căn cứ Luật Tổ chức Chính phủ;*\n";
    let m = parse(t).metadata;
    assert_eq!(m.issuer.as_deref(), Some("CHÍNH PHỦ"));
    assert_eq!(m.symbol.map(|s| s.raw), Some("170/2025/NĐ-CP".to_string()));
    assert_eq!(m.title.as_deref(), Some("Quy định về tuyển dụng"));
}

#[test]
fn table_cells_are_never_outline_items() {
    // tnt_KH_980-KH-UBND_c5d930a5.md: the appendix task table, cells between `|` lines
    let t = "KẾ HOẠCH\n\nThử\n\nI. MỤC ĐÍCH\n\n1. Nội dung.\n\n**PHỤ LỤC**\nDANH MỤC NHIỆM VỤ\n|\n**TT**\n|\n**Nội dung thực\nhiện**\n|\n**Cơ quan chủ trì**\n|\n|\n**I**\n|\n**KIỆN TOÀN CƠ CHẾ**\n|\n|\n1\n|\nTổ chức lại Ban Chỉ huy.\n|\nBộ CHQS tỉnh; UBND\ncấp xã\n|\n";
    let d = parse(t);
    let paths: Vec<String> = d.outline().map(|id| d.node(id).path.clone().unwrap()).collect();
    assert_eq!(paths, ["I", "I/1", "Phụ lục"]);
    assert!(d.leaves().any(|id| d.node(id).kind == vanban::NodeKind::TableRow));
}

#[test]
fn symbol_after_a_type_word_and_so() {
    // lmx_NQ_101_2025_UBTVQH15_678562.htm: `Nghị quyết số: 101/2025/UBTVQH15` in the header
    let t = "QUỐC HỘI\n\nNghị quyết số: 101/2025/UBTVQH15\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nHà Nội, ngày 1 tháng 7 năm 2025\n\nNGHỊ QUYẾT\n\nVề việc thử\n\nĐiều 1. Nội dung.\n";
    let m = parse(t).metadata;
    assert_eq!(m.symbol.map(|s| s.raw), Some("101/2025/UBTVQH15".to_string()));
}

#[test]
fn law_signature_of_a_title_and_a_name_without_authority_line() {
    // lmx_LUAT_72_2025_QH15_649675.htm (as its HTML is laid out): the last cell holds the title and the name
    let t = "LUẬT\n\nThử\n\nĐiều 1. Nội dung.\n\nLuật này được Quốc hội khóa XV thông qua ngày 25 tháng 6 năm 2025.\n\n|\nCHỦ TỊCH QUỐC HỘI\nTrần Thanh Mẫn\n|\n";
    let d = parse(t);
    assert_eq!(d.metadata.signer_title.as_deref(), Some("CHỦ TỊCH QUỐC HỘI"));
    assert_eq!(d.metadata.signer.as_deref(), Some("Trần Thanh Mẫn"));
    assert_eq!(d.outline().count(), 1);
}

#[test]
fn quoted_wording_of_another_document_has_no_items() {
    // lmx_LUAT_83_2025_QH15_663780.htm: an amending law quotes the new wording of the clauses it amends
    let t = "LUẬT\n\nThử\n\nĐiều 1. Sửa đổi, bổ sung một số điều\n\n1. Sửa đổi, bổ sung khoản 3 và khoản 4 Điều 8 như sau:\n\n“3. Số lượng phụ nữ được giới thiệu ứng cử.\n\n4. Dự kiến cơ cấu, thành phần.”.\n\n2. Sửa đổi, bổ sung Điều 9 như sau:\n\n“Điều 9. Dự kiến cơ cấu\n\n1. Thường trực Hội đồng nhân dân tỉnh dự kiến.”.\n\nĐiều 2. Hiệu lực thi hành\n";
    let d = parse(t);
    let paths: Vec<String> = d.outline().map(|id| d.node(id).path.clone().unwrap()).collect();
    assert_eq!(paths, ["Điều 1", "Điều 1/1", "Điều 1/2", "Điều 2"]);
}

#[test]
fn quoted_points_one_paragraph_per_line_stay_inside_the_quoting_point() {
    // lmx_LUAT_72_2025_QH15_649675.htm, Điều 52 khoản 2, one paragraph per line: the quoted `“a) ...` starts in
    // lower case after `như sau:`, and must still open its own (quoted) paragraph, so its `b)` is no item
    let t = "LUẬT\nThử\nĐiều 52. Sửa đổi luật khác\n2. Sửa đổi, bổ sung một số điều của Luật Thủ đô như sau:\nb) Sửa đổi, bổ sung điểm a và điểm b khoản 1 Điều 14 như sau:\n“a) Căn cứ vào yêu cầu công tác, Ủy ban nhân dân Thành phố được quyền phân cấp;\nb) Trong trường hợp cần thiết, Ủy ban nhân dân Thành phố có thể ủy quyền;”.\nc) Sửa đổi, bổ sung khoản 2 Điều 15 như sau:\n“2. Người đứng đầu cơ quan chuyên môn được ký hợp đồng.”.\nĐiều 53. Hiệu lực thi hành\n";
    let d = parse(t);
    let paths: Vec<String> = d.outline().map(|id| d.node(id).path.clone().unwrap()).collect();
    assert_eq!(paths, ["Điều 52", "Điều 52/2", "Điều 52/2/b", "Điều 52/2/c", "Điều 53"]);
}

#[test]
fn a_symbol_form_without_its_number_is_no_symbol_but_still_gives_the_type() {
    // lmx_HD_01.txt: a guidance issued before its number was filled in (`Số:     /HD-MTTQ-BTT`)
    let t = "ỦY BAN MTTQ VIỆT NAM\n\nXÃ LƯƠNG MINH\n\nBAN THƯỜNG TRỰC\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n\n\nSố:     /HD-MTTQ-BTT\n\nLương Minh, ngày 22 tháng 12 năm 2025\n\n\n\nHƯỚNG DẪN\n\nCác cơ quan, tổ chức, đơn vị giới thiệu người ứng cử\n\n1. Nội dung.\n";
    let m = parse(t).metadata;
    assert_eq!(m.symbol, None);
    assert_eq!(m.doc_type.map(|d| d.code().to_string()), Some("HD".to_string()));
    assert_eq!(m.place.as_deref(), Some("Lương Minh"));
    let numbered = parse(&t.replace("Số:     /HD", "Số: 12/HD")).metadata;
    assert_eq!(numbered.symbol.map(|s| s.raw), Some("12/HD-MTTQ-BTT".to_string()));
}

#[test]
fn a_title_ending_in_so_stops_before_the_enacting_authority() {
    // tnt_QD_2629-QD-TTg_2edf5927.md: `SỐ` (digital) ends the title; it waits for no number, so the authority
    // line after it (`THỦ TƯỚNG CHÍNH PHỦ`) is not part of the title
    let t = "**THỦ TƯỚNG CHÍNH\nPHỦ**\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố: 2629/QĐ-TTg\n|\n*Hà Nội, ngày 01\ntháng 12 năm 2025*\n|\n**QUYẾT ĐỊNH**\nVỀ\nVIỆC PHÊ DUYỆT CHƯƠNG TRÌNH PHÁT TRIỂN CHÍNH PHỦ SỐ\n**THỦ TƯỚNG CHÍNH PHỦ**\n*Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02\nnăm 2025;*\n**QUYẾT ĐỊNH:**\n**Điều 1.** Phê duyệt Chương trình.\n";
    let m = parse(t).metadata;
    assert_eq!(m.title.as_deref(), Some("VỀ VIỆC PHÊ DUYỆT CHƯƠNG TRÌNH PHÁT TRIỂN CHÍNH PHỦ SỐ"));
    assert_eq!(m.symbol.map(|s| s.raw), Some("2629/QĐ-TTg".to_string()));
}
