"""Korean language data: character classes and word lists, kept in one place.

The tagger, the keyword box, discovery and the sentence splitter read these instead of
keeping their own copies (as spaCy keeps ``lang/ko/stop_words.py``). The lists only
have to be right, not complete: each is used to reject or accept a few clear cases
before morphology decides the rest.

Examples
--------
>>> import re
>>> re.findall(f"[{HANGUL_SYLLABLES}]+", "AI 반도체 HBM3E")
['반도체']
>>> is_hangul("ㄱ"), is_hangul("A")
(True, False)
>>> "yonhap" in AGENCIES and "연합뉴스" in AGENCIES
True
"""

from __future__ import annotations

import re

__all__ = [
    "AGENCIES",
    "BOUND_NOUNS",
    "BYLINE_TITLES",
    "COMPANY_DESIGNATORS",
    "COMPANY_HEADS",
    "CONTRACTED_PARTICLES",
    "CREDITS",
    "CURRENCIES",
    "DEPARTMENT_TITLES",
    "HANGUL",
    "HANGUL_JAMO",
    "HANGUL_SYLLABLES",
    "INDUSTRY_HEADS",
    "INSTITUTION_SUFFIXES",
    "LOANWORD_HEADS",
    "LOANWORD_TAILS",
    "MAGNITUDES",
    "MIDDLE_DOTS",
    "NUMBER_WORDS",
    "OFFICE_TITLES",
    "ORGANISATION_HEADS",
    "PARTICLES",
    "PLACE_NAMES",
    "POST_TITLES",
    "QUOTING_ENDINGS",
    "TIME_WORDS",
    "UNITS",
    "UNIT_WORDS",
    "is_hangul",
    "words",
]


def words(*lines: str) -> frozenset[str]:
    """The space-separated words of ``lines``, for word lists kept readable in source.

    Examples
    --------
    >>> sorted(words("올해 내년", "작년"))
    ['내년', '올해', '작년']
    """
    return frozenset(w for line in lines for w in line.split())


#: Hangul syllables 가-힣, for use inside a regex character class ``[...]``.
HANGUL_SYLLABLES = "\uac00-\ud7a3"
#: Hangul jamo (conjoining and compatibility: ㄱ, ㅏ), for a character class too.
HANGUL_JAMO = "\u1100-\u11ff\u3131-\u318e"
#: Marks writers type for the middle dot ·: the Hangul letter araea ㆍ (U+318D) that Korean
#: keyboards give and government documents keep, the katakana middle dot ・, the
#: hyphenation point ‧, the bullet and dot operators ∙ ⋅ and the half-width ･
#: (:func:`corpus.normalize` turns each into ·).
MIDDLE_DOTS = "\u318d\u30fb\u2027\u2219\u22c5\uff65"
#: One Hangul syllable; ``HANGUL.search(s)`` tells whether ``s`` has any.
HANGUL = re.compile(f"[{HANGUL_SYLLABLES}]")


#: Bound nouns that follow a noun as a word of their own in meaning: 은행간 (between
#: banks), 시장내 (within the market), 업종별 (by industry).
BOUND_NOUNS: tuple[str, ...] = ("간", "내", "별")

#: Terms that name a kind of organisation: glued after a proper noun, even a place, they
#: make the name of one (한국금융지주, 조선은행), not a mention of the kind. Other terms
#: after a proper noun are left to morphology: 미국경제 and 한일무역 are concepts.
ORGANISATION_HEADS = words(
    "은행 금융지주 지주 증권 투자증권 자산운용 캐피탈 저축은행 로보틱스 주식회사 대학교"
)

#: Terms that, glued after any other word, end a company's name, whatever that word is:
#: all 80 words ending in 자산운용 in 6,000 real news records name a fund manager (이지스,
#: 삼성액티브, 타임폴리오), even after a word kiwipiepy knows as a common noun (이지스,
#: aegis). The other heads above also end kinds (시중은행, 통화안정증권, 대형비상장주식회사)
#: and are left to the proper-noun check.
COMPANY_HEADS = words("자산운용")

#: Industries that end a company's name when glued after a proper noun that is no place
#: (카카오헬스케어, 카카오모빌리티, 셀트리온제약, 계룡건설, 삼성바이오), or after a word
#: kiwipiepy does not know (바오밥헬스케어): so were all 130 such words, kiwipiepy's
#: proper noun or unknown word then the industry, in 6,000 real news records, but for a
#: place (용인반도체, 미국반도체: the industry there; see :data:`PLACE_NAMES`).
INDUSTRY_HEADS = words("헬스케어 바이오 반도체 제약 타이어 제지 석유 건설 해운 모빌리티")

