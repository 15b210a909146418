//! Encryption at rest (SPEC §8): Parquet modular encryption (AES-GCM) of the columns that hold
//! unmasked text and personal data, with a key read from a key file.
//!
//! The scheme, chosen so that pyarrow's `CryptoFactory` reads the files with the same key file:
//!
//! - the footer stays in plaintext (signed with a footer key), so every reader sees the schema
//!   and reads the columns that are not encrypted without any key;
//! - the columns of [`sensitive_columns`] (every leaf below them) are encrypted with a random
//!   data key drawn for each file, and the footer is signed with a second random data key;
//! - each data key is stored in the file as key material in the Parquet key-management format
//!   (`PKMT1`, internal storage, double wrapping): the data key is sealed with AES-GCM under the
//!   key of the key file (acting as the key-encryption key), with a random key-encryption-key id
//!   as additional data. `masterKeyID` and `wrappedKEK` both hold the key's id ([`EncryptionKey::id`]),
//!   a fingerprint that names the key without revealing it. A key-management client that returns
//!   the key file's key for that id is all a reader needs.
//!
//! Key file: 32 or 64 hexadecimal digits (an AES-128 or AES-256 key), surrounding whitespace
//! ignored, mode 0600 (a file the group or others may read is refused).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow::datatypes::Schema;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use parquet::arrow::ArrowSchemaConverter;
use parquet::encryption::decrypt::{FileDecryptionProperties, KeyRetriever};
use parquet::encryption::encrypt::FileEncryptionProperties;
use parquet::errors::ParquetError;
use parquet::file::column_crypto_metadata::ColumnCryptoMetaData;
use parquet::file::metadata::ParquetMetaData;
use ring::aead::{AES_128_GCM, AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{DOCUMENTS_DIR, PAGES_DIR};
use crate::error::{Error, Result};

/// The option that passes a key file to arkiv's commands.
pub const KEY_OPTION: &str = "--encrypt-key";

/// The columns of a table that hold unmasked text or personal data and are encrypted when a key
/// is given: documents.text, documents.pii, pages.text, pages.words.
pub fn sensitive_columns(table: &str) -> &'static [&'static str] {
    match table {
        DOCUMENTS_DIR => &["text", "pii"],
        PAGES_DIR => &["text", "words"],
        _ => &[],
    }
}

/// An AES key for Parquet modular encryption, read from a key file.
#[derive(Clone)]
pub struct EncryptionKey {
    key: Vec<u8>,
    id: String,
    path: PathBuf,
}

