#!/usr/bin/env python3
"""Posts a pull request's translation impact (a Markdown file) as one
comment of the bitext action, and updates that comment in place on later
runs, found by a marker line. Reads what GitHub Actions sets:
GITHUB_API_URL, GITHUB_REPOSITORY, GITHUB_EVENT_PATH; the token comes as
BITEXT_TOKEN. Outside a pull request it does nothing."""

import json
import os
import sys
import urllib.request

MARKER = "<!-- bitext: translation impact -->"


def call(method, url, token, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        url,
        data=data,
        method=method,
        headers={
            "Authorization": f"Bearer {token}",
            "Accept": "application/vnd.github+json",
            "Content-Type": "application/json",
            "User-Agent": "bitext-action",
        },
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def ours(comments_url, token):
    """The comment this action posted before, if any."""
    page = 1
    while True:
        batch = call("GET", f"{comments_url}?per_page=100&page={page}", token)
        for comment in batch:
            if MARKER in (comment.get("body") or ""):
                return comment
        if len(batch) < 100:
            return None
        page += 1


def main():
    token = os.environ.get("BITEXT_TOKEN", "")
    event_path = os.environ.get("GITHUB_EVENT_PATH", "")
    if not token or not event_path:
        return 0
    with open(event_path, encoding="utf-8") as f:
        number = (json.load(f).get("pull_request") or {}).get("number")
    if not number:
        return 0
    api = os.environ.get("GITHUB_API_URL", "https://api.github.com").rstrip("/")
    repo = os.environ["GITHUB_REPOSITORY"]
    with open(sys.argv[1], encoding="utf-8") as f:
        body = f"{MARKER}\n{f.read()}"
    comments_url = f"{api}/repos/{repo}/issues/{number}/comments"
    existing = ours(comments_url, token)
    if existing:
        call("PATCH", f"{api}/repos/{repo}/issues/comments/{existing['id']}", token, {"body": body})
        print(f"bitext: updated the impact comment on #{number}")
    else:
        call("POST", comments_url, token, {"body": body})
        print(f"bitext: posted the impact comment on #{number}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
