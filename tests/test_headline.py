"""The headline of copied text: which lines are weighed, how the chosen one is tidied."""

from __future__ import annotations

import pytest

from indexer.normalize.headdecks import headline_among_decks
from indexer.normalize.headecho import glued_menu_entry, headline_under_glued
from indexer.normalize.headkicker import headline_under_kicker
from indexer.normalize.headline import (
    candidates,
    find_headline,
    headline_text,
    is_candidate,
    menu_entries,
    page_headline,
    tidy_headline,
)
from indexer.normalize.headnames import headline_over_names
from indexer.normalize.headslug import spelled
from indexer.normalize.headtail import without_tail
from indexer.normalize.headtidy import without_echoed_trail, without_trail
from indexer.normalize.lines import (
    clean_text,
    is_headline_like,
    split_lines,
    two_short_sentences,
    unwrap,
)
from indexer.normalize.story import Page, find_title
from indexer.normalize.zone import article_zone
from tests.test_normalize_copied import DATA, _normalize, _normalize_changed, _page


def _weighed(name: str) -> list[str]:
    """The lines of a fixture that are weighed as its headline."""
    page = _page(name)
    zone = article_zone(page)
    assert zone is not None
    return [page.text(i) for i in candidates(page, zone)]


def test_a_menu_entry_glued_before_the_headline_with_a_mark_is_cut() -> None:
    # The menu lists `Kultur`; the copy prints `Kultur : Stadtmuseum …` as one line.
    article = _normalize("section-label.txt")
    assert article.title == "Stadtmuseum öffnet den Ostflügel nach vier Jahren Umbau wieder"
    assert article.byline == ["Jana Beispiel"]


def test_a_headline_opening_with_a_menu_word_keeps_it() -> None:
    menu = frozenset({"business", "wine", "politik"})
    # No mark sets the word apart: it is the headline's own (`Business Brief` is a column).
    kept = "Business Brief: Chip maker turns to nation building"
    assert tidy_headline(kept, menu) == (kept, [])
    # A mark but no menu entry: a kicker the headline keeps.
    kicker = "Landtagswahl in Thüringen: Voigt und Höcke streiten vor laufender Kamera"
    assert tidy_headline(kicker, menu) == (kicker, [])
    assert tidy_headline("Politik | Koalition einigt sich auf den Haushalt", menu) == (
        "Koalition einigt sich auf den Haushalt",
        [],
    )


def test_a_kind_label_in_capitals_glued_before_the_headline_is_cut() -> None:
    # `EXCLUSIVE` set in its own inline element is copied onto the headline's line.
    headline = "Pacific nations weigh joint fishing patrols"
    assert tidy_headline(f"EXCLUSIVE {headline}") == (headline, [])
    assert tidy_headline(f"ANALYSIS {headline}") == (headline, [])
    # A headline in capitals, or one whose first word is the label's word, keeps it.
    assert tidy_headline("BREAKING NEWS ABOUT THE PORT") == ("BREAKING NEWS ABOUT THE PORT", [])
    assert tidy_headline("Breaking Bad star opens a bakery") == (
        "Breaking Bad star opens a bakery",
        [],
    )


def test_a_cjk_line_closed_by_a_full_stop_is_no_headline_candidate() -> None:
    # Chinese and Japanese headlines never end on `。`; the story's sentences do.
    page = _page("headline-cjk-prose.txt")
    zone = article_zone(page)
    assert zone is not None
    prose = [i for i, line in enumerate(page.lines) if line.text.endswith("。")]
    assert prose and not any(is_candidate(page, i, zone) for i in prose)
    assert _normalize("headline-cjk-prose.txt").title == (
        "北浜線の一部区間、7月に運転再開へ 鉄道会社が発表"
    )


def test_a_live_entry_heading_under_its_time_is_no_headline() -> None:
    # Each entry opens on its time alone, then its heading and text; the key events list
    # repeats the headings after `1h ago`. The page's own headline stands above them.
    article = _normalize("live-entries.txt")
    assert article.title == "Harbour ferry strike live: all sailings cancelled as talks break down"


def test_a_government_site_banner_is_no_headline() -> None:
    # `An official website of …` / `Here's how you know` tops every page of a government site.
    article = _normalize("fresh/gov-release.txt")
    assert article.title == (
        "Health department urges private well owners to test water after spring floods"
    )


def test_a_headline_under_its_time_over_the_story_is_no_live_entry() -> None:
    # `14:05` / headline / five paragraphs, then a list of timed teasers with a line of text
    # each: the page is no live page, and its headline heads a story, not an entry.
    article = _normalize("headline-timed-over-story.txt")
    assert article.title == "Council approves the new harbour bridge after a long debate"


def test_menu_entries_are_the_short_lines_of_link_lists() -> None:
    entries = menu_entries(_page("section-label.txt"))
    assert {"politik", "kultur", "sport"} <= entries
    assert "von jana beispiel" not in entries  # a byline alone, in no list


def test_a_headline_ending_in_a_question_after_a_capitalised_kicker_is_weighed() -> None:
    # `CHAPTER TWELVE:` reads like a wire's dateline, but a question is a headline's end.
    article = _normalize("question-kicker.txt")
    assert article.title == "CHAPTER TWELVE: Who left the lights on?"


def test_a_headline_under_a_glued_menu_trail_inside_the_zone_is_weighed() -> None:
    # The menu and the breadcrumb trail, copied as one long line, open the densest run.
    page = _page("glued-trail.txt")
    zone = article_zone(page)
    assert zone is not None and zone.start == 5
    headline = page.lines.index(
        next(line for line in page.lines if line.text.startswith("A palm-sized phone"))
    )
    assert headline in candidates(page, zone)
    assert _normalize("glued-trail.txt").title == (
        "A palm-sized phone put to the test as an everyday handset"
    )


def test_a_name_alone_gives_way_to_a_weak_headline() -> None:
    # The rule-based choice is the author's box under the column; a name alone is never the
    # headline, whether the model's best line is under its bar (as it was when the rule was
    # written) or above it (since the byline reader's fourth round changed the features).
    page = _page("column-author-box.txt")
    zone = article_zone(page)
    assert zone is not None
    name = next(i for i, line in enumerate(page.lines) if line.text == "Clara Example")
    headline = next(i for i, line in enumerate(page.lines) if line.text.startswith("Breakpoint"))
    found = find_headline(page, zone, name)
    assert found is not None and found[0] == headline


def test_a_byline_under_the_headline_in_another_language_is_not_joined_to_it() -> None:
    # `di Giulia Esempio` starts in lower case, but it signs the story: no continuation.
    article = _normalize("italian-byline.txt")
    assert article.title == "Nuova linea del tram collega la stazione al quartiere fieristico"


def test_a_reading_time_glued_after_the_headline_is_cut() -> None:
    # `… before the winter storms 5 min read`: the copy runs the headline into its reading time.
    article = _normalize("headline-reading-time.txt")
    assert article.title == "Coastal town votes to rebuild its sea wall before the winter storms"
    assert article.byline == ["Jane Example"]