#: Countries, regions and Korean cities that kiwipiepy reads as proper nouns and that
#: writers glue before an industry to mean the industry there (미국반도체, 용인반도체
#: for the chip cluster), not a company; and words that say where as a place does, which
#: kiwipiepy sometimes reads as proper nouns too (국제해운: international shipping).
#: 한국 is left out: glued before an industry it names a company or a body (한국타이어,
#: 한국석유, 한국제약바이오협회: every such word in 3,000 real news records per file).
PLACE_NAMES = words(
    "국제 세계 글로벌 국내 해외 전국 지역 지방",
    "미국 중국 일본 대만 홍콩 유럽 독일 영국 프랑스 인도 베트남 러시아 캐나다 호주",
    "아시아 중동 아프리카 북미 남미 동남아 북한 남북 한미 한중 한일 미중",
    "서울 부산 인천 대구 광주 대전 울산 세종 경기 강원 충북 충남 전북 전남 경북 경남 제주",
    "평택 용인 화성 이천 구미 청주 천안 아산 포항 창원 여수 새만금 판교 수원 기흥",
)

#: Designators that end a company's name when they follow it after a space (바이오히트
#: 헬스케어 Ltd, 노키안 타이어 Oyj, 후스크바르나 아웃도어 프로덕츠), as written (case
#: matters: Co. but not co). 그룹 is left out: 금융 그룹 is as often a kind of firm. 오이
#: is Oy as Korean translations of Finnish news write it (파인데스트 단백질 오이): all 99
#: words 오이 after a word and a space in the shared news are that, or cucumbers after a
#: particle or a verb (감소한 오이), never right after a glossary term.
COMPANY_DESIGNATORS = words(
    "Ltd Ltd. Limited Inc Inc. Corp Corp. Co. plc Plc PLC Oyj Oy 오이 Abp AB ASA AG GmbH LLC",
    "코퍼레이션 코퍼 컴퍼니 홀딩스 프로덕츠 테크놀로지스 인터내셔널 리미티드 인더스트리즈",
)

#: Titles of a department's head that follow its name after a space (한국ESG연구소
#: 거버넌스 본부장): the term before one names the department.
DEPARTMENT_TITLES = words("본부장 부문장 센터장 팀장 실장 사업부장 연구소장")

#: One-syllable English loanwords that start compounds and are often spaced from the
#: rest (빅스텝 / 빅 스텝, 콜옵션 / 콜 옵션, 핀테크 / 핀 테크). Other one-syllable heads are
#: not split off: 공 매도 and 자사 주 are other words.
LOANWORD_HEADS = words("빅 딥 앱 웹 팹 칩 핀 뉴 톱 핫 콜 풋 숏 롱 펫 킥 갭")

#: One-syllable English loanwords that end compounds and are often spaced from the rest
#: (스마트팜 / 스마트 팜, 스마트홈 / 스마트 홈, 폴더블폰 / 폴더블 폰, 뱅킹앱 / 뱅킹 앱: 37 such
#: spaced words in the shared news). 쿠폰 is one word, never split.
LOANWORD_TAILS = words("팜 홈 폰 칩 앱 팹 팩")


#: Quoting endings: glued after a closing quote, they end the quotation and go on with
#: the sentence that reports it ('"오른다."라고', '…없다"고 설명했다', "'팔린다.'며").
QUOTING_ENDINGS: tuple[str, ...] = (
    "라고",
    "이라고",
    "고",
    "라며",
    "며",
    "라면서",
    "면서",
    "라는",
    "는",
    "란",
    "이란",
    "라",
    "하고",
    "하며",
    "라던",
    "던",
)


def is_hangul(c: str) -> bool:
    """Whether the character ``c`` is a Hangul syllable or jamo."""
    return "\uac00" <= c <= "\ud7a3" or "\u1100" <= c <= "\u11ff" or "\u3131" <= c <= "\u318e"


