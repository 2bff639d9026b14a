"""Unit tests of the engine's parts: calendar arithmetic, lexicon, sentences, tense, facade."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventline
from eventline import _calendar as cal
from eventline import _rules
from eventline._grammar import alternation, build_pieces, parse_number
from eventline._prefixes import fold, prefixes
from eventline._recognize import recognizer
from eventline._segment import Sentences
from eventline._tense import Tense, tense_at
from eventline.lexicon import Patterns, _event_days, load, load_patterns, parse_patterns

LEX = load("en")


# ------------------------------------------------------------------ calendar


@pytest.mark.parametrize(
    ("year", "expected"),
    [(1998, "1998-04-12"), (2000, "2000-04-23"), (2024, "2024-03-31"), (2025, "2025-04-20")],
)
def test_easter(year: int, expected: str) -> None:
    assert cal.easter(year) == dt.date.fromisoformat(expected)


@pytest.mark.parametrize(
    ("rule", "year", "expected"),
    [
        ("11/4/4", 2023, "2023-11-23"),  # Thanksgiving: fourth Thursday of November
        ("5/1/-1", 2024, "2024-05-27"),  # Memorial Day: last Monday of May
        ("9/1/1", 2024, "2024-09-02"),  # Labor Day: first Monday of September
        ("11/2/1@2", 2022, "2022-11-08"),  # Election Day: Tuesday after the first Monday
        ("11/2/1@2", 2024, "2024-11-05"),
        ("easter-2", 2024, "2024-03-29"),  # Good Friday
    ],
)
def test_movable_feasts(rule: str, year: int, expected: str) -> None:
    assert cal.movable_feast(year, rule) == dt.date.fromisoformat(expected)


def test_add_clamps_month_ends_and_crosses_years() -> None:
    assert cal.add(dt.date(2024, 1, 31), "month", 1) == dt.date(2024, 2, 29)
    assert cal.add(dt.date(2024, 2, 29), "year", 1) == dt.date(2025, 2, 28)
    assert cal.add(dt.date(2023, 12, 15), "quarter", 1) == dt.date(2024, 3, 15)
    with pytest.raises(ValueError, match="cannot add"):
        cal.add(dt.date(2024, 1, 1), "fortnight", 1)


@given(st.dates(dt.date(1900, 1, 8), dt.date(2100, 12, 24)), st.integers(1, 7))
def test_weekday_search_finds_the_nearest_day(day: dt.date, weekday: int) -> None:
    before = cal.weekday_before(day, weekday)
    after = cal.weekday_after(day, weekday)
    assert before.isoweekday() == weekday == after.isoweekday()
    assert 1 <= (day - before).days <= 7
    assert 1 <= (after - day).days <= 7


def test_iso_week_at_year_boundaries() -> None:
    assert cal.iso_week(dt.date(2024, 12, 30)) == (2025, 1)
    assert cal.iso_week(dt.date(2021, 1, 3)) == (2020, 53)


# ------------------------------------------------------------------ lexicon and grammar


def test_lexicon_is_loaded_once_and_validated() -> None:
    assert load("en") is LEX
    assert LEX.months["sept"] == 9
    assert LEX.weekdays["sunday"] == 7
    assert LEX.movable_holidays["thanksgiving"] == "11/4/4"
    assert "said" in LEX.words.past


def test_event_days_are_validated() -> None:
    assert LEX.event_days[9, 11][0] == 2001
    assert _event_days({"07-07": {"year": 2005, "before": ["bombings"]}}) == {
        (7, 7): (2005, frozenset({"bombings"}))
    }
    for bad in ({"9-11": {"year": 2001, "before": []}}, {"09-11": {"year": "2001", "before": []}}):
        with pytest.raises(ValueError, match=r"\[event_days\] entry"):
            _event_days(bad)


def test_unknown_language_is_an_option_error() -> None:
    with pytest.raises(eventline.InvalidOptionError, match="valid values: en"):
        load("xx")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("twenty-four", 24),
        ("a hundred", 100),
        ("1,000", 1000),
        ("a couple of", 2),
        ("a few", None),
        ("1.5", None),
    ],
)
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text, LEX) == value


def test_alternation_respects_case_rules() -> None:
    months = re.compile(alternation(["may", "march"], capitalized_only=True) + r"\b")
    assert months.fullmatch("May")
    assert months.fullmatch("MARCH")
    assert months.fullmatch("may") is None
    anycase = re.compile(alternation(["year", "years"]))
    assert anycase.fullmatch("Years")


def test_prefixes_of_patterns() -> None:
    # folded: lower case, digits as 0, white space as one space; shorter means "then anything"
    assert prefixes(r"(?:[Tt]he\s+)?(?i:year)", 5) == frozenset({"the  ", "the y", "year"})
    assert prefixes(r"\d{4}s", 5) == frozenset({"0000s"})
    assert prefixes(r"\d+", 3) == frozenset({"0", "00", "000"})
    assert prefixes(r"May\b\w*", 5) == frozenset({"may"})  # \w* is too wide to list
    assert prefixes(r"(?:x)?", 5) is None  # can match the empty string: any position
    # too many to extend: cut short, standing for anything after them
    assert prefixes(r"[a-z]{9}", 5, limit=100) == frozenset("abcdefghijklmnopqrstuvwxyz")
    words = [a + b + "xyz" for a in "abcdefghij" for b in "abcdefghij"]
    assert prefixes("|".join(words), 5, limit=50) is None  # too many to list at all


def test_fold_reads_text_as_prefixes_are_written() -> None:
    assert fold("MAY 9") == "may 0"
    # Unicode digits and spaces, and letters a case-blind pattern reads as ASCII ones
    assert fold("\u0661\u00a0\u212aM\u2003x") == "0 km x"


def test_prefix_dispatch_finds_what_every_rule_would() -> None:
    # Only the rules that can begin at a position are tried there: at each position of a
    # varied text, the first of them that matches is the first of all the rules that does.
    rec = recognizer("en")
    text = (
        "The company said on Monday, May 9, 2023, that the past three years and the 1990s "
        "were 24-hour days; THE END OF THE YEAR, 12/05/2023, 9:30 a.m.\tand twice a week "
        "since\u00a0the spring of '98, two Fridays ago, mid-2023 and the third quarter."
    )

    def first(rules: tuple[object, ...], start: int) -> tuple[object, tuple[int, int]] | None:
        for rule in rules:
            match = rule.pattern.match(text, start)  # type: ignore[attr-defined]
            if match is not None:
                return rule, match.span()
        return None

    found = 0
    for start in range(len(text)):
        expected = first(rec._rules, start)
        assert first(rec._chosen(text, start), start) == expected, text[start : start + 20]
        found += expected is not None
    assert found > 20


def test_recognizer_is_built_once() -> None:
    assert recognizer("en") is recognizer("en")


# ------------------------------------------------------------------ sentences and tense


def test_sentences_keep_offsets_and_skip_abbreviations() -> None:
    text = "Mr. Smith left at 9 a.m. Monday. He returned on Sept. 5. Then he spoke."
    sentences = Sentences(text, LEX.words.abbreviations)
    starts = [sentences.bounds(n)[0] for n in range(len(sentences.starts))]
    assert [text[s : s + 4] for s in starts] == ["Mr. ", "He r", "Then"]
    assert sentences.index(text.index("returned")) == 1


def test_a_blank_line_after_an_abbreviation_ends_the_paragraph() -> None:
    text = "Open Sunday from 1 to 4 p.m.\n\nA farmhouse was listed in April. Mr. Day said so."
    sentences = Sentences(text, LEX.words.abbreviations)
    starts = [sentences.bounds(n)[0] for n in range(len(sentences.starts))]
    assert [text[s : s + 4] for s in starts] == ["Open", "A fa", "Mr. "]


def _first_words(text: str) -> list[str]:
    sentences = Sentences(text, LEX.words.abbreviations, LEX.words.run_on)
    return [
        text[sentences.bounds(n)[0] :].split(maxsplit=1)[0] for n in range(len(sentences.starts))
    ]


def test_a_list_or_chronology_has_one_sentence_per_line() -> None:
    text = "Timeline of the crisis\nMarch 3, 2020 - Schools close\nMarch 9, 2020 - Flights stop"
    assert _first_words(text) == ["Timeline", "March", "March"]


def test_wrapped_prose_keeps_its_sentences_across_line_breaks() -> None:
    text = (
        "The minister said on Friday that the\nbudget would pass, and officials said the\n"
        "vote was close. Critics\ndisagreed with him."
    )
    assert _first_words(text) == ["The", "Critics"]


def test_a_timeline_under_wrapped_prose_is_still_read_line_by_line() -> None:
    article = (
        "The county board voted on Tuesday to close the old bridge to all\n"
        "traffic, ending a dispute that began when inspectors found cracks in\n"
        "its deck last spring. Repairs will start next month, officials said,\n"
        "and are expected to take about a year.\n\n"
    )
    timeline = "Timeline\nMarch 2 - Cracks found\nJune 4 - Residents sue\nOct. 1 - A judge rules\n"
    assert _first_words(article + timeline) == [
        *("The", "Repairs", "Timeline", "March", "June", "Oct."),
    ]
    # a short paragraph goes by the whole text: here wrapped, so its capital is no boundary
    assert _first_words(article + "Critics said the\nPresident had not\nbeen told.") == [
        *("The", "Repairs", "Critics"),
    ]


def test_chat_lines_and_lower_case_sentences_are_sentences() -> None:
    # a chat log's lines are as long as their messages: no wrapping, so each line is one
    chat = (
        "mia: ok who took my charger lol\njordan: not me. also rent is due on the 1st\n"
        "sam: they get in saturday morning and leave sunday afternoon\nmia: ty. gn\n"
    )
    assert _first_words(chat) == ["mia:", "jordan:", "also", "sam:", "mia:", "gn"]


def test_a_stop_before_a_lower_case_word_ends_a_sentence_but_not_an_abbreviation() -> None:
    text = (
        "the plumber comes at 9am. someone has to be home. He left at 5 p.m. yesterday, "
        "the U.S. officials said. so... we wait. Amherst, N.Y. officials and Anheuser-Busch "
        'Cos. said it. "Why?" she asked.'
    )
    assert _first_words(text) == ["the", "someone", "He", "so...", "Amherst,", '"Why?"']


@pytest.mark.parametrize(
    ("labels", "reference", "years"),
    [
        # past events leading up to the reference, oldest first or newest first
        (("March 2", "June 4", "Oct. 1"), "2024-11-14", (2024, 2024, 2024)),
        (("Oct. 1", "June 4", "March 2"), "2024-11-14", (2024, 2024, 2024)),
        # across the new year, ending just before the reference
        (("Nov. 3", "Dec. 20", "Jan. 12", "Feb. 20"), "2025-02-25", (2024, 2024, 2025, 2025)),
        # a schedule just ahead
        (("Dec. 2", "Dec. 9", "Jan. 6"), "2024-11-14", (2024, 2024, 2025)),
    ],
)
def test_a_timeline_without_years_is_put_nearest_the_reference_as_a_whole(
    labels: tuple[str, ...], reference: str, years: tuple[int, ...]
) -> None:
    text = "Timeline\n" + "".join(f"{label} - Something happens\n" for label in labels)
    found = eventline.tag(text, reference=reference)
    assert [e.text for e in found] == list(labels)
    assert tuple(int(e.value[:4]) for e in found) == years


def test_a_timeline_entry_speaks_from_its_label_day() -> None:
    text = (
        "Timeline\nSept. 30 - The county closes the bridge\n"
        "Oct. 1 - A judge rules; the county says it will appeal next week\n"
        "Oct. 9 - Police say the man was arrested last Tuesday\n"
        "Oct. 10 - He was charged two days after his arrest; the trial opens next month\n"
    )
    found = {e.text: e.value for e in eventline.tag(text, reference="2024-11-14")}
    assert found["next week"] == "2024-W41"  # from Tuesday Oct. 1 (W40), not from Nov. 14
    assert found["last Tuesday"] == "2024-10-08"  # before Wednesday Oct. 9
    assert found["next month"] == "2024-11"


def test_a_line_ending_mid_phrase_runs_on_even_in_a_list() -> None:
    # One single line break, before a capital: not wrapped, but "said on" cannot end a sentence.
    text = "BRUSSELS, Feb. 10 -- NATO has decided, an official said on\nWednesday. It was agreed."
    assert _first_words(text) == ["BRUSSELS,", "It"]


@pytest.mark.parametrize(
    ("sentence", "word", "tense"),
    [
        ("Officials said on Thursday that", "Thursday", Tense.PAST),
        ("The minister will arrive Thursday", "Thursday", Tense.FUTURE),
        ("Restrictions will be lifted on Monday", "Monday", Tense.FUTURE),
        ("Lawmakers plan to vote Saturday on it", "Saturday", Tense.FUTURE),
        ("The vote is on Friday", "Friday", Tense.FUTURE),
        ("The group could come as soon as Tuesday", "Tuesday", Tense.FUTURE),
        ("He could be located Wednesday", "Wednesday", Tense.NONE),
        ("Sales rose on Friday", "Friday", Tense.PAST),
        ("Markets in Asia on Friday", "Friday", Tense.NONE),
        ("Sales increased on Friday", "Friday", Tense.PAST),
        ("The markets will stay closed until Tuesday", "Tuesday", Tense.FUTURE),
        ("The rule takes effect Monday", "Monday", Tense.FUTURE),
        ("The rule took effect Monday", "Monday", Tense.PAST),
        ("The rules come into force in March", "March", Tense.FUTURE),
        ("The minister, who took office in November, will resign", "November", Tense.PAST),
        ("On Friday, officials said the plan would work", "Friday", Tense.PAST),
    ],
)
def test_tense_cues(sentence: str, word: str, tense: Tense) -> None:
    start = sentence.index(word)
    found = tense_at(sentence, (0, len(sentence)), start, start + len(word), LEX.words)
    assert found is tense


def test_tense_reads_only_the_words_near_the_mention() -> None:
    """A sentence that never ends (a list) reads the same near words, at the same cost."""
    filler = "and a list of many items " * 200  # about 5,000 characters, no full stop
    for sentence, tense in (
        ("officials will meet on Friday, " + filler, Tense.FUTURE),
        (filler + "officials met on Friday", Tense.PAST),
        (filler + "officials met on Friday, " + filler, Tense.PAST),
    ):
        start = sentence.index("Friday")
        found = tense_at(sentence, (0, len(sentence)), start, start + 6, LEX.words)
        assert found is tense, sentence[max(0, start - 30) : start + 30]


# ------------------------------------------------------------------ the facade


def test_reference_forms_agree() -> None:
    text = "The talks ended yesterday."
    by_string = eventline.tag(text, reference="2024-04-24")
    assert eventline.tag(text, reference=dt.date(2024, 4, 24)) == by_string
    assert eventline.tag(text, reference=dt.datetime(2024, 4, 24, 15, 30)) == by_string
    assert eventline.tag(text, reference="2024-04-24T15:30:00") == by_string
    assert by_string[0].value == "2024-04-23"


@pytest.mark.parametrize("bad", [None, 20240424, "24/04/2024", "", "2024-02-30"])
def test_bad_reference_is_a_clear_error(bad: object) -> None:
    with pytest.raises(eventline.InvalidReferenceError, match="ISO 8601") as caught:
        eventline.tag("It rained yesterday.", reference=bad)  # type: ignore[arg-type]
    assert caught.value.given == bad
    assert isinstance(caught.value, ValueError)


def test_bad_date_order_lists_the_valid_ones() -> None:
    with pytest.raises(eventline.InvalidOptionError, match="MDY, DMY"):
        eventline.tag("On 05/09/2023.", reference="2024-04-24", date_order="YMD")  # type: ignore[arg-type]


def test_text_must_be_a_string() -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        eventline.tag(b"yesterday", reference="2024-04-24")  # type: ignore[arg-type]


def test_anchor_is_reported_for_narrative_anchoring() -> None:
    found = eventline.tag(
        "The fire broke out on June 12, 2019. Two days later, crews contained it.",
        reference="2024-04-24",
    )
    assert [(e.value, e.anchor) for e in found] == [
        ("2019-06-12", None),
        ("2019-06-14", "2019-06-12"),
    ]


def test_news_and_narrative_need_no_switch() -> None:
    news = "Shares fell in 1987. Profits rose in March, the company said."
    history = "The war began in 1861. Lincoln was elected in 1860. Troops marched in March."
    assert eventline.tag(news, reference="2024-04-24")[-1].value == "2024-03"
    assert eventline.tag(history, reference="2024-04-24")[-1].value == "1860-03"


def test_empty_and_timeless_text() -> None:
    assert eventline.tag("", reference="2024-04-24") == ()
    assert eventline.tag("The committee approved the budget.", reference="2024-04-24") == ()


# ------------------------------------------------------------------ patterns as data


def _patterns(**rule: object) -> Patterns:
    entry = {"name": "probe", "builder": "year_only", "pattern": "${year}"} | rule
    return parse_patterns({"fragments": {"year": r"\d{4}"}, "rule": [entry]}, "test")


def test_patterns_file_names_known_builders_and_compiles() -> None:
    patterns = load_patterns("en")
    assert patterns is load_patterns("en")
    assert {rule.builder for rule in patterns.rules} <= set(_rules.BUILDERS)
    compiled = _rules.rules(build_pieces(LEX), patterns)
    assert [rule.name for rule in compiled] == [rule.name for rule in patterns.rules]
    assert all("${" not in rule.pattern for rule in compiled)


def test_a_pattern_may_be_a_list_of_strings_to_join() -> None:
    patterns = _patterns(pattern=["${year}", "(?!\\d)"])
    (rule,) = _rules.rules(build_pieces(LEX), patterns)
    assert rule.pattern == r"\d{4}(?!\d)"


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({"builder": "no_such_builder"}, "unknown builder 'no_such_builder'"),
        ({"pattern": "${no_such_piece}"}, r"unknown placeholder \$\{no_such_piece\}"),
        ({"pattern": "(unclosed"}, "does not compile"),
    ],
)
def test_a_bad_rule_is_named_when_the_rules_are_built(rule: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        _rules.rules(build_pieces(LEX), _patterns(**rule))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"rule": []}, "at least one"),
        ({"rule": [{"name": "a", "pattern": "x"}]}, "needs a name and a builder"),
        (
            {"rule": [{"name": "a", "builder": "b", "pattern": "x"}] * 2},
            "'a' is used twice",
        ),
        ({"rule": [{"name": "a", "builder": "b", "pattern": 3}]}, "string or a list"),
    ],
)
def test_a_malformed_patterns_file_is_refused(data: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_patterns(data, "test")


def test_fragments_that_refer_to_each_other_in_a_loop_are_refused() -> None:
    patterns = parse_patterns(
        {
            "fragments": {"a": "${b}", "b": "${a}"},
            "rule": [{"name": "x", "builder": "year_only", "pattern": "${a}"}],
        },
        "test",
    )
    with pytest.raises(ValueError, match="loop"):
        _rules.rules(build_pieces(LEX), patterns)


def test_a_range_ending_a_line_is_not_on_the_next_lines_label_day() -> None:
    # a food truck's stops, one line a day: "5-9p" ends Thursday's line; the "Fri:" that
    # opens the next line labels that line, it is no day of the range before it
    text = "Food truck stops this week:\nThu: Main St 5-9p\nFri: campus 11a-2p\n"
    values = [t.value for t in eventline.tag(text, reference="2021-06-23")]
    assert values == [
        "2021-W25",
        "2021-06-24",
        "2021-06-24T17:00",
        "2021-06-24T21:00",
        "2021-06-25",
        "2021-06-25T11:00",
        "2021-06-25T14:00",
    ]


def test_a_dated_post_header_anchors_the_post_below_it() -> None:
    # a timeline's posts: the deictic words of the Sep 5 post are the writer's on Sep 5;
    # the next header starts a post of its own day, and a count ("in two weeks") is as before
    text = (
        "kat_runs_far \u00b7 Sep 5\n"
        "Long run this morning, 14 miles. Tomorrow is a rest day.\n\n"
        "kat_runs_far \u00b7 Sep 12\n"
        "Race is in two weeks!\n"
    )
    values = [t.value for t in eventline.tag(text, reference="2018-09-12")]
    assert values == ["2018-09-05", "2018-09-05TMO", "2018-09-06", "2018-09-12", "2018-W39"]


def test_a_forum_header_with_a_clock_anchors_its_post() -> None:
    text = (
        "kestrel_n \u00b7 Sep 21, 2022 at 7:02 AM\n"
        "The ferry was late again today. I'll call them tomorrow.\n\n"
        "marsh_wren \u00b7 Sep 22, 2022 at 9:15 AM\n"
        "Same yesterday. Last week it was fine.\n"
    )
    values = [t.value for t in eventline.tag(text, reference="2022-09-25")]
    assert values == [
        "2022-09-21T07:02",
        "2022-09-21",
        "2022-09-22",
        "2022-09-22T09:15",
        "2022-09-21",
        "2022-W37",
    ]


def test_a_quoted_email_counts_from_its_wrote_line_until_the_quotation_ends() -> None:
    # the reply's own words (above and below the quotation) are the reference's
    text = (
        "Thanks, will do.\n\n"
        "On Mon, Jan 13, 2025 at 4:47 PM, Dana wrote:\n"
        "> Can we meet tomorrow? I'm out next week.\n"
        "> Friday works too.\n"
        "See you tomorrow then.\n"
    )
    values = [t.value for t in eventline.tag(text, reference="2025-01-20")]
    assert values == [
        "2025-01-13T16:47",
        "2025-01-14",
        "2025-W04",
        "2025-01-17",
        "2025-01-21",
    ]


def test_a_posted_line_anchors_its_post_but_a_byline_does_not() -> None:
    posted = "Posted by kat on Sep 5, 2018\nWe leave tomorrow. We got back last Tuesday.\n"
    values = [t.value for t in eventline.tag(posted, reference="2018-09-12")]
    assert values == ["2018-09-05", "2018-09-06", "2018-09-04"]
    news = "By Jane Doe | Sep 5, 2018\nThe Senate voted today. It meets again tomorrow.\n"
    values = [t.value for t in eventline.tag(news, reference="2018-09-12")]
    assert values == ["2018-09-05", "2018-09-12", "2018-09-13"]


def test_a_reply_under_a_dated_post_is_a_message_of_its_own() -> None:
    # "@ruthie.h: ..." replies under the Jun 21 post are of no day given: the reference's
    text = (
        "Hiking Club \u00b7 Jun 21\n"
        "Summit hike this weekend! Sign up by tomorrow.\n"
        "@ruthie.h: is it still on? forecast says storms today\n"
    )
    values = [t.value for t in eventline.tag(text, reference="2021-06-23")]
    assert values == ["2021-06-21", "2021-W25-WE", "2021-06-22", "2021-06-23"]


# A sender's line before a message's stamp: the stamp is the message's time on the reference
# day, not a time on a day a message before it told. The sender may carry a role in brackets
# ("Greg Lindqvist (parent)"), an office's joining words ("City of Brantford"), an ampersand
# ("Salt & Rye"), a station's frequency ("KVNR 101.5") or be a handle in lower case
# ("sea_glass_22", "@dock.rat |").
@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        pytest.param(
            "Ms. Okonkwo (teacher)  3:40 PM\nThe trip is Thursday, Oct. 6.\n\n"
            "Greg Lindqvist (parent)  4:12 PM\nI can chaperone!\n\n"
            "Kayla \u00b7 4:20 PM\nThanks!",
            "2011-09-27",
            ["2011-09-27T15:40", "2011-10-06", "2011-09-27T16:12", "2011-09-27T16:20"],
            id="role",
        ),
        pytest.param(
            "Town of Easton \u00b7 6:10 AM\nThe rink stays shut until noon Sunday.\n\n"
            "Friends of the Library \u00b7 7:45 AM\nBook sale is on!",
            "2025-01-09",
            ["2025-01-09T06:10", "2025-01-12T12:00", "2025-01-09T07:45"],
            id="office",
        ),
        pytest.param(
            "Salt & Rye \u00b7 8:10 AM\nPie orders close Thursday.\n\n"
            "Salt & Rye \u00b7 9:20 AM\nSold out of rye already!",
            "2015-03-02",
            ["2015-03-02T08:10", "2015-03-05", "2015-03-02T09:20"],
            id="ampersand",
        ),
        pytest.param(
            "KVNR 101.5 \u00b7 9:00 AM\nThe pledge drive ends Tuesday.\n\n"
            "KVNR 101.5 \u00b7 4:45 PM\nThanks for calling in!",
            "2018-03-09",
            ["2018-03-09T09:00", "2018-03-13", "2018-03-09T16:45"],
            id="frequency",
        ),
        pytest.param(
            "HarborFerries \u00b7 9:10 AM\nThe 4:40 boat is cancelled Saturday.\n\n"
            "sea_glass_22 \u00b7 9:25 AM\nthanks!\n\n"
            "@dock.rat | 9:40 AM\nis Sunday ok?",
            "2022-06-16",
            [
                "2022-06-16T09:10",
                "2022-06-16T04:40",
                "2022-06-18",
                "2022-06-16T09:25",
                "2022-06-16T09:40",
                "2022-06-19",
            ],
            id="handle",
        ),
    ],
)
def test_a_stamp_after_a_senders_name_is_on_the_reference_day(
    text: str, reference: str, expected: list[str]
) -> None:
    values = [t.value for t in eventline.tag(text, reference=reference)]
    assert values == expected
