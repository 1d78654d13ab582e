"""Bytes → str for text-like inputs (txt, html): BOM, UTF-16 sniffing, strict UTF-8, detection, fallback."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from govdisc.model import ReadError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030", "cp936", "ms936", "euc_cn", "euccn", "x_gbk", "windows_936"})
_BIG5_FAMILY = frozenset({"big5", "big5hkscs", "big5_hkscs", "cp950", "ms950", "x_big5"})
_BIG5_CODECS = ("big5", "cp950", "big5hkscs")

# Frequent characters of Chinese running text in simplified and traditional forms; used to tell
# GB18030 from Big5 when both decode without error.
_COMMON_HANZI = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好"
    "应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向道"
    "命此变条只没结解问意建月公无系很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长"
    "求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色"
    "光门即保治北造百规领七海口东导器压志世金增争济阶思术极交受联什认六共权收证改清己美再采转更单风切打白教速"
    "花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集传土许步群广石记需"
    "段研界拉林律叫且究观越织装影算低持音众书布复容须际商非验连断深难近千周委素技备半办青省列习响约支般史感劳"
    "便团往历市克何除消构府称太准精值号率族维划选标写存候亲快效院查江型眼王按格养易置派层片始却专状育厂京识适"
    "属圆包住调满县局照参红细引听该价严龙依申请予网站件次数量况情答复办理告报年度公开信息政府"
    "這為個國們來時說過會對發動與經進實當從業還據處規務門開關區報資訊條機構單數請覆辦"
    "總體況號處統計網頁財預決辦縣鄉鎮書員責監督聽證費政專項議會議問題檢查設計劃"
)

_CONTROL_OK = frozenset("\t\n\r\f\v\x1b")
_CONTROL_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in [*range(0x20), *range(0x7F, 0xA0)]
                                          if chr(c) not in _CONTROL_OK) + "]")  # fmt: skip
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in (9, 10, 11, 12, 13, 27))


@dataclass
class Decoded:
    """Decoded text with the codec used and any warnings about guesses or losses."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def canonical_codec(name: str | None) -> str | None:
    """Map a declared or detected charset name to the codec govdisc decodes with (GB family → gb18030)."""
    if not name:
        return None
    key = name.strip().lower().replace("-", "_")
    if key in _GB_FAMILY:
        return "gb18030"
    if key in _BIG5_FAMILY:
        return "big5"
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return None


