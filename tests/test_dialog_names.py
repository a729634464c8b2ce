"""Names only where they can be spoken, over every dialog: with the voice a clinic has before it records
(the placeholder voice, espeak-ng) and with a fully recorded pack, no patient's name is ever said — the
recorded wording ("네, 확인되었습니다.", "환자분", "보호자분") is — and every sentence the dialogs say can be
said by that voice (no dialog needs a voice it does not have). Only with a neural voice installed are patients
addressed by name ("김민수 님, 확인되었습니다."): the positive control that shows the check can fail.

The dialogs get the voice's own ``can_say``, as the engine gives them (``SpeechRuntime.can_say``)."""

from __future__ import annotations

import datetime as dt
import shutil

import numpy as np
import pytest

from appliance import settings
from appliance.commands.chat import parse_input
from appliance.conversation import addressing
from appliance.conversation.actions import Say
from appliance.conversation.backend import Backend
from appliance.conversation.campaigns import CampaignDialog, People, VoicemailDialog
from appliance.conversation.receptionist import Receptionist
from appliance.data import crm
from appliance.data.clinic import facts as factslib
from appliance.data.emr.connector import EMR
from appliance.phrasebook import build_placeholder, load_pack
from appliance.speech import audio
from appliance.speech.prompt_pack import PromptPack
from appliance.speech.voice import Voice
from tests.demo_emr_support import NOW, talk
from tests.demo_emr_support import emr_url as emr_url  # a fixture
from tests.test_dialog_graph import FAMILY_PHONE, campaign_scripts, inbound_scripts, understand
from tests.receptionist_support import patient_with_appointment as patient_with_appointment  # a fixture
from tests.campaign_dialog_support import DAUGHTER, FAMILY, MINSU, MOTHER, SON, Ops

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")

CAMPAIGN_DATA = {"appointment": {"id": "55", "start": "2026-11-24T15:30:00", "treatment": "scaling"}}


class NeuralVoice:
    """Stands in for an installed neural voice (the real loader is tested in test_voice_names): it can say
    anything, so the voice layer lets names through."""

    voice = type("V", (), {"name": "neural"})()

    def sentence(self, text: str, store: bool = True) -> bytes:
        return audio.float_to_pcm(0.3 * np.sin(2 * np.pi * 300 * np.arange(1600) / 8000))

    def close(self) -> None:
        pass


@pytest.fixture(scope="module")
def voices(tmp_path_factory):
    """The placeholder voice, the same pack with every entry recorded by a person, and a neural voice."""
    placeholder = settings.load(overrides={"home": str(tmp_path_factory.mktemp("placeholder"))}, env={})
    build_placeholder(placeholder)
    recorded = settings.load(overrides={"home": str(tmp_path_factory.mktemp("recorded"))}, env={})
    source, pack = load_pack(placeholder), PromptPack.load(recorded)
    for key, text in source.expected_prompts().items():
        pack.store("prompt", key, source.pcm(key), text, source="recorded")
    for key, text in source.expected_fragments().items():
        pack.store("fragment", key, source.fragment_pcm(key), text, source="recorded")
    pack.save_manifest()
    return {"placeholder": Voice(placeholder, pack=load_pack(placeholder), piper=None),
            "recorded": Voice(recorded, pack=load_pack(recorded), piper=None),
            "neural": Voice(placeholder, pack=load_pack(placeholder), piper=NeuralVoice())}


def conversations(voice: Voice, emr_url: str, crm_path, patient_birth: str, patient_phone: str):
    """Every scripted conversation of every dialog over ``voice``: (the dialog, its turns)."""
    crm.open_database(f"sqlite:///{crm_path}")
    facts = factslib.load(factslib.EXAMPLE)
    try:
        for kw, lines in inbound_scripts(patient_birth, patient_phone) + [
                ({"caller": FAMILY_PHONE}, ["예약하고 싶어요", "#820918", "스케일링", "내일 오전", "네"])]:
            dialog = Receptionist(clinic_name="미소치과", backend=Backend(facts, emr=EMR(emr_url, "reference")),
                                  caller=kw["caller"], call_key="names", now=lambda: NOW, understand=understand,
                                  can_say=voice.can_say, recorded=True)
            yield dialog, talk(dialog, lines)
        guardian = {"ops": Ops(people=People([SON], others=[MOTHER])), "patient_id": "2",
                    "data": {"appointment": FAMILY["appointments"][0]}}  # the mother answers for her son
        for name, kw, lines in campaign_scripts() + [("reminder", {}, ["#850302", "#1"]),
                                                     ("reminder", guardian, ["#820918", "#1"])]:
            ops = kw.get("ops") or Ops(people=People([MINSU]))
            dialog = CampaignDialog(campaign=name, kind="INFO" if name in ("reminder", "happy_call", "implant_checkup")
                                    else "AD", ops=ops, facts=facts, patient_id=kw.get("patient_id", "55"),
                                    data=kw.get("data") or CAMPAIGN_DATA, now=lambda: NOW, can_say=voice.can_say)
            yield dialog, talk(dialog, lines)
        for kind in ("INFO", "AD"):
            dialog = VoicemailDialog(kind=kind, clinic_phone="02-555-0100")
            yield dialog, [dialog.start()]
    finally:
        crm.database.close()


