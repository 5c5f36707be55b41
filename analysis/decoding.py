"""Bytes to text, never garbling a whole file for a few bad bytes.

UTF-8 with or without BOM is the common case and is decoded in one call. UTF-16 needs its byte order
mark. Windows-1256 is chosen only when the file as a whole is plausibly that: most of its non-ASCII
bytes are not UTF-8, and read as Windows-1256 they are Arabic letters. Otherwise the file is UTF-8 with
damage: each undecodable byte sequence becomes one U+FFFD and each stray NUL byte is dropped, and every
such place is recorded (`Damage`) so that the caller can name the row or file it falls in.
"""
from __future__ import annotations

import io
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

BOM = b"\xef\xbb\xbf"
REPLACEMENT = "\ufffd"
SHOWN = 5  # byte offsets listed in a problem; the count is always given in full
_NON_ASCII = bytes(range(128, 256))


@dataclass(frozen=True)
class Damage:
    """One place where the bytes were not clean text: an undecodable sequence or a NUL byte."""

    char: int   # its position in the decoded text (before NULs are dropped)
    byte: int   # its offset in the file
    kind: str   # "undecodable" (replaced by U+FFFD) or "nul" (dropped)


@dataclass(frozen=True)
class Decoded:
    """The decoded text of a whole file, its encoding, a note on the encoding, and the damage found."""

    text: str
    encoding: str
    caveat: str | None
    damage: tuple[Damage, ...] = ()


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes; NULs are still in `text` (see `Damage`), leading byte order marks are not.
    Raises ValueError with the reason when the bytes are not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _utf16(data)
    skip = 0
    while data.startswith(BOM, skip):
        skip += len(BOM)
    body = data[skip:] if skip else data
    nuls = _nul_offsets(body, skip) if b"\x00" in body else []
    try:
        text, encoding, caveat, damage = body.decode("utf-8"), "utf-8", None, []
    except UnicodeDecodeError as err:
        text, encoding, caveat, damage = _not_utf8(body, err, skip)
    if nuls:
        found = zip(_find_all(text, "\x00"), nuls)  # a NUL byte is a NUL character in UTF-8 and Windows-1256
        damage = sorted([*damage, *(Damage(c, b, "nul") for c, b in found)], key=lambda d: d.char)
    if _control_share(text) > 0.05:
        raise ValueError("binary file: too many control characters for text")
    return Decoded(text, encoding, caveat, tuple(damage))


