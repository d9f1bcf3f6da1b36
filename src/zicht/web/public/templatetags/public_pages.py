"""Template filters of the public pages."""

from django import template

register = template.Library()


@register.filter
def entry(mapping: dict, key):
    """`{{ urls|entry:chart.id }}`: a dict's entry by a key the template computes."""
    return mapping.get(key) if mapping else None


@register.filter
def filter_names(names: list[str], lang: str) -> str:
    """The filters a figure is not split by, in words (`leeftijdsgroep` → `leeftijdsgroep`)."""
    words = {"vorm": ("vorm van uitbuiting", "form of exploitation"), "leeftijdsgroep": ("leeftijdsgroep", "age group")}
    ordered = sorted(names, key=lambda n: list(words).index(n) if n in words else len(words))
    return ", ".join(words.get(n, (n, n))[0 if lang == "nl" else 1] for n in ordered)