def test_only_furniture_after_a_headline_is_cut() -> None:
    cut = {
        "Fed raises rates again 5 min read": "Fed raises rates again",
        "Trainer sagt: Nicht mehr viel zu verlieren vor 14 Minuten": (
            "Trainer sagt: Nicht mehr viel zu verlieren"
        ),
        "Fed raises rates again Share Tweet Email": "Fed raises rates again",
        "Fed raises rates again | Updated 10:42 AM": "Fed raises rates again",
        "Fed raises rates again | May 3, 2024": "Fed raises rates again",
        "Fed raises rates again 12 Comments": "Fed raises rates again",
    }
    for line, headline in cut.items():
        assert without_tail(line) == headline
    # Words a headline may end on: a day without a mark, a verb, a label without a stamp.
    for line in (
        "Election set for May 3, 2025",
        "Seven ways to save",
        "Stocks fall as the Fed published rules",
        "Section, News, Top Story | Published: 5 hours ago | Written by Jane Doe",
        "HONG KONG EXCHS NOON - APR 7",  # a wire table's headline dates itself, without a year
        "ABC CORP RAISES PAYOUT PER SHARE",
        "Der Mauerfall und seine Folgen vor 30 Jahren",
        "Locals take a stand at 5 pm",
        "Amazon and Apple posted record profits in 2023",
    ):
        assert without_tail(line) == line


def test_stamped_teasers_in_a_list_keep_their_stamps() -> None:
    # A list of teasers, each with its time, is no headline with furniture glued on.
    page = _page("headline-reading-time.txt")
    teasers = [i for i, line in enumerate(page.lines) if line.text.endswith("hours ago")]
    assert len(teasers) == 3
    assert all(headline_text(page, i) == page.text(i) for i in teasers)


def test_a_headline_the_lead_retells_word_for_word_is_weighed() -> None:
    # The lead opens with the headline's words: above its byline it heads the story; only
    # between the story's paragraphs would it be a pull quote.
    page = _page("headline-retold.txt")
    zone = article_zone(page)
    assert zone is not None
    headline = next(i for i, line in enumerate(page.lines) if line.text.startswith("City"))
    assert headline in candidates(page, zone)
    article = _normalize("headline-retold.txt")
    assert article.title == "City council approves new budget for road repairs and school meals"


def test_a_notice_about_the_page_is_never_weighed_as_its_headline() -> None:
    # `This article is more than 5 years old`, printed above and below the headline, speaks of
    # the page, not of its story.
    texts = _weighed("headline-notice.txt")
    assert "This article is more than 5 years old" not in texts
    headline = "Dam protesters stand firm as water cannon is turned on their river camp"
    assert headline in texts
    assert _normalize("headline-notice.txt").title == headline


def test_a_forms_field_and_an_account_notice_are_never_weighed_as_its_headline() -> None:
    # A weather box asks for a place (`Enter City and State or Zip Code`) and the account box
    # says who is signed in, above the story's own headline: interface text, never a headline.
    texts = _weighed("headline-form-prompt.txt")
    assert "Enter City and State or Zip Code" not in texts
    assert "You are signed in as" not in texts
    headline = "Library opens a tool shed where residents borrow drills and ladders"
    assert _normalize("headline-form-prompt.txt").title == headline


def test_a_headline_about_an_account_or_opening_on_a_forms_verb_is_weighed() -> None:
    # A story about tracking (`… when you're logged out`) or costs (`Input costs …`), or a
    # Spanish headline that opens on its verb (`Ingresa una mujer en prisión …`): sentences that
    # run on past what an interface would say, never its notices or fields.
    article = _normalize("headline-logged-out.txt")
    assert article.title == "Facebook still tracks you when you're logged out, researchers find"
    assert "even when you're logged out of the social network" in article.body
    assert "law you can opt out of the sharing" in article.body
    title = "Input costs squeeze city bakers as flour prices climb again"
    assert _normalize("headline-input-costs.txt").title == title
    title = "Ingresa una mujer en prisión por atropellar a un ciclista y huir en Alicante"
    assert _normalize("headline-ingresa-prision.txt").title == title
    # A story's sentence telling readers what to type where keeps its place in the story.
    article = _normalize("body-enter-postcode.txt")
    assert "Enter your postcode on the council's website" in article.body


def test_a_headline_broken_after_a_name_is_one_headline() -> None:
    # The copy breaks the headline after `Bank of England`: a name, not a menu's label of
    # topics, so the line under it in lower case carries it on.
    article = _normalize("headline-broken-after-name.txt")
    assert article.title == (
        "Bank of England raises interest rates for the fourteenth time in a row"
    )


def test_a_call_to_follow_a_handle_is_never_the_headline() -> None:
    # `Siga @…` (follow @…) opens the copied page; the headline stands over its date below.
    page = _page("headline-follow-prompt.txt")
    assert page.text(0) == "Siga @gazetaexemplo"
    assert "Siga @gazetaexemplo" not in _weighed("headline-follow-prompt.txt")
    assert find_title(page, None) != 0
    article = _normalize("headline-follow-prompt.txt")
    assert article.title == "Câmara aprova reforma da praça central"
    # `ATENÇÃO: Comentários …` under the story is a notice to commenters, not a dateline that
    # opens the story.
    assert article.body.startswith("A Câmara Municipal aprovou")


def test_an_editors_prompt_about_the_story_is_never_weighed_as_its_headline() -> None:
    # A publishing dialog over the story names the post's own parts (`Change the post’s title,
    # subtitle, …`) or speaks of this post and runs on into a question: notices, not headlines.
    texts = _weighed("editor-prompt-notice.txt")
    assert "Change the post’s title, subtitle, and visibility as needed" not in texts
    assert not any(text.startswith("The author chose to make this post") for text in texts)
    article = _normalize("editor-prompt-notice.txt")
    assert article.title == "Why Allotment Waiting Lists Keep Growing"
    # A headline may speak of this story in its one sentence.
    page = Page(unwrap(split_lines(clean_text("Why this story matters to the riverside town"))))
    assert is_candidate(page, 0)


def test_a_headline_may_open_on_a_name_written_in_lower_case() -> None:
    # A newsletter's or a package's name in lower case (`tidy.notes`, `wasm-module`) set as a
    # kicker before a mark opens the headline: a line of its own under the menu's last entry
    # (`Contact`), not the rest of a sentence.
    article = _normalize("lowercase-name-kicker.txt")
    assert article.title == "tidy.notes issue #42: sqlite, rsync, systemd timers & more"
    assert is_headline_like("wasm-module - DOM access from Rust compiled to WebAssembly")
    # Running text in lower case is no headline, and still carries on its sentence.
    assert not is_headline_like("and the well-known critics say the film fails")
    assert not is_headline_like("e-mail: desk@example.org")
    lines = unwrap(split_lines("The council said the\nwell-known plan: more homes"))
    assert [line.text for line in lines] == ["The council said the well-known plan: more homes"]


