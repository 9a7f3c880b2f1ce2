//! Assignment regressions on snippets of real corpus documents (named in each test).
use vanban::parse;

fn records(t: &str) -> Vec<(String, String, &'static str)> {
    parse(t).assignments.iter().map(|a| (a.section.clone(), a.agency.clone(), a.role.as_str())).collect()
}

fn has(r: &[(String, String, &'static str)], section: &str, agency: &str, role: &str) -> bool {
    r.iter().any(|(s, a, ro)| s == section && a == agency && *ro == role)
}

#[test]
fn item_addressed_to_an_agency_with_implied_lead_and_monitor() {
    // seed-kh-langson-2022.txt, IV/2
    let t = "KẾ HOẠCH\n\nThử\n\nIV- TỔ CHỨC THỰC HIỆN\n\n2. Ban Tuyên giáo Tỉnh ủy: Chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy trong việc chỉ đạo, định hướng thông tin; theo dõi, đôn đốc triển khai Kế hoạch này.\n";
    let r = records(t);
    for (agency, role) in [("Ban Tuyên giáo Tỉnh ủy", "responsible"), ("Ban Tuyên giáo Tỉnh ủy", "lead"), ("Ban Tổ chức Tỉnh ủy", "coordinate"), ("Ban Tuyên giáo Tỉnh ủy", "monitor")] {
        assert!(has(&r, "IV/2", agency, role), "{agency} {role} in {r:?}");
    }
}

#[test]
fn directed_agency_leads_and_its_partners_coordinate() {
    // seed-kh-langson-2022.txt, IV/3
    let t = "KẾ HOẠCH\n\nThử\n\nIV- TỔ CHỨC THỰC HIỆN\n\n3. Ban cán sự đảng Ủy ban nhân dân tỉnh\n\n- Chỉ đạo Sở Thông tin và Truyền thông chủ trì, phối hợp với Hội Nhà báo tỉnh và các cơ quan liên quan mở lớp tập huấn.\n\n- Chỉ đạo Sở Văn hóa, Thể thao và Du lịch làm tốt công tác thông tin cổ động trực quan.\n";
    let r = records(t);
    assert!(has(&r, "IV/3", "Ban cán sự đảng Ủy ban nhân dân tỉnh", "responsible"), "{r:?}");
    assert!(has(&r, "IV/3", "Sở Thông tin và Truyền thông", "directed"), "{r:?}");
    assert!(has(&r, "IV/3", "Sở Thông tin và Truyền thông", "lead"), "{r:?}");
    assert!(has(&r, "IV/3", "Hội Nhà báo tỉnh", "coordinate"), "{r:?}");
    assert!(has(&r, "IV/3", "các cơ quan liên quan", "coordinate"), "{r:?}");
    assert!(has(&r, "IV/3", "Sở Văn hóa, Thể thao và Du lịch", "directed"), "{r:?}");
}

#[test]
fn labelled_lines_give_lead_and_coordinate_with_their_deadline() {
    // tnt_KH_141-KH-UBND_09daab28.md, III/1
    let t = "KẾ HOẠCH\n\nThử\n\nIII. NHIỆM VỤ, GIẢI PHÁP\n\n**1. Rà soát, kiện toàn đội ngũ**\n\n- Thường xuyên rà soát, kiện toàn đội ngũ.\n\n*Đơn vị chủ trì thực hiện: *Các\nSở, ngành, đơn vị, UBND cấp xã.\n\n*Đơn vị phối hợp: *Sở Nội\nvụ, Sở Tư pháp.\n\n*Thời gian thực hiện: *Thường\nxuyên.\n";
    let d = parse(t);
    let r: Vec<_> = d.assignments.iter().map(|a| (a.section.clone(), a.agency.clone(), a.role.as_str())).collect();
    for (agency, role) in [("Các Sở, ngành, đơn vị", "lead"), ("UBND cấp xã", "lead"), ("Sở Nội vụ", "coordinate"), ("Sở Tư pháp", "coordinate")] {
        assert!(has(&r, "III/1", agency, role), "{agency} {role} in {r:?}");
    }
    assert!(d.assignments.iter().all(|a| a.deadline.as_ref().map(|x| x.phrase.as_str()) == Some("Thường xuyên")));
}

#[test]
fn sub_items_inherit_the_addressed_agency() {
    // tnt_CT_09-CT-UBND_2847e161.md, 5/a
    let t = "CHỈ THỊ\n\nThử\n\n5. Sở Xây dựng\n\na) Chủ trì, phối hợp Sở Nông nghiệp và Môi trường, Sở Công Thương, Ủy ban nhân dân xã, phường kiểm tra.\n";
    let r = records(t);
    assert!(has(&r, "5", "Sở Xây dựng", "responsible"), "{r:?}");
    assert!(has(&r, "5/a", "Sở Xây dựng", "lead"), "{r:?}");
    assert!(has(&r, "5/a", "Sở Nông nghiệp và Môi trường", "coordinate"), "{r:?}");
    assert!(has(&r, "5/a", "Sở Công Thương", "coordinate"), "{r:?}");
}

#[test]
fn subject_of_a_duty_may_run_past_a_verb() {
    // tnt_QD_383-QD-TW_056a116c.md, I/Điều 3/3
    let t = "QUY ĐỊNH\n\nThử\n\nĐiều 3. Trách nhiệm\n\n3. Người được giao theo dõi, giải quyết công việc của cơ quan, tổ chức có trách nhiệm lập hồ sơ.\n";
    let r = records(t);
    assert!(has(&r, "Điều 3/3", "Người được giao theo dõi, giải quyết công việc của cơ quan, tổ chức", "responsible"), "{r:?}");
}

#[test]
fn report_target_excludes_the_channel() {
    // tnt_KH_141-KH-UBND_09daab28.md, IV/6
    let t = "KẾ HOẠCH\n\nThử\n\nIV. TỔ CHỨC THỰC HIỆN\n\n6. Giao Sở Tư pháp theo dõi, đôn đốc các cơ quan triển khai thực hiện Kế hoạch này; tham mưu sơ kết và định kỳ báo cáo UBND tỉnh theo quy định./.\n";
    let r = records(t);
    assert!(has(&r, "IV/6", "Sở Tư pháp", "responsible"), "{r:?}");
    assert!(has(&r, "IV/6", "Sở Tư pháp", "monitor"), "{r:?}");
    assert!(has(&r, "IV/6", "UBND tỉnh", "report_to"), "{r:?}");
}

#[test]
fn task_table_rows_give_lead_and_coordinate() {
    // tnt_KH_980-KH-UBND_c5d930a5.md: the appendix task table, cells between `|` lines
    let t = "KẾ HOẠCH\n\nThử\n\n**PHỤ LỤC**\nDANH MỤC NHIỆM VỤ\n|\n**TT**\n|\n**Nội dung thực\nhiện**\n|\n**Cơ quan chủ trì**\n|\n**Cơ quan phối hợp**\n|\n**Thời gian hoàn\nthành**\n|\n|\n**I**\n|\n**KIỆN TOÀN CƠ CHẾ**\n|\n|\n1\n|\nTổ chức lại Ban Chỉ huy.\n|\nBộ CHQS tỉnh; UBND\ncấp xã\n|\nVăn phòng Ban Chỉ\nhuy; các sở, ban, ngành\n|\nTrước ngày\n30/11/2025\n|\n";
    let d = parse(t);
    let r: Vec<_> = d.assignments.iter().map(|a| (a.section.clone(), a.agency.clone(), a.role.as_str())).collect();
    for (agency, role) in [("Bộ CHQS tỉnh", "lead"), ("UBND cấp xã", "lead"), ("Văn phòng Ban Chỉ huy", "coordinate"), ("các sở, ban, ngành", "coordinate")] {
        assert!(r.iter().any(|(_, a, ro)| a == agency && *ro == role), "{agency} {role} in {r:?}");
    }
    let lead = d.assignments.iter().find(|a| a.agency == "Bộ CHQS tỉnh").unwrap();
    assert_eq!(lead.deadline.as_ref().and_then(|x| x.date).map(|x| x.iso()), Some("2025-11-30".to_string()));
}

fn lacks(r: &[(String, String, &'static str)], section: &str, agency: &str) -> bool {
    !r.iter().any(|(s, a, _)| s == section && a == agency)
}

#[test]
fn allowance_rates_assign_nothing() {
    // lmx_NQ_99_2025_NQ-HDND_685704.htm, Điều 3/6/c and Điều 3/9/a
    let t = "NGHỊ QUYẾT\n\nThử\n\nĐiều 3. Mức chi\n\n6. Bồi dưỡng\n\nc) Mức bồi dưỡng:\n\n- Chủ tịch Ủy ban bầu cử: cấp tỉnh: 3.300.000 đồng/người/tháng; cấp xã: 2.300.000 đồng/người/tháng.\n\n- Cán bộ, công chức trực tiếp tham mưu công tác bầu cử: 100.000 đồng/người/ngày.\n\n9. Tiếp công dân\n\na) Người được giao trực tiếp việc tiếp công dân: 150.000 đồng/buổi.\n";
    let r = records(t);
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn subject_that_hands_out_work_gets_no_record_and_monitors_also_act() {
    // lmx_NQ_99_2025_NQ-HDND_685704.htm, Điều 5
    let t = "NGHỊ QUYẾT\n\nThử\n\nĐiều 5. Hội đồng nhân dân tỉnh giao\n\n1. Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết.\n\n2. Thường trực, các ban, các tổ đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.\n";
    let r = records(t);
    assert!(lacks(&r, "Điều 5", "Hội đồng nhân dân tỉnh"), "{r:?}");
    assert!(has(&r, "Điều 5/1", "Ủy ban nhân dân tỉnh", "responsible"), "{r:?}");
    for a in ["Thường trực", "các ban", "các tổ đại biểu Hội đồng nhân dân tỉnh"] {
        assert!(has(&r, "Điều 5/2", a, "monitor"), "{a} in {r:?}");
        assert!(has(&r, "Điều 5/2", a, "responsible"), "{a} in {r:?}");
    }
}

#[test]
fn powers_are_not_duties_and_article_titles_assign_nothing() {
    // tnt_QD_383-QD-TW_056a116c.md, III/Điều 18/2/b and III/Điều 13
    let t = "QUY ĐỊNH\n\nThử\n\nĐiều 13. Cơ quan, tổ chức nộp hồ sơ, tài liệu vào lưu trữ lịch sử của Đảng\n\n1. Nộp đúng hạn.\n\nĐiều 18. Sử dụng tài liệu\n\n2. Thẩm quyền cho phép sử dụng tài liệu lưu trữ.\n\nb) Ban thường vụ tỉnh ủy quy định việc sử dụng tài liệu lưu trữ bảo quản tại lưu trữ lịch sử của Đảng ở cấp tỉnh.\n";
    let r = records(t);
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn classes_listed_with_commas_stay_one_actor() {
    // tnt_HD_45-HD-BTCTW_fe168907.md, II/4/4.2
    let t = "HƯỚNG DẪN\n\nThử\n\nII. QUY HOẠCH\n\n4. Rà soát\n\n4.2. Hằng năm, tiến hành rà soát; các cấp ủy, tổ chức đảng, tập thể lãnh đạo cơ quan, đơn vị có trách nhiệm lãnh đạo, chỉ đạo thực hiện việc đánh giá nguồn nhân sự.\n";
    let r = records(t);
    assert!(has(&r, "II/4/4.2", "các cấp ủy, tổ chức đảng, tập thể lãnh đạo cơ quan, đơn vị", "responsible"), "{r:?}");
    assert_eq!(r.len(), 1, "{r:?}");
}

#[test]
fn duty_subject_ends_before_its_participle_clause() {
    // tnt_KH_7360-KH-UBND_6a406c1f.md, IV/2
    let t = "KẾ HOẠCH\n\nThử\n\nIV. TỔ CHỨC THỰC HIỆN\n\n2. Căn cứ nội dung Kế hoạch và tình hình thực tiễn, các sở, ngành và Ủy ban nhân dân các xã, phường được phân công chủ trì thực hiện nhiệm vụ được giao tại Kế hoạch này có trách nhiệm xây dựng kế hoạch chi tiết, báo cáo Chủ tịch Ủy ban nhân dân tỉnh kết quả thực hiện theo quy định.\n";
    let r = records(t);
    assert!(has(&r, "IV/2", "các sở, ngành", "responsible"), "{r:?}");
    assert!(has(&r, "IV/2", "Ủy ban nhân dân các xã, phường", "responsible"), "{r:?}");
    assert!(has(&r, "IV/2", "Chủ tịch Ủy ban nhân dân tỉnh", "report_to"), "{r:?}");
}

#[test]
fn agencies_after_difficulties_report_back() {
    // tnt_KH_7360-KH-UBND_6a406c1f.md, IV/3 and the closing paragraph
    let t = "KẾ HOẠCH\n\nThử\n\nIV. TỔ CHỨC THỰC HIỆN\n\n3. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc các cơ quan, đơn vị, địa phương kịp thời phản ánh về Ủy ban nhân dân tỉnh (qua Sở Khoa học và Công nghệ) để xem xét, giải quyết.\n\nỦy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện./.\n";
    let r = records(t);
    assert!(has(&r, "IV/3", "các cơ quan, đơn vị, địa phương", "responsible"), "{r:?}");
    assert!(has(&r, "IV/3", "Ủy ban nhân dân tỉnh", "report_to"), "{r:?}");
    assert!(lacks(&r, "IV/3", "Sở Khoa học và Công nghệ"), "{r:?}");
    assert!(lacks(&r, "IV", "Ủy ban nhân dân tỉnh"), "the issuer of the request: {r:?}");
}

#[test]
fn passive_duties_name_their_agent() {
    // lmx_NQ_99_2025_NQ-HDND_685704.htm, Điều 2/1; tnt_QD_383-QD-TW_056a116c.md, III/Điều 14/1 and 17/5/a
    let t = "QUY ĐỊNH\n\nThử\n\nĐiều 2. Kinh phí\n\n1. Kinh phí phục vụ cho công tác bầu cử phải được các cơ quan, đơn vị quản lý chặt chẽ, chi tiêu theo đúng chế độ.\n\n2. Việc xác định giá trị tài liệu phải do hội đồng xác định giá trị tài liệu lưu trữ của Đảng ở các cấp tiến hành.\n\n3. Kho lưu trữ số do Văn phòng Trung ương Đảng quản lý.\n\n4. Chi xây dựng các văn bản do Ủy ban nhân dân tỉnh ban hành để thực hiện công tác bầu cử.\n";
    let r = records(t);
    assert!(has(&r, "Điều 2/1", "các cơ quan, đơn vị", "responsible"), "{r:?}");
    assert!(has(&r, "Điều 2/2", "hội đồng xác định giá trị tài liệu lưu trữ của Đảng ở các cấp", "responsible"), "{r:?}");
    assert!(has(&r, "Điều 2/3", "Văn phòng Trung ương Đảng", "responsible"), "{r:?}");
    assert!(lacks(&r, "Điều 2/4", "Ủy ban nhân dân tỉnh"), "a description, not a duty: {r:?}");
}

#[test]
fn an_opener_carries_over_a_list_split_by_semicolons() {
    // tnt_CV_4240-UBND-VX_a12a41bb.md, 1
    let t = "CÔNG VĂN\n\nThử\n\n1. Giao người đứng đầu các cơ quan chuyên môn, cơ quan hành chính khác, các đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân Thành phố; Chủ tịch Ủy ban nhân dân các xã, phường và đặc khu\n\n- Thường xuyên kiểm tra, đôn đốc việc cập nhật dữ liệu.\n";
    let r = records(t);
    assert!(has(&r, "1", "Chủ tịch Ủy ban nhân dân các xã, phường và đặc khu", "responsible"), "{r:?}");
    assert!(has(&r, "1", "Chủ tịch Ủy ban nhân dân các xã, phường và đặc khu", "monitor"), "{r:?}");
    assert!(has(&r, "1", "người đứng đầu các cơ quan chuyên môn, cơ quan hành chính khác", "monitor"), "{r:?}");
}

#[test]
fn urging_third_parties_to_comply_is_no_monitoring() {
    // tnt_CT_09-CT-UBND_2847e161.md, 8/a
    let t = "CHỈ THỊ\n\nThử\n\n8. Sở Công Thương\n\na) Phối hợp Sở Nông nghiệp và Môi trường tuyên truyền pháp luật; hướng dẫn, đôn đốc các tổ chức, cá nhân có khai thác tài nguyên nước tuân thủ nghiêm quy định về đăng ký, cấp phép khai thác tài nguyên nước.\n";
    let r = records(t);
    assert!(has(&r, "8", "Sở Công Thương", "responsible"), "{r:?}");
    assert!(!r.iter().any(|(_, _, ro)| *ro == "monitor"), "{r:?}");
}

#[test]
fn an_item_addressed_by_field_keeps_its_whole_title() {
    // lmx_KH_02.txt, III/3 and III/8
    let t = "KẾ HOẠCH\n\nThử\n\nIII. PHÂN CÔNG\n\n3. Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội\n\nChủ trì theo dõi, giám sát việc thực hiện.\n\n8. Ban công tác Mặt trận các thôn trên địa bàn xã\n\nCăn cứ Kế hoạch này, tham mưu thực hiện công tác bầu cử.\n";
    let r = records(t);
    assert!(has(&r, "III/3", "Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội", "responsible"), "{r:?}");
    assert!(has(&r, "III/3", "Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội", "lead"), "{r:?}");
    assert!(has(&r, "III/8", "Ban công tác Mặt trận các thôn trên địa bàn xã", "responsible"), "{r:?}");
}

#[test]
fn descriptions_passives_and_adverbs_do_not_make_actors() {
    // tnt_KH_179-KH-UBND_f004d93b.md V/6/b; tnt_ND_172-2025-ND-CP_de54f5fa.md Điều 2/6;
    // tnt_CV_4085-UBND-DT_71715967.md 1/1.1; lmx_HD_05.txt II/8/8.3
    let t = "KẾ HOẠCH\n\nThử\n\nV. KINH PHÍ\n\n6. Nguồn\n\nb) Ưu tiên kinh phí từ ngân sách để thực hiện nhiệm vụ thuộc Kế hoạch này do cơ quan nhà nước chủ trì thực hiện.\n\n7. Kỷ luật\n\nCán bộ, công chức bị xử lý kỷ luật về đảng thì trong thời hạn 30 ngày phải xử lý kỷ luật hành chính.\n\n8. Dữ liệu\n\nGiao Sở Nông nghiệp và Môi trường Khẩn trương chia sẻ toàn bộ cơ sở dữ liệu đất đai.\n\n9. Khen thưởng\n\nKết thúc cuộc bầu cử, tổ chức bình xét để đề nghị Ủy ban MTTQ Việt Nam cấp trên, Chủ tịch Ủy ban nhân dân cùng cấp khen thưởng.\n";
    let r = records(t);
    assert!(r.iter().all(|(s, _, _)| s == "V/8"), "{r:?}");
    assert!(has(&r, "V/8", "Sở Nông nghiệp và Môi trường", "responsible"), "{r:?}");
}

#[test]
fn nouns_after_joints_and_requests_sent_by_the_actor() {
    // tnt_KH_179-KH-UBND_f004d93b.md VI/1/b; tnt_ND_308-2025-ND-CP_54c3026b.md Điều 53/2/a
    let t = "KẾ HOẠCH\n\nThử\n\nVI. TỔ CHỨC THỰC HIỆN\n\n1. Sở Khoa học và Công nghệ\n\nb) Chủ trì, phối hợp với các bộ, ngành và tổ chức liên quan thực hiện các nhiệm vụ.\n\n2. Hồ sơ\n\na) Chủ tịch Ủy ban nhân dân cấp tỉnh gửi văn bản đề nghị Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch xem xét.\n";
    let r = records(t);
    assert!(has(&r, "VI/1/b", "các bộ, ngành và tổ chức liên quan", "coordinate"), "{r:?}");
    assert!(has(&r, "VI/2/a", "Chủ tịch Ủy ban nhân dân cấp tỉnh", "responsible"), "{r:?}");
    assert!(lacks(&r, "VI/2/a", "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"), "{r:?}");
}

#[test]
fn a_group_title_row_does_not_end_a_task_table() {
    // tnt_KH_617-KH-UBND_8718801c.md, Phụ lục: the table's groups (`I. NÂNG CAO ...`) are rows of one cell
    let t = "KẾ HOẠCH\n\nThử\n\n**PHỤ LỤC**\n\nDANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM\n\n|\n**STT**\n|\n**Tên nhiệm vụ**\n|\n**Cơ quan chủ trì**\n|\n**Cơ quan phối hợp**\n|\n**Thời gian hoàn thành**\n|\n|\n**I.\nNÂNG CAO NHẬN THỨC VÀ ĐỔI MỚI TƯ DUY**\n|\n|\n1\n|\nTriển khai nền tảng đào tạo\ntrực tuyến mở đại trà.\n|\nSở KH&CN\n|\nCác sở, ban, ngành tỉnh; UBND các xã, phường\n|\nThường xuyên\n|\n|\n3\n|\nBiểu dương, tôn vinh, khen\nthưởng.\n|\nSở Nội vụ\n|\nSở KH&CN; các cơ quan, đơn vị liên quan\n|\nThường xuyên, hằng năm\n|\n";
    let r = records(t);
    for (agency, role) in [("Sở KH&CN", "lead"), ("Các sở, ban, ngành tỉnh", "coordinate"), ("UBND các xã, phường", "coordinate"), ("Sở Nội vụ", "lead"), ("các cơ quan, đơn vị liên quan", "coordinate")] {
        assert!(r.iter().any(|(_, a, ro)| a == agency && *ro == role), "{agency} {role} in {r:?}");
    }
}

#[test]
fn a_name_the_gazetteer_knows_is_one_agency_of_a_list() {
    // tnt_QD_2623-QD-TTg_86367f2d.md, Phụ lục/II/1: `Đài Truyền hình` is no `đài truyền` (a lower-case noun)
    let t = "KẾ HOẠCH\n\nThử\n\n1. Tổ chức tuyên truyền, phổ\nbiến pháp luật\n\n- Cơ quan thực hiện: Bộ Công\nan, Bộ Tư pháp, Bộ Văn hóa, Thể thao và Du lịch, Đài Tiếng\nnói Việt Nam, Đài Truyền hình Việt Nam, Thông tấn xã Việt Nam và các cơ quan\nbáo chí, phát thanh, truyền hình khác.\n";
    let r = records(t);
    for agency in ["Bộ Công an", "Bộ Văn hóa, Thể thao và Du lịch", "Đài Tiếng nói Việt Nam", "Đài Truyền hình Việt Nam"] {
        assert!(has(&r, "1", agency, "responsible"), "{agency} in {r:?}");
    }
}

#[test]
fn the_standard_closing_duty_names_each_office_after_a_known_name() {
    // tnt_QD_4385-QD-BVHTTDL_448306af.md, Điều 3: `Chánh Văn phòng Bộ` is a name the gazetteer knows, whole
    let t = "QUYẾT ĐỊNH\n\nThử\n\n**Điều 3. **Chánh\nVăn phòng Bộ, Vụ trưởng Vụ Kế hoạch, Tài chính, Viện trưởng Viện Văn hóa, Nghệ\nthuật, Thể thao và Du lịch Việt Nam và Thủ trưởng các cơ quan liên quan chịu\ntrách nhiệm thi hành Quyết định này./.\n";
    let r = records(t);
    for agency in ["Chánh Văn phòng Bộ", "Vụ trưởng Vụ Kế hoạch, Tài chính", "Viện trưởng Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam", "Thủ trưởng các cơ quan liên quan"] {
        assert!(has(&r, "Điều 3", agency, "responsible"), "{agency} in {r:?}");
    }
}

#[test]
fn an_agency_after_a_fronted_phrase_with_commas_takes_its_duty() {
    // lmx_KH_09.txt, I/3: the fronted `Đối với ...` holds commas of its own
    let t = "KẾ HOẠCH\n\nThử\n\nI. MỤC ĐÍCH\n\n3. Việc tiếp công dân phải phân loại, xử lý kịp thời. Đối với các khiếu nại, tố cáo, kiến nghị liên quan đến người ứng cử đại biểu Quốc hội và đại biểu HĐND tỉnh, Ban Thường trực UBMTTQ xã phải kịp thời chuyển đơn đến cơ quan có thẩm quyền.\n";
    let r = records(t);
    assert!(has(&r, "I/3", "Ban Thường trực UBMTTQ xã", "responsible"), "{r:?}");
}

#[test]
fn a_participle_after_a_comma_opens_no_duty() {
    // tnt_QD_383-QD-TW_056a116c.md, III/Điều 12/2: `được giao nộp` describes the documents
    let t = "QUY ĐỊNH\n\nThử\n\nĐiều 12. Thời hạn nộp lưu\n\n2. Trong thời hạn 30 năm, tính từ năm nộp hồ sơ, tài liệu lưu trữ vĩnh viễn của Quân ủy Trung ương, Đảng ủy Công an Trung ương được giao nộp vào lưu trữ lịch sử của Đảng ở Trung ương.\n";
    let r = records(t);
    assert!(!r.iter().any(|(_, a, _)| a == "Đảng ủy Công an Trung ương"), "{r:?}");
}

#[test]
fn a_report_made_with_an_agency_names_it() {
    // lmx_KH_09.txt, III/2
    let t = "KẾ HOẠCH\n\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n2. Ban Công tác Mặt trận các thôn\n\n- Báo cáo ngay với Ban Thường trực UBMTTQ xã khi phát sinh đơn thư hoặc vụ việc phức tạp tại thôn.\n";
    let r = records(t);
    assert!(has(&r, "III/2", "Ban Thường trực UBMTTQ xã", "report_to"), "{r:?}");
}

#[test]
fn a_request_before_a_colon_addresses_the_list_after_it() {
    // tnt_KH_617-KH-UBND_8718801c.md, IV/6
    let t = "KẾ HOẠCH\n\nThử\n\nIV. TỔ CHỨC THỰC HIỆN\n\n**6. Đề nghị: Hiệp hội\nDoanh nghiệp tỉnh, Hội Nông dân tỉnh, Liên minh Hợp tác xã Tỉnh**\n\na) Tuyên truyền, vận động hội\nviên tích cực tham gia.\n";
    let r = records(t);
    // (`Hội Nông dân tỉnh, Liên minh Hợp tác xã Tỉnh` still reads as one name: `Liên minh` opens none the rules know)
    assert!(has(&r, "IV/6", "Hiệp hội Doanh nghiệp tỉnh", "responsible"), "{r:?}");
}

#[test]
fn a_stop_word_after_a_capitalized_name_ends_it() {
    // tnt_QD_383-QD-TW_056a116c.md, II/Điều 6/2 and II/Điều 7/1: `có`, `được` are no syllable of a compound
    let t = "QUY ĐỊNH\n\nThử\n\nĐiều 6. Hệ thống\n\n1. Văn phòng Trung ương Đảng có chức năng tham mưu cho Trung ương Đảng quản lý tài liệu.\n\n2. Lưu trữ lịch sử của Đảng được tổ chức ở Trung ương và cấp tỉnh.\n";
    let r = records(t);
    assert!(has(&r, "Điều 6/1", "Văn phòng Trung ương Đảng", "responsible"), "{r:?}");
    assert!(lacks(&r, "Điều 6/1", "Văn phòng Trung ương Đảng có chức năng") && lacks(&r, "Điều 6/2", "Lưu trữ lịch sử của Đảng được"), "{r:?}");
}

#[test]
fn a_stop_word_right_after_a_head_ends_the_name() {
    // tnt_HD_45-HD-BTCTW_fe168907.md, II/6/6.3: a definition (`Cán bộ có trình độ ... là`), no actor
    let t = "HƯỚNG DẪN\n\nThử\n\nII. QUY HOẠCH\n\n6. Cơ cấu\n\n- Cán bộ có trình độ khoa học công nghệ là: (i) Cán bộ có trình độ chuyên môn đại học trở lên.\n";
    let r = records(t);
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn thi_opens_the_main_clause_of_a_condition() {
    // tnt_HD_45-HD-BTCTW_fe168907.md, II/8
    let t = "HƯỚNG DẪN\n\nThử\n\nII. QUY HOẠCH\n\n8. Về các trường hợp đưa ra khỏi quy hoạch\n\n- Đối với cán bộ bị thi hành kỷ luật, sau khi cấp có thẩm quyền ban hành quyết định kỷ luật, thì các cấp ủy, tổ chức đảng, cơ quan, đơn vị phải kịp thời quyết định hoặc đề xuất cấp có thẩm quyền đưa ngay ra khỏi quy hoạch.\n";
    let r = records(t);
    assert!(has(&r, "II/8", "các cấp ủy, tổ chức đảng, cơ quan, đơn vị", "responsible"), "{r:?}");
}

#[test]
fn considering_and_deciding_is_a_power() {
    // tnt_HD_45-HD-BTCTW_fe168907.md, I/2 (an example of delegated authority)
    let t = "HƯỚNG DẪN\n\nThử\n\nI. PHÂN CẤP\n\n2. Việc thực hiện ủy quyền\n\n- Đồng chí A là cán bộ thuộc diện Ban Bí thư quản lý; theo ủy quyền của Ban Bí thư, thì Ban Thường vụ Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương xem xét, quyết định việc giới thiệu đồng chí A.\n";
    let r = records(t);
    assert!(r.iter().all(|(_, _, ro)| *ro != "responsible"), "{r:?}");
}

#[test]
fn report_target_after_a_joined_verb() {
    // tnt_HD_45-HD-BTCTW_fe168907.md, III/1/1.2
    let t = "HƯỚNG DẪN\n\nThử\n\nIII. BỔ NHIỆM\n\n1. Tiêu chuẩn\n\n1.2. Độ tuổi\n\nBước 3: Trên cơ sở kết quả đánh giá, các cấp ủy, tổ chức đảng báo cáo, đề xuất Bộ Chính trị, Ban Bí thư xem xét, quyết định.\n";
    let r = records(t);
    assert!(has(&r, "III/1/1.2", "Bộ Chính trị", "report_to"), "{r:?}");
    assert!(has(&r, "III/1/1.2", "Ban Bí thư", "report_to"), "{r:?}");
}

#[test]
fn a_line_naming_who_carries_it_out_keeps_the_roles_it_gives_inside() {
    // tnt_KH_174-KH-UBND_31fb08f3.md, III/1/a: `Cơ quan thực hiện: X chủ trì, phối hợp với Y ...` (X leads, Y
    // coordinates; a part after the `phối hợp` list goes on with it)
    let t = "KẾ HOẠCH\n\nThử\n\nIII. NHIỆM VỤ\n\n1. Hoạt động\n\na) Hoạt động 1\n\n- Nội dung: Tập huấn nâng cao năng lực.\n\n- Cơ quan thực hiện: Sở Y tế\nchủ trì, phối hợp với các sở, ban, ngành, đoàn thể Thành phố; Ủy ban nhân dân các xã.\n";
    let r = records(t);
    assert!(has(&r, "III/1/a", "Sở Y tế", "lead"), "{r:?}");
    assert!(!has(&r, "III/1/a", "Sở Y tế", "responsible"), "{r:?}");
    assert!(has(&r, "III/1/a", "các sở, ban, ngành, đoàn thể Thành phố", "coordinate"), "{r:?}");
    assert!(has(&r, "III/1/a", "Ủy ban nhân dân các xã", "coordinate"), "{r:?}");
    // a part that names its own duty keeps it (tnt_KH_172: `Sở Nội vụ chủ trì tham mưu ...; Sở Tư pháp ... chủ động tổ chức ...`)
    let t = "KẾ HOẠCH\n\nThử\n\nII. NHIỆM VỤ\n\n1. Tuyên truyền\n\n- Cơ quan thực hiện: Sở Nội vụ chủ trì tham mưu Ủy ban nhân dân Thành phố ban hành Kế hoạch; Sở Tư pháp chủ động tổ chức triển khai.\n";
    let r = records(t);
    assert!(has(&r, "II/1", "Sở Nội vụ", "lead"), "{r:?}");
    assert!(has(&r, "II/1", "Sở Tư pháp", "responsible"), "{r:?}");
}

#[test]
fn a_closing_duty_whose_actors_are_split_by_semicolons_binds_every_one() {
    // tnt_QD_3004-QD-UBND_def9c79d.md, Điều 4: the standard closing duty of a decision, its actors split by `;`
    let t = "QUYẾT ĐỊNH\n\nVề việc thử\n\nQUYẾT ĐỊNH:\n\n**Điều 4.** Chánh Văn phòng UBND tỉnh; Giám đốc Sở Y tế; Giám đốc các sở; Thủ trưởng các ban, ngành cấp tỉnh; Chủ tịch UBND cấp xã và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.\n";
    let r = records(t);
    for agency in ["Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Y tế", "Giám đốc các sở", "Thủ trưởng các ban, ngành cấp tỉnh", "Chủ tịch UBND cấp xã", "các tổ chức, cá nhân có liên quan"] {
        assert!(has(&r, "Điều 4", agency, "responsible"), "{agency} in {r:?}");
    }
    // a qualifier of how the actor acts is not part of its name (tnt_CT_010, III/1)
    let t = "CHỈ THỊ\n\nVề việc thử\n\nIII. Tổ chức thực hiện\n\n1. Thủ trưởng các Sở, ban, ngành; Chủ tịch UBND cấp xã căn cứ chức năng, nhiệm vụ được giao, có trách nhiệm triển khai thực hiện.\n";
    let r = records(t);
    assert!(has(&r, "III/1", "Thủ trưởng các Sở, ban, ngành", "responsible"), "{r:?}");
    assert!(has(&r, "III/1", "Chủ tịch UBND cấp xã", "responsible"), "{r:?}");
    // a list after `do` that issues is no subject (`... do X; Y ban hành`)
    let t = "KẾ HOẠCH\n\nThử\n\nI. NHIỆM VỤ\n\n1. Rà soát các văn bản do Sở Tài chính; Sở Nội vụ ban hành.\n";
    assert!(!has(&records(t), "I/1", "Sở Tài chính", "responsible"));
}

#[test]
fn a_lower_case_actor_is_responsible_for_a_modal_duty() {
    // tnt_TT_36-2025-TT-BXD_631e2524.md, Điều 2/6 and Điều 3/2: an actor noun no head word reads, in lower case
    // after a condition and capitalized at an item's start
    let t = "THÔNG TƯ\n\nThử\n\n**Điều 2. Nguyên tắc**\n\n6. Trường hợp kiểm định viên đã đến hiện trường kiểm định theo đề nghị của tổ chức, cá nhân sử dụng dịch vụ kiểm định thiết bị (sau đây gọi là khách hàng) nhưng khách hàng huỷ đề nghị kiểm định hoặc phải hủy do các điều kiện về an toàn không đảm bảo theo quy định để thực hiện kiểm định, khách hàng phải trả các chi phí theo quy định tại khoản 3 Điều này.\n\n**Điều 3. Trách nhiệm thi hành**\n\n2. Tổ chức kiểm định có trách nhiệm kê khai, niêm yết, công khai thông tin về giá dịch vụ kiểm định thiết bị.\n";
    let r = records(t);
    assert!(has(&r, "Điều 2/6", "khách hàng", "responsible"), "{r:?}");
    assert!(has(&r, "Điều 3/2", "Tổ chức kiểm định", "responsible"), "{r:?}");
    assert_eq!(r.len(), 2, "{r:?}");
}

#[test]
fn a_lower_case_actor_opens_a_clause_after_a_fronted_phrase_or_a_clause_of_its_own() {
    // tnt_QD_383-QD-TW_056a116c.md, II/Điều 7/1 and IV/Điều 23/1/b, c
    let t = "QUY ĐỊNH\n\nThử\n\n**Điều 7. Lưu trữ lịch sử**\n\n1. Lưu trữ lịch sử của Trung ương Đảng có trách nhiệm trình Chánh Văn phòng Trung ương Đảng, lưu trữ lịch sử của Đảng ở cấp tỉnh có trách nhiệm trình ban thường vụ tỉnh Ủy ban hành danh mục cơ quan, tổ chức thuộc nguồn nộp lưu tài liệu.\n\n**Điều 23. Quy định chuyển tiếp**\n\n1. Kể từ ngày Quy định này có hiệu lực thi hành:\n\nb) Trong thời hạn 10 năm, lưu trữ lịch sử của Đảng phải hoàn thành việc chỉnh lý, xác định giá trị tài liệu.\n\nc) Trong thời hạn 5 năm, cơ quan, tổ chức đã xác định bí mật nhà nước có trách nhiệm chủ trì, phối hợp với lưu trữ lịch sử của Đảng thực hiện việc giải mật tài liệu.\n";
    let r = records(t);
    assert!(has(&r, "Điều 7/1", "Lưu trữ lịch sử của Trung ương Đảng", "responsible"), "{r:?}");
    assert!(has(&r, "Điều 7/1", "lưu trữ lịch sử của Đảng ở cấp tỉnh", "responsible"), "{r:?}");
    assert!(has(&r, "Điều 23/1/b", "lưu trữ lịch sử của Đảng", "responsible"), "{r:?}");
    assert!(has(&r, "Điều 23/1/c", "cơ quan, tổ chức đã xác định bí mật nhà nước", "responsible"), "{r:?}");
}

#[test]
fn no_actor_where_the_modal_belongs_to_an_object_or_a_list_goes_on() {
    // tnt_CV_1539-VLO-QLDN3_de1ea1a3.md: `số thuế phải nộp` qualifies the tax; tnt_ND_308-2025-ND-CP_54c3026b.md:
    // `của cá nhân, tổ chức phải` is the object's list, the subject is `Việc ...`; tnt_QD_383-QD-TW_056a116c.md:
    // `..., phải bảo đảm` is the document's second duty; a power is no duty
    let t = "NGHỊ ĐỊNH\n\nThử\n\n**Điều 5. Quy định chung**\n\n1. Khấu trừ thuế là việc tổ chức, cá nhân trả thu nhập thực hiện tính trừ số thuế phải nộp vào thu nhập của người nộp thuế.\n\n2. Việc thu thập, lưu trữ, xử lý dữ liệu và sử dụng các cơ sở dữ liệu số của cá nhân, tổ chức phải tuân theo các quy định pháp luật về bản quyền.\n\n3. Tài liệu lưu trữ tạo lập dạng số phải được xác thực số bởi cơ quan, tổ chức tạo ra tài liệu, phải bảo đảm toàn vẹn từ lúc khởi tạo.\n\n4. Cơ quan, tổ chức, cá nhân có quyền sử dụng tài liệu lưu trữ theo quy định.\n\n5. Người sử dụng tài liệu lưu trữ của Đảng phải có căn cước hoặc hộ chiếu.\n";
    let r = records(t);
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn a_duty_names_the_role_that_follows_it() {
    // tnt_QD_383-QD-TW_056a116c.md, IV/Điều 23/1/c: `có trách nhiệm chủ trì` leads and is responsible;
    // tnt_NQ_57-2025-NQ-HDND_f20b8af6.md, Chương V/Điều 12/2: `có trách nhiệm giám sát quá trình tổ chức thực hiện`
    let t = "NGHỊ QUYẾT\n\nThử\n\n**Điều 12. Tổ chức thực hiện**\n\n1. Trong thời hạn 5 năm, cơ quan, tổ chức đã xác định bí mật nhà nước có trách nhiệm chủ trì, phối hợp với Sở Tư pháp thực hiện việc giải mật tài liệu.\n\n2. Giao Thường trực Hội đồng nhân dân Thành phố, các Ban của Hội đồng nhân dân Thành phố có trách nhiệm giám sát quá trình tổ chức thực hiện Nghị quyết.\n";
    let r = records(t);
    assert!(has(&r, "Điều 12/1", "cơ quan, tổ chức đã xác định bí mật nhà nước", "lead"), "{r:?}");
    assert!(has(&r, "Điều 12/1", "cơ quan, tổ chức đã xác định bí mật nhà nước", "responsible"), "{r:?}");
    assert!(has(&r, "Điều 12/1", "Sở Tư pháp", "coordinate"), "{r:?}");
    assert!(has(&r, "Điều 12/2", "các Ban của Hội đồng nhân dân Thành phố", "monitor"), "{r:?}");
    assert!(has(&r, "Điều 12/2", "Thường trực Hội đồng nhân dân Thành phố", "responsible"), "{r:?}");
}

#[test]
fn a_manner_phrase_between_the_agencies_and_their_role_is_skipped() {
    // tnt_CD_226-CD-TTg_858c0de4.md, 2: `X, Y theo chức năng, nhiệm vụ, thẩm quyền chủ trì, phối hợp với ...`
    let t = "CÔNG ĐIỆN\n\nThử\n\n**2.** Bộ Quốc phòng, Bộ Công an theo chức năng, nhiệm vụ, thẩm quyền\nchủ trì, phối hợp với các Bộ, cơ quan liên quan và các địa phương:\na) Rà soát các mặt hàng dự trữ quốc gia thuộc lĩnh vực quản lý.\n";
    let r = records(t);
    for agency in ["Bộ Quốc phòng", "Bộ Công an"] {
        assert!(has(&r, "2", agency, "lead"), "{agency} in {r:?}");
    }
    assert!(has(&r, "2", "các Bộ, cơ quan liên quan", "coordinate"), "{r:?}");
}

#[test]
fn a_cooperative_alliance_is_an_agency_of_its_own_in_a_list() {
    // tnt_KH_617-KH-UBND_8718801c.md, IV/6: `Liên minh Hợp tác xã` heads a name (lexicon row), so the list splits
    let t = "KẾ HOẠCH\n\nThử\n\nIV. TỔ CHỨC THỰC HIỆN\n\n**6. Đề nghị: Hiệp hội\nDoanh nghiệp tỉnh, Hội Nông dân tỉnh, Liên minh Hợp tác xã Tỉnh**\n\nPhối hợp tuyên truyền.\n";
    let r = records(t);
    for agency in ["Hội Nông dân tỉnh", "Liên minh Hợp tác xã Tỉnh"] {
        assert!(has(&r, "IV/6", agency, "responsible"), "{agency} in {r:?}");
    }
}

#[test]
fn the_request_that_leads_into_a_directives_tasks_assigns_them() {
    // tnt_CT_09-CT-UBND_2847e161.md: the last paragraph before item 1 (section "")
    let t = "CHỈ THỊ\n\nVề việc tăng cường quản lý nước dưới đất\n\nNguồn nước dưới đất đang suy giảm.\n\nNhằm chấn chỉnh công tác quản lý nhà nước về nước dưới đất, Chủ tịch Ủy ban nhân dân thành phố Cần Thơ yêu cầu Giám đốc, Thủ trưởng các sở,\nban ngành, Chủ tịch Ủy ban nhân dân xã, phường và các đơn vị liên quan trong phạm\nvi chức năng, quyền hạn của mình tập trung thực hiện các nhiệm vụ trọng tâm, cụ\nthể như sau:\n\n1. Các cơ quan quản lý nhà nước tăng cường kiểm tra.\n";
    let r = records(t);
    for agency in ["Giám đốc", "Thủ trưởng các sở, ban ngành", "Chủ tịch Ủy ban nhân dân xã, phường", "các đơn vị liên quan"] {
        assert!(has(&r, "", agency, "responsible"), "{agency} in {r:?}");
    }
    // a plan's lead-in names no one: `Ủy ban nhân dân tỉnh ban hành Kế hoạch ... như sau:` (tnt_KH_597)
    let t = "KẾ HOẠCH\n\nChuyển đổi số\n\nCăn cứ Quyết định số 03-QĐ/BCĐ ngày 13/8/2025 của Ban Chỉ đạo;\n\nỦy ban nhân dân tỉnh Đồng Tháp ban hành Kế hoạch chuyển đổi số trong hoạt động giao thông, như sau:\n\nI. MỤC ĐÍCH\n\n1. Nâng cao hiệu quả.\n";
    assert!(records(t).iter().all(|(s, _, _)| !s.is_empty()), "{:?}", records(t));
}

#[test]
fn holders_of_an_office_are_a_class_and_the_implementation_of_a_dispatch_is_monitored() {
    // tnt_CD_226-CD-TTg_858c0de4.md, 5: `các Phó Thủ tướng` (các + an office, capitalized) is an agency of its own
    // after `và`; `đôn đốc ... trong quá trình thực hiện Công điện này` follows the implementation up (monitor)
    let t = "CÔNG ĐIỆN\n\nThử\n\n**5.** Giao Phó Thủ tướng Hồ Đức Phớc và các Phó Thủ tướng theo nhiệm\nvụ được phân công chỉ đạo, đôn đốc, kiểm tra, các Bộ, cơ quan, địa phương trong\nquá trình thực hiện Công điện này.\n";
    let r = records(t);
    for (agency, role) in [("Phó Thủ tướng Hồ Đức Phớc", "responsible"), ("các Phó Thủ tướng", "responsible"), ("Phó Thủ tướng Hồ Đức Phớc", "monitor"), ("các Phó Thủ tướng", "monitor")] {
        assert!(has(&r, "5", agency, role), "{agency} {role} in {r:?}");
    }
}

#[test]
fn agencies_that_act_of_their_own_accord_are_responsible() {
    // tnt_KH_7360-KH-UBND_6a406c1f.md, III/2: `chủ động` before a verb the lexicon does not know is the duty
    let t = "KẾ HOẠCH\n\nThử\n\nIII. KINH PHÍ\n\n**2. **Đối với các nhiệm\nvụ triển khai trong năm 2025, các sở, ngành liên quan và Ủy ban nhân dân các\nxã, phường chủ động cân đối bố trí trong nguồn ngân sách nhà nước đã được giao\nnăm 2025 để triển khai thực hiện.\n";
    let r = records(t);
    for agency in ["các sở, ngành liên quan", "Ủy ban nhân dân các xã, phường"] {
        assert!(has(&r, "III/2", agency, "responsible"), "{agency} in {r:?}");
    }
}
