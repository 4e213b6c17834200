"""Page furniture around a story: menus, prompts, link lists, boxes, captions, pull quotes."""

from __future__ import annotations

import pytest

from indexer.normalize.boilerplate import (
    box_end,
    box_kind,
    breadcrumb_tail,
    drop_repeats,
    in_list_run,
    is_copyright,
    is_inline_boilerplate,
)
from indexer.normalize.lines import Line, split_lines, unwrap


@pytest.mark.parametrize(
    "line",
    [
        "Story continues",
        "Story continues below advertisement",
        "Advertisement",
        "Most Read from Bloomberg",
        "4 min read",
        "Share this article",
        "Subscribe to our newsletter",
        "Take advantage of our newsletter subscription and stay informed on the go!",
        "Sign up for our newsletter to get local news in your inbox every morning.",
        "Read more: Council approves budget for road repairs",
        "Image for UK adds six new designations to Sudan sanctions list",
        "Tags:Social mediafinancial marketsInternational trade",
        "Top StoriesInterviewsBusinessFinanceBankingTechnologyInvestingTrading",
        "Home > Finance > China gives a wary welcome",
        "Copyright © 2010-2026 GBAF Publications Ltd - All Rights Reserved.",
        "©2025 Bloomberg L.P.",
        "A woman walks past the port in Singapore, March 4, 2025. REUTERS/Edgar Su/File Photo",
        "We use cookies to improve your experience on our site.",
        "An official website of the United States government",
        "Here's how you know",
        "View All Finance Posts",
        "Previous Finance PostMoldova's separatist enclave hopes Russia will resume gas supplies",
        # A call to follow a handle or the site, in the page's language.
        "Follow @janedoe",
        "Siga @gazetaexemplo",
        "Síguenos en Instagram",
        "Suivez-nous sur Facebook",
        "Folgen Sie uns auf Instagram",
        # A form's field, asking what to type.
        "Enter City and State or Zip Code",
        "Enter your email address",
        "Geben Sie Ihre E-Mail-Adresse ein",
        "Entrez votre adresse e-mail",
        "Introduce tu correo electrónico",
        "Digite seu e-mail",
        # The reader's account and settings; the account's buttons.
        "You are signed in as",
        "You can unsubscribe at any time.",
        "Anmelden",
        "Se connecter",
        "Iniciar sesión",
        "Minha conta",
        "Donate now",
        "Logged in as jdoe",
        "You're now logged out.",
        "Please confirm. You can withdraw your consent at any time in the settings.",
        "Inserisci il tuo indirizzo email",
        # The notice a page shows when the browser runs no scripts.
        "Please enable JavaScript to view the comments.",
        "Sie haben Javascript für Ihren Browser deaktiviert.",
        "Tu navegador está configurado para bloquear JavaScript. Actívalo para seguir leyendo.",
        "Einige Elemente dieser Seite funktionieren nur mit aktiviertem JavaScript.",
        "JavaScript is required for this page to work.",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_inline_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The company said it would launch a subscription service for its app next month.",
        "Users of the Chinese social media app RedNote welcomed TikTok refugees on Wednesday.",
        "Little Red Book",
        "'PROPAGANDISTS FROM THE UNITED STATES'",
        "Shares of the company, known as TikTok's rival, rose by a fifth in Hong Kong trade.",
        "He said readers could share their views with the newspaper by email.",
        # News that names what an interface says.
        "Enter South Dakota, whose new slogan drew laughs across the country.",
        "Follow the money: how the city paid for its new stadium",
        "Fans sign in at the gate before the match, the club said.",
        "You can change a law at any time, the senator told the committee.",
        # A story about someone's account or a form's verb, within a headline or a sentence.
        "Facebook still tracks you when you're logged out, researchers find",
        "Intruder logged in as the city's IT chief before the ransomware attack",
        "Your posts will train the new chatbot. Here's how you can opt out",
        "The pixel keeps sending it even when you're logged out of the network, they said.",
        "Input costs squeeze city bakers as flour prices climb again",
        "Enter your postcode on the council's website to find out when your bins are emptied.",
        "Ingresa una mujer en prisión por atropellar a un ciclista y huir en Alicante",
        # A story about the language names it beside other words, never beside a switch.
        "The new JavaScript engine runs the benchmark twice as fast, the team said.",
        "You can write custom JavaScript to load and run the module.",
        "The update will enable JavaScript developers to ship smaller apps.",
        # A headline about a switch reports what others do; a notice speaks to the reader.
        "Why a quarter of Tor users keep JavaScript disabled",
        "Chrome will ask users to enable JavaScript for each site they visit",
        "Banks say JavaScript is required for their new online security checks",
    ],
)
def test_story_lines_are_not_furniture(line: str) -> None:
    assert not is_inline_boilerplate(line)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Key Takeaways", "summary"),
        ("Quick Summary", "summary"),
        ("Frequently Asked Questions about China gives a wary welcome", "faq"),
        ("More from Finance", "links"),
        ("Related stories", "links"),
        ("You may also like", "links"),
        ("Little Red Book", None),
        ("Warm Welcome in China", None),
    ],
)
def test_box_headings(line: str, kind: str | None) -> None:
    assert box_kind(line) == kind