impl std::fmt::Debug for EncryptionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EncryptionKey")
            .field("id", &self.id)
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl EncryptionKey {
    /// Reads a key file: 32 or 64 hex digits, mode 0600 (checked on the mode bits, so also when
    /// running as root).
    pub fn load(path: &Path) -> Result<EncryptionKey> {
        use std::os::unix::fs::PermissionsExt;
        let bad = |reason: String| {
            Error::Usage(format!("encryption key file {}: {reason}", path.display()))
        };
        let meta = std::fs::metadata(path).map_err(|e| bad(format!("cannot read it ({e})")))?;
        if !meta.is_file() {
            return Err(bad("not a file".into()));
        }
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(bad(format!(
                "readable by group or others (mode {mode:03o}); run `chmod 600 {}`",
                path.display()
            )));
        }
        let text = std::fs::read(path).map_err(|e| bad(format!("cannot read it ({e})")))?;
        let key = std::str::from_utf8(&text)
            .ok()
            .map(str::trim)
            .filter(|t| t.len() == 32 || t.len() == 64)
            .and_then(|t| hex::decode(t).ok())
            .ok_or_else(|| {
                bad(
                    "expected 32 or 64 hexadecimal digits (an AES-128 or AES-256 key); \
                     create one with `openssl rand -hex 32`"
                        .into(),
                )
            })?;
        Ok(EncryptionKey::from_bytes(key, path))
    }

    /// A key from its bytes (16 or 32); `path` names it in messages.
    fn from_bytes(key: Vec<u8>, path: &Path) -> EncryptionKey {
        let mut hasher = Sha256::new();
        hasher.update(b"arkiv key id\0");
        hasher.update(&key);
        let id = format!("arkiv-{}", &hex::encode(hasher.finalize())[..16]);
        EncryptionKey {
            key,
            id,
            path: path.to_path_buf(),
        }
    }

    /// The key's id, `arkiv-` and 16 hex digits of a hash of the key: stored in each encrypted
    /// file (`masterKeyID`) to tell which key it needs.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The key file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Encryption properties for one file of `schema`: the leaves of `columns` encrypted with a
    /// fresh data key, a plaintext footer signed with another. `None` when the schema has none of
    /// the columns.
    pub(crate) fn file_encryption(
        &self,
        schema: &Schema,
        columns: &[&str],
    ) -> Result<Option<Arc<FileEncryptionProperties>>> {
        let descriptor = ArrowSchemaConverter::new()
            .convert(schema)
            .map_err(|e| Error::Usage(format!("cannot map the schema for encryption: {e}")))?;
        let leaves: Vec<String> = descriptor
            .columns()
            .iter()
            .filter(|c| {
                c.path()
                    .parts()
                    .first()
                    .is_some_and(|root| columns.contains(&root.as_str()))
            })
            .map(|c| c.path().string())
            .collect();
        if leaves.is_empty() {
            return Ok(None);
        }
        let footer_key = self.random_key()?;
        let column_key = self.random_key()?;
        let footer_material = self.material(&footer_key, true)?;
        let column_material = self.material(&column_key, false)?;
        let mut builder = FileEncryptionProperties::builder(footer_key)
            .with_plaintext_footer(true)
            .with_footer_key_metadata(footer_material);
        for leaf in &leaves {
            builder = builder.with_column_key_and_metadata(
                leaf,
                column_key.clone(),
                column_material.clone(),
            );
        }
        builder
            .build()
            .map(Some)
            .map_err(|e| Error::Usage(format!("cannot set up encryption: {e}")))
    }

    /// Decryption properties that unwrap each file's data keys with this key.
    pub(crate) fn file_decryption(&self) -> Result<Arc<FileDecryptionProperties>> {
        FileDecryptionProperties::with_key_retriever(Arc::new(Unwrapper(self.clone())))
            .build()
            .map_err(|e| Error::Usage(format!("cannot set up decryption: {e}")))
    }

    /// Checks that this key opens the encrypted columns of a file (whose footer was read without
    /// a key), with a message naming both keys when it does not.
    pub(crate) fn check_opens(&self, file: &Path, metadata: &ParquetMetaData) -> Result<()> {
        let Some(material) = column_key_metadata(metadata) else {
            return Ok(());
        };
        let parsed = KeyMaterial::parse(material).map_err(|e| Error::output(file, e))?;
        if parsed.master_key_id != self.id {
            return Err(Error::Usage(format!(
                "{}: encrypted with key {}, but {} holds key {}; pass the dataset's key file \
                 with {KEY_OPTION}",
                file.display(),
                parsed.master_key_id,
                self.path.display(),
                self.id
            )));
        }
        self.unwrap(material)
            .map(|_| ())
            .map_err(|e| Error::output(file, e))
    }

    fn random_key(&self) -> Result<Vec<u8>> {
        let mut key = vec![0u8; self.key.len()];
        getrandom::fill(&mut key)
            .map_err(|e| Error::Usage(format!("no randomness for a data key: {e}")))?;
        Ok(key)
    }

    fn aead(&self) -> std::result::Result<LessSafeKey, String> {
        let algorithm = if self.key.len() == 32 {
            &AES_256_GCM
        } else {
            &AES_128_GCM
        };
        UnboundKey::new(algorithm, &self.key)
            .map(LessSafeKey::new)
            .map_err(|_| "unusable key length".to_string())
    }

    /// Key material (PKMT1, double wrapping) holding `data_key` sealed under this key.
    fn material(&self, data_key: &[u8], footer: bool) -> Result<Vec<u8>> {
        let random = |n: usize| -> Result<Vec<u8>> {
            let mut b = vec![0u8; n];
            getrandom::fill(&mut b)
                .map_err(|e| Error::Usage(format!("no randomness for a nonce: {e}")))?;
            Ok(b)
        };
        let kek_id = random(16)?;
        let nonce = random(NONCE_LEN)?;
        let mut sealed = data_key.to_vec();
        self.aead()
            .and_then(|k| {
                k.seal_in_place_append_tag(
                    Nonce::try_assume_unique_for_key(&nonce).map_err(|e| e.to_string())?,
                    Aad::from(&kek_id),
                    &mut sealed,
                )
                .map_err(|e| e.to_string())
            })
            .map_err(|e| Error::Usage(format!("cannot wrap a data key: {e}")))?;
        let wrapped: Vec<u8> = nonce.into_iter().chain(sealed).collect();
        let material = KeyMaterial {
            key_material_type: KEY_MATERIAL_TYPE.into(),
            internal_storage: true,
            is_footer_key: footer,
            kms_instance_id: footer.then(|| "DEFAULT".into()),
            kms_instance_url: footer.then(|| "DEFAULT".into()),
            master_key_id: self.id.clone(),
            wrapped_dek: BASE64.encode(wrapped),
            double_wrapping: true,
            key_encryption_key_id: BASE64.encode(kek_id),
            wrapped_kek: self.id.clone(),
        };
        serde_json::to_vec(&material)
            .map_err(|e| Error::Usage(format!("cannot encode key material: {e}")))
    }

    /// The data key inside key material, or why it cannot be had.
    fn unwrap(&self, material: &[u8]) -> std::result::Result<Vec<u8>, String> {
        let m = KeyMaterial::parse(material)?;
        if m.master_key_id != self.id {
            return Err(format!(
                "encrypted with key {}, but {} holds key {}",
                m.master_key_id,
                self.path.display(),
                self.id
            ));
        }
        let aad = BASE64
            .decode(&m.key_encryption_key_id)
            .map_err(|e| format!("bad keyEncryptionKeyID: {e}"))?;
        let wrapped = BASE64
            .decode(&m.wrapped_dek)
            .map_err(|e| format!("bad wrappedDEK: {e}"))?;
        if wrapped.len() <= NONCE_LEN {
            return Err("wrappedDEK is too short".into());
        }
        let (nonce, sealed) = wrapped.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|e| e.to_string())?;
        let mut buffer = sealed.to_vec();
        let key = self.aead()?;
        let opened = key
            .open_in_place(nonce, Aad::from(&aad), &mut buffer)
            .map_err(|_| {
                format!(
                    "the data key does not open with {} (a wrong key, or damaged key material)",
                    self.path.display()
                )
            })?;
        Ok(opened.to_vec())
    }
}

