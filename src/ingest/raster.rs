//! Decoding raster formats (PNG, JPEG, TIFF) into grayscale pages, with size limits.

use std::io::Cursor;

use image::{DynamicImage, GrayImage, ImageFormat, ImageReader, Limits};
use tiff::decoder::{Decoder, DecodingResult};
use tiff::tags::{ResolutionUnit, Tag};

use super::{IngestError, IngestParams};
use crate::record::{MediaType, PageInput};

fn format_of(media: MediaType) -> ImageFormat {
    match media {
        MediaType::Jpeg => ImageFormat::Jpeg,
        _ => ImageFormat::Png,
    }
}

fn check_pixels(width: u32, height: u32, params: &IngestParams) -> Result<(), IngestError> {
    let pixels = u64::from(width) * u64::from(height);
    if pixels > params.max_pixels {
        return Err(IngestError::new(format!(
            "page is {width}×{height} pixels ({pixels}), more than the limit of {} (likely a \
             decompression bomb; raise --max-pixels if it is a genuine scan)",
            params.max_pixels
        )));
    }
    if width == 0 || height == 0 {
        return Err(IngestError::new("page has zero width or height"));
    }
    Ok(())
}

/// Checks a PNG or JPEG header: readable and within the pixel limit. Returns the page count (1).
pub fn check_single(
    data: &[u8],
    media: MediaType,
    params: &IngestParams,
) -> Result<u32, IngestError> {
    let reader = ImageReader::with_format(Cursor::new(data), format_of(media));
    let (w, h) = reader
        .into_dimensions()
        .map_err(|e| IngestError::new(format!("corrupt or truncated image header: {e}")))?;
    check_pixels(w, h, params)?;
    Ok(1)
}

/// Decodes a PNG or JPEG into grayscale.
pub fn decode_single(
    data: &[u8],
    media: MediaType,
    params: &IngestParams,
) -> Result<PageInput, IngestError> {
    let mut reader = ImageReader::with_format(Cursor::new(data), format_of(media));
    let mut limits = Limits::default();
    limits.max_alloc = Some(params.max_pixels.saturating_mul(8));
    reader.limits(limits);
    let image = reader
        .decode()
        .map_err(|e| IngestError::new(format!("corrupt or truncated image: {e}")))?;
    let dpi = match media {
        MediaType::Png => png_dpi(data),
        MediaType::Jpeg => jpeg_dpi(data),
        _ => None,
    };
    Ok(PageInput::Raster {
        image: to_gray(image),
        dpi,
    })
}

fn to_gray(image: DynamicImage) -> GrayImage {
    match image {
        DynamicImage::ImageLuma8(g) => g,
        other => other.to_luma8(),
    }
}

fn tiff_decoder<'a>(
    data: &'a [u8],
    params: &IngestParams,
) -> Result<Decoder<Cursor<&'a [u8]>>, IngestError> {
    let mut limits = tiff::decoder::Limits::default();
    limits.decoding_buffer_size =
        usize::try_from(params.max_pixels.saturating_mul(8)).unwrap_or(usize::MAX);
    limits.intermediate_buffer_size = limits.decoding_buffer_size;
    Decoder::new(Cursor::new(data))
        .map(|d| d.with_limits(limits))
        .map_err(|e| IngestError::new(format!("corrupt or truncated TIFF: {e}")))
}

/// Counts the pages (image directories) of a TIFF, checking each page's size.
pub fn count_tiff_pages(data: &[u8], params: &IngestParams) -> Result<u32, IngestError> {
    let mut decoder = tiff_decoder(data, params)?;
    let mut pages = 0u32;
    loop {
        pages += 1;
        let (w, h) = decoder
            .dimensions()
            .map_err(|e| IngestError::new(format!("corrupt TIFF page {pages}: {e}")))?;
        check_pixels(w, h, params).map_err(|e| IngestError::new(format!("page {pages}: {e}")))?;
        if pages > params.max_pages || !decoder.more_images() {
            break;
        }
        decoder.next_image().map_err(|e| {
            IngestError::new(format!("corrupt or truncated TIFF after page {pages}: {e}"))
        })?;
    }
    Ok(pages)
}

