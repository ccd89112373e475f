"""How a figure is written: Dutch numbers, status marks with their year, decimals."""

from __future__ import annotations

from indicators import catalog
from indicators.formatting import cell_text, shown_decimals

B = catalog.BY_ID


def test_cell_text_carries_year_and_status_mark():
    assert cell_text(3.456, 2024, "provisional", 1) == "3,5 (2024*)"
    assert cell_text(1234.0, 2015, "derived", 0) == "1.234 (2015†)"
    assert cell_text(7.0, 2022, "definitive", 0) == "7 (2022)"


def test_shown_decimals_only_adds_one_where_rounding_distorts():
    vacancy = B["vacancy_rate"]  # whole percent in the catalog
    assert shown_decimals(vacancy, [3.0, 4.0]) == 0
    assert shown_decimals(vacancy, [3.0, 3.52]) == 1  # 3,52 must not read as 4
    assert shown_decimals(B["house_price"], [351871.0, 411728.4]) == 0
    assert shown_decimals(B["dist_gp"], [1.83]) == 1


def test_a_figure_more_than_five_years_older_than_the_snapshot_is_dated():
    from indicators.formatting import dated_label

    assert dated_label(2015, 2026) == " · verouderd (2015)"
    assert dated_label(2020, 2026) == " · verouderd (2020)"  # six years
    assert dated_label(2021, 2026) == ""  # exactly five years: not yet
    assert dated_label(2015, 2026, "en") == " · dated (2015)"
    assert dated_label(None, 2026) == "" and dated_label(2015, None) == ""


def test_a_unit_that_the_name_already_says_is_not_written_twice():
    from indicators.charts.indicator import name_and_unit

    ww = catalog.BY_ID["unemployment_benefits_per_1000"]
    assert name_and_unit(ww) == "WW-uitkeringen per 1.000 inwoners"
    assert name_and_unit(ww, "en") == "Unemployment benefits per 1,000 inhabitants"
    income = catalog.BY_ID["income_household_mean_disposable"]
    assert name_and_unit(income) == "Gemiddeld besteedbaar inkomen per huishouden, x 1.000 euro"