def test_a_bar_of_links_parted_by_one_mark_is_never_weighed() -> None:
    # `Politics | Business | Sport | …` opening the text had been taken as its headline.
    page = _page("menu-bar-marks.txt")
    bar = "Politics | Business | Sport | Weather | Culture"
    assert not is_candidate(page, 0)
    assert _normalize("menu-bar-marks.txt").title == "River ferry returns after a winter of repairs"
    assert bar not in _weighed("menu-bar-marks.txt")
    # A headline holds such a mark once or twice, before the site's name or a section.
    page = Page(unwrap(split_lines("Ferry returns | Local News | Daily Post")))
    assert is_candidate(page, 0)


def test_a_charts_credit_naming_its_source_is_no_headline() -> None:
    # `By The Harbour Post | Source: Port Authority` under a chart names who drew it and whose
    # figures it shows; `Sources: …` opening a line is a headline's kicker.
    page = _page("chart-credit-source.txt")
    texts = [page.text(i) for i in range(len(page.lines))]
    zone = article_zone(page)
    assert not is_candidate(page, texts.index("By The Harbour Post | Source: Port Authority"), zone)
    headline = "Port traffic falls for a third year as larger ships call less often"
    assert _normalize("chart-credit-source.txt").title == headline
    page = Page(unwrap(split_lines("Sources: Council to close the harbour baths for the winter")))
    assert is_candidate(page, 0)


def test_a_headline_about_this_story_is_weighed_past_an_abbreviations_dot() -> None:
    # `St.` and `Mr.` end no sentence: the headline does not run on into another one.
    headline = "How this story began in St. Louis"
    assert headline in _weighed("headline-this-story-abbrev.txt")
    assert _normalize("headline-this-story-abbrev.txt").title == headline
    page = Page(unwrap(split_lines("The man behind this story, Mr. Jones, speaks out")))
    assert is_candidate(page, 0)


def test_two_short_sentences_about_this_story_are_told_by_their_place() -> None:
    # An opinion's headline of two sentences under its section's label, over its byline.
    article = _normalize("headline-two-sentences-this-story.txt")
    headline = "I covered this story for a year. Here is what I learned."
    assert article.title == headline
    # A site's name of three words opening the text sits over the section's label: the text
    # was not copied from the headline down.
    name = "Valley Gazette"
    article = _normalize_changed("headline-two-sentences-this-story.txt", name, f"The {name}")
    assert article.title == headline


def test_sources_after_a_kicker_open_a_headline_not_a_charts_credit() -> None:
    # A chart's credit names its maker before its source (`By The Harbour Post | Source: …`);
    # a label's kicker before `Sources:` (`Exclusive | …`) opens a headline.
    headline = "Exclusive | Sources: Harbour Kings agree to trade for star guard"
    assert headline in _weighed("headline-sources-kicker.txt")
    assert _normalize("headline-sources-kicker.txt").title == headline


def test_a_middle_dot_inside_a_name_parts_no_menu_bar() -> None:
    # `马丁·路德·金`: the dots join the parts of a name written out in Chinese, unspaced; a bar
    # sets its dots apart (`Home · News · Sport · Weather`).
    headline = "马丁·路德·金之女伯妮丝·金抵京访问"
    assert headline in _weighed("headline-cjk-interpunct-name.txt")
    assert _normalize("headline-cjk-interpunct-name.txt").title == headline
    assert not is_candidate(Page(unwrap(split_lines("Home · News · Sport · Weather"))), 0)


def test_a_list_of_tags_in_lower_case_is_no_kicker_nor_a_sentences_rest() -> None:
    # `open-source - linux - self-hosting` repeats its mark: a list of tags, under the menu's
    # last entry (`Contact`) or a headline, neither a headline nor glued to the line above.
    tags = "open-source - linux - self-hosting"
    assert tags not in _weighed("headline-lowercase-tags.txt")
    assert _normalize("headline-lowercase-tags.txt").title == "Moving my backups to systemd timers"
    assert not is_headline_like(tags)
    lines = unwrap(split_lines(f"Contact\n{tags}\nMoving my backups to systemd timers\n{tags}"))
    assert [line.text for line in lines][:2] == ["Contact", tags]
    assert [line.text for line in lines][2:] == ["Moving my backups to systemd timers", tags]
    # A kicker's mark stands once.
    assert is_headline_like("wasm-module - DOM access from Rust - a first look")


def test_labels_on_lines_of_their_own_mark_the_header_under_a_headline() -> None:
    # Two teasers that end in questions open the densest run; the headline under them has its
    # author and date five lines down, each under a label line (`Author:`, `Publish date:`).
    article = _normalize("headline-label-lines.txt")
    assert article.title == (
        "Heir Apparent: The quiet son who rebuilt a losing franchise from the ground up"
    )
    assert article.byline == ["Sam Example"]


def test_a_byline_label_of_another_language_marks_the_header_under_a_headline() -> None:
    # A saved-articles notice opens the densest run; `di Giulia Esempio` signs the headline
    # under it (the byline reader of the page finds the name too).
    article = _normalize("headline-labelled-name.txt")
    assert article.title.startswith("Il sindaco inaugura la nuova biblioteca")
    assert article.byline == ["Giulia Esempio"]


def test_a_colon_copied_without_its_space_gets_it_back() -> None:
    # The kicker is a styled span; the copy glues it to the headline at its colon.
    assert tidy_headline("Kenia:Nairobi von unten")[0] == "Kenia: Nairobi von unten"
    assert tidy_headline("Ferry strike ends at 10:30 on Monday")[0] == (
        "Ferry strike ends at 10:30 on Monday"
    )


def test_signing_up_inside_a_headline_is_news_not_a_prompt() -> None:
    # Only a call to act that opens a sentence is a prompt (`Not a member yet? Sign up, …`).
    text = (
        "Thousands sign up for the vaccine trial in a single week\n"
        "This post-Brexit budget splits the cabinet again\n"
        "Not a member of the club yet? Sign up, it unlocks many features!\n"
    )
    page = Page(unwrap(split_lines(clean_text(text))))
    assert [is_candidate(page, i) for i in range(3)] == [True, True, False]


def test_a_post_title_framed_by_emoji_with_a_lower_case_name_is_weighed() -> None:
    # A release post on a blog platform: emoji around the title, the software's name in lower
    # case with its version (`seedling 2: …`); the subtitle and the author stand under it.
    article = _normalize("emoji-release-title.txt")
    assert article.title == "🎉🌱 seedling 2: Stable Release!! 🌱🎉"
    assert article.byline == ["Priya Ramanathan"]
    assert is_headline_like("🚀 Launch day for the new garden app")
    assert is_headline_like("webpack 3: Official Release")
    # Signs below the emoji open no headline; a lower-case word before a number is no name.
    assert not is_headline_like("© 2024 Riverside Gazette and its writers")
    assert not is_headline_like("™ trademarks of their owners")
    assert not is_headline_like("and 3 of them said no")