/// Decodes page `page_no` (1-based) of a TIFF into grayscale.
pub fn decode_tiff_page(
    data: &[u8],
    page_no: u32,
    params: &IngestParams,
) -> Result<PageInput, IngestError> {
    let mut decoder = tiff_decoder(data, params)?;
    if page_no > 1 {
        decoder
            .seek_to_image(page_no as usize - 1)
            .map_err(|e| IngestError::new(format!("cannot reach TIFF page {page_no}: {e}")))?;
    }
    let (w, h) = decoder
        .dimensions()
        .map_err(|e| IngestError::new(format!("corrupt TIFF page: {e}")))?;
    check_pixels(w, h, params)?;
    let colortype = decoder
        .colortype()
        .map_err(|e| IngestError::new(format!("unsupported TIFF page: {e}")))?;
    let dpi = tiff_dpi(&mut decoder);
    let result = decoder
        .read_image()
        .map_err(|e| IngestError::new(format!("corrupt or truncated TIFF page: {e}")))?;
    let image = tiff_to_gray(result, colortype, w, h)?;
    Ok(PageInput::Raster { image, dpi })
}

fn tiff_to_gray(
    result: DecodingResult,
    colortype: tiff::ColorType,
    w: u32,
    h: u32,
) -> Result<GrayImage, IngestError> {
    use tiff::ColorType as C;
    let n = (w as usize) * (h as usize);
    let unsupported = || IngestError::new(format!("unsupported TIFF pixel format {colortype:?}"));
    let pixels: Vec<u8> = match (result, colortype) {
        (DecodingResult::U8(buf), C::Gray(8)) => buf,
        (DecodingResult::U16(buf), C::Gray(16)) => buf.iter().map(|&v| (v >> 8) as u8).collect(),
        (DecodingResult::U8(buf), C::Gray(1)) => unpack_bits(&buf, w, h),
        (DecodingResult::U8(buf), C::RGB(8)) => buf
            .chunks_exact(3)
            .map(|p| luma(p[0], p[1], p[2]))
            .collect(),
        (DecodingResult::U8(buf), C::RGBA(8)) => buf
            .chunks_exact(4)
            .map(|p| luma(p[0], p[1], p[2]))
            .collect(),
        (DecodingResult::U8(buf), C::GrayA(8)) => buf.chunks_exact(2).map(|p| p[0]).collect(),
        _ => return Err(unsupported()),
    };
    if pixels.len() < n {
        return Err(IngestError::new("truncated TIFF page data"));
    }
    GrayImage::from_raw(w, h, pixels[..n].to_vec())
        .ok_or_else(|| IngestError::new("truncated TIFF page data"))
}

/// Expands 1-bit rows (TIFF WhiteIsZero/BlackIsZero handled by the decoder as 0 = black) to 8 bits.
fn unpack_bits(buf: &[u8], w: u32, h: u32) -> Vec<u8> {
    let row_bytes = (w as usize).div_ceil(8);
    let mut out = Vec::with_capacity(w as usize * h as usize);
    for row in buf.chunks(row_bytes).take(h as usize) {
        for x in 0..w as usize {
            let bit = row.get(x / 8).map_or(0, |b| (b >> (7 - x % 8)) & 1);
            out.push(if bit == 1 { 255 } else { 0 });
        }
    }
    out
}

fn luma(r: u8, g: u8, b: u8) -> u8 {
    ((u32::from(r) * 299 + u32::from(g) * 587 + u32::from(b) * 114) / 1000) as u8
}

fn tiff_dpi(decoder: &mut Decoder<Cursor<&[u8]>>) -> Option<f32> {
    let value = decoder.get_tag(Tag::XResolution).ok()?;
    let x = match value {
        tiff::decoder::ifd::Value::Rational(n, d) if d != 0 => n as f32 / d as f32,
        other => other.into_f32().ok()?,
    };
    let unit = decoder
        .get_tag_u32(Tag::ResolutionUnit)
        .ok()
        .and_then(|u| ResolutionUnit::from_u16(u as u16));
    let dpi = match unit {
        Some(ResolutionUnit::Centimeter) => x * 2.54,
        Some(ResolutionUnit::None) => return None,
        _ => x,
    };
    plausible_dpi(dpi)
}

fn plausible_dpi(dpi: f32) -> Option<f32> {
    (dpi.is_finite() && (50.0..=2400.0).contains(&dpi)).then_some(dpi)
}

