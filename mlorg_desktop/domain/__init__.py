"""Pure-Python core: catalog, questionnaire, scoring and comparison. No Qt, no tinydb."""
