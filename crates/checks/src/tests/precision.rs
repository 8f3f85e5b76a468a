//! What real translations rightly do and the checks once reported: each
//! from a finding labelled false in `tests/precision/labels.tsv`, with the
//! true finding next to it still reported.

use super::*;

fn of(findings: &[Finding], check: Check) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.check == check)
        .map(|f| format!("{}: {}", f.line, f.message))
        .collect()
}

#[test]
fn admonition_aliases_alerts_and_diagrams_are_the_same_structure() {
    // `check` is Material's alias of `success`.
    let source =
        "# A\n\n!!! success \"Audited\"\n\n    The app was audited in 2021 by an outside firm.\n";
    let translation = "# A\n\n!!! check \"Verificata\"\n\n    L'app è stata verificata nel 2021 da una ditta esterna.\n";
    assert_eq!(
        of(&run_texts(source, translation), Check::Structure),
        Vec::<String>::new()
    );
    let tip = translation.replace("!!! check", "!!! tip");
    assert_eq!(of(&run_texts(source, &tip), Check::Structure).len(), 1);

    // A diagram's labels are translated.
    let source = "# A\n\n```mermaid\ngraph LR\n  A[Client] --> B[Server]\n```\n";
    let translation = "# A\n\n```mermaid\ngraph LR\n  A[Cliente] --> B[Servidor]\n```\n";
    assert_eq!(
        of(&run_texts(source, translation), Check::Structure),
        Vec::<String>::new()
    );
}

#[test]
fn code_written_without_backticks_or_a_translated_phrase_is_there() {
    let run = |s: &str, t: &str| of(&run_texts(s, t), Check::Code);
    // `HEAD` quoted where the source writes HEAD; HelloWorldChaos unquoted.
    assert_eq!(
        run(
            "# A\n\nReset your branch to HEAD before you push the HelloWorldChaos type.\n",
            "# A\n\nRestablece tu rama a `HEAD` antes de enviar el tipo HelloWorldChaos.\n"
        ),
        Vec::<String>::new()
    );
    // An example passphrase, a phrase, translated.
    assert_eq!(
        run(
            "# A\n\nA passphrase such as `viewable fastness reluctant squishy` is strong.\n",
            "# A\n\nEen wachtzin als `zichtbaar snelheid terughoudend` is sterk.\n"
        ),
        Vec::<String>::new()
    );
    // Code translated is still code that differs.
    assert_eq!(
        run(
            "# A\n\nBuild it with `userdebug` flags only when testing the phone.\n",
            "# A\n\nЗбирайте з прапорцями `налагодження` лише під час тестування.\n"
        )
        .len(),
        1
    );
}

#[test]
fn a_link_moved_a_few_lines_is_not_missing() {
    // The button's text translated past recognition, its target kept.
    let source = "# A\n\nJoin the discussion today.\n\n[Forum](https://forum.example.org/){ .md-button }\n\nRead on.\n";
    let translation = "# A\n\nПрисоединяйтесь к обсуждению.\n\nЧитайте дальше.\n\n[Форум обсуждений сообщества](https://forum.example.org/){ .md-button }\n";
    assert_eq!(
        of(&run_texts(source, translation), Check::Links),
        Vec::<String>::new()
    );
    let gone = translation.replace(
        "https://forum.example.org/",
        "https://elsewhere.example.org/",
    );
    assert!(!of(&run_texts(source, &gone), Check::Links).is_empty());
}

#[test]
fn a_url_as_its_own_link_text_is_one_link() {
    let facts = align::facts("Open [http://localhost:1313](http://localhost:1313) now");
    assert_eq!(facts.urls, ["http://localhost:1313"]);
    assert_eq!(facts.links, 1);
    // An autolink is a link.
    let facts = align::facts("Open <http://localhost:1313> now");
    assert_eq!((facts.urls.len(), facts.links), (1, 1));
}

#[test]
fn identifiers_left_as_they_are_are_not_untranslated() {
    let source = "---\ntitle: border-end-end-radius-value-of-the-box\n---\n\nThe corner is rounded by the radius you give it here.\n";
    let translation = "---\ntitle: border-end-end-radius-value-of-the-box\n---\n\nDie Ecke wird um den hier angegebenen Radius abgerundet.\n";
    assert_eq!(
        of(&run_texts(source, translation), Check::Untranslated),
        Vec::<String>::new()
    );
    let english = translation.replace(
        "Die Ecke wird um den hier angegebenen Radius abgerundet.",
        "The corner is rounded by the radius you give it here.",
    );
    assert_eq!(
        of(&run_texts(source, &english), Check::Untranslated).len(),
        1
    );
}

#[test]
fn numbers_inside_words_may_be_words() {
    let run = |s: &str, t: &str| of(&run_texts(s, t), Check::Numbers);
    assert_eq!(
        run(
            "# A\n\nUse the 4-value syntax or DoH/3 for the resolver you chose.\n",
            "# A\n\nVerwenden Sie die Vierwert-Syntax oder DoH3 für den gewählten Resolver.\n"
        ),
        Vec::<String>::new()
    );
    // A number of its own is still a fact.
    assert_eq!(
        run(
            "# A\n\nThe resolver answers within 45 seconds on most networks.\n",
            "# A\n\nDer Resolver antwortet in den meisten Netzen innerhalb von 54 Sekunden.\n"
        )
        .len(),
        1
    );
}

#[test]
fn a_repetition_the_source_has_is_no_duplicate() {
    let note = |lang: &str| match lang {
        "en" => "Last checked on the provider's own status page: 2022-09-16, with prices in euros.",
        _ => {
            "Ultimo controllo sulla pagina di stato del fornitore: 2022-09-16, con prezzi in euro."
        }
    };
    let page = |lang: &str, copies: usize| {
        let mut text = String::from("# VPN\n");
        for (k, name) in ["Alpha", "Beta", "Gamma"].iter().enumerate() {
            text.push_str(&format!("\n## {name}\n\n"));
            if lang == "en" {
                text.push_str(&format!(
                    "{name} has servers in {} countries and a flat price.\n",
                    30 + k * 11
                ));
            } else {
                text.push_str(&format!(
                    "{name} ha server in {} paesi e un prezzo unico.\n",
                    30 + k * 11
                ));
            }
            if k < copies {
                text.push_str(&format!("\n{}\n", note(lang)));
            }
        }
        text
    };
    // The source says it under two items; so does the translation.
    let findings = run_texts(&page("en", 2), &page("it", 2));
    assert_eq!(of(&findings, Check::Duplicate), Vec::<String>::new());
    // A third copy where the source has none is one.
    let findings = run_texts(&page("en", 2), &page("it", 3));
    assert_eq!(of(&findings, Check::Duplicate).len(), 1, "{findings:#?}");
}

#[test]
fn localised_site_paths_are_the_same_fact() {
    let en = align::facts("See [selectors](/en-US/docs/Web/CSS/Guides/Selectors) module");
    let de = align::facts("Modul [Selektoren](/de/docs/Web/CSS/Guides/Selectors)");
    assert_eq!(en.sorted(), de.sorted());
    // Not a locale: kept.
    assert_ne!(
        align::facts("[a](/docs/x)").sorted(),
        align::facts("[a](/api/x)").sorted()
    );
}
