"""The cells and headers of the admin's large listings, written in Python instead of a
template render (or ten) per cell.

Wagtail renders every cell of a listing through a template: a plain value through
``wagtailadmin/tables/cell.html``, the title through ``title_cell.html`` with, for each
row, its "More options" menu (``button_with_dropdown.html``, ``dropdown.html``, one
``button.html`` and one ``icon.html`` for each entry), and each header through
``column_header.html``. On a page of 20 rows that is hundreds of template renders,
10 to 15 ms of every listing: most of the admin's cost per page once its frame is kept
(``cms.admin_frame``).

``python_cells(columns)`` wraps each column that Wagtail would render with one of those
templates in a ``PythonCellColumn``: the column's own ``get_cell_context_data`` and
``get_header_context_data`` still compute the cell and the header (value, link,
buttons, sorting: every hook and override still counts), and the context is written
out as the template would write it, each value escaped once. A cell with a template of
its own (a boolean's tick) keeps it, and so does a button of any other kind.
``tests/config/test_admin_cells.py`` renders tables and whole listings both ways and
compares the HTML, so an upgrade of Wagtail that changes one of those templates fails
there.
"""

import functools
import html

from django.template.base import render_value_in_context
from django.template.context import Context
from django.utils.functional import Promise
from django.utils.safestring import SafeString

from wagtail.admin.ui.tables import BaseColumn, Column, TitleColumn
from wagtail.admin.widgets.button import BaseButton, ButtonWithDropdown

HEADER_TEMPLATE = BaseColumn.header_template_name  # wagtailadmin/tables/column_header.html
CELL_TEMPLATE = Column.cell_template_name  # wagtailadmin/tables/cell.html
TITLE_TEMPLATE = TitleColumn.cell_template_name  # wagtailadmin/tables/title_cell.html
BUTTON_TEMPLATE = BaseButton.template_name  # wagtailadmin/shared/button.html
DROPDOWN_TEMPLATE = ButtonWithDropdown.template_name  # …/button_with_dropdown.html

# Read only for its settings (escaping on, time zone and localisation as configured).
_CONTEXT = Context()


def _esc(value):
    """``conditional_escape``: safe HTML as it is, anything else escaped."""
    if isinstance(value, Promise):
        value = str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def _text(value):
    """``{{ value }}``: localised, in the reader's time zone, escaped."""
    return render_value_in_context(value, _CONTEXT)


