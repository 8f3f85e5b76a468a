//! A pull request's impact on the translations (`status --changed-since`):
//! which translations its source edits make stale, which edit is only
//! cosmetic, and where the translated pages it edits stand.

mod support;
use support::{bitext, git, write};

#[test]
fn the_impact_names_the_stale_translations_the_cosmetic_edit_and_the_current_page() {
    let tmp = support::project(&[]);
    let dir = tmp.path();
    write(
        &dir.join("bitext.toml"),
        "source_locale = \"en\"\nlocales = [\"it\", \"fr\"]\n",
    );
    let pages = [
        (
            "alpha",
            "The alpha pump moves 40 litres a minute.",
            "La pompa alfa sposta 40 litri al minuto.",
            "La pompe alpha déplace 40 litres par minute.",
        ),
        (
            "beta",
            "Close the beta valve before you leave",
            "Chiudi la valvola beta prima di uscire",
            "",
        ),
        (
            "gamma",
            "The gamma tank holds 500 litres.",
            "Il serbatoio gamma contiene 500 litri",
            "",
        ),
    ];
    for (name, en, it, fr) in pages {
        write(
            &dir.join(format!("content/en/{name}.md")),
            &format!("# {name}\n\n{en}\n"),
        );
        write(
            &dir.join(format!("content/it/{name}.md")),
            &format!("# {name}\n\n{it}\n"),
        );
        if !fr.is_empty() {
            write(
                &dir.join(format!("content/fr/{name}.md")),
                &format!("# {name}\n\n{fr}\n"),
            );
        }
    }
    if !git(dir, &["init", "-q"]) {
        return;
    }
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "pages"]);
    git(dir, &["branch", "base"]);
    // The pull request: a number in alpha, a full stop in beta, and the
    // Italian gamma fixed.
    write(
        &dir.join("content/en/alpha.md"),
        "# alpha\n\nThe alpha pump moves 45 litres a minute.\n",
    );
    write(
        &dir.join("content/en/beta.md"),
        "# beta\n\nClose the beta valve before you leave.\n",
    );
    write(
        &dir.join("content/it/gamma.md"),
        "# gamma\n\nIl serbatoio gamma contiene 500 litri.\n",
    );
    git(dir, &["commit", "-q", "-am", "the pull request"]);

    let (code, out, err) = bitext(
        dir,
        &["status", "--changed-since", "base", "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(
        json["sources"],
        serde_json::json!([
            {"page": "alpha", "change": "factual", "facts": ["-40", "+45"], "stale": ["it", "fr"]},
            {"page": "beta", "change": "cosmetic", "facts": [], "stale": []},
        ]),
        "{out}"
    );
    assert_eq!(
        json["translations"],
        serde_json::json!([{"locale": "it", "page": "gamma", "state": "current"}]),
        "{out}"
    );
    let (_, markdown, _) = bitext(
        dir,
        &["status", "--changed-since", "base", "--format", "markdown"],
    );
    assert!(
        markdown.contains("| `alpha` | factual: `-40`, `+45` | it, fr |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| `beta` | cosmetic (translations stay current) | none |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| it | `gamma` | current |"),
        "{markdown}"
    );
}
