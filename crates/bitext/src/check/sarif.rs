//! `check --format sarif`: SARIF 2.1.0 for code-scanning tools (GitHub's
//! among them), written result by result as it goes: no tree of every
//! result is built. GitHub reads at most 25,000 results per run, so the
//! results are split into runs of that size, each with its own automation
//! id; or, with `--sarif-aggregate`, there is one result per page and check.
//!
//! Paths are relative to `%SRCROOT%`, the folder bitext ran in, which the
//! run's `originalUriBaseIds` names. Each result's partial fingerprint
//! hashes what identifies the finding across runs (check, locale, page,
//! segment id or line, message), so that edits elsewhere on the page keep
//! it, with a counter for the rare findings that share all of that.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::path::Path;

use project::{Check, PageFinding, Severity};
use serde::Serialize;

use super::{Key, key_of, related_path};
use crate::output::shown;

/// The most results GitHub's code scanning reads from one run.
pub(crate) const RUN_SIZE: usize = 25_000;

/// How to write the SARIF file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    /// One result per page and check instead of one per finding.
    pub aggregate: bool,
    /// At most this many results per run.
    pub run_size: usize,
}

/// Writes the report as a SARIF 2.1.0 log to `out`.
pub(crate) fn write(
    report: &project::CheckReport,
    cwd: &Path,
    options: Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    let results: Vec<Item<'_>> = if options.aggregate {
        aggregated(&report.findings)
    } else {
        report.findings.iter().map(Item::One).collect()
    };
    let root = root_uri(cwd);
    out.write_all(
        b"{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[",
    )?;
    let runs = results.len().div_ceil(options.run_size.max(1)).max(1);
    let mut fingerprints = Fingerprints::default();
    for run in 0..runs {
        if run > 0 {
            out.write_all(b",")?;
        }
        let header = RunHeader {
            tool: Tool {
                driver: Driver {
                    name: "bitext",
                    version: env!("CARGO_PKG_VERSION"),
                    rules: Check::ALL.iter().map(|&c| Rule::of(c)).collect(),
                },
            },
            automation_details: AutomationDetails {
                id: if runs == 1 {
                    "bitext/check/".to_owned()
                } else {
                    format!("bitext/check-part-{}/", run + 1)
                },
            },
            original_uri_base_ids: BTreeMap::from([("%SRCROOT%", Uri { uri: root.clone() })]),
            column_kind: "unicodeCodePoints",
        };
        // The run's header, then its results in the open array.
        let header = serde_json::to_string(&header).expect("plain data");
        out.write_all(&header.as_bytes()[..header.len() - 1])?;
        out.write_all(b",\"results\":[")?;
        let chunk = results
            .iter()
            .skip(run * options.run_size)
            .take(options.run_size);
        for (n, item) in chunk.enumerate() {
            if n > 0 {
                out.write_all(b",")?;
            }
            let result = item.result(cwd, &mut fingerprints);
            serde_json::to_writer(&mut *out, &result).map_err(io::Error::other)?;
        }
        out.write_all(b"]}")?;
    }
    out.write_all(b"]}\n")
}

/// What one SARIF result stands for.
enum Item<'a> {
    One(&'a PageFinding),
    /// The findings of one check on one page, the first (by line) first.
    Page(Vec<&'a PageFinding>),
}

/// The findings grouped by locale, page and check, in the report's order.
fn aggregated(findings: &[PageFinding]) -> Vec<Item<'_>> {
    let mut groups: Vec<Vec<&PageFinding>> = Vec::new();
    let mut index: HashMap<(&str, &Path, Check), usize> = HashMap::new();
    for f in findings {
        let key = (f.locale.as_str(), &*f.path, f.finding.check);
        let at = *index.entry(key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[at].push(f);
    }
    groups
        .into_iter()
        .map(|mut group| {
            group.sort_by_key(|f| f.finding.line);
            Item::Page(group)
        })
        .collect()
}

impl Item<'_> {
    fn result(&self, cwd: &Path, fingerprints: &mut Fingerprints) -> SarifResult {
        match self {
            Item::One(f) => {
                let mut related = Vec::new();
                if let Some(line) = f.finding.source_line {
                    related.push(location(
                        &shown(&f.source_path, cwd),
                        line,
                        Some("the source"),
                    ));
                }
                for r in &f.finding.related {
                    related.push(location(
                        &related_path(f, r.in_source, cwd),
                        r.line,
                        Some(&r.message),
                    ));
                }
                SarifResult::new(
                    f,
                    f.finding.severity,
                    f.finding.message.clone(),
                    (cwd, related),
                    fingerprints.of(&key_of(f, cwd)),
                )
            }
            Item::Page(group) => {
                let first = group[0];
                let severity = group
                    .iter()
                    .map(|f| f.finding.severity)
                    .max()
                    .unwrap_or(Severity::Info);
                let message = if group.len() == 1 {
                    first.finding.message.clone()
                } else {
                    format!(
                        "{} {} findings on this page; the first: {}",
                        group.len(),
                        first.finding.check.name(),
                        first.finding.message
                    )
                };
                let related = group[1..]
                    .iter()
                    .map(|f| {
                        location(
                            &shown(&f.path, cwd),
                            f.finding.line,
                            Some(&f.finding.message),
                        )
                    })
                    .collect();
                let key = (
                    first.finding.check.name().to_owned(),
                    first.locale.to_string(),
                    shown(&first.path, cwd),
                    "page".to_owned(),
                    String::new(),
                );
                SarifResult::new(
                    first,
                    severity,
                    message,
                    (cwd, related),
                    fingerprints.of(&key),
                )
            }
        }
    }
}

