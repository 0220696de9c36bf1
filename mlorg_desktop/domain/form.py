"""The respondent form: one self-contained HTML file made from the latest questionnaire.

The page comes from a Jinja2 template with autoescaping (``resources/form/``), so every text
put into it (organization, unit, round, title, questions) is escaped. Its style and script are
inlined, and the Content-Security-Policy allows exactly those two by their SHA-256 hashes and
nothing else: no connection, image, font, frame or form submission. The form carries the
questionnaire version and checksum (``bank_checksum``) into every file it saves, and an import
refuses a file whose checksum does not match the questionnaire it names.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup

from mlorg_desktop import __version__
from mlorg_desktop.domain.bank_checksum import allows_split, questionnaire_checksum
from mlorg_desktop.domain.questionnaire import (
    DONT_KNOW,
    NOT_APPLICABLE,
    SPECIAL_LABELS,
    Questionnaire,
)
from mlorg_desktop.resources import resource_path

FORM_FOLDER = ("form",)
TEMPLATE = "respondent-form.html.j2"
MAX_LINE = 200  # the exchange format's limit for organization, unit, respondent, role


class FormSettingsError(ValueError):
    """A value given for the form cannot go into an exchange file (the message says why)."""


@dataclass(frozen=True)
class FormSettings:
    """What the person sending the form fixes for every respondent (all optional)."""

    organization: str = ""
    unit: str = ""
    round: str = ""
    title: str = ""

    def checked(self) -> FormSettings:
        values = {}
        for name in ("organization", "unit", "round", "title"):
            value = " ".join(str(getattr(self, name)).split())  # no control characters
            if len(value) > MAX_LINE:
                raise FormSettingsError(
                    f"the {name} is {len(value)} characters long; at most {MAX_LINE} fit"
                )
            values[name] = value
        return FormSettings(**values)


def sha256_source(text: str) -> str:
    """A CSP source expression allowing exactly this inline script or style."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(script: str, style: str) -> str:
    # form-action, base-uri and frame-ancestors do not fall back to default-src: name them.
    return "; ".join(
        (
            "default-src 'none'",
            f"script-src {sha256_source(script)}",
            f"style-src {sha256_source(style)}",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )


def _environment() -> jinja2.Environment:
    folder = resource_path(*FORM_FOLDER)
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def _asset(name: str) -> str:
    return resource_path(*FORM_FOLDER, name).read_text(encoding="utf-8")


def _sections(questionnaire: Questionnaire) -> list[dict[str, Any]]:
    sections = []
    number = 0
    for section in questionnaire.sections:
        questions = []
        for q in section.questions:
            number += 1
            specials = [DONT_KNOW] + ([NOT_APPLICABLE] if q.allow_not_applicable else [])
            questions.append(
                {
                    "id": q.id,
                    "number": number,
                    "text": q.text,
                    "split": allows_split(q),
                    "options": [{"id": o.id, "text": o.text} for o in q.options],
                    "specials": [{"value": s, "label": SPECIAL_LABELS[s]} for s in specials],
                }
            )
        sections.append(
            {
                "id": section.id,
                "title": section.title,
                "intro": section.intro,
                "questions": questions,
            }
        )
    return sections


def render_form(questionnaire: Questionnaire, settings: FormSettings) -> str:
    """The whole HTML page for ``questionnaire`` with ``settings`` fixed in it."""
    s = settings.checked()
    script, style = _asset("form.js"), _asset("form.css")
    sections = _sections(questionnaire)
    data = {
        "version": questionnaire.version,
        "checksum": questionnaire_checksum(questionnaire),
        "organization": s.organization,
        "unit": s.unit,
        "round": s.round,
        "options": {q.id: [o.id for o in q.options] for q in questionnaire.questions()},
    }
    template = _environment().get_template(TEMPLATE)
    return template.render(
        csp=content_security_policy(script, style),
        # Our own files, inserted verbatim so that their hashes match the policy.
        script=Markup(script),
        style=Markup(style),
        title=s.title or f"{questionnaire.title}: respondent form",
        organization=s.organization,
        unit=s.unit,
        round=s.round,
        version=questionnaire.version,
        question_count=questionnaire.question_count,
        instructions=questionnaire.instructions,
        any_split=any(q["split"] for sec in sections for q in sec["questions"]),
        sections=sections,
        data=data,
        app_version=__version__,
    )