def _lines(text: str) -> list[Line]:
    """Cleaned lines of a text."""
    return unwrap(split_lines(text))


def test_a_faq_box_ends_with_its_last_answer() -> None:
    lines = _lines(
        "Frequently Asked Questions\n1What is the main topic?\nThe article discusses the app.\n"
        "2Why are users joining?\nThey expect a ban on the other app.\n"
        "The mayor said on Monday that the bridge would reopen next week after repairs."
    )
    assert box_end(lines, 0, "faq") == 5


def test_a_link_list_ends_where_running_text_resumes() -> None:
    lines = _lines(
        "More from Markets\nRubber futures slip as Thai output recovers\n"
        "Copper edges up on supply worries\n"
        "The port handled 3.6 million containers last month, the authority said."
    )
    assert box_end(lines, 0, "links") == 3


def test_a_summary_box_holds_its_bullets() -> None:
    lines = _lines("Key Takeaways\n• First point\n• Second point\nThe story goes on here.")
    assert box_end(lines, 0, "summary") == 3


def test_menus_are_runs_of_short_lines() -> None:
    lines = _lines("Home\nNews\nSport\n\nA headline on its own\n\nA paragraph of the story.")
    assert in_list_run(lines, 1)
    assert not in_list_run(lines, 3)


def test_pull_quotes_and_repeated_paragraphs_are_kept_once() -> None:
    lines = _lines(
        "The surge in interest has pushed the app to the top of the charts\n\n"
        "Hashtags have attracted many posts. The surge in interest has pushed the app to the "
        "top of the charts within days.\n\n"
        "Some creators mocked the situation in a long post about the ban and the app.\n\n"
        "Some creators mocked the situation in a long post about the ban and the app.\n\n"
        "Little Red Book"
    )
    kept = [line.text for line in drop_repeats(lines)]
    assert len(kept) == 3
    assert kept[0].startswith("Hashtags")
    assert kept[-1] == "Little Red Book"  # a short subheading is never taken for a pull quote


def test_copyright_and_breadcrumbs() -> None:
    assert is_copyright("Copyright 2024 The Associated Press. All rights reserved.")
    assert not is_copyright("Copyrights are hard to enforce online, the lawyer said.")
    assert breadcrumb_tail("Home > Finance > China gives a wary welcome") == (
        "China gives a wary welcome"
    )
    assert breadcrumb_tail("Home > Finance") is None


@pytest.mark.parametrize(
    "line",
    [
        "Each right will entitle the holder to subscribe for one common share at 13.85 dlrs.",
        "Hundreds of thousands of Americans are signing up for RedNote this week.",
        "The newsletter Energy Intelligence said output fell in March.",
    ],
)
def test_news_about_subscriptions_is_not_a_prompt(line: str) -> None:
    assert not is_inline_boilerplate(line)