/// The key material of the first column encrypted with a column key, if any.
fn column_key_metadata(metadata: &ParquetMetaData) -> Option<&[u8]> {
    metadata
        .row_groups()
        .iter()
        .flat_map(|rg| rg.columns())
        .find_map(|c| match c.crypto_metadata() {
            Some(ColumnCryptoMetaData::ENCRYPTION_WITH_COLUMN_KEY(k)) => k.key_metadata.as_deref(),
            _ => None,
        })
}

/// The top-level columns of a file (read without a key) that have encrypted leaves.
pub fn encrypted_columns(metadata: &ParquetMetaData) -> Vec<String> {
    let mut roots: Vec<String> = Vec::new();
    for rg in metadata.row_groups() {
        for c in rg.columns() {
            if c.crypto_metadata().is_some()
                && let Some(root) = c.column_path().parts().first()
                && !roots.contains(root)
            {
                roots.push(root.clone());
            }
        }
    }
    roots
}

/// The id of the key a file's columns were encrypted with, from its footer (read without a key).
pub fn key_id(metadata: &ParquetMetaData) -> Option<String> {
    column_key_metadata(metadata)
        .and_then(|m| KeyMaterial::parse(m).ok())
        .map(|m| m.master_key_id)
}

/// Hands parquet the data keys of a file, unwrapped with the key file's key.
struct Unwrapper(EncryptionKey);

impl KeyRetriever for Unwrapper {
    fn retrieve_key(&self, key_metadata: &[u8]) -> parquet::errors::Result<Vec<u8>> {
        self.0.unwrap(key_metadata).map_err(ParquetError::General)
    }
}

