"""Choosing example sentences an editor would quote."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from corpus.korean import HANGUL_SYLLABLES, QUOTING_ENDINGS

__all__ = [
    "CONTEXT_REASONS",
    "NO_PREDICATE",
    "NO_SUBJECT",
    "POINTS_BACK",
    "QUOTE_LIMIT",
    "example_score",
    "is_boilerplate",
    "is_caption",
    "is_junk_sentence",
    "lead_marker",
    "list_marker",
    "names",
    "needs_context",
    "quote",
    "snippet",
]

# A Korean name of a place or person (in datelines and bylines).
_NAME = f"[{HANGUL_SYLLABLES}]"
_JUNK = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+"  # e-mail
    r"|https?://|www\."
    r"|[ⓒ©]|무단\s*전재|재배포\s*금지|저작권자|All rights reserved"
    r"|^\s*[\[(〔【]?\s*(사진|그래픽|자료|영상|이미지)\s*[=:제]"  # photo / graphic credit
    r"|\(\s*(사진|자료|그래픽)\s*(제공)?\s*[=:]"
    r"|/\s*(사진|자료|그래픽)\s*=|^\s*사진은\s"  # "…팀장./사진=한빛은행 제공", "사진은 …"
    r"|[(\[]" + _NAME + r"{2,6}\s*=\s*[^()\[\]\s]{2,12}[)\]]"  # dateline: (서울=한빛뉴스)
    r"|[\[(][^\[\]()]{0,20}(기자|특파원)[\])]"  # byline in brackets: [한빛경제 홍길동 기자]
    r"|^\s*[▲△▶▷■□◆◇●○※☞]"  # caption and list bullets
    r"|^" + _NAME + r"{2,4}\s*(기자|특파원|선임기자|객원기자)\s*$"  # byline alone
    r"|" + _NAME + r"{2,4}\s*(기자|특파원)\s*=|=\s*" + _NAME + r"{2,4}\s*(기자|특파원)",
    re.IGNORECASE,
)
# A list item's marker: "- ", "* ", "1. ", "2) ", "① ", a symbol bullet (ㅇ ○ ＊ •), a
# report's "ㅁ ", or a dash glued to the item's first word ("-우리 나라는", "-「…법」"; not
# a minus sign: "-1.1% 역성장").
_LIST_MARK = re.compile(
    r"(?:[-–—－*]\s+|[-–—－](?=[" + HANGUL_SYLLABLES + r"「『“‘\"'(\[<])"
    r"|[＊•○◦ㅇ▪·∙]\s*|ㅁ\s+|\d{1,2}[.)]\s+|[①-⑳]\s*)(?=\S)"
)
_SENT_END = re.compile(r"(다|요|죠|음|함|됨)[.!?]?[\"'”’)\]]*$|[.!?。][\"'”’)\]]*$")
_WS = re.compile(r"\s+")

#: Sentences shorter or longer than this are not offered as examples.
MIN_CHARS, MAX_CHARS = 15, 320


def is_junk_sentence(sentence: str) -> bool:
    """True for bylines, e-mail addresses, URLs, photo captions and copyright lines,
    and for sentences too short or too long to quote.

    Examples
    --------
    >>> is_junk_sentence("홍길동 기자 gildong@example.com")
    True
    >>> is_junk_sentence("하이퍼스케일러들은 올해 자본 지출을 40% 늘릴 계획이다.")
    False
    """
    s = sentence.strip()
    if not MIN_CHARS <= len(s) <= MAX_CHARS:
        return True
    return is_boilerplate(s)


# A photo credit right after a sentence makes it a caption: a wire credit ("[한빛뉴스
# 자료사진]", "(사진 제공)"), or "(사진=…)" that ends the line (one that goes on
# introduces the caption after it: "[사진=한빛 DB] 데이터센터 전경").
_CREDIT_AFTER = re.compile(
    r"\s*(?:[\[(【〔][^=\[\]()【】〔〕]{0,40}(?:사진|제공|캡처|촬영|금지)[^=\[\]()【】〔〕]{0,20}[\])】〕]"
    r"|[\[(][^\[\]()]{0,30}(?:사진|제공)[^\[\]()]{0,30}[\])][ \t]*(?:\n|$)|/\s*사진\s*=)"
    # A bare credit that ends the caption's line: an agency ("… 걸려 있다. 한빛뉴스"), or
    # a source "… 제공" ("위치도. 한빛시 제공"). One to three short words with no stop,
    # bracket or e-mail; not a reporter's byline, which ends a story's last sentence.
    r"|[ \t]+(?![^\n]*(?:기자|특파원|논설위원|칼럼니스트)[ \t]*(?:\n|$))"
    r"[^\s.!?。\[\]()@]{2,12}(?:[ \t][^\s.!?。\[\]()@]{1,12}){0,2}[ \t]*\n"
)


def is_caption(following: str) -> bool:
    """True when the text ``following`` a sentence (on its line or the next) opens
    with a photo credit, which makes the sentence a caption ("… 기자회견을 하고 있다.
    [한빛뉴스 자료사진]").

    Examples
    --------
    >>> is_caption(" [한빛뉴스 자료사진. 재배포 금지] (서울=한빛뉴스) …"), is_caption(" 금리는 올랐다.")
    (True, False)
    >>> is_caption(chr(10) + "(사진=한빛전자 제공)"), is_caption(" [사진=한빛경제 DB] 데이터센터 전경")
    (True, False)
    """
    return bool(_CREDIT_AFTER.match(following))


def is_boilerplate(sentence: str) -> bool:
    """True for bylines, e-mail addresses, URLs, photo captions and copyright lines.

    Examples
    --------
    >>> is_boilerplate("ⓒ 한빛경제, 무단 전재 및 재배포 금지"), is_boilerplate("금리가 올랐다.")
    (True, False)
    """
    return bool(_JUNK.search(sentence.strip()))


def list_marker(sentence: str) -> int:
    """Length of the list marker ``sentence`` starts with (0 if none), to quote without it.

    Examples
    --------
    >>> [list_marker(s) for s in ("- 수출이 늘었음.", "ㅇ 금리 동결", "-1.1% 역성장", "금리")]
    [2, 2, 0, 0]
    """
    m = _LIST_MARK.match(sentence)
    return m.end() if m else 0


# A bracketed tag before the sentence proper: a series or column name ("[이런국장
# 저런주식]", "[차이나 워치]"), a section label ("[배경]", "(현황)", "<시사점>"). Quoted
# without it; up to two in a row ("[이슈] (현황) …").
_LEAD_TAG = re.compile(
    r"(?:[\[【〔<〈《]\s*[^\[\]【】〔〕<>〈〉《》\n]{1,20}[\]】〕>〉》]"
    # A label in round brackets ("(현황)", "(국내외 생성형 AI 동향)", "(16대 분야별 재원
    # 배분 현황)", "(주택시장 특징①)"), not a name glued to its particle ("(한빛전자)는").
    + r"|\((?=[^()]*["
    + HANGUL_SYLLABLES
    + r"]{2})["
    + HANGUL_SYLLABLES
    + r"0-9](?:["
    + HANGUL_SYLLABLES
    + r"0-9A-Za-z·\s]{0,22}["
    + HANGUL_SYLLABLES
    + r"①-⑳])\)(?=\s))\s*"
)
# Two or more enumerators: a list squeezed into one line ("(시사점) (1)…(2)…", "①…②…").
_ENUMERATED = re.compile(
    r"(?:\(\s*\d{1,2}\s*\)|[①-⑳]|(?<![\d.])\d{1,2}\)).*?(?:\(\s*\d{1,2}\s*\)|[①-⑳]|(?<![\d.])\d{1,2}\))"
)
# Words that point back to an earlier sentence: such a sentence does not stand alone, and
# an editor would not print it (이는 …, 이처럼 …, 그는 …).
_DANGLING = re.compile(
    r"(?:이는|이에(?! 따라)|이를|이와|이로|이같은|이 같은|이런|이러한|이처럼|이 때문에|그러면서|그는|그녀는|"
    r"해당|이외에도|이 밖에도|이밖에도|여기에|당시|그 결과|이로써|이후|이번(?! ?(?:주|달|해|분기|회의)))"
    r"(?=[\s,]|$)"
)
# Endings that explain or finish the sentence before ("…을 우려해서다", "…때문이다", "…셈이다",
# "…덕분이다"; a report's bullet says it in the noun form, "…때문임").
_EXPLAINS_BEFORE = re.compile(
    r"(?:(?:서|때문이|차원이|셈이|탓이|까닭이|덕분이|덕택이)다|(?:때문|차원|셈|탓|까닭|덕분|덕택)임)"
    r"[.!]?[\"'”’)\]]*$"
)
# Endings that report what someone said, named in an earlier sentence ("…라는 설명이다").
_REPORTED = re.compile(r"(?:설명|지적|경고|얘기|주장|입장)(?:이)?다[.!]?[\"'”’)\]]*$")
# Connectives that only tie a sentence to the one before: quoted without them, the
# sentence stands alone ("다만 인플레이션 …" is quoted "인플레이션 …").
_CONNECTIVE = re.compile(
    r"(?:그러나|하지만|그런데|그래서|그리고|따라서|또한|또|한편|반면|반면에|게다가|아울러|다만|결국|"
    r"그럼에도|그럼에도 불구하고|동시에|특히|이에 따라|이에 따라서|실제로|물론|"
    # "for example": the sentence illustrates the one before, and stands alone without it
    r"일례로|예컨대|예를 들어|예를 들면|가령|이를테면)\s*,?\s+"
)
# A photo caption glued before the sentence, ending in its credit: "본사 전경[연합뉴스
# 자료사진] 삼성전자가 …" is quoted from "삼성전자가".
_CAPTION_LEAD = re.compile(
    r"[^\[\]]{0,60}[\[(][^\[\]()]{0,20}(?:사진|제공|캡처)[\])]\s*"
    # "중국 업체의 D램./한빛반도체 반면 …": a caption, its credit after a slash, then the
    # sentence (the source has no line break, so the splitter sees one sentence).
    r"|[^\n/]{0,80}?[.]\s?/\s?(?:(?:사진|그래픽|자료)\s?=\s?\S{1,20}(?:\s제공)?|[^\s/=]{1,20})\s+"
)
# A story's dateline and byline before its lead sentence ("(서울=한빛뉴스) 홍길동 기자 =
# …", "[한빛경제 홍길동 기자] …"), after at most a subtitle glued to it: the lead sentence
# is quoted from its first word.
_DATELINE_LEAD = re.compile(
    r"(?:[(\[]\s*"
    + _NAME
    + r"{2,6}\s*=\s*[^()\[\]\s]{2,12}\s*[)\]]\s*(?:"
    + _NAME
    + r"{2,4}\s*(?:기자|특파원|선임기자|객원기자)\s*=\s*)?"
    + r"|.{0,120}?[(\[]\s*"
    + _NAME
    + r"{2,6}\s*=\s*[^()\[\]\s]{2,12}\s*[)\]]\s*"
    + _NAME
    + r"{2,4}\s*(?:기자|특파원|선임기자|객원기자)\s*=\s*"
    + r"|[\[(][^\[\]()]{0,20}(?:기자|특파원)[\])]\s*"
    + r"|"
    + _NAME
    + r"{2,4}\s*(?:기자|특파원|선임기자|객원기자)\s*=\s*)"
)
# The sentence explains the term: an expansion in brackets right after it, or a definition
# ("…란", "…은 …을 말한다", "…을 뜻하는").
_DEFINES_AFTER = re.compile(
    r"^\s*(?:\([^()]{2,60}\)|\s*(?:이?란|이라는|라는|이라고 불리는|로 불리는|,\s*즉)\s)"
)
# The term as the sentence's topic ("한빛코인은 …"), or only inside a phrase describing
# another noun ("A 테마주인 B는 …", "X가 상장된 거래소인 Y도 …").
_TOPIC_AFTER = re.compile(r"^(?:\([^()]{1,40}\))?(?:은|는)\s")
_MODIFIER_AFTER = re.compile(
    r"^(?:\([^()]{1,40}\))?(?:인\s|(?:이|가)\s["
    + HANGUL_SYLLABLES
    + r"]*(?:된|한|던|인|될|할|되는|하는)\s)"
)
_COPULA_END = re.compile(f"[{HANGUL_SYLLABLES}]" + r"이다\.?[\"'”’)\]]*$")
_DEFINES = re.compile(
    r"(?:말한다|뜻한다|의미한다|가리킨다|일컫는다|이르는 말|을 뜻하는|를 뜻하는|을 말하는|를 말하는|을 의미하는|를 의미하는)"
)
# An actor: an organisation or a company named in the sentence (a cheap stand-in for NER).
_ACTOR = re.compile(
    r"(?:["
    + HANGUL_SYLLABLES
    + r"]{1,10}(?:전자|은행|증권|금융|그룹|정부|당국|위원회|연준|공사|협회|기업|회사|재단|연구원|부|청|처)|"
    r"\b[A-Z][A-Za-z&]{1,}\b)(?:은|는|이|가|도|와|과|의)?\s"
)
# A figure with a unit or a share: "6600억 달러", "3.5%", "2배".
_FIGURE = re.compile(
    r"\d[\d,.]*\s?(?:%|％|%p|배|원|달러|억|조|만|천|위안|엔|유로|명|개|건|곳|bp|년|분기|월)"
)
# Marks of a footnote inside the sentence: "※", a number glued to a word ("성장률1)은").
_FOOTNOTE = re.compile(r"※|[" + HANGUL_SYLLABLES + r"]\d{1,2}\)|\*\d|주\d\)")
_INLINE_LIST = re.compile(r"[▲△▶▷►•]")
# A sentence ends in a predicate or a stop; a line without one is a heading or a label.
# Not a run of dots: "..." ends a snippet cut short (search results end "…소비 지출로...")
# or a thought left hanging, neither a sentence an editor prints.
_ENDS = re.compile(r"(?:(?<!\.)\.|[!?。]|(?:다|요|죠|음|함|됨|임|까))[\"'”’」』)\]]*\s*$")

#: Sentences up to this many characters are quoted whole; longer ones are cut at a clause.
QUOTE_LIMIT = 220


def lead_marker(sentence: str) -> int:
    """Length of the list marker, series tag or section label ``sentence`` starts with
    (0 if none), to quote it without them.

    Examples
    --------
    >>> s = "[차이나 워치] (현황) 위안화가 강세를 보였다."
    >>> s[lead_marker(s):]
    '위안화가 강세를 보였다.'
    >>> s = "(16대 분야별 재원 배분 현황) 사회복지 분야의 총지출이 가장 많았음."
    >>> s[lead_marker(s):]
    '사회복지 분야의 총지출이 가장 많았음.'
    >>> s = "(주택시장 특징①) 수도권 아파트값이 올랐음."
    >>> s[lead_marker(s):]
    '수도권 아파트값이 올랐음.'
    >>> [lead_marker(x) for x in ("- 수출이 늘었음.", "[배경]", "금리(연 3.5%)는 동결됐다.")]
    [2, 0, 0]
    >>> s = "다만 인플레이션이 변수로 꼽혔다."
    >>> s[lead_marker(s):]
    '인플레이션이 변수로 꼽혔다.'
    >>> s = "본사 전경[연합뉴스 자료사진] 삼성전자가 실적을 발표했다."
    >>> s[lead_marker(s):]
    '삼성전자가 실적을 발표했다.'
    >>> s = "(서울=한빛뉴스) 홍길동 기자 = 한국은행이 기준금리를 동결했다."
    >>> s[lead_marker(s):]
    '한국은행이 기준금리를 동결했다.'
    """
    pos = list_marker(sentence)
    m = _DATELINE_LEAD.match(sentence, pos)
    if m is not None and m.end() < len(sentence.rstrip()):
        pos = m.end()
    m = _CAPTION_LEAD.match(sentence, pos)
    if m is not None and m.end() < len(sentence.rstrip()):
        pos = m.end()
    for _ in range(2):
        m = _LEAD_TAG.match(sentence, pos)
        if m is None or m.end() >= len(sentence.rstrip()):
            break  # nothing follows the tag: it is all there is
        pos = m.end()
    pos += list_marker(sentence[pos:])
    m = _CONNECTIVE.match(sentence, pos)
    if m is not None and m.end() < len(sentence.rstrip()):
        pos = m.end()
    return pos


# A report's announcement: "연구원은 …을 분석한 보고서를 발표하였다."
_ANNOUNCES_REPORT = re.compile(
    r"(?:보고서|자료|리포트|브리프|연구\s?결과)[을를]\s*(?:발표|발간|공개|내놓)(?:하였|했|았|었)?다\.?$"
)


# A straight quote that a quoting ending follows closes a quotation ('…없다"고 설명했다').
_CLOSING_QUOTE = re.compile(f'"(?:{"|".join(QUOTING_ENDINGS)})(?![{HANGUL_SYLLABLES}])')


def _starts_inside_quote(sentence: str) -> bool:
    """Whether ``sentence`` closes a quotation it never opened: its start is cut off (a
    snippet that begins mid-quote, '…공제는 없다"고 설명했다.').

    Examples
    --------
    >>> _starts_inside_quote('추가 공제는 없다"고 설명했다.'), _starts_inside_quote('그는 "공제는 없다"고 말했다.')
    (True, False)
    >>> _starts_inside_quote("추가 공제는 없다”고 설명했다."), _starts_inside_quote("“없다”고 했다.")
    (True, False)
    """
    close, open_ = sentence.find("”"), sentence.find("“")
    if close >= 0 and (open_ < 0 or close < open_):
        return True
    if sentence.count('"') % 2:
        first = _CLOSING_QUOTE.search(sentence)
        return first is not None and first.start() == sentence.find('"')
    return False


def example_score(
    sentence: str,
    *,
    field: str = "body",
    start: int | None = None,
    end: int | None = None,
    others: int = 0,
    related: bool = False,
) -> float:
    """How good ``sentence`` is as a quoted example (higher is better; 0 for one an editor
    would not print).

    Not printable: bylines, captions, credits, URLs, copyright lines (see
    :func:`is_junk_sentence`); headings (no predicate or stop; any headline of fewer
    than 60 characters without one, or any joined by an ellipsis); lists squeezed into one
    line ("(1)…(2)…").
    Preferred: sentences of 40-160 characters that end properly and can be quoted whole
    (up to :data:`QUOTE_LIMIT`), that are about the term (it comes early, at
    ``sentence[start:end]``; the sentence defines it or expands it in brackets; names an
    actor or a figure; holds ``others`` more glossary terms, a ``related`` one among
    them) and that stand alone (not opening with 이는, 그러나, 또한, 한편 …). Penalised:
    inline lists (▲ △), footnote marks (※, "1)"), many quotes and brackets, headlines, and
    a report's announcement ("…을 분석한 보고서를 발표하였다", which opens every research
    summary and names its subject without saying anything of it).

    Examples
    --------
    >>> good = "자본 지출(Capex)이란 기업이 설비에 쓰는 돈으로, 메타는 올해 40% 늘렸다."
    >>> dangling = "이에 따라 메타는 올해 자본 지출을 40% 늘렸다."
    >>> example_score(good, start=0, end=5) > example_score(dangling, start=13, end=18) > 0
    True
    >>> example_score("[특징주] 반도체주 상승…삼성전자 1.7%↑", field="title")
    0.0
    """
    s = sentence.strip()
    if is_junk_sentence(s) or _ENUMERATED.search(s) or _starts_inside_quote(s):
        return 0.0
    if field == "title" and ("…" in s or "..." in s):
        return 0.0  # a headline's parts joined by an ellipsis ('"…막는다"…삼성, 꺼내든 무기는?')
    n = len(s)
    ends = bool(_ENDS.search(s))
    if not ends:
        return 0.0  # a heading, headline or list item: no predicate, nothing to quote
    if _EXPLAINS_BEFORE.search(s) or (_REPORTED.search(s) and not _ACTOR.search(s)):
        return 0.0  # it finishes a thought, or quotes someone, from the sentence before
    score = 1.0
    if n < 40:
        score -= (40 - n) / 50
    elif n > QUOTE_LIMIT:
        score -= 0.6  # will be cut: any whole sentence is better
    elif n > 160:
        score -= (n - 160) / 200
    score += 0.3 if ends else -0.5
    if field == "title":
        score -= 0.25
    if start is not None:
        score += 0.3 * max(0.0, 1 - start / 60)  # the term comes early: the sentence is about it
        after = s[end if end is not None else start :]
        if _DEFINES_AFTER.match(after):
            score += 0.4
        elif _TOPIC_AFTER.match(after):
            # The term is the sentence's topic; "…은 …이다" says what it is.
            score += 0.2 + (0.2 if _COPULA_END.search(s) else 0.0)
        elif _MODIFIER_AFTER.match(after):
            score -= 0.3  # it only describes another noun: the sentence is about that one
    if _DEFINES.search(s):
        score += 0.3
    if _DANGLING.match(s):
        return 0.0  # it needs the sentence before it
    if _CONNECTIVE.match(s):
        score -= 0.5  # quoted without the connective (see lead_marker), but a plain start is better
    if _ACTOR.search(s):
        score += 0.1
    if _FIGURE.search(s):
        score += 0.15
    score += 0.1 * min(others, 2) + (0.15 if related else 0.0)
    if _FOOTNOTE.search(s):
        score -= 0.3
    if _ANNOUNCES_REPORT.search(s):
        score -= 0.6  # it says a report came out, not what the term is or does
    score -= min(0.6, 0.3 * len(_INLINE_LIST.findall(s)))
    noise = sum(s.count(c) for c in "[]<>{}|\"“”'‘’…·")
    score -= min(0.4, 0.05 * noise)
    return round(max(score, 0.01), 4)


_CLAUSE_END = re.compile(r"(?:며|고|지만|는데|으나|나|면|서|고는|면서|도)?,\s+")


# A page's width broke the line before a particle glued to the word before it ("부채" then
# "를 활용하여" on the next line): no word starts with one, so the break was inside a word.
_WRAPPED_PARTICLE = re.compile(
    f"(?<=[{HANGUL_SYLLABLES}])\n(?=(?:을|를|의|은|는|으로|로|에서|에|와|과)(?:\\s|$))"
)


def _unwrapped(sentence: str, start: int, end: int) -> tuple[str, int, int]:
    """``sentence`` on one line (a sentence holds a line break only where a page's width
    wrapped it, see :func:`corpus.line_starts`), and the mention's offsets in it."""
    if "\n" not in sentence:
        return sentence, start, end
    glued = [m.start() for m in _WRAPPED_PARTICLE.finditer(sentence)]
    text = _WRAPPED_PARTICLE.sub("", sentence).replace("\n", " ")
    return (
        text,
        start - sum(g < start for g in glued),
        end - sum(g < end for g in glued),
    )