#: Hangul that may follow a noun without making it part of a longer word: case and
#: special particles and copula forms (the tagger's fast path accepts a term glued to
#: these; anything else is left to morphology).
PARTICLES: tuple[str, ...] = tuple(
    [
        "은",
        "는",
        "이",
        "가",
        "을",
        "를",
        "의",
        "에",
        "에서",
        "에게",
        "께",
        "한테",
        "로",
        "으로",
        "와",
        "과",
        "도",
        "만",
        "까지",
        "부터",
        "보다",
        "처럼",
        "같이",
        "마다",
        "조차",
        "마저",
        "이나",
        "나",
        "이든",
        "든",
        "이라도",
        "라도",
        "뿐",
        "밖에",
        "대로",
        "이랑",
        "랑",
        "에서는",
        "에서도",
        "에서의",
        "에서만",
        "에는",
        "에도",
        "에의",
        "에만",
        "으로는",
        "로는",
        "으로도",
        "로도",
        "으로의",
        "로의",
        "으로만",
        "로만",
        "과의",
        "와의",
        "과는",
        "와는",
        "과도",
        "와도",
        "까지는",
        "까지도",
        "부터는",
        "보다는",
        "에게는",
        "에게도",
        "만은",
        "만을",
        "만이",
        "만의",
        "이다",
        "이며",
        "이고",
        "였다",
        "이었다",
        "이었던",
        "였던",
        "인",
        "이란",
        "란",
        "이라는",
        "라는",
        "이라며",
        "라며",
        "이라고",
        "라고",
        "이지만",
        "이던",
        "이므로",
        "이면",
        "이면서",
        "이어서",
        "여서",
        "이어",
        "이기",
        "이기도",
        "임",
        "입니다",
        "이에요",
        "예요",
        # Particles of source and capacity, and the conditional copula: a person suffix
        # before them is still the person (창업자로부터), a term still the term (투자라면).
        "로부터",
        "으로부터",
        "에서부터",
        "에게서",
        "한테서",
        "로서",
        "으로서",
        "로써",
        "으로써",
        "라면",
        "이라면",
    ]
)

#: Particles headlines shorten and glue to a name: 서 for 에서 (유럽서 반등, 서울서),
#: 선 for 에선 (한국선). Kiwi reads them as nouns, so 유럽서 looks like a compound.
CONTRACTED_PARTICLES: tuple[str, ...] = ("서", "선")

#: Words that name a time relative to now or a part of the year (not terms).
TIME_WORDS = words(
    "올해 내년 작년 지난해 금년 전년 당해 익년 최근 현재 이번 오늘 어제 내일 올 당시 향후 그간 "
    "상반기 하반기 연간 연말 연초 연중 분기 월간 주간 연내 전월 전분기 전년도 동기 이날 지난달 "
    "이달 다음달 금주 전일 당일 이번주 다음주 지난주 이번달 지난주말 주말 이튿날 다음날 전날"
)

#: Numbers written as words (수수료 제로, 수백 곳): a quantity, never part of a term.
NUMBER_WORDS = words("제로 수십 수백 수천 수만 수십만 수백만 수천만 수억 절반")

#: Units written after a number (2026년, 100억원, 1.5%p, 80달러), lower case.
UNITS: tuple[str, ...] = tuple(
    [
        "년",
        "월",
        "일",
        "시",
        "분",
        "초",
        "분기",
        "반기",
        "개월",
        "주",
        "주년",
        "주차",
        "세",
        "살",
        "개",
        "개사",
        "명",
        "건",
        "곳",
        "배",
        "차",
        "회",
        "번",
        "호",
        "위",
        "대",
        "층",
        "원",
        "달러",
        "엔",
        "위안",
        "유로",
        "파운드",
        "억",
        "조",
        "만",
        "천",
        "백",
        "십",
        "%p",
        "%",
        "퍼센트",
        "포인트",
        "bp",
        "p",
        "t",
        "톤",
        "kg",
        "km",
        "㎡",
        "㎞",
        "배럴",
        "mw",
        "gw",
        "kw",
        "kwh",
        "gb",
        "tb",
        "nm",
    ]
)

#: Units and currencies written as words of their own (not terms).
UNIT_WORDS = words(
    "원 달러 엔 위안 유로 파운드 억원 조원 만원 천원 억달러 조달러 퍼센트 포인트 퍼센트포인트 "
    "톤 배럴 개월 명 건 개 곳"
)

#: Currencies, lower case: next to an amount (300만 유로, 40mln유로, 유로0.3) they are its
#: unit, not the currency as a topic.
CURRENCIES = words(
    "원 달러 엔 위안 유로 파운드 원화 달러화 엔화 위안화 유로화 파운드화 "
    # The other currencies news prices deals in (2조 루피아, 5억링깃): each a unit too.
    "루피 루피화 루피아 루피아화 링깃 링깃화 루블 루블화 헤알 헤알화 바트 바트화 페소 "
    "페소화 리라 리라화 프랑 프랑화 랜드 랜드화 동화 크로나 크로네 즐로티 디르함 리얄 "
    "디나르 호주달러 캐나다달러 홍콩달러 싱가포르달러 대만달러"
)

