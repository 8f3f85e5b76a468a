#!/usr/bin/env python3
"""Fetches the report schemas the tests validate bitext's output against,
into target/ci-schemas/ (once): JUnit's junit-10.xsd (Jenkins' xunit
plugin schema, as pytest's source distribution ships it, from PyPI) and
the SARIF 2.1.0 JSON schema (as Microsoft's @microsoft/jest-sarif ships
it, from the npm registry). Each archive is checked against its sha256."""

import hashlib
import io
import os
import re
import sys
import tarfile
import urllib.request

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "target", "ci-schemas")

# (file written, archive URL or PyPI simple-index page, file name in the
# archive, sha256 of the archive)
SOURCES = [
    (
        "junit-10.xsd",
        "pypi:pytest:pytest-8.3.5.tar.gz",
        "pytest-8.3.5/testing/example_scripts/junit-10.xsd",
        "f4efe70cc14e511565ac476b57c279e12a855b11f48f212af1080ef2263d3845",
    ),
    (
        "sarif-2.1.0.json",
        "https://registry.npmjs.org/@microsoft/jest-sarif/-/jest-sarif-1.0.0-beta.0.tgz",
        "package/lib/schemas/sarif-2.1.0-rtm.5.json",
        "748e2c3d1a842e7bb258416685c7ea3a0da40005b72267b2052c2856d48ad102",
    ),
]


def fetch(url):
    with urllib.request.urlopen(url, timeout=120) as response:
        return response.read()


def archive_url(source):
    if not source.startswith("pypi:"):
        return source
    _, project, name = source.split(":")
    page = fetch(f"https://pypi.org/simple/{project}/").decode()
    links = re.findall(r'href="([^"#]*' + re.escape(name) + r')[#"]', page)
    if not links:
        sys.exit(f"fetch-schemas: {name} is not on PyPI's index of {project}")
    link = links[0]
    return link if link.startswith("http") else "https://pypi.org" + link


def main():
    os.makedirs(OUT, exist_ok=True)
    for target, source, member, sha256 in SOURCES:
        path = os.path.join(OUT, target)
        if os.path.isfile(path):
            continue
        data = fetch(archive_url(source))
        digest = hashlib.sha256(data).hexdigest()
        if digest != sha256:
            sys.exit(f"fetch-schemas: {source} has sha256 {digest}, not {sha256}")
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            content = archive.extractfile(member).read()
        with open(path + ".tmp", "wb") as out:
            out.write(content)
        os.replace(path + ".tmp", path)
        print(f"fetch-schemas: {target} ({len(content)} bytes) from {source}")


if __name__ == "__main__":
    main()
