"""Measure CJK segmentation for the title/body analyzer, and its cost on English-only text.

Usage: .venv/bin/python bench/cjk.py CORPORA_DIR [--runs 3] [--repeat 200]

Part 1 indexes a small Chinese test set written for this bench (below) into real Whoosh indexes,
once with overlapping character bigrams (`indexer.backends.analysis.cjk_bigrams`, as Lucene's
CJKAnalyzer) and once with jieba's word segmentation, runs the queries through the query parser
with `CJKPhrasePlugin`, and reports recall and precision against hand-made relevance labels.
The set holds the usual traps of both methods: words inside longer dictionary words (长江 in
长江大桥, 北京 in 北京大学), which word segmentation misses, and character sequences that
straddle two words (和服 in 我们和服务员, 中国 in 发展中国家), which bigrams wrongly match.
A third row shows bigrams without the plugin (units ANDed instead of a phrase).

Part 2 times the analysers on Chinese text (CPU time, median of --runs) and jieba's dictionary
load. Part 3 indexes the BBC corpus (`CORPORA_DIR/bbc/<category>/NNN.txt`: title line, then
body; read in place, never copied) into a temporary Whoosh index with title and body fields, with
today's `StemmingAnalyzer(cachesize=100_000)` and with `text_analyzer()`, alternating, and
prints the median CPU and wall time of --runs runs and the slowdown. CPU time is the figure to
trust on a shared machine: other processes stretch wall time but not the process's CPU time.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from whoosh import fields, index, qparser  # noqa: E402
from whoosh.analysis import Analyzer, StemmingAnalyzer  # noqa: E402

from indexer.backends.analysis import cjk_bigrams, text_analyzer
from indexer.backends.whoosh.cjkphrase import CJKPhrasePlugin  # noqa: E402

# jieba 0.42.1 (2020) has invalid escape sequences in its regexes (a SyntaxWarning on Python
# 3.12+, DeprecationWarning before, raised when no .pyc exists yet) and imports pkg_resources,
# which newer setuptools deprecate. Neither matters here; the bench is the only user of jieba.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    warnings.simplefilter("ignore", SyntaxWarning)
    try:
        import jieba
    except ImportError:  # pragma: no cover - the bench says how to get it
        jieba = None

# Short Chinese articles written for this bench (id -> text).
DOCS: dict[str, str] = {
    "d01": "大批美国用户涌入小红书，自称“TikTok难民”。小红书上的中国网友热情欢迎他们。",
    "d02": "字节跳动旗下的TikTok在美国面临禁令，许多用户开始寻找替代平台。",
    "d03": "抖音是字节跳动在中国推出的短视频应用，与TikTok并不相同。",
    "d04": "小红的书包是红色的，妈妈还给她买了一个红书包。",
    "d05": "南京市长江大桥是长江上第一座由中国自行设计建造的铁路公路两用桥。",
    "d06": "市长在会上表示，南京市将继续改善公共交通。",
    "d07": "发展中国家的代表在会议上呼吁加强合作。",
    "d08": "中国外交部发言人表示，欢迎美国网友了解真实的中国。",
    "d09": "她穿着和服参加了东京的新年活动。",
    "d10": "我们和服务员聊了很久，这家餐厅的服务很好。",
    "d11": "北京大学的研究生正在研究生命科学。",
    "d12": "北京今天天气晴朗，最高气温五度。",
    "d13": "微信和微博上，很多网友讨论了美国用户的到来。",
    "d14": "人民日报报道，中华人民共和国成立七十五周年的庆祝活动在北京举行。",
    "d15": "乒乓球拍卖完了，商店明天会再进货。",
    "d16": "这家拍卖行上周拍卖了一幅古画。",
    "d17": "马斯克表示，他对收购TikTok美国业务不感兴趣。",
    "d18": "习近平主席在北京会见了美国代表团。",
    "d19": "很多美国网友在小红书发帖学习中文。",
    "d20": "上海的咖啡馆越来越多，年轻人喜欢在周末去喝咖啡。",
    "d21": "结婚的和尚未结婚的员工都可以参加这次旅行。",
    "d22": "寺庙里的和尚每天早上五点起床念经。",
    "d23": "美国会通过新的法案吗？分析人士认为可能性不大。",
    "d24": "美国国会参议院周三通过了一项法案。",
}

# Query -> the articles a reader would want (by meaning, not by characters).
QUERIES: dict[str, set[str]] = {
    "小红书": {"d01", "d19"},
    "TikTok难民": {"d01"},
    "字节跳动": {"d02", "d03"},
    "抖音": {"d03"},
    "长江": {"d05"},
    "长江大桥": {"d05"},
    "大桥": {"d05"},
    "南京": {"d05", "d06"},
    "市长": {"d06"},
    "中国": {"d01", "d03", "d05", "d08"},
    "国家": {"d07"},
    "和服": {"d09"},
    "服务": {"d10"},
    "研究生": {"d11"},
    "生命": {"d11"},
    "北京": {"d11", "d12", "d14", "d18"},
    "天气": {"d12"},
    "微博": {"d13"},
    "微信": {"d13"},
    "人民": {"d14"},
    "共和国": {"d14"},
    "球拍": {"d15"},
    "拍卖": {"d16"},
    "马斯克": {"d17"},
    "习近平": {"d18"},
    "网友": {"d01", "d08", "d13", "d19"},
    "和尚": {"d22"},
    "结婚": {"d21"},
    "国会": {"d24"},
    "美国": {"d01", "d02", "d08", "d13", "d17", "d18", "d19", "d23", "d24"},
    "咖啡": {"d20"},
    "代表团": {"d18"},
    "用户": {"d01", "d02", "d13"},
    "发帖": {"d19"},
    "美国网友": {"d08", "d19"},
}


def jieba_words(run: str) -> Iterator[tuple[str, int, int]]:
    """jieba's words of a CJK run, with their offsets (default mode, HMM for unknown words)."""
    yield from jieba.tokenize(run)