#: Magnitude words after a number (37.5 mln, 300만, 2bn), lower case.
MAGNITUDES = words("k m mn mln bn b tn 십 백 천 만 억 조 십만 백만 천만 십억 백억 천억 수십억")

#: Endings of the names of institutions (한국간편결제진흥원, 혁신금융심사위원회): a term
#: glued into such a name is part of the name, not a mention of the term.
INSTITUTION_SUFFIXES: tuple[str, ...] = (
    "진흥원",
    "관리원",
    "평가원",
    "연구원",
    "개발원",
    "교육원",
    "진흥청",
    "위원회",
    "협의회",
    "진흥회",
    "연합회",
    "중앙회",
    # Councils (고용정책심의회, 국가과학기술자문회의: 583 such words in the shared news)
    # and development organisations (경제협력개발기구, 우주항공개발기구 for JAXA).
    "심의회",
    "자문회의",
    "개발기구",
    "재단",
    "협회",
    "공단",
    "연구소",
    # Government agencies (국가통신정보청, 조달청).
    "정보청",
    "관리청",
    "통계청",
    "조달청",
    "특허청",
    "기상청",
    "경찰청",
    "검찰청",
    "산림청",
    "병무청",
    # Teams and task forces of an agency (국세청 체납관리단, 규제개혁추진단).
    "관리단",
    "사업단",
    "추진단",
    "지원단",
    "기획단",
    "점검단",
    "조사단",
    # Departments of a company or a bank (WM영업전략부, 결제사업부, 디지털본부).
    "사업부",
    "전략부",
    "영업부",
    "기획부",
    "본부",
    # Counselling, management and information centres of an agency (특허상담센터,
    # 마약류통합정보관리센터): 센터 alone is left out, since a term before it names what
    # the centre is for (물류센터, 데이터센터); the matcher rejects a term glued on both
    # sides inside a word ending in 센터 (국민참여입법센터).
    "상담센터",
    "관리센터",
    "정보센터",
    # Mutual aid associations (건설근로자공제회, 과학기술인공제회).
    "공제회",
    # Endings of a law's name (사업재편지원특별법, 금융소비자보호법): the term names the
    # law, as a term inside an institution's name does.
    "특별법",
    "지원법",
    "보호법",
    "촉진법",
    "기본법",
    "육성법",
    "진흥법",
)

#: News and photo agencies, as credited in Korean news, lower case.
AGENCIES = words(
    "연합뉴스 연합 뉴시스 뉴스1 로이터 블룸버그 신화통신 게티이미지 게티이미지코리아",
    "ap afp epa upi ani reuters bloomberg xinhua yonhap newsis news1 getty",
)

#: Credit words that stand for a source, not a name (사진=..., 그래픽=...).
CREDITS = words("사진 자료사진 그래픽")

#: Titles of office written after a person's or an organisation's name (장동혁 대표,
#: 인천공항 사장): the phrase names a person. 시장 is left out (also "market").
OFFICE_TITLES = words(
    "대표 대표이사 부총리 총리 장관 차관 의원 회장 부회장 사장 부사장 대통령 위원장 원장 "
    "총재 부총재 청장 처장 대변인 후보 지사 도지사 구청장 군수 교수 이사장 행장 의장 "
    "전무 상무 본부장 실장 단장 최고위원 당대표 원내대표"
)

#: Titles of government posts that hold the area they cover, and their offices
#: (소프트웨어정책관, 연구개발정책실장, 장애인정책국장, 농업정책관실): a term glued before one names the
#: post, not the concept. 과장 (a section head) is left out: it is also "exaggeration"
#: (허위 과장 광고).
POST_TITLES: tuple[str, ...] = (
    "정책관실",
    "기획관실",
    "심의관실",
    "정책관",
    "정책실장",
    "정책국장",
    "정책실",
    "정책국",
    "기획관",
    "심의관",
    "국장",
)

#: Titles that end a byline (홍길동 기자).
BYLINE_TITLES: tuple[str, ...] = (
    "기자",
    "특파원",
    "통신원",
    "논설위원",
    "객원기자",
    "선임기자",
    "기자단",
)
