"""The web UI in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright) against the live
server over the built corpus. Screenshots go to test-artifacts/ (gitignored).

Skipped, with the reason, only when /usr/bin/chromium is absent.
"""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from ui_fixtures import (  # noqa: F401
    DURBAN,
    ERICSSON,
    TD_DOCUMENT,
    bpage,
    browser,
    live_ui,
    screenshot,
    topic_and_its_names,
    ui_snapshot,
)

from itukg.graph.errors import QueryError
from itukg.server import named_queries as nq
from itukg.server.ui import sparql

pytestmark = pytest.mark.browser


def entity_path(iri: str) -> str:
    return "/ui/entity?iri=" + quote(iri, safe="")


def no_trouble(bp) -> None:
    assert not bp.errors, bp.errors
    assert not bp.outside, f"requests to other sites: {bp.outside}"


def test_home_search_as_you_type_reaches_ericsson(bpage):
    page = bpage.goto("/")
    assert page.locator("h1").inner_text() == "ITU-T meetings knowledge graph"
    assert page.locator('[data-count="meetings"] .n').inner_text() == "3"
    page.wait_for_selector('#topics-heatmap[data-chart-ready="true"]')
    page.wait_for_selector('#country-chart[data-chart-ready="true"]')
    box = page.locator("#home-search")
    box.click()
    box.press_sequentially("Ericsson", delay=20)
    first = page.locator("#home-search-list [role=option]").first
    first.wait_for()
    assert first.inner_text().startswith("Ericsson")
    assert box.get_attribute("aria-expanded") == "true"
    screenshot(page, "home-search")
    box.press("ArrowDown")
    assert page.locator("#home-search-list [aria-selected=true]").count() == 1
    with page.expect_navigation():
        box.press("Enter")
    assert page.url.endswith("/id/organization/ericsson")
    assert page.locator("h1").inner_text() == "Ericsson"
    assert "Sweden" in page.locator("#participations").inner_text()
    screenshot(page, "organization-ericsson")
    no_trouble(bpage)


def test_named_query_runs_in_the_editor_and_shows_rows(bpage):
    page = bpage.goto("/query")
    page.wait_for_selector(".CodeMirror")  # the vendored editor took over the textarea
    page.locator('button[data-example="meetings"]').click()
    rows = page.locator("#results-grid tbody tr")
    rows.first.wait_for()
    assert rows.count() == 3
    link_to_query = page.url
    assert "query=" in link_to_query and "PREFIX" in link_to_query
    assert re.match(r"3 rows in \d+ ms", page.locator("#results-status").inner_text())
    link = page.locator("#results-grid tbody a", has_text="meeting/").first
    assert link.get_attribute("href").startswith("/id/meeting/")
    # prefixed names, and the label where the dataset has one, the IRI staying the link's target and title
    page.locator("#results-grid tbody a .lbl").first.wait_for()
    durban = page.locator("#results-grid tbody a[data-iri$='cto-meeting-2018-09-09-durban']").first
    assert durban.locator(".lbl").inner_text() == "CTO meeting"
    assert durban.locator(".pn").inner_text().strip() == "id:meeting/cto-meeting-2018-09-09-durban"
    assert durban.get_attribute("title").startswith("https://")
    assert "https://" not in page.locator("#results-grid tbody").inner_text()
    assert page.evaluate("getComputedStyle(document.querySelector('#results-table .table-wrap')).overflowY") == "auto"
    assert page.locator('#downloads a[data-format="csv"]').get_attribute("href").startswith("/sparql?query=")
    header = page.locator("#results-grid thead button", has_text="?startDate")
    header.click()
    assert page.locator("#results-grid thead th[aria-sort]").count() == 1
    screenshot(page, "query-meetings")
    # prefix completion: Ctrl+Space after "PREFIX sk" offers skos with its namespace
    page.evaluate("document.querySelector('.CodeMirror').CodeMirror.setValue('PREFIX sk')")
    page.evaluate("(() => { const cm = document.querySelector('.CodeMirror').CodeMirror; cm.focus(); "
                  "cm.setCursor({line: 0, ch: 9}); })()")
    page.keyboard.press("Control+Space")
    hint = page.locator(".CodeMirror-hints li").first
    hint.wait_for()
    assert hint.inner_text().startswith("skos: <http://www.w3.org/2004/02/skos/core#>")
    page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector('.CodeMirror').CodeMirror.getValue()") == \
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>"
    # the link reproduces the query: opening it runs it again
    page.goto(link_to_query)
    page.locator("#results-grid tbody tr").first.wait_for()
    assert page.locator("#results-grid tbody tr").count() == 3
    no_trouble(bpage)


def test_syntax_errors_show_line_and_column(bpage):
    page = bpage.goto("/query?query=" + quote("SELECT ?s WHERE {\n  ?s ?p\n}"))
    error = page.locator("#query-error")
    error.wait_for(state="visible")
    assert re.search(r"line \d+, column \d+", error.inner_text())
    assert page.locator(".CodeMirror .cm-error-line").count() == 1
    screenshot(page, "query-syntax-error")
    # only the endpoint's 400 was logged by the browser
    assert all("400" in e for e in bpage.errors), bpage.errors


def test_meeting_page_and_participant_link(bpage):
    page = bpage.goto(entity_path(DURBAN))
    assert page.locator("h1").inner_text() == "CTO meeting"
    assert "9 September 2018" in page.locator("dl.facts").first.inner_text()
    page.wait_for_selector('#neighbourhood figure[data-chart-ready="true"]')
    screenshot(page, "meeting-durban")
    with page.expect_navigation():
        page.locator("#participants a", has_text="Ericsson").click()
    assert page.url.endswith("/id/organization/ericsson")
    assert page.locator("h1").inner_text() == "Ericsson"
    no_trouble(bpage)