def _schema(analyzer: Analyzer) -> fields.Schema:
    """The test schema: an id and one analysed, stored body."""
    return fields.Schema(
        id=fields.ID(stored=True), body=fields.TEXT(analyzer=analyzer, stored=True)
    )


def recall_row(name: str, analyzer: Analyzer, phrases: bool) -> tuple[float, float, list[str]]:
    """Index DOCS with the analyzer and run QUERIES: (recall, precision, notes on misses)."""
    with tempfile.TemporaryDirectory() as tmp:
        ix = index.create_in(tmp, _schema(analyzer))
        with ix.writer() as writer:
            for doc_id, text in DOCS.items():
                writer.add_document(id=doc_id, body=text)
        parser = qparser.QueryParser("body", ix.schema, group=qparser.AndGroup)
        if phrases:
            parser.add_plugin(CJKPhrasePlugin())
        found_relevant = relevant = found = 0
        notes = []
        with ix.searcher() as searcher:
            for text, wanted in QUERIES.items():
                got = {hit["id"] for hit in searcher.search(parser.parse(text), limit=None)}
                found_relevant += len(got & wanted)
                relevant += len(wanted)
                found += len(got)
                missed, extra = sorted(wanted - got), sorted(got - wanted)
                if missed or extra:
                    words = "/".join(t.text for t in analyzer(text))
                    notes.append(f"{text} ({words}): missed {missed or '-'}, wrong {extra or '-'}")
        ix.close()
    return found_relevant / relevant, found_relevant / max(found, 1), notes


def cpu_median(work: Callable[[], object], runs: int) -> float:
    """Median CPU seconds of running `work` several times."""
    times = []
    for _ in range(runs):
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return statistics.median(times)


def analyse_all(analyzer: Analyzer, texts: Iterable[str]) -> int:
    """Run the analyzer over every text as the indexer does; the number of tokens."""
    count = 0
    for text in texts:
        for _ in analyzer(text, positions=True):
            count += 1
    return count


