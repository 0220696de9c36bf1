"""Fixtures for the respondent-form tests (a headless Chromium per test)."""

from tests.form.browser_tools import chromium  # noqa: F401
