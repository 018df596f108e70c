"""Qt text layout: paging, PDF, preview (the only package outside fzdesk.ui that uses Qt; tests/test_layers.py)."""
