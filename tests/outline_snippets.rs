//! The outline tree on small snippets: levels, bullets, closing paragraphs, lossless leaves (moved from the
//! parse stage's own tests: they run the whole pipeline, which the parse stage must not import).

fn outline(t: &str) -> Vec<(String, Option<String>)> {
    let d = vanban::parse(t);
    d.outline().map(|id| (d.node(id).path.clone().unwrap(), d.node(id).heading.clone())).collect()
}
#[test]
fn a_style_seen_before_closes_later_levels() {
    let t = "KẾ HOẠCH\n\nVề việc thử\n\nI. MỤC ĐÍCH\n\n1. Một\n\na) Điểm a\n\nb) Điểm b\n\n2. Hai\n\nII. NỘI DUNG\n\n1. Ba\n";
    let paths: Vec<String> = outline(t).into_iter().map(|x| x.0).collect();
    assert_eq!(paths, ["I", "I/1", "I/1/a", "I/1/b", "I/2", "II", "II/1"]);
}
#[test]
fn bullets_are_numbered_by_position() {
    // seed-kh-langson-2022.txt, IV/1
    let t = "IV- TỔ CHỨC THỰC HIỆN\n\n1. Ban Tổ chức Tỉnh ủy:\n\n- Phối hợp với Ban Tuyên giáo.\n\n- Tiếp tục phân công.\n\n2. Ban Tuyên giáo Tỉnh ủy: Chủ trì.\n";
    assert_eq!(
        outline(t),
        vec![
            ("IV".into(), Some("TỔ CHỨC THỰC HIỆN".into())),
            ("IV/1".into(), Some("Ban Tổ chức Tỉnh ủy".into())),
            ("IV/1/-1".into(), None),
            ("IV/1/-2".into(), None),
            ("IV/2".into(), None)
        ]
    );
}
#[test]
fn numbered_items_do_not_nest_under_bullets() {
    // lmx_KH_02.txt, II/2/2.1: bullets, then (1) (2), then bullets again
    let t = "2.1. Chuẩn bị:\n\n- Nguyên tắc.\n\n(1) Lần thứ nhất.\n\n(2) Lần thứ hai.\n\n- Thời gian.\n";
    let paths: Vec<String> = outline(t).into_iter().map(|x| x.0).collect();
    assert_eq!(paths, ["2.1", "2.1/-1", "2.1/1", "2.1/2", "2.1/-2"]);
}
#[test]
fn closing_paragraph_stands_outside_items() {
    let t = "1. Giao Sở Tư pháp.\n\n2. Giao Sở Nội vụ.\n\nTrên đây là Kế hoạch./.\n";
    assert_eq!(outline(t), vec![("1".into(), None), ("2".into(), None)]);
}
#[test]
fn leaves_tile_the_text() {
    let t = "\u{feff}KẾ HOẠCH\r\n\r\nI. A\r\n- b\r\n\r\n\r\nNơi nhận:\r\n- X;\r\nTM. UBND\r\nNguyễn Văn A\r\n";
    let d = vanban::parse(t);
    let mut pos = 0;
    for id in d.leaves() {
        assert_eq!(d.node(id).span.start, pos);
        pos = d.node(id).span.end;
    }
    assert_eq!(pos, t.len());
}
