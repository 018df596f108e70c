"""PySide6 user interface: main window, wizard steps, editors, dialogs and item models."""
