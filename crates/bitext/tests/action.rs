//! The GitHub Action's check step (`.github/action/check.sh`, which
//! `action.yml` runs) run here as the runner would, with its inputs and
//! `GITHUB_*` variables set: annotations within GitHub's limits, a step
//! summary, a SARIF file, the exit code `fail-on` asks for.

use std::path::Path;
use std::process::Command;

mod support;
use support::write;

const BIN: &str = env!("CARGO_BIN_EXE_bitext");

fn script() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.github/action/check.sh")
}

#[test]
fn the_action_annotates_summarises_and_writes_sarif() {
    let tmp = support::project(&[]);
    let dir = tmp.path();
    for k in 0..12 {
        write(
            &dir.join(format!("content/en/pump-{k:02}.md")),
            &format!(
                "# Pump {k}\n\n!!! note\n\n    Pump {k} moves {} litres a minute.\n",
                40 + k
            ),
        );
        write(
            &dir.join(format!("content/it/pump-{k:02}.md")),
            &format!(
                "# Pompa {k}\n\nLa pompa {k} sposta {} litri al minuto.\n",
                90 + k
            ),
        );
    }
    let bin_dir = Path::new(BIN).parent().expect("the binary's folder");
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let summary = dir.join("summary.md");
    let run = |fail_on: &str| {
        Command::new("bash")
            .arg(script())
            .current_dir(dir)
            .env("PATH", &path)
            .env("GITHUB_ACTIONS", "true")
            .env("GITHUB_STEP_SUMMARY", &summary)
            .env("BITEXT_FAIL_ON", fail_on)
            .env("BITEXT_SARIF", "bitext.sarif")
            .env("BITEXT_ARGS", "--locale it")
            .output()
    };
    let Ok(out) = run("error") else {
        assert!(!corpus::in_ci(), "bash is missing (CI is set)");
        eprintln!("SKIPPED: no bash");
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let annotations = stdout
        .lines()
        .filter(|l| l.starts_with("::error ") || l.starts_with("::warning "))
        .count();
    assert!((1..=20).contains(&annotations), "{stdout}");
    assert!(
        stdout
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("::notice ")),
        "{stdout}"
    );
    let summary_text = std::fs::read_to_string(&summary).expect("a step summary");
    assert!(
        summary_text.contains("## bitext check: failed"),
        "{summary_text}"
    );
    let text = std::fs::read_to_string(dir.join("bitext.sarif")).expect("a SARIF file");
    let sarif: serde_json::Value = serde_json::from_str(&text).expect("SARIF is JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert!(results.len() >= 24, "{} results", results.len());
    // Within GitHub's limits, each finding its own fingerprint, valid.
    let runs = sarif["runs"].as_array().expect("runs");
    assert!(
        runs.iter()
            .all(|r| r["results"].as_array().is_some_and(|r| r.len() <= 25_000))
    );
    let fingerprints: std::collections::HashSet<&str> = results
        .iter()
        .filter_map(|r| r["partialFingerprints"]["bitextFinding/v1"].as_str())
        .collect();
    assert_eq!(fingerprints.len(), results.len(), "fingerprints are unique");
    if let Some(problems) = support::sarif_problems(dir, &text) {
        assert!(problems.is_empty(), "SARIF 2.1.0 schema: {problems}");
    }
    // fail-on never: the step passes with the same findings.
    let out = run("never").expect("ran");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// A fake GitHub API on a free local port: issue comments kept in memory,
/// listed, created and edited as GitHub does; `GET /state` gives them all.
const FAKE_API: &str = r#"
import json, sys, re
from http.server import BaseHTTPRequestHandler, HTTPServer
comments = [{"id": 7, "body": "someone else's comment"}]
class Api(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass
    def reply(self, value):
        data = json.dumps(value).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def body(self):
        return json.loads(self.rfile.read(int(self.headers["Content-Length"])))
    def do_GET(self):
        assert self.headers["Authorization"] == "Bearer t0ken"
        if self.path == "/state":
            return self.reply(comments)
        assert re.match(r"/repos/o/r/issues/12/comments\?per_page=100&page=1$", self.path), self.path
        self.reply(comments)
    def do_POST(self):
        assert self.path == "/repos/o/r/issues/12/comments", self.path
        comment = {"id": 100 + len(comments), "body": self.body()["body"]}
        comments.append(comment)
        self.reply(comment)
    def do_PATCH(self):
        number = int(self.path.rsplit("/", 1)[1])
        for c in comments:
            if c["id"] == number:
                c["body"] = self.body()["body"]
                return self.reply(c)
        self.send_response(404)
        self.end_headers()
server = HTTPServer(("127.0.0.1", 0), Api)
print(server.server_port, flush=True)
server.serve_forever()
"#;

#[test]
fn the_impact_comment_is_posted_once_and_then_updated_in_place() {
    use std::io::BufRead;
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    let Ok(server) = Command::new("python3")
        .args(["-c", FAKE_API])
        .stdout(std::process::Stdio::piped())
        .spawn()
    else {
        assert!(!corpus::in_ci(), "python3 is missing (CI is set)");
        eprintln!("SKIPPED: no python3");
        return;
    };
    // Stopped however the test ends.
    struct Server(std::process::Child);
    impl Drop for Server {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let mut server = Server(server);
    let mut port = String::new();
    std::io::BufReader::new(server.0.stdout.take().expect("stdout"))
        .read_line(&mut port)
        .expect("the port");
    let api = format!("http://127.0.0.1:{}", port.trim());
    write(
        &dir.join("event.json"),
        "{\"pull_request\": {\"number\": 12}}",
    );
    let comment = |text: &str| {
        write(&dir.join("impact.md"), text);
        Command::new("python3")
            .arg(script().with_file_name("comment.py"))
            .arg("impact.md")
            .current_dir(dir)
            .env("BITEXT_TOKEN", "t0ken")
            .env("GITHUB_API_URL", &api)
            .env("GITHUB_REPOSITORY", "o/r")
            .env("GITHUB_EVENT_PATH", dir.join("event.json"))
            .output()
            .expect("python3 runs")
    };
    let state = || -> serde_json::Value {
        let out = Command::new("python3")
            .args([
                "-c",
                "import sys, urllib.request\nr = urllib.request.Request(sys.argv[1] + '/state', headers={'Authorization': 'Bearer t0ken'})\nprint(urllib.request.urlopen(r).read().decode())",
            ])
            .arg(&api)
            .output()
            .expect("python3 runs");
        serde_json::from_slice(&out.stdout).expect("the comments")
    };
    let first = comment("## Translation impact\n\n`guide/install`: 2 translations stale\n");
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(String::from_utf8_lossy(&first.stdout).contains("posted"));
    let second = comment("## Translation impact\n\nnothing stale\n");
    assert!(
        second.status.success(),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    assert!(String::from_utf8_lossy(&second.stdout).contains("updated"));
    let comments = state();
    drop(server);
    let list = comments.as_array().expect("a list");
    assert_eq!(
        list.len(),
        2,
        "one of bitext's beside the other: {comments}"
    );
    assert_eq!(list[0]["body"], "someone else's comment");
    let ours = list[1]["body"].as_str().expect("a body");
    assert!(
        ours.ends_with("nothing stale\n") && ours.starts_with("<!-- bitext"),
        "{ours}"
    );
    // Outside a pull request nothing is posted.
    write(&dir.join("event.json"), "{\"push\": {}}");
    let out = comment("x");
    assert!(out.status.success() && out.stdout.is_empty());
}
