"""Forms in NL Design System markup: every widget gets the Utrecht component's classes and the ARIA
links to its description and error, so each area's forms only declare their fields."""

from __future__ import annotations

from django import forms

CLASSES = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.ClearableFileInput: "zicht-file",
    forms.FileInput: "zicht-file",
    forms.RadioSelect: "zicht-radios",
}
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


class StyledMixin:
    """Mix into a Form: classes on widgets, aria-describedby to help and error, aria-invalid."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            css = next((c for kind, c in CLASSES.items() if type(widget) is kind), None)
            if css is None and isinstance(widget, forms.widgets.Input):
                css = TEXTBOX
            if css:
                widget.attrs["class"] = (widget.attrs.get("class", "") + " " + css).strip()
            described = []
            if field.help_text:
                described.append(f"id_{self.add_prefix(name)}_help")
            if described:
                widget.attrs["aria-describedby"] = " ".join(described)

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-invalid"] = "true"
                extra = f"id_{self.add_prefix(name)}_error"
                widget.attrs["aria-describedby"] = (widget.attrs.get("aria-describedby", "") + " " + extra).strip()
                if "class" in widget.attrs and "utrecht-textbox" in widget.attrs["class"]:
                    widget.attrs["class"] += " utrecht-textbox--invalid"


class Form(StyledMixin, forms.Form):
    pass