/// Fingerprints made unique: the second finding with one key gets `:1`.
#[derive(Default)]
struct Fingerprints {
    seen: HashMap<String, usize>,
}

impl Fingerprints {
    fn of(&mut self, key: &Key) -> String {
        let hash = fingerprint(key);
        let count = self.seen.entry(hash.clone()).or_insert(0);
        *count += 1;
        if *count == 1 {
            hash
        } else {
            format!("{hash}:{}", *count - 1)
        }
    }
}

/// FNV-1a 64 of a finding's key, in hex.
fn fingerprint(key: &Key) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [&key.0, &key.1, &key.2, &key.3, &key.4] {
        for b in part.bytes().chain([0]) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A place: a path as `shown` gives it (relative to the folder bitext ran
/// in, or absolute) and a line.
fn location(path: &str, line: usize, message: Option<&str>) -> Location {
    let artifact = if path.starts_with('/') {
        ArtifactLocation {
            uri: format!("file://{}", percent_encode(path)),
            uri_base_id: None,
        }
    } else {
        ArtifactLocation {
            uri: percent_encode(path),
            uri_base_id: Some("%SRCROOT%"),
        }
    };
    Location {
        physical_location: PhysicalLocation {
            artifact_location: artifact,
            region: Region {
                start_line: line.max(1),
            },
        },
        message: message.map(|text| Message {
            text: text.to_owned(),
        }),
    }
}

/// The folder bitext ran in as a `file:` URI ending in `/`.
fn root_uri(cwd: &Path) -> String {
    let path = cwd.to_string_lossy().replace('\\', "/");
    let path = path.trim_end_matches('/');
    if path.is_empty() {
        return "file:///".to_owned();
    }
    let slash = if path.starts_with('/') { "" } else { "/" };
    format!("file://{slash}{}/", percent_encode(path))
}

/// A path as a URI path: every byte but unreserved characters and `/`
/// percent-encoded (RFC 3986).
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RunHeader {
    tool: Tool,
    automation_details: AutomationDetails,
    original_uri_base_ids: BTreeMap<&'static str, Uri>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
struct AutomationDetails {
    id: String,
}

#[derive(Serialize)]
struct Uri {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    short_description: Message,
    full_description: Message,
    help: Message,
    default_configuration: Configuration,
}

impl Rule {
    /// A check as a rule: its `--explain` text as description and help.
    fn of(check: Check) -> Rule {
        let explain = check.explain();
        let short = explain.split(". ").next().unwrap_or(explain);
        Rule {
            id: check.name(),
            short_description: Message {
                text: short.trim_end_matches('.').to_owned() + ".",
            },
            full_description: Message {
                text: explain.to_owned(),
            },
            help: Message {
                text: format!(
                    "{explain}\n\nWaive a finding with a reason: `<!-- bitext-ignore {}: why -->` on the line or above it, or [[check.waive]] in bitext.toml.",
                    check.name()
                ),
            },
            default_configuration: Configuration {
                enabled: check.on_by_default(),
                level: level(check.default_severity()),
            },
        }
    }
}

#[derive(Serialize)]
struct Configuration {
    enabled: bool,
    level: &'static str,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    properties: Properties,
}

impl SarifResult {
    fn new(
        f: &PageFinding,
        severity: Severity,
        message: String,
        (cwd, related): (&Path, Vec<Location>),
        fingerprint: String,
    ) -> SarifResult {
        let check = f.finding.check;
        SarifResult {
            rule_id: check.name(),
            rule_index: Check::ALL.iter().position(|&c| c == check).unwrap_or(0),
            level: level(severity),
            message: Message { text: message },
            locations: [location(&shown(&f.path, cwd), f.finding.line, None)],
            related_locations: related,
            partial_fingerprints: BTreeMap::from([("bitextFinding/v1", fingerprint)]),
            properties: Properties {
                locale: f.locale.to_string(),
                confidence: (f.finding.confidence * 100.0).round() / 100.0,
            },
        }
    }
}

#[derive(Serialize)]
struct Properties {
    locale: String,
    confidence: f32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::sync::Arc;

    /// A report of `n` findings on two pages, a third of them alike.
    fn report(n: usize) -> project::CheckReport {
        let findings = (0..n)
            .map(|k| PageFinding {
                locale: model::Locale::new("it"),
                page: Arc::from(format!("p{}", k % 2).as_str()),
                path: Arc::from(Path::new(&format!("/site/docs/it/p{}.md", k % 2))),
                source_path: Arc::from(Path::new(&format!("/site/docs/en/p{}.md", k % 2))),
                finding: project::Finding {
                    check: if k % 3 == 0 {
                        Check::Numbers
                    } else {
                        Check::Links
                    },
                    severity: if k == 4 {
                        Severity::Error
                    } else {
                        Severity::Warning
                    },
                    line: k + 1,
                    source_line: Some(k + 1),
                    segment_id: None,
                    message: if k % 3 == 0 {
                        "alike".to_owned()
                    } else {
                        format!("finding {k}")
                    },
                    related: Vec::new(),
                    confidence: 0.5,
                },
            })
            .collect();
        project::CheckReport {
            findings,
            pages: 2,
            locales: 1,
            checked: Vec::new(),
            waived: 0,
            notes: Vec::new(),
            cached: 0,
        }
    }

    fn sarif(report: &project::CheckReport, aggregate: bool, run_size: usize) -> serde_json::Value {
        let mut out = Vec::new();
        let options = Options {
            aggregate,
            run_size,
        };
        write(report, Path::new("/site"), options, &mut out).expect("written to memory");
        serde_json::from_slice(&out).expect("one JSON value")
    }

    #[test]
    fn results_are_split_into_runs_with_their_own_ids_and_unique_fingerprints() {
        let log = sarif(&report(7), false, 3);
        let runs = log["runs"].as_array().expect("runs");
        let sizes: Vec<usize> = runs
            .iter()
            .map(|r| r["results"].as_array().map_or(0, Vec::len))
            .collect();
        assert_eq!(sizes, [3, 3, 1]);
        let ids: BTreeSet<&str> = runs
            .iter()
            .filter_map(|r| r["automationDetails"]["id"].as_str())
            .collect();
        assert_eq!(ids.len(), 3);
        let fingerprints: Vec<&str> = runs
            .iter()
            .flat_map(|r| r["results"].as_array().into_iter().flatten())
            .filter_map(|r| r["partialFingerprints"]["bitextFinding/v1"].as_str())
            .collect();
        let unique: BTreeSet<&str> = fingerprints.iter().copied().collect();
        assert_eq!((fingerprints.len(), unique.len()), (7, 7));
        assert_eq!(
            runs[0]["originalUriBaseIds"]["%SRCROOT%"]["uri"],
            "file:///site/"
        );
        let first = &runs[0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(
            (first["uri"].as_str(), first["uriBaseId"].as_str()),
            (Some("docs/it/p0.md"), Some("%SRCROOT%"))
        );
        // No findings: one run, no results.
        let empty = sarif(&report(0), false, 3);
        assert_eq!(empty["runs"].as_array().map(Vec::len), Some(1));
        assert_eq!(
            empty["runs"][0]["results"].as_array().map(Vec::len),
            Some(0)
        );
    }

    #[test]
    fn aggregated_there_is_one_result_per_page_and_check() {
        let log = sarif(&report(12), true, RUN_SIZE);
        let results = log["runs"][0]["results"].as_array().expect("results");
        assert_eq!(results.len(), 4, "two pages by two checks");
        let links_p0 = results
            .iter()
            .find(|r| {
                r["ruleId"] == "links"
                    && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                        == "docs/it/p0.md"
            })
            .expect("links on p0");
        assert_eq!(
            links_p0["level"], "error",
            "the worst of the page's: finding 4"
        );
        assert!(
            links_p0["message"]["text"]
                .as_str()
                .is_some_and(|m| m.starts_with("4 links findings")),
            "{links_p0}"
        );
        assert_eq!(
            links_p0["relatedLocations"].as_array().map(Vec::len),
            Some(3)
        );
    }

    #[test]
    fn paths_become_uris() {
        assert_eq!(percent_encode("docs/it/a b#c.md"), "docs/it/a%20b%23c.md");
        assert_eq!(percent_encode("é"), "%C3%A9");
        assert_eq!(root_uri(Path::new("/work/site")), "file:///work/site/");
        assert_eq!(root_uri(Path::new("/")), "file:///");
    }

    #[test]
    fn equal_keys_get_distinct_fingerprints() {
        let key: Key = Default::default();
        let mut fingerprints = Fingerprints::default();
        let first = fingerprints.of(&key);
        let second = fingerprints.of(&key);
        assert_ne!(first, second);
        assert!(second.starts_with(&first));
    }
}
