"""Campaign calls (outbound) as pure dialogs: one flow per campaign over the shared asker, identity first.

``CampaignDialog(campaign=…, kind=…, ops=…, patient_id=…, data=…)`` runs a campaign call; ``VoicemailDialog``
leaves the answering-machine message. The outbound route (``appliance.outbound.calls``) and
``dentalcall chat --campaign`` build them.
"""

from appliance.conversation.campaigns.base import CampaignDialog
from appliance.conversation.campaigns.checks import HappyCallFlow, ImplantCheckFlow
from appliance.conversation.campaigns.offers import OfferFlow
from appliance.conversation.campaigns.ops import Ops, People, appointments_of
from appliance.conversation.campaigns.reminder import ReminderFlow
from appliance.conversation.campaigns.voicemail import VoicemailDialog

CampaignDialog.BODIES = {
    "reminder": ReminderFlow, "happy_call": HappyCallFlow, "implant_checkup": ImplantCheckFlow,
    "insurance_scaling": OfferFlow, "recall": OfferFlow, "insured_treatment": OfferFlow,
}
CAMPAIGNS = tuple(CampaignDialog.BODIES)

__all__ = ["CAMPAIGNS", "CampaignDialog", "Ops", "People", "VoicemailDialog", "appointments_of"]