def test_a_headline_opening_with_a_quote_or_a_bracketed_label_is_weighed() -> None:
    # Quotes and brackets of every script open headlines (`’90s`, `《…》`, `»…«`), and so does a
    # short label in brackets (`【？】`, `[Video]`); a label in lower case (`(c) 2024`) does not.
    assert is_headline_like("《流浪地球》续集票房突破十亿元")
    assert is_headline_like("【？】「消費増税の軽減税率は高所得者ほどお得！」総務省が認める")
    assert is_headline_like("»Wir schaffen das« – zehn Jahre danach")
    assert not is_headline_like("(c) newsroom staff and agencies")
    assert is_headline_like("(CORRECTED) - ACME <ACM> PLACES NOTES")  # the mark is the wire's
    article = _normalize("headline-opening-marks.txt")
    assert article.title == "’90s nostalgia drives record sales of vinyl reissues"
    assert article.byline == ["Ada Example"]


def test_a_breadcrumb_trail_glued_without_spaces_is_cut_from_the_headline() -> None:
    # A copy of the trail's inline links loses its spaces: `Home`, `Travel`, `Europe`, headline.
    article = _normalize("headline-glued-trail.txt")
    assert article.title == "Ferry operators add night crossings to the islands"
    assert article.byline == ["Nora Example"]
    # Capitals glued inside the headline's own words are no steps of a trail.
    assert (
        without_trail("HomeTechMcDonald's opens a drive-through")
        == "McDonald's opens a drive-through"
    )
    assert without_trail("HomeTechApple shows its new iPhone") == "Apple shows its new iPhone"
    assert without_trail("Homeowners face higher rates") == "Homeowners face higher rates"
    # A name that opens on `Home` (`HomePod`) has no section glued after it: no trail.
    assert without_trail("HomePod mini gets three new colours") == (
        "HomePod mini gets three new colours"
    )


def test_a_picture_credit_or_a_thank_you_notice_is_no_headline() -> None:
    # A caption ending on its photographer and agency, a rights label, the page thanking its
    # reader for signing up: headline-shaped lines that are never a story's headline.
    page = _page("headline-credit-notice.txt")
    texts = [page.text(i) for i in range(len(page.lines))]
    zone = article_zone(page)
    thanks = texts.index("Danke, dass Sie sich für unseren Newsletter angemeldet haben")
    caption = next(i for i, t in enumerate(texts) if t.endswith("Rui Exemplo/Agência Exemplo"))
    rights = texts.index("Bildrechte: picture alliance/dpa | Tom Beispiel")
    headline = texts.index("Harbour town opens its restored lighthouse to visitors")
    assert not is_candidate(page, thanks, zone)
    assert not is_candidate(page, caption, zone)
    assert not is_candidate(page, rights, zone)
    assert is_candidate(page, headline, zone)
    # A slash inside a headline is no credit; neither is a reader thanked for something else.
    assert is_headline_like("Brian Johnson rejoins AC/DC for a summer tour")
    article = _normalize("headline-credit-notice.txt")
    assert article.title == "Harbour town opens its restored lighthouse to visitors"
    assert article.byline == ["Lena Example"]


def test_a_title_case_headline_with_a_dash_and_a_slash_is_no_picture_credit() -> None:
    # `… - Jane Doe/AFP` closes a caption in prose; a headline in title case may hold the same
    # shape (`… - Zelensky Meets Biden/Harris Team`), and a bracket left open credits nothing.
    page = _page("headline-slash-title-case.txt")
    texts = [page.text(i) for i in range(len(page.lines))]
    headline = texts.index("Ukraine War - Zelensky Meets Biden/Harris Team")
    assert is_candidate(page, headline, article_zone(page))
    assert _normalize("headline-slash-title-case.txt").title == texts[headline]
    caption = _page("headline-credit-notice.txt")
    shown = [caption.text(i) for i in range(len(caption.lines))]
    credit = next(i for i, t in enumerate(shown) if t.endswith("Rui Exemplo/Agência Exemplo"))
    assert not is_candidate(caption, credit, article_zone(caption))


def test_a_headline_thanking_someone_before_its_colon_is_no_sign_up_notice() -> None:
    # The page thanks its reader in one short clause; `Thank you for your service: …` is a
    # headline's kicker, though its story is about a registry.
    page = _page("headline-thanks-kicker.txt")
    texts = [page.text(i) for i in range(len(page.lines))]
    headline = texts.index("Thank you for your service: veterans registry opens to families")
    assert is_candidate(page, headline, article_zone(page))
    assert _normalize("headline-thanks-kicker.txt").title == texts[headline]


def test_a_headline_in_title_case_may_end_on_a_full_stop() -> None:
    # Opinion headlines of two sentences end on a full stop; prose never capitalises every
    # longer word, so a sentence, or a few names in one, stays running text.
    assert is_headline_like("Cities Don’t Need More Lanes. They Need Slower Streets.")
    assert is_headline_like("We Tried Free Buses. Here’s What Happened.")
    assert not is_headline_like("Cities don’t need more lanes. They need slower streets.")
    assert not is_headline_like("Ruth Okafor is a professor of urban planning at Lakeside.")


def test_a_sentence_ending_inside_its_closing_quote_is_no_headline() -> None:
    # A biography under the byline ends on `.”`: a sentence, not a headline candidate; a line
    # that is a quote from its first mark keeps its own full stop as a quoted headline.
    assert not is_headline_like(
        "Dr. Okafor is a professor at Lakeside and the author of “Streets.”"
    )
    assert not is_headline_like("She said the plan would go ahead (subject to a vote.)")
    assert is_headline_like("“We will not back down.”")


def test_a_speakers_words_quoted_after_a_colon_may_end_a_headline_on_a_full_stop() -> None:
    # A sentence of prose may end inside the quote it closes; a headline quotes its speaker
    # after a colon, and its full stop stands inside the quote too.
    assert is_headline_like("Biden: “We will not back down.”")
    assert is_headline_like("Mayor says: ‘The bridge will be built.’")
    assert is_headline_like("“We will not back down.”")
    assert not is_headline_like("Ruth Okafor is the author of “The Walkable Block.”")


def test_a_headline_over_its_unpunctuated_subtitle_heads_the_post() -> None:
    # A blog platform prints the headline, then a subtitle without a full stop, then the author.
    article = _normalize("blog-subtitle.txt")
    assert article.title == "How Our Allotment Society Learned to Share One Water Pump"
    assert article.byline == ["Marta Lindgren"]


def test_a_caption_over_the_headline_is_no_headline_over_a_subtitle() -> None:
    # The caption ends on its picture's credit in brackets: the line under it is the headline.
    article = _normalize("caption-over-headline.txt")
    assert article.title == "Hochwasser am Stadtpark weckt alte Sorgen der Anwohner am Hafen"


def test_a_post_title_under_its_date_header_heads_a_blog_post() -> None:
    # A blog prints its name and tagline, then the post's date header, then the post's title.
    article = _normalize("blog-date-header.txt")
    assert article.title == "A kingfisher at lock seven"
    assert article.date is not None and article.date.iso() == "2024-10-12"


def test_a_post_title_under_a_numeric_date_header_heads_a_blog_post() -> None:
    # A blog may head its posts with the day in figures (`12.10.2024`): a day alone still.
    article = _normalize("blog-numeric-date-header.txt")
    assert article.title == "Die letzten Tomaten"
    assert article.date is not None and article.date.iso() == "2024-10-12"


