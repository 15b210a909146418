//! Hostile and broken inputs: every one becomes a row with a clear error (or is read, when it is
//! a real document under a wrong name), nothing panics, and the manifest's counts add up.

use std::io::Cursor;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use arrow::array::{Array, AsArray};

mod common;
use common::{arkiv, manifests, read_table, root, tiny_model};

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn png(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    image::GrayImage::from_pixel(w, h, image::Luma([255]))
        .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

/// A small PNG whose header claims 100,000 × 100,000 pixels.
fn png_bomb() -> Vec<u8> {
    let mut data = png(8, 8);
    data[16..20].copy_from_slice(&100_000u32.to_be_bytes());
    data[20..24].copy_from_slice(&100_000u32.to_be_bytes());
    let crc = crc32(&data[12..29]);
    data[29..33].copy_from_slice(&crc.to_be_bytes());
    data
}

fn two_page_tiff() -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = tiff::encoder::TiffEncoder::new(Cursor::new(&mut out)).unwrap();
    for _ in 0..2 {
        enc.write_image::<tiff::encoder::colortype::Gray8>(64, 64, &[200u8; 64 * 64])
            .unwrap();
    }
    out
}

fn rows(out: &Path) -> Vec<(String, String, Option<String>)> {
    let mut v = Vec::new();
    for batch in read_table(out, "documents") {
        let col = |n: &str| batch.column_by_name(n).unwrap().as_string::<i32>().clone();
        let (src, st, err) = (col("source_path"), col("status"), col("error"));
        for i in 0..batch.num_rows() {
            v.push((
                src.value(i).to_string(),
                st.value(i).to_string(),
                err.is_valid(i).then(|| err.value(i).to_string()),
            ));
        }
    }
    v
}

#[test]
fn every_bad_input_is_a_row_with_a_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let tiff = two_page_tiff();
    std::fs::write(input.join("truncated.tif"), &tiff[..tiff.len() * 3 / 4]).unwrap();
    std::fs::write(input.join("bomb.png"), png_bomb()).unwrap();
    std::fs::write(
        input.join("nopages.pdf"),
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    )
    .unwrap();
    std::fs::copy(
        root().join("tests/fixtures/bad/encrypted.pdf"),
        input.join("encrypted.pdf"),
    )
    .unwrap();
    std::fs::write(input.join("really-a-png.pdf"), png(32, 32)).unwrap();
    std::os::unix::fs::symlink(input.join("loop-b"), input.join("loop-a")).unwrap();
    std::os::unix::fs::symlink(input.join("loop-a"), input.join("loop-b")).unwrap();
    let odd_name = std::ffi::OsStr::from_bytes(b"scan-\xff\xfe.png");
    std::fs::write(input.join(odd_name), b"not an image").unwrap();
    // Unreadable: a file without read permission (root reads it anyway), a link to a file that
    // is gone, a named pipe (opening it would block).
    let locked = input.join("locked.png");
    std::fs::write(&locked, png(16, 16)).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let root_reads_anyway = std::fs::read(&locked).is_ok();
    std::os::unix::fs::symlink(input.join("deleted.png"), input.join("gone.png")).unwrap();
    let mkfifo = std::process::Command::new("mkfifo")
        .arg(input.join("pipe.png"))
        .status()
        .unwrap();
    assert!(mkfifo.success());

    let out = tmp.path().join("out");
    let output = arkiv()
        .args(["run", "--quiet", "--jobs", "2", "--model"])
        .arg(tiny_model())
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    let rows = rows(&out);
    let find = |name: &str| {
        rows.iter()
            .find(|(p, _, _)| p.ends_with(name))
            .unwrap_or_else(|| panic!("no row for {name}: {rows:?}"))
            .clone()
    };
    let failed_with = |name: &str, needle: &str| {
        let (_, status, error) = find(name);
        let error = error.unwrap_or_default();
        assert_ne!(status, "ok", "{name}");
        assert!(error.contains(needle), "{name}: {error}");
    };
    failed_with("truncated.tif", "TIFF");
    failed_with("bomb.png", "decompression bomb");
    failed_with("nopages.pdf", "");
    failed_with("encrypted.pdf", "encrypted PDF");
    failed_with("loop-a", "symbolic link");
    failed_with("loop-b", "symbolic link");
    failed_with("scan-\u{fffd}\u{fffd}.png", "not a supported document");
    let (_, status, _) = find("really-a-png.pdf");
    assert_eq!(status, "ok", "a PNG named .pdf is read as a PNG");
    if root_reads_anyway {
        assert_eq!(find("locked.png").1, "ok");
    } else {
        failed_with("locked.png", "ermission denied");
    }
    failed_with("gone.png", "symbolic link");
    failed_with("pipe.png", "named pipe");
    assert_eq!(rows.len(), 11);

    let m = &manifests(&out)[0];
    let c = &m["counts"];
    let sum = ["ok", "partial", "failed", "skipped"]
        .iter()
        .map(|k| c[k].as_u64().unwrap())
        .sum::<u64>();
    assert_eq!(c["inputs"].as_u64().unwrap(), 11);
    assert_eq!(sum, 11, "{c}");
}

#[test]
fn unwritable_output_stops_the_run_with_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("a.png"), png(8, 8)).unwrap();
    let output = arkiv()
        .args(["run", "--quiet", "--model"])
        .arg(tiny_model())
        .arg(tmp.path().join("a.png"))
        .args(["--out", "/proc/arkiv-cannot-write-here"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("writable --out"), "{stderr}");
}
