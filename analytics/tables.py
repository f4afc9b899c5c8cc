"""A table of figures that renders as HTML beside its chart and exports as CSV.

Hidden figures (``None``: fewer learners than the privacy threshold) read "fewer than
N learners" in both, so a CSV file never shows more than the page.
"""

import csv
import io
from dataclasses import dataclass, field

from django.http import HttpResponse
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from analytics import privacy


@dataclass
class Table:
    slug: str
    caption: str
    columns: list
    rows: list = field(default_factory=list)
    chart: object = None  # the SVG drawn from the same rows
    note: str = ""

    def hidden_text(self):
        count = privacy.min_learners()
        return ngettext("fewer than %(count)d learner", "fewer than %(count)d learners", count) % {
            "count": count
        }

    def cell(self, value):
        if value is None:
            return self.hidden_text()
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, float):
            return number_format(value, 1, use_l10n=True)
        if isinstance(value, int):
            return number_format(value, 0, use_l10n=True, force_grouping=True)
        return str(value)

    def html_rows(self):
        """Each cell as ``(text, hidden, wide)``: a long text gets room to wrap on a phone."""
        return [
            [(self.cell(v), v is None, isinstance(v, str) and len(v) > 14) for v in row]
            for row in self.rows
        ]

    def csv_cell(self, value):
        if value is None:
            return self.hidden_text()
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        return value

    def as_csv(self, prefix):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([str(c) for c in self.columns])
        for row in self.rows:
            writer.writerow([self.csv_cell(v) for v in row])
        # A byte order mark, so spreadsheet programs read the Arabic as UTF-8.
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
        name = slugify(f"{prefix}-{self.slug}") or "analytics"
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
