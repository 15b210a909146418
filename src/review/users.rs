//! The users file: who may review, with which role and clearance, and their argon2id password
//! hashes.
//!
//! A JSON file (`{"version": 1, "users": [{"name", "role", "clearance", "password_hash",
//! "created_at"}]}`) written atomically with mode 0600. A users file that others can read is
//! refused, since the hashes could be attacked offline.

use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::record::Level;

/// Users file used when neither `--users` nor `ARKIV_USERS` is given.
pub const DEFAULT_USERS_FILE: &str = "arkiv-users.json";

/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 8;

/// What a user may do beyond reviewing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Reviews documents.
    Reviewer,
    /// Reviews and reads the audit log.
    Lead,
    /// Like a lead; the role for whoever manages users.
    Admin,
}

impl Role {
    /// `reviewer`, `lead` or `admin`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Reviewer => "reviewer",
            Role::Lead => "lead",
            Role::Admin => "admin",
        }
    }

    /// Parses a role name.
    pub fn parse(s: &str) -> Option<Role> {
        match s.trim().to_ascii_lowercase().as_str() {
            "reviewer" => Some(Role::Reviewer),
            "lead" => Some(Role::Lead),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// Whether the role may read the audit log.
    pub fn reads_audit(self) -> bool {
        self >= Role::Lead
    }
}

/// A user as stored in the users file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    /// Login name: 1–32 of `a-z 0-9 _ . -`, starting with a letter or digit.
    pub name: String,
    /// Role.
    pub role: Role,
    /// Highest sensitivity whose unmasked text and page images the user may see.
    #[serde(with = "level_serde")]
    pub clearance: Level,
    /// PHC string of the argon2id hash.
    pub password_hash: String,
    /// When the user was added.
    pub created_at: DateTime<Utc>,
}

impl User {
    /// Whether the user may see unmasked content of a document at `level`.
    pub fn cleared_for(&self, level: Level) -> bool {
        self.clearance >= level
    }
}

mod level_serde {
    use super::Level;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(level: &Level, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(level.as_str())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Level, D::Error> {
        let s = String::deserialize(d)?;
        Level::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("bad clearance `{s}`")))
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct FileFormat {
    version: u32,
    users: Vec<User>,
}

/// The users file in memory.
#[derive(Debug, Clone)]
pub struct Users {
    path: PathBuf,
    users: Vec<User>,
}

/// Checks a login name.
pub fn validate_name(name: &str) -> Result<()> {
    let ok = (1..=32).contains(&name.len())
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_.-".contains(c));
    if ok {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "bad user name `{name}`: use 1–32 lowercase letters, digits, `_`, `.` or `-`"
        )))
    }
}

/// Hashes a password with argon2id (default parameters, random salt).
pub fn hash_password(password: &str) -> Result<String> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(Error::Usage(format!(
            "password too short: use at least {MIN_PASSWORD_CHARS} characters"
        )));
    }
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt)
        .map_err(|e| Error::Usage(format!("no randomness for a salt: {e}")))?;
    let salt = SaltString::encode_b64(&salt)
        .map_err(|e| Error::Usage(format!("cannot encode salt: {e}")))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Usage(format!("cannot hash password: {e}")))
}

/// A fixed hash checked for unknown user names, so a login takes as long whether or not the
/// user exists.
static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash_password("no-such-user-password").unwrap_or_default());

