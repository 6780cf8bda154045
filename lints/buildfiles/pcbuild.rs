//! The Windows build's two lists of modules: `<ExtensionModules Include="a;b">`
//! items of `PCbuild/pcbuild.proj`, and the sub-project lists of
//! `PCbuild/readme.txt`, which CPython writes as ` * name` bullets (older
//! checkouts: one bare name per line).

use std::ops::Range;

/// One `<ExtensionModules Include="...">` item list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtensionModules {
    /// The 0-based line of the element.
    pub line: usize,
    /// The byte range of the `Include` value, quotes excluded.
    pub value: Range<usize>,
    /// The module names, in order.
    pub items: Vec<String>,
}

/// Every `<ExtensionModules Include="...">` list of literal module names (not
/// item transforms such as `@(ExternalModules->'%(Identity)')`).
pub fn extension_modules(text: &str) -> Vec<ExtensionModules> {
    let mut out = Vec::new();
    for (line, range) in super::line_ranges(text).into_iter().enumerate() {
        let content = &text[range.clone()];
        let Some(at) = content.find("<ExtensionModules") else { continue };
        let Some(include) = content[at..].find("Include=\"") else { continue };
        let start = at + include + "Include=\"".len();
        let Some(len) = content[start..].find('"') else { continue };
        let value = &content[start..start + len];
        if value.contains(['@', '$', '%']) {
            continue;
        }
        let items = value.split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
        out.push(ExtensionModules { line, value: range.start + start..range.start + start + len, items });
    }
    out
}

/// A run of consecutive project lines in `readme.txt`, all written alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectList {
    /// What comes before each name (` * `, or nothing).
    pub bullet: String,
    /// The 0-based line and name of each item.
    pub items: Vec<(usize, String)>,
}

/// Every list of module names in `readme.txt`: runs of lines that hold one
/// identifier each, with the same bullet.
pub fn project_lists(text: &str) -> Vec<ProjectList> {
    let mut lists: Vec<ProjectList> = Vec::new();
    let mut previous: Option<usize> = None;
    for (line, range) in super::line_ranges(text).into_iter().enumerate() {
        let Some((bullet, name)) = project_line(&text[range]) else {
            previous = None;
            continue;
        };
        match lists.last_mut() {
            Some(list) if previous == Some(line - 1) && list.bullet == bullet => list.items.push((line, name)),
            _ => lists.push(ProjectList { bullet, items: vec![(line, name)] }),
        }
        previous = Some(line);
    }
    lists
}

/// ` * _base64` -> (` * `, `_base64`); `_base64` -> (``, `_base64`).
fn project_line(line: &str) -> Option<(String, String)> {
    let name_at = line.len() - line.trim_start_matches([' ', '*', '-']).len();
    let (bullet, name) = line.split_at(name_at);
    let name = name.trim_end();
    let bullet_ok = bullet.is_empty() || (bullet.trim() == "*" || bullet.trim() == "-") && bullet.ends_with(' ');
    let identifier = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    (bullet_ok && identifier).then(|| (bullet.to_string(), name.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The "Sub-Projects" section of the fork's `PCbuild/readme.txt`, verbatim.
    const README: &str = include_str!("testdata/readme.txt");

    #[test]
    fn the_forks_readme_lists_base64_among_bullets() {
        let lists = project_lists(README);
        let c_modules = lists.iter().find(|l| l.items.iter().any(|(_, n)| n == "_base64")).expect("a list");
        assert_eq!(c_modules.bullet, " * ");
        assert_eq!(c_modules.items.first().map(|(_, n)| n.as_str()), Some("_asyncio"));
        assert_eq!(c_modules.items.last().map(|(_, n)| n.as_str()), Some("winsound"));
        assert_eq!(c_modules.items.len(), 29);
        // Bare names between description lines are lists of one.
        assert!(lists.iter().any(|l| l.bullet.is_empty() && l.items == [(l.items[0].0, "pythoncore".to_string())]));
    }

    #[test]
    fn extension_module_lists_of_the_real_format() {
        let proj = "    <!-- Extension modules -->\n    <ExtensionModules Include=\"_asyncio;_base64;_decimal\" />\n    <ExtensionModules Include=\"_ctypes\" Condition=\"$(IncludeCTypes)\" />\n    <ExtensionModules Include=\"@(ExternalModules->'%(Identity)')\" Condition=\"$(IncludeExternals)\" />\n";
        let lists = extension_modules(proj);
        assert_eq!(lists.len(), 2);
        assert_eq!(lists[0].items, ["_asyncio", "_base64", "_decimal"]);
        assert_eq!(&proj[lists[0].value.clone()], "_asyncio;_base64;_decimal");
        assert_eq!(lists[1].line, 2);
    }
}