def sniff_bom(data: bytes) -> tuple[str, int] | None:
    """(codec, BOM length) when the data starts with a Unicode byte-order mark."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def sniff_utf16(data: bytes) -> str | None:
    """utf-16-le/-be when NUL bytes cluster on one byte parity, as ASCII text in UTF-16 does."""
    sample = data[:8192]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    total = even + odd
    if total < max(2, len(sample) // 50):
        return None
    if odd >= 0.9 * total:
        return "utf-16-le"
    if even >= 0.9 * total:
        return "utf-16-be"
    return None


def control_ratio(text: str) -> float:
    """Share of control characters (other than ordinary whitespace) in a sample of the text."""
    sample = text[:20000]
    if not sample:
        return 0.0
    return len(_CONTROL_CHARS.findall(sample)) / len(sample)


def looks_binary(data: bytes) -> bool:
    """Many NULs or C0 control bytes: not a text file in any single-byte or multibyte CJK encoding."""
    sample = data[:20000]
    if not sample:
        return False
    nul = sample.count(0)
    ctrl = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return nul / len(sample) > 0.005 or ctrl / len(sample) > 0.03


def hanzi_score(text: str) -> tuple[int, float]:
    """(number of ideographs, share of them that are frequent characters) in a sample of the text."""
    sample = text[:20000]
    han = [ch for ch in sample if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"]
    if not han:
        return 0, 0.0
    return len(han), sum(1 for ch in han if ch in _COMMON_HANZI) / len(han)


def strict_decode(data: bytes, codec: str) -> tuple[str, str] | None:
    """(text, codec used) when the data decodes without error; Big5 retries its supersets."""
    for name in _BIG5_CODECS if codec == "big5" else (codec,):
        try:
            return data.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _detected_codecs(data: bytes) -> list[str]:
    """Codecs charset-normalizer finds plausible, best first, mapped to govdisc's codecs.

    charset-normalizer is imported here, for the few files that are neither UTF-8 nor declared GB18030/Big5.
    """
    from charset_normalizer import from_bytes

    out: list[str] = []
    for match in from_bytes(data[:200_000]):
        codec = canonical_codec(match.encoding)
        if codec and codec not in out and not codec.startswith("utf"):
            out.append(codec)
    return out


def _most_chinese(data: bytes, detected: list[str]) -> Decoded | None:
    """Among the detected codecs plus GB18030 and Big5, the strict decoding that reads most like Chinese."""
    candidates = detected + [c for c in ("gb18030", "big5") if c not in detected]
    scored = []
    for rank, codec in enumerate(candidates):
        hit = strict_decode(data, codec)
        if hit is not None:
            scored.append((hanzi_score(hit[0]), -rank, hit[0], hit[1]))
    if not scored:
        return None
    (count, share), _, text, name = max(scored, key=lambda s: (s[0][1], s[1]))
    return Decoded(text, name) if count and share >= 0.2 else None


def _lossy_gb18030(data: bytes) -> Decoded | None:
    """GB18030 with replacement characters, when that still reads as Chinese with few losses."""
    text = data.decode("gb18030", errors="replace")
    count, share = hanzi_score(text)
    if count and share >= 0.2 and text.count("\ufffd") <= max(3, len(text) // 100):
        return Decoded(text, "gb18030", ["encoding uncertain; decoded as gb18030", *_replacement_warnings(text)])
    return None


def _first_guess(data: bytes, detected: list[str]) -> Decoded | None:
    """charset-normalizer's first choice, flagged as a guess."""
    hit = strict_decode(data, detected[0]) if detected else None
    return Decoded(hit[0], hit[1], [f"encoding guessed as {hit[1]}"]) if hit else None


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode text bytes: BOM → UTF-16 sniff → strict UTF-8 → declared CJK charset → detection → gb18030.

    Detection asks charset-normalizer and prefers the candidate that reads as Chinese; the last resort is
    gb18030 with replacement characters and a warning. Raises ReadError("binary data, not text") for data
    full of NULs or control characters.
    """
    bom = sniff_bom(data)
    if bom is not None:
        codec, size = bom
        text = data[size:].decode(codec.removesuffix("-sig"), errors="replace")
        return _checked(Decoded(text, codec, _replacement_warnings(text)))
    utf16 = sniff_utf16(data)
    if utf16 is not None:
        hit = strict_decode(data, utf16)
        if hit is not None and control_ratio(hit[0]) < 0.01:
            return Decoded(hit[0], utf16)
    if looks_binary(data):
        raise ReadError("binary data, not text")
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    nearly = nearly_utf8(data)
    if nearly is not None:
        return _checked(nearly)
    notes: list[str] = []
    declared_codec = canonical_codec(declared)
    declared_hit = strict_decode(data, declared_codec) if declared_codec else None
    if (
        declared_hit is not None
        and declared_codec is not None
        and (declared_codec in ("gb18030", "big5") or declared_codec.startswith("utf"))
    ):
        return _checked(Decoded(*declared_hit))
    if declared_codec and declared_hit is None:
        notes.append(f"declared charset {declared} does not match the bytes")
    detected = _detected_codecs(data)
    found = _most_chinese(data, detected)
    if found is None and declared_hit is not None:
        found = Decoded(*declared_hit)
    found = found or _lossy_gb18030(data) or _first_guess(data, detected)
    if found is None:
        text = data.decode("gb18030", errors="replace")
        warnings = ["encoding not detected; decoded as gb18030", *_replacement_warnings(text)]
        found = Decoded(text, "gb18030", warnings)
    found.warnings[:0] = notes
    return _checked(found)


#: Text that is UTF-8 but for at most this share of bad sequences (and a handful more) stays UTF-8.
_UTF8_BAD_SHARE = 0.001
_SHOWN_POSITIONS = 5


def nearly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with its few bad byte sequences replaced (a stray byte, a character cut at the end), or None.

    The whole text is judged: it stays UTF-8 when its multibyte characters outnumber the bad sequences
    many times over and those are rare, so one bad byte never sends a file to another codec. The warning
    counts the replacements and names where they are (byte offsets).
    """
    bad: list[int] = []
    pieces: list[str] = []
    pos = 0
    while True:
        try:
            pieces.append(data[pos:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            pieces.append(data[pos : pos + exc.start].decode("utf-8"))
            pieces.append("\ufffd")
            bad.append(pos + exc.start)
            pos += exc.end
        if len(bad) > max(3, len(data) * _UTF8_BAD_SHARE):
            return None
    text = "".join(pieces)
    wide = sum(1 for ch in text if ord(ch) > 0x7F) - len(bad)
    if wide < 10 * len(bad):
        return None
    where = ", ".join(f"{b:,}" for b in bad[:_SHOWN_POSITIONS]) + (", …" if len(bad) > _SHOWN_POSITIONS else "")
    return Decoded(text, "utf-8", [f"{len(bad)} invalid UTF-8 byte sequence(s) replaced (at byte {where})"])


def _replacement_warnings(text: str) -> list[str]:
    """A warning counting U+FFFD replacement characters, if any."""
    n = text.count("\ufffd")
    return [f"{n} undecodable byte sequence(s) replaced"] if n else []


def _checked(decoded: Decoded) -> Decoded:
    """Reject decoded text that is mostly control characters."""
    if control_ratio(decoded.text) > 0.03:
        raise ReadError("binary data, not text")
    return decoded


_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first bytes (meta charset, http-equiv, xml decl)."""
    head = data[:8192]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        m = pattern.search(head)
        if m:
            return m.group(1).decode("ascii", errors="ignore")
    return None
