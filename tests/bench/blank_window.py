#!/usr/bin/env python3
"""A blank WebKitGTK 4.1 window: the memory floor the Numbers benchmark compares Number Desk with.

    python3 tests/bench/blank_window.py [WIDTH HEIGHT]

No app code: a GTK window of the given size (default 1280x800) holding one WebKit2 WebView that
loads an empty page. It prints "ready" on stdout once the page has loaded and then waits to be
killed. The benchmark starts it with the same WebKit environment variables Number Desk chooses for
itself (src-tauri/src/rendering.rs), so the difference is what the app adds, not a rendering choice.
Needs python3-gi, gir1.2-gtk-3.0 and gir1.2-webkit2-4.1 (bash .ci/dev bench installs them).
"""
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import Gtk, WebKit2  # noqa: E402


def main():
    width, height = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) == 3 else (1280, 800)
    window = Gtk.Window(title="blank webkit window")
    window.set_default_size(width, height)
    view = WebKit2.WebView()

    def on_load(_view, event):
        if event == WebKit2.LoadEvent.FINISHED:
            print("ready", flush=True)

    view.connect("load-changed", on_load)
    window.add(view)
    window.connect("destroy", Gtk.main_quit)
    window.show_all()
    view.load_html("<!doctype html><html><head><title>blank</title></head><body></body></html>", "about:blank")
    Gtk.main()


if __name__ == "__main__":
    main()
