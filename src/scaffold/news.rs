//! NEWS entries named and shaped the way `blurb` writes them:
//! `Misc/NEWS.d/next/<Section>/<YYYY-MM-DD-HH-MM-SS>.gh-issue-<N>.<nonce>.rst`,
//! where the nonce is the first six characters of the URL-safe base64 of the
//! MD5 of the body, and the body is one paragraph wrapped at 76 columns.

use base64::Engine;
use md5::{Digest, Md5};

/// A NEWS section: its title in `blurb` and its directory under `Misc/NEWS.d/next/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    pub title: &'static str,
    pub dir: &'static str,
}

/// `blurb`'s sections, in its order; directories are the titles with `/` as
/// `-` and spaces as `_`.
pub const SECTIONS: &[Section] = &[
    Section { title: "Security", dir: "Security" },
    Section { title: "Core and Builtins", dir: "Core_and_Builtins" },
    Section { title: "Library", dir: "Library" },
    Section { title: "Documentation", dir: "Documentation" },
    Section { title: "Tests", dir: "Tests" },
    Section { title: "Build", dir: "Build" },
    Section { title: "Windows", dir: "Windows" },
    Section { title: "macOS", dir: "macOS" },
    Section { title: "IDLE", dir: "IDLE" },
    Section { title: "Tools/Demos", dir: "Tools-Demos" },
    Section { title: "C API", dir: "C_API" },
];

impl Section {
    /// The default section for a new module.
    pub fn library() -> Section {
        SECTIONS[2]
    }

    /// A section from its title or directory name, in any case, with spaces,
    /// underscores, hyphens and slashes treated alike (`core-and-builtins`).
    pub fn parse(text: &str) -> Result<Section, String> {
        let key =
            |s: &str| s.chars().filter(|c| !matches!(c, ' ' | '_' | '-' | '/')).collect::<String>().to_lowercase();
        let wanted = key(text);
        SECTIONS.iter().copied().find(|s| key(s.title) == wanted).ok_or_else(|| {
            let names: Vec<&str> = SECTIONS.iter().map(|s| s.dir).collect();
            format!("unknown NEWS section `{text}`; expected one of {}", names.join(", "))
        })
    }
}

/// A local date and time, to the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

impl Timestamp {
    /// `blurb`'s `%Y-%m-%d-%H-%M-%S`.
    pub fn sortable(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}-{:02}-{:02}-{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }

    /// Now, in local time as `blurb` uses (UTC where local time is unavailable).
    pub fn now() -> Timestamp {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        local_time(secs).unwrap_or_else(|| utc_time(secs))
    }
}

#[cfg(unix)]
fn local_time(secs: i64) -> Option<Timestamp> {
    let time = libc::time_t::try_from(secs).ok()?;
    // SAFETY: `tm` is plain data that `localtime_r` fills in; it is read
    // only when `localtime_r` reports success (a non-null return).
    let tm = unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&time, &mut tm).is_null() {
            return None;
        }
        tm
    };
    Some(Timestamp {
        year: tm.tm_year + 1900,
        month: u32::try_from(tm.tm_mon + 1).ok()?,
        day: u32::try_from(tm.tm_mday).ok()?,
        hour: u32::try_from(tm.tm_hour).ok()?,
        minute: u32::try_from(tm.tm_min).ok()?,
        second: u32::try_from(tm.tm_sec.min(59)).ok()?,
    })
}

#[cfg(not(unix))]
fn local_time(_secs: i64) -> Option<Timestamp> {
    None
}

/// Seconds since the epoch as a UTC civil date (Howard Hinnant's algorithm).
fn utc_time(secs: i64) -> Timestamp {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let small = |v: i64| u32::try_from(v).unwrap_or(0);
    Timestamp {
        year: i32::try_from(year).unwrap_or(i32::MAX),
        month: small(month),
        day: small(day),
        hour: small(rem / 3600),
        minute: small(rem % 3600 / 60),
        second: small(rem % 60),
    }
}

/// `blurb`'s nonce: the first six characters of the URL-safe base64 of the MD5 of `body`.
pub fn nonce(body: &str) -> String {
    let digest = Md5::digest(body.as_bytes());
    let encoded = base64::engine::general_purpose::URL_SAFE.encode(digest);
    encoded[..6].to_string()
}

/// One paragraph, wrapped greedily at `width` columns on whitespace (as
/// `textwrap.wrap` does), ending in a newline like `blurb`'s bodies.
pub fn wrap(paragraph: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in paragraph.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// A NEWS entry: where `blurb` would put it and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Relative to the checkout root, with `/`.
    pub path: String,
    pub body: String,
}

/// The entry for `paragraph` in `section`, for issue `gh_issue`, written at `when`.
pub fn entry(section: Section, when: Timestamp, gh_issue: u64, paragraph: &str) -> Entry {
    let body = wrap(paragraph, 76);
    let path =
        format!("Misc/NEWS.d/next/{}/{}.gh-issue-{}.{}.rst", section.dir, when.sortable(), gh_issue, nonce(&body));
    Entry { path, body }
}

/// The file-name suffix shared by every entry with this issue and body,
/// whatever its timestamp: `.gh-issue-<N>.<nonce>.rst`.
pub fn entry_suffix(gh_issue: u64, body: &str) -> String {
    format!(".gh-issue-{gh_issue}.{}.rst", nonce(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_parse_from_titles_and_directories() {
        assert_eq!(Section::parse("library").unwrap().dir, "Library");
        assert_eq!(Section::parse("Core and Builtins").unwrap().dir, "Core_and_Builtins");
        assert_eq!(Section::parse("core-and-builtins").unwrap().dir, "Core_and_Builtins");
        assert_eq!(Section::parse("C_API").unwrap().dir, "C_API");
        assert_eq!(Section::parse("tools/demos").unwrap().dir, "Tools-Demos");
        assert!(Section::parse("Libary").unwrap_err().contains("expected one of"));
    }

    #[test]
    fn timestamps_sort_as_blurb_writes_them() {
        let t = Timestamp { year: 2026, month: 5, day: 1, hour: 9, minute: 3, second: 7 };
        assert_eq!(t.sortable(), "2026-05-01-09-03-07");
    }

    #[test]
    fn utc_conversion_matches_known_dates() {
        assert_eq!(utc_time(0).sortable(), "1970-01-01-00-00-00");
        assert_eq!(utc_time(951_782_400).sortable(), "2000-02-29-00-00-00");
        assert_eq!(utc_time(1_767_225_599).sortable(), "2025-12-31-23-59-59");
    }

    #[test]
    fn wrapping_is_greedy_at_76_columns() {
        let text = "word ".repeat(40);
        let wrapped = wrap(&text, 76);
        assert!(wrapped.ends_with('\n'));
        assert!(wrapped.lines().all(|l| l.len() <= 76));
        assert_eq!(wrapped.lines().next().unwrap().len(), 74);
    }
}
