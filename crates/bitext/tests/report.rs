//! `bitext report --html`: the dashboard's data, its badges, and the page
//! itself loaded in headless Chromium (no console message, the expected
//! counts, a filter that works), on a small project and on the 24-locale
//! corpus. Chromium is required in CI and skipped, saying so, elsewhere.

use std::path::{Path, PathBuf};
use std::process::Command;

mod support;
use support::{bitext, write};

/// The report's data, read back from the page's data script.
fn data_of(dir: &Path) -> serde_json::Value {
    let page = std::fs::read_to_string(dir.join("index.html")).expect("index.html written");
    let script = page
        .split("<script id=\"data\" type=\"application/json\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("the data script");
    serde_json::from_str(script).expect("the data is JSON")
}

/// A headless Chromium, or `None` (after saying so) outside CI.
fn chromium(test: &str) -> Option<PathBuf> {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        let found = Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        if found {
            return Some(PathBuf::from(name));
        }
    }
    assert!(
        !corpus::in_ci(),
        "{test}: no chromium (CI is set, so this fails; .ci/run installs Debian's chromium)"
    );
    eprintln!("{test}: SKIPPED the browser part, no chromium on this machine");
    None
}

/// What Chromium shows of `page` (with `hash`) once its script ran: the
/// DOM, and the console messages it logged.
fn load(
    browser: &Path,
    page: &Path,
    hash: &str,
    screenshot: Option<&Path>,
) -> (String, Vec<String>) {
    let url = format!("file://{}{hash}", page.display());
    let mut command = Command::new(browser);
    command.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--enable-logging=stderr",
        "--v=0",
        "--window-size=1280,1600",
    ]);
    match screenshot {
        Some(file) => command.arg(format!("--screenshot={}", file.display())),
        None => command.arg("--dump-dom"),
    };
    let output = command.arg(&url).output().expect("chromium runs");
    assert!(output.status.success(), "chromium failed on {url}");
    let console = String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter(|l| l.contains("CONSOLE"))
        .map(str::to_owned)
        .collect();
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        console,
    )
}

/// The text of the element with id `id` in `dom`.
fn text_of(dom: &str, id: &str) -> String {
    let open = format!("id=\"{id}\">");
    dom.split(&open)
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap_or_else(|| panic!("no #{id} in the page"))
        .to_owned()
}

/// Whether `svg` is well-formed XML, by xmllint when the machine has it
/// (CI installs it).
fn well_formed(svg: &Path) -> bool {
    match Command::new("xmllint").arg("--noout").arg(svg).output() {
        Ok(o) => o.status.success(),
        Err(_) => {
            assert!(!corpus::in_ci(), "xmllint is missing (CI is set)");
            std::fs::read_to_string(svg)
                .is_ok_and(|s| s.starts_with("<svg ") && s.trim_end().ends_with("</svg>"))
        }
    }
}

#[test]
fn the_dashboard_shows_each_page_with_its_findings_beside_the_source() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    write(
        &dir.join("bitext.toml"),
        "source_locale = \"en\"\nlocales = [\"it\", \"fr\"]\n[paths]\nsource = \"{locale}/{path}.md\"\ntranslation = \"{locale}/{path}.md\"\n[check.severity]\nspelling = \"off\"\n",
    );
    write(
        &dir.join("en/pumps.md"),
        "# Pumps\n\nA pump moves 40 litres a minute.\n",
    );
    write(
        &dir.join("en/valves.md"),
        "# Valves\n\nClose the valve before you leave.\n",
    );
    write(
        &dir.join("en/tanks.md"),
        "# Tanks\n\nA tank holds 500 litres.\n",
    );
    // A number changed in Italian; tanks not translated; French has pumps only.
    write(
        &dir.join("it/pumps.md"),
        "# Pompe\n\nUna pompa sposta 45 litri al minuto.\n",
    );
    write(
        &dir.join("it/valves.md"),
        "# Valvole\n\nChiudi la valvola prima di uscire.\n",
    );
    write(
        &dir.join("fr/pumps.md"),
        "# Pompes\n\nUne pompe déplace 40 litres par minute.\n",
    );

    let (code, out, err) = bitext(dir, &["report", "--html", "out"]);
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(out.contains("6 pages in 2 locales"), "{out}");
    let report = dir.join("out");
    let data = data_of(&report);
    assert_eq!(data["version"], 1);
    let locale = |code: &str| {
        data["locales"]
            .as_array()
            .expect("locales")
            .iter()
            .find(|l| l["locale"] == code)
            .unwrap_or_else(|| panic!("no {code} in {data}"))
            .clone()
    };
    assert_eq!(
        (
            locale("it")["pages"].as_u64(),
            locale("it")["missing"].as_u64()
        ),
        (Some(3), Some(1))
    );
    assert_eq!(locale("fr")["missing"], 2);
    let pumps = data["pages"]
        .as_array()
        .expect("pages")
        .iter()
        .find(|p| p["locale"] == "it" && p["page"] == "pumps")
        .expect("it/pumps");
    let number = pumps["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["check"] == "numbers")
        .unwrap_or_else(|| panic!("no numbers finding: {pumps}"));
    assert_eq!(number["text"], "Una pompa sposta 45 litri al minuto.");
    assert_eq!(number["source_text"], "A pump moves 40 litres a minute.");
    for code in ["it", "fr"] {
        let badge = report.join("badges").join(format!("{code}.svg"));
        assert!(
            well_formed(&badge),
            "{} is not well-formed",
            badge.display()
        );
    }

    let Some(browser) = chromium("report page test") else {
        return;
    };
    let index = report.join("index.html");
    let (dom, console) = load(&browser, &index, "", None);
    assert!(console.is_empty(), "console messages: {console:?}");
    assert_eq!(text_of(&dom, "shown"), "6 of 6 pages");
    assert_eq!(dom.matches("<tr class=\"page\"").count(), 6, "{dom}");
    // Filters, from the address as a click would set them.
    let (dom, _) = load(&browser, &index, "#state=missing", None);
    assert_eq!(text_of(&dom, "shown"), "3 of 6 pages");
    let (dom, _) = load(&browser, &index, "#q=pumps&locale=it", None);
    assert_eq!(text_of(&dom, "shown"), "1 of 6 pages");
    // A finding's message is searchable.
    let (dom, _) = load(&browser, &index, "#q=45", None);
    assert_eq!(text_of(&dom, "shown"), "1 of 6 pages");
}