def decode(data: bytes) -> tuple[str, str, str | None]:
    """(text, encoding, caveat) of one article file, line ends as \\n; raises ValueError with the reason
    when it is not text. The caveat says what was not clean (the encoding, replaced bytes, dropped NULs)."""
    if not data.strip():
        raise ValueError("empty file")
    decoded = decode_bytes(data)
    text = decoded.text
    if any(d.kind == "nul" for d in decoded.damage):
        text = text.replace("\x00", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ValueError("empty file")
    notes = [n for n in (decoded.caveat, *describe(decoded.damage)) if n]
    return text, decoded.encoding, "; ".join(notes) or None


def _control_share(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f\v\x00") or 0x7f <= ord(c) < 0xa0)
    return bad / max(1, len(sample))


def _find_all(text: str, char: str) -> list[int]:
    out, i = [], text.find(char)
    while i >= 0:
        out.append(i)
        i = text.find(char, i + 1)
    return out


def _nul_offsets(body: bytes, base: int) -> list[int]:
    """Offsets of the NUL bytes; raises when there are so many that the file is binary (a run of NULs at
    the end, as a preallocated download leaves, does not count)."""
    inner = len(body.rstrip(b"\x00"))
    if body.count(b"\x00", 0, inner) * 100 > max(inner, 1):
        raise ValueError("binary file: contains NUL bytes")
    out, i = [], body.find(b"\x00")
    while i >= 0:
        out.append(base + i)
        i = body.find(b"\x00", i + 1)
    return out


def _not_utf8(body: bytes, err: UnicodeDecodeError, base: int) -> tuple[str, str, str | None, list[Damage]]:
    """Bytes that are not all UTF-8: Windows-1256 if the whole is plausibly that, else UTF-8 with its
    undecodable sequences replaced, else not text."""
    replaced = body.decode("utf-8", "replace")
    bad = replaced.count(REPLACEMENT) - body.count(REPLACEMENT.encode("utf-8"))
    ascii_bytes = len(body.translate(None, _NON_ASCII))
    valid = len(replaced) - ascii_bytes - bad  # non-ASCII characters that are good UTF-8
    if bad > valid:
        legacy = body.decode("cp1256")  # every byte has a meaning in Windows-1256
        if _arabic_share(legacy) >= 0.3:
            return legacy, "cp1256", (f"not UTF-8: decoded as Windows-1256 (legacy Arabic encoding): {bad} byte "
                                      "sequences are not UTF-8 and read as Windows-1256 they are Arabic letters"), []
    if valid >= bad or bad * 100 <= len(body):
        text, damage = replacing(body, "utf-8", base)
        return text, "utf-8", None, damage
    raise ValueError(f"undecodable: not UTF-8 ({bad} invalid byte sequences, the first at byte {base + err.start}) "
                     "nor Windows-1256 Arabic text")


def _arabic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum("\u0600" <= c <= "\u06ff" for c in letters) / len(letters) if letters else 0.0


def _utf16(data: bytes) -> Decoded:
    codec = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
    text, damage = replacing(data[2:], codec, 2)
    shift = len(text) - len(text.lstrip("\ufeff"))  # further byte order marks
    if shift:
        text, damage = text[shift:], [Damage(d.char - shift, d.byte, d.kind) for d in damage]
    if "\x00" in text:  # U+0000 characters, dropped like NUL bytes elsewhere
        nuls = [Damage(i, 2 + 2 * shift + len(text[:i].encode(codec, "surrogatepass")), "nul") for i in _find_all(text, "\x00")]
        damage = sorted([*damage, *nuls], key=lambda d: d.char)
    if _control_share(text) > 0.05:
        raise ValueError("binary file: too many control characters for text")
    return Decoded(text, "utf-16", "decoded as UTF-16 (byte order mark)", tuple(damage))


def replacing(data: bytes, codec: str = "utf-8", base: int = 0) -> tuple[str, list[Damage]]:
    """`data` decoded with each undecodable sequence replaced by U+FFFD (as errors="replace" does) and the
    place of each; `base` is the offset of `data` in its file."""
    view, parts, damage, pos, chars = memoryview(data), [], [], 0, 0
    while True:
        try:
            part = str(view[pos:], codec)
        except UnicodeDecodeError as err:
            part = str(view[pos:pos + err.start], codec)
            parts += [part, REPLACEMENT]
            damage.append(Damage(chars + len(part), base + pos + err.start, "undecodable"))
            chars += len(part) + 1
            pos += err.end
            continue
        parts.append(part)
        return "".join(parts), damage


def describe(damage, where: str = "the file") -> list[str]:
    """One sentence per kind of damage: how many, and the first byte offsets."""
    out = []
    for kind, what in (("undecodable", "undecodable byte sequence(s) replaced by U+FFFD"),
                       ("nul", "NUL byte(s) dropped")):
        offsets = [d.byte for d in damage if d.kind == kind]
        if offsets:
            shown = ", ".join(map(str, offsets[:SHOWN])) + (", …" if len(offsets) > SHOWN else "")
            out.append(f"{len(offsets)} {what} at byte offset(s) {shown} of {where}")
    return out


def line_starts(text: str) -> list[int]:
    """Where each line starts, lines split as `io.StringIO(text, newline="")` (and the csv module) split
    them: at \\n, \\r\\n and \\r."""
    return [0, *accumulate(len(line) for line in io.StringIO(text, newline=""))]


def damage_by_line(damage, starts: list[int]) -> dict[int, list[Damage]]:
    """The damage of each line (0-based line index), given `line_starts`."""
    out: dict[int, list[Damage]] = {}
    for d in damage:
        out.setdefault(bisect_right(starts, d.char) - 1, []).append(d)
    return out