def quote(sentence: str, start: int, end: int, *, limit: int = QUOTE_LIMIT) -> tuple[str, int, int]:
    """``sentence`` whole if it has at most ``limit`` characters, else the run of its
    clauses around ``sentence[start:end]`` that fits, marked ``…`` where cut.

    Clauses end at a comma ("…했으며, ", "…하고, ", "…지만, "); a run that starts the
    sentence is preferred, then the longest. A clause longer than ``limit`` on its own
    is cut at spaces (:func:`snippet`), never inside a word. Returns the quote and the
    mention's offsets inside it.

    Examples
    --------
    >>> s = "메타는 올해 자본 지출을 40% 늘렸으며, 구글도 데이터센터 투자를 크게 확대했고, 아마존은 내년 계획을 밝혔다."
    >>> quote(s, 7, 12, limit=50)[0]
    '메타는 올해 자본 지출을 40% 늘렸으며, 구글도 데이터센터 투자를 크게 확대했고…'
    >>> quote(s, 7, 12)[0] == s
    True
    >>> quote("레버리지 투자는 부채\\n를 활용하여 자본이득을 추구하는\\n투자 방식임.", 0, 4)
    ('레버리지 투자는 부채를 활용하여 자본이득을 추구하는 투자 방식임.', 0, 4)
    """
    text, start, end = _unwrapped(sentence, start, end)
    if len(text) <= limit:
        return text, start, end
    cuts = [0, *(m.end() for m in _CLAUSE_END.finditer(text)), len(text)]
    best: tuple[bool, int, int, int] | None = None
    for i, lo in enumerate(cuts):
        if lo > start:
            break
        for hi in cuts[i + 1 :]:
            if hi < end:
                continue
            if hi - lo > limit:
                break
            key = (lo == 0, hi - lo, lo, hi)
            if best is None or key[:2] > best[:2]:
                best = key
    if best is None:
        return snippet(text, start, end, width=limit)
    _, _, lo, hi = best
    out = text[lo:hi].rstrip().rstrip(",")
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    return prefix + out + suffix, start - lo + len(prefix), end - lo + len(prefix)


