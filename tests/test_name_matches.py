"""Name matches kept per catalogue (:mod:`cnbudget.validation.rules.name_matches`) answer what the
catalogue answers, for the catalogue asked, whatever was asked before."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.classification import Catalog, MatchKind, catalog
from cnbudget.codes import FunctionCode
from cnbudget.validation.rules.name_matches import name_match

_YEARS = (2019, 2024)
_SUBJECTS = {year: [s for s in catalog(year) if s.code.level >= 2 and catalog(year).get(s.code) is not None][:400]
             for year in _YEARS}


def test_a_name_is_matched_in_the_catalogue_asked() -> None:
    # 2101501 is 行政运行 in every year; a name of another subject is a mismatch in both catalogues.
    for year in _YEARS:
        assert name_match(catalog(year), FunctionCode("2101501"), "行政运行").kind is MatchKind.EXACT
        assert not name_match(catalog(year), FunctionCode("2101501"), "事业单位医疗").ok


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_kept_answers_are_the_catalogues(data: st.DataObject) -> None:
    year = data.draw(st.sampled_from(_YEARS))
    found: Catalog = catalog(year)
    subject = data.draw(st.sampled_from(_SUBJECTS[year]))
    other = data.draw(st.sampled_from(_SUBJECTS[data.draw(st.sampled_from(_YEARS))]))
    name = data.draw(st.sampled_from([subject.name, other.name, subject.name[:3], subject.name + "支出"]))
    for asked in (year, *_YEARS):  # answers of the other catalogue kept in between
        if catalog(asked).get(subject.code) is not None:
            name_match(catalog(asked), subject.code, name)
    assert name_match(found, subject.code, name) == found.match_name(subject.code, name)
