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
        assert!(has(&r, "Phụ lục", agency, role), "{agency} {role} in {r:?}");
    }
    let lead = d.assignments.iter().find(|a| a.agency == "Bộ CHQS tỉnh").unwrap();
    assert_eq!(lead.deadline.as_ref().and_then(|x| x.date).map(|x| x.iso()), Some("2025-11-30".to_string()));
}
