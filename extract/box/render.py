"""Keyword-box renderers: Markdown, self-contained HTML, JSON and plain text."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from extract.box.examples import QUOTE_LIMIT
from glossary import latin_plurals

if TYPE_CHECKING:
    # Type-only: the model imports this module to render itself.
    from extract.box.model import BoxEntry, KeywordBox

__all__ = ["FORMATS", "K_OF_N", "render"]

FORMATS = ("markdown", "html", "json", "text")
#: What "k / N" before each example means, said in every output (``k_of_n`` in JSON).
K_OF_N = "k / N: N = 이 용어가 나온 문장 수(캡션·제목 등 인용할 수 없는 문장 제외), k = 보여 준 예문의 순번"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
_MAX_SYNONYMS = 8
#: Heading of the terms from the coverage around an article (``build_box(corpus=...)``).
_RELATED = "관련 키워드"


def _md(s: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", s)


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _synonyms(entry: BoxEntry) -> list[str]:
    # A form that is only the English plural of one already shown adds nothing for a
    # reader (Remaining Performance Obligation/Obligations); case variants do stay. Nor
    # do numbered instances, forms that differ only in their leading number (4나노,
    # 12나노 of 공정 노드; 1기 신도시, 2기 신도시): the tagger needs them, a reader does not.
    # A lone numbered form is another name (6시그마, 2금융권) and stays.
    unnumbered = {f: _NUMBER.sub("", f, count=1) for f in entry.synonyms if _NUMBER.match(f)}
    series = Counter(unnumbered.values())
    shown: list[str] = []
    seen: set[str] = {entry.term}
    for form in entry.synonyms:
        if form in seen or any(p in seen for p in latin_plurals(form)):
            continue
        if form in unnumbered and series[unnumbered[form]] > 1:
            continue
        shown.append(form)
        seen.add(form)
        seen.update(latin_plurals(form))
        if len(shown) == _MAX_SYNONYMS:
            break
    return shown


def _attribution(entry: BoxEntry) -> str:
    ex = entry.example
    if ex is None:
        return ""
    parts = [p for p in (ex.source, ex.date.isoformat() if ex.date else None) if p]
    return f" ({', '.join(parts)})" if parts else ""


def _span(dates: tuple[Any, Any]) -> str:
    first, last = dates
    return first.isoformat() if first == last else f"{first.isoformat()} ~ {last.isoformat()}"


def _footer(box: KeywordBox) -> str:
    if box.rank == "trending" and box.window:
        # Counts are the window's; name both periods, so "3건 → 41건" can be read.
        parts = [
            f"상승 기준 {box.window[0].isoformat()} ~ {box.window[1].isoformat()}: "
            f"문서 {box.n_documents:,}건, 언급 {box.n_mentions:,}회",
            f"비교 기간 {_span(box.baseline)}: 문서 {box.baseline_documents or 0:,}건"
            if box.baseline
            else "비교 기간 없음",
        ]
    else:
        parts = [f"문서 {box.n_documents:,}건", f"언급 {box.n_mentions:,}회"]
        if box.date_from and box.date_to:
            parts.append(_span((box.date_from, box.date_to)))
    if box.corpus_documents is not None:
        parts.append(f"예문·관련 키워드: 함께 읽은 기사 {box.corpus_documents:,}건")
    if box.glossary:
        parts.append(f"{box.glossary} {box.glossary_version}".strip())
    return " · ".join(parts)


def _rise(entry: BoxEntry) -> str:
    return f"문서 {entry.rise}" if entry.rise else ""


def _entry_lines(entry: BoxEntry, *, markdown: bool, width: int) -> list[str]:
    esc = _md if markdown else (lambda s: s)
    out = []
    head = f"**{esc(entry.term)}**" if markdown else entry.term
    syn = _synonyms(entry)
    if syn:
        head += f" ({', '.join(esc(s) for s in syn)})"
    out.append(f"- {head}:" if entry.definition or entry.example else f"- {head}")
    if entry.rise:
        out.append(f"  {esc(_rise(entry))}")
    if entry.definition:
        out.append(f"  {esc(entry.definition)}")
    ex = entry.example
    if ex is not None:
        text, _, _ = ex.snippet(width=width)
        out.append(
            f'  {entry.chosen + 1} / {entry.n_examples} "{esc(text)}"{esc(_attribution(entry))}'
        )
    out.append("")
    return out


def _empty_line(box: KeywordBox) -> str:
    if box.rank == "trending" and box.window:
        return "(이 기간에 언급이 늘어난 용어가 없습니다.)"
    where = "이 기사에서" if box.n_documents == 1 else "이 문서들에서"
    # An explain box leaves out everyday terms on purpose, so it must not claim none was found.
    what = "설명이 필요한 용어를" if box.rank == "explain" else "용어집에 있는 용어를"
    return f"({where} {what} 찾지 못했습니다.)"


def _lines(box: KeywordBox, *, markdown: bool, width: int) -> str:
    esc = _md if markdown else (lambda s: s)
    out = [f"### {box.title}" if markdown else box.title, ""]
    if not box.entries:
        out.append(_empty_line(box))
        out.append("")
    for entry in box.entries:
        out.extend(_entry_lines(entry, markdown=markdown, width=width))
    if box.related:
        out.extend([f"#### {_RELATED}" if markdown else _RELATED, ""])
        for entry in box.related:
            out.extend(_entry_lines(entry, markdown=markdown, width=width))
    footer = _footer(box)
    out.append(f"_{esc(footer)}_" if markdown else footer)
    if any(entry.example is not None for entry in box.entries):
        out.append(f"_{esc(K_OF_N)}_" if markdown else K_OF_N)
    return "\n".join(out) + "\n"


_CSS = """
.kotrend-box{font-family:"Noto Sans KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif;
max-width:42rem;border-top:3px solid #1a1a1a;border-bottom:1px solid #1a1a1a;padding:.5rem 0;
color:#1a1a1a;line-height:1.55}
.kotrend-box h2{font-size:1.05rem;margin:.2rem 0 .6rem;letter-spacing:.02em}
.kotrend-box ol{list-style:none;margin:0;padding:0}
.kotrend-box li{margin:0 0 .9rem}
.kt-term{font-weight:700}.kt-syn{font-weight:400;color:#555}
.kt-def{margin:.1rem 0 .2rem}
.kt-example{margin:0;color:#333}.kt-k{font-variant-numeric:tabular-nums;color:#777;margin-right:.4em}
.kt-example mark{background:#fff2a8;padding:0 .1em}
.kt-cite{color:#777;font-size:.85em}
.kt-footer{color:#777;font-size:.8rem;margin-top:.3rem}
""".strip()
# Only pages that show a rise or related terms carry these rules.
_CSS_EXTRA = """
.kt-rise{margin:0;color:#b3261e;font-size:.85em;font-variant-numeric:tabular-nums}
.kotrend-box h3{font-size:.95rem;margin:.8rem 0 .4rem}
""".strip()


def _html_entry(entry: BoxEntry, width: int) -> str:
    e = html.escape
    syn = _synonyms(entry)
    parts = [
        f'<li class="kt-entry" data-term-id="{e(entry.term_id)}"'
        f' data-mentions="{entry.mentions}" data-documents="{entry.documents}">',
        f'<div class="kt-term">{e(entry.term)}'
        + (f' <span class="kt-syn">({e(", ".join(syn))})</span>' if syn else "")
        + "</div>",
    ]
    if entry.rise:
        parts.append(f'<p class="kt-rise">{e(_rise(entry))}</p>')
    if entry.definition:
        parts.append(f'<p class="kt-def">{e(entry.definition)}</p>')
    ex = entry.example
    if ex is not None:
        text, s, t = ex.snippet(width=width)
        quote = f"{e(text[:s])}<mark>{e(text[s:t])}</mark>{e(text[t:])}"
        cite = _attribution(entry).strip(" ()")
        parts.append(
            f'<p class="kt-example"><span class="kt-k">{entry.chosen + 1} / {entry.n_examples}</span>'
            f"“{quote}”" + (f' <span class="kt-cite">{e(cite)}</span>' if cite else "") + "</p>"
        )
    parts.append("</li>")
    return "\n".join(parts)


def _html(box: KeywordBox, *, width: int, fragment: bool) -> str:
    e = html.escape
    body = "\n".join(
        [
            '<section class="kotrend-box">',
            f"<h2>{e(box.title)}</h2>",
            "<ol>",
            *(_html_entry(x, width) for x in box.entries),
            "</ol>",
            *(
                [
                    f'<h3 class="kt-related">{e(_RELATED)}</h3>',
                    '<ol class="kt-related">',
                    *(_html_entry(x, width) for x in box.related),
                    "</ol>",
                ]
                if box.related
                else []
            ),
            f'<p class="kt-footer">{e(_footer(box))}</p>',
            *(
                [f'<p class="kt-footer kt-k-of-n">{e(K_OF_N)}</p>']
                if any(x.example is not None for x in box.entries)
                else []
            ),
            "</section>",
        ]
    )
    if fragment:
        return body + "\n"
    css = _CSS
    if box.related or any(x.rise for x in box.entries):
        css += "\n" + _CSS_EXTRA
    return (
        '<!DOCTYPE html>\n<html lang="ko">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(box.title)}</title>\n<style>\n{css}\n</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


def render(
    box: KeywordBox, fmt: str = "markdown", *, width: int = QUOTE_LIMIT, **kwargs: Any
) -> str:
    """Render ``box`` as ``fmt``.

    Parameters
    ----------
    box : KeywordBox
    fmt : {"markdown", "html", "json", "text"}
    width : int
        Longest example quoted whole; a longer one is cut at a clause (see
        :func:`extract.box.examples.quote`).
    fragment : bool, optional
        HTML only: return the ``<section>`` alone, without a page around it.
    """
    fmt = {"md": "markdown", "txt": "text", "htm": "html"}.get(fmt, fmt)
    if fmt == "markdown":
        return _lines(box, markdown=True, width=width)
    if fmt == "text":
        return _lines(box, markdown=False, width=width)
    if fmt == "html":
        return _html(box, width=width, fragment=bool(kwargs.get("fragment", False)))
    if fmt == "json":
        return json.dumps(box.to_dict(width=width), ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"`fmt` should be one of {FORMATS}, but got {fmt!r}")
