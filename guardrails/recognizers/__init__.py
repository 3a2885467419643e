"""Our recognizers, one per file; :func:`default_recognizers` lists them all."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from guardrails.recognizers.bank_account_recognizer import BankAccountRecognizer
from guardrails.recognizers.bhxh_recognizer import BhxhRecognizer
from guardrails.recognizers.bhyt_recognizer import BhytRecognizer
from guardrails.recognizers.card_recognizer import CardRecognizer
from guardrails.recognizers.cccd_recognizer import CccdRecognizer
from guardrails.recognizers.cmnd_recognizer import CmndRecognizer
from guardrails.recognizers.credential_recognizer import ApiKeyRecognizer, CredentialRecognizer
from guardrails.recognizers.date_of_birth_recognizer import DateOfBirthRecognizer
from guardrails.recognizers.driving_licence_recognizer import DrivingLicenceRecognizer
from guardrails.recognizers.email_address_recognizer import EmailAddressRecognizer
from guardrails.recognizers.english_address_recognizer import EnglishAddressRecognizer
from guardrails.recognizers.home_address_recognizer import HomeAddressRecognizer
from guardrails.recognizers.internal_document_recognizer import InternalDocumentRecognizer
from guardrails.recognizers.ip_address_recognizer import IpAddressRecognizer
from guardrails.recognizers.passport_recognizer import PassportRecognizer
from guardrails.recognizers.person_name_recognizer import PersonNameRecognizer
from guardrails.recognizers.plate_recognizer import PlateRecognizer
from guardrails.recognizers.prompt_injection_recognizer import PromptInjectionRecognizer
from guardrails.recognizers.sensitive_data_recognizer import SensitiveDataRecognizer
from guardrails.recognizers.state_secret_recognizer import OperationalSecretRecognizer, StateSecretRecognizer
from guardrails.recognizers.tax_code_recognizer import TaxCodeRecognizer
from guardrails.recognizers.vietnam_phone_recognizer import VietnamPhoneRecognizer

RECOGNIZER_CLASSES = (
    CccdRecognizer, CmndRecognizer, VietnamPhoneRecognizer, EmailAddressRecognizer, BankAccountRecognizer, CardRecognizer,
    TaxCodeRecognizer, BhxhRecognizer, BhytRecognizer, PassportRecognizer, PlateRecognizer, DrivingLicenceRecognizer,
    DateOfBirthRecognizer, IpAddressRecognizer, PersonNameRecognizer, HomeAddressRecognizer, EnglishAddressRecognizer,
    SensitiveDataRecognizer,
    StateSecretRecognizer, OperationalSecretRecognizer, InternalDocumentRecognizer, CredentialRecognizer, ApiKeyRecognizer,
    PromptInjectionRecognizer,
)  # fmt: skip


def default_recognizers() -> list[EntityRecognizer]:
    return [cls() for cls in RECOGNIZER_CLASSES]


__all__ = ["RECOGNIZER_CLASSES", "default_recognizers"]
