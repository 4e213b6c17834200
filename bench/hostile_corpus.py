"""Write a folder of every kind of bad input, rebuild an index from it, and check each outcome.

Usage: .venv/bin/python bench/hostile_corpus.py OUTDIR [--max-bytes N] [--rebuild]

OUTDIR/articles/ receives the hostile files (OUTDIR/outside/ holds what its symbolic links
point at, outside the folder given to the rebuild) and OUTDIR/expected.json the outcome each
file should have: `skipped` with a reason, `cleaned` with a note, `indexed`, or `any` where the
outcome depends on the normaliser (only a crash is wrong). With --rebuild, runs the real
`newsindex rebuild articles` in OUTDIR on the index OUTDIR/index with NEWSINDEX_MAX_FILE_BYTES
set to --max-bytes, then prints one line per file and exits 1 if the build crashed or any
outcome differs. Some cases (a device node, a socket) need privileges or a short path; they are
left out, with a note, where the system refuses them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).parent / "newsindex"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

HOSTILE_RECORDS = [
    {
        "id": "hostile-fields",
        "title": "<script>alert('title')</script>Port strike <b>ends</b>",
        "byline": ["<img src=x onerror=alert('byline')>Ana Ruiz", "Tom Berg"],
        "dateline": "<svg/onload=alert('dateline')>ROTTERDAM",
        "source": "Example <b>Wire</b>",
        "publisher": "<a href=\"javascript:alert('publisher')\">Harbour Daily</a>",
        "url": "javascript:alert('url')",
        "date": "2024-06-02",
        "body": (
            "<p>Dock workers ended a strike on Sunday.</p><script>steal(document.cookie)</script>"
            '<p>Container traffic <iframe src="javascript:alert(1)"></iframe>returns to normal'
            " by Wednesday.</p><img src=x onerror=alert('body')>"
        ),
    },
    {
        "id": "legit-ampersands",
        "title": "AT&T says a < b for rates, and <Reuters> reports it",
        "source": "Example Wire",
        "url": "https://example.org/att?a=1&b=2",
        "body": "AT&T said on Monday that a < b and c > d, quoting the 3 < 4 rule for cocoa.",
    },
    {
        "id": "data-url",
        "title": "Data URL story",
        "url": "data:text/html,<script>alert(1)</script>",
        "body": "A story whose link is a data URL about cocoa.",
    },
    {"body": "<script>alert('only a script')</script>"},
    {
        "id": "not-text-fields",
        "title": {"nested": "object"},
        "byline": 42,
        "source": ["a", "list"],
        "body": "A story whose fields are not text, about cocoa.",
    },
    {"id": '"><svg onload=alert("id")>', "title": "Hostile id", "body": "An id made of markup."},
    {
        "id": "bidi-title",
        "title": "Invoice \u202egnp.exe\u202c cocoa",
        "body": "A title with a right-to-left override, about cocoa.",
    },
    {
        "id": "entity-markup",
        "title": "&lt;script&gt;alert(1)&lt;/script&gt; Cocoa <i>rises</i>",
        "body": "Entities that decode to markup, about cocoa.",
    },
]


def _write(path: Path, data: bytes | str) -> None:
    """Write bytes or UTF-8 text, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)


