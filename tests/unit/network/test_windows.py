from datetime import date

import pytest

from bedfellows.errors import ConfigError
from bedfellows.network.windows import parse_window


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("2014", date(2014, 1, 1), date(2014, 12, 31)),
        ("2014-06", date(2014, 6, 1), date(2014, 6, 30)),
        ("2016-02", date(2016, 2, 1), date(2016, 2, 29)),
        ("2014-12", date(2014, 12, 1), date(2014, 12, 31)),
        ("2014-06-16", date(2014, 6, 16), date(2014, 6, 16)),
        ("2014-Q2", date(2014, 4, 1), date(2014, 6, 30)),
        ("2014-01..2014-06", date(2014, 1, 1), date(2014, 6, 30)),
    ],
)
def test_windows(text, start, end):
    assert parse_window(text) == (start, end)


@pytest.mark.parametrize(
    "text", ["June 2014", "2014-13", "2014-02-30", "2015..2014", "2014-Q5", "0000", "0000..2014"]
)
def test_bad_windows_name_the_text(text):
    with pytest.raises(ConfigError, match="window") as err:
        parse_window(text)
    assert repr(text.partition("..")[0]) in str(err.value) or repr(text) in str(err.value)
