"""The recording script as an HTML page and a printable PDF (the same page, printed by WeasyPrint).

The page says how to record (by phone with ``*77`` or by file), shows the count and the estimated time, then
every item: its number (what ``*77`` announces and what a file may be named), the words to read, how the
digits in it are read, and — when a pack is given — whether it is recorded already. Korean text is set in
NanumGothic (Debian ``fonts-nanum``), falling back to any installed CJK font.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

from appliance.errors import ApplianceError
from appliance.speech.recording_script import SECTIONS, ScriptItem, summary

_LOGGER = logging.getLogger(__name__)

STATE_KO = {"recorded": "녹음됨", "placeholder": "임시 음성", "stale": "문장 바뀜", "missing": "없음"}

_CSS = """
@page { size: A4; margin: 14mm 12mm; @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; } }
body { font-family: "NanumGothic", "Nanum Gothic", "Noto Sans CJK KR", sans-serif; font-size: 10.5pt; color: #111; }
h1 { font-size: 17pt; margin: 0 0 4px 0; } h2 { font-size: 12.5pt; margin: 16px 0 6px 0; break-after: avoid; }
.how { border: 1px solid #999; padding: 6px 10px; font-size: 9.5pt; } .how li { margin: 2px 0; }
table { width: 100%; border-collapse: collapse; }
td { border-bottom: 1px solid #ccc; padding: 5px 4px; vertical-align: top; }
tr { break-inside: avoid; } td.n { width: 9mm; font-weight: bold; text-align: right; }
td.s { width: 17mm; font-size: 8.5pt; color: #555; }
.text { font-size: 12pt; line-height: 1.45; } .read { font-size: 9pt; color: #444; }
.list .text { letter-spacing: 0.5px; }
.recorded td.s { color: #0a6b0a; } .summary { font-size: 10pt; margin: 4px 0 8px 0; }
"""


def render_html(items: list[ScriptItem], clinic: str, states: dict[str, str] | None = None) -> str:
    """The whole script as one HTML document. ``states``: item key → recorded/placeholder/stale/missing."""
    esc = html.escape
    s = summary(items)
    out = [f"<!doctype html><html lang='ko'><head><meta charset='utf-8'><title>{esc(clinic)} 녹음 대본</title>"
           f"<style>{_CSS}</style></head><body>",
           f"<h1>{esc(clinic)} 전화 안내 녹음 대본</h1>",
           f"<p class='summary'>녹음 <b>{s['recordings']}개</b> (문장 {s['phrases']}개, 숫자·단어 목록 "
           f"{s['fragment_takes']}개) · 읽는 시간 약 <b>{s['reading_minutes']:.0f}분</b> · 전화로 녹음하면 "
           f"들어 보기까지 약 {s['phone_session_minutes']:.0f}분</p>",
           "<div class='how'><ol>",
           "<li>조용한 곳에서, 평소 전화 받으실 때처럼 천천히 또박또박 읽어 주세요. "
           "위에서 아래로 순서대로 읽으면 됩니다.</li>",
           "<li><b>전화로</b>: 데스크 전화에서 <b>*77</b> → 비밀번호와 # → 안내하는 번호의 문장을 삐 소리 후에 "
           "읽고 # → 들어 보시고 <b>1 저장 · 2 다시 · 3 건너뛰기 · # 그만</b>. 올라가는 '띵동'은 저장, "
           "낮은 '뚜'는 다시 녹음이 필요하다는 뜻입니다. 중간에 끊어도 다음에 이어서 합니다.</li>",
           "<li><b>파일로</b>: 휴대폰이나 PC로 녹음해 번호를 파일 이름으로 저장(예: 012.m4a) → "
           "<code>dentalcall prompts import 폴더</code>. WAV, m4a, MP3, OGG 모두 됩니다.</li>",
           "<li>목록(숫자·요일·진료 이름)은 한 번에 읽되 단어 사이에서 한 박자 쉬어 주세요. "
           "녹음은 자동으로 단어마다 잘립니다.</li>",
           "<li>녹음마다 소리 크기, 잡음, 읽은 내용을 자동으로 확인합니다. 통과하지 못하면 이유를 알려 드립니다.</li>",
           "</ol></div>"]
    current = None
    for item in items:
        if item.section != current:
            if current is not None:
                out.append("</table>")
            current = item.section
            out.append(f"<h2>{esc(SECTIONS.get(current, current))}</h2><table>")
        state = (states or {}).get(item.key, "")
        cls = " ".join(c for c in ("list" if item.is_list else "", state) if c)
        reading = f"<div class='read'>읽기: {esc(item.reading)}</div>" if item.reading else ""
        mark = esc(STATE_KO.get(state, "")) if states else ""
        shown = "  ·  ".join(esc(p) for p in item.parts) if item.is_list else esc(item.text)  # · = a short pause
        out.append(f"<tr class='{cls}'><td class='n'>{item.number}</td><td><div class='text'>{shown}</div>"
                   f"{reading}</td><td class='s'>{mark}</td></tr>")
    if current is not None:
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


def write_html(path: Path, items: list[ScriptItem], clinic: str, states: dict[str, str] | None = None) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(items, clinic, states), encoding="utf-8")
    return path


def write_pdf(path: Path, items: list[ScriptItem], clinic: str, states: dict[str, str] | None = None) -> Path:
    """The printable script (A4). Needs WeasyPrint (pip) and a Korean font (Debian fonts-nanum)."""
    try:
        import weasyprint
    except ImportError as exc:
        raise ApplianceError(f"the PDF script needs WeasyPrint ({exc}): re-run install.sh") from None
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    weasyprint.HTML(string=render_html(items, clinic, states)).write_pdf(str(path))
    return path


def item_states(pack: Any, items: list[ScriptItem]) -> dict[str, str]:
    """Item key → the worst state of the entries it fills (missing > stale > placeholder > recorded)."""
    rank = {"missing": 3, "stale": 2, "placeholder": 1, "recorded": 0}
    by_key = {row.key: row.state for row in pack.status()}
    out = {}
    for item in items:
        states = [by_key.get(k, "missing") for k in item.keys]
        out[item.key] = max(states, key=lambda s: rank[s])
    return out
