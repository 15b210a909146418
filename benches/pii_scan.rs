// Scanning throughput of the PII scanner on realistic mixed Chinese hospital text.
//
// `cargo bench --bench pii_scan` reports MB/s (bytes of UTF-8 input per second, one core).

use std::hint::black_box;

use arkiv::pii::{Scanner, mask};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// About 1 MB of record-like text: form headers with personal data, clinical narrative with lab
/// values, dates and doses, and English fragments. Generated, so no real person is in it.
fn corpus() -> String {
    let surnames = ["张", "王", "李", "赵", "欧阳", "陈", "刘", "黄"];
    let given = ["伟", "秀英", "敏", "建华", "雪梅", "志强", "丽", "海涛"];
    let mut text = String::new();
    let mut i: u64 = 0;
    while text.len() < 1_000_000 {
        let name = format!(
            "{}{}",
            surnames[(i % 8) as usize],
            given[(i / 8 % 8) as usize]
        );
        let phone = 13_800_000_000 + (i * 7919) % 100_000_000;
        text.push_str(&format!(
            "XX市第一人民医院 住院病案首页\n姓名：{name}  性别：男  年龄：{}岁  住院号：ZY{:08}\n\
             身份证号：11010519491231002X  联系电话：{phone}  家庭住址：河北省承德市双滦区丝绸厂家属区{}号\n\
             出生日期：1962年3月{}日  医保卡号：H{:010}\n\
             主诉：反复咳嗽、咳痰10年，加重伴气促3天。现病史：患者于2016-10-29无明显诱因出现发热，\
             体温最高39.2℃，伴畏寒、寒战。血常规：WBC 12.3×10^9/L，N 85.2%，Hb 132 g/L，PLT 215×10^9/L。\
             给予头孢呋辛1.5g ivgtt bid，氨溴索30mg iv tid。胸部CT示：右下肺炎症。\
             既往高血压病史5年，规律服用硝苯地平缓释片20mg qd，血压控制在130/80mmHg左右。\
             主治医师：{name}  记录时间：2016年11月2日 10:35\n\
             Discharge summary: patient stable, follow-up in 2 weeks, contact ward 0571-88123456.\n\n",
            40 + i % 50,
            i,
            i % 300,
            1 + i % 28,
            i * 31
        ));
        i += 1;
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let scanner = Scanner::default();
    let mut group = c.benchmark_group("pii");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("scan_1MB", |b| b.iter(|| scanner.scan(black_box(&text))));
    group.bench_function("scan_and_mask_1MB", |b| {
        b.iter(|| {
            let findings = scanner.scan(black_box(&text));
            mask(&text, &findings)
        })
    });
    // Documents arrive one by one: scan 2 KB pieces as separate texts.
    let docs: Vec<&str> = text.split("\n\n").filter(|d| !d.is_empty()).collect();
    group.bench_function("scan_per_document", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| scanner.scan(black_box(d)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
