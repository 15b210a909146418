//! Format detection by content.

use crate::record::MediaType;

/// Detects the format of a file from its first bytes.
pub fn sniff(data: &[u8]) -> MediaType {
    if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        MediaType::Png
    } else if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        MediaType::Jpeg
    } else if data.starts_with(b"II*\0")
        || data.starts_with(b"MM\0*")
        || data.starts_with(b"II+\0")
        || data.starts_with(b"MM\0+")
    {
        MediaType::Tiff
    } else if data[..data.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        MediaType::Pdf
    } else {
        MediaType::Unknown
    }
}

/// A short human description of unrecognised content, for error messages.
pub fn describe(data: &[u8]) -> String {
    let head = &data[..data.len().min(512)];
    let texty = |b: u8| b >= 0x20 || matches!(b, b'\t' | b'\n' | b'\r');
    if head.iter().all(|&b| texty(b) || b >= 0x80)
        && std::str::from_utf8(head).map_or_else(|e| e.error_len().is_none(), |_| true)
    {
        "text or other non-document content".into()
    } else {
        let hex: Vec<String> = data.iter().take(8).map(|b| format!("{b:02x}")).collect();
        format!("unrecognised content starting with bytes {}", hex.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_formats_by_magic() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest"), MediaType::Png);
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), MediaType::Jpeg);
        assert_eq!(sniff(b"II*\0...."), MediaType::Tiff);
        assert_eq!(sniff(b"MM\0*...."), MediaType::Tiff);
        assert_eq!(sniff(b"%PDF-1.7\n"), MediaType::Pdf);
        assert_eq!(sniff(b"\n\n%PDF-1.4"), MediaType::Pdf);
        assert_eq!(sniff(b"hello"), MediaType::Unknown);
        assert_eq!(sniff(b""), MediaType::Unknown);
    }

    #[test]
    fn describes_text_and_binary() {
        assert!(describe(b"plain text").contains("text"));
        assert!(describe(&[0, 1, 2, 3]).contains("00 01 02 03"));
    }
}