def make_corpus(out: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, dict[str, str]]:
    """Write the hostile folder under `out`; returns {label: {"outcome": …, "why": …}}."""
    arts = out / "articles"
    outside = out / "outside"
    if arts.exists() or outside.exists():
        shutil.rmtree(arts, ignore_errors=True)
        shutil.rmtree(outside, ignore_errors=True)
    arts.mkdir(parents=True)
    expected: dict[str, dict[str, str]] = {}
    rng = random.Random(6)

    def expect(name: str, outcome: str, why: str = "") -> None:
        """Record what should happen to `articles/name`."""
        expected[f"articles/{name}"] = {"outcome": outcome, "why": why}

    story = "Cocoa prices rose on Monday as traders worried about supply.\n\n"
    _write(arts / "plain.txt", "Cocoa climbs again\n\n" + story)
    expect("plain.txt", "indexed")
    _write(
        arts / "latin1.txt",
        "Café prices in Zürich\n\nCafé owners in Zürich raised prices.\n".encode("cp1252"),
    )
    expect("latin1.txt", "indexed", "decoded as windows-1252")
    _write(arts / "bom.txt", b"\xef\xbb\xbf" + ("BOM headline\n\n" + story).encode())
    expect("bom.txt", "indexed")
    _write(arts / "utf16.txt", ("UTF-16 headline\n\n" + story).encode("utf-16"))
    expect("utf16.txt", "indexed")
    _write(arts / "nul.txt", ("NUL headline\n\n" + story).replace("traders", "trad\x00ers"))
    expect("nul.txt", "indexed", "stray NUL removed")
    _write(arts / "binary.txt", bytes(rng.randrange(256) for _ in range(4096)) + b"\x00" * 512)
    expect("binary.txt", "skipped", "binary file")
    _write(arts / "controls.txt", "".join(chr(rng.randrange(1, 8)) for _ in range(2000)))
    expect("controls.txt", "skipped", "binary file")
    _write(arts / "huge.txt", "Huge\n\n" + "word " * (max_bytes // 5 + 1))
    expect("huge.txt", "skipped", f"larger than the {max_bytes} byte limit")
    _write(arts / "empty.txt", "")
    expect("empty.txt", "skipped", "")
    _write(arts / "spaces.txt", " \n\t\n  \n")
    expect("spaces.txt", "skipped", "")
    word = "x" * min(300_000, max_bytes // 2)
    _write(arts / "longword.json", json.dumps({"title": "One long word", "body": story + word}))
    expect("longword.json", "any", "a word as long as the file allows")
    _write(arts / "page.html", _hostile_page())
    expect("page.html", "any", "a saved page with scripts and handlers")
    _write(arts / "deep.html", "<html><body>" + "<div>" * 5_000 + "deep" + "</div>" * 5_000)
    expect("deep.html", "any", "5,000 nested elements")
    _write(arts / "deep-list.json", "[" * 30_000 + "]" * 30_000)
    expect("deep-list.json", "skipped", "")
    _write(arts / "deep-sidecar.txt", "Deep sidecar\n\n" + story)
    _write(arts / "deep-sidecar.json", "[" * 30_000 + "]" * 30_000)
    expect("deep-sidecar.txt", "indexed")
    expect("deep-sidecar.json", "skipped", "sidecar ignored")
    _write(arts / "invalid.json", '{"title": "cut off')
    expect("invalid.json", "skipped", "invalid JSON")
    _write(arts / "number.json", "42")
    expect("number.json", "skipped", "not an object")
    _write(arts / "hostile.json", json.dumps(HOSTILE_RECORDS))
    notes = {
        1: "HTML removed",
        2: "indexed",
        3: "url: dropped",
        4: "no article text",
        5: "indexed",
        6: "indexed",
        7: "indexed",
        8: "HTML removed",
    }
    for n, why in notes.items():
        label = f"hostile.json:{n}"
        if why == "indexed":
            expect(label, "indexed")
        elif why == "no article text":
            expect(label, "skipped", why)
        else:
            expect(label, "cleaned", why)
    dupes = [
        {"id": "dup-1", "title": "First copy", "body": "The first record with this id."},
        {"id": "dup-1", "title": "Second copy", "body": "The second record with this id."},
    ]
    _write(arts / "dupes.jsonl", "\n".join(json.dumps(d) for d in dupes) + "\nnot json\n")
    expect("dupes.jsonl:1", "indexed")
    expect("dupes.jsonl:2", "skipped", "duplicate id dup-1")
    expect("dupes.jsonl:3", "skipped", "invalid JSON line")
    flood = "<b>" * ((min(max_bytes, 200_000) // 2) // 3)
    _write(arts / "flood.json", json.dumps({"title": "Tag flood", "body": flood + " cocoa"}))
    expect("flood.json", "cleaned", "body: HTML removed (<b>)")
    _write(arts / "sidecar.txt", "Sidecar story\n\n" + story)
    _write(
        arts / "sidecar.json",
        json.dumps({"title": "<script>alert('sidecar')</script>Sidecar title"}),
    )
    expect("sidecar.txt", "cleaned", "title: HTML removed (<script>)")
    _write(arts / "csv" / "story.txt", "CSV story\n\n" + story)
    _write(
        arts / "csv" / "metadata.csv",
        'file,title,url\nstory.txt,"<img src=x onerror=alert(1)>CSV title",javascript:alert(1)\n',
    )
    expect("csv/story.txt", "cleaned", "url: dropped")
    _write(arts / "<img src=x onerror=alert('name')>.txt", "Markup in the file name\n\n" + story)
    expect("<img src=x onerror=alert('name')>.txt", "indexed")
    # Found by attacking newsindex (issue 18): each once broke a build, a page or the feed.
    odd = [
        {"title": "Lone surrogate \ud800 cocoa", "body": story},
        {"title": "Wire story", "source": "Wire\udc80", "body": story},
        {"title": "Non-character \uffff cocoa", "body": story},
        {"id": "../../etc/passwd", "title": "Climbing id", "body": story},
        {"id": "two\r\nlines", "title": "Broken id", "body": story},
    ]
    _write(arts / "odd.jsonl", "".join(json.dumps(o) + "\n" for o in odd))
    for n in (1, 2, 3):
        expect(f"odd.jsonl:{n}", "cleaned", "invalid character")
    for n in (4, 5):
        expect(f"odd.jsonl:{n}", "cleaned", "supplied id")
    _write(arts / "meta16" / "story.txt", "UTF-16 metadata\n\n" + story)
    _write(arts / "meta16" / "metadata.csv", b"\xff\xfeA")  # UTF-16 with a bad byte
    expect("meta16/metadata.csv", "skipped", "not valid UTF-16")
    attributes = " ".join(f'data-x{n}="{n}"' for n in range(2_000))
    _write(arts / "attributes.html", f"<html><body {attributes}><p>{story}</p></body></html>")
    expect("attributes.html", "skipped", "HTML tag with 2,000 attributes")
    deep = arts / "deep"
    for _ in range(300):  # below the depth at which shutil.rmtree itself fails
        deep = deep / "d"
    _write(deep / "bottom.txt", "Bottom\n\n" + story)
    expect("deep/" + "/".join(["d"] * 256), "skipped", "nested more than 256 levels")

    # Files that are not what they seem.
    _write(outside / "secret.txt", "Secret\n\nThis file lies outside the folder given.\n")
    os.symlink("../outside/secret.txt", arts / "leak.txt")
    expect("leak.txt", "skipped", "symbolic link leads outside the given folders")
    os.symlink(outside.resolve() / "secret.txt", arts / "abs-leak.txt")
    expect("abs-leak.txt", "skipped", "symbolic link leads outside the given folders")
    os.symlink("/", arts / "root-link")
    expect("root-link", "skipped", "linked folder not followed")
    os.symlink("plain.txt", arts / "zz-inside-link.txt")
    expect("zz-inside-link.txt", "skipped", "same file already reached by another path")
    os.symlink("missing.txt", arts / "dangling.txt")
    expect("dangling.txt", "skipped", "")
    os.symlink(".", arts / "loop")
    expect("loop", "skipped", "linked folder not followed")
    (arts / "nested").mkdir()
    os.symlink("..", arts / "nested" / "up")
    expect("nested/up", "skipped", "linked folder not followed")
    os.mkfifo(arts / "pipe.txt")
    expect("pipe.txt", "skipped", "not a regular file")
    try:
        os.mknod(arts / "device.txt", 0o600 | stat.S_IFCHR, os.makedev(1, 3))
        expect("device.txt", "skipped", "not a regular file")
    except OSError as exc:
        print(f"note: no device node ({exc.strerror})", file=sys.stderr)
    try:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(os.fspath(arts / "sock.txt"))
        expect("sock.txt", "skipped", "not a regular file")
    except OSError as exc:
        print(f"note: no socket file ({exc.strerror or exc})", file=sys.stderr)
    try:
        bad = os.fsencode(arts) + b"/bad-\xff\xfe.txt"
        with open(bad, "wb") as fh:
            fh.write(b"Bad name\n\nA file whose name is not UTF-8.\n")
        # The report shows the name's undecodable bytes as escapes.
        shown = os.fsdecode(b"bad-\xff\xfe.txt").encode("utf-8", "backslashreplace").decode()
        expect(shown, "skipped", "file name is not valid UTF-8")
    except OSError as exc:
        print(f"note: no undecodable file name ({exc.strerror})", file=sys.stderr)
    (out / "expected.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False))
    return expected


def _hostile_page() -> str:
    """A saved web page with script in every place a scraper might look."""
    return """<!doctype html><html><head>
<title>Harbour &lt;b&gt;news&lt;/b&gt;<script>alert('head-title')</script></title>
<meta property="og:title" content="<img src=x onerror=alert('og')>Harbour cranes upgraded">
<meta name="author" content="<script>alert('author')</script>Tom Berg">
<meta property="og:url" content="javascript:alert('og-url')">
<script>document.write('<h1>injected</h1>')</script>
</head><body onload="alert('body')">
<article><h1>Harbour cranes upgraded <img src=x onerror=alert('h1')></h1>
<p class="byline">By <a href="javascript:alert('by')">Tom Berg</a></p>
<p>The port authority has finished upgrading six container cranes at the eastern terminal,
which it says will cut waiting times for ships by a third.</p>
<p>The upgrade cost 40 million euros <svg onload=alert('svg')></svg> and took eighteen months,
during which the terminal worked at reduced capacity. Shipping lines welcomed the work.</p>
<iframe src="javascript:alert('frame')"></iframe>
</article></body></html>"""


def parse_report(stdout: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The `Skipped` and `Cleaned` sections of a rebuild report: {label: [reasons]} each."""
    sections: dict[str, dict[str, list[str]]] = {"Skipped": {}, "Cleaned": {}}
    current = None
    for line in stdout.splitlines():
        head = line.split(" ", 1)[0]
        if head in sections and line.endswith(":"):
            current = sections[head]
        elif line.startswith("  ") and current is not None:
            label, _, reason = line[2:].partition(": ")
            # Labels hold no ": " but JSONL ones end in ":N"; a reason may hold ": " itself.
            current.setdefault(label, []).append(reason)
        else:
            current = None
    return sections["Skipped"], sections["Cleaned"]


def _find(section: dict[str, list[str]], label: str) -> list[str]:
    """Reasons given for a label (the report may show a label with more after a colon)."""
    return section.get(label, [])


def check(expected: dict[str, dict[str, str]], stdout: str) -> list[tuple[str, str, str, bool]]:
    """Compare a rebuild report with the expected outcomes: (label, wanted, got, ok) rows."""
    skipped, cleaned = parse_report(stdout)
    rows = []
    for label, want in expected.items():
        reasons, notes = _find(skipped, label), _find(cleaned, label)
        got = "skipped" if reasons else "cleaned" if notes else "indexed"
        shown = "; ".join(reasons or notes)
        outcome, why = want["outcome"], want["why"]
        if outcome == "any":
            ok = True
        elif outcome == "skipped":
            ok = got == "skipped" and any(why in r for r in reasons)
        elif outcome == "cleaned":
            ok = got == "cleaned" and any(why in n for n in notes)
        else:
            ok = got in ("indexed", "cleaned")
        rows.append((label, f"{outcome} {why}".strip(), f"{got}: {shown}" if shown else got, ok))
    return rows


def rebuild(
    out: Path, max_bytes: int, index_dir: Path | None = None
) -> subprocess.CompletedProcess:
    """Run the real `newsindex rebuild articles` in `out`."""
    env = {
        **os.environ,
        "NEWSINDEX_INDEX_DIR": os.fspath(index_dir or out / "index"),
        "NEWSINDEX_MAX_FILE_BYTES": str(max_bytes),
    }
    return subprocess.run(
        [os.fspath(SCRIPT), "rebuild", "articles"],
        cwd=out,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def main(argv: list[str] | None = None) -> int:
    """Write the corpus; with --rebuild, index it and report each file's outcome."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES)
    parser.add_argument("--rebuild", action="store_true", help="rebuild and check the outcomes")
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    expected = make_corpus(args.outdir, args.max_bytes)
    print(f"Wrote {len(expected)} hostile inputs to {args.outdir / 'articles'}")
    if not args.rebuild:
        return 0
    started = time.perf_counter()
    done = rebuild(args.outdir, args.max_bytes)
    took = time.perf_counter() - started
    crashed = done.returncode != 0 or "Traceback" in done.stderr
    print(f"rebuild exit {done.returncode} in {took:.1f} s; crashed: {'yes' if crashed else 'no'}")
    if crashed:
        print(done.stdout[-2000:], done.stderr[-4000:], sep="\n")
        return 1
    rows = check(expected, done.stdout)
    width = max(len(r[0]) for r in rows)
    for label, want, got, ok in rows:
        print(f"{'ok ' if ok else 'BAD'} {label:<{width}}  want {want:<45}  got {got[:110]}")
    bad = sum(not r[3] for r in rows)
    summary = done.stdout.splitlines()[0] if done.stdout else ""
    print(f"{len(rows)} inputs, {bad} unexpected outcomes, 0 crashes. {summary}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