/// Reads the pHYs chunk of a PNG (pixels per metre) as dots per inch.
fn png_dpi(data: &[u8]) -> Option<f32> {
    let mut pos = 8;
    while pos + 8 <= data.len() {
        let len = u32::from_be_bytes(data[pos..pos + 4].try_into().ok()?) as usize;
        let kind = &data[pos + 4..pos + 8];
        if kind == b"IDAT" {
            return None;
        }
        if kind == b"pHYs" && len >= 9 && pos + 8 + 9 <= data.len() {
            let body = &data[pos + 8..pos + 17];
            let ppm = u32::from_be_bytes(body[0..4].try_into().ok()?);
            if body[8] == 1 {
                return plausible_dpi(ppm as f32 * 0.0254);
            }
            return None;
        }
        pos = pos.checked_add(12 + len)?;
    }
    None
}

/// Reads the JFIF density of a JPEG as dots per inch.
fn jpeg_dpi(data: &[u8]) -> Option<f32> {
    let app0 = data.get(2..20)?;
    if app0[0] != 0xFF || app0[1] != 0xE0 || &app0[4..9] != b"JFIF\0" {
        return None;
    }
    let unit = app0[11];
    let x = f32::from(u16::from_be_bytes([app0[12], app0[13]]));
    match unit {
        1 => plausible_dpi(x),
        2 => plausible_dpi(x * 2.54),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png_bytes(w: u32, h: u32) -> Vec<u8> {
        let img = GrayImage::from_pixel(w, h, image::Luma([200]));
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn decodes_png_and_checks_limits() {
        let data = png_bytes(40, 30);
        let params = IngestParams::default();
        assert_eq!(check_single(&data, MediaType::Png, &params).unwrap(), 1);
        match decode_single(&data, MediaType::Png, &params).unwrap() {
            PageInput::Raster { image, .. } => assert_eq!(image.dimensions(), (40, 30)),
            other => panic!("unexpected {other:?}"),
        }
        let tight = IngestParams {
            max_pixels: 100,
            ..IngestParams::default()
        };
        let err = check_single(&data, MediaType::Png, &tight).unwrap_err();
        assert!(err.0.contains("decompression bomb"), "{err}");
    }

    #[test]
    fn truncated_png_is_an_error_not_a_panic() {
        let data = png_bytes(40, 30);
        let cut = &data[..data.len() / 2];
        let params = IngestParams::default();
        let outcome = check_single(cut, MediaType::Png, &params)
            .and_then(|_| decode_single(cut, MediaType::Png, &params).map(|_| 1));
        assert!(outcome.is_err());
    }

    #[test]
    fn reads_png_density() {
        let mut data = png_bytes(4, 4);
        // Insert a pHYs chunk of 7874 px/m (200 dpi) after IHDR (8 + 25 bytes).
        let mut chunk = Vec::new();
        chunk.extend_from_slice(&9u32.to_be_bytes());
        chunk.extend_from_slice(b"pHYs");
        chunk.extend_from_slice(&7874u32.to_be_bytes());
        chunk.extend_from_slice(&7874u32.to_be_bytes());
        chunk.push(1);
        chunk.extend_from_slice(&[0, 0, 0, 0]);
        data.splice(33..33, chunk);
        let dpi = png_dpi(&data).unwrap();
        assert!((dpi - 200.0).abs() < 0.5, "{dpi}");
    }

    #[test]
    fn multipage_tiff_counts_and_decodes() {
        let mut out = Vec::new();
        {
            let mut enc = tiff::encoder::TiffEncoder::new(Cursor::new(&mut out)).unwrap();
            for shade in [10u8, 200u8] {
                let px = vec![shade; 16 * 8];
                enc.write_image::<tiff::encoder::colortype::Gray8>(16, 8, &px)
                    .unwrap();
            }
        }
        let params = IngestParams::default();
        assert_eq!(count_tiff_pages(&out, &params).unwrap(), 2);
        match decode_tiff_page(&out, 2, &params).unwrap() {
            PageInput::Raster { image, .. } => assert_eq!(image.get_pixel(0, 0).0[0], 200),
            other => panic!("unexpected {other:?}"),
        }
        assert!(decode_tiff_page(&out[..out.len() - 40], 2, &params).is_err());
    }
}