#[test]
fn the_dashboard_of_the_24_locale_corpus_loads_in_a_browser() {
    let Some(corpus) = corpus::root("report corpus test") else {
        return;
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    let site = corpus.join("privacyguides");
    let mut locales = Vec::new();
    for entry in std::fs::read_dir(&site).expect("the corpus site") {
        let entry = entry.expect("an entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if !entry.path().join("index.md").is_file() {
            continue;
        }
        for file in corpus::markdown_files(&entry.path()) {
            let relative = file.strip_prefix(&site).expect("inside the site");
            write(&dir.join(relative), &corpus::read(&file));
        }
        if name != "en" {
            locales.push(format!("\"{name}\""));
        }
    }
    assert_eq!(locales.len(), 24, "{locales:?}");
    write(
        &dir.join("bitext.toml"),
        &format!(
            "source_locale = \"en\"\nlocales = [{}]\n[paths]\nsource = \"{{locale}}/{{path}}.md\"\ntranslation = \"{{locale}}/{{path}}.md\"\n",
            locales.join(", ")
        ),
    );
    let (code, out, err) = bitext(dir, &["report", "--html", "out"]);
    assert_eq!(code, 0, "{out}\n{err}");
    let report = dir.join("out");
    let data = data_of(&report);
    let pages = data["pages"].as_array().expect("pages").len();
    let findings: usize = data["pages"]
        .as_array()
        .expect("pages")
        .iter()
        .map(|p| p["findings"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(data["locales"].as_array().map(Vec::len), Some(24));
    assert!(findings > 1000, "{findings} findings");
    for entry in std::fs::read_dir(report.join("badges")).expect("badges") {
        let badge = entry.expect("a badge").path();
        assert!(
            well_formed(&badge),
            "{} is not well-formed",
            badge.display()
        );
    }

    let Some(browser) = chromium("report corpus test") else {
        return;
    };
    let index = report.join("index.html");
    let (dom, console) = load(&browser, &index, "", None);
    assert!(console.is_empty(), "console messages: {console:?}");
    assert_eq!(text_of(&dom, "shown"), format!("{pages} of {pages} pages"));
    let per_locale = pages / 24;
    let (dom, _) = load(&browser, &index, "#locale=it", None);
    assert_eq!(
        text_of(&dom, "shown"),
        format!("{per_locale} of {pages} pages")
    );
    // The screenshot CI keeps: the Italian pages with findings, one open.
    let artifacts = Path::new(env!("CARGO_TARGET_TMPDIR")).join("../artifacts");
    std::fs::create_dir_all(&artifacts).expect("artifacts folder");
    let shot = artifacts.join("report.png");
    load(
        &browser,
        &index,
        "#locale=it&findings=1&open=it/about/privacy-policy",
        Some(&shot),
    );
    assert!(shot.is_file(), "no screenshot at {}", shot.display());
    eprintln!("report screenshot: {}", shot.display());
}