def test_a_story_stamp_is_no_blog_date_header() -> None:
    # `12 March 2024, 14:05` under the byline stamps the story with its time: the line under it
    # (`Council meeting in pictures`) is no post title under a blog's date header.
    page = _page("stamp-over-section-line.txt")
    at = find_title(page, None)
    assert at is not None and page.text(at).startswith("Town council approves a footbridge")
    article = _normalize("stamp-over-section-line.txt")
    assert article.title == (
        "Town council approves a footbridge over the Wend after twelve years of delays"
    )


def test_a_line_under_the_byline_without_its_own_is_never_the_headline() -> None:
    # `By Maria Example` / `Maria Example` / her one-line blurb: a headline stands above its
    # byline, so the blurb under it is not chosen, though its words recur in the column (a
    # teaser's headline under another teaser's byline keeps its own: `byline-teaser-above.txt`).
    article = _normalize("author-blurb-under-byline.txt")
    assert article.title == "Enough studies: the answer is already on the road"
    assert article.byline == ["Maria Example"]


def test_a_spaced_breadcrumb_trail_ending_on_the_headline_printed_below_is_cut() -> None:
    # The trail's marks are drawn by the page's styling: the copy keeps only spaces between
    # `Home`, the sections and the headline, which the page prints again on its own line.
    article = _normalize("headline-spaced-trail.txt")
    assert article.title == "Growing Runner Beans on a Small Plot"
    page = _page("headline-spaced-trail.txt")
    trail = next(i for i, line in enumerate(page.lines) if line.text.startswith("Home "))
    assert page_headline(page, trail) == ("Growing Runner Beans on a Small Plot", [])
    # Without that echo below it no step can be told from the headline's words.
    for text in ("Home cooks turn to frozen vegetables", "Home Garden Planting Potatoes in Spring"):
        assert without_echoed_trail(text, page, trail) == text
    assert without_echoed_trail(page.text(trail), page, len(page.lines) - 1) == page.text(trail)


def test_a_headline_opening_on_home_keeps_it_when_only_a_standfirst_repeats_its_words() -> None:
    # `Home Secretary …` reads like a spaced trail, but the line below that opens on its last
    # words goes on into a sentence: a standfirst, no echo of a trail's last step.
    article = _normalize("headline-home-standfirst.txt")
    assert article.title == "Home Secretary sets out plan to halve net migration"
    page = _page("headline-spaced-trail.txt")
    trail = next(i for i, line in enumerate(page.lines) if line.text.startswith("Home "))
    text = "Home Politics Growing Runner Beans on a Small Plot"
    assert without_echoed_trail(text, page, trail) == "Growing Runner Beans on a Small Plot"
    # The echo with its byline joined after it counts; words going on after it do not.
    text = "Home Garden Growing Runner Beans"
    assert without_echoed_trail(text, page, trail) == text


def test_a_share_buttons_label_naming_the_headline_is_never_weighed() -> None:
    # `<headline> on linkedin (opens in a new window)`: the label a screen reader speaks for a
    # share button holds the headline, but the button is not the page's heading.
    weighed = _weighed("headline-share-labels.txt")
    assert "Why village shops are learning to sell online" in weighed
    assert not [text for text in weighed if "new window" in text]
    article = _normalize("headline-share-labels.txt")
    assert article.title == "Why village shops are learning to sell online"


def test_a_headline_saying_a_link_opens_in_a_new_tab_is_weighed() -> None:
    # Only the label set off in brackets (or glued to the link's words) is a screen reader's.
    assert "Your browser may soon ask whether links open in a new tab" in _weighed(
        "headline-link-words.txt"
    )
    article = _normalize("headline-link-words.txt")
    assert article.title == "Your browser may soon ask whether links open in a new tab"


def test_a_caption_under_its_label_is_never_weighed() -> None:
    # `Image caption,` on a line of its own announces the caption on the next line.
    weighed = _weighed("headline-caption-label.txt")
    assert not [text for text in weighed if text.startswith("Mrs Okafor says")]
    article = _normalize("headline-caption-label.txt")
    assert article.title == "The baker who turned a market stall into a chain of forty shops"
    assert article.byline == ["Sam Example"]
    # A bare `Caption` is a gallery's button, no label: the line under it may be the headline.
    article = _normalize("headline-caption-button.txt")
    assert article.title == "Ring road reopens after six weeks of repairs to the bridge"


def test_a_teaser_over_its_stamp_in_a_list_of_others_is_weighed_but_never_chosen() -> None:
    # `Recent from …`: each teaser's headline over its author and time, then the story's own
    # headline over its byline; the teasers stay its neighbours' evidence.
    weighed = _weighed("headline-stamped-teasers.txt")
    assert "Bus station roof repairs finally start after two years of delays" in weighed
    article = _normalize("headline-stamped-teasers.txt")
    assert article.title == "New cycle lanes cut commuting times across the city centre"
    assert article.byline == ["Clara Example"]
    # The story's headline over a stamp of the same form as the teasers' goes on into its story.
    article = _normalize("headline-relative-teasers.txt")
    assert article.title == "Harbour ferry crews vote to strike over new rotas"
    # So does one over a standfirst: past it the story begins, where a teaser's stamp is followed
    # by the next teaser's headline.
    article = _normalize("headline-stamped-standfirst.txt")
    assert article.title == "Volunteers plant 5,000 trees along the river path"
    assert article.date is not None and article.date.iso() == "2024-05-14"
    # A live page's posts, each over a stamp of the same form, go on into their text: they are
    # no list of teasers that could void the page's own headline.
    article = _normalize("headline-live-posts.txt")
    assert article.title == "Heavy snow closes schools and roads across the hills"


def test_a_byline_with_the_writers_handle_heads_off_a_fact_box() -> None:
    # `By Maya Example @mayaexample` / `on March 4, 2021 at 9:00a` is the headline's byline;
    # the game's fact box under it (`Publisher Tiny Barn Studio`) is no headline.
    page = _page("byline-handle-factbox.txt")
    byline = next(i for i, line in enumerate(page.lines) if line.text.startswith("By "))
    assert page.is_meta(byline)
    assert page.text(find_title(page, None)) == (
        "Lantern Valley review: a small farm with a long memory"
    )
    article = _normalize("byline-handle-factbox.txt")
    assert article.title == "Lantern Valley review: a small farm with a long memory"
    assert article.byline == ["Maya Example"]


def test_a_box_of_figures_is_never_weighed() -> None:
    # `212: Bicycle workshops opened …` / `38%: Share of …`: each line a figure and what it
    # counts, one after another, is a box of statistics beside the story, not its headline.
    weighed = _weighed("headline-figures-box.txt")
    assert not [text for text in weighed if text[:1].isdigit() or text.startswith("$")]
    assert _normalize("headline-figures-box.txt").title == "The towns that build bicycles"
    # One such line alone keeps its chance (`2024: The year the rivers ran dry`).
    page = _page("headline-figures-box.txt")
    at = next(i for i, line in enumerate(page.lines) if line.text.startswith("212:"))
    page.lines[at + 1].text = "Share of those workshops run by former car plant workers"
    assert is_candidate(page, at, article_zone(page))