def read_bbc(corpora: Path) -> list[tuple[str, str, str]]:
    """BBC articles as (id, title, body), read in place."""
    articles = []
    for path in sorted((corpora / "bbc").glob("*/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        title, _, body = text.strip().partition("\n")
        articles.append((f"{path.parent.name}/{path.stem}", title.strip(), body.strip()))
    return articles


def index_bbc(articles: list[tuple[str, str, str]], analyzer: Analyzer) -> tuple[float, float]:
    """Index the articles into a fresh temporary Whoosh index: (CPU seconds, wall seconds)."""
    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=analyzer, stored=True, field_boost=2.0),
        body=fields.TEXT(analyzer=analyzer, stored=True),
    )
    with tempfile.TemporaryDirectory() as tmp:
        cpu, wall = time.process_time(), time.perf_counter()
        ix = index.create_in(tmp, schema)
        writer = ix.writer(limitmb=256)
        for article_id, title, body in articles:
            writer.add_document(id=article_id, title=title, body=body)
        writer.commit()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        ix.close()
    return cpu, wall


def main(argv: list[str] | None = None) -> int:
    """Run the three measurements and print the figures."""
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("corpora", type=Path, help="folder holding bbc/<category>/NNN.txt")
    args.add_argument("--runs", type=int, default=3, help="timed runs per figure (median)")
    args.add_argument("--repeat", type=int, default=200, help="copies of the Chinese set to time")
    opts = args.parse_args(argv)
    if jieba is None:
        print("jieba is not installed: .venv/bin/pip install jieba==0.42.1", file=sys.stderr)
        return 1
    if not (opts.corpora / "bbc").is_dir():
        print(f"{opts.corpora}/bbc not found", file=sys.stderr)
        return 1
    jieba.setLogLevel(logging.WARNING)
    cpu, wall = time.process_time(), time.perf_counter()
    jieba.initialize()
    load_cpu, load_wall = time.process_time() - cpu, time.perf_counter() - wall

    bigram, word = text_analyzer(cjk_bigrams), text_analyzer(jieba_words)
    print(f"1. Recall on {len(DOCS)} Chinese articles, {len(QUERIES)} queries", end="")
    print(f" ({sum(map(len, QUERIES.values()))} relevant pairs)")
    rows = [
        ("bigrams + CJKPhrasePlugin", bigram, True),
        ("jieba + CJKPhrasePlugin", word, True),
        ("bigrams, units ANDed", bigram, False),
    ]
    for name, analyzer, phrases in rows:
        recall, precision, notes = recall_row(name, analyzer, phrases)
        print(f"   {name:28} recall {recall:6.1%}  precision {precision:6.1%}")
        for note in notes:
            print(f"      {note}")

    texts = list(DOCS.values()) * opts.repeat
    chars = sum(map(len, texts))
    print(f"2. Chinese analysis speed ({chars:,} characters, CPU median of {opts.runs})")
    for name, analyzer in (("bigrams", bigram), ("jieba", word)):
        seconds = cpu_median(lambda a=analyzer: analyse_all(a, texts), opts.runs)
        tokens = analyse_all(analyzer, texts)
        rate = chars / seconds / 1000
        print(f"   {name:8} {seconds:6.3f} s  {rate:8.0f} k chars/s  {tokens:,} tokens")
    print(f"   jieba dictionary load (per process): CPU {load_cpu:.2f} s, wall {load_wall:.2f} s")

    articles = read_bbc(opts.corpora)
    size = sum(len(t) + len(b) for _, t, b in articles)
    print(f"3. Indexing {len(articles)} BBC articles ({size:,} characters), median of {opts.runs}")
    before: list[tuple[float, float]] = []
    after: list[tuple[float, float]] = []
    for _ in range(opts.runs):  # alternate, so drifting load hits both alike
        before.append(index_bbc(articles, StemmingAnalyzer(cachesize=100_000)))
        after.append(index_bbc(articles, text_analyzer()))
    for name, runs in (("StemmingAnalyzer", before), ("text_analyzer", after)):
        cpu = statistics.median(c for c, _ in runs)
        wall = statistics.median(w for _, w in runs)
        print(f"   {name:17} CPU {cpu:6.2f} s   wall {wall:6.2f} s")
    cpu_before = statistics.median(c for c, _ in before)
    cpu_after = statistics.median(c for c, _ in after)
    wall_before = statistics.median(w for _, w in before)
    wall_after = statistics.median(w for _, w in after)
    cpu_change, wall_change = cpu_after / cpu_before - 1, wall_after / wall_before - 1
    print(f"   slowdown: CPU {cpu_change:+.1%}, wall {wall_change:+.1%} (goal: at most +10%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
