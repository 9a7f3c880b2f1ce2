import pytest

# Detailed assertion messages in the shared checks too.
pytest.register_assert_rewrite("helpers")
