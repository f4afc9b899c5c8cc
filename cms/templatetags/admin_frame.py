"""``{% kept_sidebar_props %}`` and ``{% kept_keyboard_shortcuts_dialog %}``: Wagtail's
own tags, kept (``cms.admin_frame``)."""

from django import template

from cms import admin_frame

register = template.Library()


@register.simple_tag(takes_context=True)
def kept_sidebar_props(context):
    return admin_frame.sidebar_props(context)


@register.simple_tag(takes_context=True)
def kept_keyboard_shortcuts_dialog(context):
    return admin_frame.keyboard_shortcuts_dialog(context)