const KEY_MATERIAL_TYPE: &str = "PKMT1";

/// Key material in the Parquet key-management format (as written by parquet-mr and Arrow C++).
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct KeyMaterial {
    key_material_type: String,
    internal_storage: bool,
    is_footer_key: bool,
    #[serde(rename = "kmsInstanceID", skip_serializing_if = "Option::is_none")]
    kms_instance_id: Option<String>,
    #[serde(rename = "kmsInstanceURL", skip_serializing_if = "Option::is_none")]
    kms_instance_url: Option<String>,
    #[serde(rename = "masterKeyID")]
    master_key_id: String,
    #[serde(rename = "wrappedDEK")]
    wrapped_dek: String,
    double_wrapping: bool,
    #[serde(rename = "keyEncryptionKeyID")]
    key_encryption_key_id: String,
    #[serde(rename = "wrappedKEK")]
    wrapped_kek: String,
}

impl KeyMaterial {
    fn parse(bytes: &[u8]) -> std::result::Result<KeyMaterial, String> {
        let m: KeyMaterial = serde_json::from_slice(bytes)
            .map_err(|e| format!("key material not written by arkiv ({e})"))?;
        if m.key_material_type != KEY_MATERIAL_TYPE || !m.internal_storage || !m.double_wrapping {
            return Err(format!(
                "key material of an unsupported kind ({}, internal storage {}, double wrapping {})",
                m.key_material_type, m.internal_storage, m.double_wrapping
            ));
        }
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn key_file(dir: &Path, text: &str, mode: u32) -> PathBuf {
        let path = dir.join("key");
        std::fs::write(&path, text).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        path
    }

    #[test]
    fn loads_hex_keys_of_both_lengths() {
        let tmp = tempfile::tempdir().unwrap();
        let k128 = EncryptionKey::load(&key_file(tmp.path(), &"ab".repeat(16), 0o600)).unwrap();
        assert_eq!(k128.key.len(), 16);
        let k256 = EncryptionKey::load(&key_file(
            tmp.path(),
            &format!("{}\n", "0f".repeat(32)),
            0o400,
        ))
        .unwrap();
        assert_eq!(k256.key.len(), 32);
        assert_ne!(k128.id(), k256.id());
        assert!(!format!("{k256:?}").contains("0f0f"), "{k256:?}");
    }

    #[test]
    fn refuses_open_permissions_and_bad_contents() {
        let tmp = tempfile::tempdir().unwrap();
        for mode in [0o644, 0o640, 0o604] {
            let err = EncryptionKey::load(&key_file(tmp.path(), &"ab".repeat(16), mode))
                .unwrap_err()
                .to_string();
            assert!(err.contains("chmod 600"), "{mode:o}: {err}");
        }
        for text in ["", "abc", &"zz".repeat(16), &"ab".repeat(24)] {
            let err = EncryptionKey::load(&key_file(tmp.path(), text, 0o600))
                .unwrap_err()
                .to_string();
            assert!(err.contains("hexadecimal digits"), "{text:?}: {err}");
        }
        let err = EncryptionKey::load(&tmp.path().join("missing"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("cannot read"), "{err}");
    }

    #[test]
    fn wrapped_data_keys_open_with_the_same_key_only() {
        for len in [16, 32] {
            let key = EncryptionKey::from_bytes(vec![7; len], Path::new("k"));
            let other = EncryptionKey::from_bytes(vec![8; len], Path::new("other"));
            let material = key.material(&[1; 32], false).unwrap();
            assert_eq!(key.unwrap(&material).unwrap(), vec![1; 32]);
            let err = other.unwrap(&material).unwrap_err();
            assert!(err.contains("holds key"), "{err}");
            // Same id, tampered key material: authentication fails.
            let mut m: KeyMaterial = serde_json::from_slice(&material).unwrap();
            let mut wrapped = BASE64.decode(&m.wrapped_dek).unwrap();
            wrapped[NONCE_LEN] ^= 1;
            m.wrapped_dek = BASE64.encode(wrapped);
            let err = key.unwrap(&serde_json::to_vec(&m).unwrap()).unwrap_err();
            assert!(err.contains("does not open"), "{err}");
        }
    }
}
