"""The built-in checkers, one package per question of the quality marker.

They are loaded from the fixed list ``scr_checks.pluginmanager.BUILTIN_PLUGINS``
and use only the public API (``scr_checks``) that a local area's plugin has.
"""