def test_a_headline_and_standfirst_each_opening_on_a_figure_are_no_box() -> None:
    # `2024: The year the rivers ran dry` / `40%: the fall in summer flow …`: two such lines
    # are a headline over its standfirst; a box of statistics lists three figures or more.
    assert _normalize("headline-figure-standfirst.txt").title == "2024: The year the rivers ran dry"


def test_a_headline_in_sentence_case_over_a_title_case_standfirst_heads_the_text() -> None:
    # Only a name (a blog's, an outlet's) capitalises most of its words: a first line in
    # sentence case over a heading in title case is the headline over its standfirst.
    article = _normalize("headline-over-title-case-dek.txt")
    assert article.title == "County to close two recycling centres next spring"


def test_a_text_opening_on_two_headings_lets_the_ranking_choose() -> None:
    # `Notes from the Allotment` / `Why Broad Beans Are Worth Sowing in Autumn`: the line under
    # the opening line is a heading in title case, no standfirst, so the opening line (here the
    # blog's name) is not taken on its place alone.
    article = _normalize("blog-name-over-title.txt")
    assert article.title == "Why Broad Beans Are Worth Sowing in Autumn"
    # Over a standfirst written as a sentence the opening line heads the text.
    text = (DATA / "blog-name-over-title.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    lines[0] = "Why broad beans are worth sowing in autumn"
    lines[1] = "Beans sown before the frosts flower before the blackfly arrive in numbers."
    page = Page(unwrap(split_lines(clean_text("\n".join(lines)))))
    found = find_headline(page, article_zone(page), 0)
    assert found is not None and found[0] == 0


def test_a_menu_entry_the_page_prints_again_glued_is_never_the_headline() -> None:
    # The menu's entries, one per line, stand again run together in the trail's line: the last
    # entry (`サポートセンター`) had outscored the headline under that line.
    article = _normalize("menu-glued-twice.txt")
    assert article.title == "小さな町の図書館が週末も開館へ、利用者の声に応える"
    page = _page("menu-glued-twice.txt")
    entry = next(i for i, line in enumerate(page.lines) if line.text == "サポートセンター")
    assert glued_menu_entry(page, entry)
    # A run of short lines that no other line holds is no such menu.
    headline = next(i for i, line in enumerate(page.lines) if line.text.startswith("小さな町"))
    assert not glued_menu_entry(page, headline + 1)


def test_a_headline_the_most_read_list_glues_with_its_kicker_and_byline_is_no_menu() -> None:
    # `Opinion` / `Cities need more trees` / `Jane Doe` stand again glued in the most-read list's
    # card of the story itself: three short lines in a row, but a menu holds no byline, and
    # the site's name had become the title.
    assert _normalize("card-of-itself.txt").title == "Cities need more trees"
    page = _page("card-of-itself.txt")
    headline = next(i for i, line in enumerate(page.lines) if line.text == "Cities need more trees")
    assert not glued_menu_entry(page, headline)


def test_a_headline_alone_under_its_glued_trail_and_site_name_is_the_title() -> None:
    # `News Region Hill fires! … - Courier` / `Hill fires! …`: the copy glues the trail and the
    # site's name around the headline, then prints the headline alone on the next line.
    assert _normalize("glued-page-title.txt").title == "Hill fires! The latest on the fires!"
    page = _page("glued-page-title.txt")
    glued = next(i for i, line in enumerate(page.lines) if line.text.startswith("News Region"))
    assert headline_under_glued(page, glued, [glued, glued + 1]) == glued + 1
    # A headline that opens on the line under it (a caption naming its subject) stays.
    text = "Ferry fares rise for the first time in six years\nFerry fares rise\n"
    page = Page(unwrap(split_lines(clean_text(text))))
    assert headline_under_glued(page, 0, [0, 1]) == 0


def test_a_topic_tag_under_a_headline_ending_in_it_is_not_the_headline() -> None:
    # `… as they struggle with the cost of living` / `Cost of living`: the headline holds the
    # tag after its own running words, not after a trail: the headline stays.
    title = "Pensioners cut back on heating as they struggle with the cost of living"
    assert _normalize("topic-under-headline.txt").title == title
    page = _page("topic-under-headline.txt")
    at = next(i for i, line in enumerate(page.lines) if line.text == title)
    assert headline_under_glued(page, at, [at, at + 1]) == at
    # Nor a phrase inside the headline, after which the headline runs on.
    text = "Why the Bank of England held interest rates\nBank of England\n"
    page = Page(unwrap(split_lines(clean_text(text))))
    assert headline_under_glued(page, 0, [0, 1]) == 0


def test_a_headline_under_its_kicker_line_outranks_the_page_title_above_the_kicker() -> None:
    # `Startseite | Schweiz |` / page title / `Verkehr am Seeufer –` / headline: the kicker's
    # dash joins it to the line under it, so the line above the kicker is not the headline.
    headline = "Stadt baut neuen Veloweg am Seeufer – doch die Parkplätze bleiben umstritten"
    assert _normalize("dash-kicker-line.txt").title == headline
    page = _page("dash-kicker-line.txt")
    title = next(i for i, line in enumerate(page.lines) if line.text.endswith("am Seeufer"))
    assert headline_under_kicker(page, title, [title, title + 2]) == title + 2
    # Not when the line under the kicker is no candidate, nor under a line without the dash.
    assert headline_under_kicker(page, title, [title]) == title
    assert headline_under_kicker(page, title + 1, [title + 1, title + 3]) == title + 1


def test_a_label_in_capitals_glued_to_the_headline_without_a_space_is_cut() -> None:
    # The label's own inline element is copied with no space at all (`REVEALEDThe ten …`).
    article = _normalize("headline-glued-caps-label.txt")
    assert article.title == "The ten streets where potholes cost drivers the most in repairs"
    assert tidy_headline("EXCLUSIVEHospital car park fees rise") == (
        "Hospital car park fees rise",
        [],
    )
    # An acronym or a name opening the headline is written with its space or in lower case.
    for kept in ("NASA scientists find water on the moon", "IBMers strike over pay deal"):
        assert tidy_headline(kept) == (kept, [])
    # A name fused of an acronym and a word (`NBCUniversal`) is one the story writes too.
    brand = _normalize("headline-glued-brand.txt")
    assert brand.title == "NBCUniversal to close its Harbour Valley studio after 30 years"
    assert tidy_headline("COVIDSafe app passes a million downloads", prose="the covidsafe app") == (
        "COVIDSafe app passes a million downloads",
        [],
    )


def test_a_headline_opening_on_a_quote_in_guillemets_is_weighed() -> None:
    # French sets a space inside its guillemets (`« Le refuge … » : …`); the quote opens the
    # headline as any quote does, and the interviewer's credit under it is no headline.
    article = _normalize("interview-guillemets-fr.txt")
    assert article.title == (
        "« Le refuge ne rouvrira pas avant l'été prochain » : la gardienne du col de l'Arc "
        "fait le point"
    )
    assert article.byline == ["Thomas Girard"]
    assert is_headline_like("« On a perdu la moitié de nos ruches » : un apiculteur raconte")


def test_a_headline_of_two_short_sentences_keeps_its_full_stop() -> None:
    # An opinion headline states its case in two sentences (`… longer hours. A new roof can
    # wait a year.`) over its writer's name; the credit under it is no headline.
    article = _normalize("headline-two-sentences.txt")
    assert article.title == "Millbrook's library needs longer hours. A new roof can wait a year."
    assert article.byline == ["Dolores Whitcombe"]
    # Under a headline the same two sentences are its standfirst.
    headline = "Library board weighs roof repairs against evening hours"
    under = _normalize_changed(
        "headline-two-sentences.txt", "Millbrook's library", f"{headline}\nMillbrook's library"
    )
    assert under.title == headline
    assert two_short_sentences("The county's money is sitting in a bank account. Here's why.")
    # One sentence that ends is prose's shape, and so are two that run longer than a headline.
    assert not two_short_sentences("The board will decide on Thursday whether to fund it.")
    assert not two_short_sentences(
        "The board will decide on Thursday whether to spend its reserve on a new roof. "
        "I have worked at the reference desk for nineteen years and seen three roofs."
    )


def test_a_quoted_slogan_keeps_its_stops_inside_a_two_sentence_headline() -> None:
    # The slogan the headline quotes (`‘Drive slow. We live here.’`) has stops of its own: the
    # headline is still two short sentences over its date and byline.
    article = _normalize("headline-quoted-slogan.txt")
    assert article.title == (
        "Harbor town bets on ‘Drive slow. We live here.’ Drivers seem to listen."
    )
    assert article.byline == ["Ellen Example"]
    assert two_short_sentences("Council backs “Slow. Children.” It may not be enough.")
    # A quote that stays open runs on to the end of the line: one sentence, no headline.
    assert not two_short_sentences("He wrote ‘Stop. Think. Then act on it and leave.")


def test_the_middle_of_three_chinese_headline_decks_is_the_headline() -> None:
    # Kicker, main headline, sub-headline over the stamp line: the sub-headline, longer and
    # retold by the lead, is no headline.
    article = _normalize("headline-cjk-three-decks.txt")
    assert article.title == "江城第三座过江隧道明日通车"
    assert article.byline == ["刘明", "张敏"]
    page = _page("headline-cjk-three-decks.txt")
    kicker = page.keys.index("跨江通道再添新成员")
    decks = [kicker, kicker + 1, kicker + 2]
    assert headline_among_decks(page, kicker + 2, decks) == kicker + 1
    # Two decks do not say which is the main one: the choice stands.
    assert headline_among_decks(page, kicker + 2, decks[1:]) == kicker + 2
    # Korean lines over a stamp are a menu, a section and the headline, no Chinese decks.
    korean = Page(unwrap(split_lines(clean_text(KOREAN_HEADER))))
    assert headline_among_decks(korean, 2, [0, 1, 2]) == 2


KOREAN_HEADER = """검색전체메뉴
정치일반
시의회 '주민투표제' 도입 또다시 불발
입력 2025.07.12 22:09
시의회가 주민투표제 도입 방안을 논의했으나 또다시 결론을 내지 못했다.
"""


@pytest.mark.xfail(strict=True, reason="a short headline reads as a label over its standfirst")
def test_a_two_sentence_standfirst_under_a_short_headline_is_no_headline() -> None:
    # Under a headline of a few words (`Pool reopens`) two short sentences are its standfirst;
    # words and case do not tell that headline from a label (`Guest column`) over a
    # two-sentence headline.
    article = _normalize("headline-short-over-two-sentences.txt")
    assert article.title == "Pool reopens"


@pytest.mark.xfail(strict=True, reason="a headline over two sub-decks reads as a kicker")
def test_a_chinese_headline_over_two_sub_decks_is_the_headline() -> None:
    # The headline first, then a sub-headline of two clauses set as two lines over the stamp:
    # the order of three Chinese decks alone does not tell a kicker from the headline.
    article = _normalize("headline-cjk-head-two-subs.txt")
    assert article.title == "第五届山城灯会今晚开幕"


def test_a_score_box_under_the_date_is_no_headline() -> None:
    # `Marcatori: 23' Bonomi (R), 64' Ferri (V), …`: the scorers of a match report's score
    # box, each after the minute; the headline stands over the byline and the date.
    article = _normalize("headline-score-box.txt")
    assert article.title == "Vallese, rimonta nel derby: la Rivierese cede nel recupero"
    assert article.byline == ["Marta Galimberti"]


def test_a_headline_over_the_date_and_a_credit_box_is_no_bare_name() -> None:
    # Headline / stamp / `Penulis: … | Editor: …`: the box under the stamp signs the story, so
    # the Title Case line over the stamp is its headline, not a bare byline.
    article = _normalize("headline-over-date-credit-box.txt")
    assert article.title == "Angin Kencang Robohkan Pohon Kendari, Puluhan Rumah Rusak"
    assert article.byline == ["Andi Saputra"]


def test_a_quotation_over_its_attribution_is_no_headline() -> None:
    # A testimonial at the top of the page (`… The big looms took years.` / `—Mirela Vodanović
    # of …`): the line under a quotation names who said it, so the quotation is no headline
    # (nor the menu's first entry under it a byline); the episode's headline stands under the
    # show's stamp.
    article = _normalize("headline-quote-attribution.txt")
    assert article.title == "How a two-person studio found its first thousand customers"
    assert "Get Started" not in article.byline


def test_a_headline_over_its_two_sentence_standfirst_heads_the_story() -> None:
    # Headline / comment count / `Electric ferries? Yes, …` / author / date: the line that goes
    # on into a second sentence is the standfirst under the headline of one sentence, though it
    # stands nearer the byline and holds more of the story's words.
    article = _normalize("headline-over-two-sentence-standfirst.txt")
    assert article.title == "Northsound makes a big splash with its island order"
    assert article.byline == ["Imogen Straczynski"]


def test_the_headline_the_address_spells_heads_the_story() -> None:
    # `Copy link https://…/Ortega-s-late-goal-lifts-Rovers-20931877.php` over the headline and
    # its longer standfirst: the story's address is built from its headline, not its standfirst.
    article = _normalize("headline-in-address.txt")
    assert article.title == "Ortega's late goal lifts Rovers"
    assert article.byline == ["Associated Press"]


TIED_WARD = "Dead heat in Ward 7. Recount ordered for Friday."


@pytest.mark.parametrize(
    ("name", "title"),
    [
        # `Share https://…/the-week-in-city-politics-council-delays-vote-on-tram`: the slug
        # opens with the series' name over the headline; the headline's words stand in it too.
        ("headline-slug-after-series.txt", "Council delays vote on tram"),
        # Another story's teaser over its own address (`Harbor City striker …` / `https://…/
        # Harbor-City-striker-…`): the line that carries the address is a link, not this story.
        ("headline-slug-of-teaser-link.txt", "Ortega's late goal lifts Rovers"),
        # A post that cites its source's address under the story (`Source: https://…/council-
        # delays-vote-on-tram-…`), that story's teaser under its byline: the page's own address
        # stands above the story, by the headline.
        ("headline-slug-of-cited-story.txt", "Why the tram delay is good news for buses"),
        # A byline set off by an em dash (`— Jane Holloway, Staff Writer`) under the headline:
        # a headline is no quotation, which opens on a quotation mark or ends on a stop.
        ("headline-over-dash-byline.txt", "Fire crews contain blaze at Elm Street warehouse"),
        # A headline of two sentences under a section's label (`Politics`), another story's
        # teaser over that: only a comment count stands between a headline and its standfirst.
        ("headline-two-sentences-under-label.txt", TIED_WARD),
        # `U.S. Senate passes …` is one sentence: initials are no standfirst's second sentence,
        # and the teaser over it no headline.
        ("headline-initials-under-teaser.txt", "U.S. Senate passes farm bill after two-year delay"),
    ],
)
def test_a_headline_beside_a_slug_a_dash_or_a_label_keeps_its_place(name: str, title: str) -> None:
    assert _normalize(name).title == title


def test_a_cut_slug_still_spells_its_headline() -> None:
    # Sites cut a long headline's slug after a few words and close it with the story's id.
    slugs = [("council", "approves", "new", "footbridge", "over", "14800000")]
    assert spelled("Council approves new footbridge over the Ashby river", slugs)
    assert not spelled("Footbridge to open in the spring, council says", slugs)


@pytest.mark.parametrize(
    ("name", "headline"),
    [
        # A caption closed by a Polish photo credit (`Fot. PAP/Archiwum`) is no headline.
        (
            "title-caption-fot.txt",
            "Wyższa opłata za śmieci od 2026 roku. Kto zapłaci więcej, a kto mniej?",
        ),
        # Nor is the credit of a writer who took the pictures (`शब्द और तस्वीरें: …`).
        ("byline-hindi-photo-essay.txt", "पहाड़ों में चाय की आख़िरी तुड़ाई"),
    ],
)
def test_a_picture_credit_is_no_headline(name: str, headline: str) -> None:
    assert _normalize(name).title == headline


def test_a_score_box_over_a_match_report_holds_no_headline() -> None:
    # `Home team` / `3 - 0` / `Away team` / scorers (`Name 12', Name 50'`) over the breadcrumb
    # and the headline: the teams beside their score and the scorers' minutes are the box's.
    article = _normalize("headline-score-box-th.txt")
    assert article.title == "ขอนแก่น ซิตี้ ถล่ม อุดรธานี เอฟซี 3-0 ปกรณ์ซัดเบิ้ลพาทีมขึ้นที่สาม"
    page = _page("headline-score-box-th.txt")
    teams = [i for i, line in enumerate(page.lines) if line.text == "อุดรธานี เอฟซี"]
    assert not is_candidate(page, teams[0])
    # A time under a headline is no score: `16:40` has no spaces round its colon.
    page = Page(split_lines("Council approves the new bridge\n16:40\nThe council voted on Monday."))
    assert is_candidate(page, 0)
    # A number closing a quote (`'work until 70', 'retire at 68'`) follows a word in lower case,
    # no scorer's name: the headline is no score box's.
    assert _normalize("headline-quoted-numbers.txt").title == (
        "Pensions: 'work until 70', 'retire at 68' plans split the party"
    )
    # The teams' crests carry no names: the headline stands right over the bare score, and a
    # sentence of a dozen words names no team.
    assert _normalize("headline-over-bare-score.txt").title == (
        "Harbour Town come from behind to beat Millbrook and go top of the table"
    )


def test_a_headline_over_a_stamp_with_its_time_word_heads_the_story() -> None:
    # `Do 27.03.25 | 09:41 Uhr | Von Jana Beispiel` under the headline: a German time is read
    # with `Uhr`, and the stamp is the header's date line all the same, so the headline over it
    # outranks a teaser that the page lists again below the story.
    article = _normalize("headline-over-stamp-with-uhr.txt")
    assert (
        article.title
        == "Premiere in Wendelbach - Altes Kino öffnet als Bühne noch einmal seine Türen"
    )
    assert article.byline == ["Jana Beispiel"]


def test_a_headline_over_its_standfirst_points_heads_the_story() -> None:
    # Headline / three points (`Collectors are checking …`, `A mistake at the mint …`, …) /
    # byline: a copy drops the list's marks, so the first point reads as a headline nearer the
    # story; a header sets one standfirst, so three such lines are points under the headline.
    article = _normalize("headline-over-standfirst-points.txt")
    assert article.title.startswith("Your old pound coin could be worth HUNDREDS")
    assert article.byline == ["Harriet Example"]
    # Headline / two standfirst lines / byline under a teaser of another story: the headline
    # and its deck are no list of points under the teaser, which shares none of their words.
    article = _normalize("headline-deck-under-teaser.txt")
    assert article.title == "Storm leaves hundreds of homes without power across the north"


def test_a_motto_over_the_date_header_is_no_post_title() -> None:
    # The blog's motto stands over the post's date header; the post's title under it heads the
    # post, right over its first paragraph.
    article = _normalize("blog-motto-over-date-header.txt")
    assert article.title == "The hedge laying is finished at last"
    assert article.date is not None and article.date.iso() == "2024-03-05"


def test_a_line_of_guest_names_under_the_headline_is_no_headline() -> None:
    # A podcast's page lists its guests under the episode's title with no `By`: the names
    # credit it, the line right above them heads it.
    article = _normalize("headline-over-guest-names.txt")
    assert article.title == "The Sea Wall Bill?"


def test_a_title_case_headline_joined_by_and_is_no_list_of_names() -> None:
    # Two phrases in title case joined by `and` read as names; with no comma between, the line
    # is the headline itself, not a credit under one.
    page = _page("headline-over-guest-names.txt")
    assert headline_over_names(page, 13, [12, 13]) == 12
    page = _page("headline-title-case-and.txt")
    assert headline_over_names(page, 1, [0, 1]) == 1


def test_a_standfirst_under_the_writers_author_page_link_is_no_headline() -> None:
    # `Ines MarlowView More Articles` (the writer's name glued to the button to their other
    # pieces) stands under the headline: the line under it is the standfirst.
    article = _normalize("headline-over-author-link.txt")
    assert article.title == "Go topless this summer in the new drop-top from Vantara"


def test_a_headline_under_a_site_notice_over_its_date_header_is_no_motto() -> None:
    # A cookie notice over the headline is the site's furniture, no blog's description: the
    # headline heads the story, and the line under the date header is its standfirst.
    article = _normalize("date-header-under-site-notice.txt")
    assert article.title == "Ferry crew rescue two kayakers caught in sudden squall"


def test_a_headline_of_names_under_a_kicker_over_its_by_line_is_the_headline() -> None:
    # `Election 2026` / `Ana Lopez, Ben Ortiz, Clara Diaz` / `By Dana Whitfield`: a page signs
    # its story once, so the names its `By` line stands under are the headline, no credit.
    article = _normalize("headline-names-under-kicker.txt")
    assert article.title == "Ana Lopez, Ben Ortiz, Clara Diaz"
    assert article.byline == ["Dana Whitfield"]