def names_on_file(emr_url: str) -> set[str]:
    emr = EMR(emr_url, "reference")
    names = {p.name for p in map(emr.get_patient, map(str, range(1, 301))) if p and p.name}
    return names | {p.name for p in (MINSU, MOTHER, SON, DAUGHTER)}


@pytest.mark.parametrize("kind", ["placeholder", "recorded"])
def test_no_patient_name_is_ever_said_without_a_neural_voice(kind, voices, emr_url, tmp_path,
                                                             patient_with_appointment):
    voice = voices[kind]
    assert not voice.speaks_names and voice.address("김민수") == "환자분"
    names = names_on_file(emr_url)
    patient, _ = patient_with_appointment
    confirmations, said = 0, 0
    for dialog, turns in conversations(voice, emr_url, tmp_path / "crm.sqlite", patient.birth_date.strftime("%y%m%d"),
                                       patient.phones[0]):
        for turn in turns:
            for action in turn:
                if not isinstance(action, Say):
                    continue
                said += 1
                text = voice.text_of(action.key) if action.key else action.text
                assert not any(name in text for name in names), (type(dialog).__name__, text)
                assert " 님," not in text and "보호자님" not in text, text
                assert voice.can_say(action.key or action.text), (type(dialog).__name__, text)  # never NoVoice
                confirmations += action.key in ("confirmed_short", "confirmed_guardian")
    assert said > 300 and confirmations >= 10  # the identity step ran, with the recorded wording


def test_with_a_neural_voice_patients_are_addressed_by_name(voices, emr_url, tmp_path, patient_with_appointment):
    voice = voices["neural"]
    assert voice.speaks_names and voice.address("김민수") == "김민수 님"
    assert addressing.title("김도윤", guardian=True) == voice.address("김도윤", guardian=True)  # one wording
    patient, _ = patient_with_appointment
    texts = [a.text for _, turns in conversations(voice, emr_url, tmp_path / "crm.sqlite",
                                                  patient.birth_date.strftime("%y%m%d"), patient.phones[0])
             for turn in turns for a in turn if isinstance(a, Say) and a.text]
    assert f"{patient.name} 님, 확인되었습니다." in texts
    assert "김민수 님, 확인되었습니다." in texts  # a campaign call, after the birth date
    assert any(t.startswith("김도윤 님, ") for t in texts)  # a family's reminder reads each child's name
    assert any(t.endswith("보호자님, 확인되었습니다.") for t in texts)  # a guardian answering for a child


def test_a_name_is_not_stitched_from_recorded_pieces(voices):
    """Names made of recorded syllables (digits, a doctor's name, a title) are still not said by recordings."""
    for kind in ("placeholder", "recorded"):
        voice = voices[kind]
        for sentence in ("이사 님, 확인되었습니다.", "오일 님, 내일, 십일월 이십사 일 화요일 오후 세 시",
                         "원장 님, 확인되었습니다.", "김민수 보호자님, 확인되었습니다."):
            assert not voice.can_say(sentence), (kind, sentence)
        assert voice.can_say("confirmed_short") and voice.can_say("내일, 십일월 이십사 일 화요일 오후 세 시")
    assert voices["neural"].can_say("이사 님, 확인되었습니다.")


def test_campaign_dialogs_without_a_voice_check_say_no_name():
    """A campaign dialog built without ``can_say`` (a carrier that cannot tell) says no name either."""
    dialog = CampaignDialog(campaign="reminder", kind="INFO", ops=Ops(people=People([MINSU])), facts=None,
                            patient_id="55",
                            data=CAMPAIGN_DATA, now=lambda: dt.datetime(2026, 11, 23, 10))
    dialog.start()
    out = dialog.on_input(parse_input("#850302"))
    assert out[0] == Say("confirmed_short") and "김민수" not in str(out)