def snippet(sentence: str, start: int, end: int, *, width: int = 90) -> tuple[str, int, int]:
    """Cut ``sentence`` to about ``width`` characters around ``sentence[start:end]``.

    Cuts fall on spaces and are marked with ``…``. Returns the snippet and the
    mention's offsets inside it.

    Examples
    --------
    >>> s = "메타와 구글 등 하이퍼스케일러들은 올해 자본 지출로 총 6600억 달러를 지출할 수 있으며 내년에도 비슷한 수준을 유지할 것으로 보인다."
    >>> snippet(s, 25, 30, width=40)[0]
    '…올해 자본 지출로 총 6600억 달러를 지출할 수 있으며…'
    """
    text = _WS.sub(" ", sentence)
    if len(text) != len(sentence):  # keep offsets valid when whitespace collapses
        text = sentence.replace("\n", " ")
    if len(text) <= width:
        return text, start, end
    room = max(width - (end - start), 10)
    lo = max(0, start - room // 3)
    hi = min(len(text), end + room - (start - lo))
    if hi == len(text):
        lo = max(0, hi - width)
    if lo > 0:
        sp = text.find(" ", lo, start)
        lo = sp + 1 if sp >= 0 else lo
    if hi < len(text):
        sp = text.rfind(" ", end, hi)
        hi = sp if sp >= 0 else hi
    out = text[lo:hi].strip()
    shift = lo + (len(text[lo:hi]) - len(text[lo:hi].lstrip()))
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    return prefix + out + suffix, start - shift + len(prefix), end - shift + len(prefix)


# --- Does a sentence stand alone? (read from kiwipiepy's part-of-speech tags) ---
# Why a sentence leans on the one before it; an editor would not print it on its own.
POINTS_BACK = "points back"  # a pronoun or demonstrative: 이는, 그는, 이 회사, 해당 기업, 같은 기간
NO_SUBJECT = "no subject"  # its first clause names no actor: the subject is elided
NO_PREDICATE = "no predicate"  # it ends on a noun or a connective: a note or an open clause
CONTEXT_REASONS = (POINTS_BACK, NO_SUBJECT, NO_PREDICATE)

# Pronouns that do not point back: "we" in Korean news is the country or the paper.
_OWN_PRONOUNS = frozenset(
    {"우리", "저희", "나", "저", "너", "누구", "무엇", "아무", "자신", "서로"}
)
# Determiners and nouns that pick out something named before (이 회사, 그 결과, 해당 기업,
# 동사 = "the said company"); 이번 only with a thing, not with a stretch of time (이번 주).
_DEMONSTRATIVES = frozenset(
    {"이", "그", "저", "이런", "그런", "저런", "이러한", "그러한", "해당", "동"}
)
_DEMONSTRATIVE_ROOTS = frozenset({"이러", "그러", "저러"})  # 이러한 read as XR + 하 + ㄴ
_SUCH = frozenset({"이런", "그런", "저런", "이러한", "그러한"})
# "…가 대표적이다": an example of a kind named in the sentence before.
_EXAMPLE_OF_BEFORE = re.compile(r"대표적(?:이다|임|이었다|인 사례다|인 예다)[.!]?[\"'”’)\]]*\s*$")
# A note without a full stop ending in 음, 임 or 함 (a bullet of a report summary).
_NOTE_END = re.compile(r"(?:음|임|함|됨)\s*$")
_THIS_TIME = frozenset({"주", "달", "해", "분기", "학기", "주말", "시즌", "회기", "정부", "연도"})
# "같은 날", "같은 기간": the same as a date or period given before.
_SAME_AS_BEFORE = frozenset(
    {"날", "기간", "시기", "해", "달", "주", "시각", "시간", "때", "분기", "날짜", "시점", "무렵"}
)
# "…의 상황도 비슷하다", "사정은 마찬가지다": like something of the sentence before, unless
# the sentence says what it is like ("…도 대한전자와 비슷하다").
_LIKE_BEFORE = re.compile(
    r"(?:도|역시)\s(?:\S+\s)?(?:비슷하|비슷했|마찬가지|유사하|유사했|다르지 않)\S*[.!]?[\"'”’)\]]*\s*$"
)
_LIKE_WHAT = re.compile(
    r"(?:와|과|처럼|만큼|에 비해)\s(?:\S+\s)?(?:비슷|마찬가지|유사|다르지 않)\S*[.!]?[\"'”’)\]]*\s*$"
)
# The size of a change, as a subject with nothing before it: "하락 폭은" (of the fall
# named before); "환율 상승 폭이" names what rose.
_SIZE = frozenset({"폭"})
_NOUNS = frozenset({"NNG", "NNP", "NR", "SL", "SH", "SN", "XSN"})
# Topic particles: "…은/는", and "…이란/란" of a definition ("X란 …을 말한다").
_TOPICS = frozenset({"은", "는", "ᆫ", "이란", "란"})
# Endings of a finite clause that another clause follows ("…늘렸으며, …", "…늘었지만 …");
# 고, 면서 and 는데 only before a comma (without one, 고 is mostly "하고 있다").
_CLAUSE_ENDS = frozenset({"며", "으며", "지만", "으나"})
_CLAUSE_ENDS_AT_COMMA = frozenset({"고", "면서", "으면서", "는데", "은데", "ᆫ데", "다며", "라며"})
# A quotation of a whole clause; its own subjects are not the sentence's.
_QUOTED = re.compile(r"[\"“][^\"“”]{8,}[\"”]")
# Bare nouns for a body, a document or a person that, with no name or modifier before
# them, mean the one named before: "연구원은 …라고 우려했다" (the institute), "관계자는",
# "법안은", "단지는". (기업, 은행 and 정부 are left out: bare, they are mostly generic.)
_DEFINITE_BARE = frozenset(
    {
        "연구원",
        "연구소",
        "연구진",
        "연구팀",
        "회사",
        "업체",
        "양사",
        "당사",
        "관계자",
        "회장",
        "대표",
        "사장",
        "법안",
        "개정안",
        "보고서",
        "단지",
        "재단",
        "협회",
        "매체",
    }
)
# Nouns for a part, an amount or an outcome of something: as a subject with no owner in
# their phrase (no name, no "…의") they mean "its effect", "its share", the owner elided
# ("매출 효과는 5%다", "입주는 내년 봄이다").
_RELATIONAL = frozenset(
    {
        "효과",
        "영향",
        "결과",
        "비중",
        "규모",
        "물량",
        "입주",
        "실적",
        "매출",
        "영업이익",
        "순이익",
        "점유율",
        "주가",
        "사업성",
        "수익성",
    }
)
# What is bought or sold, by whom and at what price: relational only when bare ("…면서
# 수요가 줄었다", "수요층이 몰렸다": for what); "반도체 수요", "주택 가격" say of what.
_BARE_RELATIONAL = frozenset(
    {
        "수요",
        "수요층",
        "매수세",
        "매도세",
        "공급",
        "가격",
        "분양가",
        "일반분양가",
        "거래량",
        "판매량",
    }
)
# A day, a moment or a place that only the sentence before names: "이날 …", "당시 …",
# "인근 …" (those of _ANCHORED with nothing before them: "금융위기 당시" names the time,
# "강남역 인근" the place).
_DEICTIC_TIMES = frozenset(
    {"이날", "그날", "당일", "이튿날", "다음날", "당시", "이때", "그때", "인근", "근처"}
)
_ANCHORED = frozenset({"당시", "인근", "근처"})
# "Its own": 자체 개발한, 자사 제품 (the owner is the subject, or named before).
_OWN = frozenset({"자체", "자사"})
# Possessions named by an apposition that opens the sentence with no owner: "주력 제품인
# X는", "특허 기술인 X는" (whose product, whose patent); "메모리 기업인 X는" names a kind.
_POSSESSED = frozenset(
    {"제품", "기술", "특허", "자회사", "계열사", "모회사", "브랜드", "후속작", "대표작", "주력"}
)
# Endings of an adverbial clause with a subject of its own ("A가 …하자 (B는) …했다",
# "A가 …하면 …"): its subject is not the sentence's.
_ADVERBIAL_ENDINGS = frozenset({"자", "자마자", "면", "으면"})
# Endings that join two verbs of one clause ("섞어 마시는"): the clause goes on.
_SERIAL_ENDINGS = frozenset({"어", "아", "여"})
# Heads an adnominal clause leans on while the clause goes on ("…할 것으로 보인다", "…할 수
# 있다", "…할 계획이다"): there the clause's subject is the sentence's. Any other head makes
# the clause part of a noun phrase ("한국이 …할 경우", "경쟁이 치열해지는 가운데").
_AUX_HEADS = frozenset(
    {"것", "수", "계획", "예정", "방침", "전망", "듯", "셈", "모양", "가능성", "필요", "뿐"}
    # "…가 꺾이는 모양새다", "…가 살아나는 분위기다": how things look, said of the subject
    | {"모양새", "분위기", "양상", "추세", "형국"}
)
# "…때문으로 풀이된다", "…영향이라는 해석도 나온다": the sentence explains a fact that the
# sentence before states; it stands alone only when it names what it explains.
_EXPLAINED_AS = re.compile(
    r"(?:(?:때문|영향|덕분|탓|여파|결과)(?:이라는|라는|이란|란|으로|로|이라고|라고|인 것으로|일 것이라는)\s?"
    r"(?:해석|분석|풀이|관측|평가|진단|설명)\S*(?:\s\S+)?"
    # "…지연이 이유였다", "…낮아진다는 뜻이다": the reason for, or the meaning of, it.
    r"|\s(?:이유|배경|원인|까닭|뜻|의미|얘기)(?:이)?(?:다|였다|었다))[.!]?[\"'”’)\]]*\s*$"
)
# "…도 일부 영향을 미친 것으로 보인다": an effect on a fact of the sentence before, unless
# the sentence names what it affected ("환율에 영향을 미친 것으로").
_EFFECT_ON = re.compile(r"영향을\s(?:미친|준|끼친|줬을)\s것")
_DEGREE = frozenset({"일부", "큰", "크게", "상당한", "적잖은", "다소", "어느", "정도"})
# Nouns that make an adnominal clause adverbial: "…할 경우", "…하는 가운데", "…한 뒤".
_ADVERBIAL_HEADS = frozenset(
    {
        "경우",
        "가운데",
        "때",
        "뒤",
        "후",
        "이후",
        "동안",
        "반면",
        "만큼",
        "와중",
        "속",
        "직후",
        "데다",
    }
)
_PREDICATES = frozenset({"VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA"})
_NAMES = frozenset({"NNP", "SL", "SH"})


def _tokens(sentence: str, kiwi: Any) -> list[Any]:
    if kiwi is None:
        from extract.engine.analyzer import get_kiwi

        # Plain kiwipiepy, blind to words any glossary taught this process: whether the
        # tagger taught them depends on its on-disk cache, and the box must not.
        kiwi = get_kiwi(())
    quoted = [m.span() for m in _QUOTED.finditer(sentence)]
    return [t for t in kiwi.tokenize(sentence) if not any(a <= t.start < b for a, b in quoted)]


def _points_back(tokens: Sequence[Any], first_subject: int, stop: int) -> bool:
    """A pronoun or demonstrative before the sentence's first subject, or inside a
    subject ("이번 결과가"); one after it mostly refers within the sentence ("SPC는 이를
    기초로 …"). 이러한 and 그러한 point back anywhere in the first clause (before
    ``stop``): "업비트는 이러한 내용을 공지하지 않은 채 …". Before the first predicate
    nothing in the sentence can be what they refer to ("삼성전자는 이와 관련 …")."""
    predicate = next((i for i, t in enumerate(tokens) if t.tag in _PREDICATES), len(tokens))
    for i, t in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if i < stop and (
            (t.tag == "XR" and t.form in _DEMONSTRATIVE_ROOTS)
            or (t.tag == "MM" and t.form in _SUCH)
        ):
            return True
        if t.tag == "NP" and t.form not in _OWN_PRONOUNS:
            hit = True  # 이는, 그는, 이에 대해, 이들은, 이곳에서
        elif t.tag == "XR" and t.form in _DEMONSTRATIVE_ROOTS:
            hit = True  # 이러한, 그러한
        elif t.form in _DEMONSTRATIVES and t.tag in ("MM", "NNG") and nxt is not None:
            hit = nxt.tag in ("NNG", "NNP", "NNB", "SL") and nxt.form not in _THIS_TIME
        elif t.form == "이번" and nxt is not None and nxt.tag.startswith("NN"):
            hit = nxt.form not in _THIS_TIME  # 이번 조치, 이번 결과 (not 이번 주)
        elif t.form == "동사" and nxt is not None:
            hit = nxt.tag in ("JX", "JKS", "JKG")  # 동사는: "the said company"
        else:
            same = (
                t.form == "같"
                and t.tag == "VA"
                and nxt is not None
                and nxt.tag == "ETM"
                and i + 2 < len(tokens)
                and tokens[i + 2].form in _SAME_AS_BEFORE
                and (i == 0 or tokens[i - 1].tag not in ("JKB", "JKS", "JC"))  # A와 같은 날
                # "지난 13일 A는 …했고 같은 날 B는 …": the date is in the sentence
                and not any(x.tag == "SN" for x in tokens[:i])
            )
            if same and i < stop:
                return True  # "A의 비율은 같은 시점 3%로": the date is in the one before
            hit = same
        # After the first clause ("…재검토하고 있으며 이는 …") a pronoun may refer to that
        # clause: only one before the sentence's first predicate or in the first clause's
        # subject points outside the sentence ("이 매체는" still does anywhere).
        if hit and (
            i < first_subject
            or i < predicate
            or ((i < stop or t.tag != "NP") and _heads_subject(tokens, i))
        ):
            return True
    return False


def _deictic_time(tokens: Sequence[Any]) -> bool:
    """Whether the sentence dates or places itself by a day, moment or place named only
    before it ("이날 …", "한빛은행은 당시 …", "인근 신축 단지는 …"); "금융위기 당시",
    "2008년 당시" and "강남역 인근" name them."""
    for i, t in enumerate(tokens):
        if t.form not in _DEICTIC_TIMES or not t.tag.startswith("N"):
            continue
        prev = tokens[i - 1] if i else None
        owned = prev is not None and (prev.tag in _NOUNS or prev.tag in ("NNB", "ETM", "JKG"))
        if t.form not in _ANCHORED or not owned:
            return True
    return False


def _relational(tokens: Sequence[Any], j: int, i: int) -> bool:
    """Whether the subject headed by ``tokens[j]`` (marked at ``tokens[i]``) is one of
    :data:`_RELATIONAL`, or a whole noun phrase of :data:`_BARE_RELATIONAL` (read the
    same whether Kiwi splits "일반분양가" or was taught it as one word)."""
    word = tokens[j].form + "".join(x.form for x in tokens[j + 1 : i] if x.tag == "XSN")
    if tokens[j].form in _RELATIONAL or word in _RELATIONAL:
        return True
    k = _phrase_start(tokens, j)
    return "".join(x.form for x in tokens[k:i] if x.tag in _NOUNS) in _BARE_RELATIONAL


def _own_before_owner(tokens: Sequence[Any], first: int) -> bool:
    """Whether "its own" (자체, 자사) comes before the sentence's subject with no name
    before it: "자체 개발한 NPU는 …" (developed by whom)."""
    for t in tokens[:first]:
        if t.tag in _NAMES:
            return False
        if t.form in _OWN and t.tag.startswith("N"):
            return True
    return False


def _possessed_lead(tokens: Sequence[Any]) -> bool:
    """Whether the sentence opens with an apposition naming a possession with no owner:
    "주력 제품인 X는", "특허 기술인 X는" (whose)."""
    for i, t in enumerate(tokens):
        if t.tag == "VCP":
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            return (
                i > 0
                and nxt is not None
                and nxt.tag == "ETM"
                and tokens[i - 1].form in _POSSESSED
                and all(x.tag == "NNG" for x in tokens[:i])
            )
        if t.tag != "NNG":
            return False
    return False


def _unowned_main_subject(tokens: Sequence[Any], first: int) -> bool:
    """Whether a subject after the first one is a part or an amount with no owner
    (:data:`_RELATIONAL`): "젊은 층이 …하면서 수요가 줄었다" (demand for what), "…할
    경우 일반분양가는 …" (of which complex). A topic before it owns it ("한빛전자는 …하는
    가운데 매출이 늘었다")."""
    if first < len(tokens) and tokens[first].tag == "JX" and tokens[first].form in _TOPICS:
        return False
    for i in range(first + 1, len(tokens)):
        t = tokens[i]
        if not (t.tag == "JKS" or (t.tag == "JX" and t.form in ("은", "는", "ᆫ"))):
            continue
        j = i - 1
        while j >= 0 and tokens[j].tag == "XSN":
            j -= 1
        if j < 0 or tokens[j].tag not in _NOUNS:
            continue
        if _relational(tokens, j, i) and _unowned(tokens, j):
            return True
    return False


def _heads_subject(tokens: Sequence[Any], i: int) -> bool:
    # Nouns (and determiners) from i up to a subject or topic marker: "이번 결과가".
    for t in tokens[i + 1 :]:
        if t.tag == "JKS" or (t.tag == "JX" and t.form in ("은", "는", "ᆫ")):
            return True
        if not (t.tag in _NOUNS or t.tag in ("MM", "NNB", "ETM", "VA") or t.form == "같"):
            return False
    return False


def _first_clause(tokens: Sequence[Any]) -> int:
    """Index just past the first finite clause of ``tokens``."""
    for i, t in enumerate(tokens):
        if t.tag == "EC" and _ends_clause(tokens, i):
            return i + 1
    return len(tokens)


def _ends_clause(tokens: Sequence[Any], i: int) -> bool:
    comma = i + 1 < len(tokens) and tokens[i + 1].form == ","
    return tokens[i].form in _CLAUSE_ENDS or (comma and tokens[i].form in _CLAUSE_ENDS_AT_COMMA)


# "시장에서는", "수요자로서는", "업계에선": a place, a body or a party as the topic.
_SPEAKING_PLACES = frozenset({"에서", "로서", "으로서", "에게", "에게서", "서"})
# The sentence reports what someone said or expects: "…고 말했다", "…것으로 내다봤다".
_SAYING_NOUNS = frozenset(
    {
        "말",
        "강조",
        "설명",
        "지적",
        "주장",
        "언급",
        "전망",
        "예상",
        "분석",
        "평가",
        "예측",
        "발표",
        "경고",
    }
)
_SAYING_VERBS = frozenset({"밝히", "덧붙이", "전하", "내다보", "보", "꼽", "짚", "전망하"})
_QUOTING = frozenset({"다고", "라고", "고", "는다고", "ᆫ다고", "냐고", "자고", "라며", "다며"})


def _reports(tokens: Sequence[Any]) -> bool:
    """Whether the main predicate (the last verb before the final ending) says or expects."""
    ends = [k for k, t in enumerate(tokens) if t.tag == "EF"]
    if not ends:
        return False
    k = ends[-1] - 1
    while k >= 0 and tokens[k].tag in ("EP", "VX", "EC"):
        k -= 1  # 말했다, 보고 있다
    if k < 0:
        return False
    t = tokens[k]
    if t.tag.startswith("VV"):
        return t.form in _SAYING_VERBS
    return t.tag == "XSV" and k > 0 and tokens[k - 1].form in _SAYING_NOUNS


def _next_ending(tokens: Sequence[Any], i: int) -> Any:
    # The ending that closes the phrase after tokens[i], past auxiliaries ("하고 있는").
    for k in range(i + 1, len(tokens)):
        t = tokens[k]
        if t.tag.startswith("E") and t.tag != "EP":
            if t.tag == "EC" and k + 1 < len(tokens) and tokens[k + 1].tag == "VX":
                continue
            return k, t
    return len(tokens), None


def _cleft(tokens: Sequence[Any], j: int) -> bool:
    """Whether ``tokens[j]`` is the 것 of a cleft sentence ("수익률이 가장 높았던 것은
    X였다"): a bound noun after an adnominal ending, the sentence ending in the copula."""
    if not (tokens[j].form == "것" and tokens[j].tag == "NNB" and j and tokens[j - 1].tag == "ETM"):
        return False
    k = max((i for i, t in enumerate(tokens) if t.tag == "EF"), default=0) - 1
    while k > j and tokens[k].tag == "EP":
        k -= 1
    if not (k > j + 1 and tokens[k].tag == "VCP" and tokens[k - 1].tag in _NOUNS):
        return False
    # Not when the focus is a reason or a fact ("…된 것은 금리 때문이다", "…오른 것은
    # 사실이다": of what?) or the clause points back ("이렇게 된 것은").
    return tokens[k - 1].form not in _NO_FOCUS and not any(_pointing(t) for t in tokens[:j])


_NO_FOCUS = frozenset(
    {"사실", "때문", "탓", "덕분", "덕", "셈", "점", "이유", "결과", "뜻", "의미"}
)


def _pointing(token: Any) -> bool:
    """Whether ``token`` points at something named before: a demonstrative determiner,
    pronoun or root (이, 그러한), 이렇게 or 그렇게, 이처럼 (by tag: 이 is also a
    particle)."""
    return (
        (token.tag in ("MM", "NP") and token.form in _DEMONSTRATIVES)
        or (token.tag.startswith(("XR", "VA")) and token.form in _POINTING_ROOTS)
        or (token.tag == "MAG" and token.form in _LIKE_THIS)
    )


# 이러한 (XR 이러) and 이렇게 (VA 이렇 + 게): "이렇게 된 것은 …"
_POINTING_ROOTS = _DEMONSTRATIVE_ROOTS | frozenset({"이렇", "그렇", "저렇"})
_LIKE_THIS = frozenset({"이같이", "이처럼", "그처럼", "이렇게", "그렇게"})


def _first_subject(tokens: Sequence[Any], stop: int) -> int:
    """Index of the first topic (은/는) or subject (이/가) among ``tokens[:stop]`` that
    names an actor: a noun phrase, not a pronoun or bound noun (것은, 수가); for 이/가
    not the subject of an embedded clause in a reported sentence ("금리가 오를 것이라고
    말했다" names no speaker); for 도 a name or the subject of a clause ("구글도 …",
    "관측도 나온다", not "논의도 진행하고 있는 것으로"). ``len(tokens)`` when none."""
    reported = _reports(tokens)
    for i, t in enumerate(tokens[:stop]):
        # "…이란 …을 말한다": the defined term is the topic.
        # ("…이란" is also read as the copula and an ending: 이/VCP 란/ETM.)
        defined = (
            t.tag == "ETM" and t.form in ("란", "이란") and i > 0 and tokens[i - 1].tag == "VCP"
        )
        topic = (t.tag == "JX" and t.form in _TOPICS) or defined
        also = t.tag == "JX" and t.form == "도"
        if not (topic or also or t.tag == "JKS"):
            continue
        if topic and i + 1 < len(tokens) and tokens[i + 1].form == "물론":
            continue  # "A는 물론 B도": "not only A", not a topic
        j = i - 2 if defined else i - 1
        while j >= 0 and (
            tokens[j].tag in ("XSN", "SSC", "SSO", "SS", "SW") or tokens[j].form in "'\"’”)]"
        ):
            j -= 1  # 기업들이, 금융정보분석원(FIU)은, '스팀달러'는: the head is before
        if j < 0:
            continue
        head = tokens[j]
        if topic and head.tag == "JKB" and head.form in _SPEAKING_PLACES:
            return i  # 시장에서는, 수요자로서는: a place, a body or a party speaks
        if topic and _cleft(tokens, j):
            return i  # "…을 나타낸 것은 X였다": X, the focus, is what it is about
        if head.tag not in _NOUNS and not (
            head.form == "측" and j > 0 and tokens[j - 1].tag in _NOUNS
        ):
            continue  # (a bound noun names no actor, but "조합 측은" does: the association)
        if _relational(tokens, j, i) and _unowned(tokens, j):
            continue  # "효과는", "입주는": whose? the owner is in an earlier sentence
        if head.form in _SIZE and _phrase_start(tokens, j) >= j - 1 and _unowned(tokens, j):
            continue  # "하락 폭은": the size of a change named before
        if t.tag == "JKS" and _embedded(tokens, i):
            continue  # "한국이 …할 경우", "수요가 늘고 있기 때문": not the sentence's subject
        k, ending = _next_ending(tokens, i)
        if (
            also
            and head.tag not in ("NNP", "SL")
            and (
                ending is None
                or not (ending.tag == "EF" or _ends_clause(tokens, k))
                # "기능도 제공한다": the object of an active "…하다" verb that has no
                # other ("한빛도 투자를 유치했다" is its subject)
                or (_active_verb(tokens, k) and not any(x.tag == "JKO" for x in tokens[i:k]))
            )
        ):
            continue
        if (
            t.tag == "JKS"
            and reported
            and ending is not None
            and (ending.tag == "ETM" or ending.form in _QUOTING)
        ):
            continue  # what was said, not who said it
        return i
    return len(tokens)


def _active_verb(tokens: Sequence[Any], k: int) -> bool:
    # The predicate ending at tokens[k] is a noun + 하다 (제공하다, 유치했다), not 되다.
    j = k - 1
    while j >= 0 and tokens[j].tag == "EP":
        j -= 1
    return j >= 0 and tokens[j].tag == "XSV" and tokens[j].form == "하"


def _phrase_start(tokens: Sequence[Any], j: int) -> int:
    """Index of the first token of the noun phrase headed by ``tokens[j]`` ("중국 CXMT의
    D램 매출"): nouns, possessives, determiners and brackets before it."""
    while (
        j > 0
        and (
            tokens[j - 1].tag in _NOUNS
            or tokens[j - 1].tag in ("JKG", "NNB", "MM", "XPN", "SSO", "SSC")
        )
        and tokens[j - 1].form not in _ADVERBIAL_HEADS
    ):
        j -= 1
    return j


def _unowned(tokens: Sequence[Any], j: int) -> bool:
    """Whether ``tokens[j]``, one of :data:`_RELATIONAL`, has no owner: none in its phrase
    and nothing before it in the sentence but adverbials ("…할 경우 매출 효과는",
    "신축 단지로 입주는"); a noun phrase before it may be the owner ("종목 중 절반은 …
    주가가")."""
    k = _phrase_start(tokens, j)
    if _owned(tokens, j):
        return False
    return (
        k == 0
        or tokens[k - 1].form in _ADVERBIAL_HEADS
        or tokens[k - 1].form in ("로", "으로")
        # after a clause that names no one ("…에 불과해 사업성이"); a name before it may
        # own it ("한빛전자가 …하자 주가가"), a source too ("…에 따르면 비중은")
        or (
            tokens[k - 1].tag == "EC"
            and tokens[k - 1].form not in ("면", "으면")
            and not any(t.tag in _NAMES for t in tokens[:k])
        )
    )


def _owned(tokens: Sequence[Any], j: int) -> bool:
    # A name or a "…의" in the phrase of head tokens[j] says whose it is.
    return any(t.tag in _NAMES or t.tag == "JKG" for t in tokens[_phrase_start(tokens, j) : j + 1])


def _bare(tokens: Sequence[Any], i: int) -> bool:
    """Whether the subject marked at ``tokens[i]`` is one of :data:`_DEFINITE_BARE` with
    nothing before it in its phrase ("연구원은", not "한빛경제연구원은" or "KDI 연구원은")."""
    j = i - 1
    while j >= 0 and tokens[j].tag == "XSN":
        j -= 1  # 관계자들은
    if j < 0 or tokens[j].form not in _DEFINITE_BARE:
        return False
    # A modifier or a determiner before it names it ("본 보고서는": this very report).
    return j == 0 or not (
        tokens[j - 1].tag in _NOUNS or tokens[j - 1].tag in ("JKG", "ETM", "NNB", "XPN", "MM")
    )


def _embedded(tokens: Sequence[Any], i: int) -> bool:
    """Whether the clause of the subject ``tokens[i]`` is an adverbial or a noun clause
    of the sentence ("한국이 …할 경우", "경쟁이 치열해지는 가운데", "…가 늘고 있기
    때문", "…가 …하는 내용이다"), so that its subject is not the sentence's own. A clause
    that only modifies an object ("삼성전자가 개발한 칩을 공개했다") shares its subject
    with the sentence, as Korean drops the repeated one."""
    k = i
    while True:
        k, ending = _next_ending(tokens, k)
        if ending is None:
            return False
        if ending.tag == "ETN":
            # "…늘고 있기 때문", "…유지하고 있음을 실증하였음": a noun clause; not "…하기 위해".
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            return nxt is not None and (nxt.form == "때문" or nxt.tag in ("JKO", "JKS", "JX"))
        if ending.tag == "EC" and ending.form == "도록":
            return True  # "증권사가 …하도록 (당국이) 구체화했다": the one made to act
        if ending.tag == "EC" and ending.form in _ADVERBIAL_ENDINGS:
            return True  # "A가 반향을 일으키자 (B가) 내놓기로 했다": when A did, B acted
        if ending.tag == "EC" and ending.form in _SERIAL_ENDINGS:
            continue  # "A가 술을 섞어 마시는 것이 …": the same clause goes on
        if ending.tag != "ETM":
            return False
        if k + 1 >= len(tokens):
            return False
        head = tokens[k + 1]
        if head.form in _AUX_HEADS:
            k += 1  # "…할 것으로 보인다": the clause goes on past its head
            continue
        if head.form in _ADVERBIAL_HEADS:
            return True
        j = k + 1
        while j < len(tokens) and (tokens[j].tag in _NOUNS or tokens[j].tag == "NNB"):
            j += 1
        nxt = tokens[j] if j < len(tokens) else None
        after = tokens[j + 1] if j + 1 < len(tokens) else None
        if nxt is None:
            return False
        if nxt.tag == "VCP" and (after is None or after.tag == "EF"):
            return True  # "…하려는 움직임이다": the clause describes the predicate noun
        if nxt.tag == "JKS" or (nxt.tag == "JX" and nxt.form in ("은", "는", "ᆫ")):
            return True  # "한빛이 개발한 칩은 …": the clause is inside the subject
        # A clause on an object or an adverbial ("…가 안정된 관계를 유지하고 있음을"):
        # the subject's own clause goes on.
        k = j


# "…라는 게 연구원의 분석이다": attributed to a body or person named before (a bare
# :data:`_DEFINITE_BARE` noun with nothing before it but the clause it owns).
_BARE_SAYS = re.compile(
    r"(?:게|것이|것은|점이)\s(?:"
    + "|".join(sorted(_DEFINITE_BARE, key=len, reverse=True))
    + r")(?:들)?의\s(?:분석|설명|전망|판단|진단|시각|관측|입장|지적|주장|예상|평가|견해|얘기|말)"
    r"(?:이)?(?:다|였다|이었다)[.!]?[\"'”’)\]]*\s*$"
)


def _affects_before(sentence: str) -> bool:
    m = _EFFECT_ON.search(sentence)
    if m is None:
        return False
    words = [w for w in sentence[: m.start()].split() if w not in _DEGREE]
    return not words or not words[-1].endswith(("에", "에게", "에도"))


def _ends_open(tokens: Sequence[Any]) -> bool:
    # "…분양했는데요.": the last ending is a connective; the point is in the next sentence.
    words = [t for t in tokens if not t.tag.startswith("S") or t.tag == "SL"]
    while words and words[-1].tag == "JX" and words[-1].form == "요":
        words.pop()
    return bool(words) and words[-1].tag == "EC"


def needs_context(sentence: str, *, kiwi: Any = None) -> str | None:
    """Why ``sentence`` does not stand alone, or ``None`` when it does.

    :data:`POINTS_BACK`: it holds a pronoun or a demonstrative that refers to something
    named before (이는, 그는, 이에 대해, 이 회사, 해당 기업, 이번 조치, 같은 기간, 동사는;
    after the subject too, before the first predicate: "한빛전자는 이와 관련 …"), or its
    subject is a bare noun for a body or a person named before ("연구원은", "관계자는").
    :data:`NO_SUBJECT`: its first clause names no actor (no topic or subject noun phrase
    outside quotations and embedded clauses: "한국이 …할 경우", "경쟁이 …하는 가운데",
    "…가 늘고 있기 때문"), so the subject, or the speaker of "…고 말했다", is only in an
    earlier sentence; or its subject is a part or an outcome with no owner ("효과는",
    "입주는"); or it explains, without naming it, a fact of the sentence before ("…때문으로
    풀이된다", "…영향이라는 해석도 나온다"). :data:`NO_PREDICATE`: it ends on a noun, a
    note rather than a sentence ("…6500억 달러 돌파 예상."), on 음, 임 or 함 with no
    full stop (a report's bullet: "…구축이 필수적임"), or on a connective whose point is
    in the next sentence ("…분양했는데요."). Read from kiwipiepy's tags (``kiwi``: a
    ``Kiwi`` or :class:`~extract.engine.analyzer.KiwiView`; the process's one by default).

    Examples
    --------
    >>> needs_context("메타는 올해 자본 지출을 40% 늘렸다.") is None
    True
    >>> needs_context("이 회사는 올해 자본 지출을 40% 늘렸다.")
    'points back'
    >>> needs_context("올해 자본 지출을 40% 늘릴 것이라고 밝혔다.")
    'no subject'
    """
    tokens = _tokens(sentence, kiwi)
    last = next((t for t in reversed(tokens) if not t.tag.startswith("S") or t.tag == "SL"), None)
    if (last is not None and last.tag in _NOUNS | {"NNB"}) or _NOTE_END.search(sentence):
        return NO_PREDICATE  # "…돌파 예상.", "…을 포함", "…필수적임": notes, not sentences
    if _ends_open(tokens):
        return NO_PREDICATE
    if _EXAMPLE_OF_BEFORE.search(sentence) or _BARE_SAYS.search(sentence):
        return POINTS_BACK
    if _LIKE_BEFORE.search(sentence) and not _LIKE_WHAT.search(sentence):
        return POINTS_BACK
    stop = _first_clause(tokens)
    first = _first_subject(tokens, stop)
    if (
        _points_back(tokens, first, stop)
        or _deictic_time(tokens)
        or _possessed_lead(tokens)
        or _own_before_owner(tokens, first)
    ):
        return POINTS_BACK
    if first >= stop or _unowned_main_subject(tokens, first):
        return NO_SUBJECT
    if _bare(tokens, first):
        return POINTS_BACK
    if (_EXPLAINED_AS.search(sentence) or _affects_before(sentence)) and not (
        tokens[first].tag == "JX" and _owned(tokens, first - 1)
    ):
        return NO_SUBJECT
    return None


def names(sentence: str, *, kiwi: Any = None) -> bool:
    """Whether ``sentence`` names someone or something: a proper noun or a Latin-script
    name outside quotations (read from kiwipiepy's tags, as :func:`needs_context`).

    Examples
    --------
    >>> names("한빛전자가 새 공장을 지었다."), names("상황이 바뀌었다.")
    (True, False)
    """
    return any(t.tag in _NAMES for t in _tokens(sentence, kiwi))