impl Users {
    /// Reads the users file; refuses one that group or others can read or write.
    pub fn load(path: &Path) -> Result<Users> {
        let bad = |reason: String| Error::Input {
            path: path.to_path_buf(),
            reason,
        };
        let meta = std::fs::metadata(path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                bad(
                    "no users file here; create one with `arkiv user add NAME --role reviewer \
                     --clearance S2` (or pass --users / set ARKIV_USERS)"
                        .into(),
                )
            } else {
                bad(e.to_string())
            }
        })?;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(bad(format!(
                "users file is readable by others (mode {mode:o}); run `chmod 600 {}`",
                path.display()
            )));
        }
        let text = std::fs::read_to_string(path).map_err(|e| bad(e.to_string()))?;
        let file: FileFormat =
            serde_json::from_str(&text).map_err(|e| bad(format!("not a valid users file: {e}")))?;
        if file.version != 1 {
            return Err(bad(format!(
                "users file version {} is not supported by this arkiv (expected 1)",
                file.version
            )));
        }
        Ok(Users {
            path: path.to_path_buf(),
            users: file.users,
        })
    }

    /// Reads the users file, or starts an empty one when it does not exist yet.
    pub fn load_or_new(path: &Path) -> Result<Users> {
        if path.exists() {
            Users::load(path)
        } else {
            Ok(Users {
                path: path.to_path_buf(),
                users: Vec::new(),
            })
        }
    }

    /// Writes the file atomically with mode 0600.
    pub fn save(&self) -> Result<()> {
        let text = serde_json::to_string_pretty(&FileFormat {
            version: 1,
            users: self.users.clone(),
        })
        .map_err(|e| Error::output(&self.path, e))?;
        let tmp = self.path.with_file_name(format!(
            ".{}.{}.tmp",
            self.path
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default(),
            std::process::id()
        ));
        let written = (|| {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .mode(0o600)
                .open(&tmp)?;
            f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
            f.write_all(text.as_bytes())?;
            f.write_all(b"\n")?;
            f.sync_all()?;
            std::fs::rename(&tmp, &self.path)
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            return Err(Error::output(&self.path, e));
        }
        Ok(())
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// All users, in the order they were added.
    pub fn list(&self) -> &[User] {
        &self.users
    }

    /// A user by name.
    pub fn get(&self, name: &str) -> Option<&User> {
        self.users.iter().find(|u| u.name == name)
    }

    /// A user by name, or an error saying who is there.
    pub fn require(&self, name: &str) -> Result<&User> {
        self.get(name).ok_or_else(|| self.unknown(name))
    }

    /// Adds a user (not saved until [`Users::save`]).
    pub fn add(&mut self, name: &str, role: Role, clearance: Level, password: &str) -> Result<()> {
        validate_name(name)?;
        if self.get(name).is_some() {
            return Err(Error::Usage(format!(
                "user `{name}` already exists; use `arkiv user passwd {name}` to change the password"
            )));
        }
        self.users.push(User {
            name: name.to_string(),
            role,
            clearance,
            password_hash: hash_password(password)?,
            created_at: Utc::now(),
        });
        Ok(())
    }

    /// Removes a user.
    pub fn remove(&mut self, name: &str) -> Result<()> {
        let before = self.users.len();
        self.users.retain(|u| u.name != name);
        if self.users.len() == before {
            return Err(self.unknown(name));
        }
        Ok(())
    }

    /// Sets a new password.
    pub fn set_password(&mut self, name: &str, password: &str) -> Result<()> {
        let hash = hash_password(password)?;
        let unknown = self.unknown(name);
        let user = self
            .users
            .iter_mut()
            .find(|u| u.name == name)
            .ok_or(unknown)?;
        user.password_hash = hash;
        Ok(())
    }

    fn unknown(&self, name: &str) -> Error {
        Error::Usage(format!(
            "no user `{name}` in {}; `arkiv user list` shows who is there",
            self.path.display()
        ))
    }

    /// The user if `password` is theirs. Takes about as long for unknown names.
    pub fn verify(&self, name: &str, password: &str) -> Option<User> {
        let user = self.get(name);
        let hash = user.map_or(DUMMY_HASH.as_str(), |u| u.password_hash.as_str());
        let ok = PasswordHash::new(hash).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        });
        if ok { user.cloned() } else { None }
    }
}

/// Reads a new password: one line of standard input when `from_stdin` (for scripts), else
/// typed twice at a terminal prompt without echo.
pub fn read_new_password(from_stdin: bool) -> Result<String> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).map_err(|e| {
            Error::Usage(format!("cannot read the password from standard input: {e}"))
        })?;
        let password = line.trim_end_matches(['\n', '\r']).to_string();
        if password.is_empty() {
            return Err(Error::Usage(
                "no password on standard input; pipe one line, e.g. `printf '%s\\n' \"$PW\" | arkiv user add …`".into(),
            ));
        }
        return Ok(password);
    }
    let prompt_err = |e: std::io::Error| {
        Error::Usage(format!(
            "cannot prompt for a password ({e}); use --password-stdin when there is no terminal"
        ))
    };
    let first = rpassword::prompt_password("New password: ").map_err(prompt_err)?;
    let again = rpassword::prompt_password("Repeat password: ").map_err(prompt_err)?;
    if first != again {
        return Err(Error::Usage("the two passwords differ; try again".into()));
    }
    Ok(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_verify_passwd_remove() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("users.json");
        let mut users = Users::load_or_new(&path).unwrap();
        users
            .add("ann", Role::Lead, Level::S4, "correct horse")
            .unwrap();
        assert!(
            users
                .add("ann", Role::Lead, Level::S4, "correct horse")
                .is_err()
        );
        assert!(
            users
                .add("Bad Name", Role::Lead, Level::S4, "correct horse")
                .is_err()
        );
        assert!(users.add("bob", Role::Lead, Level::S4, "short").is_err());
        users.save().unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let mut users = Users::load(&path).unwrap();
        assert_eq!(
            users.verify("ann", "correct horse").unwrap().clearance,
            Level::S4
        );
        assert!(users.verify("ann", "wrong horse").is_none());
        assert!(users.verify("nobody", "correct horse").is_none());
        users.set_password("ann", "battery staple").unwrap();
        assert!(users.verify("ann", "battery staple").is_some());
        users.remove("ann").unwrap();
        assert!(users.remove("ann").is_err());
    }

    #[test]
    fn refuses_readable_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("users.json");
        let users = Users::load_or_new(&path).unwrap();
        users.save().unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let err = Users::load(&path).unwrap_err().to_string();
        assert!(err.contains("chmod 600"), "{err}");
    }
}