def _attrs(attrs):
    """``wagtailadmin/shared/attrs.html``."""
    return "".join(
        f" {_esc(name)}" if value is True else f' {_esc(name)}="{_esc(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


@functools.lru_cache(maxsize=256)
def _icon(name, classname="icon"):
    """``{% icon name=… classname=… %}`` without a title."""
    name, classname = _esc(name), _esc(classname)
    return (
        f'<svg class="icon icon-{name} {classname}" aria-hidden="true">'
        f'<use href="#icon-{name}"></use></svg>'
    )


def _classnames(*names):
    """``{% classnames … %}``."""
    return " ".join(name.strip() for name in names if name)


def _button(button, parent_context):
    """``{% component button %}``: Wagtail's plain button markup, or the button's own
    rendering when it has a template of its own."""
    if button.template_name != BUTTON_TEMPLATE or type(button).get_context_data is not (
        BaseButton.get_context_data
    ):
        return button.render_html(parent_context)
    content = f"{_icon(button.icon_name) if button.icon_name else ''} {_esc(button.label)}"
    attrs = _esc(button.base_attrs_string)
    if button.url:
        return (
            f'<a href="{_esc(button.url)}" class="{_esc(button.classname)}" {attrs}>{content}</a>'
        )
    return f'<button class="{_esc(button.classname)}" {attrs}>{content}</button>'


def _dropdown(button, parent_context):
    """``button_with_dropdown.html`` and the ``{% dropdown %}`` it opens."""
    context = button.get_context_data(parent_context)
    label = context["label"]
    toggle_class = _classnames(
        "w-dropdown__toggle",
        "" if label else "w-dropdown__toggle--icon",
        context["toggle_classname"],
    )
    aria_label = f' aria-label="{_esc(context["title"])}"' if context["title"] else ""
    toggle_icon = _icon(context["icon_name"] or "arrow-down", "w-dropdown__toggle-icon")
    children = "".join(_button(child, parent_context) for child in context["buttons"])
    return (
        f'<div data-controller="w-dropdown" class="w-dropdown" '
        f"{_esc(button.base_attrs_string)}>"
        f'<button type="button" class="{_esc(toggle_class)}" data-w-dropdown-target="toggle"'
        f"{aria_label}>{_esc(label)}{toggle_icon}</button>"
        f'<div data-w-dropdown-target="content" class="w-dropdown__content" hidden>'
        f"{children}</div></div>"
    )


def _listing_button(button, parent_context):
    if type(button) is ButtonWithDropdown and button.template_name == DROPDOWN_TEMPLATE:
        return _dropdown(button, parent_context)
    return _button(button, parent_context)


def render_cell(column, context, parent_context):
    """``wagtailadmin/tables/cell.html``."""
    value = context["value"]
    return f"{column.td}{'' if value is None else _text(value)}</td>"


def render_title_cell(column, context, parent_context):
    """``wagtailadmin/tables/title_cell.html`` with ``wagtailadmin/shared/buttons.html``."""
    title = _text(context["value"])
    if context["title_id"]:
        title = f'<span id="{_esc(context["title_id"])}">{title}</span>'
    if context["link_url"]:
        title = f"<a{_attrs(context['link_attrs'])}>{title}</a>"
    elif context["label_id"]:
        title = f'<label for="{_esc(context["label_id"])}">{title}</label>'
    actions = ""
    if context.get("buttons"):
        items = "".join(
            f"<li>{_listing_button(button, parent_context)}</li>"
            for button in context["buttons"]
            if button.show
        )
        actions = f'<ul class="actions">{items}</ul>'
    return f'{column.td_title}<div class="title-wrapper">{title}</div>{actions}</td>'


def render_header(column, context):
    """``wagtailadmin/tables/column_header.html``: the label, and a link that sorts by
    the column when it can (the other way when it already does)."""
    label = _text(column.label)
    if not context["is_orderable"]:
        return f"{column.th}{label}</th>"
    if context["is_ascending"]:
        ordering, title = f"-{column.sort_key}", context["descending_title_text"]
        link_class = "icon icon-arrow-up-after teal label"
    else:
        ordering, title = column.sort_key, context["ascending_title_text"]
        teal = "teal " if context["is_descending"] else ""
        link_class = f"icon icon-arrow-down-after {teal}label"
    query = context["request"].GET.copy()
    query.pop("p", None)
    query["ordering"] = str(ordering)
    href = f"{_text(context['table'].base_url)}?{_esc(query.urlencode())}"
    title = f' title="{_esc(title)}"' if title else ""
    return f'{column.th}<a href="{href}"{title} class="{link_class}">{label}</a></th>'


class PythonCellColumn(BaseColumn):
    """``column``, with its cells written by ``render`` (when given) from the context
    its template would have been given, and its header written in Python when it is
    Wagtail's plain one; the sorting and the media stay the column's."""

    def __init__(self, column, render=None, python_header=False):
        super().__init__(
            column.name,
            label=column.label,
            accessor=column.accessor,
            classname=column.classname,
            sort_key=column.sort_key,
            width=column.width,
            ascending_title_text=column.ascending_title_text,
            descending_title_text=column.descending_title_text,
        )
        self.column = column
        self.render = render
        self.python_header = python_header
        # What the templates write the same way in every row.
        classname = _esc(column.classname) if column.classname else ""
        self.td = f'<td class="{classname}">' if classname else "<td>"
        self.th = f'<th class="{classname}">' if classname else "<th>"
        self.td_title = f'<td class="{classname} title">' if classname else '<td class="title">'

    @property
    def media(self):
        return self.column.media

    def get_header_context_data(self, parent_context):
        return self.column.get_header_context_data(parent_context)

    def render_header_html(self, parent_context):
        if not self.python_header:
            return self.column.render_header_html(parent_context)
        return SafeString(render_header(self, self.get_header_context_data(parent_context)))

    def get_cell_context_data(self, instance, parent_context):
        return self.column.get_cell_context_data(instance, parent_context)

    def render_cell_html(self, instance, parent_context):
        if self.render is None:
            return self.column.render_cell_html(instance, parent_context)
        context = self.get_cell_context_data(instance, parent_context)
        return SafeString(self.render(self, context, parent_context))


RENDERERS = {CELL_TEMPLATE: render_cell, TITLE_TEMPLATE: render_title_cell}


def python_cells(columns):
    """``columns``, each one whose cells or header Wagtail would render with one of the
    templates above wrapped in a ``PythonCellColumn``; any other column as it is."""
    wrapped = []
    for column in columns:
        cls = type(column)
        render = RENDERERS.get(column.cell_template_name)
        if cls.render_cell_html is not BaseColumn.render_cell_html:
            render = None
        python_header = (
            column.header_template_name == HEADER_TEMPLATE
            and cls.render_header_html is BaseColumn.render_header_html
        )
        if render is None and not python_header:
            wrapped.append(column)
        else:
            wrapped.append(PythonCellColumn(column, render, python_header))
    return wrapped
