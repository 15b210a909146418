//! Listing input files in a deterministic order.

use std::path::{Path, PathBuf};

/// One file found under the inputs, or a path that could not be listed.
#[derive(Debug, Clone, PartialEq)]
pub struct WalkEntry {
    /// The file's path.
    pub path: PathBuf,
    /// Why it could not be listed, if so (it becomes a failed row).
    pub error: Option<String>,
}

/// Lists the files under `root` (or `root` itself if it is a file), sorted by path.
///
/// Symbolic links to files are followed; links to directories are not descended into, so a link
/// loop cannot trap the walk. Unreadable directories become entries with an error.
pub fn walk(root: &Path) -> Vec<WalkEntry> {
    let mut out = Vec::new();
    match std::fs::metadata(root) {
        Ok(meta) if meta.is_dir() => walk_dir(root, &mut out),
        Ok(meta) => out.push(WalkEntry {
            path: root.to_path_buf(),
            error: special_file(&meta),
        }),
        Err(e) => out.push(WalkEntry {
            path: root.to_path_buf(),
            error: Some(format!("cannot read: {e}")),
        }),
    }
    out
}

fn walk_dir(dir: &Path, out: &mut Vec<WalkEntry>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.push(WalkEntry {
                path: dir.to_path_buf(),
                error: Some(format!("cannot list directory: {e}")),
            });
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        let link = std::fs::symlink_metadata(&child).map(|m| m.file_type().is_symlink());
        match std::fs::metadata(&child) {
            Ok(meta) if meta.is_dir() => {
                if !matches!(link, Ok(true)) {
                    walk_dir(&child, out);
                }
            }
            Ok(meta) => out.push(WalkEntry {
                path: child,
                error: special_file(&meta),
            }),
            Err(e) => out.push(WalkEntry {
                path: child,
                error: Some(if matches!(link, Ok(true)) {
                    format!("broken or looping symbolic link: {e}")
                } else {
                    format!("cannot read: {e}")
                }),
            }),
        }
    }
}

/// Why a path that is neither a directory nor a regular file cannot be read as a document: a
/// named pipe would block the reader, a device could be endless.
fn special_file(meta: &std::fs::Metadata) -> Option<String> {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    let kind = if t.is_file() {
        return None;
    } else if t.is_fifo() {
        "a named pipe"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_block_device() || t.is_char_device() {
        "a device"
    } else {
        "not a regular file"
    };
    Some(format!(
        "{kind}, not a regular file: arkiv reads documents from files only; copy the data into a file"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_and_skips_dir_links() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir(root.join("b")).unwrap();
        std::fs::write(root.join("b/2.png"), b"x").unwrap();
        std::fs::write(root.join("a.png"), b"x").unwrap();
        std::fs::write(root.join("b/1.png"), b"x").unwrap();
        std::os::unix::fs::symlink(root, root.join("b/loop")).unwrap();
        let found: Vec<PathBuf> = walk(root).into_iter().map(|e| e.path).collect();
        assert_eq!(
            found,
            vec![
                root.join("a.png"),
                root.join("b/1.png"),
                root.join("b/2.png")
            ]
        );
    }

    #[test]
    fn missing_root_is_an_error_entry() {
        let entries = walk(Path::new("/nonexistent/arkiv-test"));
        assert_eq!(entries.len(), 1);
        assert!(entries[0].error.is_some());
    }
}