def test_document_page_highlights_evidence_and_hover_shows_the_entity(bpage):
    page = bpage.goto(entity_path(TD_DOCUMENT))
    marks = page.locator("#doc-text a.ev")
    assert marks.count() > 100
    durban = page.locator("#doc-text a.ev", has_text=re.compile(r"^Durban$")).first
    durban.scroll_into_view_if_needed()
    durban.hover()
    tip = page.locator("#ev-tip")
    tip.wait_for(state="visible")
    assert "Durban" in tip.inner_text() and "place" in tip.inner_text().lower()
    screenshot(page, "document-hover")
    page.mouse.move(0, 0)
    tip.wait_for(state="hidden")
    # "in text" in the evidence table highlights the passage
    page.locator("a[data-show-span]").first.click()
    assert page.locator("#doc-text .focus").count() >= 1
    with page.expect_navigation():
        durban.click()
    assert page.url.endswith("/id/place/durban")
    no_trouble(bpage)


def test_keyboard_and_phone_layout(browser, live_ui):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(live_ui.url + "/")
        width = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert width <= 1, "the home page scrolls sideways on a phone"
        page.keyboard.press("Tab")  # the skip link comes first
        assert page.evaluate("document.activeElement.className") == "skip"
        screenshot(page, "home-phone")
        page.goto(live_ui.url + entity_path(DURBAN))
        width = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert width <= 1, "the meeting page scrolls sideways on a phone"
        screenshot(page, "meeting-phone")
    finally:
        context.close()


def test_endpoint_in_a_browser_shows_a_table_in_the_site_layout(bpage):
    page = bpage.goto("/sparql")
    assert page.locator("header.site nav").count() == 1
    with page.expect_navigation():
        page.locator("#sparql-form button[type=submit]").click()
    assert page.locator("#sparql-table tbody tr").count() == 3  # the default query: the three meetings
    assert page.locator("#sparql-table a", has_text="CTO meeting").first.get_attribute("href").startswith("/id/meeting/")
    screenshot(page, "sparql-endpoint-results")
    no_trouble(bpage)
    page.goto(bpage.base + "/no/such/page")  # the browser logs the 404 itself
    assert page.locator("header.site nav").count() == 1 and page.locator("h1").inner_text() == "Not found"
    screenshot(page, "not-found")


def test_meeting_people_separate_dated_and_undated_posts(bpage):
    page = bpage.goto(entity_path(DURBAN))
    people = page.locator("#people")
    people.scroll_into_view_if_needed()
    assert "at some time" in people.locator("td.other-posts").first.inner_text() or \
        "at some time" in people.inner_text()
    assert "not when" in people.locator("caption").inner_text()
    screenshot(page, "meeting-people-posts")
    no_trouble(bpage)


def test_search_as_you_type_offers_entities_not_internal_nodes(bpage):
    page = bpage.goto("/")
    box = page.locator("#home-search")
    box.click()
    box.press_sequentially("eric", delay=20)
    options = page.locator("#home-search-list [role=option]")
    options.first.wait_for()
    texts = options.all_inner_texts()
    assert texts[0].startswith("Ericsson") and len(texts) == 1, texts
    screenshot(page, "home-search-eric")
    no_trouble(bpage)


def test_named_query_parameter_form_resolves_labels_and_shows_close_matches(bpage, ui_snapshot):
    iri, names = topic_and_its_names(ui_snapshot)
    bound = nq.bind(nq.get("topic-meetings"), {"topic": iri})
    expected_rows = len(sparql.run(ui_snapshot, bound))
    page = bpage.goto("/query")
    page.wait_for_selector(".CodeMirror")
    form = page.locator("#named-topic-meetings")
    assert form.is_hidden()
    page.locator('button[data-example="topic-meetings"]').click()
    form.wait_for(state="visible")
    field = page.locator("#named-topic-meetings-topic")
    assert page.locator("label[for=named-topic-meetings-topic]").inner_text() == "?topic"
    # a label, as the CLI takes it: the query is bound to the topic's IRI and runs
    field.fill(names["label"])
    form.locator("button[type=submit]").click()
    page.wait_for_function("iri => document.querySelector('.CodeMirror').CodeMirror.getValue().includes('<' + iri + '>')",
                           arg=iri)
    page.wait_for_function("n => document.querySelectorAll('#results-grid tbody tr').length === n", arg=expected_rows)
    assert page.evaluate("document.querySelector('.CodeMirror').CodeMirror.getValue()") == bound
    assert field.get_attribute("aria-invalid") is None
    form.locator("h2").scroll_into_view_if_needed()
    screenshot(page, "query-named-parameter")
    # a value that names nothing: the resolver's message, with its close matches, at the field
    typo = names["slug"][:2] + names["slug"][3:]
    with pytest.raises(QueryError) as expected:
        nq.resolve_param(ui_snapshot, "topic", typo)
    field.fill(typo)
    form.locator("button[type=submit]").click()
    error = page.locator("#named-topic-meetings-topic-error")
    error.wait_for(state="visible")
    assert error.inner_text() == str(expected.value) and "close matches" in error.inner_text()
    assert field.get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.querySelector('.CodeMirror').CodeMirror.getValue()") == bound  # unchanged
    form.locator("h2").scroll_into_view_if_needed()
    screenshot(page, "query-named-parameter-error")
    assert not bpage.outside and all("400" in e for e in bpage.errors), bpage.errors
